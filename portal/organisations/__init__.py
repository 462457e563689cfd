"""Local authorities and establishments (schools and ELC settings)."""

from flask import Blueprint, Flask

bp = Blueprint("organisations", __name__)


def init_app(app: Flask) -> None:
    """Import the view modules, register what organisations offers the other domains, then the blueprint."""
    from portal.organisations import views  # noqa: F401  (routes on bp)
    from portal.organisations.commands import establishments_cli

    app.cli.add_command(establishments_cli)
    app.register_blueprint(bp)
