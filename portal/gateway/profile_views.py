"""Gateway pages for a person: their Gateway home, their profiles, suggestions, another person's profile."""

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user, login_required

from portal.core.access import get_or_404
from portal.core.forms import ActionForm, form_status, run_action, run_form
from portal.core.rendering import render
from portal.enquiries.models import Team
from portal.extensions import db
from portal.gateway import bp, queries, services
from portal.gateway.access import (
    can_publish_for_establishment,
    can_see_contact,
    can_see_profile,
    can_use_gateway,
    can_view_uptake,
)
from portal.gateway.forms import ProfileForm, RequestForm
from portal.gateway.models import Profile
from portal.gateway.vocabulary import INTERESTS, KINDS, SECTORS, STAGES, STATUSES
from portal.organisations.models import LocalAuthority

STATUS_WORDS = {"active": "Publish", "paused": "Pause", "withdrawn": "Withdraw"}


@bp.get("/")
@login_required
def home():
    mine = services.own_profiles(current_user)
    incoming, outgoing = queries.requests_of(current_user)
    return render(
        "gateway/home.html",
        mine=mine,
        incoming=incoming,
        outgoing=outgoing,
        teams=services.gateway_teams_of(current_user),
        can_use=can_use_gateway(current_user),
        can_publish_establishment=can_publish_for_establishment(current_user),
        can_view_uptake=can_view_uptake(current_user),
    )


def _allowed(kind: str) -> None:
    if kind not in KINDS:
        abort(404)
    if not (can_publish_for_establishment(current_user) if kind == "establishment" else can_use_gateway(current_user)):
        abort(403)


def _saved(profile: Profile | None) -> dict | None:
    """The form's starting values (the profile stores interests and stages as comma-separated keys)."""
    if profile is None:
        return None
    keys = list(profile.interest_keys)
    return {
        "hunch": profile.hunch,
        "themes": keys,
        "areas": keys,
        "priorities": keys,
        "stages": list(profile.stage_keys),
        "mode": profile.mode,
        "frequency": profile.frequency,
        "available_from": profile.available_from,
        "available_until": profile.available_until,
        "open_to_contact": profile.open_to_contact,
    }


@bp.route("/profile/<kind>", methods=["GET", "POST"])
@login_required
def edit_profile(kind):
    _allowed(kind)
    profile = services.own_profile(current_user, kind)
    form = ProfileForm(data=_saved(profile))
    if run_form(
        form,
        lambda: services.save_profile(
            actor=current_user,
            kind=kind,
            hunch=form.hunch.data or "",
            interests=form.chosen_interests,
            stages=form.stages.data or [],
            mode=form.mode.data,
            frequency=form.frequency.data,
            available_from=form.available_from.data,
            available_until=form.available_until.data,
            open_to_contact=form.open_to_contact.data,
        ),
        flash_message="Your Gateway profile is published.",
    ):
        return redirect(url_for("gateway.suggestions", kind=kind) if kind == "person" else url_for("gateway.home"))
    return render("gateway/profile_form.html", form=form, kind=kind, profile=profile, status=form_status(form))


@bp.route("/profile/<kind>/status/<status>", methods=["GET", "POST"])
@login_required
def change_status(kind, status):
    """GET asks to confirm (pausing or withdrawing hides the profile); POST changes it."""
    _allowed(kind)
    profile = services.own_profile(current_user, kind)
    if profile is None or status not in STATUSES:
        abort(404)
    if request.method == "GET":
        return render("gateway/confirm_status.html", profile=profile, new_status=status, word=STATUS_WORDS[status])
    ActionForm().validate_on_submit() or abort(400)
    run_action(
        lambda: services.set_status(profile, status, actor=current_user),
        done=f"Your profile is {STATUSES[status].lower()}.",
    )
    return redirect(url_for("gateway.home"), code=303)


@bp.get("/suggestions")
@login_required
def suggestions():
    kind = request.args.get("kind", "person")
    _allowed(kind)
    seeker = services.own_profile(current_user, kind)
    if seeker is None or seeker.status == "withdrawn":
        flash("Publish your Gateway profile first: suggestions are made from it.", "info")
        return redirect(url_for("gateway.edit_profile", kind=kind))
    filters = queries.filters_from_args(request.args)
    rows = queries.suggestions(current_user, seeker, filters)
    authorities = db.session.execute(db.select(LocalAuthority.id, LocalAuthority.name).order_by(LocalAuthority.name))
    return render(
        "gateway/suggestions.html",
        fragment="gateway/_suggestions.html",
        target="suggestion-results",
        rows=rows,
        filters=filters,
        kind=kind,
        seeker=seeker,
        authorities=list(authorities),
        sectors=[(s, s) for s in SECTORS],
        stages=STAGES,
        interests=INTERESTS,
        kinds=KINDS,
    )


def _request_form(**kwargs) -> RequestForm:
    form = RequestForm(**kwargs)
    form.team.choices = [form.team.choices[0], *((t.id, t.name) for t in services.gateway_teams_of(current_user))]
    return form


def profile_page(profile: Profile, form=None, status: int = 200):
    """A profile as another Gateway user sees it: no e-mail address before a request is accepted."""
    form = form or _request_form(formdata=None)
    return render(
        "gateway/profile.html",
        profile=profile,
        form=form,
        status=status,
        contact=can_see_contact(current_user, profile.owner_id),
        between=queries.request_between(current_user.id, profile.id),
        can_ask=can_use_gateway(current_user) and profile.owner_id != current_user.id,
    )


@bp.get("/profiles/<int:profile_id>")
@login_required
def show_profile(profile_id):
    profile = get_or_404(Profile, profile_id)
    if not can_see_profile(current_user, profile):
        abort(404)  # a paused, withdrawn or blocked profile is not there for others
    return profile_page(profile)


@bp.post("/profiles/<int:profile_id>/requests")
@login_required
def send_request(profile_id):
    profile = get_or_404(Profile, profile_id)
    if not can_use_gateway(current_user):
        abort(403)
    if not can_see_profile(current_user, profile):
        abort(404)
    form = _request_form()
    if run_form(
        form,
        lambda: services.send_request(
            profile,
            actor=current_user,
            message=form.message.data or "",
            team=db.session.get(Team, form.team.data) if form.team.data else None,
        ),
        flash_message=f"Your request is sent to {profile.title}. You will hear by e-mail if they accept.",
    ):
        return redirect(url_for("gateway.show_profile", profile_id=profile.id), code=303)
    return profile_page(profile, form=form, status=form_status(form))
