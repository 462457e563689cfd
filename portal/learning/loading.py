"""Loading an entry for a view: 404 when it does not exist, 403 when it is not the user's to see or change."""

from flask import abort
from flask_login import current_user

from portal.core.access import get_or_404
from portal.learning.access import can_edit, can_view
from portal.learning.models import LearningEntry, PrdTarget


def load_entry(entry_id: int, *, edit: bool = False) -> LearningEntry:
    entry = get_or_404(LearningEntry, entry_id)
    if not (can_edit if edit else can_view)(current_user, entry):
        abort(403)
    return entry


def load_target(target_id: int, *, edit: bool = False) -> PrdTarget:
    target = get_or_404(PrdTarget, target_id)
    if not (can_edit if edit else can_view)(current_user, target):
        abort(403)
    return target
