"""Answering the survey: from a single-use e-mailed link, from the portal when signed in, or from an
establishment's open link. No account is needed and nothing about the person is stored with the answer."""

from datetime import date

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required

from portal.core.forms import form_status, run_action, run_form
from portal.core.rendering import render
from portal.extensions import db
from portal.organisations.models import Establishment
from portal.survey import bp, queries, services
from portal.survey.forms import AboutForm, required_choices
from portal.survey.models import SCALE, THEMES, VERSIONS, Survey


def _answers() -> dict:
    answers = {}
    for name, value in request.form.items():
        if name.startswith("item-") and value.isdigit():
            answers[name.removeprefix("item-")] = int(value)
    return answers


def _form(establishment) -> AboutForm:
    form = AboutForm()
    form.authority_id.choices = required_choices(
        (str(k), v) for k, v in sorted(queries.authority_names().items(), key=lambda p: p[1])
    )
    if request.method == "GET" and establishment is not None:
        form.sector.data = establishment.sector
        form.authority_id.data = str(establishment.authority_id)
    return form


def _answer_page(survey: Survey, via, version: str, establishment, action: str):
    form = _form(establishment)
    given = _answers()

    def submit():
        about = {
            "sector": form.sector.data,
            "role_group": form.role_group.data,
            "years_in_post": form.years_in_post.data,
            "authority_id": int(form.authority_id.data) if form.authority_id.data.isdigit() else None,
            "establishment_id": establishment.id
            if establishment is not None and form.with_establishment.data
            else None,
        }
        services.submit(
            survey,
            via=via,
            version=version,
            answers=given,
            about=about,
            open_answer=form.open_answer.data or "",
            today=date.today(),
        )

    if run_form(form, submit):
        return redirect(url_for("survey.thanks"), code=303)
    version_row = queries.latest_version(survey)
    return render(
        "survey/answer.html",
        survey=survey,
        form=form,
        version=version,
        version_label=VERSIONS[version],
        items=version_row.items_for(version),
        given=given,
        themes=THEMES,
        scale=SCALE,
        establishment=establishment,
        action=action,
        status=form_status(form),
    )


@bp.route("/answer/<token>", methods=["GET", "POST"])
def answer(token):
    invitation = services.find_invitation(token)
    if invitation is None:
        return render("survey/link_used.html", status=404)
    survey = db.session.get(Survey, invitation.survey_id)
    if not survey.is_open(date.today()):
        return render("survey/closed.html", survey=survey, status=410)
    establishment = db.session.get(Establishment, invitation.establishment_id)
    return _answer_page(survey, invitation, invitation.version, establishment, url_for("survey.answer", token=token))


@bp.route("/open/<token>", methods=["GET", "POST"])
def answer_open(token):
    link = services.find_open_link(token)
    if link is None:
        abort(404)
    survey = db.session.get(Survey, link.survey_id)
    if not survey.is_open(date.today()):
        return render("survey/closed.html", survey=survey, status=410)
    version = request.values.get("version", "")
    if version not in VERSIONS:
        return render("survey/choose_version.html", survey=survey, token=token, versions=VERSIONS)
    establishment = db.session.get(Establishment, link.establishment_id)
    return _answer_page(
        survey, link, version, establishment, url_for("survey.answer_open", token=token, version=version)
    )


@bp.get("/thanks")
def thanks():
    return render("survey/thanks.html")


@bp.route("/mine", methods=["GET", "POST"])
@login_required
def mine():
    survey = queries.open_survey(date.today())
    if request.method == "POST" and survey is not None:
        done = run_action(
            lambda: services.open_from_portal(survey, current_user, today=date.today()),
            done="Your own link is ready: your answers are not linked to you.",
        )
        if done:
            return redirect(url_for("survey.answer", token=done.value), code=303)
    invitation = queries.invitation_for_email(survey, current_user.email) if survey else None
    return render("survey/mine.html", survey=survey, answered=bool(invitation and invitation.answered_on))
