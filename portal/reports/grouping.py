"""SQL building blocks the reporting service shares: school years in SQL, who took part, scope filters."""

from datetime import datetime

from sqlalchemy import DateTime, and_, cast, func, literal, select, union_all

from portal.accounts.models import User
from portal.cohorts.models import NetworkCohort, Nomination
from portal.core import sqldates
from portal.enquiries.models import Registration, Team, TeamMember
from portal.extensions import db
from portal.forums.models import Membership
from portal.leadership.models import CONFIRMED, CohortPlace, LeadershipCohort, ProgrammeYear
from portal.organisations.models import Establishment
from portal.reports.sources import ReportScope

PROGRAMMES = {
    "network": "Network cohorts",
    "themed": "Themed enquiries",
    "leadership": "Leadership programme",
    "gateway": "Gateway teams",
    "forum": "Forums",
}
EVENT_CONTEXT_OF = {"network": "network_cohort", "themed": "theme", "leadership": "leadership_cohort"}


def school_year(column):
    """The calendar year the school year (August to July) holding `column` starts in, computed in SQL."""
    return sqldates.school_year(column)


def cohort_year(column):
    """A cohort's school_year label ("2026-27") as the starting year."""
    return cast(func.substr(column, 1, 4), db.Integer)


def as_datetime(column):
    """A DATE as a timestamp, so that union branches agree on PostgreSQL (SQLite stores both as text)."""
    return column if db.engine.dialect.name == "sqlite" else cast(column, DateTime)


def year_label(start: int | None) -> str:
    return f"{start}-{(start + 1) % 100:02d}" if start is not None else "unknown"


def involvement():
    """Every way a person takes part, one row each: (at, user_id, est_id, programme)."""
    launch = func.coalesce(as_datetime(NetworkCohort.launch_on), Nomination.created_at)
    nominated = [
        select(launch.label("at"), person.label("user_id"), Nomination.establishment_id, literal("network"))
        .join(NetworkCohort, NetworkCohort.id == Nomination.cohort_id)
        .where(person.is_not(None))
        for person in (Nomination.leader_id, Nomination.practitioner_id)
    ]
    return union_all(
        select(
            TeamMember.joined_at.label("at"),
            TeamMember.user_id.label("user_id"),
            TeamMember.establishment_id.label("est_id"),
            Team.kind.label("programme"),
        ).join(Team, Team.id == TeamMember.team_id),
        select(Registration.created_at, Registration.user_id, Registration.establishment_id, literal("themed")),
        *nominated,
        select(
            as_datetime(ProgrammeYear.starts_on), CohortPlace.person_id, User.establishment_id, literal("leadership")
        )
        .join(LeadershipCohort, LeadershipCohort.id == CohortPlace.cohort_id)
        .join(ProgrammeYear, ProgrammeYear.id == LeadershipCohort.year_id)
        .join(User, User.id == CohortPlace.person_id)
        .where(CohortPlace.status == CONFIRMED),
        select(Membership.joined_at, Membership.user_id, User.establishment_id, literal("forum")).join(
            User, User.id == Membership.user_id
        ),
    ).subquery("involvement")


def scoped_involvement(scope: ReportScope, *, since: datetime | None = None, until: datetime | None = None):
    """Involvement rows within the scope, with year, authority and sector: a subquery to group."""
    inv = involvement()
    stmt = select(
        school_year(inv.c.at).label("year"),
        inv.c.at,
        inv.c.user_id,
        inv.c.est_id,
        inv.c.programme,
        Establishment.authority_id.label("la"),
        Establishment.sector.label("sector"),
    ).outerjoin(Establishment, Establishment.id == inv.c.est_id)
    stmt = stmt.where(*establishment_filters(scope))
    if scope.programme:
        stmt = stmt.where(inv.c.programme == scope.programme)
    if since is not None:
        stmt = stmt.where(inv.c.at >= since)
    if until is not None:
        stmt = stmt.where(inv.c.at < until)
    return stmt.subquery("scoped")


def establishment_filters(scope: ReportScope, establishment=Establishment) -> list:
    where = []
    if scope.authority_id:
        where.append(establishment.authority_id == scope.authority_id)
    if scope.sector:
        where.append(establishment.sector == scope.sector)
    return where


def year_filters(scope: ReportScope, year_expr) -> list:
    where = []
    if scope.first_year:
        where.append(year_expr >= scope.first_year)
    if scope.last_year:
        where.append(year_expr <= scope.last_year)
    return where


def person_in_scope(scope: ReportScope, user_id_column) -> list:
    """Conditions that keep people whose establishment is in the scope's LA and sector."""
    where = establishment_filters(scope)
    if not where:
        return []
    return [
        user_id_column.in_(
            select(User.id).join(Establishment, Establishment.id == User.establishment_id).where(and_(*where))
        )
    ]


def team_in_scope(scope: ReportScope, team_id_column) -> list:
    """A team is in scope when one of its members' establishments is."""
    where = establishment_filters(scope)
    if not where:
        return []
    members = (
        select(TeamMember.team_id).join(Establishment, Establishment.id == TeamMember.establishment_id).where(*where)
    )
    return [team_id_column.in_(members)]
