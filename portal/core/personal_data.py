"""Data rights (UK GDPR articles 15, 17, 20) as a registry: each domain registers how to export and erase what
it holds about a person, in its init_app (or its privacy.py `register(app)`); "download my data" and erasure
walk the registry, so a domain added later only registers its own pair.

    personal_data.register(app, "events", export=export_bookings, erase=erase_bookings)

export(user) -> {"table name": [ {column: value}, ... ]}; erase(user) removes or anonymises the person's data
and keeps shared records (a team's evidence) under "a former member". Both flush; the caller commits.
"""

import csv
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from flask import current_app
from sqlalchemy import inspect

FORMER_MEMBER = "A former member"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Provider:
    name: str
    export: Callable
    erase: Callable | None = None


def register(app, name: str, *, export: Callable, erase: Callable | None = None) -> None:
    app.extensions.setdefault("personal_data", {})[name] = Provider(name, export, erase)


def providers() -> list[Provider]:
    return list(current_app.extensions.get("personal_data", {}).values())


def as_rows(records, *, leave_out: tuple[str, ...] = ()) -> list[dict]:
    """Model instances as plain dicts of their columns (minus secrets in `leave_out`)."""
    rows = []
    for record in records:
        columns = inspect(record).mapper.column_attrs
        rows.append({c.key: getattr(record, c.key) for c in columns if c.key not in leave_out})
    return rows


def csv_cell(value) -> str:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ (or tab/CR) gets a leading quote."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(rows: list[dict]) -> str:
    """Formula-safe CSV of dict rows (the one helper every CSV export uses)."""
    out = io.StringIO()
    if rows:
        writer = csv.writer(out)
        writer.writerow([csv_cell(k) for k in rows[0]])
        for row in rows:
            writer.writerow([csv_cell(v) for v in row.values()])
    return out.getvalue()


def export_all(user) -> dict[str, dict[str, list[dict]]]:
    """{domain: {table: rows}} for every registered domain."""
    return {p.name: p.export(user) for p in providers()}


def export_zip(user) -> bytes:
    """Everything the portal holds about `user`: one JSON and one CSV per table, per domain, in a ZIP."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        everything = export_all(user)
        for domain, tables in everything.items():
            for table, rows in tables.items():
                archive.writestr(f"{domain}/{table}.json", json.dumps(rows, default=str, indent=2))
                archive.writestr(f"{domain}/{table}.csv", to_csv(rows))
        archive.writestr(
            "README.txt",
            "Your data from the West Partnership portal: one folder per part of the "
            "portal, each table as JSON and as CSV.\n",
        )
    return buffer.getvalue()


def erase_all(user) -> None:
    """Run every domain's erasure for `user` (the accounts domain anonymises the person last)."""
    for provider in sorted(providers(), key=lambda p: p.name == "accounts"):
        if provider.erase:
            provider.erase(user)
