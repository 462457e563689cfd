"""The lead officer runs the survey: a survey per year, its dates and open question, its items (copied once
answered), invitations by CSV per establishment, open links with a cap, and response rates."""

from datetime import date

from flask import redirect, request, url_for
from flask_login import current_user

from portal.core.access import roles_required
from portal.core.confirm import confirm_page, confirmed
from portal.core.forms import ServiceError, form_status, run_action, run_form, run_import
from portal.core.paging import page_number
from portal.core.rendering import render
from portal.core.roles import Role
from portal.organisations.lookup import resolve_establishment
from portal.survey import bp, queries, services
from portal.survey.access import rates_scope
from portal.survey.forms import InvitationImportForm, ItemForm, OpenLinkForm, SurveyForm, SurveySettingsForm
from portal.survey.loading import load_survey
from portal.survey.models import AUDIENCES, THEME_LABELS, SurveyOpenLink


@bp.get("/")
@roles_required(Role.LA_OFFICER, Role.RESEARCHER)
def list_surveys():
    return render("survey/list.html", surveys=queries.surveys(), form=SurveyForm(), today=date.today())


@bp.post("/")
@roles_required(Role.ADMIN)
def create_survey():
    form = SurveyForm()
    done = run_form(
        form,
        lambda: services.create_survey(
            school_year=form.school_year.data,
            opens_on=form.opens_on.data,
            closes_on=form.closes_on.data,
            actor=current_user,
        ),
        flash_message=lambda s: f"{s.label} is ready: check its items and dates.",
    )
    if done:
        return redirect(url_for("survey.edit_survey", survey_id=done.value.id), code=303)
    return render(
        "survey/list.html", surveys=queries.surveys(), form=form, today=date.today(), status=form_status(form)
    )


@bp.route("/<int:survey_id>/edit", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def edit_survey(survey_id):
    survey = load_survey(survey_id)
    form = SurveySettingsForm(obj=survey) if request.method == "GET" else SurveySettingsForm()
    if run_form(
        form,
        lambda: services.update_survey(
            survey,
            opens_on=form.opens_on.data,
            closes_on=form.closes_on.data,
            open_question=form.open_question.data,
            actor=current_user,
        ),
        flash_message="The survey is saved.",
    ):
        return redirect(url_for("survey.edit_survey", survey_id=survey.id), code=303)
    version = queries.latest_version(survey)
    return render(
        "survey/edit.html",
        survey=survey,
        form=form,
        version=version,
        item_form=ItemForm(),
        THEME_LABELS=THEME_LABELS,
        AUDIENCES=AUDIENCES,
        status=form_status(form),
    )


@bp.post("/<int:survey_id>/items")
@roles_required(Role.ADMIN)
def add_item(survey_id):
    survey = load_survey(survey_id)
    form = ItemForm()
    if run_form(
        form,
        lambda: services.add_item(
            survey, theme=form.theme.data, audience=form.audience.data, text=form.text.data, actor=current_user
        ),
        flash_message="The statement is added.",
    ):
        return redirect(url_for("survey.edit_survey", survey_id=survey.id), code=303)
    return render(
        "survey/edit.html",
        survey=survey,
        form=SurveySettingsForm(obj=survey),
        version=queries.latest_version(survey),
        item_form=form,
        THEME_LABELS=THEME_LABELS,
        AUDIENCES=AUDIENCES,
        status=form_status(form),
    )


@bp.route("/<int:survey_id>/items/<key>", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def edit_item(survey_id, key):
    survey = load_survey(survey_id)
    item = next((i for i in queries.latest_version(survey).items if i.key == key), None)
    if item is None:
        return redirect(url_for("survey.edit_survey", survey_id=survey.id), code=303)
    form = ItemForm(obj=item) if request.method == "GET" else ItemForm()
    if run_form(
        form,
        lambda: services.update_item(
            survey, key, theme=form.theme.data, audience=form.audience.data, text=form.text.data, actor=current_user
        ),
        flash_message="The statement is saved.",
    ):
        return redirect(url_for("survey.edit_survey", survey_id=survey.id), code=303)
    return render("survey/item.html", survey=survey, item=item, form=form, status=form_status(form))


@bp.post("/<int:survey_id>/items/<key>/remove")
@roles_required(Role.ADMIN)
def remove_item(survey_id, key):
    survey = load_survey(survey_id)
    back = url_for("survey.edit_survey", survey_id=survey.id)
    if not confirmed():
        return confirm_page(
            "Remove this statement from the survey?",
            action_label="Remove the statement",
            back_url=back,
            details=["Answers already given keep the wording they answered."],
        )
    run_action(lambda: services.remove_item(survey, key, actor=current_user), done="The statement is removed.")
    return redirect(back, code=303)


def _invitations_page(survey, import_form, link_form, result=None, status=200):
    scope = rates_scope(current_user)
    by_authority, by_establishment = queries.kept_rates(survey, scope, page_number())
    return render(
        "survey/invitations.html",
        survey=survey,
        import_form=import_form,
        link_form=link_form,
        result=result,
        by_authority=by_authority,
        by_establishment=by_establishment,
        links=queries.open_links(survey) if scope is None else [],
        status=status,
    )


@bp.get("/<int:survey_id>/invitations")
@roles_required(Role.LA_OFFICER)
def invitations(survey_id):
    return _invitations_page(load_survey(survey_id), InvitationImportForm(), OpenLinkForm())


@bp.post("/<int:survey_id>/invitations")
@roles_required(Role.ADMIN)
def import_invitations(survey_id):
    survey = load_survey(survey_id)
    form = InvitationImportForm()

    def importer(data):
        establishment = resolve_establishment(form.establishment.data, field="establishment")
        return services.import_invitations(survey, establishment, data, today=date.today(), actor=current_user)

    try:
        done = run_import(form, importer, flash_message=lambda r: f"{r.created} people invited; each has their link.")
    except ServiceError as error:
        form.establishment.errors = [error.errors[0][1]]
        done = None
    if done:
        return redirect(url_for("survey.invitations", survey_id=survey.id), code=303)
    return _invitations_page(
        survey, form, OpenLinkForm(), result=done.value if done is not None else None, status=form_status(form)
    )


@bp.post("/<int:survey_id>/open-links")
@roles_required(Role.ADMIN)
def create_open_link(survey_id):
    survey = load_survey(survey_id)
    form = OpenLinkForm()

    def create() -> SurveyOpenLink:
        establishment = resolve_establishment(form.establishment.data, field="establishment")
        return services.create_open_link(survey, establishment, cap=form.cap.data, actor=current_user)

    if run_form(form, create, flash_message="The open link is ready: share it with the establishment's staff."):
        return redirect(url_for("survey.invitations", survey_id=survey.id), code=303)
    return _invitations_page(survey, InvitationImportForm(), form, status=form_status(form))
