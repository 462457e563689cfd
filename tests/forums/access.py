"""Forum access expectations: coordinators and admins change, members read, others see the description."""

import io
from datetime import datetime, time, timedelta

from werkzeug.datastructures import FileStorage

from portal.core.uploads import store_upload
from portal.extensions import db
from portal.forums import agenda
from portal.forums.meetings import create_meeting, local_now
from portal.forums.models import Forum, Membership, Need, Resource
from tests.support.access import Expect, only, signed_in

EDITORS = ("forum_coordinator", "admin")
READERS = ("practitioner", *EDITORS)  # the practitioner is a member


def post(ok_for_editors: int, **statuses) -> Expect:
    return Expect(403, {"anonymous": 302, **{a: ok_for_editors for a in EDITORS}, **statuses}, "POST")


EXPECT = {
    "forums.list_forums": signed_in(),
    "forums.new_forum": only("admin"),
    "forums.show_forum": signed_in(),  # non-members see the public description and a Join button
    "forums.edit_forum": only(*EDITORS),
    "forums.join_forum": Expect(302, method="POST"),
    "forums.leave_forum": Expect(302, method="POST"),
    "forums.list_members": only(*EDITORS),
    "forums.set_coordinator": post(302),
    "forums.new_network": only(*EDITORS),
    "forums.list_meetings": only(*READERS),
    "forums.new_meeting": only(*EDITORS),
    "forums.edit_meeting": only(*EDITORS),
    "forums.show_meeting": only(*READERS),
    "forums.publish_meeting": post(422),  # a past meeting: refused with a message
    "forums.cancel_meeting": post(422),  # a past meeting cannot be cancelled: refused with a message
    "forums.edit_minutes": only(*EDITORS),
    "forums.add_action": post(422),  # nothing typed: the form comes back
    "forums.record_attendance": post(302),  # an empty register of a past meeting: saved
    "forums.toggle_action": post(302),
    "forums.add_item": post(422),
    "forums.edit_item": only(*EDITORS),
    "forums.remove_item": Expect(  # past the confirm step; the coordinator removed it first
        403, {"anonymous": 302, **dict.fromkeys(EDITORS, 302), "admin": 404}, "POST", {"confirmed": "yes"}
    ),
    "forums.move_item": post(422),  # no version: treated as a stale page
    "forums.item_resources": only(*EDITORS),
    "forums.link_resource": post(302),
    "forums.list_resources": only(*READERS),
    "forums.add_resource": only(*READERS),  # members add resources themselves
    "forums.download_resource": only(*READERS),
    "forums.remove_resource": post(302, admin=404),
    "forums.record_need": only(*READERS),  # members raise needs; coordinators triage
    "forums.list_needs": only("admin"),
    "forums.respond_need": only("admin"),
    "forums.triage_need": only(*EDITORS),
}


def setup(world):
    users = world.users
    forum = Forum(name="Matrix Forum", slug="matrix-forum", kind="sector", sector="ELC", description="Public.")
    other = Forum(name="Joinable Forum", slug="joinable-forum", kind="sector", sector="Primary")
    db.session.add_all([forum, other])
    db.session.flush()
    db.session.add_all(
        [
            Membership(forum_id=forum.id, user_id=users["forum_coordinator"].id, coordinator=True),
            Membership(forum_id=forum.id, user_id=users["practitioner"].id, coordinator=False),
            Membership(forum_id=other.id, user_id=users["admin"].id, coordinator=True),
        ]
    )
    db.session.flush()
    coordinator = users["forum_coordinator"]
    day = (local_now() - timedelta(days=7)).date()
    meeting = create_meeting(
        forum, actor=coordinator, title="Past", day=day, start=time(16), end=time(17), place="Hall", record_past=True
    )
    action = agenda.add_action(meeting, forum, actor=coordinator, what="Follow up")
    stored = store_upload(FileStorage(io.BytesIO(b"notes"), filename="notes.txt"))
    files = [
        Resource(forum_id=forum.id, title=f"File {n}", file_key=stored.key, filename="notes.txt", size=5)
        for n in range(2)
    ]
    need = Need(forum_id=forum.id, title="Play", status="raised", created_at=datetime(2026, 1, 1))
    db.session.add_all([*files, need])
    db.session.commit()
    f, m = {"forum_id": forum.id}, {"forum_id": forum.id, "meeting_id": meeting.id}
    item = {**m, "item_id": meeting.items[0].id}
    for endpoint in (
        "show_forum",
        "edit_forum",
        "list_members",
        "new_network",
        "list_meetings",
        "new_meeting",
        "list_resources",
        "add_resource",
        "record_need",
    ):
        world.args[f"forums.{endpoint}"] = f
    for endpoint in ("join_forum", "leave_forum"):
        world.args[f"forums.{endpoint}"] = {"forum_id": other.id}  # membership of the main forum stays put
    for endpoint in (
        "edit_meeting",
        "show_meeting",
        "publish_meeting",
        "cancel_meeting",
        "edit_minutes",
        "add_action",
        "add_item",
        "record_attendance",
    ):
        world.args[f"forums.{endpoint}"] = m
    for endpoint in ("edit_item", "remove_item", "move_item"):
        world.args[f"forums.{endpoint}"] = item
    linking = agenda.add_item(meeting, forum, actor=coordinator, title="Linking")  # never removed
    db.session.commit()
    world.args["forums.item_resources"] = {**m, "item_id": linking.id}
    world.args["forums.link_resource"] = {**m, "item_id": linking.id, "resource_id": files[0].id}
    world.args["forums.toggle_action"] = {**m, "action_id": action.id}
    world.args["forums.set_coordinator"] = {**f, "user_id": users["practitioner"].id}
    world.args["forums.download_resource"] = {**f, "resource_id": files[0].id}
    world.args["forums.remove_resource"] = {**f, "resource_id": files[1].id}
    world.args["forums.respond_need"] = {"need_id": need.id}
    world.args["forums.triage_need"] = {**f, "need_id": need.id}
