"""Event feedback: who may give it (people marked present, once the event has ended, until it closes), one
form per person per event (corrected in place until it closes), and the e-mail that asks for it."""

from datetime import date, datetime, timedelta

from flask import current_app, has_request_context, url_for
from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError

from portal.accounts.models import User
from portal.core.dates import long_date, utcnow
from portal.core.forms import ServiceError
from portal.core.mail import send_template
from portal.events.models import BOOKED, Booking, Event, local_now
from portal.extensions import db
from portal.feedback.models import SCALE, EventFeedback, FeedbackPrompt

OPEN_DAYS = 28  # feedback closes four weeks after the event ends
TEXT_LIMIT = 2000
NOT_PRESENT, NOT_ENDED, OPEN, CLOSED = "not_present", "not_ended", "open", "closed"


def closes_on(event: Event) -> date:
    """The last day feedback on `event` can be given or corrected."""
    return event.ends_at.date() + timedelta(days=OPEN_DAYS)


def was_present(event: Event, user) -> bool:
    return bool(
        db.session.scalar(
            select(
                exists().where(
                    Booking.event_id == event.id,
                    Booking.user_id == user.id,
                    Booking.status == BOOKED,
                    Booking.attended.is_(True),
                )
            )
        )
    )


def state(event: Event, user, now: datetime | None = None) -> str:
    """Where this person stands with feedback on this event."""
    now = now or local_now()
    if event.cancelled or not was_present(event, user):
        return NOT_PRESENT
    if not event.is_past(now):
        return NOT_ENDED
    return OPEN if now.date() <= closes_on(event) else CLOSED


def feedback_of(event: Event, user) -> EventFeedback | None:
    return db.session.scalar(
        select(EventFeedback).where(EventFeedback.event_id == event.id, EventFeedback.user_id == user.id)
    )


def _check(rating, before, after, do_differently: str) -> str:
    errors = []
    for field, value in (("rating", rating), ("confidence_before", before), ("confidence_after", after)):
        if value not in SCALE:
            errors.append((field, "Choose a number from 1 to 5."))
    text = (do_differently or "").strip()
    if len(text) > TEXT_LIMIT:
        errors.append(("do_differently", f"Write at most {TEXT_LIMIT:,} characters."))
    if errors:
        raise ServiceError(*errors)
    return text


def _check_open(event: Event, user, now: datetime) -> None:
    where = state(event, user, now)
    if where == NOT_PRESENT:
        raise ServiceError((None, "Feedback is asked of the people the register records as present."))
    if where == NOT_ENDED:
        raise ServiceError((None, "Feedback opens once the event has ended."))
    if where == CLOSED:
        raise ServiceError((None, f"Feedback on this event closed on {long_date(closes_on(event))}."))


def give_feedback(
    event: Event, *, rating, do_differently: str, confidence_before, confidence_after, actor, now=None
) -> EventFeedback:
    """The person's one feedback form on an event they attended. A second one is refused with a message (the
    unique key catches two tabs at once as well)."""
    now = now or local_now()
    _check_open(event, actor, now)
    text = _check(rating, confidence_before, confidence_after, do_differently)
    already = (
        None,
        "You have already given feedback on this event. What you typed is kept below: send it to replace your "
        f"earlier answer (you can correct it until {long_date(closes_on(event))}).",
    )
    if feedback_of(event, actor) is not None:
        raise ServiceError(already)
    feedback = EventFeedback(
        event_id=event.id,
        user_id=actor.id,
        rating=rating,
        do_differently=text,
        confidence_before=confidence_before,
        confidence_after=confidence_after,
    )
    try:
        with db.session.begin_nested():
            db.session.add(feedback)
            db.session.flush()
    except IntegrityError:
        raise ServiceError(already) from None
    return feedback


def correct_feedback(
    feedback: EventFeedback,
    event: Event,
    *,
    rating,
    do_differently,
    confidence_before,
    confidence_after,
    actor,
    now=None,
) -> EventFeedback:
    """The author corrects their own answer until feedback closes (the earlier answer is not kept)."""
    if feedback.user_id != actor.id:
        raise ServiceError((None, "Only the person who gave this feedback can correct it."))
    _check_open(event, actor, now or local_now())
    feedback.do_differently = _check(rating, confidence_before, confidence_after, do_differently)
    feedback.rating, feedback.confidence_before, feedback.confidence_after = (
        rating,
        confidence_before,
        confidence_after,
    )
    feedback.updated_at = utcnow()
    db.session.flush()
    return feedback


# --- asking for it: the home page's "In hand", and the scheduled e-mail -------------------------------------


def window_start(now: datetime) -> datetime:
    """The earliest end of an event whose feedback is still open at `now` (it closes OPEN_DAYS after the day)."""
    return datetime.combine(now.date() - timedelta(days=OPEN_DAYS), datetime.min.time())


def awaiting_query(user_id, now, since):
    """Events this person attended, ended (before `now`) and still open for feedback (ended since `since`, see
    `window_start`), without their feedback yet. The arguments are values or bound parameters."""
    given = select(EventFeedback.event_id).where(EventFeedback.user_id == user_id)
    return (
        select(Event)
        .join(Booking, Booking.event_id == Event.id)
        .where(
            Booking.user_id == user_id,
            Booking.status == BOOKED,
            Booking.attended.is_(True),
            Event.cancelled.is_(False),
            Event.ends_at < now,
            Event.ends_at >= since,
            Event.id.not_in(given),
        )
        .order_by(Event.ends_at.desc())
    )


def _feedback_url(event_id: int) -> str:
    """The form's full address; outside a request (the command) the base comes from PORTAL_URL."""
    if has_request_context():
        return url_for("feedback.give", event_id=event_id, _external=True)
    with current_app.test_request_context(base_url=current_app.config["PORTAL_URL"]):
        return url_for("feedback.give", event_id=event_id, _external=True)


def remind(now: datetime | None = None) -> int:
    """E-mail each person marked present at an event that ended (and whose feedback is still open) the link to
    its feedback form, once: a prompt row records it, so running this again sends nothing twice."""
    now = now or local_now()
    since = window_start(now)
    prompted = select(FeedbackPrompt.id).where(
        FeedbackPrompt.event_id == Booking.event_id, FeedbackPrompt.user_id == Booking.user_id
    )
    given = select(EventFeedback.id).where(
        EventFeedback.event_id == Booking.event_id, EventFeedback.user_id == Booking.user_id
    )
    rows = db.session.execute(
        select(Event.id, Event.title, Event.ends_at, User.id, User.email, User.name)
        .join(Booking, Booking.event_id == Event.id)
        .join(User, User.id == Booking.user_id)
        .where(
            Booking.status == BOOKED,
            Booking.attended.is_(True),
            Event.cancelled.is_(False),
            Event.ends_at < now,
            Event.ends_at >= since,
            ~exists(prompted),
            ~exists(given),
        )
        .order_by(Event.id, User.id)
    ).all()
    for event_id, title, ends_at, user_id, address, name in rows:
        db.session.add(FeedbackPrompt(event_id=event_id, user_id=user_id, sent_at=utcnow()))
        send_template(
            address,
            "event_feedback",
            name=name,
            event=title,
            closes=long_date(ends_at.date() + timedelta(days=OPEN_DAYS)),
            link=_feedback_url(event_id),
            link_label="Give your feedback",
            reason="the register records you as present at this event",
        )
    db.session.flush()
    current_app.logger.info("event feedback requests sent: %s", len(rows))
    return len(rows)
