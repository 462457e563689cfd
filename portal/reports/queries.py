"""Grouped queries for the partnership overview: a fixed number of queries whatever the data."""

from dataclasses import dataclass, field

from sqlalchemy import func, select, union_all

from portal.accounts.models import User
from portal.cohorts.models import Nomination
from portal.enquiries.models import Registration, Team, TeamMember
from portal.enquiries.plan_models import Enquiry
from portal.events.attendance import Rates, context_summary
from portal.extensions import db
from portal.forums.models import Membership
from portal.organisations.models import Establishment, LocalAuthority

CONTEXT_LABELS = {
    "partnership": "Partnership events",
    "theme": "Themed enquiry events",
    "leadership_cohort": "Leadership programme sessions",
    "network_cohort": "Network cohort events",
}


@dataclass
class AuthorityRow:
    authority: LocalAuthority
    establishments: int = 0
    taking_part: int = 0
    team_members: int = 0
    forum_members: int = 0
    nominated: int = 0

    @property
    def share(self) -> float | None:
        return self.taking_part / self.establishments if self.establishments else None


@dataclass
class Overview:
    rows: list[AuthorityRow]
    teams: dict = field(default_factory=dict)  # kind -> number of teams
    reporting_findings: int = 0  # enquiries whose team published a sharing summary
    attendance: dict = field(default_factory=dict)  # context label -> Rates

    @property
    def total(self) -> AuthorityRow:
        total = AuthorityRow(authority=None)
        for row in self.rows:
            for name in ("establishments", "taking_part", "team_members", "forum_members", "nominated"):
                setattr(total, name, getattr(total, name) + getattr(row, name))
        return total


def _grouped(stmt) -> dict[int, int]:
    return {la: n for la, n in db.session.execute(stmt) if la is not None}


def participation(authority_id: int | None = None) -> list[AuthorityRow]:
    """Per LA: establishments, those taking part in any network, team members, forum members, nominations."""
    las = select(LocalAuthority).order_by(LocalAuthority.name)
    if authority_id:
        las = las.where(LocalAuthority.id == authority_id)
    rows = {la.id: AuthorityRow(la) for la in db.session.scalars(las)}
    involved = union_all(
        select(TeamMember.authority_id.label("la"), TeamMember.establishment_id.label("est")),
        select(Registration.authority_id, Registration.establishment_id),
        select(Nomination.authority_id, Nomination.establishment_id),
        select(Establishment.authority_id, Establishment.id)
        .join(User, User.establishment_id == Establishment.id)
        .join(Membership, Membership.user_id == User.id),
    ).subquery()
    counts = {
        "establishments": select(Establishment.authority_id, func.count()).group_by(Establishment.authority_id),
        "taking_part": select(involved.c.la, func.count(func.distinct(involved.c.est)))
        .where(involved.c.est.is_not(None))
        .group_by(involved.c.la),
        "team_members": select(TeamMember.authority_id, func.count(func.distinct(TeamMember.user_id))).group_by(
            TeamMember.authority_id
        ),
        "forum_members": select(Establishment.authority_id, func.count(func.distinct(Membership.user_id)))
        .join(User, User.establishment_id == Establishment.id)
        .join(Membership, Membership.user_id == User.id)
        .group_by(Establishment.authority_id),
        "nominated": select(Nomination.authority_id, func.count(func.distinct(Nomination.establishment_id))).group_by(
            Nomination.authority_id
        ),
    }
    for name, stmt in counts.items():
        for la, n in _grouped(stmt).items():
            if la in rows:
                setattr(rows[la], name, n)
    return list(rows.values())


def overview(authority_id: int | None = None) -> Overview:
    teams = dict(db.session.execute(select(Team.kind, func.count()).group_by(Team.kind)).all())
    reporting = db.session.scalar(select(func.count(Enquiry.id)).where(Enquiry.published_at.is_not(None)))
    attendance: dict[str, Rates] = {}
    for (context_type, _), rates in context_summary().items():
        label = CONTEXT_LABELS.get(context_type, context_type)
        attendance[label] = attendance.get(label, Rates()) + rates
    return Overview(
        rows=participation(authority_id), teams=teams, reporting_findings=reporting or 0, attendance=attendance
    )
