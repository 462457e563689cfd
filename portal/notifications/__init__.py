"""Notifications: the one service every domain calls (notify), the bell, preferences and e-mail digests."""

from flask import Blueprint

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


def init_app(app) -> None:
    from portal.notifications import views  # noqa: F401  (adds the pages to bp)
    from portal.notifications.commands import notifications_cli

    app.cli.add_command(notifications_cli)
    from portal.notifications.privacy import register as register_personal_data

    register_personal_data(app)  # what notifications exports and erases for data rights
    app.register_blueprint(bp)
