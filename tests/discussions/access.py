"""Discussion access: a forum's space is for its members, coordinators and the admin; others get 403."""

import io

from flask import current_app
from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from portal.discussions import services
from portal.discussions.models import Post
from portal.discussions.spaces import find
from portal.extensions import db
from portal.forums.models import Forum, Membership
from tests.support.access import Expect, only, signed_in

READERS = ("practitioner", "forum_coordinator", "admin")  # the practitioner is a member and the author


def post(ok: int, **statuses) -> Expect:
    return Expect(403, {"anonymous": 302, **{a: ok for a in READERS}, **statuses}, "POST")


EXPECT = {
    "discussions.list_topics": only(*READERS),
    "discussions.new_topic": only(*READERS),
    "discussions.show_topic": only(*READERS),
    "discussions.reply": post(422),  # nothing typed: the form comes back
    "discussions.resolve_topic": post(302),
    "discussions.edit_post": only("practitioner"),  # only the author edits
    "discussions.delete_post": only(*READERS),  # the author or a moderator (a confirm page)
    "discussions.report_post": only(*READERS),
    "discussions.download_attachment": only(*READERS),
    "discussions.whats_new": signed_in(),
    "discussions.list_reports": only("forum_coordinator", "admin"),  # the space's moderators
    # the second moderator finds it resolved: refused in the service, flashed, redirected
    "discussions.keep_reported": Expect(403, {"anonymous": 302, "forum_coordinator": 303, "admin": 303}, "POST"),
    "discussions.remove_reported": only("forum_coordinator", "admin"),  # the confirm page with a reason
    # A forum takes no comments in context: its readers get 404 (team comments: tests/discussions/test_comments.py).
    "discussions.comments": Expect(403, {"anonymous": 302, **{a: 404 for a in READERS}}),
}


def setup(world):
    users = world.users
    forum = Forum(name="Matrix Discussion Forum", slug="matrix-discussion-forum", kind="sector", sector="ELC")
    db.session.add(forum)
    db.session.flush()
    db.session.add_all(
        [
            Membership(forum_id=forum.id, user_id=users["forum_coordinator"].id, coordinator=True),
            Membership(forum_id=forum.id, user_id=users["practitioner"].id, coordinator=False),
        ]
    )
    db.session.flush()
    with current_app.test_request_context():
        topic = services.create_topic(
            find("forum", forum.id),
            actor=users["practitioner"],
            title="Matrix topic",
            body="Hello",
            upload=FileStorage(io.BytesIO(b"notes"), filename="notes.txt"),
        )
        space_ = find("forum", forum.id)
        first_post = db.session.scalar(select(Post).where(Post.topic_id == topic.id))
        second = services.reply(topic, space_, actor=users["practitioner"], body="Buy my course")
        kept = services.report_post(first_post, topic, space_, actor=users["practitioner"], reason="Off topic")
        removed = services.report_post(second, topic, space_, actor=users["practitioner"], reason="Advertising")
    db.session.commit()
    world.args["discussions.keep_reported"] = {"report_id": kept.id}
    world.args["discussions.remove_reported"] = {"report_id": removed.id}
    first = db.session.scalar(select(Post.id).where(Post.topic_id == topic.id).order_by(Post.id))
    space = {"space_type": "forum", "space_id": forum.id}
    world.args["discussions.list_topics"] = world.args["discussions.new_topic"] = space
    world.args["discussions.list_reports"] = space
    world.args["discussions.comments"] = {**space, "anchor": "section:change"}
    for endpoint in ("show_topic", "reply", "resolve_topic"):
        world.args[f"discussions.{endpoint}"] = {"topic_id": topic.id}
    for endpoint in ("edit_post", "delete_post", "report_post", "download_attachment"):
        world.args[f"discussions.{endpoint}"] = {"post_id": first}
