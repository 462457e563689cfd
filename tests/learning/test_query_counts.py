"""The record list, the shared list and the pack issue the same number of queries at two data sizes."""

from datetime import date, timedelta

from sqlalchemy import insert

from portal.core.dates import utcnow
from portal.core.roles import Role
from portal.extensions import db
from portal.learning.models import LearningEntry
from tests.learning.conftest import attended_booking


def _grow(person, reviewer, n: int) -> None:
    now, today = utcnow(), date.today()
    db.session.execute(
        insert(LearningEntry),
        [
            {
                "user_id": person.id,
                "kind": "reading",
                "title": f"Entry {i}",
                "started_on": today - timedelta(days=i % 60),
                "ended_on": None,
                "hours": 1,
                "standard": "clpl",
                "sections": "2",
                "reflection": "r",
                "evidence": "link",
                "shared_with_id": reviewer.id,
                "created_at": now,
                "updated_at": now,
            }
            for i in range(n)
        ],
    )
    for _ in range(n // 5):
        attended_booking(person)
    db.session.commit()


def _counts(client, login, person, reviewer) -> dict:
    counts = {}
    for name, (user, url) in {
        "record": (person, "/learning/"),
        "pack": (person, "/learning/pack"),
        "shared": (reviewer, "/learning/shared"),
    }.items():
        login(user)
        response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = int(response.headers["X-Query-Count"])
    return counts


def test_query_counts_do_not_grow(client, login, make_user):
    person, reviewer = make_user(Role.PRACTITIONER), make_user(Role.SENIOR_LEADER)
    _grow(person, reviewer, 5)
    small = _counts(client, login, person, reviewer)
    _grow(person, reviewer, 60)
    assert _counts(client, login, person, reviewer) == small
