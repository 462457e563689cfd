"""Accounts of practice counted for the reports: published, in review and "Used this", by LA, sector and year.

`counts(scope)` is what `/reports` calls (registered as the "practice" report source): the one place that counts
accounts and their uses for the reports (the outcomes aim reads its school-year table), in one statement. An
account counts once under every LA and sector its team spans; a "Used this" counts under the reader's own LA and
school sector (upscaling: the idea reaching other schools) and the school year it was recorded in. "Used this"
figures come from people, so they go through `portal.core.privacy` (fewer than 5 is withheld); accounts are
published work.
"""

from datetime import datetime

from sqlalchemy import Integer, String, case, cast, extract, func, literal, null, select, union_all

from portal.core.privacy import suppress
from portal.core.tables import Column, Table
from portal.extensions import db
from portal.organisations.models import SECTOR_LABELS, SECTORS, Establishment, LocalAuthority
from portal.practice.models import IN_REVIEW, PUBLISHED, AccountFacet, PracticeAccount, Use

COLUMNS = (
    Column("published", "Published accounts", "int"),
    Column("in_review", "Accounts in review", "int"),
    Column("used", 'Schools that "used this"', "int"),
)


def _account_filter(stmt, scope, slug):
    stmt = stmt.where(PracticeAccount.state.in_((PUBLISHED, IN_REVIEW)))
    if scope is None:
        return stmt
    if slug is not None:
        mine = select(AccountFacet.account_id).where(AccountFacet.facet == "la", AccountFacet.value == slug)
        stmt = stmt.where(PracticeAccount.id.in_(mine))
    if scope.sector:
        sector = select(AccountFacet.account_id).where(
            AccountFacet.facet == "sector", AccountFacet.value == scope.sector
        )
        stmt = stmt.where(PracticeAccount.id.in_(sector))
    if scope.programme:
        stmt = stmt.where(PracticeAccount.programme == scope.programme)
    if scope.first_year is not None:
        stmt = stmt.where(PracticeAccount.school_year >= f"{scope.first_year}-")
    if scope.last_year is not None:
        stmt = stmt.where(PracticeAccount.school_year < f"{scope.last_year + 1}-")
    return stmt


def _use_filter(stmt, scope):
    stmt = stmt.join(PracticeAccount, PracticeAccount.id == Use.account_id).where(PracticeAccount.state == PUBLISHED)
    if scope is None:
        return stmt
    if scope.authority_id is not None:
        stmt = stmt.where(Use.authority_id == scope.authority_id)
    if scope.sector:
        stmt = stmt.where(Establishment.sector == scope.sector)
    if scope.programme:
        stmt = stmt.where(PracticeAccount.programme == scope.programme)
    if scope.first_year is not None:
        stmt = stmt.where(Use.created_at >= datetime(scope.first_year, 8, 1))
    if scope.last_year is not None:
        stmt = stmt.where(Use.created_at < datetime(scope.last_year + 1, 8, 1))
    return stmt


def _states(facet: str | None, scope, slug):
    """Accounts by state and a facet's value (la, sector) or their school year (facet None): a UNION branch."""
    if facet is None:
        key = PracticeAccount.school_year
        stmt = select(literal("year"), key, PracticeAccount.state, func.count(PracticeAccount.id))
    else:
        key = AccountFacet.value
        stmt = (
            select(literal(facet), key, PracticeAccount.state, func.count(PracticeAccount.id))
            .join(AccountFacet, AccountFacet.account_id == PracticeAccount.id)
            .where(AccountFacet.facet == facet)
        )
    return _account_filter(stmt, scope, slug).group_by(key, PracticeAccount.state)


def _uses(kind: str, scope):
    """ "Used this" records by the reader's LA slug, school sector, or school year recorded: a UNION branch."""
    base = (
        select(literal(f"uses_{kind}"))
        .select_from(Use)
        .outerjoin(Establishment, Establishment.id == Use.establishment_id)
    )
    if kind == "la":
        key = LocalAuthority.slug
        stmt = base.join(LocalAuthority, LocalAuthority.id == Use.authority_id)
    elif kind == "sector":
        key, stmt = Establishment.sector, base
    else:
        start = cast(extract("year", Use.created_at), Integer) - case(
            (extract("month", Use.created_at) < 8, 1), else_=0
        )
        key, stmt = _year_label(start), base
    return _use_filter(stmt.add_columns(key, cast(null(), String), func.count(Use.id)), scope).group_by(key)


def _year_label(start):
    """A school year's label ("2025-26") in SQL, from the calendar year it starts in."""
    return cast(start, String) + literal("-") + func.substr(cast(start + 101, String), 3, 2)


def _grouped(scope) -> dict:
    """Every count of the three tables, and the LAs (slug, name, id), in one statement:
    {kind: {key: {state: n}}}, {"uses_<kind>": {key: n}}, {"authority": {slug: (name, id)}}."""
    authority_id = getattr(scope, "authority_id", None)
    slug = (
        select(LocalAuthority.slug).where(LocalAuthority.id == authority_id).scalar_subquery()
        if authority_id is not None
        else None
    )
    branches = [_states(facet, scope, slug) for facet in ("la", "sector", None)]
    branches += [_uses(kind, scope) for kind in ("la", "sector", "year")]
    branches.append(select(literal("authority"), LocalAuthority.slug, LocalAuthority.name, LocalAuthority.id))
    out: dict = {}
    for kind, key, state, n in db.session.execute(union_all(*branches)):
        if kind == "authority":
            out.setdefault(kind, {})[key] = (state, n)
        elif kind.startswith("uses_"):
            out.setdefault(kind, {})[key] = n
        else:
            out.setdefault(kind, {}).setdefault(key, {})[state] = n
    return out


def _table(name: str, title: str, first: str, keys: list, states: dict, uses: dict, note: str) -> Table:
    rows = [
        (
            label,
            states.get(key, {}).get(PUBLISHED, 0),
            states.get(key, {}).get(IN_REVIEW, 0),
            suppress(uses.get(key, 0), uses.get(key, 0)),
        )
        for key, label in keys
    ]
    return Table(name=name, title=title, columns=(Column("key", first), *COLUMNS), rows=rows, note=note)


READS = (PracticeAccount, AccountFacet, Use, Establishment, LocalAuthority)  # what `counts` reads


def counts(scope=None) -> list[Table]:
    """Accounts published and in review, and "Used this", by LA, by sector and by school year.

    `scope` is a `portal.reports.sources.ReportScope` (or None for the whole region): an LA officer's scope
    counts the accounts their LA's schools took part in and the uses their LA's schools recorded.
    """
    counts = _grouped(scope)
    authorities = [(i, slug, name) for slug, (name, i) in counts.get("authority", {}).items()]
    authority_id = getattr(scope, "authority_id", None)
    la_keys = sorted(((s, name) for i, s, name in authorities if authority_id in (None, i)), key=lambda k: k[1])
    only = getattr(scope, "sector", None)
    sector_keys = [(s, SECTOR_LABELS.get(s, s)) for s in SECTORS if only in (None, s)]
    by_year, uses_by_year = counts.get("year", {}), counts.get("uses_year", {})
    years = sorted({y for y in set(by_year) | set(uses_by_year) if y}, reverse=True)
    note = 'Schools that "used this" are withheld below 5.'
    return [
        _table(
            "practice_by_la",
            "Accounts of practice by local authority",
            "Local authority",
            la_keys,
            counts.get("la", {}),
            counts.get("uses_la", {}),
            "An account counts under every LA its team spans; a use under the reader's LA. " + note,
        ),
        _table(
            "practice_by_sector",
            "Accounts of practice by sector",
            "Sector",
            sector_keys,
            counts.get("sector", {}),
            counts.get("uses_sector", {}),
            "An account counts under every sector its team spans; a use under the reader's school. " + note,
        ),
        _table(
            "practice_by_year",
            "Accounts of practice by school year",
            "School year",
            [(y, y) for y in years],
            by_year,
            uses_by_year,
            "Accounts by the school year of their enquiry; uses by the school year they were recorded. " + note,
        ),
    ]
