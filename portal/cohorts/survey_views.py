"""Participant pages (interests survey, confidence questionnaire) and the admin's survey status."""

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required

from portal.accounts.models import User
from portal.cohorts import bp, queries, rules, sessions, survey
from portal.cohorts.forms import ConfidenceForm, FlagForm, InterestsForm
from portal.cohorts.models import NetworkCohort
from portal.core.access import get_or_404, roles_required
from portal.core.forms import run_action, run_form
from portal.core.rendering import render
from portal.core.roles import Role


def _participant_cohort(cohort_id):
    cohort = get_or_404(NetworkCohort, cohort_id)
    nomination = queries.participant_nomination(cohort, current_user)
    if nomination is None:
        abort(403)
    return cohort, nomination


@bp.route("/cohorts/<int:cohort_id>/survey", methods=["GET", "POST"])
@login_required
def answer_survey(cohort_id):
    cohort, nomination = _participant_cohort(cohort_id)
    answer = queries.responses_by_user(cohort).get(current_user.id) if request.method == "GET" else None
    form = InterestsForm(obj=answer)
    form.set_interests(cohort.interests)
    if run_form(
        form,
        lambda: survey.answer_interests(
            cohort,
            current_user,
            hunch=form.hunch.data or "",
            ranked=[form.first.data, form.second.data, form.third.data],
        ),
        flash_message="Thank you: your interests and hunch are saved. You can change them while the survey is open.",
    ):
        return redirect(url_for("cohorts.my_cohort", cohort_id=cohort.id))
    return render(
        "cohorts/survey.html",
        cohort=cohort,
        nomination=nomination,
        form=form,
        status=422 if form.is_submitted() else 200,
    )


@bp.get("/cohorts/<int:cohort_id>/me")
@login_required
def my_cohort(cohort_id):
    cohort, nomination = _participant_cohort(cohort_id)
    mine = queries.confidence_of(cohort, current_user)
    return render(
        "cohorts/my_cohort.html",
        cohort=cohort,
        nomination=nomination,
        answer=queries.responses_by_user(cohort).get(current_user.id),
        confidence=mine,
        change=rules.personal_change(mine.get("start"), mine.get("end")),
        **sessions.listing(cohort, current_user),
    )


@bp.route("/cohorts/<int:cohort_id>/confidence/<any(start, end):phase>", methods=["GET", "POST"])
@login_required
def confidence(cohort_id, phase):
    cohort, _ = _participant_cohort(cohort_id)
    form = ConfidenceForm(
        data=queries.confidence_of(cohort, current_user).get(phase) if request.method == "GET" else None
    )
    if run_form(
        form,
        lambda: survey.answer_confidence(
            cohort,
            current_user,
            phase=phase,
            answers={key: getattr(form, key).data for key, _ in rules.CONFIDENCE_ITEMS},
        ),
        flash_message="Thank you: your answers are saved.",
    ):
        return redirect(url_for("cohorts.my_cohort", cohort_id=cohort.id))
    return render(
        "cohorts/confidence.html",
        cohort=cohort,
        phase=phase,
        form=form,
        items=rules.CONFIDENCE_ITEMS,
        status=422 if form.is_submitted() else 200,
    )


@bp.get("/cohorts/<int:cohort_id>/survey-status")
@roles_required(Role.ADMIN)
def survey_status(cohort_id):
    cohort = get_or_404(NetworkCohort, cohort_id)
    rows = survey.survey_status(cohort)
    return render(
        "cohorts/survey_status.html",
        cohort=cohort,
        rows=rows,
        flagged=queries.flagged_ids(cohort),
        missing=sum(1 for r in rows if r["response"] is None),
    )


@bp.post("/cohorts/<int:cohort_id>/reminders")
@roles_required(Role.ADMIN)
def send_reminders(cohort_id):
    cohort = get_or_404(NetworkCohort, cohort_id)
    run_action(
        lambda: survey.send_reminders(cohort, actor=current_user),
        done=lambda sent: f"Reminders sent to {sent} people who have not answered.",
    )
    return redirect(url_for("cohorts.survey_status", cohort_id=cohort.id))


@bp.post("/cohorts/<int:cohort_id>/survey/reopen")
@roles_required(Role.ADMIN)
def reopen_survey(cohort_id):
    cohort = get_or_404(NetworkCohort, cohort_id)
    run_action(
        lambda: survey.reopen(cohort, actor=current_user),
        done=lambda sent: f"The interests survey is open again; {sent} people who have not answered are invited.",
    )
    return redirect(url_for("cohorts.survey_status", cohort_id=cohort.id))


@bp.post("/cohorts/<int:cohort_id>/flags")
@roles_required(Role.ADMIN)
def flag_facilitator(cohort_id):
    cohort = get_or_404(NetworkCohort, cohort_id)
    form = FlagForm()
    if not form.validate_on_submit() or not form.person.data.isdigit():
        abort(400)
    person = get_or_404(User, int(form.person.data))
    flagged = form.flagged.data == "1"
    run_action(
        lambda: survey.flag_future_facilitator(cohort, person, actor=current_user, flagged=flagged),
        done=f"{person.name} is {'flagged' if flagged else 'no longer flagged'} as a potential future key facilitator.",
    )
    return redirect(url_for("cohorts.survey_status", cohort_id=cohort.id))
