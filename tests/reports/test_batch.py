"""The reports' batch: reads of different shapes and types come back as they were asked, in one statement."""

from datetime import datetime

import pytest
from sqlalchemy import Float, cast, event, func, literal, select

from portal.core.roles import Role
from portal.events.models import Event
from portal.extensions import db
from portal.organisations.models import LocalAuthority
from portal.reports.batch import Batch


@pytest.fixture
def statements(app):
    seen = []

    def count(*args):
        seen.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    yield seen
    event.remove(db.engine, "before_cursor_execute", count)


def test_reads_of_every_type_come_back_in_their_own_shape_in_one_statement(app, statements, make_user):
    organiser = make_user(Role.ADMIN)
    starts = datetime(2026, 3, 4, 9, 30)
    db.session.add(
        Event(
            title="Launch",
            starts_at=starts,
            ends_at=datetime(2026, 3, 4, 12),
            kind="webinar",
            context_type="partnership",
            context_id=0,
            organiser_id=organiser.id,
        )
    )
    db.session.flush()
    statements.clear()
    batch = Batch()
    batch.add("names", select(LocalAuthority.slug, func.count()).group_by(LocalAuthority.slug))
    batch.add("events", select(Event.title, Event.starts_at, literal(7), cast(literal(2) / 4.0, Float)))
    batch.add("nothing", select(LocalAuthority.id).where(LocalAuthority.id < 0))
    counts = dict(batch.rows("names"))
    assert len(counts) == 8 and set(counts.values()) == {1}
    [(title, when, seven, half)] = batch.rows("events")
    assert (title, when, seven, half) == ("Launch", starts, 7, 0.5)
    assert isinstance(seven, int) and isinstance(half, float)
    assert batch.rows("nothing") == []
    assert len(statements) == 1
    # A read added after the others ran is read on its own, and the first reads are kept.
    batch.add("again", select(func.count()).select_from(LocalAuthority))
    assert batch.rows("again") == [(8,)] and len(statements) == 2
    assert batch.rows("events")[0][0] == "Launch" and len(statements) == 2


def test_a_column_of_unknown_type_is_refused(app):
    batch = Batch()
    batch.add("mean", select(func.avg(LocalAuthority.id)))
    with pytest.raises(TypeError, match="cast it"):
        batch.rows("mean")
