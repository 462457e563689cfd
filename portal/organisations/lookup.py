"""Resolving what a person typed for an establishment (SEED code or exact name) to one record."""

from sqlalchemy import func, select

from portal.core.forms import ServiceError
from portal.extensions import db
from portal.organisations.models import Establishment


def resolve_establishment(text: str | None, *, field: str):
    """The establishment named by `text`, None if blank, or ServiceError naming `field`."""
    text = (text or "").strip()
    if not text:
        return None
    if text.isdigit():
        found = db.session.scalar(select(Establishment).where(Establishment.seed_code == text))
        if found:
            return found
        raise ServiceError((field, f"No establishment has the SEED code {text}."))
    matches = list(
        db.session.scalars(select(Establishment).where(func.lower(Establishment.name) == text.lower()).limit(5))
    )
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ServiceError((field, f"No establishment is called '{text}'. Check the spelling or use its SEED code."))
    codes = ", ".join(f"{m.seed_code} ({m.authority.name})" for m in matches)
    raise ServiceError((field, f"More than one establishment is called '{text}': use its SEED code ({codes})."))
