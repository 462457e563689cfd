"""Events: sessions, webinars, drop-ins and sharing events that any domain can own, with bookings."""

from flask import Blueprint, Flask

from portal.core.wiring import add_demo_steps

bp = Blueprint("events", __name__, url_prefix="/events")


def init_app(app: Flask) -> None:
    """Import the view modules, register what events offers the other domains, then the blueprint."""
    from portal.core.snapshots import keep_types, watch_tables
    from portal.events import admin_views, views  # noqa: F401  (routes on bp)
    from portal.events.attendance import Rates
    from portal.events.commands import events_cli
    from portal.events.models import Booking, Event
    from portal.events.policies import register_partnership

    register_partnership()
    watch_tables(app, Event, Booking)  # the attendance report's kept rates read them
    keep_types(app, Rates)
    app.cli.add_command(events_cli)
    add_demo_steps(app, demo=("portal.events.demo:load_demo",), scale=("portal.events.demo:load_scale",))
    from portal.events.privacy import register as register_personal_data

    register_personal_data(app)  # what events exports and erases for data rights
    app.register_blueprint(bp)
