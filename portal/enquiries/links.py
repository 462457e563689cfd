"""How themes use the shared pieces: challenge questions are a `frameworks` framework per theme, and the
theme's webinars, drop-ins and sharing event are `events` with context_type "theme"."""

from sqlalchemy import Integer, bindparam, select

from portal.core.roles import Role
from portal.enquiries.access import is_registered
from portal.enquiries.models import Registration, Theme
from portal.enquiries.sections import CHALLENGE_PREFIX, Section
from portal.events.models import Event
from portal.events.policies import ContextPolicy, register
from portal.extensions import db
from portal.frameworks import services as frameworks
from portal.frameworks.models import Framework
from portal.frameworks.registry import register_kind

CHALLENGE_KIND = "challenge_questions"
CONTEXT = "theme"


def _theme_titles(ids) -> dict:
    return dict(db.session.execute(select(Theme.id, Theme.title).where(Theme.id.in_(list(ids)))).all())


def register_theme_context() -> None:
    """Challenge questions are a framework kind and theme events are owned by a theme (called from init_app)."""
    register_kind(CHALLENGE_KIND, "Themed enquiry challenge questions")
    register(
        CONTEXT,
        ContextPolicy(
            label="Themed enquiry",
            can_book=lambda user, event: user.is_authenticated and is_registered(user, event.context_id),
            # no organised_ids: the partnership lead officer (admin) organises them
            listable=lambda user: Event.context_id.in_(
                select(Registration.theme_id).where(Registration.user_id == user.id)
            ),
            labels=_theme_titles,
        ),
    )


def challenge_slug(theme_id: int) -> str:
    return f"theme-{theme_id}-challenge-questions"


def challenge_framework_id(theme_id: int) -> int | None:
    """The id of the theme's challenge questions framework (the theme page links to its editor), if started."""
    return db.session.scalar(_CHALLENGE_FRAMEWORK_ID, {"slug": challenge_slug(theme_id)})


_CHALLENGE_FRAMEWORK_ID = select(Framework.id).where(Framework.slug == bindparam("slug"))


def challenge_questions(theme_id: int) -> list[Section]:
    """The published challenge questions as plan sections keyed by item key (stable across versions)."""
    return [
        Section(f"{CHALLENGE_PREFIX}{key}", text, title)
        for title, key, text in frameworks.published_items(challenge_slug(theme_id))
    ]


def create_challenge_questions(theme: Theme, *, actor, groups: dict[str, list[str]]) -> Framework:
    """A published framework of challenge questions for a theme; the admin edits it in the framework editor."""
    from portal.core.forms import ServiceError
    from portal.frameworks.defaults import six_point_scale

    if not actor.has_role(Role.ADMIN):
        raise ServiceError((None, "Only the partnership lead officer sets challenge questions."))
    return frameworks.create_framework(
        slug=challenge_slug(theme.id),
        title=f"{theme.title} ({theme.school_year}): challenge questions",
        kind=CHALLENGE_KIND,
        scale=six_point_scale(),
        purpose="Questions a team answers to choose its small change.",
        sections=[{"title": title, "items": items} for title, items in groups.items()],
    )


def theme_events(theme_id: int, limit: int = 50) -> list:
    """The theme's events, soonest first: rows of what its list shows (id, title, starts_at, cancelled)."""
    return db.session.execute(_THEME_EVENTS, {"theme_id": theme_id, "limit": limit}).all()


_THEME_EVENTS = (
    select(Event.id, Event.title, Event.starts_at, Event.cancelled)
    .where(Event.context_type == CONTEXT, Event.context_id == bindparam("theme_id"))
    .order_by(Event.starts_at)
    .limit(bindparam("limit", type_=Integer))
)
