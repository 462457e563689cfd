"""Coordinators triage the development needs members raise: accept, decline (saying why) or merge; the member
who raised it is told; only the forum's coordinators (and the lead officer) triage."""

import pytest
from sqlalchemy import select

from portal.core.forms import ServiceError
from portal.extensions import db
from portal.forums import library
from portal.notifications.models import Notification


def _raise(world, title):
    need = library.record_need(world.forum, actor=world.member, title=title, detail="We need help")
    db.session.commit()
    return need


def _told(user):
    return db.session.scalars(
        select(Notification).where(Notification.user_id == user.id, Notification.kind == "need_triaged")
    ).all()


def test_accept_decline_and_merge_tell_the_member(app, world):
    a, b, c = _raise(world, "Loose parts play"), _raise(world, "Outdoor play"), _raise(world, "Coding")
    with app.test_request_context():
        library.triage_need(a, world.forum, actor=world.coordinator, decision="accept")
        library.triage_need(b, world.forum, actor=world.coordinator, decision="merge", merge_into=a.id, note="Same")
        library.triage_need(c, world.forum, actor=world.coordinator, decision="decline", note="Not for this forum")
    db.session.commit()
    assert (a.status, b.status, b.merged_into_id, c.status) == ("accepted", "merged", a.id, "declined")
    subjects = sorted(n.subject for n in _told(world.member))
    assert subjects == [
        'Your development need "Coding" was declined',
        'Your development need "Loose parts play" was accepted',
        'Your development need "Outdoor play" was merged into "Loose parts play"',
    ]


def test_triage_is_for_coordinators_once_with_reasons(app, world):
    need, other = _raise(world, "Transitions"), _raise(world, "Numeracy")
    for actor in (world.member, world.outsider):
        with pytest.raises(ServiceError):
            library.triage_need(need, world.forum, actor=actor, decision="accept")
    with pytest.raises(ServiceError):  # declining needs a reason
        library.triage_need(need, world.forum, actor=world.coordinator, decision="decline")
    with pytest.raises(ServiceError):  # merging into itself
        library.triage_need(need, world.forum, actor=world.coordinator, decision="merge", merge_into=need.id)
    library.triage_need(need, world.forum, actor=world.admin, decision="merge", merge_into=other.id)
    with pytest.raises(ServiceError):  # already triaged
        library.triage_need(need, world.forum, actor=world.coordinator, decision="accept")


def test_triage_page_keeps_typed_note_and_is_refused_to_members(app, client, login, world):
    need = _raise(world, "Assessment")
    url = f"/forums/{world.forum.id}/needs/{need.id}/triage"
    login(world.member)
    assert client.get(url).status_code == 403
    login(world.coordinator)
    forum_page = client.get(f"/forums/{world.forum.id}").get_data(as_text=True)
    assert url in forum_page
    refused = client.post(url, data={"decision": "decline", "merge_into": "0", "note": ""})
    assert refused.status_code == 422 and b"Say why" in refused.data
    refused = client.post(url, data={"decision": "merge", "merge_into": "0", "note": "Typed words"})
    assert refused.status_code == 422 and b"Typed words" in refused.data
    done = client.post(url, data={"decision": "accept", "merge_into": "0", "note": "Good idea"})
    assert done.status_code == 303
    db.session.refresh(need)
    assert need.status == "accepted"
    assert b"Good idea" in client.get(f"/forums/{world.forum.id}").data
