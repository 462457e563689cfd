"""Programme years and leadership cohorts: create (admin), nominate (LA officers), confirm (admin)."""

from flask import abort, redirect, url_for
from flask_login import current_user
from sqlalchemy import func, select
from wtforms import SelectChoice

from portal.core.access import get_or_404, officer_authority_id, roles_required
from portal.core.forms import run_action, run_form
from portal.core.rendering import kept_fragment, render
from portal.core.roles import Role
from portal.extensions import db
from portal.leadership import access, bp, programme, progress, queries
from portal.leadership import insights as insights_query
from portal.leadership.forms import CohortForm, NominateForm, YearForm
from portal.leadership.models import GOAL_STATUSES, MAX_COHORT, CohortPlace, LeadershipCohort, ProgrammeYear
from portal.leadership.modules import BY_KEY
from portal.leadership.sessions import cohort_sessions

STAFF = (Role.LA_OFFICER, Role.KEY_FACILITATOR)


def _cohorts_page(year_form=None, cohort_form=None, status=200):
    years = list(db.session.scalars(select(ProgrammeYear).order_by(ProgrammeYear.starts_on.desc())))
    cohorts = list(
        db.session.scalars(
            select(LeadershipCohort).join(ProgrammeYear).order_by(ProgrammeYear.starts_on.desc(), LeadershipCohort.name)
        )
    )
    counts = dict(
        db.session.execute(
            select(CohortPlace.cohort_id, func.count(CohortPlace.id))
            .where(CohortPlace.status == "confirmed")
            .group_by(CohortPlace.cohort_id)
        ).all()
    )
    cohort_form = cohort_form or CohortForm(formdata=None)
    cohort_form.year.choices = [SelectChoice(y.id, y.label) for y in years]
    return render(
        "leadership/cohorts.html",
        years=years,
        cohorts=cohorts,
        counts=counts,
        max=MAX_COHORT,
        year_form=year_form or YearForm(formdata=None),
        cohort_form=cohort_form,
        status=status,
    )


@bp.get("/cohorts")
@roles_required(*STAFF)
def list_cohorts():
    return _cohorts_page()


@bp.post("/years")
@roles_required(Role.ADMIN)
def create_year():
    form = YearForm()
    if run_form(
        form,
        lambda: programme.create_year(
            label=form.label.data, starts_on=form.starts_on.data, ends_on=form.ends_on.data, actor=current_user
        ),
        flash_message=lambda year: f"Programme year {year.label} is created.",
    ):
        return redirect(url_for("leadership.list_cohorts"))
    return _cohorts_page(year_form=form, status=422)


@bp.post("/cohorts")
@roles_required(Role.ADMIN)
def create_cohort():
    form = CohortForm()
    form.year.choices = [SelectChoice(y.id, y.label) for y in db.session.scalars(select(ProgrammeYear))]
    done = run_form(
        form,
        lambda: programme.create_cohort(
            db.session.get(ProgrammeYear, form.year.data),
            name=form.name.data,
            actor=current_user,
            first_day=form.first_day.data,
            place=form.place.data or "",
        ),
    )
    if done:
        return redirect(url_for("leadership.show_cohort", cohort_id=done.value.id))
    return _cohorts_page(cohort_form=form, status=422)


def _cohort_page(cohort, form=None, status=200):
    return render(
        "leadership/cohort.html",
        sessions=cohort_sessions(cohort),
        cohort=cohort,
        places=programme.places(cohort, current_user),
        form=form or NominateForm(formdata=None),
        max=MAX_COHORT,
        status=status,
        can_nominate=current_user.has_role(Role.ADMIN, Role.LA_OFFICER),
        can_confirm=current_user.has_role(Role.ADMIN),
        can_see_progress=access.can_see_cohort_progress(current_user, cohort),
    )


@bp.get("/cohorts/<int:cohort_id>")
@roles_required(*STAFF)
def show_cohort(cohort_id):
    return _cohort_page(get_or_404(LeadershipCohort, cohort_id))


@bp.post("/cohorts/<int:cohort_id>/nominations")
@roles_required(Role.LA_OFFICER)
def nominate(cohort_id):
    cohort = get_or_404(LeadershipCohort, cohort_id)
    form = NominateForm()
    if run_form(
        form,
        lambda: programme.nominate(cohort, form.email.data, actor=current_user),
        flash_message=lambda place: f"{place.person.name} is nominated. The partnership lead officer confirms places.",
    ):
        return redirect(url_for("leadership.show_cohort", cohort_id=cohort.id))
    return _cohort_page(cohort, form, status=422)


@bp.post("/cohorts/places/<int:place_id>/confirm")
@roles_required(Role.ADMIN)
def confirm_place(place_id):
    place = get_or_404(CohortPlace, place_id)
    confirmed = run_action(
        lambda: programme.confirm(place, actor=current_user),
        done=lambda _: f"{place.person.name}'s place is confirmed.",
    )
    return redirect(url_for("leadership.show_cohort", cohort_id=place.cohort_id), code=302 if confirmed else 303)


@bp.get("/insights")
@roles_required(Role.LA_OFFICER, Role.RESEARCHER)
def insights():
    """Aggregate scores only: no evaluation of a named person is ever shown here."""
    frameworks = queries.programme_frameworks()
    tables = kept_fragment(
        "leadership_insights.html",
        [[f.id for f in frameworks], officer_authority_id(current_user)],
        "leadership/_insights_tables.html",
        lambda: {"tables": insights_query.domain_tables(frameworks, current_user)},
    )
    return render("leadership/insights.html", tables=tables)


@bp.get("/programme")
@roles_required(Role.SENIOR_LEADER)
def my_programme():
    """The leader's year: cohort, facilitator, sessions with booking and attendance, modules, what next."""
    return render("leadership/programme.html", programme=progress.my_programme(current_user), modules=BY_KEY)


@bp.get("/cohorts/<int:cohort_id>/progress")
@roles_required(Role.KEY_FACILITATOR, Role.ADMIN)
def cohort_progress(cohort_id):
    cohort = get_or_404(LeadershipCohort, cohort_id)
    if not access.can_see_cohort_progress(current_user, cohort):
        abort(404)
    members, held = progress.cohort_progress(cohort, current_user)
    return render("leadership/cohort_progress.html", cohort=cohort, members=members, held=held, statuses=GOAL_STATUSES)
