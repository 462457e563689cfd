"""Event feedback in aggregate, under disclosure control (`portal.core.privacy`, MIN_GROUP): per event, per
programme (the events' owning context) and per school year for the reports. No figure describes fewer than
MIN_GROUP people; "what I will do differently" is shown without names, in alphabetical order (never in the
order people answered), and only when at least MIN_GROUP people answered, since in a smaller group a reader
who knows who came could tell who wrote what."""

from dataclasses import asdict, dataclass
from functools import cache

from sqlalchemy import bindparam, case, func, select

from portal.core.privacy import MIN_GROUP, shown, suppress
from portal.core.snapshots import kept
from portal.core.tables import Column, Table
from portal.events.models import Event
from portal.events.policies import policy_for
from portal.extensions import db
from portal.feedback.models import RATED_HIGH_FROM, EventFeedback
from portal.reports import grouping as g
from portal.reports.sources import ReportScope


@dataclass(frozen=True)
class Summary:
    """What a group's feedback says; every figure is None when fewer than MIN_GROUP answered."""

    n: int
    mean_rating: float | None = None
    share_high: float | None = None  # share rating 4 or 5
    mean_before: float | None = None
    mean_after: float | None = None
    mean_change: float | None = None

    @property
    def shown(self) -> bool:
        return shown(self.n)


def _figures():
    return (
        func.count(EventFeedback.id),
        func.avg(EventFeedback.rating * 1.0),
        func.avg(case((EventFeedback.rating >= RATED_HIGH_FROM, 1.0), else_=0.0)),
        func.avg(EventFeedback.confidence_before * 1.0),
        func.avg(EventFeedback.confidence_after * 1.0),
        func.avg((EventFeedback.confidence_after - EventFeedback.confidence_before) * 1.0),
    )


def summary_of(n, rating, high, before, after, change) -> Summary:
    n = int(n or 0)
    figures = [None if v is None else float(v) for v in (rating, high, before, after, change)]
    return Summary(n, *(suppress(v, n) for v in figures))


def for_event(event_id: int) -> Summary:
    return summary_of(*db.session.execute(select(*_figures()).where(EventFeedback.event_id == event_id)).one())


def for_events(event_ids: list[int]) -> dict[int, Summary]:
    """Summaries of a page of events (one grouped query)."""
    if not event_ids:
        return {}
    rows = db.session.execute(_for_events_query(), {"ids": list(event_ids)})
    return {event_id: summary_of(*figures) for event_id, *figures in rows}


@cache
def _for_events_query():
    """for_events' statement, built once per process."""
    return (
        select(EventFeedback.event_id, *_figures())
        .where(EventFeedback.event_id.in_(bindparam("ids", expanding=True)))
        .group_by(EventFeedback.event_id)
    )


def texts_for_event(event_id: int, n: int) -> list[str]:
    """What people will do differently: no names, alphabetical, and nothing when the group is small."""
    if not shown(n):
        return []
    return list(
        db.session.scalars(
            select(EventFeedback.do_differently)
            .where(EventFeedback.event_id == event_id, EventFeedback.do_differently != "")
            .order_by(EventFeedback.do_differently)
        )
    )


PROGRAMME_OF_CONTEXT = {context: programme for programme, context in g.EVENT_CONTEXT_OF.items()}


def programme_label(context_type: str) -> str:
    programme = PROGRAMME_OF_CONTEXT.get(context_type)
    return g.PROGRAMMES[programme] if programme else policy_for(context_type).label


def by_programme(scope: ReportScope) -> list[tuple[int, str, Summary]]:
    """(school year, programme, Summary) per school year and owning context, newest year first."""
    year = g.school_year(Event.starts_at)
    stmt = (
        select(year, Event.context_type, *_figures())
        .join(Event, Event.id == EventFeedback.event_id)
        .where(*g.year_filters(scope, year), *g.person_in_scope(scope, EventFeedback.user_id))
        .group_by(year, Event.context_type)
    )
    if scope.programme:
        stmt = stmt.where(Event.context_type == g.EVENT_CONTEXT_OF.get(scope.programme, scope.programme))
    rows = [(int(y), programme_label(ct), summary_of(*figures)) for y, ct, *figures in db.session.execute(stmt)]
    return sorted(rows, key=lambda r: (-r[0], r[1]))


def kept_by_programme(scope: ReportScope) -> list[tuple[int, str, Summary]]:
    """`by_programme`, kept until feedback, events or people change (portal.core.snapshots)."""
    return kept("feedback_by_programme", asdict(scope), lambda: by_programme(scope))


COLUMNS = [
    Column("year", "School year"),
    Column("programme", "Programme"),
    Column("n", "Responses", "int"),
    Column("rating", "Mean rating (1-5)", "decimal"),
    Column("high", "Rating 4 or 5", "percent"),
    Column("before", "Confidence before (1-5)", "decimal"),
    Column("after", "Confidence after (1-5)", "decimal"),
    Column("change", "Mean change in confidence", "decimal"),
]


READS = (EventFeedback, Event)  # what `for_report` reads


def for_report(scope: ReportScope) -> list[Table]:
    """The reports' `event_feedback` source: one table of feedback per school year and programme."""
    rows = by_programme(scope)
    if not rows:
        return []
    return [
        Table(
            "event_feedback",
            "Event feedback by school year and programme",
            COLUMNS,
            [
                [
                    g.year_label(y),
                    label,
                    suppress(s.n, s.n),
                    s.mean_rating,
                    s.share_high,
                    s.mean_before,
                    s.mean_after,
                    s.mean_change,
                ]
                for y, label, s in rows
            ],
            f"Feedback forms from people marked present, per school year of the event. Every figure, the count "
            f"included, is withheld where fewer than {MIN_GROUP} answered; "
            f"confidence on the event's focus is each person's own before/after judgement after the event.",
        )
    ]
