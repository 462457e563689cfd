"""The leadership programme: self-evaluation, professional development plans, modules, cohorts."""

from flask import Blueprint, Flask

from portal.core.wiring import add_demo_steps

bp = Blueprint("leadership", __name__, url_prefix="/leadership")


def init_app(app: Flask) -> None:
    """Import the view modules, register what leadership offers the other domains, then the blueprint."""
    from portal.core.snapshots import watch_tables
    from portal.leadership import insights, plan_views, programme_views, views  # noqa: F401  (routes on bp)
    from portal.leadership.commands import leadership_cli
    from portal.leadership.learning_sources import register as register_learning
    from portal.leadership.markup import rating_radios
    from portal.leadership.modules import register_kinds
    from portal.leadership.prd_goals import register as register_prd_goals
    from portal.leadership.sessions import register_policy

    register_kinds()
    register_learning()  # what it adds to the professional learning record
    register_prd_goals()  # the goals a PRD target can link to
    register_policy()
    add_demo_steps(app, demo=("portal.leadership.demo:load_demo",), scale=("portal.leadership.demo:load_scale",))
    from portal.leadership.privacy import register as register_personal_data

    register_personal_data(app)  # what leadership exports and erases for data rights
    watch_tables(app, *insights.READS)  # the insights page keeps its tables until these change
    app.add_template_filter(rating_radios, "rating_radios")
    app.cli.add_command(leadership_cli)
    app.register_blueprint(bp)
