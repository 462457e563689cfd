"""The home page for each role, the accessibility statement, the benchmark's floor page."""

from flask import Blueprint, Flask

bp = Blueprint("main", __name__)


def init_app(app: Flask) -> None:
    """Import the view modules, register what main offers the other domains, then the blueprint."""
    from portal.main import views  # noqa: F401  (routes on bp)

    app.register_blueprint(bp)
