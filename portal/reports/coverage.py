"""Coverage toward the target that every school and ELC setting takes part: establishments ever involved per LA
and sector, people taking part with primary and secondary suppression, and the never-involved list."""

from sqlalchemy import func, literal, select, union_all

from portal.core.privacy import MIN_GROUP, suppress_table
from portal.core.tables import Column, Table
from portal.extensions import db
from portal.organisations.models import SECTORS, Establishment, LocalAuthority
from portal.reports import grouping as g
from portal.reports.sections import Section
from portal.reports.sources import ReportScope


def coverage(scope: ReportScope) -> list[Section]:
    """Establishments ever involved out of all, per LA and sector; people taking part with suppression (one
    statement: every establishment, those involved and the LAs' names)."""
    est_where = g.establishment_filters(scope)
    inv = g.scoped_involvement(
        ReportScope(authority_id=scope.authority_id, sector=scope.sector, programme=scope.programme)
    )
    every_stmt = (
        select(literal("every"), Establishment.authority_id, Establishment.sector, func.count(), literal(0))
        .where(*est_where)
        .group_by(Establishment.authority_id, Establishment.sector)
    )
    involved_stmt = (
        select(
            literal("involved"),
            inv.c.la,
            inv.c.sector,
            func.count(func.distinct(inv.c.est_id)),
            func.count(func.distinct(inv.c.user_id)),
        )
        .where(inv.c.la.is_not(None))
        .group_by(inv.c.la, inv.c.sector)
    )
    names_stmt = select(literal("name"), LocalAuthority.id, LocalAuthority.name, literal(0), literal(0))
    names, every, involved, people = {}, {}, {}, {}
    for kind, la, sector, n, n_people in db.session.execute(union_all(every_stmt, involved_stmt, names_stmt)):
        if kind == "name":
            names[la] = sector  # the LA's name
        elif kind == "every":
            every[(la, sector)] = n
        else:
            involved[(la, sector)], people[(la, sector)] = n, n_people
    keys = sorted(every, key=lambda k: (names.get(k[0], ""), SECTORS.index(k[1]) if k[1] in SECTORS else 9))
    rows = [
        [
            names.get(la, ""),
            sector,
            every[(la, sector)],
            involved.get((la, sector), 0),
            involved.get((la, sector), 0) / every[(la, sector)],
        ]
        for la, sector in keys
    ]
    total_all, total_in = sum(every.values()), sum(involved.values())
    rows.append(["All", "All", total_all, total_in, total_in / total_all if total_all else None])
    establishments = Table(
        "coverage",
        "Coverage: establishments ever involved",
        [
            Column("authority", "Local authority"),
            Column("sector", "Sector"),
            Column("all", "Establishments", "int"),
            Column("involved", "Ever involved", "int"),
            Column("share", "Share involved", "percent"),
        ],
        rows,
        f"Toward the partnership's target that every school and ELC setting takes part: {total_in} of {total_all} "
        f"establishments have taken part in any programme. Establishments are not people: shown in full.",
    )
    hidden = suppress_table({(names.get(la, ""), sector): n for (la, sector), n in people.items()})
    sectors = [s for s in SECTORS if any(k[1] == s for k in people)]
    la_names = sorted({names.get(la, "") for la, _ in people})
    counts = {(names.get(la, ""), sector): n for (la, sector), n in people.items()}
    people_rows = []
    for la in la_names:
        cells = [None if hidden.hides(la, s) else counts.get((la, s), 0) for s in sectors]
        total = sum(counts.get((la, s), 0) for s in sectors)
        people_rows.append([la, *cells, None if la in hidden.row_totals else total])
    people_table = Table(
        "people_by_sector",
        "People taking part by local authority and sector",
        [
            Column("authority", "Local authority"),
            *[Column(s, s, "int") for s in sectors],
            Column("total", "Total", "int"),
        ],
        people_rows,
        f"Distinct people taking part in any programme, by their establishment's LA and sector; n = "
        f"{sum(counts.values())} person-groups. Cells of 1 to {MIN_GROUP - 1} people are hidden, and a second cell "
        f"in the same row or column where the hidden one could be worked out from the total.",
    )
    return [Section(establishments, chart=None), Section(people_table)]


def never_involved_query(authority_id: int):
    """Establishments of an LA with no involvement ever, by name (for the pager)."""
    inv = g.involvement()
    return (
        select(Establishment)
        .where(Establishment.authority_id == authority_id)
        .where(Establishment.id.not_in(select(inv.c.est_id).where(inv.c.est_id.is_not(None))))
        .order_by(Establishment.name, Establishment.id)
    )
