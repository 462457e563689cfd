"""Meetings: create one in a single step, read agendas and minutes, publish, record minutes and actions."""

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user, login_required
from wtforms import SelectChoice

from portal.core.confirm import confirm_page, confirmed
from portal.core.dates import long_date
from portal.core.forms import attempt, form_status, run_action, run_form
from portal.core.rendering import render
from portal.extensions import db
from portal.forums import agenda, attendance, bp, queries
from portal.forums.access import require
from portal.forums.forms import ActionRecordForm, AttendanceForm, MeetingForm
from portal.forums.loading import load_forum, load_meeting, meeting_url, render_meeting
from portal.forums.meetings import create_meeting, local_now, open_actions, update_meeting
from portal.forums.models import Action


@bp.get("/<int:forum_id>/meetings")
@login_required
def list_meetings(forum_id):
    forum = load_forum(forum_id)
    mine = require(current_user, forum)
    page = queries.meetings_page(forum)
    return render("forums/meetings.html", forum=forum, mine=mine, page=page, now=local_now())


@bp.route("/<int:forum_id>/meetings/new", methods=["GET", "POST"])
@login_required
def new_meeting(forum_id):
    forum = load_forum(forum_id)
    require(current_user, forum, edit=True)
    form = MeetingForm(data={"title": f"{forum.name} meeting", "formal": True})
    done = run_form(
        form,
        lambda: create_meeting(forum, actor=current_user, **_details(form)),
        flash_message="The meeting is in the diary and its draft agenda is ready: check it, then publish it.",
    )
    if done:
        return redirect(meeting_url(forum, done.value, "agenda"))
    return render(
        "forums/meeting_form.html",
        form=form,
        forum=forum,
        meeting=None,
        carried=open_actions(forum.id),
        status=form_status(form),
    )


def _details(form) -> dict:
    return {
        "title": form.title.data,
        "day": form.day.data,
        "start": form.start.data,
        "end": form.end.data,
        "place": form.place.data,
        "online_link": form.online_link.data,
        "formal": form.formal.data,
        "record_past": form.record_past.data,
    }


@bp.route("/<int:forum_id>/meetings/<int:meeting_id>/edit", methods=["GET", "POST"])
@login_required
def edit_meeting(forum_id, meeting_id):
    forum = load_forum(forum_id)
    require(current_user, forum, edit=True)
    meeting = load_meeting(forum, meeting_id)
    form = MeetingForm(
        data={
            "title": meeting.title,
            "day": meeting.starts_at.date(),
            "start": meeting.starts_at.time(),
            "end": meeting.ends_at.time(),
            "place": meeting.place,
            "online_link": meeting.online_link,
            "formal": meeting.formal,
        }
    )
    if run_form(
        form,
        lambda: update_meeting(meeting, forum, actor=current_user, **_details(form)),
        flash_message="The meeting details are saved.",
    ):
        return redirect(meeting_url(forum, meeting))
    return render(
        "forums/meeting_form.html", form=form, forum=forum, meeting=meeting, carried=[], status=form_status(form)
    )


@bp.get("/<int:forum_id>/meetings/<int:meeting_id>")
@login_required
def show_meeting(forum_id, meeting_id):
    forum = load_forum(forum_id)
    mine = require(current_user, forum)
    return render_meeting(forum, load_meeting(forum, meeting_id), mine)


@bp.post("/<int:forum_id>/meetings/<int:meeting_id>/cancel")
@login_required
def cancel_meeting(forum_id, meeting_id):
    forum = load_forum(forum_id)
    mine = require(current_user, forum, edit=True)
    meeting = load_meeting(forum, meeting_id)
    if not confirmed() and not meeting.cancelled and meeting.starts_at > local_now():
        told = " Members were sent the agenda, so each is e-mailed a cancellation." if meeting.published else ""
        return confirm_page(
            f"Cancel {meeting.title} on {long_date(meeting.starts_at)}?{told}",
            action_label="Cancel the meeting",
            back_url=meeting_url(forum, meeting),
        )
    done = attempt(lambda: agenda.cancel_meeting(meeting, forum, actor=current_user))
    if not done:
        return render_meeting(forum, load_meeting(forum, meeting_id), mine, status=422, problem=done.error)
    sent = done.value
    flash(f"The meeting is cancelled.{f' {sent} members were e-mailed.' if sent else ''}", "success")
    return redirect(meeting_url(forum, meeting))


@bp.post("/<int:forum_id>/meetings/<int:meeting_id>/publish")
@login_required
def publish_meeting(forum_id, meeting_id):
    forum = load_forum(forum_id)
    mine = require(current_user, forum, edit=True)
    meeting = load_meeting(forum, meeting_id)
    if not confirmed() and not meeting.cancelled and meeting.starts_at > local_now():
        return confirm_page(
            f"E-mail the agenda of {meeting.title} to every member of {forum.name}, with a calendar file?",
            action_label="Publish the agenda",
            back_url=meeting_url(forum, meeting),
        )
    done = attempt(lambda: agenda.publish(meeting, forum, actor=current_user))
    if not done:
        return render_meeting(forum, load_meeting(forum, meeting_id), mine, status=422, problem=done.error)
    sent = done.value
    flash(
        f"The agenda is out: e-mailed to {sent} member{'s' if sent != 1 else ''} with a calendar file.",
        "success",
    )
    return redirect(meeting_url(forum, meeting))


@bp.route("/<int:forum_id>/meetings/<int:meeting_id>/minutes", methods=["GET", "POST"])
@login_required
def edit_minutes(forum_id, meeting_id):
    forum = load_forum(forum_id)
    mine = require(current_user, forum, edit=True)
    meeting = load_meeting(forum, meeting_id)
    form = ActionRecordForm(formdata=None)
    page = dict(
        forum=forum,
        meeting=meeting,
        mine=mine,
        form=form,
        max_minute=agenda.MAX_MINUTE,
        register=_register_form(forum, meeting),
        started=meeting.starts_at <= local_now(),
    )
    if request.method == "POST":
        texts = {i.id: request.form.get(f"minute-{i.id}", "") for i in meeting.items}
        done = attempt(lambda: agenda.record_minutes(meeting, forum, texts, actor=current_user))
        if not done:  # refused: the page again, with every minute as typed
            meeting = load_meeting(forum, meeting_id)
            typed = {f"minute-{item_id}": text for item_id, text in texts.items()}
            return render(
                "forums/minutes.html", **(page | {"meeting": meeting}), typed=typed, errors=dict(done.errors)
            ), 422
        flash("The minutes are saved. Members can read them on the meeting page.", "success")
        return redirect(url_for("forums.edit_minutes", forum_id=forum.id, meeting_id=meeting.id))
    return render("forums/minutes.html", **page, typed={}, errors={})


@bp.post("/<int:forum_id>/meetings/<int:meeting_id>/actions")
@login_required
def add_action(forum_id, meeting_id):
    forum = load_forum(forum_id)
    mine = require(current_user, forum, edit=True)
    meeting = load_meeting(forum, meeting_id)
    form = ActionRecordForm()
    if run_form(
        form,
        lambda: agenda.add_action(
            meeting, forum, actor=current_user, what=form.what.data, who=form.who.data, due=form.due.data
        ),
        flash_message="Action recorded. While it is open it is carried forward to the next meeting's agenda.",
    ):
        return redirect(url_for("forums.edit_minutes", forum_id=forum.id, meeting_id=meeting.id, _anchor="actions"))
    meeting = load_meeting(forum, meeting_id)
    return render(
        "forums/minutes.html",
        forum=forum,
        meeting=meeting,
        mine=mine,
        form=form,
        max_minute=agenda.MAX_MINUTE,
        register=_register_form(forum, meeting),
        started=meeting.starts_at <= local_now(),
        typed={},
        errors={},
        status=422,
    )


def _register_form(forum, meeting, formdata=False) -> AttendanceForm:
    form = (
        AttendanceForm()
        if formdata
        else AttendanceForm(formdata=None, data={"attended": attendance.attendees(meeting)})
    )
    form.attended.choices = [SelectChoice(uid, name) for uid, name in attendance.register_people(forum)]
    return form


@bp.post("/<int:forum_id>/meetings/<int:meeting_id>/attendance")
@login_required
def record_attendance(forum_id, meeting_id):
    forum = load_forum(forum_id)
    mine = require(current_user, forum, edit=True)
    meeting = load_meeting(forum, meeting_id)
    register = _register_form(forum, meeting, formdata=True)
    if run_form(
        register,
        lambda: attendance.record_attendance(meeting, forum, register.attended.data or [], actor=current_user),
        flash_message=lambda n: (
            f"The register is saved: {n} attended. Each can add the meeting to their learning record."
        ),
    ):
        return redirect(url_for("forums.edit_minutes", forum_id=forum.id, meeting_id=meeting.id, _anchor="register"))
    return render(
        "forums/minutes.html",
        forum=forum,
        meeting=meeting,
        mine=mine,
        form=ActionRecordForm(formdata=None),
        max_minute=agenda.MAX_MINUTE,
        register=register,
        started=meeting.starts_at <= local_now(),
        typed={},
        errors={},
        status=form_status(register),
    )


@bp.post("/<int:forum_id>/meetings/<int:meeting_id>/actions/<int:action_id>/done")
@login_required
def toggle_action(forum_id, meeting_id, action_id):
    forum = load_forum(forum_id)
    require(current_user, forum, edit=True)
    meeting = load_meeting(forum, meeting_id)
    action = db.session.get(Action, action_id)
    if action is None or action.meeting_id != meeting.id:
        abort(404)
    run_action(
        lambda: agenda.set_action_done(action, forum, request.form.get("done") == "1", actor=current_user),
        done=lambda _: f"Action marked {'done' if action.done else 'open'}.",
    )
    return redirect(url_for("forums.edit_minutes", forum_id=forum.id, meeting_id=meeting.id, _anchor="actions"))
