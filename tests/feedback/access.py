"""Access expectations for feedback: people marked present give it; an event's organisers (here the key
facilitator), the lead officer and researchers read its summary; programme figures and the end-of-year
evaluation's results are for the lead officer and researchers; only a network's people evaluate it."""

from datetime import date, timedelta

from portal.events.models import Booking, Event, local_now
from portal.extensions import db
from portal.feedback import evaluation
from portal.forums.models import Forum, Membership
from tests.support.access import Expect, only, signed_in

READERS = ("researcher", "admin")


def setup(world):
    start = (local_now() - timedelta(days=3)).replace(hour=10, minute=0, second=0, microsecond=0)
    event = Event(
        title="Matrix feedback event",
        kind="webinar",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        organiser_id=world.users["key_facilitator"].id,
    )
    forum = Forum(slug="matrix-feedback-forum", name="Matrix feedback forum", kind="sector")
    db.session.add_all([event, forum])
    db.session.flush()
    db.session.add(Booking(event_id=event.id, user_id=world.users["practitioner"].id, status="booked", attended=True))
    db.session.add(Membership(forum_id=forum.id, user_id=world.users["practitioner"].id))
    today = date.today()
    year = today.year if today.month >= 8 else today.year - 1
    found = evaluation.create_round(
        school_year=year, opens_on=today - timedelta(days=1), closes_on=today + timedelta(days=5), actor=None
    )
    db.session.commit()
    world.args.update(
        {
            "feedback.give": {"event_id": event.id},
            "feedback.event_results": {"event_id": event.id},
            "feedback.edit_round": {"round_id": found.id},
            "feedback.evaluation_results_page": {"round_id": found.id},
            "feedback.evaluate": {"round_id": found.id, "kind": "forum", "network_id": forum.id},
        }
    )


EXPECT = {
    "feedback.give": only("practitioner"),
    "feedback.mine": signed_in(),
    "feedback.organised": signed_in(),
    "feedback.event_results": only("key_facilitator", *READERS),
    "feedback.programmes": only(*READERS),
    "feedback.evaluations": only(*READERS),
    "feedback.create_round": Expect(403, {"admin": 422, "anonymous": 302}, "POST"),
    "feedback.edit_round": only("admin"),
    "feedback.evaluation_results_page": only(*READERS),
    "feedback.my_evaluations": signed_in(),
    "feedback.evaluate": only("practitioner"),
}
