"""The annual Conditions for Change survey: a versioned instrument per school year, anonymous answers from
single-use links, response rates, results under disclosure control, and the research partner's file."""

from flask import Blueprint

from portal.core.wiring import add_demo_steps

bp = Blueprint("survey", __name__, url_prefix="/survey")


def init_app(app) -> None:
    """Import the views, register the CLI, data rights, the reports' aim 5 source and demo steps; then bp."""
    from portal.core.snapshots import keep_types, watch_tables
    from portal.reports.sources import register_source
    from portal.survey import answer_views, manage_views, privacy, queries, results, results_views  # noqa: F401
    from portal.survey.commands import survey_cli

    app.cli.add_command(survey_cli)
    privacy.register(app)
    register_source(app, "conditions_for_change", results.for_report, reads=results.READS)
    keep_types(app, results.Breakdown, results.Cell)  # the results page's kept figures
    watch_tables(app, *queries.RATES_READ)  # the response rates' kept figures
    add_demo_steps(app, demo=("portal.survey.demo:load_demo",), scale=("portal.survey.scale:load_scale",))
    app.register_blueprint(bp)
