"""The professional learning record: every person's entries, shared with a reviewer, and the Professional Update
pack."""

from flask import Blueprint

from portal.core.wiring import add_demo_steps

bp = Blueprint("learning", __name__, url_prefix="/learning")


def init_app(app) -> None:
    """Import the views (they add routes to bp), register demo and scale steps, register the blueprint."""
    from portal.learning import target_views, views  # noqa: F401

    add_demo_steps(app, demo=("portal.learning.demo:load_demo",), scale=("portal.learning.demo:load_scale",))
    from portal.learning.privacy import register as register_personal_data

    register_personal_data(app)  # what learning exports and erases for data rights
    app.register_blueprint(bp)
