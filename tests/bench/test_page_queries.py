"""Every benchmarked page (tests/bench/pages.py) answers in at most 12 SQL statements (issue 17's target), on
the scale data of one year: the same generator `make bench` uses, so the pages' records exist."""

import random

import pytest
from sqlalchemy import select, text

from portal import create_app
from portal.accounts.models import User
from portal.demo.commands import load_demo
from portal.demo.context import ScaleContext
from portal.demo.region import DEMO_ACCOUNTS, DEMO_DOMAIN
from portal.demo.registry import steps
from portal.extensions import db
from portal.organisations.reference import ensure_authorities
from tests.bench.pages import PAGES
from tests.conftest import FreshContextClient, config_for_tests

pytestmark = pytest.mark.xdist_group("scale")
MAX_QUERIES = 12
# Pages known to miss the target, each named with its count when this list was written (the closing note of the
# session that built them says what to do). strict: a page that comes within the target fails here until it is
# taken off the list, so the list only shrinks.
OVER_BUDGET: dict[str, str] = {}


@pytest.fixture(scope="session")  # built once: the module is one xdist group
def scale_app(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "scale.db"
    app = create_app(
        config_for_tests(
            SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}",
            BENCHMARK=True,
            MAIL_BACKEND="file",
            MAIL_OUTBOX=str(path.parent / "outbox"),
            UPLOAD_ROOT=str(path.parent / "uploads"),
        )
    )
    app.test_client_class = FreshContextClient
    with app.app_context():
        db.create_all()
        ensure_authorities()  # as the first migration does
        ctx = ScaleContext(rng=random.Random(2026), years=1)
        for step in steps("scale"):
            step(ctx)
            db.session.commit()
        load_demo()
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()


def _client_for(app, account):
    client = app.test_client()
    if account is None:
        return client
    local = next(a[1] for a in DEMO_ACCOUNTS if a[0] == account)
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == f"{local}@{DEMO_DOMAIN}"))
        with client.session_transaction() as session:
            session["_user_id"] = str(user.id)
            session["_sv"] = user.session_version
            session["_fresh"] = True
        db.session.remove()
    return client


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=OVER_BUDGET[p.label]))
        if p.label in OVER_BUDGET
        else p
        for p in PAGES
    ],
    ids=[p.label for p in PAGES],
)
def test_benchmarked_page_needs_at_most_12_queries(scale_app, page):
    path = page.path
    if "{id}" in path:
        with scale_app.app_context():
            path = path.replace("{id}", str(db.session.execute(text(page.sql)).scalar()))
            db.session.remove()
    client = _client_for(scale_app, page.account)
    client.get(path)  # first request: nothing lazily created on a first visit is counted
    response = client.get(path)
    assert response.status_code == 200, path
    queries = int(response.headers["X-Query-Count"])
    assert queries <= MAX_QUERIES, f"{page.label}: {queries} queries"
