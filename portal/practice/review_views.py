"""Review (return with comments, or publish), the review queue, naming reviewers, and presenting at events."""

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from portal.accounts.models import User
from portal.core.access import roles_required
from portal.core.forms import ActionForm, ServiceError, form_status, run_action, run_form
from portal.core.rendering import render
from portal.core.roles import Role
from portal.enquiries.queries import team_page
from portal.events.models import Event
from portal.extensions import db
from portal.practice import bp, queries, services
from portal.practice.access import is_reviewer
from portal.practice.forms import PresentForm, ReviewerForm, ReviewForm, choices
from portal.practice.loading import body_context, load_account


@bp.get("/reviews")
@login_required
def review_queue():
    if not is_reviewer(current_user):
        abort(403)
    return render("practice/reviews.html", accounts=queries.review_queue())


@bp.post("/<int:account_id>/review")
@login_required
def review_account(account_id):
    account = load_account(account_id)
    if not is_reviewer(current_user):
        abort(403)
    form = ReviewForm()
    if run_form(
        form,
        lambda: services.review(
            account,
            actor=current_user,
            decision=form.decision.data,
            comment=form.comment.data or "",
            visibility=form.visibility.data or "",
        ),
        flash_message=lambda _: (
            "The account is published."
            if account.is_published
            else "The account is returned to the team with your comments."
        ),
    ):
        return redirect(url_for("practice.show_account", account_id=account.id), code=303)
    return render("practice/review.html", **body_context(account), review_form=form, status=form_status(form))


@bp.route("/reviewers", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def reviewers():
    form = ReviewerForm()

    def grant():
        person = db.session.scalar(select(User).where(User.email == (form.email.data or "").strip().lower()))
        if person is None:
            raise ServiceError(("email", "Nobody in the portal has that e-mail address."))
        services.set_reviewer(person, actor=current_user)
        return person

    if run_form(form, grant, flash_message=lambda person: f"{person.name} can now review accounts of practice."):
        return redirect(url_for("practice.reviewers"), code=303)
    return render("practice/reviewers.html", form=form, people=queries.reviewers(), status=form_status(form))


@bp.post("/reviewers/<int:user_id>/remove")
@roles_required(Role.ADMIN)
def remove_reviewer(user_id):
    person = db.session.get(User, user_id) or abort(404)
    ActionForm().validate_on_submit() or abort(400)
    run_action(
        lambda: services.set_reviewer(person, actor=current_user, granted=False),
        done=f"{person.name} no longer reviews accounts.",
    )
    return redirect(url_for("practice.reviewers"), code=303)


@bp.route("/<int:account_id>/present", methods=["GET", "POST"])
@login_required
def present_account(account_id):
    account = load_account(account_id, edit=True)
    team = team_page(account.team_id)[0] if account.team_id else None
    events = queries.sharing_events(team) if team else []
    form = PresentForm()
    form.event_id.choices = choices((e.id, f"{e.title}, {e.starts_at:%d %B %Y}") for e in events)
    if request.method == "POST" and request.form.get("withdraw", type=int):
        ActionForm().validate_on_submit() or abort(400)
        run_action(
            lambda: services.withdraw_presentation(account, request.form.get("withdraw", type=int), actor=current_user),
            done="You will not present there.",
        )
        return redirect(url_for("practice.present_account", account_id=account.id), code=303)
    if run_form(
        form,
        lambda: services.present_at(
            account, db.session.get(Event, form.event_id.data), actor=current_user, eligible_ids={e.id for e in events}
        ),
        flash_message="Your team is signed up to present this account.",
    ):
        return redirect(url_for("practice.present_account", account_id=account.id), code=303)
    return render(
        "practice/present.html",
        account=account,
        form=form,
        events=events,
        presenting=queries.presentations(account.id),
        status=form_status(form),
    )
