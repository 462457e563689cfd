"""Loaders and the meeting page renderer shared by the forums view modules (view modules never import each other)."""

from flask import abort, url_for
from wtforms import SelectChoice

from portal.core.access import get_or_404
from portal.core.rendering import render
from portal.forums import agenda, queries
from portal.forums.forms import ItemForm
from portal.forums.meetings import local_now
from portal.forums.models import Forum, Meeting
from portal.forums.rules import timing


def load_forum(forum_id: int) -> Forum:
    return get_or_404(Forum, forum_id)


def load_meeting(forum, meeting_id: int) -> Meeting:
    meeting = queries.load_meeting(forum, meeting_id)
    if meeting is None:
        abort(404)
    return meeting


def meeting_url(forum, meeting, anchor: str | None = None) -> str:
    return url_for("forums.show_meeting", forum_id=forum.id, meeting_id=meeting.id, _anchor=anchor)


def render_meeting(
    forum,
    meeting,
    mine,
    *,
    status=200,
    add_form=None,
    edit_form=None,
    editing=None,
    problem=None,
    done=None,
    focus=None,
):
    """The meeting page, or only its agenda when htmx asks for #agenda. An item's edit form offers only the
    resources already linked (to unlink); the library is searched on the item's own resources page, so the
    page stays the same size however large the library grows."""
    add_form = add_form or ItemForm(formdata=None)
    add_form.resources.choices = []
    if edit_form is not None:
        item = next((i for i in meeting.items if i.id == editing), None)
        edit_form.resources.choices = [SelectChoice(r.id, r.title) for r in (item.resources if item else [])]
    changes_by_item: dict[int, list] = {}
    for change in meeting.changes:
        changes_by_item.setdefault(change.item_id, []).append(change)
    return render(
        "forums/meeting.html",
        fragment="forums/_agenda.html",
        target="agenda",
        status=status,
        changes_by_item=changes_by_item,
        focus=focus,  # the id of the changed item: keyboard focus goes there after an in-place change
        forum=forum,
        meeting=meeting,
        mine=mine,
        add_form=add_form,
        edit_form=edit_form,
        editing=editing,
        problem=problem,
        done=done,
        now=local_now(),
        timing=timing([i.allotted_minutes for i in meeting.items], meeting.length_minutes),
        unsent=agenda.unsent_changes(meeting) if meeting.published else [],
    )
