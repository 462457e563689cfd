"""Who sees a learning entry or PRD target: the person whose record it is, and the reviewer they shared it
with; nobody else. A researcher is never a reviewer: they see no one's record and no names, even where an
entry was shared with them before they held the role."""

from portal.core.roles import Role


def may_review(user) -> bool:
    """Whether this person can be someone's reviewer for Professional Review and Development."""
    return user.is_authenticated and not user.has_role(Role.RESEARCHER)


def can_view(user, record) -> bool:
    """`record` is a LearningEntry or a PrdTarget (both have user_id and shared_with_id)."""
    if not user.is_authenticated:
        return False
    return user.id == record.user_id or (user.id == record.shared_with_id and may_review(user))


def can_edit(user, record) -> bool:
    return user.is_authenticated and user.id == record.user_id
