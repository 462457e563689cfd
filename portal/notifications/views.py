"""Notifications: the list, the bell's count, mark as read, e-mail preferences and one-click unsubscribe."""

from flask import abort, redirect, url_for
from flask_login import current_user, login_required

from portal.core.access import get_or_404
from portal.core.forms import ActionForm, attempt, form_status, run_action, run_form
from portal.core.paging import page_number
from portal.core.rendering import render
from portal.extensions import db
from portal.notifications import bp, queries, services
from portal.notifications.forms import preferences_form
from portal.notifications.kinds import KINDS, label
from portal.notifications.models import Notification


@bp.get("")
@login_required
def list_notifications():
    page = queries.page_for(current_user, page_number())
    return render(
        "notifications/list.html",
        page=page,
        fragment="notifications/_list.html",
        target="notification-list",
        label=label,
    )


@bp.get("/bell")
@login_required
def bell():
    """The header's count, loaded lazily by htmx (without JavaScript the header shows a plain link)."""
    return render("notifications/_bell.html", count=services.unread_count(current_user))


@bp.get("/<int:notification_id>")
@login_required
def open_notification(notification_id):
    note = get_or_404(Notification, notification_id)
    if note.user_id != current_user.id:
        abort(404)
    services.mark_read(current_user, [note.id])
    db.session.commit()
    return redirect(note.url or url_for("notifications.list_notifications"))


@bp.post("/read")
@login_required
def mark_all_read():
    run_action(lambda: services.mark_read(current_user), done=lambda n: f"{n} marked as read.")
    return redirect(url_for("notifications.list_notifications"))


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def edit_preferences():
    form = preferences_form(services.preferences(current_user))
    if run_form(
        form,
        lambda: services.set_preferences(current_user, {k: getattr(form, k).data for k in KINDS}),
        flash_message="Your e-mail settings are saved.",
    ):
        return redirect(url_for("notifications.edit_preferences"))
    return render("notifications/preferences.html", form=form, kinds=KINDS, status=form_status(form))


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
def unsubscribe(token):
    """No sign-in: the signed token names the person and the kind. GET asks, POST (one button) switches off."""
    found = services.read_unsubscribe(token)
    form = ActionForm()
    if found is None:
        return render("notifications/unsubscribe.html", found=None, form=form, status=404)
    if form.validate_on_submit():
        attempt(lambda: services.unsubscribe(token)) or abort(404)  # read_unsubscribe above already checked it
        return render("notifications/unsubscribe.html", found=found, done=True, form=form, label=label)
    return render("notifications/unsubscribe.html", found=found, done=False, form=form, label=label)
