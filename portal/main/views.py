"""Home page per role, accessibility statement and the benchmark's floor pages."""

from flask import abort, current_app, redirect, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import bindparam, select

from portal.core.navigation import home_entries
from portal.core.rendering import render
from portal.extensions import db
from portal.main import bp
from portal.main.next_steps import next_steps
from portal.organisations.models import Establishment


@bp.get("/")
def index():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    return render("main/landing.html")


@bp.get("/home")
@login_required
def home():
    return render("main/home.html", steps=next_steps(current_user), ready=home_entries(current_user))


@bp.get("/accessibility")
def accessibility():
    return render("main/accessibility.html")


@bp.get("/floor")
def floor():
    """The benchmark's floor: 50 rows from one table, the cheapest real page the portal can serve. It exists
    only while benchmarking is configured (BENCHMARK=1): otherwise it would be an unthrottled anonymous query."""
    if not current_app.config["BENCHMARK"]:
        abort(404)
    rows = db.session.execute(
        select(Establishment.seed_code, Establishment.name, Establishment.sector).order_by(Establishment.id).limit(50)
    ).all()
    return render("main/floor.html", rows=rows)


SIGNED_IN_FLOOR_MOST = 12


@bp.get("/floor/signed-in")
@login_required
def signed_in_floor():
    """The benchmark's signed-in floor: the layout and `statements` one-row reads (one each, up to 12), the least
    a signed-in page of that many statements can cost, to read the real pages against. BENCHMARK=1 only."""
    if not current_app.config["BENCHMARK"]:
        abort(404)
    many = max(0, min(request.args.get("statements", 0, type=int), SIGNED_IN_FLOOR_MOST))
    rows = [db.session.execute(_ONE_ROW, {"after": n}).first() for n in range(many)]
    return render("main/floor_signed_in.html", rows=[r for r in rows if r])


# The cheapest way the portal runs a statement: built once per process, its value bound on each run.
_ONE_ROW = (
    select(Establishment.seed_code, Establishment.name, Establishment.sector)
    .where(Establishment.id > bindparam("after"))
    .order_by(Establishment.id)
    .limit(1)
)
