"""A forum's resource library (search and filter, files and links) and its development needs."""

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required
from wtforms import SelectChoice

from portal.core.access import get_or_404, roles_required
from portal.core.forms import form_status, run_action, run_form
from portal.core.paging import paginate
from portal.core.rendering import render
from portal.core.roles import Role
from portal.core.uploads import describe_allowed, send_stored
from portal.extensions import db
from portal.forums import bp, library, queries
from portal.forums.access import require
from portal.forums.forms import NeedForm, ResourceForm, ResponseForm, TriageForm
from portal.forums.loading import load_forum
from portal.forums.models import NEED_STATUSES, Need, Resource


def _resource(forum, resource_id) -> Resource:
    resource = db.session.get(Resource, resource_id)
    if resource is None or resource.forum_id != forum.id:
        abort(404)
    return resource


@bp.get("/<int:forum_id>/resources")
@login_required
def list_resources(forum_id):
    forum = load_forum(forum_id)
    mine = require(current_user, forum)
    filters = queries.ResourceFilter.from_args(request.args)
    page = paginate(queries.resources_query(forum, filters), rows=True)
    return render(
        "forums/resources.html",
        fragment="forums/_resource_results.html",
        target="resource-results",
        forum=forum,
        mine=mine,
        filters=filters,
        page=page,
    )


@bp.route("/<int:forum_id>/resources/new", methods=["GET", "POST"])
@login_required
def add_resource(forum_id):
    forum = load_forum(forum_id)
    require(current_user, forum)  # members contribute; coordinators triage
    form = ResourceForm()
    if run_form(
        form,
        lambda: library.add_resource(
            forum,
            actor=current_user,
            title=form.title.data,
            description=form.description.data,
            tags=form.tags.data,
            url=form.url.data,
            upload=form.file.data,
        ),
        flash_message=lambda resource: f"Added to the library: {resource.title}.",
    ):
        return redirect(url_for("forums.list_resources", forum_id=forum.id))
    return render(
        "forums/resource_form.html", form=form, forum=forum, allowed=describe_allowed(), status=form_status(form)
    )


@bp.get("/<int:forum_id>/resources/<int:resource_id>/file")
@login_required
def download_resource(forum_id, resource_id):
    forum = load_forum(forum_id)
    require(current_user, forum)
    resource = _resource(forum, resource_id)
    if not resource.file_key:
        abort(404)
    return send_stored(resource.file_key, resource.filename)


@bp.post("/<int:forum_id>/resources/<int:resource_id>/delete")
@login_required
def remove_resource(forum_id, resource_id):
    forum = load_forum(forum_id)
    require(current_user, forum, edit=True)
    resource = _resource(forum, resource_id)
    run_action(
        lambda: library.remove_resource(resource, forum, actor=current_user),
        done=f"Removed from the library: {resource.title}.",
    )
    return redirect(url_for("forums.list_resources", forum_id=forum.id))


@bp.route("/<int:forum_id>/needs/new", methods=["GET", "POST"])
@login_required
def record_need(forum_id):
    forum = load_forum(forum_id)
    mine = require(current_user, forum)  # members contribute; coordinators triage
    form = NeedForm()
    if run_form(
        form,
        lambda: library.record_need(
            forum, actor=current_user, title=form.title.data, detail=form.detail.data, raised_by=form.raised_by.data
        ),
        flash_message="The need is recorded; the partnership team will respond to it.",
    ):
        return redirect(url_for("forums.show_forum", forum_id=forum.id, _anchor="needs"))
    return render("forums/need_form.html", form=form, forum=forum, can_edit=mine.can_edit, status=form_status(form))


@bp.route("/<int:forum_id>/needs/<int:need_id>/triage", methods=["GET", "POST"])
@login_required
def triage_need(forum_id, need_id):
    forum = load_forum(forum_id)
    require(current_user, forum, edit=True)  # coordinators, the forum's officer, the lead officer
    need = db.session.get(Need, need_id)
    if need is None or need.forum_id != forum.id:
        abort(404)
    form = TriageForm()
    others = library.open_needs(forum, but=need)
    form.merge_into.choices = [SelectChoice(0, "Choose a need")] + [SelectChoice(n.id, n.title) for n in others]
    if need.status == "raised" and run_form(
        form,
        lambda: library.triage_need(
            need,
            forum,
            actor=current_user,
            decision=form.decision.data or "",
            note=form.note.data or "",
            merge_into=form.merge_into.data or None,
        ),
        flash_message=lambda n: f"{n.title}: {n.status_label.lower()}. The member who raised it has been told.",
    ):
        return redirect(url_for("forums.show_forum", forum_id=forum.id, _anchor="needs"), code=303)
    return render("forums/need_triage.html", form=form, forum=forum, need=need, status=form_status(form))


@bp.get("/needs")
@roles_required(Role.ADMIN)
def list_needs():
    status = request.args.get("status", "")
    status = status if status in NEED_STATUSES else ""
    page = paginate(queries.all_needs(status))
    return render(
        "forums/needs.html",
        fragment="forums/_need_results.html",
        target="need-results",
        page=page,
        chosen=status,
        statuses=NEED_STATUSES,
    )


@bp.route("/needs/<int:need_id>", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def respond_need(need_id):
    need = get_or_404(Need, need_id)
    form = ResponseForm(obj=need, data={"offer_event": need.offer_event_id or 0})
    events = library.upcoming_events()
    if need.offer_event and need.offer_event not in events:
        events.insert(0, need.offer_event)
    form.offer_event.choices = [
        SelectChoice(0, "No event"),
        *(SelectChoice(e.id, f"{e.title}, {e.starts_at.strftime('%-d %B %Y')}") for e in events),
    ]
    if run_form(
        form,
        lambda: library.respond_to_need(
            need,
            actor=current_user,
            status=form.status.data,
            offer=form.offer.data,
            offer_url=form.offer_url.data,
            offer_event_id=form.offer_event.data or None,
        ),
        flash_message=lambda _: f"Response saved: {need.title} is now '{need.status_label}'.",
    ):
        return redirect(url_for("forums.list_needs"))
    return render("forums/need_response.html", form=form, need=need, status=form_status(form))
