"""The West Partnership Collaborative Learning portal: create_app is the table of contents."""

from flask import Flask

from portal.config import Config


def create_app(config: type | dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True, template_folder="../templates",
                static_folder="../static")
    app.config.from_object(Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    if app.config["ENV_NAME"] != "development" and app.config["SECRET_KEY"] == Config.DEV_SECRET_KEY:
        raise RuntimeError("Set SECRET_KEY: the development key must never sign production sessions.")
    register_extensions(app)
    register_url_converters(app)
    register_blueprints(app)
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
        from portal.accounts.models import User

        return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def register_url_converters(app: Flask) -> None:
    from portal.core.inputs import BoundedIntConverter, PortalRequest

    app.url_map.converters["int"] = BoundedIntConverter  # before any rule is added
    app.request_class = PortalRequest  # request.args.get(..., type=int) ignores numbers too large to store


def register_blueprints(app: Flask) -> None:
    from portal.accounts import people_views  # noqa: F401  (adds the people pages to accounts.bp)
    from portal.accounts.views import bp as accounts_bp
    from portal.cohorts.views import bp as cohorts_bp
    from portal.enquiries.views import bp as enquiries_bp
    from portal.events.views import bp as events_bp
    from portal.forums import agenda_views, library_views, meeting_views  # noqa: F401  (add pages to forums.bp)
    from portal.forums.views import bp as forums_bp
    from portal.frameworks.views import bp as frameworks_bp
    from portal.leadership import plan_views, programme_views  # noqa: F401  (add pages to leadership.bp)
    from portal.leadership.views import bp as leadership_bp
    from portal.main.views import bp as main_bp
    from portal.organisations.views import bp as organisations_bp
    from portal.reports.views import bp as reports_bp

    for bp in (main_bp, accounts_bp, organisations_bp, events_bp, frameworks_bp, enquiries_bp, leadership_bp,
               cohorts_bp, forums_bp, reports_bp):
        app.register_blueprint(bp)


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
    from portal.cohorts.commands import cohorts_cli
    from portal.demo.commands import demo_cli
    from portal.events.commands import events_cli
    from portal.organisations.commands import establishments_cli

    app.cli.add_command(cohorts_cli)
    app.cli.add_command(demo_cli)
    app.cli.add_command(establishments_cli)
    app.cli.add_command(events_cli)
