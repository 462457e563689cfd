"""The privacy notice, "download my data", asking for erasure, and the admin's confirmation of erasures."""

from flask import abort, make_response, redirect, url_for
from flask_login import current_user, login_required

from portal.accounts.models import User
from portal.audit.services import record as audit
from portal.core import personal_data
from portal.core.access import get_or_404, roles_required
from portal.core.dates import utcnow
from portal.core.forms import ActionForm, run_action
from portal.core.rendering import render
from portal.core.roles import Role
from portal.core.uploads import content_disposition
from portal.extensions import db
from portal.privacy import bp, services


@bp.get("/privacy")
def notice():
    return render("privacy/notice.html", retention=services.retention_schedule())


@bp.get("/profile/data")
@login_required
def my_data():
    return render("privacy/my_data.html", form=ActionForm())


@bp.post("/profile/data/download")
@login_required
def download_my_data():
    ActionForm().validate_on_submit() or abort(400)
    user = current_user._get_current_object()
    body = personal_data.export_zip(user)
    audit(user, "data.exported", user)
    db.session.commit()
    response = make_response(body)
    response.mimetype = "application/zip"
    response.headers["Content-Disposition"] = content_disposition(f"my-portal-data-{utcnow():%Y-%m-%d}.zip")
    return response


@bp.route("/profile/erasure", methods=["GET", "POST"])
@login_required
def request_erasure():
    """A confirm page (works without JavaScript); the POST asks the lead officer to erase the account."""
    form = ActionForm()
    if form.validate_on_submit():
        run_action(
            lambda: services.request_erasure(current_user._get_current_object()),
            done="Your request is with the partnership lead officer, who will confirm it.",
        )
        return redirect(url_for("privacy.my_data"))
    return render("privacy/request_erasure.html", form=form)


@bp.post("/profile/erasure/withdraw")
@login_required
def withdraw_erasure():
    ActionForm().validate_on_submit() or abort(400)
    run_action(
        lambda: services.withdraw_request(current_user._get_current_object()), done="Your erasure request is withdrawn."
    )
    return redirect(url_for("privacy.my_data"))


@bp.get("/privacy/erasures")
@roles_required(Role.ADMIN)
def list_erasures():
    return render("privacy/erasures.html", people=services.pending_requests())


@bp.route("/privacy/erasures/<int:person_id>", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def confirm_erasure(person_id):
    person = get_or_404(User, person_id)
    if person.erasure_requested_at is None or person.erased_at is not None:
        abort(404)
    form = ActionForm()
    if form.validate_on_submit():
        run_action(lambda: services.erase(person, actor=current_user), done="The account is erased.")
        return redirect(url_for("privacy.list_erasures"))
    return render("privacy/confirm_erasure.html", person=person, form=form)
