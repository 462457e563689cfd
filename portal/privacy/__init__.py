"""Data rights: download my data, erasure on request (confirmed by the admin), the retention schedule
(`flask privacy purge`) and the privacy notice. Each domain registers its own export/erase pair."""

from flask import Blueprint

bp = Blueprint("privacy", __name__)


def init_app(app) -> None:
    """The data-rights pages and `flask privacy purge`; domains register their own export/erase pairs."""
    from portal.core import personal_data
    from portal.privacy import views  # noqa: F401  (the pages)
    from portal.privacy.commands import privacy_cli
    from portal.privacy.services import UNANSWERED_INVITATIONS, erase_unanswered_invitations

    app.cli.add_command(privacy_cli)
    personal_data.register_retention(
        app, "unanswered invitations", UNANSWERED_INVITATIONS, erase_unanswered_invitations
    )
    app.register_blueprint(bp)
