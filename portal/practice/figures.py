"""Accounts of practice counted for the reports: published, in review and "Used this", by LA, sector and year.

`counts(scope)` is what `/reports` calls (registered as the "practice" report source). An account counts once
under every LA and sector its team spans; a "Used this" counts under the reader's own LA and school sector
(upscaling: the idea reaching other schools) and the school year it was recorded in. "Used this" figures come
from people, so they go through `portal.core.privacy` (fewer than 5 is withheld); accounts are published work.
"""

from datetime import datetime

from sqlalchemy import extract, func, select

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


def _school_year(year: int, month: int) -> str:
    start = year if month >= 8 else year - 1
    return f"{start}-{str(start + 1)[-2:]}"


def _account_filter(stmt, scope, slug: str | None):
    stmt = stmt.where(PracticeAccount.state.in_((PUBLISHED, IN_REVIEW)))
    if scope is None:
        return stmt
    if slug:
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


def _states_by(facet: str | None, scope, slug: str | None) -> dict:
    """{key: {state: n}} for accounts, by a facet (la, sector) or by school year (facet None)."""
    if facet is None:
        key = PracticeAccount.school_year
        stmt = select(key, PracticeAccount.state, func.count(PracticeAccount.id))
    else:
        key = AccountFacet.value
        stmt = (
            select(key, PracticeAccount.state, func.count(PracticeAccount.id))
            .join(AccountFacet, AccountFacet.account_id == PracticeAccount.id)
            .where(AccountFacet.facet == facet)
        )
    out: dict = {}
    for k, state, n in db.session.execute(_account_filter(stmt, scope, slug).group_by(key, PracticeAccount.state)):
        out.setdefault(k, {})[state] = n
    return out


def _uses_by(kind: str, scope) -> dict:
    """{key: n} of "Used this" records by the reader's LA slug, school sector, or school year recorded."""
    base = select().select_from(Use).outerjoin(Establishment, Establishment.id == Use.establishment_id)
    if kind == "la":
        stmt = base.add_columns(LocalAuthority.slug, func.count(Use.id)).join(
            LocalAuthority, LocalAuthority.id == Use.authority_id
        )
        group = (LocalAuthority.slug,)
    elif kind == "sector":
        stmt = base.add_columns(Establishment.sector, func.count(Use.id))
        group = (Establishment.sector,)
    else:
        group = (extract("year", Use.created_at), extract("month", Use.created_at))
        stmt = base.add_columns(*group, func.count(Use.id))
    out: dict = {}
    for *key, n in db.session.execute(_use_filter(stmt, scope).group_by(*group)):
        k = _school_year(int(key[0]), int(key[1])) if kind == "year" else key[0]
        out[k] = out.get(k, 0) + n
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


def counts(scope=None) -> list[Table]:
    """Accounts published and in review, and "Used this", by LA, by sector and by school year.

    `scope` is a `portal.reports.sources.ReportScope` (or None for the whole region): an LA officer's scope
    counts the accounts their LA's schools took part in and the uses their LA's schools recorded.
    """
    authorities = db.session.execute(select(LocalAuthority.id, LocalAuthority.slug, LocalAuthority.name)).all()
    authority_id = getattr(scope, "authority_id", None)
    slug = next((s for i, s, _ in authorities if i == authority_id), None)
    la_keys = sorted(((s, name) for i, s, name in authorities if authority_id in (None, i)), key=lambda k: k[1])
    only = getattr(scope, "sector", None)
    sector_keys = [(s, SECTOR_LABELS.get(s, s)) for s in SECTORS if only in (None, s)]
    by_year, uses_by_year = _states_by(None, scope, slug), _uses_by("year", scope)
    years = sorted(set(by_year) | set(uses_by_year), reverse=True)
    note = 'Schools that "used this" are withheld below 5.'
    return [
        _table(
            "practice_by_la",
            "Accounts of practice by local authority",
            "Local authority",
            la_keys,
            _states_by("la", scope, slug),
            _uses_by("la", scope),
            "An account counts under every LA its team spans; a use under the reader's LA. " + note,
        ),
        _table(
            "practice_by_sector",
            "Accounts of practice by sector",
            "Sector",
            sector_keys,
            _states_by("sector", scope, slug),
            _uses_by("sector", scope),
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
