"""The browser tests' own checks find what they are there to find (a check that passes everything is silent)."""

import pytest

from tests.browser import conftest


def test_axe_reports_a_violation_with_its_rule_and_element(page, monkeypatch):
    monkeypatch.setitem(conftest.CHECKED_PAGES, "__folder__", None)  # not a portal page: keep it from the checker
    page.set_content('<!doctype html><html lang="en"><title>t</title><main><img src="a.png"><p>Text</p></main></html>')
    with pytest.raises(AssertionError) as failure:
        conftest.assert_accessible(page)
    assert "image-alt" in str(failure.value) and '<img src="a.png">' in str(failure.value)
    page.set_content('<!doctype html><html lang="en"><title>t</title><main><img src="a.png" alt="A"></main></html>')
    conftest.assert_accessible(page)
