"""The portal's standard six-point rating scale, as data other domains reuse."""

from sqlalchemy import select

from portal.extensions import db
from portal.frameworks.models import RatingScale
from portal.frameworks.services import create_scale

SIX_POINT_SLUG = "six-point"
SIX_POINT_LEVELS = [
    (1, "Not yet", "This is not yet part of what I or we do."),
    (2, "Starting", "First steps: it happens now and then, led by a few people."),
    (3, "Developing", "It happens regularly in some places, but is not yet consistent."),
    (4, "Established", "It is consistent and part of how we work, with some evidence of impact."),
    (5, "Strong", "It is embedded, evaluated, and has clear evidence of impact on learners."),
    (6, "Leading", "It is sustained, and we support others beyond our setting to do the same."),
]


def six_point_scale() -> RatingScale:
    """The standard scale, created on first use (idempotent)."""
    scale = db.session.scalar(select(RatingScale).where(RatingScale.slug == SIX_POINT_SLUG))
    return scale or create_scale(slug=SIX_POINT_SLUG, title="Six-point scale", levels=SIX_POINT_LEVELS)
