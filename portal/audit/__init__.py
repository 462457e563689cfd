"""The audit log: an append-only record of security- and privacy-relevant changes, searched by the admin."""

from flask import Blueprint

bp = Blueprint("audit", __name__, url_prefix="/audit")


def init_app(app) -> None:
    from portal.audit import models, views  # noqa: F401  (the model and the admin's pages)

    app.register_blueprint(bp)
