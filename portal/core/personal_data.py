"""Data rights (UK GDPR articles 15, 17, 20) as a registry: each domain registers how to export and erase what
it holds about a person, in its init_app (or its privacy.py `register(app)`); "download my data" and erasure
walk the registry, so a domain added later only registers its own pair.

    personal_data.register(app, "events", export=export_bookings, erase=erase_bookings)

export(user) -> {"table name": [ {column: value}, ... ]}; erase(user) removes or anonymises the person's data
and keeps shared records (a team's evidence) under "a former member". Both flush; the caller commits.

Two more registries live here, filled by each domain in its init_app:

    personal_data.register_free_text(app, Meeting.minutes_text, Post.body, Post.body_html)
        text others typed (minutes, notes, posts): on erasure the person's name becomes "a former member";
    personal_data.register_retention(app, "failed sign-in records", timedelta(days=30), purge_fn)
        one rule of the retention schedule: purge_fn(cutoff) removes what is older than cutoff and returns a
        count; `flask privacy purge` runs every rule (idempotent) and the privacy notice lists them.
"""

import csv
import html
import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import inspect, or_, select

from portal.extensions import db

FORMER_MEMBER = "A former member"
FORMER_MEMBER_IN_TEXT = "a former member"  # what replaces the person's name inside someone else's sentence
SHORTEST_NAME = 3  # shorter "names" would rewrite ordinary words
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


@dataclass(frozen=True)
class Retention:
    label: str
    period: timedelta
    purge: Callable  # purge(cutoff: datetime) -> int, flushes; removes or anonymises what is older than cutoff


def register_retention(app, label: str, period: timedelta, purge: Callable) -> None:
    app.extensions.setdefault("retention", {})[label] = Retention(label, period, purge)


def retention_rules() -> list[Retention]:
    return list(current_app.extensions.get("retention", {}).values())


def register_free_text(app, *columns) -> None:
    """Columns of text that people type about others (minutes, notes, posts): scrubbed of an erased name."""
    app.extensions.setdefault("personal_data_free_text", []).extend(columns)


def free_text_columns() -> list:
    return list(current_app.extensions.get("personal_data_free_text", []))


def _variants(name: str) -> set[str]:
    """The name as typed and as HTML escapers write it (rendered posts keep HTML)."""
    escaped = html.escape(name, quote=False)
    return {name, html.escape(name), escaped, escaped.replace("'", "&#39;"), escaped.replace("'", "&apos;")}


def _name_pattern(name: str) -> re.Pattern:
    variants = sorted(_variants(name), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(v) for v in variants) + r")(?!\w)", re.IGNORECASE)


def scrub_name(text: str, name: str) -> str:
    """`text` with every whole-word mention of `name` (any case, plain or HTML-escaped) made "a former member"."""
    if not text or len(name.strip()) < SHORTEST_NAME:
        return text
    return _name_pattern(name.strip()).sub(FORMER_MEMBER_IN_TEXT, text)


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def scrub_free_text(user) -> int:
    """Replace the person's name (and e-mail) in every registered free-text column; returns rows changed.
    Candidate rows are found in the database (one query per column), the exact replacement is done here."""
    changed = 0
    for needle in (user.name, user.email):
        if not needle or len(needle.strip()) < SHORTEST_NAME or needle == FORMER_MEMBER:
            continue
        needles = _variants(needle.strip())
        for column in free_text_columns():
            model = column.class_
            rows = db.session.scalars(select(model).where(or_(*(column.ilike(_like(n), escape="\\") for n in needles))))
            for row in rows:
                before = getattr(row, column.key)
                after = scrub_name(before, needle)
                if after != before:
                    setattr(row, column.key, after)
                    changed += 1
    db.session.flush()
    return changed


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
    """Run every domain's erasure for `user`, scrub their name from others' free text, and let the accounts
    domain anonymise the person last."""
    scrub_free_text(user)
    for provider in sorted(providers(), key=lambda p: p.name == "accounts"):
        if provider.erase:
            provider.erase(user)
