"""Signing in and out, invitations, password resets and the profile page."""

from urllib.parse import urlsplit

from flask import abort, current_app, flash, redirect, request, url_for
from flask_login import current_user, login_required, logout_user

from portal.accounts import bp, services, sessions, throttle, twofactor
from portal.accounts.forms import (
    ChangePasswordForm,
    CodeForm,
    ForgotPasswordForm,
    ProfileForm,
    SetPasswordForm,
    SignInForm,
)
from portal.core.forms import ActionForm, ServiceError, apply_errors, form_status, run_form
from portal.core.rendering import render
from portal.core.security import taking_at_least
from portal.extensions import db
from portal.organisations.lookup import resolve_establishment


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
    status, retry_after = 200, None
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data, request.remote_addr or "")
        except throttle.Throttled as error:
            apply_errors(form, error)
            status, retry_after = 429, error.seconds
        except ServiceError as error:
            db.session.commit()  # keep the recorded failure
            apply_errors(form, error)
            status = 422
        else:
            db.session.commit()
            if twofactor.needed_at_sign_in(user):
                sessions.begin_pending(user, request.args.get("next"))
                return redirect(url_for("accounts.sign_in_code"))
            sessions.start(user)
            return redirect(_safe_next(request.args.get("next")))
    elif form.is_submitted():
        status = 422
    response = render(
        "accounts/sign_in.html",
        form=form,
        status=status,
        demo_password=current_app.config["DEMO_PASSWORD"] if current_app.config["DEMO_MODE"] else None,
    )
    if retry_after:
        response.headers["Retry-After"] = str(retry_after)
    return response


@bp.post("/sign-out")
def sign_out():
    ActionForm().validate_on_submit() or abort(400)
    if current_user.is_authenticated:
        sessions.end_all(current_user)  # a copy of this cookie must not outlive the sign-out
        db.session.commit()
    logout_user()
    flash("You have signed out.", "success")
    return redirect(url_for("accounts.sign_in"))


def _set_password_page(purpose: str, token: str, title: str):
    user = services.user_from_token(token, purpose)
    if user is None:
        return render("accounts/link_expired.html", purpose=purpose, status=410)
    form = SetPasswordForm()
    if run_form(form, lambda: services.set_password(user, form.password.data), flash_message="Your password is set."):
        if twofactor.needed_at_sign_in(user):
            sessions.begin_pending(user, None)
            return redirect(url_for("accounts.sign_in_code"))
        sessions.start(user)
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
        with taking_at_least(current_app.config["RESET_ANSWER_SECONDS"]):  # known or not: the same time
            services.request_password_reset(form.email.data)
            db.session.commit()  # the queued message, if the address has an account
        return render("accounts/reset_sent.html", email=form.email.data)
    return render("accounts/forgot_password.html", form=form, status=form_status(form))


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    user = current_user._get_current_object()
    form = ProfileForm(
        data={
            "name": user.name,
            "job_title": user.job_title,
            "promoted": user.promoted,
            "establishment": user.establishment.name if user.establishment else "",
        }
    )

    def save():
        establishment = resolve_establishment(form.establishment.data, field="establishment")
        services.update_profile(
            user,
            name=form.name.data,
            job_title=form.job_title.data or "",
            establishment=establishment,
            promoted=form.promoted.data,
        )

    if run_form(form, save, flash_message="Your details are saved."):
        return redirect(url_for("accounts.profile"))
    return render("accounts/profile.html", form=form, status=form_status(form))


@bp.route("/sign-in/code", methods=["GET", "POST"])
def sign_in_code():
    """The second step of signing in: a code from the authenticator (or a recovery code); enrolment first for
    someone whose role requires two-factor sign-in and who has not set it up."""
    user = sessions.pending_user()
    if user is None:
        flash("Sign in again: that took too long or the account changed.", "info")
        return redirect(url_for("accounts.sign_in"))
    enrolling = not user.two_factor_enabled
    if enrolling and not user.totp_secret:
        twofactor.begin_enrolment(user)
        db.session.commit()
    form = CodeForm()
    if form.validate_on_submit():
        try:
            codes = _check_code(user, form.code.data, enrolling)
        except ServiceError as error:
            apply_errors(form, error)
        else:
            db.session.commit()
            target = _safe_next(sessions.finish_pending(user))
            if codes:
                return render("accounts/recovery_codes.html", codes=codes, next_url=target)
            return redirect(target)
    return render(
        "accounts/sign_in_code.html",
        form=form,
        enrolling=enrolling,
        user=user,
        qr=twofactor.qr_svg(twofactor.provisioning_uri(user)) if enrolling else None,
        status=429 if _throttled(form) else form_status(form),
    )


def _throttled(form) -> bool:
    return any("Too many" in message for message in form.form_errors)


def _check_code(user, code: str, enrolling: bool) -> list[str] | None:
    """Check a sign-in code under the sign-in throttle; a wrong one is counted (and committed) before refusal."""
    key, address = f"2fa:{user.id}", request.remote_addr or ""
    throttle.check(key, address)
    if enrolling:
        try:
            return twofactor.confirm_enrolment(user, code)
        except ServiceError:
            throttle.record_failure(key, address)
            db.session.commit()
            raise
    if not twofactor.verify(user, code):
        throttle.record_failure(key, address)
        db.session.commit()
        raise ServiceError(("code", "That code is not right. Enter the 6 digits your app shows now."))
    throttle.clear(key, address)
    return None


@bp.post("/profile/sign-out-everywhere")
@login_required
def sign_out_everywhere():
    ActionForm().validate_on_submit() or abort(400)
    user = current_user._get_current_object()
    sessions.end_all(user)
    db.session.commit()
    sessions.start(user)  # this browser carries on in the new generation
    flash("Every other session of yours has ended.", "success")
    return redirect(url_for("accounts.profile"))


@bp.route("/profile/two-factor", methods=["GET", "POST"])
@login_required
def two_factor():
    user = current_user._get_current_object()
    if not user.two_factor_enabled and not user.totp_secret:
        twofactor.begin_enrolment(user)
        db.session.commit()
    form = CodeForm()
    done = not user.two_factor_enabled and run_form(form, lambda: twofactor.confirm_enrolment(user, form.code.data))
    if done:
        return render("accounts/recovery_codes.html", codes=done.value, next_url=url_for("accounts.profile"))
    return render(
        "accounts/two_factor.html",
        form=form,
        user=user,
        required=twofactor.required_for(user),
        codes_left=twofactor.recovery_codes_left(user) if user.two_factor_enabled else 0,
        qr=None if user.two_factor_enabled else twofactor.qr_svg(twofactor.provisioning_uri(user)),
        status=form_status(form),
    )


@bp.post("/profile/two-factor/off")
@login_required
def turn_off_two_factor():
    user = current_user._get_current_object()
    form = CodeForm()
    if run_form(form, lambda: twofactor.turn_off(user, form.code.data), flash_message="Two-factor sign-in is off."):
        return redirect(url_for("accounts.profile"))
    return render(
        "accounts/two_factor.html",
        form=form,
        user=user,
        required=twofactor.required_for(user),
        codes_left=twofactor.recovery_codes_left(user),
        qr=None,
        status=form_status(form),
    )


@bp.route("/profile/password", methods=["GET", "POST"])
@login_required
def change_password():
    user = current_user._get_current_object()
    form = ChangePasswordForm()
    if run_form(
        form,
        lambda: services.change_password(user, form.current.data, form.password.data),
        flash_message="Your password is changed; every other session of yours has ended.",
    ):
        sessions.start(user)  # this browser carries on in the new generation
        return redirect(url_for("accounts.profile"))
    return render("accounts/change_password.html", form=form, status=form_status(form))
