"""The browser tests' own checks find what they are there to find (a check that passes everything is silent)."""

import pytest

from tests.browser import conftest, html_checker


def test_axe_reports_a_violation_with_its_rule_and_element(page, monkeypatch):
    monkeypatch.setitem(conftest.CHECKED_PAGES, "__folder__", None)  # not a portal page: keep it from the checker
    page.set_content('<!doctype html><html lang="en"><title>t</title><main><img src="a.png"><p>Text</p></main></html>')
    with pytest.raises(AssertionError) as failure:
        conftest.assert_accessible(page)
    assert "image-alt" in str(failure.value) and '<img src="a.png">' in str(failure.value)
    page.set_content('<!doctype html><html lang="en"><title>t</title><main><img src="a.png" alt="A"></main></html>')
    conftest.assert_accessible(page)


def test_the_html_checker_reports_errors_with_file_and_line(tmp_path):
    valid = tmp_path / "valid.html"
    valid.write_text('<!doctype html>\n<html lang="en"><title>t</title><main><p>Text</p></main></html>\n')
    invalid = tmp_path / "invalid.html"
    invalid.write_text('<!doctype html>\n<html lang="en"><title>t</title>\n<main id="a"><p id="a">Text</main>\n')
    errors = html_checker.html_errors([valid, invalid])
    assert errors and all(e.startswith("invalid.html:3: ") for e in errors), errors
    assert any("Duplicate ID" in e for e in errors), errors
    assert html_checker.html_errors([valid]) == []
