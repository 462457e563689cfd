"""Rules for meetings: the formal-meeting limit, a draft agenda that starts itself, open actions carried."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select

from portal.core.dates import long_date
from portal.core.forms import ServiceError
from portal.extensions import db
from portal.forums.models import Action, AgendaChange, AgendaItem, Forum, Meeting
from portal.forums.rules import (
    MAX_FORMAL_PER_YEAR,
    carried_title,
    formal_limit_reached,
    school_year,
    school_year_label,
)
from portal.forums.services import must_edit

LONDON = ZoneInfo("Europe/London")


def local_now() -> datetime:
    """Now as a wall-clock time in Scotland (meetings are stored that way)."""
    return datetime.now(LONDON).replace(tzinfo=None)


def _when(day: date | None, start: time | None, end: time | None) -> tuple[datetime, datetime]:
    errors = []
    if day is None:
        errors.append(("day", "Enter the date of the meeting."))
    if start is None:
        errors.append(("start", "Enter the start time, for example 16:00."))
    if end is None:
        errors.append(("end", "Enter the end time, for example 17:30."))
    if errors:
        raise ServiceError(*errors)
    if end <= start:
        raise ServiceError(("end", "The meeting must end after it starts."))
    return datetime.combine(day, start), datetime.combine(day, end)


def check_formal_limit(forum: Forum, starts_at: datetime, *, exclude_id: int | None = None) -> None:
    """Refuse a further formal meeting when the school year already has three."""
    year = school_year(starts_at)
    stmt = (
        select(Meeting.starts_at)
        .where(
            Meeting.forum_id == forum.id,
            Meeting.school_year == year,
            Meeting.formal.is_(True),
            Meeting.cancelled_at.is_(None),
        )
        .order_by(Meeting.starts_at)
    )
    if exclude_id:
        stmt = stmt.where(Meeting.id != exclude_id)
    dates = list(db.session.scalars(stmt))
    if formal_limit_reached(dates):
        listed = ", ".join(d.strftime("%-d %B %Y") for d in dates)
        raise ServiceError(
            (
                "formal",
                f"{forum.name} already has {MAX_FORMAL_PER_YEAR} formal meetings in the "
                f"{school_year_label(year)} school year ({listed}), the most a forum holds. "
                "Untick 'Formal meeting' to hold it as an informal meeting, or choose a "
                "date in another school year.",
            )
        )


def _details(meeting: Meeting, *, title, day, start, end, place, online_link, formal) -> None:
    meeting.title = " ".join((title or "").split())
    if not meeting.title:
        raise ServiceError(("title", "Enter a title for the meeting."))
    meeting.starts_at, meeting.ends_at = _when(day, start, end)
    meeting.place = (place or "").strip()
    meeting.online_link = (online_link or "").strip()
    if not (meeting.place or meeting.online_link):
        raise ServiceError(("place", "Enter where the meeting is, or an online link (or both)."))
    if meeting.online_link and not meeting.online_link.startswith(("https://", "http://")):
        raise ServiceError(("online_link", "Enter the online link as a full address starting https://."))
    meeting.formal = bool(formal)
    meeting.school_year = school_year(meeting.starts_at)


def create_meeting(
    forum: Forum,
    *,
    actor,
    title: str,
    day: date | None,
    start: time | None,
    end: time | None,
    place: str = "",
    online_link: str = "",
    formal: bool = True,
    record_past: bool = False,
) -> Meeting:
    """A meeting whose draft agenda already holds the standing items and every open action carried forward.
    A meeting in the past is refused unless `record_past` says it is being recorded after the event."""
    must_edit(actor, forum)
    meeting = Meeting(forum_id=forum.id, agenda_version=1, sequence=0)
    _details(
        meeting,
        title=title,
        day=day,
        start=start,
        end=end,
        place=place,
        online_link=online_link,
        formal=formal,
    )
    _check_past(meeting, record_past)
    if meeting.formal:
        check_formal_limit(forum, meeting.starts_at)
    db.session.add(meeting)
    db.session.flush()
    items = [
        AgendaItem(meeting_id=meeting.id, position=i, title=t, allotted_minutes=0)
        for i, t in enumerate(forum.standing_list)
    ]
    db.session.add_all(items)
    db.session.flush()
    carry_forward(meeting, start_at=len(items))
    return meeting


def _check_past(meeting: Meeting, record_past: bool) -> None:
    if meeting.starts_at <= local_now() and not record_past:
        raise ServiceError(
            (
                "day",
                f"{long_date(meeting.starts_at)} is in the past. To record a meeting that has already "
                "happened, tick 'Record a past meeting'; otherwise choose a date to come.",
            )
        )


def update_meeting(meeting: Meeting, forum: Forum, *, actor, record_past: bool = False, **details) -> None:
    """Change the date, time, place or formality; after publishing the change is logged for members."""
    must_edit(actor, forum)
    if meeting.cancelled:
        raise ServiceError((None, "This meeting is cancelled: it can no longer be changed."))
    before = (meeting.starts_at, meeting.ends_at, meeting.place, meeting.online_link, meeting.formal)
    _details(meeting, **details)
    if meeting.starts_at != before[0]:
        _check_past(meeting, record_past)
    if meeting.formal:
        check_formal_limit(forum, meeting.starts_at, exclude_id=meeting.id)
    after = (meeting.starts_at, meeting.ends_at, meeting.place, meeting.online_link, meeting.formal)
    if meeting.published and before != after:
        when = f"{meeting.starts_at.strftime('%A %-d %B %Y, %H:%M')} to {meeting.ends_at.strftime('%H:%M')}"
        where = ", ".join(p for p in (meeting.place, meeting.online_link) if p)
        log_change(meeting, None, f"Meeting details changed: {when}; {where}")
    db.session.flush()


def log_change(meeting: Meeting, item: AgendaItem | None, summary: str) -> None:
    """Keep one change to a published agenda (the caller has checked it is published)."""
    now = local_now()
    db.session.add(
        AgendaChange(meeting_id=meeting.id, item_id=item.id if item else None, summary=summary[:500], at=now)
    )
    if item is not None:
        item.changed_at = now


def open_actions(forum_id: int, before: datetime | None = None) -> list[Action]:
    """Open actions from this forum's meetings (those before `before`, when given)."""
    stmt = (
        select(Action)
        .join(Meeting, Action.meeting_id == Meeting.id)
        .where(Meeting.forum_id == forum_id, Action.done.is_(False))
        .order_by(Meeting.starts_at, Action.id)
    )
    if before is not None:
        stmt = stmt.where(Meeting.starts_at < before)
    return list(db.session.scalars(stmt))


def next_position(meeting: Meeting) -> int:
    """The position after the last item on the meeting's agenda (asked of the database, not a loaded list)."""
    last = db.session.scalars(
        select(AgendaItem.position)
        .where(AgendaItem.meeting_id == meeting.id)
        .order_by(AgendaItem.position.desc())
        .limit(1)
    ).first()
    return 0 if last is None else last + 1


def carry_forward(meeting: Meeting, *, start_at: int | None = None) -> list[AgendaItem]:
    """Add an agenda item for each open earlier action not yet on this meeting's agenda."""
    already = set(
        db.session.scalars(
            select(AgendaItem.carried_action_id).where(
                AgendaItem.meeting_id == meeting.id, AgendaItem.carried_action_id.is_not(None)
            )
        )
    )
    if start_at is None:
        start_at = next_position(meeting)
    added = []
    for action in open_actions(meeting.forum_id, meeting.starts_at):
        if action.id in already:
            continue
        added.append(
            AgendaItem(
                meeting_id=meeting.id,
                position=start_at + len(added),
                lead=action.who,
                title=carried_title(action.what, action.who, action.due),
                allotted_minutes=5,
                carried_action_id=action.id,
            )
        )
    db.session.add_all(added)
    if added:
        meeting.agenda_version += 1
        db.session.flush()
        if meeting.published:  # members were sent this agenda: the new item is a change they must see
            for item in added:
                log_change(meeting, item, f"Item added: {item.title}")
    db.session.flush()
    return added


def next_draft_meetings(meeting: Meeting) -> list[Meeting]:
    """This forum's later meetings whose agendas are still drafts (open actions join them automatically)."""
    return list(
        db.session.scalars(
            select(Meeting).where(
                Meeting.forum_id == meeting.forum_id,
                Meeting.starts_at > meeting.starts_at,
                Meeting.published_at.is_(None),
                Meeting.cancelled_at.is_(None),
            )
        )
    )


def next_meeting(meeting: Meeting) -> Meeting | None:
    """The forum's next meeting still to come after this one that is not cancelled, published or not."""
    return db.session.scalar(
        select(Meeting)
        .where(
            Meeting.forum_id == meeting.forum_id,
            Meeting.starts_at > max(meeting.starts_at, local_now()),
            Meeting.cancelled_at.is_(None),
        )
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(1)
    )


def withdraw_from_drafts(action: Action) -> int:
    """Take a done action off the draft agendas of meetings still to come; published agendas keep it."""
    stale = list(
        db.session.scalars(
            select(AgendaItem)
            .join(Meeting, AgendaItem.meeting_id == Meeting.id)
            .where(
                AgendaItem.carried_action_id == action.id,
                Meeting.published_at.is_(None),
                Meeting.starts_at > local_now(),
            )
        )
    )
    for item in stale:
        db.session.get(Meeting, item.meeting_id).agenda_version += 1
        db.session.delete(item)
    db.session.flush()
    return len(stale)
