"""Themed collaborative enquiries: themes, registrations, teams, enquiry plans, impact evidence, summaries."""

from flask import Blueprint, Flask

from portal.core.wiring import add_demo_steps

bp = Blueprint("enquiries", __name__, url_prefix="/enquiries")


def init_app(app: Flask) -> None:
    """Import the view modules, register what enquiries offers the other domains, then the blueprint."""
    from portal.enquiries import (  # noqa: F401
        chart_views,
        correction_views,
        evidence_views,
        plan_views,
        record_views,
        team_views,
        views,
    )
    from portal.enquiries.links import register_theme_context

    register_theme_context()
    from portal.enquiries.learning_sources import register as register_learning

    register_learning()  # what it adds to the professional learning record
    add_demo_steps(app, demo=("portal.enquiries.demo:load_demo",), scale=("portal.enquiries.scale:load_scale",))
    from portal.enquiries.privacy import register as register_personal_data

    register_personal_data(app)  # what enquiries exports and erases for data rights
    app.register_blueprint(bp)
