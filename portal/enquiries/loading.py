"""Loaders shared by the enquiries view modules (view modules never import each other)."""

from flask import abort
from flask_login import current_user

from portal.enquiries import queries
from portal.enquiries.access import can_edit_team, can_view_team


def load_team(team_id: int, *, edit: bool = False):
    """The team and its enquiry, or 404/403: members, link officers, facilitators and the admin only."""
    team, enquiry = queries.team_page(team_id)
    if team is None:
        abort(404)
    if not can_view_team(current_user, team) or (edit and not can_edit_team(current_user, team)):
        abort(403)
    return team, enquiry
