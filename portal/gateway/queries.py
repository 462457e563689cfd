"""Reading the Gateway: suggestions with their profiles, a person's requests, the uptake figures."""

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import Integer, String, and_, bindparam, case, cast, false, func, literal, null, or_, select, union_all
from sqlalchemy.orm import joinedload, lazyload

from portal.core.access import officer_authority_id
from portal.core.dates import utcnow
from portal.core.privacy import suppress
from portal.core.sqldates import month_of, school_year, year_of
from portal.core.tables import Column, Table
from portal.enquiries.plan_models import Enquiry
from portal.extensions import db
from portal.gateway.loading import excluded_for, profile_data, ranking_index
from portal.gateway.models import GatewayTeam, MisuseReport, Profile, Request
from portal.gateway.ranking import Filters, suggest
from portal.gateway.vocabulary import INTERESTS, KINDS, SECTORS, STAGES
from portal.organisations.models import LocalAuthority

SUGGESTIONS = 20


def filters_from_args(args) -> Filters:
    la = args.get("authority", "")
    pick = lambda name, allowed: args.get(name, "") if args.get(name, "") in allowed else ""  # noqa: E731
    return Filters(
        authority_id=int(la) if la.isdigit() else None,
        sector=pick("sector", SECTORS),
        stage=pick("stage", STAGES),
        interest=pick("interest", INTERESTS),
        kind=pick("who", KINDS),
    )


def suggestions(actor, seeker: Profile, filters: Filters) -> list[tuple[Profile, str, bool]]:
    """The best profiles for `seeker`: (profile, one-line reason, already asked), a constant number of queries."""
    found = suggest(
        ranking_index(), profile_data(seeker), exclude_owners=excluded_for(actor.id), filters=filters, k=SUGGESTIONS
    )
    ids = [s.profile_id for s in found]
    # The cards show the owner's name and job title and the profile's establishment with its LA: not the owner's own
    # establishment and LA, which joined by default would load for each card.
    shown = select(Profile).where(Profile.id.in_(ids)).options(joinedload(Profile.owner).lazyload("*"))
    profiles = {p.id: p for p in db.session.scalars(shown)} if ids else {}
    asked = (
        set(
            db.session.scalars(
                select(Request.profile_id).where(
                    Request.sender_id == actor.id, Request.profile_id.in_(ids), Request.status == "pending"
                )
            )
        )
        if ids
        else set()
    )
    return [(profiles[s.profile_id], s.reason, s.profile_id in asked) for s in found if s.profile_id in profiles]


# What the home page's lists show of a request: who sent it (incoming), whose profile it went to (outgoing). Every
# other relationship is left to load on use: joined by default, each request brought 15 more tables (the people's
# establishments and LAs, the profile's owner's), whose row loaders cost more to set up than the SQL to run.
_SENDER = (lazyload("*"), joinedload(Request.sender).lazyload("*"))
_PROFILE = (
    lazyload("*"),
    joinedload(Request.profile).options(
        lazyload("*"), joinedload(Profile.owner).lazyload("*"), joinedload(Profile.establishment).lazyload("*")
    ),
)


@cache
def _requests():
    """Requests to the person waiting for their answer, and the person's own, newest first (built once)."""
    newest = (Request.created_at.desc(),)
    limit = bindparam("limit", type_=Integer)
    return (
        select(Request)
        .where(Request.recipient_id == bindparam("user_id"), Request.status == "pending")
        .options(*_SENDER)
        .order_by(*newest)
        .limit(limit),
        select(Request)
        .where(Request.sender_id == bindparam("user_id"))
        .options(*_PROFILE)
        .order_by(*newest)
        .limit(limit),
    )


def requests_of(user, limit: int = 20) -> tuple[list[Request], list[Request]]:
    """Requests waiting for the person's answer, and the person's own recent requests (newest first)."""
    incoming, outgoing = _requests()
    params = {"user_id": user.id, "limit": limit}
    return list(db.session.scalars(incoming, params)), list(db.session.scalars(outgoing, params))


def request_between(user_id: int, profile_id: int) -> Request | None:
    """The latest request between the viewer and a profile's owner, either way (what the profile page shows)."""
    profile_owner = select(Profile.owner_id).where(Profile.id == profile_id).scalar_subquery()
    return db.session.scalar(
        select(Request)
        .where(
            or_(
                and_(Request.sender_id == user_id, Request.profile_id == profile_id),
                and_(Request.recipient_id == user_id, Request.sender_id == profile_owner),
            )
        )
        .options(lazyload("*"))  # the page shows the request's own columns, none of its people or profile
        .order_by(Request.created_at.desc())
        .limit(1)
    )


def misuse_reports(state: str = "open"):
    """Misuse reports for the lead officer: open ones (oldest first, to work through) or resolved (newest first)."""
    stmt = select(MisuseReport)
    if state == "resolved":
        return stmt.where(MisuseReport.resolved_at.is_not(None)).order_by(MisuseReport.resolved_at.desc())
    return stmt.where(MisuseReport.resolved_at.is_(None)).order_by(MisuseReport.created_at, MisuseReport.id)


@dataclass
class Uptake:
    by_authority: list  # (label, {figure: count or None})
    by_sector: list
    by_month: list
    by_year: list  # (school year, {figure: count or None}), newest first
    scope: str


FIGURES = ("profiles", "requests", "accepted", "teams", "reporting")


MONTHS_SHOWN = 24
# What the uptake tables read (the kept report figures are refreshed when one changes).
UPTAKE_READS = (Profile, Request, GatewayTeam, Enquiry, LocalAuthority)


def _first_month_shown() -> tuple[int, int]:
    """The (year, month) of the oldest month the uptake page shows (the current month and the 23 before it)."""
    today = utcnow()
    months = today.year * 12 + today.month - 1 - (MONTHS_SHOWN - 1)
    return months // 12, months % 12 + 1


# Each figure's source table, its figures (two value columns at most), and which rows it counts.
_SOURCES = (
    (Profile, {"profiles": lambda: func.count(func.distinct(Profile.owner_id))}, lambda: Profile.status != "withdrawn"),
    (
        Request,
        {
            "requests": lambda: func.count(Request.id),
            "accepted": lambda: func.count(case((Request.status == "accepted", 1))),
        },
        None,
    ),
    (
        GatewayTeam,
        {"teams": lambda: func.count(GatewayTeam.team_id), "reporting": lambda: func.count(Enquiry.id)},
        None,
    ),
)
# The key columns a grouping fills (the others are typed NULLs, so that every UNION branch agrees).
_KEYS = {"la": Integer, "sector": String, "year": Integer, "month": Integer}
_GROUPINGS = {
    "la": lambda m: {"la": m.authority_id},
    "sector": lambda m: {"sector": m.sector},
    "month": lambda m: {"year": year_of(m.created_at), "month": month_of(m.created_at)},
    # the school year (1 August to 31 July) by the calendar year it starts in
    "school_year": lambda m: {"year": school_year(m.created_at)},
}


def _counts(la: int | None, scope=None) -> dict:
    """Every figure by LA, by sector, by school year and by calendar month (the months shown) in one statement (a
    UNION ALL of grouped counts, with the LAs' names): {grouping: {key: {figure: n}}} and {"authority": {id: name}}.
    `scope` (a reports ReportScope) narrows by sector and school years (1 August to 31 July); a programme other than
    the Gateway's counts nothing."""
    reporting = or_(Enquiry.published_at.is_not(None), Enquiry.status == "shared")
    branches = []
    for model, figures, condition in _SOURCES:
        values = [f() for f in figures.values()]
        values += [literal(0)] * (2 - len(values))
        for grouping, keys_of in _GROUPINGS.items():
            keys = keys_of(model)
            stmt = select(
                literal(grouping).label("grouping"),
                literal(model.__tablename__).label("source"),
                *[keys.get(k, cast(null(), kind)).label(k) for k, kind in _KEYS.items()],
                *[v.label(f"v{i}") for i, v in enumerate(values)],
            ).group_by(*keys.values())
            if model is GatewayTeam:
                stmt = stmt.select_from(GatewayTeam).outerjoin(
                    Enquiry, and_(Enquiry.team_id == GatewayTeam.team_id, reporting)
                )
            if condition is not None:
                stmt = stmt.where(condition())
            if la is not None:
                stmt = stmt.where(model.authority_id == la)
            if getattr(scope, "sector", None):
                stmt = stmt.where(model.sector == scope.sector)
            if getattr(scope, "programme", None) not in (None, "", "gateway"):
                stmt = stmt.where(false())
            if getattr(scope, "first_year", None) is not None:
                stmt = stmt.where(model.created_at >= datetime(scope.first_year, 8, 1))
            if getattr(scope, "last_year", None) is not None:
                stmt = stmt.where(model.created_at < datetime(scope.last_year + 1, 8, 1))
            if grouping == "month":  # the created_at index then reads only the months shown
                stmt = stmt.where(model.created_at >= datetime(*_first_month_shown(), 1))
            branches.append(stmt)
    authorities = select(
        literal("authority"),
        literal(""),
        LocalAuthority.id,
        LocalAuthority.name,
        *[cast(null(), Integer)] * 2,
        *[literal(0)] * 2,
    )
    names = {model.__tablename__: list(figures) for model, figures, _ in _SOURCES}
    table: dict = {grouping: {} for grouping in _GROUPINGS}
    table["authority"] = {}
    for grouping, source, la_key, sector, year, month, *values in db.session.execute(union_all(*branches, authorities)):
        if grouping == "authority":
            table["authority"][la_key] = sector  # the LA's name
            continue
        key = {"la": la_key, "sector": sector, "month": (year, month), "school_year": year}[grouping]
        cell = table[grouping].setdefault(key, {})
        cell.update(zip(names[source], values, strict=False))
    return table


def _shown(row: dict) -> dict:
    """Every figure about fewer than 5 (people, requests or teams) is withheld (portal.core.privacy)."""
    return {f: suppress(row.get(f, 0), row.get(f, 0)) for f in FIGURES}


def uptake(actor) -> Uptake:
    """Gateway uptake by LA, by sector and by month (newest first); an LA officer sees their own LA only (the
    uptake page keeps its rendered tables until a profile, request or team changes: portal.core.snapshots)."""
    return _uptake(officer_authority_id(actor))


def _school_year(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def _uptake(la: int | None, scope=None) -> Uptake:
    counts = _counts(la, scope)
    names = dict(sorted(counts["authority"].items(), key=lambda item: item[1]))
    by_month = counts["month"]
    by_year = {_school_year(y): row for y, row in counts["school_year"].items() if y is not None}
    months = [(f"{int(y)}-{int(m):02d}", _shown(row)) for (y, m), row in sorted(by_month.items(), reverse=True)]
    return Uptake(
        by_authority=[(name, _shown(counts["la"].get(i, {}))) for i, name in names.items() if la in (None, i)],
        by_sector=[(s, _shown(counts["sector"].get(s, {}))) for s in SECTORS],
        by_month=months[:MONTHS_SHOWN],
        by_year=[(y, _shown(row)) for y, row in sorted(by_year.items(), reverse=True)],
        scope=names.get(la, "") if la else "the West Partnership",
    )


FIGURE_LABELS = {
    "profiles": "People with a profile",
    "requests": "Requests sent",
    "accepted": "Requests accepted",
    "teams": "Gateway teams formed",
    "reporting": "Teams sharing findings",
}


def uptake_tables(scope=None) -> list[Table]:
    """The uptake figures as report tables (by LA, by sector, by school year, by month), already through disclosure
    control: the one place that counts Gateway uptake (the reports' outcomes aim reads the school-year table).

    `scope` is a `portal.reports.sources.ReportScope` or None for the region; a programme other than the
    Gateway's counts nothing."""
    figures = _uptake(getattr(scope, "authority_id", None), scope)
    columns = [Column(f, FIGURE_LABELS[f], "int") for f in FIGURES]
    note = "Figures about fewer than 5 people, requests or teams are withheld."
    only = getattr(scope, "sector", None)
    sectors = [(s, row) for s, row in figures.by_sector if only in (None, s)]
    return [
        Table(
            "gateway_by_la",
            "Gateway uptake by local authority",
            [Column("la", "Local authority"), *columns],
            [(name, *(row[f] for f in FIGURES)) for name, row in figures.by_authority],
            note,
        ),
        Table(
            "gateway_by_sector",
            "Gateway uptake by sector",
            [Column("sector", "Sector"), *columns],
            [(s, *(row[f] for f in FIGURES)) for s, row in sectors],
            note,
        ),
        Table(
            "gateway_by_year",
            "Gateway uptake by school year",
            [Column("year", "School year"), *columns],
            [(y, *(row[f] for f in FIGURES)) for y, row in figures.by_year],
            note + " A school year runs from 1 August to 31 July.",
        ),
        Table(
            "gateway_by_month",
            "Gateway uptake by month (the last 24)",
            [Column("month", "Month"), *columns],
            [(m, *(row[f] for f in FIGURES)) for m, row in figures.by_month],
            note,
        ),
    ]
