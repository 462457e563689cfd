"""Who sees what in the reports: LA officers their own LA only, researchers aggregates only (no names)."""

from portal.core.roles import Role


def scoped_authority(user, requested: int | None) -> int | None:
    """The LA a report covers: an LA officer's own, whatever was asked; the region or a chosen LA for others."""
    if user.has_role(Role.ADMIN):
        return requested
    if user.has_role(Role.LA_OFFICER):
        return user.authority_id or -1  # an officer without an LA sees nothing rather than the region
    return requested


def can_choose_authority(user) -> bool:
    return user.has_role(Role.ADMIN) or (user.has_role(Role.RESEARCHER) and not user.has_role(Role.LA_OFFICER))


def can_see_names(user) -> bool:
    """People's names (facilitators, future facilitators) and lists of establishments: never for researchers."""
    return user.has_role(Role.ADMIN, Role.LA_OFFICER)


def can_list_never_involved(user) -> bool:
    return user.has_role(Role.ADMIN, Role.LA_OFFICER)
