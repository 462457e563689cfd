"""Running the portal: the mail outbox (worker, admin page), health checks, request logging, backups."""

from flask import Blueprint, Flask

bp = Blueprint("operations", __name__)


def init_app(app: Flask) -> None:
    from portal.operations import health_views, mail_views  # noqa: F401  (add their routes to bp)
    from portal.operations.backup import backup_cli
    from portal.operations.logging import register_logging
    from portal.operations.mail_commands import mail_cli

    register_logging(app)
    if hops := app.config["PROXY_HOPS"]:  # client address (throttling), scheme and host from the proxy
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    app.cli.add_command(mail_cli)
    app.cli.add_command(backup_cli)
    app.register_blueprint(bp)
