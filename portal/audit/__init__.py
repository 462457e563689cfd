"""The audit log: an append-only record of security- and privacy-relevant changes, searched by the admin."""

from flask import Blueprint

from portal.core.wiring import add_demo_steps

bp = Blueprint("audit", __name__, url_prefix="/audit")


def init_app(app) -> None:
    from portal.audit import models, views  # noqa: F401  (the model and the admin's pages)
    from portal.audit.privacy import register as register_personal_data

    register_personal_data(app)  # what audit exports and erases for data rights
    add_demo_steps(app, demo=("portal.audit.demo:load_demo",), scale=("portal.audit.demo:load_scale",))
    app.register_blueprint(bp)
