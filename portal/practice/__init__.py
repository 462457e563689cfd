"""Accounts of Practice: a team's short, searchable account of what it changed and what happened."""

from flask import Blueprint

from portal.core.wiring import add_demo_steps

bp = Blueprint("practice", __name__, url_prefix="/practice")


def init_app(app) -> None:
    """Import the views (they add routes to bp), let events list presented accounts, register the blueprint."""
    from portal.events.extras import register_event_extra
    from portal.practice import export_views, review_views, views  # noqa: F401
    from portal.practice.figures import READS as COUNTS_READS
    from portal.practice.learning_sources import register as register_learning
    from portal.practice.loading import event_extra
    from portal.practice.services import counts
    from portal.reports.sources import register_source

    register_event_extra(event_extra)
    register_source(app, "practice", counts, reads=COUNTS_READS)
    register_learning()  # what it adds to the professional learning record
    add_demo_steps(app, demo=("portal.practice.demo:load_demo",), scale=("portal.practice.demo:load_scale",))
    from portal.practice.privacy import register as register_personal_data

    register_personal_data(app)  # what practice exports and erases for data rights
    app.register_blueprint(bp)
