"""One post: edit it, delete it with a reason (a confirm page), report it, download its attachment."""

from flask import abort, redirect, url_for
from flask_login import current_user, login_required

from portal.core.forms import form_status, run_form
from portal.core.rendering import render
from portal.core.uploads import send_stored
from portal.discussions import bp, services
from portal.discussions.forms import EditForm, ReasonForm
from portal.discussions.loading import load_post


def _back(post):
    return redirect(url_for("discussions.show_topic", topic_id=post.topic_id) + f"#post-{post.id}")


@bp.route("/posts/<int:post_id>/edit", methods=["GET", "POST"])
@login_required
def edit_post(post_id):
    post, topic, space = load_post(post_id, current_user)
    if not services.can_edit_post(post, current_user):
        abort(403)
    form = EditForm(data={"body": post.body})
    if run_form(
        form,
        lambda: services.edit_post(post, topic, space, actor=current_user, body=form.body.data),
        flash_message="Your post is updated.",
    ):
        return _back(post)
    return render("discussions/edit_post.html", form=form, post=post, topic=topic, status=form_status(form))


@bp.route("/posts/<int:post_id>/delete", methods=["GET", "POST"])
@login_required
def delete_post(post_id):
    post, topic, space = load_post(post_id, current_user)
    if post.author_id != current_user.id and not space.can_moderate(current_user):
        abort(403)
    form = ReasonForm()
    if run_form(
        form,
        lambda: services.delete_post(post, space, actor=current_user, reason=form.reason.data),
        flash_message="The post is deleted.",
    ):
        return _back(post)
    return render(
        "discussions/confirm.html", form=form, post=post, topic=topic, doing="delete", status=form_status(form)
    )


@bp.route("/posts/<int:post_id>/report", methods=["GET", "POST"])
@login_required
def report_post(post_id):
    post, topic, space = load_post(post_id, current_user)
    form = ReasonForm()
    if run_form(
        form,
        lambda: services.report_post(post, topic, space, actor=current_user, reason=form.reason.data),
        flash_message="Thank you: the space's moderators have been told.",
    ):
        return _back(post)
    return render(
        "discussions/confirm.html", form=form, post=post, topic=topic, doing="report", status=form_status(form)
    )


@bp.get("/posts/<int:post_id>/attachment")
@login_required
def download_attachment(post_id):
    post, _topic, _space = load_post(post_id, current_user)
    if not post.file_key:
        abort(404)
    return send_stored(post.file_key, post.filename)
