"""Nomination pages: an LA's establishments, their two people, and its key facilitators for a cohort."""

from flask import abort, redirect, request, url_for
from flask_login import current_user

from portal.accounts.models import User
from portal.cohorts import bp, queries, rules, services
from portal.cohorts.access import can_edit_nomination, can_edit_nominations, nominating_authority
from portal.cohorts.forms import FacilitatorForm, NominateForm, PeopleForm, choices
from portal.cohorts.models import CohortFacilitator, NetworkCohort, Nomination
from portal.core.access import get_or_404, roles_required
from portal.core.forms import ServiceError, run_action, run_form
from portal.core.inputs import bounded_int
from portal.core.rendering import render
from portal.core.roles import Role
from portal.extensions import db
from portal.organisations.models import Establishment


def _authority_id() -> int | None:
    la = request.values.get("authority", "")
    return nominating_authority(current_user, bounded_int(la, low=1))


def _forms(cohort, la_id, form=None, fac_form=None):
    """The two forms of the nominations page, offering only this LA's establishments and facilitators."""
    form = form or NominateForm(prefix="nominate", formdata=None)
    fac_form = fac_form or FacilitatorForm(prefix="facilitator", formdata=None)
    if la_id is not None:
        form.establishment.choices = choices(
            [(0, "Choose an establishment")]
            + [(e.id, f"{e.name} ({e.sector})") for e in queries.unnominated_establishments(cohort, la_id)]
        )
        fac_form.facilitator.choices = choices(
            [(0, "Choose a key facilitator")] + [(u.id, u.name) for u in queries.available_facilitators(la_id)]
        )
    return form, fac_form


def _nominations_page(cohort, la_id, form=None, fac_form=None, status=200):
    form, fac_form = _forms(cohort, la_id, form, fac_form)
    nominations = queries.nominations(cohort, la_id) if la_id else []
    return render(
        "cohorts/nominations.html",
        cohort=cohort,
        la_id=la_id,
        authorities=queries.authorities(),
        nominations=nominations,
        facilitators=queries.facilitators(cohort, la_id) if la_id else [],
        needed=rules.facilitators_needed(len(nominations)),
        form=form,
        fac_form=fac_form,
        editable=can_edit_nominations(current_user, cohort, la_id),
        status=status,
    )


def _editable_cohort(cohort_id):
    cohort = get_or_404(NetworkCohort, cohort_id)
    la_id = _authority_id()
    if not can_edit_nominations(current_user, cohort, la_id):
        abort(403)
    return cohort, la_id


@bp.get("/cohorts/<int:cohort_id>/nominations")
@roles_required(Role.LA_OFFICER)
def list_nominations(cohort_id):
    return _nominations_page(get_or_404(NetworkCohort, cohort_id), _authority_id())


@bp.post("/cohorts/<int:cohort_id>/nominations")
@roles_required(Role.LA_OFFICER)
def nominate(cohort_id):
    cohort, la_id = _editable_cohort(cohort_id)
    form, _ = _forms(cohort, la_id, form=NominateForm(prefix="nominate"))
    done = run_form(
        form,
        lambda: services.nominate(
            cohort, db.session.get(Establishment, form.establishment.data) or _none(), actor=current_user
        ),
        flash_message=lambda n: f"{n.establishment.name} is nominated: now name its two people.",
    )
    if done:
        return redirect(url_for("cohorts.edit_nomination", nomination_id=done.value.id), code=303)
    return _nominations_page(cohort, la_id, form=form, status=422)


@bp.post("/cohorts/<int:cohort_id>/facilitators")
@roles_required(Role.LA_OFFICER)
def name_facilitator(cohort_id):
    cohort, la_id = _editable_cohort(cohort_id)
    _, fac_form = _forms(cohort, la_id, fac_form=FacilitatorForm(prefix="facilitator"))

    def add():
        person = db.session.get(User, fac_form.facilitator.data) or _none("facilitator")
        services.add_facilitator(
            cohort, person, actor=current_user, authority_id=la_id, interests=fac_form.interests.data or ""
        )
        return person

    if run_form(fac_form, add, flash_message=lambda person: f"{person.name} is named as a key facilitator."):
        return redirect(url_for("cohorts.list_nominations", cohort_id=cohort.id, authority=la_id), code=303)
    return _nominations_page(cohort, la_id, fac_form=fac_form, status=422)


def _none(field="establishment"):
    raise ServiceError((field, "Choose from the list."))


@bp.route("/nominations/<int:nomination_id>", methods=["GET", "POST"])
@roles_required(Role.LA_OFFICER)
def edit_nomination(nomination_id):
    nomination = get_or_404(Nomination, nomination_id)
    if not current_user.has_role(Role.ADMIN) and nomination.authority_id != current_user.authority_id:
        abort(404)  # another LA's nominations are not theirs to know about
    form = PeopleForm(
        data={"leader": nomination.leader_id or 0, "practitioner": nomination.practitioner_id or 0}
        if request.method == "GET"
        else None
    )
    staff = queries.staff_of(nomination.establishment_id)
    form.leader.choices = choices(
        [(0, "Nobody yet")] + [(u.id, f"{u.name}, {u.job_title or 'no job title'}") for u in staff if u.promoted]
    )
    form.practitioner.choices = choices(
        [(0, "Nobody yet")] + [(u.id, f"{u.name}, {u.job_title or 'no job title'}") for u in staff]
    )
    if request.method == "POST":
        if not can_edit_nomination(current_user, nomination):
            abort(403)

        def name_people():
            for slot in ("leader", "practitioner"):
                picked = getattr(form, slot).data
                name, email = getattr(form, f"{slot}_name").data or "", getattr(form, f"{slot}_email").data or ""
                if picked or name or email:
                    person = db.session.get(User, picked) if picked and not (name or email) else None
                    services.name_person(nomination, slot, actor=current_user, person=person, name=name, email=email)

        if run_form(form, name_people, flash_message=f"The people for {nomination.establishment.name} are saved."):
            return redirect(
                url_for(
                    "cohorts.list_nominations",
                    cohort_id=nomination.cohort_id,
                    authority=nomination.authority_id,
                )
            )
    return render(
        "cohorts/nomination.html",
        nomination=nomination,
        form=form,
        editable=can_edit_nomination(current_user, nomination),
        status=422 if form.is_submitted() else 200,
    )


@bp.post("/nominations/<int:nomination_id>/remove")
@roles_required(Role.LA_OFFICER)
def remove_nomination(nomination_id):
    nomination = get_or_404(Nomination, nomination_id)
    if not can_edit_nomination(current_user, nomination):
        abort(403)
    cohort_id, la_id, name = nomination.cohort_id, nomination.authority_id, nomination.establishment.name
    run_action(
        lambda: services.remove_nomination(nomination, actor=current_user), done=f"{name} is no longer nominated."
    )
    return redirect(url_for("cohorts.list_nominations", cohort_id=cohort_id, authority=la_id))


@bp.post("/cohort-facilitators/<int:row_id>/remove")
@roles_required(Role.LA_OFFICER)
def remove_facilitator(row_id):
    row = get_or_404(CohortFacilitator, row_id)
    cohort = get_or_404(NetworkCohort, row.cohort_id)
    if not can_edit_nominations(current_user, cohort, row.authority_id):
        abort(403)
    run_action(
        lambda: services.remove_facilitator(row, cohort, actor=current_user),
        done=f"{row.user.name} is no longer named for this cohort.",
    )
    return redirect(url_for("cohorts.list_nominations", cohort_id=cohort.id, authority=row.authority_id))
