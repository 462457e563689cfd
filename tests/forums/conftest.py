"""Forum fixtures: a forum with a coordinator, a member and an outsider; meetings at chosen times."""

from datetime import datetime, time, timedelta

import pytest

from portal.core.roles import Role
from portal.extensions import db
from portal.forums.meetings import create_meeting, local_now
from portal.forums.models import Forum, Membership


@pytest.fixture
def make_forum(app):
    def make(name="Early Years Forum", coordinators=(), members=(), officer=None, parent=None, kind="sector"):
        forum = Forum(
            name=name,
            slug=f"{name.lower().replace(' ', '-')}-{datetime.now().timestamp()}",
            kind=kind,
            sector="ELC",
            description=f"The public description of {name}.",
            officer_id=officer.id if officer else None,
            parent_id=parent.id if parent else None,
        )
        db.session.add(forum)
        db.session.flush()
        for user in coordinators:
            db.session.add(Membership(forum_id=forum.id, user_id=user.id, coordinator=True))
        for user in members:
            db.session.add(Membership(forum_id=forum.id, user_id=user.id, coordinator=False))
        db.session.commit()
        return forum

    return make


@pytest.fixture
def world(make_user, make_forum):
    """A forum run by one coordinator, with one member; an outsider and the partnership admin."""
    coordinator = make_user(
        Role.FORUM_COORDINATOR, Role.PRACTITIONER, name="Cora Coordinator", email="cora@test.example.org"
    )
    member = make_user(Role.PRACTITIONER, name="Mo Member", email="mo@test.example.org")
    outsider = make_user(Role.PRACTITIONER, name="Olly Outsider")
    admin = make_user(Role.ADMIN, name="Ada Admin")
    forum = make_forum(coordinators=[coordinator], members=[member])
    return type(
        "World",
        (),
        {"forum": forum, "coordinator": coordinator, "member": member, "outsider": outsider, "admin": admin},
    )


@pytest.fixture
def make_meeting(app):
    def make(forum, actor, *, days=14, formal=True, hour=16, title="Forum meeting", minutes=90):
        day = (local_now() + timedelta(days=days)).date()
        start = time(hour, 0)
        end = (datetime.combine(day, start) + timedelta(minutes=minutes)).time()
        meeting = create_meeting(
            forum,
            actor=actor,
            title=title,
            day=day,
            start=start,
            end=end,
            place="Kelvinbank ELC",
            formal=formal,
            record_past=days < 0,
        )
        db.session.commit()
        return meeting

    return make
