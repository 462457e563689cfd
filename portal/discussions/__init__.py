"""Discussions: a space of topics and replies owned by a forum, theme or team, and comments in context."""

from flask import Blueprint

from portal.core.wiring import add_demo_steps

bp = Blueprint("discussions", __name__, url_prefix="/discussions")


def init_app(app) -> None:
    from portal.discussions import moderation_views, post_views, views  # noqa: F401  (add the pages to bp)
    from portal.discussions.contexts import register_contexts

    register_contexts()
    add_demo_steps(app, demo=("portal.discussions.demo:load_demo",), scale=("portal.discussions.scale:load_scale",))
    from portal.discussions.privacy import register as register_personal_data

    register_personal_data(app)  # what discussions exports and erases for data rights
    app.register_blueprint(bp)
