"""Agenda items edited in place: each action is a real form; htmx swaps only the agenda (#agenda)."""

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user, login_required

from portal.core.confirm import confirm_page, confirmed
from portal.core.forms import attempt, run_action, run_form
from portal.core.paging import paginate
from portal.core.rendering import render, wants_fragment
from portal.forums import agenda, bp, queries
from portal.forums.access import require
from portal.forums.forms import ItemForm, MoveForm
from portal.forums.loading import load_forum, load_meeting, meeting_url, render_meeting


def _load(forum_id, meeting_id, item_id=None):
    forum = load_forum(forum_id)
    mine = require(current_user, forum, edit=True)
    meeting = load_meeting(forum, meeting_id)
    item = None
    if item_id is not None:
        item = next((i for i in meeting.items if i.id == item_id), None)
        if item is None:
            abort(404)
    return forum, mine, meeting, item


def _done(forum, meeting, mine, message: str, anchor: str = "agenda"):
    """htmx: the fresh agenda with the message read out; otherwise redirect to the meeting page."""
    if wants_fragment("agenda"):
        focus = anchor if anchor != "agenda" else None
        return render_meeting(forum, load_meeting(forum, meeting.id), mine, done=message, focus=focus)
    flash(message, "success")
    return redirect(meeting_url(forum, meeting, anchor))


def _fields(form) -> dict:
    return {
        "title": form.title.data,
        "lead": form.lead.data,
        "allotted_minutes": form.allotted_minutes.data,
        "notes": form.notes.data,
        "resource_ids": form.resources.data or [],
    }


@bp.post("/<int:forum_id>/meetings/<int:meeting_id>/items")
@login_required
def add_item(forum_id, meeting_id):
    forum, mine, meeting, _ = _load(forum_id, meeting_id)
    form = ItemForm()
    form.resources.choices = []
    done = run_form(form, lambda: agenda.add_item(meeting, forum, actor=current_user, **_fields(form)))
    if done:
        return _done(forum, meeting, mine, f"Added: {done.value.title}.", f"item-{done.value.id}")
    return render_meeting(forum, load_meeting(forum, meeting_id), mine, status=422, add_form=form)


@bp.route("/<int:forum_id>/meetings/<int:meeting_id>/items/<int:item_id>/edit", methods=["GET", "POST"])
@login_required
def edit_item(forum_id, meeting_id, item_id):
    forum, mine, meeting, item = _load(forum_id, meeting_id, item_id)
    if request.method == "GET":
        form = ItemForm(obj=item, formdata=None, prefix="edit")
        form.resources.data = [r.id for r in item.resources]
        return render_meeting(forum, meeting, mine, edit_form=form, editing=item.id)
    form = ItemForm(prefix="edit")
    form.resources.choices = []
    if run_form(form, lambda: agenda.update_item(item, meeting, forum, actor=current_user, **_fields(form))):
        return _done(forum, meeting, mine, f"Saved: {item.title}.", f"item-{item.id}")
    return render_meeting(forum, load_meeting(forum, meeting_id), mine, status=422, edit_form=form, editing=item_id)


@bp.post("/<int:forum_id>/meetings/<int:meeting_id>/items/<int:item_id>/delete")
@login_required
def remove_item(forum_id, meeting_id, item_id):
    forum, mine, meeting, item = _load(forum_id, meeting_id, item_id)
    title = item.title
    if not confirmed():
        return confirm_page(
            f"Remove “{title}” from the agenda of {meeting.title}?",
            details=["The agenda's change list shows the removal to members."] if meeting.published else (),
            action_label="Remove the item",
            back_url=meeting_url(forum, meeting, f"item-{item.id}"),
        )
    done = attempt(lambda: agenda.remove_item(item, meeting, forum, actor=current_user))
    if not done:
        return render_meeting(forum, load_meeting(forum, meeting_id), mine, status=422, problem=done.error)
    return _done(forum, meeting, mine, f"Removed: {title}.")


@bp.post("/<int:forum_id>/meetings/<int:meeting_id>/items/<int:item_id>/move")
@login_required
def move_item(forum_id, meeting_id, item_id):
    forum, mine, meeting, item = _load(forum_id, meeting_id, item_id)
    form = MoveForm()
    version = int(form.version.data) if (form.version.data or "").isdigit() else None
    direction = request.form.get("direction", "")
    done = attempt(lambda: agenda.move_item(meeting, forum, item.id, direction, version=version, actor=current_user))
    if not done:
        return render_meeting(forum, load_meeting(forum, meeting_id), mine, status=422, problem=done.error)
    return _done(forum, meeting, mine, f"Moved {direction}: {item.title}.", f"item-{item.id}")


@bp.get("/<int:forum_id>/meetings/<int:meeting_id>/items/<int:item_id>/resources")
@login_required
def item_resources(forum_id, meeting_id, item_id):
    """The item's linked resources and a search of the library, a page at a time (the meeting page lists
    none of the library, so its size does not grow with it)."""
    forum, mine, meeting, item = _load(forum_id, meeting_id, item_id)
    q = request.args.get("q", "").strip()[:100]
    page = paginate(queries.linkable_resources(forum, q))
    return render(
        "forums/item_resources.html",
        fragment="forums/_item_resource_results.html",
        target="item-resource-results",
        forum=forum,
        meeting=meeting,
        item=item,
        page=page,
        q=q,
        linked={r.id for r in item.resources},
    )


@bp.post("/<int:forum_id>/meetings/<int:meeting_id>/items/<int:item_id>/resources/<int:resource_id>")
@login_required
def link_resource(forum_id, meeting_id, item_id, resource_id):
    forum, _, meeting, item = _load(forum_id, meeting_id, item_id)
    link = request.form.get("link") == "1"
    run_action(
        lambda: agenda.link_resource(item, meeting, forum, resource_id, link, actor=current_user),
        done=lambda resource: f"{'Linked' if link else 'Unlinked'}: {resource.title}.",
    )
    return redirect(
        url_for(
            "forums.item_resources",
            forum_id=forum.id,
            meeting_id=meeting.id,
            item_id=item.id,
            q=request.form.get("q", "")[:100] or None,
        )
    )
