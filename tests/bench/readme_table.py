"""The README's speed table from a `make bench` run: `python -m tests.bench.readme_table [bench-results/bench.json]`.

One row per page: the ratio to the floor page of the same run on each database, p95 at 16 connections, and the
SQL statements per request (the larger of the two databases). The reference pages (the floors: no target of their
own) are in italics."""

import json
import sys
from pathlib import Path


def table(rows: list[dict]) -> str:
    pages: dict[str, dict] = {}
    for row in rows:
        pages.setdefault(row["page"], {})[row["database"]] = row
    lines = [
        "| page | SQLite x floor | PostgreSQL x floor | p95 ms SQLite / PostgreSQL | SQL |",
        "|---|---:|---:|---:|---:|",
    ]
    for page, by_db in pages.items():
        sqlite, pg = by_db.get("sqlite"), by_db.get("postgresql")
        ratio = [f"{r['ratio_to_floor']:.2f}x" if r else "-" for r in (sqlite, pg)]
        p95 = " / ".join(f"{r['p95_ms']:.0f}" if r else "-" for r in (sqlite, pg))
        queries = max(r["queries"] for r in (sqlite, pg) if r)
        label = f"*{page}*" if any(r.get("reference") for r in (sqlite, pg) if r) else page
        lines.append(f"| {label} | {ratio[0]} | {ratio[1]} | {p95} | {queries} |")
    return "\n".join(lines)


if __name__ == "__main__":
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "bench-results/bench.json")
    print(table(json.loads(source.read_text())["rows"]))
