"""Data rights: download my data, erasure on request (confirmed by the admin), the retention schedule
(`flask privacy purge`) and the privacy notice. Each domain registers its own export/erase pair."""

from flask import Blueprint

bp = Blueprint("privacy", __name__)

# Domains built before the registry: their privacy.py modules register here. A new domain instead calls
# portal.core.personal_data.register(app, ...) from its own init_app.
EARLIER_DOMAINS = ("accounts", "events", "leadership", "enquiries", "cohorts", "forums", "audit")


def init_app(app) -> None:
    from importlib import import_module

    from portal.privacy import views  # noqa: F401  (the pages)
    from portal.privacy.commands import privacy_cli

    for domain in EARLIER_DOMAINS:
        import_module(f"portal.{domain}.privacy").register(app)
    app.cli.add_command(privacy_cli)
    app.register_blueprint(bp)
