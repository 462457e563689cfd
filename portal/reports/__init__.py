"""Reports: participation across the partnership and aggregate evidence of impact (read-only)."""

from flask import Blueprint, Flask

bp = Blueprint("reports", __name__, url_prefix="/reports")


def init_app(app: Flask) -> None:
    """Import the view modules, register what reports offers the other domains, then the blueprint."""
    from portal.reports import views  # noqa: F401  (routes on bp)

    app.register_blueprint(bp)
