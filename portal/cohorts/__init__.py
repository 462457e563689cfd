"""Collaborative Learning Network cohorts: nominations, interests survey, matching, teams, confidence."""

from flask import Blueprint, Flask

from portal.core.wiring import add_demo_steps

bp = Blueprint("cohorts", __name__)


def init_app(app: Flask) -> None:
    """Import the view modules, register what cohorts offers the other domains, then the blueprint."""
    from portal.cohorts import (  # noqa: F401  (routes on bp)
        matching_views,
        nomination_views,
        survey_views,
        team_views,
        views,
    )
    from portal.cohorts.commands import cohorts_cli
    from portal.cohorts.network_teams import register_provider
    from portal.cohorts.sessions import register_policy

    register_policy()
    register_provider()
    app.cli.add_command(cohorts_cli)
    add_demo_steps(
        app,
        demo=("portal.cohorts.demo:load_demo",),
        scale=("portal.cohorts.demo:load_scale", "portal.cohorts.scale:load_scale"),
    )
    from portal.cohorts.privacy import register as register_personal_data

    register_personal_data(app)  # what cohorts exports and erases for data rights
    app.register_blueprint(bp)
