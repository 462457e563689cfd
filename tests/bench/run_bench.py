"""`make bench`: the scale data in SQLite and PostgreSQL, gunicorn on loopback, a bounded load per page.

Prints requests/s, p50/p95 ms, SQL queries per request, bytes and the ratio to the floor page, per page and
database, and writes the same to bench-results/bench.json. A benchmark: it never fails on a time.

The floor is measured again (for half as long) after every page, and a page's ratio is to the mean of the floor
just before and just after it: a shared machine's speed drifts by a factor of two within a run, and a ratio to one
measurement of the floor at the start read every page low or high by the same factor.
"""

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from sqlalchemy import create_engine, text

from portal.demo.region import DEMO_ACCOUNTS, DEMO_DOMAIN
from tests.bench.pages import FLOOR, PAGES
from tests.support.postgres import PostgresServer, free_port

ROOT = Path(__file__).resolve().parents[2]
LUA = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %d %.3f %.3f %d\\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def flask(env, *args):
    subprocess.run([sys.executable, "-m", "flask", *args], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def prepare(url: str, env: dict) -> float:
    started = time.perf_counter()
    flask(env, "db", "upgrade")
    flask(env, "demo", "scale")
    return time.perf_counter() - started


def sign_in(base: str, account: str | None) -> str:
    """The Cookie header of a signed-in session (CSRF token taken from the form, as a browser would)."""
    if account is None:
        return ""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/sign-in").read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    local = next(a[1] for a in DEMO_ACCOUNTS if a[0] == account)
    data = urllib.parse.urlencode(
        {"csrf_token": token, "email": f"{local}@{DEMO_DOMAIN}", "password": "demo-portal-2026"}
    ).encode()
    opener.open(f"{base}/sign-in", data)
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def probe(base: str, path: str, cookie: str) -> tuple[int, int, int]:
    request = urllib.request.Request(base + path, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request) as response:
        body = response.read()
        return response.status, int(response.headers.get("X-Query-Count", -1)), len(body)


def load(base: str, path: str, cookie: str, seconds: int, lua: str) -> dict:
    cmd = ["wrk", "-t2", "-c16", f"-d{seconds}s", "-s", lua, base + path]
    if cookie:
        cmd[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    requests, duration_us, p50, p95, errors = re.search(r"BENCH (\d+) (\d+) ([\d.]+) ([\d.]+) (\d+)", out).groups()
    return {
        "rps": round(int(requests) / (int(duration_us) / 1e6), 1),
        "p50_ms": float(p50),
        "p95_ms": float(p95),
        "errors": int(errors),
    }


def bench_database(
    name: str, url: str, seconds: int, lua: str, prepared: bool = False, pages: list[str] | None = None
) -> list[dict]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEMO_MODE": "1",
        "COUNT_QUERIES": "1",
        "BENCHMARK": "1",
        "FLASK_APP": "wsgi.py",
        "SECRET_KEY": "bench",
        "PORTAL_ENV": "development",
        "LOG_REQUESTS": "0",
    }  # no log line per request
    if prepared:
        print(f"[{name}] scale data kept from an earlier run", flush=True)
    else:
        load_seconds = prepare(url, env)
        print(f"[{name}] scale data loaded in {load_seconds:.1f} s", flush=True)
    engine = create_engine(url)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-k",
            "sync",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "wsgi:app",
        ],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/floor")
                break
            except OSError:
                time.sleep(0.1)
        cookies = {}
        rows = []
        floors: list[float] = []  # the floor page measured after each page: a page's ratio is to the floor beside it
        floor_seconds = max(1, seconds // 2)
        for page in PAGES:
            if pages and page is not FLOOR and not any(p in page.label for p in pages):
                continue
            path = page.path
            if "{id}" in path:
                with engine.connect() as conn:
                    path = path.replace("{id}", str(conn.execute(text(page.sql)).scalar()))
            if page.account not in cookies:
                cookies[page.account] = sign_in(base, page.account)
            cookie = cookies[page.account]
            status, queries, size = probe(base, path, cookie)
            for _ in range(10):  # warm both workers (templates compiled, connections open)
                probe(base, path, cookie)
            result = load(base, path, cookie, seconds, lua)
            floor_before = floors[-1] if floors else result["rps"]
            floors.append(load(base, FLOOR.path, "", floor_seconds, lua)["rps"])  # the floor again, right after
            beside = (floor_before + floors[-1]) / 2 or 1
            rows.append(
                {
                    "database": name,
                    "page": page.label,
                    "path": path,
                    "status": status,
                    "queries": queries,
                    "bytes": size,
                    **result,
                    "floor_rps_beside": round(beside, 1),
                    "ratio_to_floor": 1.0 if page is FLOOR else round(result["rps"] / beside, 3),
                    "reference": page is FLOOR or page.reference,
                }
            )
            print(f"[{name}] {page.label}: {result['rps']} req/s (floor beside it {beside:.1f})", flush=True)
        return rows
    finally:
        server.terminate()
        try:
            server.wait(60)  # a loaded machine may take a while to stop two workers
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        engine.dispose()


TARGET_RATIO = {"sqlite": 0.5, "postgresql": 0.35}
TARGET_P95_MS = 50
TARGET_QUERIES = 12


def target_missed(row: dict) -> list[str]:
    """Why a benchmarked page misses the target (empty when it meets it)."""
    why = []
    if not row.get("reference") and row["ratio_to_floor"] < TARGET_RATIO[row["database"]]:
        why.append(f"{row['ratio_to_floor']:.2f}x floor")
    if row["p95_ms"] >= TARGET_P95_MS:
        why.append(f"p95 {row['p95_ms']:.0f} ms")
    if row["queries"] > TARGET_QUERIES:
        why.append(f"{row['queries']} queries")
    return why


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=3, help="load per page and database")
    parser.add_argument("--out", default=str(ROOT / "bench-results" / "bench.json"))
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument(
        "--sqlite-scale",
        metavar="FILE",
        help="a SQLite database already holding the scale data (kept from an earlier run): benchmarked on a copy",
    )
    parser.add_argument(
        "--pages", nargs="+", metavar="TEXT", help="only the pages whose label holds one of these (and the floor)"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk); `make bench` installs it.")
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    lua = workdir / "report.lua"
    lua.write_text(LUA)
    rows = []
    if args.only in (None, "sqlite"):
        if args.sqlite_scale:
            shutil.copyfile(args.sqlite_scale, workdir / "bench.db")
        rows += bench_database(
            "sqlite",
            f"sqlite:///{workdir / 'bench.db'}",
            args.seconds,
            str(lua),
            prepared=bool(args.sqlite_scale),
            pages=args.pages,
        )
    if args.only in (None, "postgresql"):
        server = PostgresServer()
        try:
            rows += bench_database(
                "postgresql", server.create_database("portal_bench"), args.seconds, str(lua), pages=args.pages
            )
        finally:
            server.stop()
    print(f"\n{'database':<11}{'page':<45}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'SQL':>5}{'bytes':>8}{'x floor':>8}")
    for r in rows:
        print(
            f"{r['database']:<11}{r['page'][:44]:<45}{r['rps']:>8}{r['p50_ms']:>8.1f}{r['p95_ms']:>8.1f}"
            f"{r['queries']:>5}{r['bytes']:>8}{r['ratio_to_floor']:>8.2f}"
        )
    missing = [r for r in rows if target_missed(r) and not r.get("reference")]
    print(
        f"\nTarget (issue 17): >= {TARGET_RATIO['sqlite']}x the floor on SQLite, >= {TARGET_RATIO['postgresql']}x on "
        f"PostgreSQL, p95 < {TARGET_P95_MS} ms, <= {TARGET_QUERIES} queries. Pages missing it: {len(missing)}"
    )
    for r in missing:
        print(f"  {r['database']:<11}{r['page'][:44]:<45} {', '.join(target_missed(r))}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"seconds_per_page": args.seconds, "connections": 16, "rows": rows}, indent=2))
    print(f"\nwritten to {args.out}")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
