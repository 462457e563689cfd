"""Reports: participation across the partnership and aggregate evidence of impact (read-only)."""

from flask import Blueprint, Flask

bp = Blueprint("reports", __name__, url_prefix="/reports")


def init_app(app: Flask) -> None:
    """Import the view modules, register what reports offers the other domains, then the blueprint."""
    from portal.core.wiring import add_demo_steps
    from portal.reports import dashboard_views, export_views, kept, views  # noqa: F401  (routes on bp)
    from portal.reports.commands import reports_cli
    from portal.reports.sections import report_cell

    kept.register(app)  # what the kept figures read, and what they may hold
    app.add_template_filter(report_cell, "report_cell")
    app.cli.add_command(reports_cli)

    add_demo_steps(app, demo=("portal.reports.demo:load_demo",), scale=("portal.reports.demo:load_scale",))

    app.register_blueprint(bp)
