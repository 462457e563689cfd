"""Rules for Professional Review and Development targets: save (with history), link to one of one's own plan
goals, share with a reviewer, remove; and the school years a target may name."""

from datetime import date

from portal.core.forms import ServiceError
from portal.extensions import db
from portal.learning.goals import own_goals
from portal.learning.history import earlier_wordings, keep_earlier_wording
from portal.learning.models import PrdTarget, PrdTargetRevision
from portal.learning.pack import school_year
from portal.learning.services import reviewer_for

KEPT = ("title", "description", "school_year", "goal_id")
YEARS_BACK, YEARS_AHEAD = 5, 1  # a target names this school year, one of the five before, or the next


def year_choices(today: date) -> list[tuple[int, str]]:
    """(start year, "2026-27") for the school years a target may name, newest first."""
    now = school_year(today)[0].year
    return [(y, f"{y}-{str(y + 1)[-2:]}") for y in range(now + YEARS_AHEAD, now - YEARS_BACK - 1, -1)]


def _content(target: PrdTarget) -> dict:
    return {name: getattr(target, name) for name in KEPT}


def save_target(
    target: PrdTarget | None,
    *,
    actor,
    title: str,
    description: str,
    year: int | None,
    goal_id: int | None,
    reviewer_email: str = "",
    today: date | None = None,
) -> PrdTarget:
    """Create (target None) or correct the actor's own target. The goal must be one of the actor's own plan
    goals; a correction keeps the earlier wording as a revision."""
    if target is not None and target.user_id != actor.id:
        raise ServiceError((None, "Only the person whose record it is can change a target."))
    title = " ".join((title or "").split())
    errors = []
    if not title:
        errors.append(("title", "Say what the target is."))
    elif len(title) > 200:
        errors.append(("title", "Keep the target to 200 characters or fewer."))
    description = (description or "").strip()
    if len(description) > 4000:
        errors.append(("description", "Keep this to 4000 characters or fewer."))
    if year not in {y for y, _ in year_choices(today or date.today())}:
        errors.append(("year", "Choose the school year of your PRD cycle."))
    goal_id = goal_id or None
    if goal_id is not None and goal_id not in {g.id for g in own_goals(actor)}:
        errors.append(("goal", "Link the target only to a goal in your own development plan."))
    if errors:
        raise ServiceError(*errors)
    reviewer = reviewer_for(reviewer_email, actor)
    before = _content(target) if target is not None else None
    if target is None:
        target = PrdTarget(user_id=actor.id)
        db.session.add(target)
    target.title, target.description, target.school_year, target.goal_id = title, description, year, goal_id
    target.shared_with_id = reviewer.id if reviewer else None
    keep_earlier_wording(PrdTargetRevision, "target_id", target, before, _content(target))
    db.session.flush()
    return target


def revisions(target: PrdTarget) -> list[tuple[PrdTargetRevision, dict]]:
    """The target's earlier wordings, newest first, each with its fields."""
    return earlier_wordings(PrdTargetRevision, "target_id", target.id)


def delete_target(target: PrdTarget, *, actor) -> None:
    if target.user_id != actor.id:
        raise ServiceError((None, "Only the person whose record it is can remove a target."))
    db.session.delete(target)
    db.session.flush()
