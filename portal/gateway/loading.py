"""Loaders shared by the Gateway's views: the ranking index kept warm per process, and who is excluded.

The index is built once per process (about 2 s for 30,000 profiles on an idle core), then kept current from
the database on every request (see ranking_index): a cache whose correctness does not depend on the process.
"""

import threading
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, or_, select, union_all

from portal.extensions import db
from portal.gateway.models import Block, Profile, Request
from portal.gateway.ranking import Index, ProfileData, build_index, updated

_COLUMNS = (
    Profile.id,
    Profile.owner_id,
    Profile.authority_id,
    Profile.sector,
    Profile.interests,
    Profile.stages,
    Profile.hunch,
    Profile.mode,
    Profile.available_from,
    Profile.available_until,
    Profile.kind,
    Profile.status,
    Profile.open_to_contact,
)


def profile_data(row) -> ProfileData:
    """Ranking's view of a profile (a Profile or a row of _COLUMNS)."""
    return ProfileData(
        id=row.id,
        owner_id=row.owner_id,
        authority_id=row.authority_id,
        sector=row.sector,
        interests=tuple(v for v in row.interests.split(",") if v),
        stages=tuple(v for v in row.stages.split(",") if v),
        hunch=row.hunch,
        mode=row.mode,
        available_from=row.available_from,
        available_until=row.available_until,
        kind=row.kind,
        status=row.status,
        open_to_contact=row.open_to_contact,
    )


@dataclass
class _Cached:
    index: Index
    last_id: int
    latest: object
    stamps: dict  # {profile id: updated_at} of the rows stamped in the late-commit window, as the index holds them


_cache: dict[str, _Cached] = {}
# How long a transaction may run between stamping a profile's updated_at and committing, and still be seen
# (requests take well under a second; anything slower is caught at the next rebuild).
LATE_COMMIT = timedelta(minutes=10)
_lock = threading.Lock()


def ranking_index() -> Index:
    """The index of every profile, current as of this request: two indexed queries, whatever worker wrote.

    The first reads max(id) and max(updated_at). A lower max(id) means rows were deleted or the table refilled:
    rebuild. Otherwise the second reads the rows stamped since LATE_COMMIT before the newest stamp this worker
    has seen, and new ids, and patches them in: a write stamped earlier but committed later by another worker
    (a slow transaction) is still caught. Deleted profiles may linger until a rebuild; the page loads suggested
    profiles by id and skips any that are gone.
    """
    key = str(db.engine.url)
    # Two scalar subqueries, not max() and max() in one select: SQLite reads a single min() or max() from the end
    # of an index, but for two aggregates it scans the whole index (30,000 entries).
    last_id, latest = db.session.execute(
        select(select(func.max(Profile.id)).scalar_subquery(), select(func.max(Profile.updated_at)).scalar_subquery())
    ).one()
    last_id = last_id or 0
    with _lock:
        cached = _cache.get(key)
        if cached is None or last_id < cached.last_id or cached.latest is None:
            rows = db.session.execute(select(*_COLUMNS, Profile.updated_at)).all()
            since = latest - LATE_COMMIT if latest else None
            stamps = {r.id: r.updated_at for r in rows if since and r.updated_at and r.updated_at >= since}
            cached = _Cached(build_index(profile_data(r) for r in rows), last_id, latest, stamps)
        else:
            since = cached.latest - LATE_COMMIT
            rows = db.session.execute(
                select(*_COLUMNS, Profile.updated_at).where(
                    or_(Profile.updated_at >= since, Profile.id > cached.last_id)
                )
            ).all()
            # The window's rows come back on every request: patch only those stamped otherwise than the index holds
            # them (a change since), not the same rows again and again.
            changed = [
                profile_data(r) for r in rows if r.id not in cached.stamps or cached.stamps[r.id] != r.updated_at
            ]
            index = updated(cached.index, changed) if changed else cached.index
            stamps = {r.id: r.updated_at for r in rows}
            cached = _Cached(index, max(last_id, cached.last_id), max(latest, cached.latest), stamps)
        _cache[key] = cached
        return cached.index


def forget_index() -> None:
    """Drop the warm index (tests that recreate their database reuse its URL)."""
    with _lock:
        _cache.clear()


def blocked_either_way(user_id: int) -> set[int]:
    """People `user_id` blocked or was blocked by: never suggested, never contactable."""
    rows = db.session.execute(
        select(Block.blocker_id, Block.blocked_id).where(or_(Block.blocker_id == user_id, Block.blocked_id == user_id))
    ).all()
    return {a if b == user_id else b for a, b in rows}


def excluded_for(user_id: int) -> set[int]:
    """People never suggested to `user_id`: blocked either way, or already partners (an accepted request)."""
    blocks = select(Block.blocker_id, Block.blocked_id).where(
        or_(Block.blocker_id == user_id, Block.blocked_id == user_id)
    )
    # Partners: the requests the person sent and those they received, each read by its own person index (asked as
    # one OR beside the status, SQLite read every accepted request of the region through the status index instead).
    accepted = select(Request.sender_id, Request.recipient_id).where(Request.status == "accepted")
    sent, received = accepted.where(Request.sender_id == user_id), accepted.where(Request.recipient_id == user_id)
    pairs = db.session.execute(union_all(blocks, sent, received)).all()  # one query
    return {a if b == user_id else b for a, b in pairs}
