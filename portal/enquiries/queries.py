"""Read-side queries for the enquiry pages: each page issues a fixed number of them, whatever the data size."""

from dataclasses import dataclass
from functools import cache

from sqlalchemy import Integer, bindparam, distinct, func, select
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from portal.accounts.models import User
from portal.core.lists import fill_lists, list_query
from portal.core.paging import Listing, Page, listing, paginate
from portal.enquiries.access import teams_visible_to
from portal.enquiries.models import (
    JoinRequest,
    LinkOfficer,
    Registration,
    Team,
    TeamFacilitator,
    TeamMember,
    Theme,
)
from portal.enquiries.plan_models import DataPoint, Enquiry, EvidenceNote, Measure
from portal.extensions import db


@dataclass(frozen=True)
class Outlook:
    members: int = 0
    establishments: int = 0
    authorities: int = 0

    @property
    def looks_outwards(self) -> bool:
        return self.establishments > 1 or self.authorities > 1


def outlooks(team_ids) -> dict[int, Outlook]:
    """Members, establishments and LAs per team, in one grouped query."""
    if not team_ids:
        return {}
    rows = db.session.execute(_OUTLOOKS, {"ids": list(team_ids)})
    return {tid: Outlook(m, e, a) for tid, m, e, a in rows}


_OUTLOOKS = (  # outlooks' statement, built once (every list of teams and every team page run it)
    select(
        TeamMember.team_id,
        func.count(TeamMember.id),
        func.count(distinct(TeamMember.establishment_id)),
        func.count(distinct(TeamMember.authority_id)),
    )
    .where(TeamMember.team_id.in_(bindparam("ids", expanding=True)))
    .group_by(TeamMember.team_id)
)


def themes_with_counts(user) -> tuple[list, set, dict]:
    """All themes (newest year first), the ids this person registered for, and teams per theme."""
    themes = list(db.session.scalars(select(Theme).order_by(Theme.school_year.desc(), Theme.title)))
    mine = set(db.session.scalars(select(Registration.theme_id).where(Registration.user_id == user.id)))
    counts = dict(
        db.session.execute(
            select(Team.theme_id, func.count(Team.id)).where(Team.theme_id.isnot(None)).group_by(Team.theme_id)
        ).all()
    )
    return themes, mine, counts


def theme_resources(theme_id: int) -> list:
    from portal.enquiries.models import ThemeResource

    return list(
        db.session.scalars(select(ThemeResource).where(ThemeResource.theme_id == theme_id).order_by(ThemeResource.id))
    )


def link_officers(authority_ids) -> list[LinkOfficer]:
    ids = [a for a in set(authority_ids) if a]
    if not ids:
        return []
    return list(db.session.scalars(_LINK_OFFICERS, {"ids": ids}))


_LINK_OFFICERS = (
    select(LinkOfficer)
    .where(LinkOfficer.authority_id.in_(bindparam("ids", expanding=True)))
    .order_by(LinkOfficer.authority_id)
)


def theme_teams(theme_id: int) -> tuple[Page, dict]:
    """A page of the theme's teams (rows: id, name, status, published_at), with each one's outlook."""
    page = paginate(_theme_teams_listing(), rows=True, params={"theme_id": theme_id})
    return page, outlooks([team.id for team in page.items])


@cache
def _theme_teams_listing() -> Listing:
    """theme_teams' count and page, built once per process: rows of what the list shows, not whole teams."""
    return listing(
        select(Team.id, Team.name, Enquiry.status, Enquiry.published_at)
        .join(Enquiry, Enquiry.team_id == Team.id)
        .where(Team.theme_id == bindparam("theme_id"))
        .order_by(Team.name, Team.id)
    )


def my_teams(user) -> tuple[Page, dict]:
    """A page of the teams the person belongs to or supports (and, for LA officers, teams with members in their
    LA), with the total and each one's outlook: three queries whatever the page. Rows of what the list shows (id,
    name, kind, theme_id, theme_title, school_year, status, published_at), not whole teams and themes."""

    def scoped(stmt):
        return (
            teams_visible_to(user, stmt)
            if not _is_admin(user)
            else stmt.where(Team.id.in_(select(TeamMember.team_id).where(TeamMember.user_id == user.id)))
        )

    teams = scoped(select(Team.id).join(Enquiry, Enquiry.team_id == Team.id))
    shown = (
        teams.with_only_columns(*_MY_TEAMS_COLUMNS)
        .outerjoin(Theme, Theme.id == Team.theme_id)
        .order_by(Team.created_at.desc(), Team.id.desc())
    )
    # The count reads no theme: a join for each of an LA's teams only to count them.
    page = paginate(listing(shown, counted=teams), rows=True)
    return page, outlooks([team.id for team in page.items])


_MY_TEAMS_COLUMNS = (
    Team.id,
    Team.name,
    Team.kind,
    Team.theme_id,
    Theme.title.label("theme_title"),
    Theme.school_year,
    Enquiry.status,
    Enquiry.published_at,
)


def _is_admin(user) -> bool:
    from portal.core.roles import Role

    return user.has_role(Role.ADMIN)


def team_page(team_id: int, *, people: bool = True):
    """The team with its theme and enquiry, and its members and facilitators: with their people (names,
    establishments) when `people`, else the bare rows access checks read (the pages that show no one)."""
    team_and_enquiry, lists = _team_page_queries()
    found = db.session.execute(team_and_enquiry, {"team_id": team_id}).first()
    if found is None:
        return None, None
    team, enquiry = found
    fill_lists(team, lists[people])
    if enquiry is not None:
        set_committed_value(enquiry, "team", team)  # already loaded: no lazy load, and nothing for a flush to do
    return team, enquiry


@cache
def _team_page_queries():
    """team_page's statements, built once per process (every enquiry page runs them): the team with its theme and
    enquiry, and its two lists (core/lists.py, not selectinload built per request), with or without their people."""
    team_and_enquiry = (
        select(Team, Enquiry)
        .outerjoin(Enquiry, Enquiry.team_id == Team.id)
        .where(Team.id == bindparam("team_id"))
        .options(joinedload(Team.theme))
    )
    lists = {
        people: {
            "members": list_query(Team, "members", *([joinedload(TeamMember.user)] if people else [])),
            "facilitators": list_query(Team, "facilitators", *([joinedload(TeamFacilitator.user)] if people else [])),
        }
        for people in (True, False)
    }
    return team_and_enquiry, lists


_PENDING_REQUESTS = (
    select(JoinRequest)
    .where(JoinRequest.team_id == bindparam("team_id"), JoinRequest.decided_at.is_(None))
    .options(joinedload(JoinRequest.user))
    .order_by(JoinRequest.id)
)


def pending_requests(team_id: int) -> list[JoinRequest]:
    return list(db.session.scalars(_PENDING_REQUESTS, {"team_id": team_id}))


@cache
def _measures_queries():
    """measures_with_points' two statements, built once per process (the plan and evidence pages run them)."""
    measures = select(Measure).where(Measure.enquiry_id == bindparam("enquiry_id")).order_by(Measure.id)
    points = (
        select(DataPoint)
        .where(DataPoint.measure_id.in_(bindparam("measure_ids", expanding=True)))
        .order_by(DataPoint.on, DataPoint.id)
    )
    return measures, points


def measures_with_points(enquiry_id: int) -> list[tuple[Measure, list[DataPoint]]]:
    """Every measure of the enquiry with its points in date order: two queries."""
    measures_query, points_query = _measures_queries()
    measures = list(db.session.scalars(measures_query, {"enquiry_id": enquiry_id}))
    points: dict[int, list] = {m.id: [] for m in measures}
    if measures:
        for p in db.session.scalars(points_query, {"measure_ids": list(points)}):
            points[p.measure_id].append(p)
    return [(m, points[m.id]) for m in measures]


def measures(enquiry_id: int) -> list[Measure]:
    """The enquiry's measures (no points): one query, for choosing one."""
    return list(db.session.scalars(select(Measure).where(Measure.enquiry_id == enquiry_id).order_by(Measure.id)))


_NOTES = (
    select(EvidenceNote)
    .where(EvidenceNote.enquiry_id == bindparam("enquiry_id"))
    .order_by(EvidenceNote.on.desc(), EvidenceNote.id.desc())
    .limit(bindparam("limit", type_=Integer))
)


def notes(enquiry_id: int, limit: int = 100) -> list[EvidenceNote]:
    return list(db.session.scalars(_NOTES, {"enquiry_id": enquiry_id, "limit": limit}))


def registrations(theme_id: int, authority_id: int | None) -> Page:
    """A page of a theme's registrations (one LA's, for its officer), people and establishments joined."""
    stmt = select(Registration).where(Registration.theme_id == theme_id)
    if authority_id is not None:
        stmt = stmt.where(Registration.authority_id == authority_id)
    return paginate(
        stmt.options(joinedload(Registration.user), joinedload(Registration.establishment)).order_by(
            Registration.created_at.desc(), Registration.id.desc()
        )
    )


def published_summaries(theme_id: int) -> Page:
    stmt = (
        select(Team, Enquiry.published_at)
        .join(Enquiry, Enquiry.team_id == Team.id)
        .where(Team.theme_id == theme_id, Enquiry.published_at.isnot(None))
    )
    return paginate(stmt.order_by(Enquiry.published_at.desc()), rows=True)


def la_officers(authority_id: int) -> list[User]:
    from portal.accounts.models import UserRole

    return list(
        db.session.scalars(
            select(User)
            .join(UserRole)
            .where(UserRole.role == "la_officer", User.authority_id == authority_id)
            .order_by(User.name)
        )
    )
