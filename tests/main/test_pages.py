"""Home pages per role, public pages, security headers, error pages."""

import pytest

from portal.core.roles import Role


def test_landing_page_for_visitors(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Sign in" in response.data


def test_signed_in_visitor_goes_home(client, login, make_user):
    login(make_user(Role.PRACTITIONER))
    assert client.get("/").headers["Location"].endswith("/home")


@pytest.mark.parametrize(
    "role, expected, absent",
    [
        (Role.ADMIN, [b"People", b"Import establishments"], []),
        (Role.LA_OFFICER, [b"People", b"Invite people"], [b"Import establishments"]),
        (Role.PRACTITIONER, [b"Your profile", b"Themed enquiries"], [b"Invite people"]),
        (Role.SENIOR_LEADER, [b"Self-evaluation"], [b"Invite people"]),
        (Role.RESEARCHER, [b"Establishments", b"Reports"], [b"Invite people"]),
    ],
)
def test_home_page_is_made_for_the_role(client, login, make_user, role, expected, absent):
    login(make_user(role))
    page = client.get("/home").data
    for text in expected:
        assert text in page
    for text in absent:
        assert text not in page


def test_home_says_honestly_what_is_not_built_yet(client, login, make_user, app):
    login(make_user(Role.SENIOR_LEADER))
    page = client.get("/home").get_data(as_text=True)
    if "leadership.list_evaluations" not in app.view_functions:
        assert "Not available yet: arrives with the leadership programme" in page


def test_security_headers(client):
    headers = client.get("/sign-in").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"]


def test_pages_have_no_inline_script(client):
    page = client.get("/sign-in").get_data(as_text=True)
    assert "<script>" not in page and "<script " in page
    assert 'integrity="sha384-' in page


def test_friendly_404_in_the_layout(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert b"Page not found" in response.data and b"Skip to main content" in response.data


def test_friendly_403_in_the_layout(client, login, make_user):
    login(make_user(Role.PRACTITIONER))
    response = client.get("/people")
    assert response.status_code == 403
    assert b"You do not have access" in response.data


def test_accessibility_statement_is_public(client):
    assert b"2.2 at level AA" in client.get("/accessibility").data


def test_floor_page_renders_fifty_rows_in_one_query(app, client, make_establishment):
    for _ in range(55):
        make_establishment()
    app.config["BENCHMARK"] = True
    response = client.get("/floor")
    assert response.data.count(b"<tr>") == 50
    assert response.headers["X-Query-Count"] == "1"


def test_signed_in_floor_reads_one_row_per_statement_asked_for(app, client, make_establishment, make_user, login):
    for _ in range(15):
        make_establishment()
    login(make_user())
    assert client.get("/floor/signed-in?statements=3").status_code == 404  # not without BENCHMARK=1
    app.config["BENCHMARK"] = True
    for asked, statements in ((0, 1), (3, 4), (12, 13), (40, 13)):  # the person's own load, then one a row
        response = client.get(f"/floor/signed-in?statements={asked}")
        assert response.status_code == 200 and b"Skip to main content" in response.data
        assert response.data.count(b"<tr>") == statements - 1
        assert response.headers["X-Query-Count"] == str(statements)


def test_friendly_500_in_the_layout(own_app):
    def broken():
        raise RuntimeError("boom")

    own_app.add_url_rule("/broken-for-test", "broken_for_test", broken)
    own_app.config["PROPAGATE_EXCEPTIONS"] = False
    response = own_app.test_client().get("/broken-for-test")
    assert response.status_code == 500
    assert b"Sorry, something went wrong" in response.data and b"Skip to main content" in response.data


def test_production_refuses_the_development_secret():
    from portal import create_app
    from tests.conftest import config_for_tests

    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app(config_for_tests(ENV_NAME="production", SECRET_KEY="dev-only-change-me"))


def test_home_lists_what_the_person_has_in_hand(app, client, demo):
    users = demo.users
    for key, expected in (
        ("leader", "Continue your self-evaluation"),
        ("practitioner", "Your team: Outdoor Explorers"),
        ("coordinator", "Forum meeting:"),
    ):
        with client.session_transaction() as session:
            session["_user_id"] = str(users[key].id)
        assert expected in client.get("/home").get_data(as_text=True), key
    with client.session_transaction() as session:  # the demo leader's plan is agreed: nothing left to answer
        session["_user_id"] = str(users["lead"].id)
    assert "Read and respond to" not in client.get("/home").get_data(as_text=True)


def test_home_query_count_does_not_grow(app, client, make_user, demo):
    """The practitioner's home costs the same with one booking and team as with many."""
    from sqlalchemy import select

    from portal.enquiries.models import Team, TeamMember
    from portal.events.models import Booking, Event
    from portal.extensions import db

    user = demo.users["practitioner"]
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
    before = client.get("/home").headers["X-Query-Count"]
    booked = set(db.session.scalars(select(Booking.event_id).where(Booking.user_id == user.id)))
    for event_id in db.session.scalars(select(Event.id)):
        if event_id not in booked:
            db.session.add(Booking(event_id=event_id, user_id=user.id, status="booked"))
    joined = set(db.session.scalars(select(TeamMember.team_id).where(TeamMember.user_id == user.id)))
    for team_id in db.session.scalars(select(Team.id)):
        if team_id not in joined:
            db.session.add(TeamMember(team_id=team_id, user_id=user.id))
    db.session.commit()
    assert client.get("/home").headers["X-Query-Count"] == before


def test_home_names_a_shared_plan_s_owner_and_a_waiting_list_place(app, client, demo):
    """The next steps read a few columns, not objects: each line still names what it did."""
    from sqlalchemy import select

    from portal.events.models import Booking, Event, local_now
    from portal.extensions import db
    from portal.leadership.models import SHARED, DevelopmentPlan, PlanShare

    users = demo.users
    plan = db.session.scalar(
        select(DevelopmentPlan).where(DevelopmentPlan.owner_id == users["leader"].id).order_by(DevelopmentPlan.id)
    )
    plan.status, plan.shared_at = SHARED, local_now()
    if not db.session.scalar(
        select(PlanShare.id).where(PlanShare.plan_id == plan.id, PlanShare.user_id == users["lead"].id)
    ):
        db.session.add(PlanShare(plan_id=plan.id, user_id=users["lead"].id))
    booked = select(Booking.event_id).where(Booking.user_id == users["lead"].id)
    event = db.session.scalar(
        select(Event)
        .where(Event.starts_at > local_now(), Event.cancelled.is_(False), Event.id.not_in(booked))
        .order_by(Event.starts_at)
        .limit(1)
    )
    db.session.add(Booking(event_id=event.id, user_id=users["lead"].id, status="waitlisted"))
    db.session.commit()
    with client.session_transaction() as session:
        session["_user_id"] = str(users["lead"].id)
    page = client.get("/home").get_data(as_text=True)
    assert f"Read and respond to {users['leader'].name}&#39;s development plan" in page
    assert f'href="/leadership/plans/{plan.id}"' in page
    assert f'<a class="ds_link" href="/events/{event.id}">On the waiting list: {event.title}</a>' in page
    assert event.starts_at.strftime("%a %d %b, %H:%M") in page


def test_home_reads_no_rating_levels_for_a_draft_evaluation(app, client, demo):
    """The leader's "continue your self-evaluation" line needs the evaluation's label, not its framework's scale."""
    from tests.support.sql import statements

    with client.session_transaction() as session:
        session["_user_id"] = str(demo.users["leader"].id)
    with statements() as seen:
        page = client.get("/home").get_data(as_text=True)
    assert "Continue your self-evaluation" in page
    assert not [s for s in seen if "rating_level" in s or "rating_scale" in s]
