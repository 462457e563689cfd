"""The West Partnership Collaborative Learning portal: create_app is the table of contents."""

import importlib

from flask import Flask

from portal.config import Config
from portal.core.static_files import VersionedStatic

# The product's domains, in the order their demo and scale steps run (a domain's data may use earlier ones').
DOMAINS = (
    "operations",
    "main",
    "accounts",
    "organisations",
    "events",
    "frameworks",
    "enquiries",
    "cohorts",
    "forums",
    "leadership",
    "practice",
    "gateway",
    "notifications",
    "discussions",
    "audit",
    "privacy",
    "learning",
    "survey",
    "reports",
    "feedback",
)


def create_app(config: type | dict | None = None) -> Flask:
    app = VersionedStatic(
        __name__, instance_relative_config=True, template_folder="../templates", static_folder="../static"
    )
    app.config.from_object(Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    if app.config["ENV_NAME"] != "development" and app.config["SECRET_KEY"] == Config.DEV_SECRET_KEY:
        raise RuntimeError("Set SECRET_KEY: the development key must never sign production sessions.")
    register_extensions(app)
    register_url_converters(app)  # before any rule is added
    register_domains(app)
    register_request_hooks(app)
    register_template_helpers(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    from portal.extensions import csrf, db, htmx, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"), render_as_batch=True)
    csrf.init_app(app)
    htmx.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.sign_in"
    login_manager.login_message = "Sign in to see that page."
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(user_id: str):
        from portal.accounts.sessions import load_user

        return load_user(user_id)


def register_domains(app: Flask) -> None:
    """Each domain's init_app imports its views and registers its blueprint, commands, policies and demo steps."""
    for domain in DOMAINS:
        importlib.import_module(f"portal.{domain}").init_app(app)


def register_url_converters(app: Flask) -> None:
    from portal.core.inputs import BoundedIntConverter, PortalRequest

    app.url_map.converters["int"] = BoundedIntConverter  # before any rule is added
    app.request_class = PortalRequest  # request.args.get(..., type=int) ignores numbers too large to store


def register_request_hooks(app: Flask) -> None:
    from portal.core.errors import register_error_handlers
    from portal.core.querycount import register_query_counter
    from portal.core.security import register_security_headers

    register_security_headers(app)
    register_error_handlers(app)
    register_query_counter(app)


def register_template_helpers(app: Flask) -> None:
    from portal.core.templating import register_templating

    register_templating(app)


def register_commands(app: Flask) -> None:
    from portal.demo.commands import demo_cli

    app.cli.add_command(demo_cli)
