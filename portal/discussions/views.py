"""Discussion spaces: the topic list with search, a new topic, a topic with its replies, what's new."""

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required

from portal.core.forms import form_status, run_action, run_form
from portal.core.inputs import bounded_int
from portal.core.paging import page_number
from portal.core.rendering import render
from portal.core.uploads import describe_allowed
from portal.discussions import bp, markdown, moderation, queries, services
from portal.discussions.forms import ReplyForm, TopicForm
from portal.discussions.loading import load_topic
from portal.discussions.models import Post
from portal.discussions.spaces import load_or_404
from portal.extensions import db


@bp.get("/<space_type>/<int:space_id>")
@login_required
def list_topics(space_type, space_id):
    space = load_or_404(space_type, space_id, current_user)
    q = (request.args.get("q") or "").strip()[:100]
    page, unread = queries.topic_page(space, current_user, page_number(), q)
    return render(
        "discussions/space.html",
        fragment="discussions/_topics.html",
        target="topic-list",
        space=space,
        page=page,
        unread=unread,
        q=q,
        open_reports=moderation.open_count(space) if space.can_moderate(current_user) else 0,
    )


@bp.route("/<space_type>/<int:space_id>/new", methods=["GET", "POST"])
@login_required
def new_topic(space_type, space_id):
    space = load_or_404(space_type, space_id, current_user)
    form = TopicForm()
    done = run_form(
        form,
        lambda: services.create_topic(
            space, actor=current_user, title=form.title.data, body=form.body.data, upload=form.attachment.data
        ),
        flash_message="Your topic is posted.",
    )
    if done:
        return redirect(url_for("discussions.show_topic", topic_id=done.value.id))
    return render(
        "discussions/new_topic.html", form=form, space=space, allowed=describe_allowed(), status=form_status(form)
    )


def _topic_page(topic, space, form, status=200):
    if status == 200:  # read now (committed before loading, so the rows shown are never expired and reloaded)
        services.mark_read(topic, actor=current_user)
        session = db.session()
        session.expire_on_commit = False  # nor the topic, its space and the person, already loaded for this page
        try:
            session.commit()
        finally:
            session.expire_on_commit = True
    page = queries.post_page(topic, page_number())
    return render(
        "discussions/topic.html",
        topic=topic,
        space=space,
        page=page,
        form=form,
        moderator=space.can_moderate(current_user),
        allowed=describe_allowed(),
        status=status,
        can_resolve=services.can_resolve(topic, space, current_user),
    )


@bp.get("/topics/<int:topic_id>")
@login_required
def show_topic(topic_id):
    topic, space = load_topic(topic_id, current_user)
    form = ReplyForm()
    quote = request.args.get("quote", 0, type=int)
    quoted = db.session.get(Post, quote) if quote else None  # no statement when nothing is quoted
    if quoted is not None and quoted.topic_id == topic.id and quoted.deleted_at is None:
        author = db.session.get(type(current_user), quoted.author_id) if quoted.author_id else None
        form.body.data = markdown.quote(author.name if author else "Someone", quoted.body)
        form.quote_of.data = str(quoted.id)
    return _topic_page(topic, space, form)


@bp.post("/topics/<int:topic_id>/reply")
@login_required
def reply(topic_id):
    topic, space = load_topic(topic_id, current_user)
    form = ReplyForm()
    quote_of = bounded_int(form.quote_of.data, low=1)
    quoted = db.session.get(Post, quote_of) if quote_of else None
    done = run_form(
        form,
        lambda: services.reply(
            topic, space, actor=current_user, body=form.body.data, quote_of=quoted, upload=form.attachment.data
        ),
        flash_message="Your reply is posted.",
    )
    if done:
        return redirect(
            url_for("discussions.show_topic", topic_id=topic.id, page=queries.last_page(topic))
            + f"#post-{done.value.id}"
        )
    return _topic_page(topic, space, form, status=422)


@bp.post("/topics/<int:topic_id>/resolve")
@login_required
def resolve_topic(topic_id):
    topic, space = load_topic(topic_id, current_user)
    resolved = topic.resolved_at is None
    run_action(
        lambda: services.resolve_topic(topic, space, actor=current_user, resolved=resolved),
        done="Marked as resolved." if resolved else "Opened again.",
    )
    return redirect(url_for("discussions.show_topic", topic_id=topic.id))


@bp.route("/<space_type>/<int:space_id>/comments/<anchor>", methods=["GET", "POST"])
@login_required
def comments(space_type, space_id, anchor):
    """Comments in context: the thread on one part of the owner (started by the first comment)."""
    space = load_or_404(space_type, space_id, current_user)
    about = space.policy.anchor_label(space.owner, anchor)
    if about is None:
        abort(404)
    topic = queries.anchored_topic(space, anchor)
    if topic is not None:
        return redirect(url_for("discussions.show_topic", topic_id=topic.id))
    form = ReplyForm()
    done = run_form(
        form,
        lambda: services.create_topic(
            space,
            actor=current_user,
            title=f"Comments on {about}",
            body=form.body.data,
            upload=form.attachment.data,
            anchor=anchor,
        ),
        flash_message="Your comment is posted.",
    )
    if done:
        return redirect(url_for("discussions.show_topic", topic_id=done.value.id))
    return render(
        "discussions/first_comment.html",
        form=form,
        space=space,
        about=about,
        allowed=describe_allowed(),
        status=form_status(form),
    )


@bp.get("/new")
@login_required
def whats_new():
    items = queries.whats_new(current_user)
    return render("discussions/whats_new.html", items=items, names=queries.space_names([t for t, _ in items]))
