"""Demo events (a full launch with a waiting list, a webinar, a monthly drop-in series, past events with a
register) and five years of partnership-scale events and bookings."""

from datetime import datetime, time, timedelta

from sqlalchemy import insert, select

from portal.core.roles import Role
from portal.events import services
from portal.events.models import BOOKED, WAITLISTED, Booking, Event, EventSeries, local_now
from portal.extensions import db

ONLINE = "https://meet.westpartnership.example/"


def _at(days: int, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(local_now().date() + timedelta(days=days), time(hour, minute))


def _event(ctx, title: str, kind: str, days: int, hours: tuple, **fields) -> Event:
    """The demo event called `title`, created once (dates are relative to the first load)."""
    existing = db.session.scalar(select(Event).where(Event.title == title, Event.series_id.is_(None)))
    if existing is not None:
        return existing
    event = services.create_event(
        actor=ctx.users["lead"],
        title=title,
        kind=kind,
        starts_at=_at(days, *hours[0]),
        ends_at=_at(days, *hours[1]),
        **fields,
    )
    return event


def _place(event: Event, user, status: str = BOOKED, attended: bool | None = None) -> None:
    if services.booking_of(event, user) is None:
        db.session.add(Booking(event_id=event.id, user_id=user.id, status=status, attended=attended))


def load_demo(ctx) -> None:
    u = ctx.users
    launch = _event(
        ctx,
        "Collaborative learning networks: launch",
        "launch",
        10,
        ((15, 30), (17, 0)),
        capacity=2,
        location="City Chambers, Glasgow",
        description="Meet your network, hear from last year's teams and plan the year ahead.",
    )
    for key, status in (("leader", BOOKED), ("facilitator", BOOKED), ("coordinator", WAITLISTED)):
        _place(launch, u[key], status)
    _event(
        ctx,
        "Webinar: measuring the impact of a small change",
        "webinar",
        14,
        ((16, 0), (17, 0)),
        capacity=40,
        online_url=ONLINE + "impact",
        description="Quantitative and qualitative evidence: drawing up a data collection plan.",
    )
    if db.session.scalar(select(EventSeries).where(EventSeries.title == "Enquiry drop-in")) is None:
        first = local_now().date() + timedelta(days=6)
        series = services.create_series(
            actor=u["lead"],
            title="Enquiry drop-in",
            kind="drop_in",
            dates=services.monthly_dates(first, 6),
            start_time=time(16),
            end_time=time(17),
            online_url=ONLINE + "drop-in",
            capacity=25,
            description="Bring your enquiry plan: what change, for whom, and how will you know it made a difference?",
        )
        first_event = db.session.scalar(select(Event).where(Event.series_id == series.id).order_by(Event.starts_at))
        _place(first_event, u["practitioner"])
    sharing = _event(
        ctx,
        "Sharing event: learning through play",
        "sharing_event",
        -20,
        ((13, 30), (16, 0)),
        location="Online",
        online_url=ONLINE + "sharing",
    )
    for key, came in (("practitioner", True), ("leader", True), ("facilitator", False)):
        _place(sharing, u[key], attended=came)
    meeting = _event(
        ctx,
        "Network meeting: from a hunch to an enquiry question",
        "meeting",
        -1,
        ((15, 45), (17, 0)),
        location="Riverside Primary School, Glasgow",
        capacity=20,
        organiser=u["facilitator"],
    )
    for key in ("practitioner", "leader", "coordinator"):
        _place(meeting, u[key])
    db.session.flush()


KINDS = ("webinar", "webinar", "drop_in", "launch", "sharing_event", "workshop", "meeting")
CAPACITIES = (None, 20, 30, 40, 40, 60, 100)


def load_scale(ctx) -> None:
    """~600 events a year for `ctx.years` years with ~100,000 bookings, inserted in bulk."""
    rng = ctx.rng
    people = ctx.user_ids_by_role.get(Role.PRACTITIONER, [])
    now = local_now().replace(minute=0, second=0, microsecond=0)
    first_day = now - timedelta(days=365 * ctx.years)
    series_ids = db.session.scalars(
        insert(EventSeries).returning(EventSeries.id, sort_by_parameter_order=True),
        [
            {
                "title": f"Monthly drop-in {first_day.year + y}",
                "kind": "drop_in",
                "context_type": "partnership",
                "created_at": first_day,
            }
            for y in range(ctx.years)
        ],
    ).all()
    rows = []
    total = 600 * ctx.years
    for i in range(total):
        start = first_day + timedelta(days=i * (365 * ctx.years + 90) / total, hours=rng.choice((-6, -2, 0, 2)))
        start = start.replace(hour=rng.choice((10, 13, 16)), minute=0)
        kind = rng.choice(KINDS)
        series = series_ids[min(i * ctx.years // total, ctx.years - 1)] if kind == "drop_in" and i % 3 == 0 else None
        rows.append(
            {
                "title": f"{kind.replace('_', ' ').capitalize()} {i + 1}",
                "kind": kind,
                "description": "",
                "starts_at": start,
                "ends_at": start + timedelta(hours=rng.choice((1, 1, 2, 3))),
                "location": "" if kind in ("webinar", "drop_in") else "Partnership centre",
                "online_url": ONLINE + str(i) if kind in ("webinar", "drop_in") else "",
                "capacity": rng.choice(CAPACITIES),
                "compulsory": False,
                "context_type": "partnership",
                "series_id": series,
                "sequence": 0,
                "cancelled": i % 97 == 0,
                "created_at": start,
            }
        )
    event_ids = db.session.scalars(insert(Event).returning(Event.id, sort_by_parameter_order=True), rows).all()
    bookings = []
    for event_id, row in zip(event_ids, rows, strict=True):
        wanted = rng.randint(5, 60)
        past = row["ends_at"] < now
        for n, user_id in enumerate(rng.sample(people, min(wanted, len(people)))):
            status = WAITLISTED if row["capacity"] is not None and n >= row["capacity"] else BOOKED
            attended = (rng.random() < 0.82) if past and status == BOOKED else None
            bookings.append(
                {
                    "event_id": event_id,
                    "user_id": user_id,
                    "status": status,
                    "attended": attended,
                    "created_at": row["created_at"] - timedelta(days=7, minutes=n),
                }
            )
        if len(bookings) > 20000:
            db.session.execute(insert(Booking), bookings)
            bookings = []
    if bookings:
        db.session.execute(insert(Booking), bookings)
    db.session.flush()
