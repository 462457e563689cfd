"""The Gateway: practitioners find partners with a common interest and start a collaborative enquiry themselves."""

from flask import Blueprint

bp = Blueprint("gateway", __name__, url_prefix="/gateway")


def init_app(app) -> None:
    """Import the view modules (they add routes to `bp`), then register the blueprint."""
    from portal.gateway import profile_views, request_views, uptake_views  # noqa: F401

    app.register_blueprint(bp)
