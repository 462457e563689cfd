"""Who may see and change what in network cohorts (used by views and templates alike)."""

from portal.core.roles import Role


def can_manage_cohorts(user) -> bool:
    """Creating cohorts, proceeding past rules, matching and publishing: the partnership lead officer."""
    return user.has_role(Role.ADMIN)


def can_view_cohort(user) -> bool:
    """The cohort page shows design rules and aggregates only: staff who run or support cohorts."""
    return user.has_role(Role.ADMIN, Role.LA_OFFICER, Role.KEY_FACILITATOR)


def nominating_authority(user, requested: int | None = None) -> int | None:
    """The LA whose nominations `user` acts for: an officer's own LA; the admin's chosen one."""
    if user.has_role(Role.ADMIN):
        return requested
    if user.has_role(Role.LA_OFFICER):
        return user.authority_id
    return None


def can_edit_nominations(user, cohort, authority_id: int | None) -> bool:
    if cohort.stage == "published" or authority_id is None:
        return False
    if user.has_role(Role.ADMIN):
        return True
    return user.has_role(Role.LA_OFFICER) and user.authority_id == authority_id and cohort.stage == "nominating"


def can_edit_nomination(user, nomination) -> bool:
    return can_edit_nominations(user, nomination.cohort, nomination.authority_id)


def can_view_team(user, team, member_ids: set[int]) -> bool:
    """Team spaces: the team's members, its facilitator and the admin."""
    return user.has_role(Role.ADMIN) or user.id == team.facilitator_id or user.id in member_ids


def can_edit_meetings(user, team) -> bool:
    return user.has_role(Role.ADMIN) or user.id == team.facilitator_id
