"""The Gateway: practitioners find partners with a common interest and start a collaborative enquiry themselves."""

from flask import Blueprint

from portal.core.wiring import add_demo_steps

bp = Blueprint("gateway", __name__, url_prefix="/gateway")


def init_app(app) -> None:
    """Import the view modules (they add routes to `bp`), then register the blueprint."""
    from portal.gateway import profile_views, request_views, uptake_views  # noqa: F401
    from portal.gateway.queries import UPTAKE_READS
    from portal.gateway.services import uptake
    from portal.reports.sources import register_source

    register_source(app, "gateway_uptake", uptake, reads=UPTAKE_READS)

    add_demo_steps(app, demo=("portal.gateway.demo:load_demo",), scale=("portal.gateway.demo:load_scale",))
    from portal.gateway.privacy import register as register_personal_data

    register_personal_data(app)  # what gateway exports and erases for data rights
    app.register_blueprint(bp)
