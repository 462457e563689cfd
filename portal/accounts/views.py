"""Signing in and out, invitations, password resets and the profile page."""

from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from portal.accounts import services
from portal.accounts.forms import ForgotPasswordForm, ProfileForm, SetPasswordForm, SignInForm
from portal.core.forms import ActionForm, ServiceError, apply_errors, form_status, run_form
from portal.core.rendering import render
from portal.extensions import db
from portal.organisations.lookup import resolve_establishment

bp = Blueprint("accounts", __name__)


def _safe_next(target: str | None) -> str:
    # Only same-site paths: an open redirect would make our sign-in page a phishing tool.
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("main.home")


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = SignInForm()
    status = 200
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data, request.remote_addr or "")
        except ServiceError as error:
            db.session.commit()  # keep the recorded failure
            apply_errors(form, error)
            status = 429 if "Too many" in str(error) else 422
        else:
            db.session.commit()
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
    elif form.is_submitted():
        status = 422
    return render("accounts/sign_in.html", form=form, status=status,
                  demo_password=current_app.config["DEMO_PASSWORD"] if current_app.config["DEMO_MODE"] else None)


@bp.post("/sign-out")
def sign_out():
    ActionForm().validate_on_submit() or abort(400)
    logout_user()
    flash("You have signed out.", "success")
    return redirect(url_for("accounts.sign_in"))


def _set_password_page(purpose: str, token: str, title: str):
    user = services.user_from_token(token, purpose)
    if user is None:
        return render("accounts/link_expired.html", purpose=purpose, status=410)
    form = SetPasswordForm()
    if run_form(form, lambda: services.set_password(user, form.password.data),
                flash_message="Your password is set. You are signed in."):
        login_user(user)
        return redirect(url_for("main.home"))
    return render("accounts/set_password.html", form=form, user=user, title=title, status=form_status(form))


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token):
    return _set_password_page("invite", token, "Accept your invitation")


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token):
    return _set_password_page("reset", token, "Choose a new password")


@bp.route("/password/forgot", methods=["GET", "POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        db.session.commit()  # the queued message, if the address has an account
        return render("accounts/reset_sent.html", email=form.email.data)
    return render("accounts/forgot_password.html", form=form, status=form_status(form))


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    user = current_user._get_current_object()
    form = ProfileForm(data={"name": user.name, "job_title": user.job_title, "promoted": user.promoted,
                             "establishment": user.establishment.name if user.establishment else ""})

    def save():
        establishment = resolve_establishment(form.establishment.data, field="establishment")
        services.update_profile(user, name=form.name.data, job_title=form.job_title.data or "",
                                establishment=establishment, promoted=form.promoted.data)

    if run_form(form, save, flash_message="Your details are saved."):
        return redirect(url_for("accounts.profile"))
    return render("accounts/profile.html", form=form, status=form_status(form))
