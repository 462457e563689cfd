"""Event feedback (people marked present answer once per event; organisers read the aggregate) and the
end-of-year evaluation of each network (the steering group reads the aggregate in the reports)."""

from flask import Blueprint

from portal.core.wiring import add_demo_steps

bp = Blueprint("feedback", __name__, url_prefix="/feedback")


def init_app(app) -> None:
    """Import the views; register the CLI, data rights, the event page's link, report sources, demo steps; bp."""
    from portal.core.snapshots import keep_types
    from portal.events.extras import register_event_extra
    from portal.feedback import evaluation_results, evaluation_views, event_views, links, privacy, results  # noqa: F401
    from portal.feedback.commands import feedback_cli
    from portal.reports.sources import register_source

    app.cli.add_command(feedback_cli)
    privacy.register(app)
    register_event_extra(links.event_extra)
    register_source(app, "event_feedback", results.for_report, reads=results.READS)
    keep_types(app, results.Summary)  # the per-programme page's kept figures
    register_source(app, "network_evaluation", evaluation_results.for_report, reads=evaluation_results.READS)
    add_demo_steps(app, demo=("portal.feedback.demo:load_demo",), scale=("portal.feedback.scale:load_scale",))
    app.register_blueprint(bp)
