"""Rules for themes: managing them and their stimulus resources, link officers, and registering."""

import re

from sqlalchemy import select

from portal.accounts.models import User
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.core.uploads import delete_stored, store_upload
from portal.enquiries.access import can_register
from portal.enquiries.models import LinkOfficer, Registration, Theme, ThemeResource
from portal.extensions import db

YEAR = re.compile(r"^(\d{4})-(\d{2})$")


def _require_admin(actor) -> None:
    if not actor.has_role(Role.ADMIN):
        raise ServiceError((None, "Only the partnership lead officer manages themes."))


def check_school_year(text: str) -> str:
    match = YEAR.match((text or "").strip())
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ServiceError(("school_year", "Enter a school year like 2020-21."))
    return match.group(0)


def save_theme(theme: Theme | None, *, actor, school_year: str, title: str, description: str) -> Theme:
    """Create a theme (theme None) or change one."""
    _require_admin(actor)
    year = check_school_year(school_year)
    if not title.strip():
        raise ServiceError(("title", "Enter the theme's title."))
    theme = theme or Theme()
    theme.school_year, theme.title, theme.description = year, title.strip(), description.strip()
    db.session.add(theme)
    db.session.flush()
    return theme


def add_resource(theme: Theme, *, actor, title: str, url: str = "", upload=None) -> ThemeResource:
    """A stimulus resource: a link (http/https only) or an uploaded file checked by portal.core.uploads."""
    _require_admin(actor)
    if not title.strip():
        raise ServiceError(("title", "Enter a title for the resource."))
    url = url.strip()
    has_file = upload is not None and upload.filename
    if not url and not has_file:
        raise ServiceError(("url", "Give a link or choose a file."))
    if url and not re.match(r"^https?://", url):
        raise ServiceError(("url", "A link must start with https:// or http://."))
    resource = ThemeResource(theme_id=theme.id, title=title.strip(), url=url)
    if has_file:
        stored = store_upload(upload, field="file")
        resource.file_key, resource.filename, resource.size = stored.key, stored.filename, stored.size
    db.session.add(resource)
    db.session.flush()
    return resource


def remove_resource(resource: ThemeResource, *, actor) -> None:
    _require_admin(actor)
    if resource.file_key:
        delete_stored(resource.file_key)
    db.session.delete(resource)
    db.session.flush()


def set_link_officer(authority_id: int, officer: User | None, *, actor) -> None:
    """Name (or clear) an LA's link officer for themed enquiries; they must be an LA officer of that LA."""
    _require_admin(actor)
    current = db.session.get(LinkOfficer, authority_id)
    if officer is None:
        if current:
            db.session.delete(current)
    elif not officer.has_role(Role.LA_OFFICER) or officer.authority_id != authority_id:
        raise ServiceError((f"la_{authority_id}", "Choose an LA officer of this authority."))
    elif current:
        current.user_id = officer.id
    else:
        db.session.add(LinkOfficer(authority_id=authority_id, user_id=officer.id))
    db.session.flush()


def register(theme: Theme, *, actor, for_establishment: bool = False) -> Registration:
    """Register `actor` for a theme; a senior leader may register their establishment as a whole."""
    if not can_register(actor):
        raise ServiceError((None, "Practitioners, senior leaders and facilitators register for themes."))
    if for_establishment and not (actor.has_role(Role.SENIOR_LEADER) and actor.establishment_id):
        raise ServiceError((None, "Only a senior leader with an establishment can register it."))
    found = db.session.scalar(
        select(Registration).where(Registration.theme_id == theme.id, Registration.user_id == actor.id)
    )
    reg = found or Registration(theme_id=theme.id, user_id=actor.id)
    reg.authority_id = actor.home_authority_id
    if for_establishment:
        reg.establishment_id = actor.establishment_id
    db.session.add(reg)
    db.session.flush()
    return reg
