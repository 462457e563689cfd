"""Running the portal: the mail outbox (worker, admin page), health checks, request logging, backups."""

from flask import Blueprint, Flask

from portal.core.wiring import add_demo_steps

bp = Blueprint("operations", __name__)


def init_app(app: Flask) -> None:
    """Request logging, the mail and backup commands, health and mail pages (ProxyFix is core.security's)."""
    from portal.operations import health_views, mail_views  # noqa: F401  (add their routes to bp)
    from portal.operations.backup import backup_cli
    from portal.operations.logging import register_logging
    from portal.operations.mail_commands import mail_cli

    register_logging(app)
    app.cli.add_command(mail_cli)
    app.cli.add_command(backup_cli)
    add_demo_steps(app, demo=("portal.operations.demo:load_demo",))
    app.register_blueprint(bp)
