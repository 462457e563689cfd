"""Removing a framework's domain or statement confirms first (a page without JavaScript)."""

import pytest

from portal.core.roles import Role
from portal.extensions import db
from portal.frameworks import services
from portal.frameworks.defaults import six_point_scale


@pytest.fixture
def framework(app):
    fw = services.create_framework(
        slug="fw",
        title="Test framework",
        kind="test",
        scale=six_point_scale(),
        sections=[{"title": "Alpha", "items": ["a1", "a2"]}, {"title": "Beta", "items": ["b1"]}],
    )
    db.session.commit()
    return fw


def test_removing_a_statement_or_a_domain_asks_first(client, login, make_user, framework):
    login(make_user(Role.ADMIN))
    assert 'data-confirm="Remove this statement?"' in client.get(f"/frameworks/{framework.id}").text
    item = services.latest_version(framework).sections[0].items[0]
    asked = client.post(f"/frameworks/{framework.id}/items/{item.id}/remove")
    assert asked.status_code == 200 and "Remove the statement “a1” from Test framework?" in asked.text
    client.post(f"/frameworks/{framework.id}/items/{item.id}/remove", data={"confirmed": "yes"})
    db.session.expire_all()
    assert [i.text for i in services.latest_version(framework).sections[0].items] == ["a2"]

    section = services.latest_version(framework).sections[1]
    asked = client.post(f"/frameworks/{framework.id}/sections/{section.id}/remove")
    assert "Remove the domain “Beta” and all its statements" in asked.text
    client.post(f"/frameworks/{framework.id}/sections/{section.id}/remove", data={"confirmed": "yes"})
    db.session.expire_all()
    assert [s.title for s in services.latest_version(framework).sections] == ["Alpha"]
