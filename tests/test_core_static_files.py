"""Static files at versioned addresses: kept by browsers for a year while the file is unchanged, a new address when
it changes, and every template asks for static files the one way (`static_url`)."""

import re
from pathlib import Path

from portal.core.static_files import YEAR

ROOT = Path(__file__).resolve().parents[1]


def _stylesheet(client) -> str:
    return re.search(r'href="(/static/portal\.css\?v=[0-9a-f]{12})"', client.get("/sign-in").get_data(as_text=True))[1]


def test_a_page_names_its_files_by_version_and_that_answer_is_kept_for_a_year(app, client):
    address = _stylesheet(client)
    with client.get(address) as kept:
        assert kept.status_code == 200 and kept.data == (ROOT / "static" / "portal.css").read_bytes()
        assert kept.cache_control.max_age == YEAR and kept.cache_control.public
    for unversioned in ("/static/portal.css", "/static/portal.css?v=000000000000"):  # an old page's address
        with client.get(unversioned) as answer:
            assert answer.status_code == 200 and answer.cache_control.max_age is None


def test_in_development_a_changed_file_gets_a_new_address(app, client, tmp_path, monkeypatch):
    monkeypatch.setattr(app, "static_folder", str(tmp_path))
    monkeypatch.setattr(app, "debug", True)  # a served process keeps its addresses: a release restarts it
    (tmp_path / "portal.css").write_text("body { color: black }")
    first = _stylesheet(client)
    (tmp_path / "portal.css").write_text("body { color: navy }")
    second = _stylesheet(client)
    assert first != second
    with client.get(second) as new, client.get(first) as old:
        assert new.data == b"body { color: navy }" and new.cache_control.max_age == YEAR
        assert old.cache_control.max_age is None  # the old version is no longer kept


def test_templates_ask_for_static_files_only_through_static_url():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if re.search(r"url_for\(\s*['\"]static['\"]|['\"]/static/", path.read_text())
    ]
    assert offenders == []


def test_a_served_process_makes_each_address_once(app, client, tmp_path, monkeypatch):
    monkeypatch.setattr(app, "static_folder", str(tmp_path))
    monkeypatch.setitem(app.extensions, "static_addresses", {})
    (tmp_path / "portal.css").write_text("body { color: black }")
    first = _stylesheet(client)
    (tmp_path / "portal.css").write_text("body { color: navy }")  # not how a release arrives: it restarts the workers
    assert _stylesheet(client) == first
