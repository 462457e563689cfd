"""Who may book and organise events, per owning domain: a registry keyed by Event.context_type.

Events never import the domains that own them. A domain registers its rules once, at import time of
its own package (e.g. in portal/leadership/__init__.py or its views module):

    from portal.events.policies import ContextPolicy, register

    register("leadership_cohort", ContextPolicy(
        label="Leadership cohort",
        can_book=lambda user, event: is_cohort_member(user, event.context_id),
        organised_ids=lambda user: select(LeadershipCohort.id).where(LeadershipCohort.facilitator_id == user.id),
        listable=lambda user: Event.context_id.in_(cohort_ids_of(user)),   # SQL clause for the list page
        labels=lambda ids: {c.id: c.name for c in cohorts(ids)},            # names in reports (one query)
    ))

- can_book(user, event) -> bool: may this person book (or join the waiting list of) the event?
- organised_ids(user) -> a SELECT of the context ids whose events this person organises (keeps the register,
  edits them, reads their feedback); None (the default): nobody beyond admins and each event's own organiser,
  who always may. It is the one rule: `can_organise(user, event)` asks it about one event and
  `organised_clause(user)` turns it into the SQL clause lists use, so a list and a page never disagree.
- listable(user) -> SQL clause on Event (or True/False): which events of this context the events list shows.
  It must agree with can_book; it keeps the list page to one paginated query. The list's statement is built once
  per set of roles: the clause's shape may depend on `user.has_role(...)` only, and `user.id` may be a bound
  parameter (use it as a value in the clause, never in Python).
- labels(ids) -> {context_id: name}: how reports name contexts; default "<label> <id>".
- check_when(event, starts_at, ends_at) -> [(field, message)]: the owning domain's rules for when its
  events may be (e.g. inside the programme year, on school days); the events editor refuses a move that breaks them.
- on_moved(event): called after the events editor (or any update_event) moves one of the context's events to
  another day, so the owning domain keeps its own record of the date in step (e.g. a cohort's matching date).
- kinds: {kind: label} of the events this context owns (e.g. "leadership-module-data": "Module 3: ..."), so
  the events editor offers them (and keeps them when an event is edited) and pages never show the code.
A context_type with no registered policy is visible and bookable by admins and organisers only.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import and_, false, literal, or_, select, true

from portal.core.roles import Role
from portal.events.models import PARTNERSHIP, Event
from portal.extensions import db


def _nobody(user, event) -> bool:
    return False


def _everyone(user, event) -> bool:
    return user is not None and user.is_authenticated


@dataclass(frozen=True)
class ContextPolicy:
    label: str
    can_book: Callable = _nobody
    organised_ids: Callable | None = None
    listable: Callable = field(default=lambda user: false())
    labels: Callable | None = None
    kinds: dict = field(default_factory=dict)
    check_when: Callable | None = None
    on_moved: Callable | None = None


_REGISTRY: dict[str, ContextPolicy] = {}
_KIND_LABELS: dict[str, str] = {}  # the registered policies' kinds, gathered when one registers
_UNKNOWN = ContextPolicy(label="Other")


def register(context_type: str, policy: ContextPolicy) -> None:
    """Register (or replace) the rules for events whose context_type is `context_type`."""
    _REGISTRY[context_type] = policy
    _KIND_LABELS.clear()
    _KIND_LABELS.update({kind: label for p in _REGISTRY.values() for kind, label in p.kinds.items()})


def registered_kinds() -> dict[str, str]:
    """Every kind of event a domain has registered, with its label (a copy)."""
    return dict(_KIND_LABELS)


def registered_kind_label(kind: str) -> str | None:
    """The label a domain registered for `kind` (a list's rows ask once each: no copy)."""
    return _KIND_LABELS.get(kind)


def policy_for(context_type: str) -> ContextPolicy:
    return _REGISTRY.get(context_type, _UNKNOWN)


def registered() -> dict[str, ContextPolicy]:
    return dict(_REGISTRY)


def is_admin(user) -> bool:
    return user is not None and user.is_authenticated and user.has_role(Role.ADMIN)


def policy_organises(user, event) -> bool:
    """Whether the owning domain's policy names this person an organiser of the event's context (one query, none
    when the policy names nobody). The event need not be saved yet (creating one asks this too)."""
    ids = policy_for(event.context_type).organised_ids
    if ids is None or event.context_id is None or user is None or not user.is_authenticated:
        return False
    return bool(db.session.scalar(select(literal(event.context_id).in_(ids(user)))))


def can_organise(user, event) -> bool:
    """Admins, the event's organiser, or whoever the owning domain's policy names."""
    if user is None or not user.is_authenticated:
        return False
    if is_admin(user) or (event.organiser_id is not None and event.organiser_id == user.id):
        return True
    return policy_organises(user, event)


def organised_clause(user):
    """SQL on Event: the events `can_organise` allows this person, from the same policies (for list pages)."""
    if user is None or not user.is_authenticated:
        return false()
    if is_admin(user):
        return true()
    by_policy = [
        and_(Event.context_type == context_type, Event.context_id.in_(policy.organised_ids(user)))
        for context_type, policy in _REGISTRY.items()
        if policy.organised_ids is not None
    ]
    return or_(Event.organiser_id == user.id, *by_policy)


def can_book(user, event) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return is_admin(user) or bool(policy_for(event.context_type).can_book(user, event))


def context_label(context_type: str, context_id: int | None, names: dict | None = None) -> str:
    """A reader-facing name for a context, e.g. 'Partnership' or 'Themed enquiry 5'."""
    policy = policy_for(context_type)
    if context_id is None:
        return policy.label
    return (names or {}).get(context_id) or f"{policy.label} {context_id}"


def register_partnership() -> None:
    """Partnership-wide events: everyone may book (called from the events init_app)."""
    register(PARTNERSHIP, ContextPolicy(label="Partnership", can_book=_everyone, listable=lambda user: true()))
