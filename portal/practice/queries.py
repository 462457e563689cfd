"""Read-side queries for the practice pages: a fixed number per page, whatever the size of the library."""

import json
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import and_, bindparam, exists, func, literal_column, select

from portal.accounts.models import User
from portal.core.paging import Listing, Page, listing, paginate, where_bound
from portal.core.sqltext import ilike
from portal.enquiries.models import TeamMember
from portal.events.models import Event
from portal.extensions import db
from portal.practice.access import visible_accounts
from portal.practice.models import (
    IN_REVIEW,
    PUBLIC,
    PUBLISHED,
    SEARCH_CONFIG,
    AccountFacet,
    AccountFile,
    AccountVersion,
    PracticeAccount,
    Presentation,
    Review,
    Use,
)

FACETS = ("sector", "stage", "la", "measure", "tag")


@dataclass
class LibraryFilter:
    q: str = ""
    theme: str = ""
    year: str = ""
    programme: str = ""
    facets: dict = field(default_factory=dict)  # facet -> value

    @classmethod
    def from_args(cls, args) -> "LibraryFilter":
        return cls(
            q=(args.get("q") or "").strip()[:200],
            theme=(args.get("theme") or "").strip()[:160],
            year=(args.get("year") or "").strip()[:7],
            programme=(args.get("programme") or "").strip()[:20],
            facets={f: args.get(f).strip()[:60] for f in FACETS if (args.get(f) or "").strip()},
        )

    def args(self) -> dict:
        return {
            k: v
            for k, v in {
                "q": self.q,
                "theme": self.theme,
                "year": self.year,
                "programme": self.programme,
                **self.facets,
            }.items()
            if v
        }

    def shape(self) -> tuple:
        """What the library's statement depends on (not the values): the words searched, the filters in use."""
        in_use = (bool(self.theme), bool(self.year), bool(self.programme))
        return (len(_patterns(self.q)), *in_use, tuple(f for f in FACETS if f in self.facets))

    def values(self) -> dict:
        """The values the library's statement binds (see `shape`)."""
        found = {k: v for k, v in (("theme", self.theme), ("year", self.year), ("programme", self.programme)) if v}
        found |= {f"facet_{k}": v for k, v in self.facets.items()}
        if self.q:
            found |= {"q": self.q} | {f"word{i}": p for i, p in enumerate(_patterns(self.q))}
        return found


def _patterns(q: str) -> list[str]:
    """SQLite's LIKE patterns of a search: each word (escaped) anywhere in the text."""
    return ["%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for w in q.split()]


def text_match(words: int, dialect: str):
    """Full-text search of :q: PostgreSQL's tsvector (the GIN index in the migration); on SQLite a LIKE per word
    (:word0, :word1, ...; `_patterns`)."""
    if dialect == "postgresql":
        query = func.websearch_to_tsquery(literal_column(f"'{SEARCH_CONFIG}'"), bindparam("q"))
        return PracticeAccount.search_vector.op("@@")(query)
    return and_(*(ilike(PracticeAccount.search_text, bindparam(f"word{i}"), escape="\\") for i in range(words)))


@dataclass(frozen=True)
class _Reader:
    """Who the library's statement is built for: signed in or not, with their id bound (never in Python)."""

    is_authenticated: bool
    id = bindparam("user_id")


def library_query(user, filters: LibraryFilter, *, published_only: bool = True):
    """Accounts `user` may list, filtered, newest first (visitors: public ones only), with the filters' values."""
    stmt = _library_select(db.engine.dialect.name, published_only, user.is_authenticated, *filters.shape())
    return stmt.params(**_values(user, filters))


def _values(user, filters: LibraryFilter) -> dict:
    return filters.values() | ({"user_id": user.id} if user.is_authenticated else {})


@lru_cache(maxsize=256)  # a statement per shape of filters (library_page's come from here too)
def _library_select(
    dialect: str, published_only: bool, signed_in: bool, words: int, theme, year, programme, facets: tuple
):
    """library_query's statement for one database (a process serves one; the tests' serves two) and shape."""
    stmt = visible_accounts(_Reader(signed_in), select(PracticeAccount))
    if published_only:
        stmt = stmt.where(PracticeAccount.state == PUBLISHED)
    if words:
        stmt = stmt.where(text_match(words, dialect))
    stmt = where_bound(
        stmt,
        (PracticeAccount.theme_title, "theme", theme),
        (PracticeAccount.school_year, "year", year),
        (PracticeAccount.programme, "programme", programme),
    )
    for facet in facets:
        stmt = stmt.where(
            exists().where(
                AccountFacet.account_id == PracticeAccount.id,
                AccountFacet.facet == facet,
                AccountFacet.value == bindparam(f"facet_{facet}"),
            )
        )
    return stmt.order_by(PracticeAccount.published_at.desc(), PracticeAccount.id.desc())


# What a library card shows of an account: a page reads these columns, not whole accounts (their texts are long).
_CARD = (
    PracticeAccount.id,
    PracticeAccount.title,
    PracticeAccount.abstract,
    PracticeAccount.programme,
    PracticeAccount.theme_title,
    PracticeAccount.school_year,
    PracticeAccount.revised_at,
)


def library_page(user, filters: LibraryFilter) -> Page:
    """One page of the library as rows of what each card shows (`library_query`'s accounts and order), by
    statements built once per process for each shape of filters."""
    found = _library_listing(db.engine.dialect.name, user.is_authenticated, *filters.shape())
    return paginate(found, rows=True, params=_values(user, filters))


@lru_cache(maxsize=256)
def _library_listing(dialect: str, signed_in: bool, *shape) -> Listing:
    return listing(_library_select(dialect, True, signed_in, *shape).with_only_columns(*_CARD))


# The library's statements that take no filter, built once (each library page runs all of them).
_FILTER_CHOICES = (
    select(PracticeAccount.theme_title, PracticeAccount.school_year)
    .where(PracticeAccount.state == PUBLISHED)
    .group_by(PracticeAccount.theme_title, PracticeAccount.school_year)
    .order_by(PracticeAccount.theme_title)
)
_FACETS = (
    select(AccountFacet.account_id, AccountFacet.facet, AccountFacet.value)
    .where(AccountFacet.account_id.in_(bindparam("ids", expanding=True)))
    .order_by(AccountFacet.value)
)
_USE_COUNTS = (
    select(Use.account_id, func.count(Use.id))
    .where(Use.account_id.in_(bindparam("ids", expanding=True)))
    .group_by(Use.account_id)
)
_COUNTS = select(  # one statement: three scalar subqueries
    select(func.count(PracticeAccount.id)).where(PracticeAccount.state == PUBLISHED).scalar_subquery(),
    select(func.count(Use.id)).scalar_subquery(),
    select(func.count(func.distinct(Use.establishment_id))).scalar_subquery(),
)


def filter_choices() -> dict:
    """The themes (in the database's order of names) and school years (newest first) that published accounts have,
    in one small grouped query."""
    rows = db.session.execute(_FILTER_CHOICES).all()
    themes = list(dict.fromkeys(t for t, _ in rows if t))
    years = sorted({y for _, y in rows if y is not None}, reverse=True)  # "2025-26": the text sorts as the years do
    return {"themes": themes, "years": years}


def facets_of(account_ids) -> dict[int, dict[str, list[str]]]:
    found: dict[int, dict[str, list[str]]] = {i: {f: [] for f in FACETS} for i in account_ids}
    if account_ids:
        for aid, facet, value in db.session.execute(_FACETS, {"ids": list(account_ids)}):
            found[aid].setdefault(facet, []).append(value)
    return found


def use_counts(account_ids) -> dict[int, int]:
    """How many uses each account has (0 for none)."""
    if not account_ids:
        return {}
    return dict.fromkeys(account_ids, 0) | dict(db.session.execute(_USE_COUNTS, {"ids": list(account_ids)}).all())


def measures(account: PracticeAccount) -> list[dict]:
    return json.loads(account.measures_json or "[]")


def files(account_id: int) -> list[AccountFile]:
    return list(
        db.session.scalars(select(AccountFile).where(AccountFile.account_id == account_id).order_by(AccountFile.id))
    )


def history(account_id: int) -> list[Review]:
    return list(
        db.session.scalars(select(Review).where(Review.account_id == account_id).order_by(Review.created_at, Review.id))
    )


def versions(account_id: int) -> list[AccountVersion]:
    return list(
        db.session.scalars(
            select(AccountVersion).where(AccountVersion.account_id == account_id).order_by(AccountVersion.number.desc())
        )
    )


def uses(account_id: int) -> list[tuple]:
    """Uses with the school's name (the team sees where its idea travelled; never who wrote the note)."""
    from portal.organisations.models import Establishment

    return db.session.execute(
        select(Use, Establishment.name)
        .outerjoin(Establishment, Establishment.id == Use.establishment_id)
        .where(Use.account_id == account_id)
        .order_by(Use.created_at.desc())
    ).all()


def my_use(account_id: int, user) -> Use | None:
    if not user.is_authenticated:
        return None
    return db.session.scalar(select(Use).where(Use.account_id == account_id, Use.user_id == user.id))


def presentations(account_id: int) -> list[Event]:
    return list(
        db.session.scalars(
            select(Event)
            .join(Presentation, Presentation.event_id == Event.id)
            .where(Presentation.account_id == account_id)
            .order_by(Event.starts_at)
        )
    )


def presented_at(event_id: int, user) -> list[PracticeAccount]:
    """Accounts presented at an event that `user` may see (drafts only for their team and reviewers)."""
    stmt = (
        select(PracticeAccount)
        .join(Presentation, Presentation.account_id == PracticeAccount.id)
        .where(Presentation.event_id == event_id)
        .order_by(PracticeAccount.title)
    )
    return list(db.session.scalars(visible_accounts(user, stmt)))


def review_queue() -> list[PracticeAccount]:
    return list(
        db.session.scalars(
            select(PracticeAccount).where(PracticeAccount.state == IN_REVIEW).order_by(PracticeAccount.submitted_at)
        )
    )


def my_teams(user) -> list[tuple]:
    """The person's teams, each with its account (or None): one query."""
    from portal.enquiries.models import Team

    return db.session.execute(
        select(Team, PracticeAccount)
        .join(TeamMember, TeamMember.team_id == Team.id)
        .outerjoin(PracticeAccount, PracticeAccount.team_id == Team.id)
        .where(TeamMember.user_id == user.id)
        .order_by(Team.created_at.desc(), Team.id.desc())
        .limit(100)
    ).all()


def public_feed(limit: int = 30) -> list[PracticeAccount]:
    return list(
        db.session.scalars(
            select(PracticeAccount)
            .where(PracticeAccount.state == PUBLISHED, PracticeAccount.visibility == PUBLIC)
            .order_by(PracticeAccount.published_at.desc(), PracticeAccount.id.desc())
            .limit(limit)
        )
    )


def reviewers() -> list[User]:
    from portal.practice.models import Reviewer

    return list(db.session.scalars(select(User).join(Reviewer, Reviewer.user_id == User.id).order_by(User.name)))


def counts() -> dict:
    """For the steering group: published accounts and recorded uses (no names)."""
    published, used, schools = db.session.execute(_COUNTS).one()
    return {"published": published or 0, "uses": used or 0, "schools": schools or 0}


def sharing_events(team) -> list[Event]:
    """The sharing events of the team's theme or cohort that it may present at (not cancelled)."""
    from sqlalchemy import or_

    from portal.cohorts.models import CohortTeam

    theme = and_(Event.context_type == "theme", Event.context_id == team.theme_id, Event.kind == "sharing_event")
    cohort = and_(
        Event.context_type == "network_cohort",
        Event.kind == "network-sharing",
        Event.context_id.in_(select(CohortTeam.cohort_id).where(CohortTeam.team_id == team.id)),
    )
    return list(
        db.session.scalars(
            select(Event).where(or_(theme, cohort), Event.cancelled.is_(False)).order_by(Event.starts_at).limit(20)
        )
    )
