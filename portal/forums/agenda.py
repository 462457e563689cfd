"""Rules for agendas and minutes: items, reordering with a version check, publishing by e-mail, actions."""

from datetime import date

from flask import current_app, url_for
from sqlalchemy import func, select

from portal.accounts.models import User
from portal.core.calendar import CalendarItem, to_ics
from portal.core.dates import long_date
from portal.core.forms import ServiceError
from portal.core.mail import Attachment, send_template
from portal.extensions import db
from portal.forums import meetings as meeting_rules
from portal.forums.models import Action, AgendaItem, Forum, Meeting, Membership, Resource
from portal.forums.rules import move, timing
from portal.forums.services import must_edit
from portal.notifications.services import notify, portal_path

MAX_MINUTE = 4000  # characters per item's minute (the page shows it; the server holds it)
STALE = (
    "The agenda has changed since you opened this page (someone else may be editing it). It is shown "
    "below as it is now: check it and move the item again."
)


def _item_values(
    forum: Forum, *, title: str, lead: str = "", allotted_minutes=0, notes: str = "", resource_ids=()
) -> dict:
    """An agenda item's fields, checked and tidied: what add_item and update_item take."""
    errors = []
    title = " ".join((title or "").split())
    if not title:
        errors.append(("title", "Enter a title for the agenda item."))
    if allotted_minutes is None:
        allotted_minutes = 0
    if allotted_minutes < 0:
        errors.append(("allotted_minutes", "Minutes allotted cannot be negative: enter 0 or more."))
    if errors:
        raise ServiceError(*errors)
    return {
        "title": title[:200],
        "lead": (lead or "").strip()[:120],
        "allotted_minutes": int(allotted_minutes),
        "notes": (notes or "").strip(),
        "resources": _resources([forum.id, forum.parent_id or forum.id], list(resource_ids)),
    }


def _resources(forum_ids: list[int], resource_ids: list[int]) -> list[Resource]:
    if not resource_ids:
        return []
    return list(
        db.session.scalars(select(Resource).where(Resource.id.in_(resource_ids), Resource.forum_id.in_(forum_ids)))
    )


def _bump(meeting: Meeting) -> None:
    meeting.agenda_version += 1


def add_item(meeting: Meeting, forum: Forum, *, actor, **fields) -> AgendaItem:
    """Add an item (fields as _item_values) at the end of the agenda."""
    must_edit(actor, forum)
    values = _item_values(forum, **fields)
    item = AgendaItem(meeting_id=meeting.id, position=meeting_rules.next_position(meeting), **values)
    db.session.add(item)
    db.session.flush()
    _bump(meeting)
    if meeting.published:
        meeting_rules.log_change(meeting, item, f"Item added: {item.title} ({item.allotted_minutes} minutes)")
    db.session.flush()
    return item


def update_item(item: AgendaItem, meeting: Meeting, forum: Forum, *, actor, **fields) -> None:
    """Edit an item (fields as _item_values); after publishing, what changed is logged against the item."""
    must_edit(actor, forum)
    new = _item_values(forum, **fields)
    said = []
    if new["title"] != item.title:
        said.append(f"title was '{item.title}'")
    if new["lead"] != item.lead:
        said.append(f"lead now {new['lead'] or 'nobody'}")
    if new["allotted_minutes"] != item.allotted_minutes:
        said.append(f"time {item.allotted_minutes} to {new['allotted_minutes']} minutes")
    if new["notes"] != item.notes:
        said.append("notes changed")
    if {r.id for r in new["resources"]} != {r.id for r in item.resources}:
        said.append("linked resources changed")
    for name, value in new.items():
        setattr(item, name, value)
    if said:
        _bump(meeting)
        if meeting.published:
            meeting_rules.log_change(meeting, item, f"{item.title}: {'; '.join(said)}")
    db.session.flush()


def link_resource(item: AgendaItem, meeting: Meeting, forum: Forum, resource_id: int, link: bool, *, actor) -> Resource:
    """Link one library resource (this forum's or its parent's) to an item, or unlink it; logged once published."""
    must_edit(actor, forum)
    found = _resources([forum.id, forum.parent_id or forum.id], [resource_id])
    if not found:
        raise ServiceError((None, "That resource is no longer in the library."))
    resource, linked = found[0], resource_id in {r.id for r in item.resources}
    if link != linked:
        if link:
            item.resources.append(resource)
        else:
            item.resources.remove(resource)
        _bump(meeting)
        if meeting.published:
            verb = "linked" if link else "unlinked"
            meeting_rules.log_change(meeting, item, f"{item.title}: {verb} resource {resource.title}")
    db.session.flush()
    return resource


def remove_item(item: AgendaItem, meeting: Meeting, forum: Forum, *, actor) -> None:
    must_edit(actor, forum)
    if meeting.published:
        meeting_rules.log_change(meeting, None, f"Item removed: {item.title}")
    db.session.delete(item)
    _bump(meeting)
    db.session.flush()


def move_item(meeting: Meeting, forum: Forum, item_id: int, direction: str, *, version: int | None, actor) -> None:
    """Move one item up or down; refused if the page was made from an older version of the agenda."""
    must_edit(actor, forum)
    if version != meeting.agenda_version:
        raise ServiceError((None, STALE))
    items = {i.id: i for i in meeting.items}
    if item_id not in items or direction not in {"up", "down"}:
        raise ServiceError((None, "That item is no longer on this agenda."))
    order = move([i.id for i in meeting.items], item_id, direction)
    for position, ident in enumerate(order):
        items[ident].position = position
    meeting.items.sort(key=lambda i: i.position)
    _bump(meeting)
    if meeting.published:
        meeting_rules.log_change(meeting, items[item_id], f"{items[item_id].title}: moved {direction}")
    db.session.flush()


def agenda_text(meeting: Meeting) -> str:
    lines = []
    for n, item in enumerate(meeting.items, 1):
        lead = f" - led by {item.lead}" if item.lead else ""
        lines.append(f"{n}. {item.title} ({item.allotted_minutes} min){lead}")
        if item.notes:
            lines.append(f"   {item.notes}")
    lines.append(timing([i.allotted_minutes for i in meeting.items], meeting.length_minutes).summary)
    return "\n".join(lines)


def member_emails(forum: Forum) -> list[str]:
    return list(
        db.session.scalars(
            select(User.email)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.forum_id == forum.id, User.active.is_(True))
            .order_by(User.email)
        )
    )


def unsent_changes(meeting: Meeting) -> list:
    return [c for c in meeting.changes if meeting.sent_at is None or c.at > meeting.sent_at]


def publish(meeting: Meeting, forum: Forum, *, actor) -> int:
    """E-mail the agenda and an .ics to every member (or the changes, once published); the number sent."""
    must_edit(actor, forum)
    if meeting.cancelled:
        raise ServiceError((None, "This meeting is cancelled: its agenda cannot be published."))
    if meeting.starts_at <= meeting_rules.local_now():
        raise ServiceError(
            (
                None,
                f"This meeting was on {meeting.starts_at.strftime('%-d %B %Y at %H:%M')}, which "
                "is in the past: an agenda can only be published before the meeting. Change "
                "the date if it has moved, or record the minutes.",
            )
        )
    update = meeting.published
    changes = unsent_changes(meeting) if update else []
    if update:
        meeting.sequence += 1
    else:
        meeting.published_at = meeting_rules.local_now()
    meeting.sent_at = meeting_rules.local_now()
    link = url_for("forums.show_meeting", forum_id=forum.id, meeting_id=meeting.id, _external=True)
    where = [p for p in (meeting.place, meeting.online_link) if p]
    when = f"{meeting.starts_at.strftime('%A %-d %B %Y, %H:%M')} to {meeting.ends_at.strftime('%H:%M')}"
    ics = to_ics(
        [
            CalendarItem(
                uid=f"forum-meeting-{meeting.id}@westpartnership.example",
                title=meeting.title,
                start=meeting.starts_at,
                end=meeting.ends_at,
                location=", ".join(where),
                description=agenda_text(meeting),
                url=link,
                sequence=meeting.sequence,
            )
        ],
        method="REQUEST",
        organizer=current_app.config["MAIL_SENDER"],
    )
    recipients = member_emails(forum)
    for address in recipients:
        send_template(
            address,
            "agenda",
            (Attachment("meeting.ics", ics, "text/calendar"),),
            update=update,
            meeting=meeting,
            forum=forum.name,
            day=meeting.starts_at.strftime("%-d %B %Y"),
            when=when,
            where=where,
            changes=[c.summary for c in changes],
            agenda=agenda_text(meeting),
            link=link,
            link_label="See the agenda and its resources",
            reason=f"you are a member of {forum.name}",
        )
    db.session.flush()
    return len(recipients)


def _calendar_item(meeting: Meeting, link: str, *, cancelled: bool = False) -> CalendarItem:
    return CalendarItem(
        uid=f"forum-meeting-{meeting.id}@westpartnership.example",
        title=meeting.title,
        start=meeting.starts_at,
        end=meeting.ends_at,
        location=", ".join(p for p in (meeting.place, meeting.online_link) if p),
        description=agenda_text(meeting),
        url=link,
        sequence=meeting.sequence,
        cancelled=cancelled,
    )


def cancel_meeting(meeting: Meeting, forum: Forum, *, actor) -> int:
    """Cancel a meeting still to come; if its agenda went out, e-mail members a cancellation with a cancelled
    .ics so calendars drop it. The meeting stays on record, marked cancelled. Returns the number e-mailed."""
    must_edit(actor, forum)
    if meeting.cancelled:
        raise ServiceError((None, "This meeting is already cancelled."))
    if meeting.starts_at <= meeting_rules.local_now():
        raise ServiceError((None, "This meeting has already taken place: record its minutes instead."))
    meeting.cancelled_at = meeting_rules.local_now()
    recipients = member_emails(forum) if meeting.published else []
    if recipients:
        meeting.sequence += 1
        link = url_for("forums.show_meeting", forum_id=forum.id, meeting_id=meeting.id, _external=True)
        ics = to_ics(
            [_calendar_item(meeting, link, cancelled=True)],
            method="CANCEL",
            organizer=current_app.config["MAIL_SENDER"],
        )
        for address in recipients:
            send_template(
                address,
                "meeting_cancelled",
                (Attachment("meeting.ics", ics, "text/calendar"),),
                title=meeting.title,
                forum=forum.name,
                day=long_date(meeting.starts_at),
                time=f"{meeting.starts_at:%H:%M}",
                link=link,
                link_label="See the forum's meetings",
                reason=f"you are a member of {forum.name}",
            )
    db.session.flush()
    return len(recipients)


def record_minutes(meeting: Meeting, forum: Forum, texts: dict[int, str], *, actor) -> None:
    """Save the minute of each item (missing items keep what they had); the first minutes tell the members."""
    must_edit(actor, forum)
    too_long = [
        (f"minute-{item.id}", f"Keep the minute of “{item.title}” to {MAX_MINUTE:,} characters or fewer.")
        for item in meeting.items
        if len((texts.get(item.id) or "").strip()) > MAX_MINUTE
    ]
    if too_long:
        raise ServiceError(*too_long)
    had_minutes = any(item.minutes_text for item in meeting.items)
    for item in meeting.items:
        if item.id in texts:
            item.minutes_text = (texts[item.id] or "").strip()
    db.session.flush()
    if not had_minutes and any(item.minutes_text for item in meeting.items):
        notify(
            _members(forum),
            "minutes_published",
            f"Minutes of {meeting.title} ({forum.name})",
            "",
            _meeting_path(forum, meeting),
            space=_space(forum),
            actor=actor,
        )


def _members(forum: Forum) -> list[User]:
    return list(
        db.session.scalars(
            select(User).join(Membership, Membership.user_id == User.id).where(Membership.forum_id == forum.id)
        )
    )


def _space(forum: Forum) -> tuple[str, int, str]:
    return ("forum", forum.id, f"Forum: {forum.name}")


def _meeting_path(forum: Forum, meeting: Meeting) -> str:
    return portal_path("forums.show_meeting", forum_id=forum.id, meeting_id=meeting.id)


def add_action(meeting: Meeting, forum: Forum, *, actor, what: str, who: str = "", due: date | None = None) -> Action:
    """Record an action; it joins any later draft agenda of the forum straight away."""
    must_edit(actor, forum)
    what = " ".join((what or "").split())
    if not what:
        raise ServiceError(("what", "Enter what is to be done."))
    action = Action(meeting_id=meeting.id, what=what[:300], who=(who or "").strip()[:120], due=due, done=False)
    db.session.add(action)
    db.session.flush()
    if action.who:  # "who" is free text: a member whose name it is hears of it
        named = db.session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.forum_id == forum.id, func.lower(User.name) == action.who.lower())
        ).all()
        due_on = f" by {due:%-d %B %Y}" if due else ""
        notify(
            named,
            "action_assigned",
            f"An action for you from {meeting.title}: {action.what}{due_on}",
            "",
            _meeting_path(forum, meeting),
            space=_space(forum),
            actor=actor,
        )
    _carry_to_later(meeting)
    return action


def _carry_to_later(meeting: Meeting) -> None:
    """Open actions join the next meeting's agenda (logged as a change if it is out) and later drafts."""
    upcoming = meeting_rules.next_meeting(meeting)
    later = meeting_rules.next_draft_meetings(meeting)
    for target in ([upcoming] if upcoming and upcoming not in later else []) + later:
        meeting_rules.carry_forward(target)


def set_action_done(action: Action, forum: Forum, done: bool, *, actor) -> None:
    """A done action leaves the draft agendas still to come; reopened, it is carried forward again."""
    must_edit(actor, forum)
    action.done = done
    db.session.flush()
    if done:
        meeting_rules.withdraw_from_drafts(action)
    else:
        _carry_to_later(db.session.get(Meeting, action.meeting_id))
