"""Walk every route in the URL map for every role and for visitors, and compare with the expectations."""

import importlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from flask import url_for
from sqlalchemy import select

from portal.accounts.models import User
from portal.core.roles import Role
from portal.extensions import db
from tests.support.access import ACTORS

ROLE_OF = {
    "practitioner": Role.PRACTITIONER,
    "senior_leader": Role.SENIOR_LEADER,
    "key_facilitator": Role.KEY_FACILITATOR,
    "forum_coordinator": Role.FORUM_COORDINATOR,
    "la_officer": Role.LA_OFFICER,
    "admin": Role.ADMIN,
    "researcher": Role.RESEARCHER,
}


def _domain_modules():
    root = Path(__file__).parent
    for path in sorted(root.glob("*/access.py")):
        if path.parent.name == "support":
            continue
        yield importlib.import_module(f"tests.{path.parent.name}.access")


def build_world(app, make_user, label: str):
    """One user per role and every domain's records and URL arguments (tests/<domain>/access.py `setup`),
    with every route's expectation: the ground the access matrix and the hostile-input walk stand on."""
    world = SimpleNamespace(users={}, args={}, app=app)
    for actor, role in ROLE_OF.items():
        world.users[actor] = make_user(role, name=f"{label} {actor}")
    expectations = {}
    modules = list(_domain_modules())
    for module in modules:
        expectations.update(module.EXPECT)
    for module in modules:
        if hasattr(module, "setup"):
            module.setup(world)
    return world, expectations


# The walks over the whole URL map are cut into parts (every SHARDS-th route, in the same order), so that the test
# workers share them; each part stands on a world of its own.
SHARDS = 2


def share(items: list, shard: int) -> list:
    """Part `shard` of the sorted `items`: every SHARDS-th one, keeping their order."""
    return items[shard::SHARDS]


def test_every_route_has_an_access_expectation(app):
    expectations = {}
    for module in _domain_modules():
        expectations.update(module.EXPECT)
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    missing = sorted(endpoints - set(expectations))
    assert not missing, f"routes with no access expectation: {missing}"
    stale = sorted(set(expectations) - endpoints)
    assert not stale, f"expectations for routes that do not exist: {stale}"


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_route_for_every_actor(app, make_user, shard):
    world, expectations = build_world(app, make_user, "Matrix")

    failures = []
    for endpoint, expect in share(sorted(expectations.items()), shard):
        with app.test_request_context():
            url = url_for(endpoint, **world.args.get(endpoint, {}))
        for actor in ACTORS:
            client = app.test_client()
            if actor != "anonymous":
                with client.session_transaction() as session:
                    session["_user_id"] = str(world.users[actor].id)
                    # The current session generation: signing out (a route walked here) ends earlier sessions.
                    session["_sv"] = db.session.scalar(
                        select(User.session_version).where(User.id == world.users[actor].id)
                    )
            response = client.open(url, method=expect.method, data=expect.data)
            response.close()  # static files hold an open file until closed
            if response.status_code != expect.status_for(actor):
                failures.append(
                    f"{expect.method} {url} as {actor}: {response.status_code}, expected {expect.status_for(actor)}"
                )
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("endpoint", ["accounts.profile"])
def test_post_without_csrf_token_is_refused(app, make_user, endpoint):
    app.config["WTF_CSRF_ENABLED"] = True
    user = make_user(Role.PRACTITIONER)
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
    with app.test_request_context():
        url = url_for(endpoint)
    response = client.post(url, data={"name": "Changed"})
    assert response.status_code == 400
    assert b"Your form had expired" in response.data


def test_csrf_token_in_htmx_header_is_accepted(app, make_user):
    """htmx sends the token from <body hx-headers> as X-CSRFToken instead of a form field."""
    import re

    app.config["WTF_CSRF_ENABLED"] = True
    user = make_user(Role.PRACTITIONER)
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
    page = client.get("/profile").get_data(as_text=True)
    token = re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1)
    response = client.post("/profile", data={"name": "Via Header"}, headers={"X-CSRFToken": token})
    assert response.status_code == 302
