"""Generic versioned self-evaluation frameworks (leadership self-evaluation, themed challenge questions)."""

from flask import Blueprint, Flask

bp = Blueprint("frameworks", __name__, url_prefix="/frameworks")


def init_app(app: Flask) -> None:
    """Import the view modules, register what frameworks offers the other domains, then the blueprint."""
    from portal.frameworks import views  # noqa: F401  (routes on bp)

    app.register_blueprint(bp)
