"""Scale data for feedback: about a third of the people marked present at the scale region's past events give
feedback (inserted in bulk), so the organisers' and the programme pages are measured at partnership size."""

from sqlalchemy import insert, select

from portal.events.models import BOOKED, Booking
from portal.extensions import db
from portal.feedback.models import EventFeedback

SAYINGS = ("Try it with one class first.", "Share it with my department.", "Collect data weekly.", "")


def load_scale(ctx) -> None:
    rng = ctx.rng
    present = db.session.execute(
        select(Booking.event_id, Booking.user_id).where(Booking.status == BOOKED, Booking.attended.is_(True))
    ).all()
    rows = []
    for event_id, user_id in present:
        if rng.random() >= 0.35:
            continue
        before = rng.randint(1, 4)
        rows.append(
            {
                "event_id": event_id,
                "user_id": user_id,
                "rating": rng.choice((2, 3, 4, 4, 5, 5)),
                "do_differently": rng.choice(SAYINGS),
                "confidence_before": before,
                "confidence_after": min(5, before + rng.choice((0, 1, 1, 2))),
            }
        )
        if len(rows) >= 20000:
            db.session.execute(insert(EventFeedback), rows)
            rows = []
    if rows:
        db.session.execute(insert(EventFeedback), rows)
    db.session.flush()
