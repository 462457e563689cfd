"""Discussion fixtures: a forum (coordinator, member, outsider), a theme with a registered member, helpers."""

from datetime import datetime
from types import SimpleNamespace

import pytest

from portal.core.roles import Role
from portal.discussions.spaces import find
from portal.enquiries.models import Registration, Theme
from portal.extensions import db
from portal.forums.models import Forum, Membership


@pytest.fixture
def space_world(app, make_user):
    """A forum with coordinator Catriona and member Morag (and outsider Owen); a theme Morag registered for,
    with facilitator Fiona (key facilitators support every theme)."""
    with app.test_request_context():
        people = SimpleNamespace(
            coordinator=make_user(Role.FORUM_COORDINATOR, name="Catriona Coord", email="cat@test.example.org"),
            member=make_user(Role.PRACTITIONER, name="Morag Member", email="morag@test.example.org"),
            outsider=make_user(Role.PRACTITIONER, name="Owen Outsider", email="owen@test.example.org"),
            facilitator=make_user(Role.KEY_FACILITATOR, name="Fiona Facil", email="fiona@test.example.org"),
            admin=make_user(Role.ADMIN, name="Ada Admin", email="ada@test.example.org"),
        )
        forum = Forum(name="Early Years Forum", slug=f"ey-{datetime.now().timestamp()}", kind="sector", sector="ELC")
        theme = Theme(school_year="2026-27", title="Learning Through Play")
        db.session.add_all([forum, theme])
        db.session.flush()
        db.session.add_all(
            [
                Membership(forum_id=forum.id, user_id=people.coordinator.id, coordinator=True),
                Membership(forum_id=forum.id, user_id=people.member.id, coordinator=False),
                Registration(theme_id=theme.id, user_id=people.member.id),
            ]
        )
        db.session.commit()
        people.forum, people.theme = forum, theme
        people.forum_space = lambda: find("forum", forum.id)
        people.theme_space = lambda: find("theme", theme.id)
        yield people
