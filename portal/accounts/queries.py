"""Read-side queries for people lists (filters and scope, one query per page)."""

from dataclasses import dataclass

from sqlalchemy import func, select

from portal.accounts.access import of_authority, people_visible_to
from portal.accounts.models import User, UserRole
from portal.accounts.search import name_or_email_contains
from portal.core.inputs import bounded_int
from portal.core.roles import Role
from portal.core.sqltext import sorted_after_filter
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
    establishment's (or LA's) name and the person's roles in one string."""

    def of_person(column, where):  # read for the rows of the page only; the count reads none of them
        return select(column).where(where).correlate(User).scalar_subquery()

    place = func.coalesce(
        of_person(Establishment.name, Establishment.id == User.establishment_id),
        of_person(LocalAuthority.name, LocalAuthority.id == User.authority_id),
        "",
    )
    roles = of_person(func.aggregate_strings(UserRole.role, ","), UserRole.user_id == User.id)
    stmt = select(User.id, User.name, User.email, place.label("place"), roles.label("roles"))
    if filters.q:
        stmt = stmt.where(name_or_email_contains(filters.q))
    # A search reads every match (its page counts them): PostgreSQL finds them through the trigram indexes, which
    # answer three characters or more (a shorter search matches most people: walking the name index is as good).
    stmt = stmt.order_by(sorted_after_filter(User.name) if len(filters.q) >= 3 else User.name, User.id)
    if filters.authority_id:
        stmt = stmt.where(of_authority(filters.authority_id))
    if filters.role in _HELD_BY_MOST:  # checked on each person the rest of the query reads, by (person, role)
        stmt = stmt.where(
            select(UserRole.id).where(UserRole.user_id == User.id, UserRole.role == filters.role).exists()
        )
    elif filters.role:  # a few hundred people at most: read from the role's index first
        stmt = stmt.where(User.id.in_(select(UserRole.user_id).where(UserRole.role == filters.role)))
    return people_visible_to(actor, stmt)


def person_rows(rows) -> list[PersonRow]:
    return [
        PersonRow(r.id, r.name, r.email, r.place, sorted(Role(v) for v in (r.roles or "").split(",") if v))
        for r in rows
    ]
