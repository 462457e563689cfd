"""Rules for establishments: import from CSV (all or nothing, update by code) and searching."""

from functools import lru_cache

from sqlalchemy import bindparam, func, or_, select

from portal.core.csvimport import ImportResult, RowError, read_rows
from portal.core.paging import Listing, Page, listing, paginate
from portal.extensions import db
from portal.organisations.models import SECTORS, Establishment, LocalAuthority

COLUMNS = ("seed_code", "name", "local_authority", "sector")


def authorities() -> list[LocalAuthority]:
    return list(db.session.scalars(select(LocalAuthority).order_by(LocalAuthority.name)))


def authority_lookup() -> dict[str, LocalAuthority]:
    """Authorities by lower-cased name and slug, so a CSV may use either."""
    table = {}
    for la in authorities():
        table[la.name.lower()] = la
        table[la.slug] = la
    return table


def _sector(value: str) -> str | None:
    by_lower = {s.lower(): s for s in SECTORS} | {"early years": "ELC", "early learning and childcare": "ELC"}
    return by_lower.get(value.lower())


def import_establishments(data: bytes | str) -> ImportResult:
    """Validate every row; write nothing unless all are valid; rows with a known code update it."""
    rows, errors = read_rows(data, COLUMNS)
    result = ImportResult(errors=errors)
    if errors:
        return result
    las = authority_lookup()
    seen: dict[str, int] = {}
    parsed = []
    for line, row in rows:
        problems = []
        code = row.get("seed_code", "")
        if not code.isdigit() or not 5 <= len(code) <= 10:
            problems.append("seed_code must be 5 to 10 digits")
        elif code in seen:
            problems.append(f"seed_code {code} is also on line {seen[code]}")
        else:
            seen[code] = line
        if not row.get("name"):
            problems.append("name is empty")
        elif len(row["name"]) > 160:
            problems.append("name is longer than 160 characters")
        la = las.get(row.get("local_authority", "").lower())
        if la is None:
            problems.append(f"'{row.get('local_authority', '')}' is not one of the eight local authorities")
        sector = _sector(row.get("sector", ""))
        if sector is None:
            problems.append(f"sector must be one of {', '.join(SECTORS)}")
        roll = row.get("roll", "")
        if roll and (not roll.isdigit() or int(roll) > 5000):
            problems.append("roll must be a whole number up to 5000, or empty")
        if problems:
            result.errors.append(RowError(line, "; ".join(problems)))
        else:
            parsed.append((code, row["name"], la, sector, int(roll) if roll else None))
    if result.errors:
        return result
    existing = {
        e.seed_code: e
        for e in db.session.scalars(select(Establishment).where(Establishment.seed_code.in_([p[0] for p in parsed])))
    }
    for code, name, la, sector, roll in parsed:
        est = existing.get(code)
        if est is None:
            db.session.add(Establishment(seed_code=code, name=name, authority_id=la.id, sector=sector, roll=roll))
            result.created += 1
        else:
            est.name, est.authority_id, est.sector, est.roll = name, la.id, sector, roll
            result.updated += 1
    db.session.flush()
    return result


def establishment_query(*, q: str = "", authority_id: int | None = None, sector: str = ""):
    """A select of establishments matching a free-text search and filters, ordered by name."""
    like = f"%{q.lower()}%" if q else None
    return _filtered(select(Establishment), like, q, authority_id or None, sector if sector in SECTORS else None)


def establishments_page(*, q: str = "", authority_id: int | None = None, sector: str = "") -> Page:
    """A page of the establishments list: rows of what it shows (each LA's name read beside its row), from
    statements built once per process for each set of filters in use, their values bound."""
    found = _establishments_listing(bool(q), bool(authority_id), sector in SECTORS)
    values = {"like": f"%{q.lower()}%", "code": q, "authority_id": authority_id, "sector": sector}
    return paginate(found, rows=True, params=values)


@lru_cache(maxsize=8)  # a key per set of filters in use
def _establishments_listing(q: bool, authority: bool, sector: bool) -> Listing:
    la_name = (
        select(LocalAuthority.name)
        .where(LocalAuthority.id == Establishment.authority_id)
        .correlate(Establishment)
        .scalar_subquery()
    )
    shown = select(
        Establishment.name,
        Establishment.seed_code,
        la_name.label("authority_name"),
        Establishment.sector,
        Establishment.roll,
    )
    return listing(
        _filtered(
            shown,
            bindparam("like") if q else None,
            bindparam("code"),
            bindparam("authority_id") if authority else None,
            bindparam("sector") if sector else None,
        )
    )


def _filtered(stmt, like, code, authority_id, sector):
    """`stmt` (of establishments) by name, with the filters given (values or bound parameters; None: not in use)."""
    if like is not None:
        stmt = stmt.where(or_(func.lower(Establishment.name).like(like), Establishment.seed_code == code))
    if authority_id is not None:
        stmt = stmt.where(Establishment.authority_id == authority_id)
    if sector is not None:
        stmt = stmt.where(Establishment.sector == sector)
    return stmt.order_by(Establishment.name, Establishment.id)


def counts_by_authority() -> dict[int, dict[str, int]]:
    """Establishments per LA and sector, in one grouped query."""
    rows = db.session.execute(
        select(Establishment.authority_id, Establishment.sector, func.count()).group_by(
            Establishment.authority_id, Establishment.sector
        )
    )
    table: dict[int, dict[str, int]] = {}
    for la_id, sector, n in rows:
        table.setdefault(la_id, {})[sector] = n
    return table


def find_by_code(code: str) -> Establishment | None:
    return db.session.scalar(select(Establishment).where(Establishment.seed_code == code))
