"""Read-side queries for people lists (filters and scope, one query per page)."""

from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import bindparam, func, select

from portal.accounts.access import of_authority, people_scope, within_scope
from portal.accounts.models import User, UserRole
from portal.accounts.search import name_or_email_contains
from portal.core.inputs import bounded_int
from portal.core.paging import Listing, Page, listing, paginate
from portal.core.roles import Role
from portal.core.sqltext import sorted_after_filter
from portal.extensions import db
from portal.organisations.models import Establishment, LocalAuthority


@dataclass
class PeopleFilter:
    q: str = ""
    authority_id: int | None = None
    role: str = ""

    @classmethod
    def from_args(cls, args) -> "PeopleFilter":
        la = args.get("authority", "")
        role = args.get("role", "")
        return cls(
            q=args.get("q", "").strip()[:100],
            authority_id=bounded_int(la, low=1),
            role=role if role in {str(r) for r in Role} else "",
        )


@dataclass(frozen=True)
class PersonRow:
    """A person as the people list shows them (plain values: no User, establishment or role objects)."""

    id: int
    name: str
    email: str
    place: str  # their establishment's name, else their LA's (LA staff), else ""
    roles: list[Role]


# Most people are practitioners, a third senior leaders; the other roles are held by a few hundred people at most.
_HELD_BY_MOST = {Role.PRACTITIONER, Role.SENIOR_LEADER}


def people_query(actor, filters: PeopleFilter):
    """The people `actor` may see matching `filters`, by name: rows of the columns the list shows, with the
    establishment's (or LA's) name and the person's roles in one string. Built per request (a search's)."""
    return _people(*people_scope(actor), filters.q, filters.authority_id, _role_kind(filters.role), filters.role)


def people_page(actor, filters: PeopleFilter) -> Page:
    """A page of the people list. A search reads every match once, counting them beside the page's rows; a list
    without one runs statements built once per process for each scope and set of filters in use (the values bound):
    building the list, its count and its page costs more Python than the database takes to answer them."""
    if filters.q:
        page = paginate(people_query(actor, filters), rows=True, total_in_page=True)
    else:
        scope, within = people_scope(actor)
        role_kind = _role_kind(filters.role)
        found = _people_listing(db.engine.dialect.name, scope, filters.authority_id is not None, role_kind)
        values = {"within": within, "authority_id": filters.authority_id, "role": filters.role}
        page = paginate(found, rows=True, params=values)
    page.items = person_rows(page.items)
    return page


def _role_kind(role: str) -> str:
    return "" if not role else "most" if role in _HELD_BY_MOST else "few"


@lru_cache(maxsize=64)  # a key per database, scope and set of filters in use: a few dozen at most
def _people_listing(dialect: str, scope: str, authority: bool, role_kind: str) -> Listing:
    authority_id = bindparam("authority_id") if authority else None
    return listing(_people(scope, bindparam("within"), "", authority_id, role_kind, bindparam("role")))


def _people(scope: str, within, q: str, authority_id, role_kind: str, role):
    """The people list's select (values given, or bound parameters)."""

    def of_person(column, where):  # read for the rows of the page only; the count reads none of them
        return select(column).where(where).correlate(User).scalar_subquery()

    place = func.coalesce(
        of_person(Establishment.name, Establishment.id == User.establishment_id),
        of_person(LocalAuthority.name, LocalAuthority.id == User.authority_id),
        "",
    )
    roles = of_person(func.aggregate_strings(UserRole.role, ","), UserRole.user_id == User.id)
    stmt = select(User.id, User.name, User.email, place.label("place"), roles.label("roles"))
    if q:
        stmt = stmt.where(name_or_email_contains(q))
    # A search reads every match (its page counts them): PostgreSQL finds them through the trigram indexes, which
    # answer three characters or more (a shorter search matches most people: walking the name index is as good).
    stmt = stmt.order_by(sorted_after_filter(User.name) if len(q) >= 3 else User.name, User.id)
    if authority_id is not None:
        stmt = stmt.where(of_authority(authority_id))
    if role_kind == "most":  # checked on each person the rest of the query reads, by (person, role)
        stmt = stmt.where(select(UserRole.id).where(UserRole.user_id == User.id, UserRole.role == role).exists())
    elif role_kind == "few":  # a few hundred people at most: read from the role's index first
        stmt = stmt.where(User.id.in_(select(UserRole.user_id).where(UserRole.role == role)))
    return within_scope(stmt, scope, within)


def person_rows(rows) -> list[PersonRow]:
    return [
        PersonRow(r.id, r.name, r.email, r.place, sorted(Role(v) for v in (r.roles or "").split(",") if v))
        for r in rows
    ]
