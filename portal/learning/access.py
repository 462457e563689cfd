"""Who sees a learning entry: the person whose record it is, and the reviewer they shared it with; nobody else."""

from portal.learning.models import LearningEntry


def can_view(user, entry: LearningEntry) -> bool:
    return user.is_authenticated and user.id in (entry.user_id, entry.shared_with_id)


def can_edit(user, entry: LearningEntry) -> bool:
    return user.is_authenticated and user.id == entry.user_id
