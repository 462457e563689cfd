"""Kept figures: an expensive aggregate's result stored once and served until the data it reads changes.

`kept(name, parts, compute)` returns what `compute()` returns, from the `kept_figures` table when a result for the
same name and parts (the scope and anything about the viewer that changes the figures) was stored at the current
data stamp and is younger than `KEPT_FIGURES_MAX_AGE` seconds; otherwise it computes, stores and returns it.

Invalidation on write: a domain declares the models its figures read (`watch_tables`); a session hook adds one
row to the insert-only `figures_change` table in every transaction whose flush touches one of them (a unit of
work, or a bulk `insert`/`update`/`delete` statement through the session), so there is no hot row to lock. The
stamp is the largest id and the number of rows of that table: the count catches a transaction that took an
earlier id and committed later. A result is served only at the stamp it was computed at (read before computing,
so data committed during the computation makes it stale, never the other way round). A session that has written
in its open transaction neither reads nor stores kept results (its figures may include what it rolls back).

Results are stored as JSON (dataclasses registered with `keep_types`, lists, dicts, dates, decimals, bytes such as
a written workbook), never pickles, and already through `portal.core.privacy`: only what a viewer of that key may
see is ever kept. A store is an upsert in its own short transaction; two requests computing the same result both
succeed, and a store that cannot be written (a locked SQLite file) is skipped, not an error.
"""

import base64
import dataclasses
import hashlib
import json
import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TypeVar

from flask import current_app, has_app_context
from sqlalchemy import DateTime, Integer, String, Text, delete, event, func, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Mapped, Session, mapped_column

from portal.core.dates import utcnow
from portal.core.upsert import upsert
from portal.extensions import db

log = logging.getLogger(__name__)
T = TypeVar("T")
PRUNE_EVERY = 256  # every 256th change marker deletes the markers before the last 256
WROTE, MARKED = "kept_figures_wrote", "kept_figures_marked"


class FiguresChange(db.Model):
    """One row per transaction that changed data some kept figures read (insert-only). An id and nothing else:
    no time, no reference, so a marker written with an anonymous survey answer says nothing of when or whose."""

    __tablename__ = "figures_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)


class KeptFigures(db.Model):
    """A computed result, by the hash of its name and parts, with the data stamp it was computed at."""

    __tablename__ = "kept_figures"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    stamp: Mapped[str] = mapped_column(String(40))
    computed_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    payload: Mapped[str] = mapped_column(Text)


# Wiring ---------------------------------------------------------------------------------------------------------


def watch_tables(app, *models, quiet: dict[type, tuple[str, ...]] | None = None) -> None:
    """Kept figures read these models: a change to any of them makes every kept result stale. `quiet` names
    columns whose change alone does not (a person's sign-in secrets, say)."""
    watched = app.extensions.setdefault("kept_figures_tables", {})
    for model in models:
        watched.setdefault(model.__table__.name, frozenset())
    for model, columns in (quiet or {}).items():
        watched[model.__table__.name] = frozenset(columns)


def keep_types(app, *classes) -> None:
    """Dataclasses a kept result may hold (decoded by name, nothing else is ever instantiated)."""
    app.extensions.setdefault("kept_figures_types", {}).update({c.__name__: c for c in classes})


def _watched() -> dict[str, frozenset]:
    """The declared tables and every table whose deleted rows delete or change theirs in the database (ON DELETE
    CASCADE / SET NULL, followed to the end): the database changes those rows without the session seeing them."""
    if not has_app_context():
        return {}
    declared = current_app.extensions.get("kept_figures_tables", {})
    closure = current_app.extensions.get("kept_figures_closure")
    if closure is None or closure[0] != len(declared):
        watched, todo = dict(declared), list(declared)
        while todo:
            table = db.metadata.tables.get(todo.pop())
            for fk in table.foreign_keys if table is not None else ():
                parent = fk.column.table.name
                if (fk.ondelete or "").upper() in ("CASCADE", "SET NULL") and parent not in watched:
                    watched[parent] = frozenset()
                    todo.append(parent)
        closure = current_app.extensions["kept_figures_closure"] = (len(declared), watched)
    return closure[1]


def _changes_watched(session: Session, watched: dict[str, frozenset]) -> bool:
    for obj in (*session.new, *session.deleted):
        if getattr(getattr(obj, "__table__", None), "name", None) in watched:
            return True
    for obj in session.dirty:
        table = getattr(getattr(obj, "__table__", None), "name", None)
        if table not in watched:
            continue
        state = db.inspect(obj)
        changed = {a.key for a in state.attrs if a.history.has_changes()}
        if changed - watched[table]:
            return True
    return False


def _mark(session: Session) -> None:
    """Add this transaction's one change marker; now and then prune old markers and results past the maximum age
    (a period or scope asked for once does not stay)."""
    if session.info.get(MARKED):
        return
    session.info[MARKED] = True
    connection = session.connection()
    new_id = connection.execute(insert(FiguresChange.__table__)).inserted_primary_key[0]
    if new_id and new_id % PRUNE_EVERY == 0:
        connection.execute(delete(FiguresChange.__table__).where(FiguresChange.id <= new_id - PRUNE_EVERY))
        expired = utcnow() - timedelta(seconds=current_app.config.get("KEPT_FIGURES_MAX_AGE", 3600))
        connection.execute(delete(KeptFigures.__table__).where(KeptFigures.computed_at < expired))


@event.listens_for(Session, "after_flush")
def _after_flush(session, flush_context) -> None:
    session.info[WROTE] = True
    watched = _watched()
    if watched and not session.info.get(MARKED) and _changes_watched(session, watched):
        _mark(session)


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    state.session.info[WROTE] = True
    table = getattr(getattr(state.statement, "table", None), "name", None)
    if table in _watched():
        _mark(state.session)


@event.listens_for(Session, "after_soft_rollback")
def _rolled_back(session, previous_transaction) -> None:
    """A rolled-back savepoint may have taken this transaction's marker with it: the next change adds another."""
    session.info.pop(MARKED, None)


@event.listens_for(Session, "after_transaction_end")
def _transaction_end(session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(WROTE, None)
        session.info.pop(MARKED, None)


# Reading and keeping --------------------------------------------------------------------------------------------


def _key(name: str, parts) -> str:
    text = json.dumps([name, _encode(parts)], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _lookup(key: str):
    """The current stamp and the kept row for `key`, in one statement."""
    kept = lambda column: select(column).where(KeptFigures.key == key).scalar_subquery()  # noqa: E731
    return db.session.execute(
        select(
            select(func.max(FiguresChange.id)).scalar_subquery(),
            select(func.count()).select_from(FiguresChange).scalar_subquery(),
            kept(KeptFigures.stamp),
            kept(KeptFigures.computed_at),
            kept(KeptFigures.payload),
        )
    ).one()


def kept(name: str, parts, compute: Callable[[], T]) -> T:
    """`compute()`'s result for `name` and `parts`, kept while the data it reads is unchanged."""
    config = current_app.config
    if not config.get("KEPT_FIGURES", True):
        return compute()
    key = _key(name, parts)
    last_id, count, stamp_kept, computed_at, payload = _lookup(key)
    if db.session.info.get(WROTE):
        return compute()  # this transaction's own changes are not anyone else's figures
    stamp = f"{last_id or 0}/{count}"
    max_age = timedelta(seconds=config.get("KEPT_FIGURES_MAX_AGE", 3600))
    if payload is not None and stamp_kept == stamp and computed_at and utcnow() - computed_at < max_age:
        return _decode(json.loads(payload))
    encoded = _encode(compute())
    _store(key, name, stamp, json.dumps(encoded, separators=(",", ":")))
    return _decode(encoded)  # what a later request gets, so the first shows the same (and no spent iterator)


def _store(key: str, name: str, stamp: str, payload: str) -> None:
    values = dict(key=key, name=name, stamp=stamp, computed_at=utcnow(), payload=payload)
    stmt = upsert(KeptFigures.__table__).values(**values)
    stmt = stmt.on_conflict_do_update(index_elements=["key"], set_={k: stmt.excluded[k] for k in values if k != "key"})
    try:
        with db.engine.begin() as connection:
            connection.execute(stmt)
    except DBAPIError:  # e.g. SQLite busy: the figures are right, only not kept this time
        log.warning("kept figures %s not stored", name, exc_info=True)


def forget_all() -> None:
    """Drop every kept result (`flask reports forget`, after a change made with SQL outside the portal)."""
    db.session.execute(delete(KeptFigures))


# JSON -----------------------------------------------------------------------------------------------------------


def _encode(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"@": type(value).__name__, "f": fields}
    if isinstance(value, datetime):
        return {"@dt": value.isoformat()}
    if isinstance(value, date):
        return {"@date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"@dec": str(value)}
    if isinstance(value, bytes):
        return {"@b64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        return {"@map": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, list | tuple) or hasattr(value, "__iter__"):
        return [_encode(v) for v in value]
    raise TypeError(f"cannot keep a {type(value).__name__}")


def _decode(value):
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "@" in value:
        cls = current_app.extensions["kept_figures_types"][value["@"]]
        return cls(**{k: _decode(v) for k, v in value["f"].items()})
    if "@map" in value:
        return {_hashable(_decode(k)): _decode(v) for k, v in value["@map"]}
    if "@dt" in value:
        return datetime.fromisoformat(value["@dt"])
    if "@date" in value:
        return date.fromisoformat(value["@date"])
    if "@b64" in value:
        return base64.b64decode(value["@b64"])
    return Decimal(value["@dec"])


def _hashable(value):
    return tuple(_hashable(v) for v in value) if isinstance(value, list) else value
