"""Forums: browse, read, join and leave; coordinators and the officer keep the focus, members and networks."""

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required

from portal.accounts.services import find_by_email
from portal.core.access import roles_required
from portal.core.forms import ServiceError, form_status, run_action, run_form
from portal.core.rendering import render
from portal.core.roles import Role
from portal.forums import bp, queries, services
from portal.forums.access import require, standing
from portal.forums.forms import FocusForm, ForumForm, NetworkForm
from portal.forums.loading import load_forum


@bp.get("")
@login_required
def list_forums():
    forums, counts, mine = queries.forum_list(current_user)
    top = [f for f in forums if not f.parent_id]
    networks = {}
    for f in forums:
        if f.parent_id:
            networks.setdefault(f.parent_id, []).append(f)
    return render(
        "forums/list.html",
        forums=top,
        networks=networks,
        counts=counts,
        mine=mine,
        coordinators=queries.coordinator_names([f.id for f in top]),
    )


@bp.route("/new", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def new_forum():
    form = ForumForm()

    def create():
        officer = None
        if form.officer.data:
            officer = find_by_email(form.officer.data)
            if officer is None:
                raise ServiceError(("officer", "Nobody has an account with that e-mail address."))
        return services.create_forum(
            actor=current_user,
            name=form.name.data,
            kind=form.kind.data,
            sector=form.sector.data or "",
            subject=form.subject.data or "",
            description=form.description.data or "",
            officer=officer,
        )

    done = run_form(
        form, create, flash_message=lambda forum: f"{forum.name} is set up. Members can now find and join it."
    )
    if done:
        return redirect(url_for("forums.show_forum", forum_id=done.value.id))
    return render("forums/forum_form.html", form=form, status=form_status(form))


@bp.get("/<int:forum_id>")
@login_required
def show_forum(forum_id):
    forum = load_forum(forum_id)
    mine = standing(current_user, forum)
    data = queries.forum_page(forum) if mine.can_view else None
    return render("forums/forum.html", forum=forum, mine=mine, data=data)


@bp.route("/<int:forum_id>/edit", methods=["GET", "POST"])
@login_required
def edit_forum(forum_id):
    forum = load_forum(forum_id)
    require(current_user, forum, edit=True)
    form = FocusForm(obj=forum)
    if run_form(
        form,
        lambda: services.update_forum(
            forum,
            actor=current_user,
            description=form.description.data or "",
            standing_items=form.standing_items.data or "",
        ),
        flash_message="The forum's focus and standing items are saved.",
    ):
        return redirect(url_for("forums.show_forum", forum_id=forum.id))
    return render("forums/focus_form.html", form=form, forum=forum, status=form_status(form))


@bp.post("/<int:forum_id>/join")
@login_required
def join_forum(forum_id):
    forum = load_forum(forum_id)
    run_action(
        lambda: services.join(forum, actor=current_user),
        done=f"You have joined {forum.name}. You will get its agendas by e-mail.",
    )
    return redirect(url_for("forums.show_forum", forum_id=forum.id))


@bp.post("/<int:forum_id>/leave")
@login_required
def leave_forum(forum_id):
    forum = load_forum(forum_id)
    run_action(lambda: services.leave(forum, actor=current_user), done=f"You have left {forum.name}.")
    return redirect(url_for("forums.show_forum", forum_id=forum.id))


@bp.get("/<int:forum_id>/members")
@login_required
def list_members(forum_id):
    forum = load_forum(forum_id)
    mine = require(current_user, forum, edit=True)
    q = request.args.get("q", "").strip()[:100]
    page = queries.members(forum, q)
    return render(
        "forums/members.html",
        fragment="forums/_member_results.html",
        target="member-results",
        forum=forum,
        mine=mine,
        page=page,
        q=q,
    )


@bp.post("/<int:forum_id>/members/<int:user_id>/coordinator")
@login_required
def set_coordinator(forum_id, user_id):
    forum = load_forum(forum_id)
    require(current_user, forum, edit=True)
    make = request.form.get("coordinator") == "1"

    def change():
        if make and request.form.get("hand_over") == "1":
            return services.hand_over(forum, user_id, actor=current_user)
        return services.set_coordinator(forum, user_id, make, actor=current_user)

    run_action(change, done="Coordinators updated.")
    return redirect(url_for("forums.list_members", forum_id=forum.id))


@bp.route("/<int:forum_id>/networks/new", methods=["GET", "POST"])
@login_required
def new_network(forum_id):
    forum = load_forum(forum_id)
    require(current_user, forum, edit=True)
    if forum.parent_id:
        abort(404)
    form = NetworkForm()
    done = run_form(
        form,
        lambda: services.create_network(
            forum, actor=current_user, name=form.name.data, description=form.description.data or ""
        ),
        flash_message=lambda network: f"{network.name} is set up, with you as its coordinator.",
    )
    if done:
        return redirect(url_for("forums.show_forum", forum_id=done.value.id))
    return render("forums/network_form.html", form=form, forum=forum, status=form_status(form))
