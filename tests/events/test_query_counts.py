"""The list, event, register and my-bookings pages issue the same number of queries at two data sizes."""

from datetime import timedelta

from sqlalchemy import insert

from portal.accounts.models import User, UserRole
from portal.core.roles import Role
from portal.events.models import Booking, Event, local_now
from portal.extensions import db


def _grow(events: int, people: int, me: User, target: Event, start: int) -> None:
    """Add `events` events (half past) and `people` people booked on each and on `target`; `me` books all."""
    users = db.session.scalars(
        insert(User).returning(User.id),
        [
            {
                "name": f"Grown {start + i}",
                "email": f"grown{start + i}@test.example.org",
                "job_title": "",
                "promoted": False,
                "active": True,
                "establishment_id": me.establishment_id,
            }
            for i in range(people)
        ],
    ).all()
    db.session.execute(insert(UserRole), [{"user_id": u, "role": "practitioner"} for u in users])
    now = local_now().replace(microsecond=0)
    rows = [
        {
            "title": f"Grown event {start + i}",
            "kind": "webinar",
            "description": "",
            "location": "",
            "online_url": "",
            "capacity": 50,
            "compulsory": False,
            "context_type": "partnership",
            "sequence": 0,
            "cancelled": False,
            "starts_at": now + timedelta(days=(i * 7) % 40 - 10, hours=1),
            "ends_at": now + timedelta(days=(i * 7) % 40 - 10, hours=2),
        }
        for i in range(events)
    ]
    ids = db.session.scalars(insert(Event).returning(Event.id), rows).all()
    bookings = [{"event_id": e, "user_id": u, "status": "booked", "attended": True} for e in ids for u in users]
    bookings += [{"event_id": e, "user_id": me.id, "status": "booked", "attended": None} for e in ids]
    bookings += [{"event_id": target.id, "user_id": u, "status": "booked", "attended": None} for u in users]
    if not start:  # the person also holds a place at the event whose page is measured
        bookings.append({"event_id": target.id, "user_id": me.id, "status": "booked", "attended": None})
    db.session.execute(insert(Booking), bookings)
    db.session.commit()


def _counts(client, login, person, admin, event_id: int) -> dict:
    pages = {
        "list": (person, "/events"),
        "list_past": (person, "/events?past=y"),
        "show": (person, f"/events/{event_id}"),
        "mine": (person, "/events/mine"),
        "mine_past": (person, "/events/mine?past=y"),
        "register": (admin, f"/events/{event_id}/register"),
        "report": (admin, "/events/attendance"),
    }
    counts = {}
    for name, (user, url) in pages.items():
        login(user)
        response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = int(response.headers["X-Query-Count"])
    return counts


def test_query_counts_do_not_grow(client, login, make_user, make_event):
    admin, person = make_user(Role.ADMIN), make_user(Role.PRACTITIONER)
    target = make_event(days=-1, capacity=None)
    _grow(3, 2, person, target, 0)
    small = _counts(client, login, person, admin, target.id)
    _grow(60, 12, person, target, 1000)
    large = _counts(client, login, person, admin, target.id)
    assert small == large, (small, large)
    print("query counts:", large)
