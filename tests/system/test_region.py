"""The region: PostgreSQL, two gunicorn hosts and Debian's nginx with the shipped deploy/nginx/portal.conf.

Signs in through nginx, sees requests alternate hosts, uploads through one host and downloads through the
other (shared UPLOAD_ROOT), checks sessions and sign-in throttling hold across hosts, and kills one host in
the middle of a stream of writes: every write that was acknowledged is in the database.
"""

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from flask_migrate import upgrade
from sqlalchemy import func, select

from portal import create_app
from portal.accounts.models import User, UserRole
from portal.core.mail import OutboxMessage
from portal.core.roles import Role
from portal.extensions import db
from portal.forums.models import Forum, Resource
from tests.conftest import config_for_tests
from tests.factories import PASSWORD, PASSWORD_HASH
from tests.support.postgres import free_port

pytestmark = [pytest.mark.region, pytest.mark.xdist_group("region")]
ROOT = Path(__file__).resolve().parents[2]
NGINX = "/usr/sbin/nginx"
SECRET = "region-test-secret"


def _wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)  # polling a starting server, not waiting for an outcome


def _nginx_conf(tmp: Path, port: int, hosts: list[int]) -> Path:
    """The shipped server block with this test's ports, inside a minimal main configuration."""
    site = (ROOT / "deploy/nginx/portal.conf").read_text()
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};")
    site = re.sub(
        r"    server 127\.0\.0\.1:8001[^\n]*\n    server 127\.0\.0\.1:8002[^\n]*\n",
        "".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;\n" for p in hosts),
        site,
    )
    site = site.replace("/srv/portal/static/", f"{ROOT}/static/")
    assert f"127.0.0.1:{hosts[1]}" in site, "the shipped upstream block changed: update this test"
    (tmp / "site.conf").write_text(site)
    main = tmp / "nginx.conf"
    main.write_text(f"""{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
""")
    return main


class Browser:
    """A cookie-keeping client that speaks only to nginx."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str):
        try:
            response = self.opener.open(self.base + path, timeout=20)
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()
        return response.status, response.headers, response.read()

    def post(self, path: str, data: dict, files: dict | None = None):
        if files:
            boundary = uuid.uuid4().hex
            parts = [
                f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                for k, v in data.items()
            ]
            for name, (filename, content) in files.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
                    + content
                    + b"\r\n"
                )
            body = b"".join(parts) + f"--{boundary}--\r\n".encode()
            headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        else:
            body, headers = urllib.parse.urlencode(data).encode(), {}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            response = self.opener.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()
        return response.status, response.headers, response.read()

    def token(self, path: str = "/sign-in") -> str:
        page = self.get(path)[2].decode()
        return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)

    def sign_in(self, email: str, password: str):
        return self.post("/sign-in", {"csrf_token": self.token(), "email": email, "password": password})


@pytest.fixture(scope="module")
def region(postgres, tmp_path_factory):
    """One region for the module's tests (starting it is several seconds of migrations and four gunicorn workers):
    each test signs in afresh, and the test that kills a host starts it again."""
    if not Path(NGINX).exists():
        raise RuntimeError("Debian's nginx is not installed: run `make test`, which installs it.")
    tmp_path = tmp_path_factory.mktemp("region")
    url = postgres.create_database("portal_region")
    app = create_app(config_for_tests(SQLALCHEMY_DATABASE_URI=url))
    with app.app_context():
        upgrade()
        admin = User(name="Region Admin", email="admin@region.example.org", password_hash=PASSWORD_HASH)
        admin.role_rows = [UserRole(role=str(Role.ADMIN))]
        other = User(name="Region Person", email="person@region.example.org", password_hash=PASSWORD_HASH)
        forum = Forum(name="Region Forum", slug="region-forum", kind="sector", sector="ELC")
        db.session.add_all([admin, other, forum])
        db.session.commit()
        forum_id = forum.id
        db.session.remove()
    hosts = [free_port(), free_port()]
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": SECRET,
        "PORTAL_ENV": "development",
        "UPLOAD_ROOT": str(tmp_path / "shared-uploads"),
        "PROXY_COUNT": "1",
        "MAIL_BACKEND": "file",
        "MAIL_OUTBOX": str(tmp_path / "outbox"),
        "LOG_REQUESTS": "0",
        "TWO_FACTOR_REQUIRED": "0",
    }  # two-factor sign-in has its own tests; this one is about hosts
    gunicorn = str(Path(sys.executable).parent / "gunicorn")

    def start_host(port: int) -> subprocess.Popen:
        process = subprocess.Popen(
            [gunicorn, "-k", "sync", "-w", "2", "-b", f"127.0.0.1:{port}", "wsgi:app"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return process

    processes = [start_host(port) for port in hosts]
    port = free_port()
    nginx = subprocess.Popen(
        [NGINX, "-c", str(_nginx_conf(tmp_path, port, hosts)), "-g", "daemon off;"], start_new_session=True
    )
    try:
        for host in hosts:
            _wait_for(f"http://127.0.0.1:{host}/healthz")
        _wait_for(f"http://127.0.0.1:{port}/healthz")
        yield SimpleNamespace(
            base=f"http://127.0.0.1:{port}",
            app=app,
            hosts=hosts,
            processes=processes,
            forum_id=forum_id,
            start_host=start_host,
        )
    finally:
        for process in [*processes, nginx]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in [*processes, nginx]:
            process.wait(20)
        with app.app_context():
            db.engine.dispose()


def _upstream(headers) -> str:
    return headers["X-Upstream"].rsplit(":", 1)[-1]


def test_two_hosts_behind_nginx(region):
    browser = Browser(region.base)
    status, _, _ = browser.sign_in("admin@region.example.org", PASSWORD)
    assert status == 200
    # Requests alternate hosts, and the session holds on both.
    seen = set()
    for _ in range(4):
        status, headers, body = browser.get("/home")
        assert status == 200 and b"Sign out" in body
        seen.add(_upstream(headers))
    assert seen == {str(p) for p in region.hosts}

    # The page's stylesheet comes from nginx at the page's versioned address, kept for a year; unversioned, it
    # is checked again each time.
    stylesheet = re.search(r'href="(/static/portal\.css\?v=[0-9a-f]+)"', body.decode()).group(1)
    status, headers, css = browser.get(stylesheet)
    assert status == 200 and css == (ROOT / "static" / "portal.css").read_bytes()
    assert "X-Upstream" not in headers and headers["Cache-Control"] == "max-age=315360000"
    status, headers, _ = browser.get("/static/portal.css")
    assert status == 200 and headers["Cache-Control"] == "no-cache"

    # An upload through one host downloads, byte for byte, through the other (shared UPLOAD_ROOT).
    content = b"%PDF-1.4\n" + bytes(range(256)) * 64
    token = browser.token(f"/forums/{region.forum_id}/resources/new")
    status, headers, _ = browser.post(
        f"/forums/{region.forum_id}/resources/new",
        {"csrf_token": token, "title": "Shared file"},
        {"file": ("a.pdf", content)},
    )
    assert status == 200, "the upload was refused"
    with region.app.app_context():
        resource_id = db.session.scalar(select(Resource.id).where(Resource.title == "Shared file"))
        db.session.remove()
    served_by = set()
    for _ in range(2):
        status, headers, body = browser.get(f"/forums/{region.forum_id}/resources/{resource_id}/file")
        assert status == 200 and body == content
        served_by.add(_upstream(headers))
    assert len(served_by) == 2

    # Throttling holds across hosts: failures counted on both lock the account.
    stranger = Browser(region.base)
    token, hit = stranger.token(), set()
    for _ in range(5):
        _, headers, _ = stranger.post(
            "/sign-in", {"csrf_token": token, "email": "person@region.example.org", "password": "wrong password"}
        )
        hit.add(_upstream(headers))
    assert len(hit) == 2
    for _ in range(2):  # the right password now, on each host: the account is locked everywhere
        status, _, body = stranger.post(
            "/sign-in", {"csrf_token": token, "email": "person@region.example.org", "password": PASSWORD}
        )
        assert status == 429 and b"Sign out" not in body


def test_a_host_killed_mid_load_loses_no_acknowledged_write(region):
    browser = Browser(region.base)
    token = browser.token("/password/forgot")
    acknowledged, stop = [], threading.Event()
    reached = {20: threading.Event(), 60: threading.Event()}

    def writer():
        while not stop.is_set() and len(acknowledged) < 200:
            status, _, _ = browser.post("/password/forgot", {"csrf_token": token, "email": "person@region.example.org"})
            if status == 200:
                acknowledged.append(status)
            for count, event in reached.items():
                if len(acknowledged) >= count:
                    event.set()

    thread = threading.Thread(target=writer)
    thread.start()
    assert reached[20].wait(60), "writes did not get through"
    os.killpg(region.processes[0].pid, signal.SIGKILL)  # one host dies in the middle of the stream
    assert reached[60].wait(60), "the surviving host did not keep serving"
    stop.set()
    thread.join(60)
    with region.app.app_context():
        stored = db.session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.to_address == "person@region.example.org")
        )
        db.session.remove()
    assert stored >= len(acknowledged)
    region.processes[0].wait(20)
    region.processes[0] = region.start_host(region.hosts[0])  # the region whole again for the module's other tests
    _wait_for(f"http://127.0.0.1:{region.hosts[0]}/healthz")


def test_signing_out_everywhere_on_one_host_ends_a_copied_cookie_on_the_other(region):
    """Session revocation holds across hosts: nothing about a session is remembered in one host's memory."""
    host_a, host_b = (f"http://127.0.0.1:{port}" for port in region.hosts)
    browser = Browser(region.base)
    status, _, _ = browser.sign_in("admin@region.example.org", PASSWORD)
    assert status == 200
    jar = http.cookiejar.CookieJar()
    for cookie in browser.jar:
        jar.set_cookie(cookie)
    stolen = Browser(host_b)  # a copy of the cookie, used on host B only
    stolen.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    status, _, body = stolen.get("/home")
    assert status == 200 and b"Sign out" in body, "the copied cookie should work on host B before revocation"

    on_a = Browser(host_a)  # the owner, talking to host A directly
    on_a.opener = browser.opener
    status, _, body = on_a.post("/profile/sign-out-everywhere", {"csrf_token": on_a.token("/profile")})
    assert status == 200 and b"Every other session of yours has ended" in body

    status, _, body = stolen.get("/home")  # host B: the copy is dead
    assert b"Sign out" not in body and b'name="password"' in body
    on_b = Browser(host_b)  # the owner's own browser carries on, on host B too
    on_b.opener = browser.opener
    status, _, body = on_b.get("/home")
    assert status == 200 and b"Sign out" in body
