"""Browser tests: the portal served from a thread on loopback, driven by Debian's headless Chromium."""

import re
import shutil
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from portal import create_app
from portal.extensions import db
from tests.browser.html_checker import html_errors
from tests.conftest import config_for_tests, fresh_sqlite_file, sqlite_demo
from tests.support.once import claim
from tests.support.smtp import outbox_deliverer

# The shared 2-core machines run two browsers and servers at once: allow slow answers, never fixed sleeps.
expect.set_options(timeout=15_000)

AXE = (Path(__file__).resolve().parent.parent / "vendor" / "axe.min.js").read_text()
AXE_BYTES = AXE.encode()
CHROMIUM = next((p for p in ("/usr/lib/chromium/chromium", "/usr/bin/chromium") if Path(p).exists()), None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if CHROMIUM is None:
        raise RuntimeError("Debian's chromium is not installed: run `make test`, which installs it.")
    return {**browser_type_launch_args, "executable_path": CHROMIUM}


# Every browser window of the tests asks for reduced motion, as people can: the design system then scrolls at once
# instead of smoothly, so a button that was scrolled to is not still moving when it is pressed (a press and a
# release landing on two different elements make no click: a save was lost that way in CI).
CONTEXT = {"reduced_motion": "reduce"}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, **CONTEXT}


OPENED = []  # windows opened by new_context in the running test, closed when it ends


def new_context(browser, **options):
    """Another person's (or device's) browser window, with the same settings as the `page` fixture's; it is
    closed when the test ends, before the next test's data is put in place."""
    context = browser.new_context(**{**CONTEXT, **options})
    OPENED.append(context)
    return context


@pytest.fixture(autouse=True)
def _close_opened_windows():
    yield
    while OPENED:
        OPENED.pop().close()


def _browser_config(database: Path, uploads: Path, mail_port: int):
    return config_for_tests(
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{database}",
        WTF_CSRF_ENABLED=True,
        MAIL_PORT=mail_port,
        UPLOAD_ROOT=str(uploads),
        SERVER_NAME=None,
    )


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The session's demo data (a SQLite file and its uploads, built once for every worker); each test gets a
    copy. Returns its folder and the demo people's e-mail addresses by key."""
    folder, people = sqlite_demo(tmp_path_factory)
    return folder, {key: person["email"] for key, person in people.items()}


def _whole_answers(app):
    """The portal with each answer read whole and its file closed before anything is sent. The development server
    leaves a file answer (an icon sheet) open when the browser goes away mid-answer, as a test's window closing
    does, and the garbage collector's warning would then fail whichever test runs next."""

    def serve(environ, start_response):
        if environ["PATH_INFO"] == AXE_PATH:  # the tests' accessibility checker (_run_axe), not the portal's
            start_response("200 OK", [("Content-Type", "text/javascript"), ("Cache-Control", "max-age=86400")])
            return [AXE_BYTES]
        answer = app(environ, start_response)
        try:
            return [b"".join(answer)]
        finally:
            if hasattr(answer, "close"):
                answer.close()

    return serve


@pytest.fixture(scope="session")
def served_portal(tmp_path_factory, smtp_server):
    """One portal per test worker, served from a thread on loopback; each test gives it a fresh copy of the demo
    database and uploads (building the portal's URL map for every test cost more than the copy)."""
    folder = tmp_path_factory.mktemp("served")
    app = create_app(_browser_config(folder / "browser.db", folder / "uploads", smtp_server[0].port))
    server = make_server("127.0.0.1", 0, _whole_answers(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, folder, f"http://127.0.0.1:{server.port}"
    server.shutdown()
    thread.join(5)
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def live_server(served_portal, smtp_server, demo_template):
    """The portal with a fresh copy of the demo data (the worker's template), CSRF on as in production, mail to
    the test SMTP server. The previous test's browser windows are closed before this runs, so no request is
    under way while the files are replaced; the settings a test changes are put back afterwards."""
    app, folder, url = served_portal
    template, users = demo_template
    with app.app_context():
        db.engine.dispose()  # no pooled connection keeps the old file open
    fresh_sqlite_file(template / "demo.db", folder / "browser.db")
    shutil.rmtree(folder / "uploads", ignore_errors=True)
    if (template / "uploads").exists():
        shutil.copytree(template / "uploads", folder / "uploads")
    saved_config = dict(app.config)
    smtp_server[1].deliver = outbox_deliverer(app)
    try:
        yield SimpleNamespace(url=url, app=app, users=users, password=app.config["DEMO_PASSWORD"])
    finally:
        smtp_server[1].deliver = lambda: None
        app.config.clear()
        app.config.update(saved_config)


# Every page a browser test checks with axe is also saved here (as the browser holds it after htmx swaps) and
# given to the Nu Html Checker once per test worker, at the end of the session (one Java start for all).
CHECKED_PAGES: dict[str, Path] = {}
SHAPE_CLAIMS = [lambda name: True]  # whether this worker is the session's first to open a page shape
# Page shapes with known checker errors, each to be fixed and taken off (the closing note of session 3 names them).
KNOWN_INVALID: dict[str, str] = {}  # page shapes left out of the check, with the reason (keep it empty)


@pytest.fixture(scope="session", autouse=True)
def every_checked_page_is_valid_html(tmp_path_factory):
    folder = tmp_path_factory.mktemp("checked-pages")
    CHECKED_PAGES.clear()
    CHECKED_PAGES["__folder__"] = folder
    SHAPE_CLAIMS[:] = [lambda name: claim(tmp_path_factory, "checked-page-shape", name)]
    yield
    pages = [path for key, path in CHECKED_PAGES.items() if key != "__folder__" and key not in KNOWN_INVALID]
    print(f"\nNu Html Checker: {len(pages)} page shapes the browser tests opened")
    errors = html_errors(pages)
    assert not errors, "The Nu Html Checker found errors on pages the browser tests opened:\n" + "\n".join(errors)


def _save_for_the_html_checker(page) -> None:
    folder = CHECKED_PAGES.get("__folder__")
    if folder is None:
        return
    # One file per path shape (ids become N), so a walk over many similar pages is checked once per shape, by the
    # first worker of the session to open one.
    shape = re.sub(r"\d+", "N", page.url.split("://", 1)[-1].split("/", 1)[-1].split("#")[0]) or "home"
    name = re.sub(r"[^A-Za-z0-9]+", "-", shape)[:150] + ".html"
    if name not in CHECKED_PAGES and SHAPE_CLAIMS[0](name):
        path = folder / name
        path.write_text(page.content())
        CHECKED_PAGES[name] = path


# The page has loaded and htmx (when scripts run at all) is not busy: the bell's lazy load (hx-trigger="load") has
# swapped itself out and no request, swap or settle is in progress. Cheaper than "networkidle", which always waits
# half a second more.
SETTLED = """() => document.readyState === 'complete' && (!window.htmx || !document.querySelector(
  '[data-hx-trigger="load"], .htmx-request, .htmx-swapping, .htmx-settling'))"""


def check_html_later(path: Path) -> None:
    """Give a saved page (e.g. the HTML as served, before any script ran) to the session's one checker run."""
    CHECKED_PAGES[f"served-{path.name}"] = path


# Only violations are gathered and sent back (axe skips the details of passes and inapplicable rules): a check
# costs about a third of a full result. null: axe is not in this document yet.
AXE_RUN = """async () => typeof axe === 'undefined' ? null : (await axe.run(document, {resultTypes: ['violations'],
  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})).violations.map(
  v => ({id: v.id, help: v.help, count: v.nodes.length, html: v.nodes[0].html}))"""
# The served portal answers this path with axe-core (see _whole_answers), cacheable, so a check adds it to the page
# as a script of the page's own origin (the Content Security Policy allows those): the browser fetches it once per
# window and reuses its compiled code. Making axe an init script of the window instead cost every document the
# window opened about 20 ms of the browser's CPU, checked or not; evaluating it at each check, about 0.1 s.
AXE_PATH = "/__tests__/axe.min.js"
ADD_AXE = """src => typeof axe !== 'undefined' || new Promise(done => {
  const script = Object.assign(document.createElement('script'), {src});
  script.onload = () => done(true);
  script.onerror = () => done(false);
  document.head.append(script); })"""


def _run_axe(page) -> list[dict]:
    """axe-core's violations on the page: axe is added to a document on its first check, from the served portal,
    or (a page of another origin, e.g. set_content's) evaluated in it."""
    violations = page.evaluate(AXE_RUN)
    if violations is None:
        if not page.evaluate(ADD_AXE, AXE_PATH):
            page.evaluate(AXE + "\n;undefined")
        violations = page.evaluate(AXE_RUN)
    return violations


def assert_accessible(page) -> None:
    """Run axe-core (WCAG 2.0-2.2 A and AA rules) on the page once its lazy loads (the notification bell) have
    settled, so axe never reads a node htmx is swapping out; fail on any violation. The page is also kept for
    the Nu Html Checker (see every_checked_page_is_valid_html)."""
    page.wait_for_function(SETTLED)
    _save_for_the_html_checker(page)
    violations = _run_axe(page)
    problems = [f"{v['id']}: {v['help']} ({v['count']}x, e.g. {v['html'][:120]})" for v in violations]
    assert not problems, f"axe violations on {page.url}:\n" + "\n".join(problems)


SIGNED_IN: dict[str, list] = {}  # the session cookies of each demo person's first sign-in in this worker


def sign_in(page, server, key: str) -> None:
    """Sign a demo person in and land on their home page. The first time in a worker, through the sign-in form; after
    that, the browser window is given the cookies that sign-in earned (each test's demo copy has the same people,
    session generations and signing key), which skips a form, a password check and a redirect per test. The
    sign-in form itself is tested in tests/accounts and tests/browser/test_foundation.py."""
    if key in SIGNED_IN:
        page.context.add_cookies(SIGNED_IN[key])
        page.goto(f"{server.url}/home")
        if page.url == f"{server.url}/home":
            return
        # The test changed this person's session generation (roles, password) before signing them in.
    page.goto(f"{server.url}/sign-in")
    page.get_by_label("E-mail address").fill(server.users[key])
    page.get_by_label("Password").fill(server.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/home")
    SIGNED_IN[key] = page.context.cookies()
