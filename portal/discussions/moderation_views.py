"""A space's moderators (coordinators, facilitators, the lead officer): reported posts, kept or removed."""

from flask import abort, redirect, url_for
from flask_login import current_user, login_required

from portal.core.forms import ActionForm, form_status, run_action, run_form
from portal.core.paging import paginate
from portal.core.rendering import render
from portal.discussions import bp, moderation
from portal.discussions.forms import ReasonForm
from portal.discussions.spaces import load_or_404


def _moderated_space(space_type: str, space_id: int):
    space = load_or_404(space_type, space_id, current_user)
    if not space.can_moderate(current_user):
        abort(403)
    return space


def _report(report_id: int):
    found = moderation.load_report(report_id)
    if found is None:
        abort(404)
    report, post, topic = found
    return report, post, topic, _moderated_space(topic.space_type, topic.space_id)


@bp.get("/<space_type>/<int:space_id>/reports")
@login_required
def list_reports(space_type, space_id):
    space = _moderated_space(space_type, space_id)
    page = paginate(moderation.reports_query(space), rows=True)
    return render("discussions/reports.html", space=space, page=page)


def _back(topic):
    return redirect(url_for("discussions.list_reports", space_type=topic.space_type, space_id=topic.space_id), 303)


@bp.post("/reports/<int:report_id>/keep")
@login_required
def keep_reported(report_id):
    report, post, topic, space = _report(report_id)
    ActionForm().validate_on_submit() or abort(400)
    run_action(
        lambda: moderation.resolve_report(report, post, topic, space, actor=current_user, remove=False),
        done="The post is kept and the report resolved; the people who reported it have been told.",
    )
    return _back(topic)


@bp.route("/reports/<int:report_id>/remove", methods=["GET", "POST"])
@login_required
def remove_reported(report_id):
    report, post, topic, space = _report(report_id)
    if report.resolved_at is not None:
        return _back(topic)
    form = ReasonForm()
    if run_form(
        form,
        lambda: moderation.resolve_report(
            report, post, topic, space, actor=current_user, remove=True, reason=form.reason.data
        ),
        flash_message="The post is removed; its author and the people who reported it have been told.",
    ):
        return _back(topic)
    return render(
        "discussions/remove_reported.html", form=form, post=post, topic=topic, report=report, status=form_status(form)
    )
