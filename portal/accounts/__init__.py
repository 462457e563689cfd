"""People, roles, signing in, invitations and password resets."""

from flask import Blueprint, Flask

bp = Blueprint("accounts", __name__)


def init_app(app: Flask) -> None:
    """Import the view modules, register what accounts offers the other domains, then the blueprint."""
    from portal.accounts import people_views, views  # noqa: F401  (routes on bp)
    from portal.accounts.privacy import register as register_personal_data

    register_personal_data(app)  # what accounts exports and erases for data rights
    app.register_blueprint(bp)
