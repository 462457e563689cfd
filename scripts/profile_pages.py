"""Profile benchmarked pages in process on a scale database (cost, not wall-clock load).

    DATABASE_URL=sqlite:///bench.db BENCHMARK=1 DEMO_MODE=1 python scripts/profile_pages.py [--only SUBSTR] [--n 20]
        [--profile SUBSTR] [--cold] [--calls]

Report pages keep their figures (portal/core/snapshots.py), so repeated requests time the kept (warm) path;
--cold forgets every kept result before each request (outside the timing) to time the computation.

For each page of tests/bench/pages.py: the mean in-process time of --n requests with the test client, its ratio to
the floor page, and SQL statements per request. --profile prints a pyinstrument profile of the matching pages.
--calls adds the Python function calls per request: a count of the work done that, unlike the time, does not move
with the load of a shared machine (compare code before and after on the same data).
"""

import argparse
import cProfile
import pstats
import re
import time

from sqlalchemy import event, text

from portal import create_app
from portal.demo.region import DEMO_ACCOUNTS, DEMO_DOMAIN
from portal.extensions import db
from tests.bench.pages import FLOOR, PAGES


def sign_in(app, account):
    client = app.test_client()
    if account is None:
        return client
    page = client.get("/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    local = next(a[1] for a in DEMO_ACCOUNTS if a[0] == account)
    client.post(
        "/sign-in", data={"csrf_token": token, "email": f"{local}@{DEMO_DOMAIN}", "password": "demo-portal-2026"}
    )
    return client


def timed(client, path, n, before=None):
    spent = 0.0
    for _ in range(n):
        if before:
            before()
        started = time.process_time()
        response = client.get(path)
        spent += time.process_time() - started
    return spent / n * 1000, response


def forget_kept(app):
    from portal.core.snapshots import forget_all

    with app.app_context():
        forget_all()
        db.session.commit()


def calls_per_request(client, path, n):
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(n):
        client.get(path)
    profile.disable()
    return pstats.Stats(profile).total_calls / n


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="")
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--profile", default=None)
    parser.add_argument("--sql", action="store_true", help="print each page's statements (one request)")
    parser.add_argument("--cold", action="store_true", help="forget kept report figures before each request")
    parser.add_argument("--calls", action="store_true", help="also count Python function calls per request")
    args = parser.parse_args()
    app = create_app({"COUNT_QUERIES": True, "BENCHMARK": True, "LOG_REQUESTS": False})
    statements = []
    if args.sql:
        with app.app_context():
            event.listen(db.engine, "before_cursor_execute", lambda c, cur, st, *a: statements.append(st))
    clients = {}
    with app.app_context():
        paths = []
        for page in PAGES:
            path = page.path
            if "{id}" in path:
                path = path.replace("{id}", str(db.session.execute(text(page.sql)).scalar()))
            paths.append((page, path))
        db.session.remove()
    floor_ms = None
    for page, path in paths:
        if page is not FLOOR and args.only not in page.label:
            continue
        if page.account not in clients:
            clients[page.account] = sign_in(app, page.account)
        client = clients[page.account]
        for _ in range(3):
            client.get(path)
        if args.sql:
            if args.cold:
                forget_kept(app)
            statements.clear()
            client.get(path)
            for statement in statements:
                print("   ", " ".join(statement.split())[:240])
        ms, response = timed(client, path, args.n, (lambda: forget_kept(app)) if args.cold else None)
        if page is FLOOR:
            floor_ms = ms
        print(
            f"{page.label[:50]:<51}{response.status_code:>4}{response.headers.get('X-Query-Count', '?'):>4} q"
            f"{ms:>8.1f} ms {floor_ms / ms:>6.2f}x  {len(response.data):>7} B"
            + (f"  {calls_per_request(client, path, args.n):>7.0f} calls" if args.calls else ""),
            flush=True,
        )
        if args.profile is not None and args.profile in page.label:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            profiler.start()
            for _ in range(args.n):
                client.get(path)
            profiler.stop()
            print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
