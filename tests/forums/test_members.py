"""The members page: one page of members at a time, coordinators first, found by name or e-mail."""

from portal.core.roles import Role
from portal.extensions import db
from portal.forums.models import Membership
from tests.support.sql import sqlite_plan, statements


def test_members_are_paged_and_found_by_name(app, client, login, world, make_user, htmx_get):
    app.config["PAGE_SIZE"] = 3
    for n in range(5):
        extra = make_user(Role.PRACTITIONER, name=f"Pat Extra {n}", email=f"pat{n}@test.example.org")
        db.session.add(Membership(forum_id=world.forum.id, user_id=extra.id))
    db.session.commit()
    login(world.coordinator)
    url = f"/forums/{world.forum.id}/members"
    first = client.get(url).get_data(as_text=True)
    assert "7 members" in first and "Page 1 of 3" in first and "Cora Coordinator" in first  # coordinators first
    assert "Pat Extra 4" not in first and "?page=2" in first
    found = htmx_get(f"{url}?q=EXTRA 4", "member-results")
    part = found.get_data(as_text=True)
    assert part.lstrip().startswith('<div id="member-results"') and "HX-Request" in found.headers["Vary"]
    assert "1 member found" in part and "Pat Extra 4" in part and "Mo Member" not in part
    by_email = client.get(f"{url}?q=mo@test").get_data(as_text=True)
    assert "Mo Member" in by_email and "Pat Extra" not in by_email
    assert "No member matches." in client.get(f"{url}?q=nobody").get_data(as_text=True)
    assert "?page=2&amp;q=Pat" in client.get(f"{url}?q=Pat").get_data(as_text=True)  # the pager keeps the search


def test_members_are_in_name_order_after_the_coordinators_with_and_without_a_search(app, world, make_user):
    from portal.forums import queries

    app.config["PAGE_SIZE"] = 4
    made = [make_user(Role.PRACTITIONER, name=name) for name in ("Zoe Extra", "Al Extra", "Al Extra", "Bo Extra")]
    for person in made:
        db.session.add(Membership(forum_id=world.forum.id, user_id=person.id))
    db.session.commit()
    with app.test_request_context():
        listed = queries.members(world.forum).items
        assert listed[0].coordinator and not any(m.coordinator for m in listed[1:])
        assert [m.name for m in listed[1:]] == ["Al Extra", "Al Extra", "Bo Extra"]  # the page's people, in order
        names = [(m.name, m.user_id) for m in queries.members(world.forum, "extra").items]
    al = sorted(p.id for p in made[1:3])
    assert names == [("Al Extra", al[0]), ("Al Extra", al[1]), ("Bo Extra", made[3].id), ("Zoe Extra", made[0].id)]


def test_the_members_page_joins_people_to_its_page_only(app, world):
    """Rows of what the list shows, in one statement after the count: a page of memberships sorted by name, then
    the page's people (with school and authority) read by their keys, never every member's person."""
    from portal.forums import queries

    forum = world.forum
    assert forum.id  # read before: the statements below are the list's own
    with app.test_request_context(), statements() as seen:
        page = queries.members(forum)
    assert [m.name for m in page.items] == ["Cora Coordinator", "Mo Member"] and len(seen) == 2
    if db.engine.dialect.name == "sqlite":
        plan = sqlite_plan(seen[-1], seen.parameters[-1])
        assert "SCAN anon_1" in plan and "SEARCH user_account USING INTEGER PRIMARY KEY" in plan, plan
        assert "SCAN user_account" not in plan and "SCAN forum_membership" not in plan, plan
