"""Notification access: everyone signed in has their own; unsubscribe works without signing in."""

from flask import current_app

from portal.extensions import db
from portal.notifications import services
from tests.support.access import Expect, public, signed_in

EXPECT = {
    "notifications.list_notifications": signed_in(),
    "notifications.bell": signed_in(),
    "notifications.open_notification": Expect(404, {"anonymous": 302, "practitioner": 302}),  # only its owner
    "notifications.mark_all_read": Expect(302, method="POST"),
    "notifications.edit_preferences": signed_in(),
    "notifications.unsubscribe": public(),
}


def setup(world):
    with current_app.test_request_context():
        [note] = services.notify([world.users["practitioner"]], "reply", "Matrix reply", url="/notifications")
        token = services.unsubscribe_token(world.users["practitioner"], "reply")
    db.session.commit()
    world.args["notifications.open_notification"] = {"notification_id": note.id}
    world.args["notifications.unsubscribe"] = {"token": token}
