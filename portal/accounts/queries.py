"""Read-side queries for people lists (filters and scope, one query per page)."""

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from portal.accounts.access import people_visible_to
from portal.accounts.models import User, UserRole
from portal.core.inputs import bounded_int
from portal.core.roles import Role
from portal.organisations.models import Establishment


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


def people_query(actor, filters: PeopleFilter):
    # The list shows each person's roles: loaded for the page in one more query (User.role_rows is lazy).
    stmt = select(User).order_by(User.name, User.id).options(selectinload(User.role_rows))
    if filters.q:
        like = f"%{filters.q.lower()}%"
        # ILIKE on the bare columns: PostgreSQL answers it from the trigram indexes (lower(name) would not).
        stmt = stmt.where(or_(User.name.ilike(like), User.email.ilike(like)))
    if filters.authority_id:
        in_la = select(Establishment.id).where(Establishment.authority_id == filters.authority_id)
        stmt = stmt.where(or_(User.authority_id == filters.authority_id, User.establishment_id.in_(in_la)))
    if filters.role:
        stmt = stmt.where(User.id.in_(select(UserRole.user_id).where(UserRole.role == filters.role)))
    return people_visible_to(actor, stmt)
