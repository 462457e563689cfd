"""Who may see and change an account: drafts are for the team and reviewers; published ones for everyone signed
in (public ones also for visitors); the team edits; the lead officer and the reviewers they name review."""

from sqlalchemy import bindparam, exists, or_, select

from portal.core.roles import Role
from portal.enquiries.models import TeamMember
from portal.extensions import db
from portal.practice.models import PUBLIC, PUBLISHED, PracticeAccount, Reviewer

_IS_REVIEWER = select(exists().where(Reviewer.user_id == bindparam("user_id")))


def is_reviewer(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.has_role(Role.ADMIN) or bool(db.session.scalar(_IS_REVIEWER, {"user_id": user.id}))


def is_team_member(user, team_id: int | None) -> bool:
    return bool(
        user.is_authenticated
        and team_id is not None
        and db.session.scalar(select(exists().where(TeamMember.team_id == team_id, TeamMember.user_id == user.id)))
    )


def can_view(user, account: PracticeAccount) -> bool:
    if account.state == PUBLISHED:
        return user.is_authenticated or account.visibility == PUBLIC
    return is_team_member(user, account.team_id) or is_reviewer(user)


def can_edit(user, account: PracticeAccount) -> bool:
    """Only the team's current members write the account (every field is the team's words)."""
    return is_team_member(user, account.team_id)


def visible_accounts(user, stmt):
    """Restrict a select over PracticeAccount to what `user` may list: published, plus their own team's."""
    if not user.is_authenticated:
        return stmt.where(PracticeAccount.state == PUBLISHED, PracticeAccount.visibility == PUBLIC)
    mine = select(TeamMember.team_id).where(TeamMember.user_id == user.id)
    return stmt.where(or_(PracticeAccount.state == PUBLISHED, PracticeAccount.team_id.in_(mine)))
