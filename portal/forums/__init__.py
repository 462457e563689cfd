"""West Partnership forums: sector forums and curriculum networks run by volunteer coordinators."""

from flask import Blueprint, Flask

from portal.core.wiring import add_demo_steps

bp = Blueprint("forums", __name__, url_prefix="/forums")


def init_app(app: Flask) -> None:
    """Import the view modules, register what forums offers the other domains, then the blueprint."""
    from portal.forums import agenda_views, library_views, meeting_views, views  # noqa: F401  (routes on bp)
    from portal.forums.learning_sources import register as register_learning

    register_learning()  # meetings attended, offered to the professional learning record

    add_demo_steps(app, demo=("portal.forums.demo:load_demo",), scale=("portal.forums.scale:load_scale",))
    from portal.forums.privacy import register as register_personal_data

    register_personal_data(app)  # what forums exports and erases for data rights
    from portal.forums.models import tag_list

    app.add_template_filter(tag_list, "tag_list")  # a resource's tags, for a list read as rows
    app.register_blueprint(bp)
