"""Discussion rules without HTTP: access per space, mentions, replies, edits, deletion, reports, unread."""

import io

import pytest
from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from portal.core.forms import ServiceError
from portal.discussions import queries, services
from portal.discussions.models import PostReport
from portal.extensions import db
from portal.notifications.models import Notification
from tests.support.sql import sqlite_plan, statements


def notes(user, kind=None):
    stmt = select(Notification).where(Notification.user_id == user.id)
    if kind:
        stmt = stmt.where(Notification.kind == kind)
    return db.session.scalars(stmt).all()


def test_access_per_space(space_world):
    w = space_world
    forum, theme = w.forum_space(), w.theme_space()
    assert forum.can_view(w.member) and forum.can_view(w.coordinator) and forum.can_view(w.admin)
    assert not forum.can_view(w.outsider) and not forum.can_view(w.facilitator)
    assert theme.can_view(w.member) and theme.can_view(w.facilitator) and theme.can_view(w.admin)
    assert not theme.can_view(w.outsider) and not theme.can_view(w.coordinator)
    assert forum.can_moderate(w.coordinator) and not forum.can_moderate(w.member)
    assert theme.can_moderate(w.facilitator) and not theme.can_moderate(w.member)
    with pytest.raises(ServiceError):
        services.create_topic(forum, actor=w.outsider, title="Hi", body="Let me in")


def test_mentions_notify_only_people_who_may_see_the_space(space_world, mailbox):
    w = space_world
    space = w.forum_space()
    topic = services.create_topic(
        space,
        actor=w.member,
        title="Play ideas",
        body="What do you think, @[Catriona Coord]? And @[Owen Outsider], @[Fiona Facil]?",
    )
    db.session.commit()
    assert [n.subject for n in notes(w.coordinator, "mention")] == ['Morag Member mentioned you in "Play ideas"']
    assert notes(w.outsider) == [] and notes(w.facilitator) == []  # neither may see this forum
    assert not mailbox.to(w.outsider.email) and not mailbox.to(w.facilitator.email)
    assert mailbox.last_to(w.coordinator.email)["Subject"] == 'Morag Member mentioned you in "Play ideas"'
    post = db.session.scalars(select(services.Post).where(services.Post.topic_id == topic.id)).one()
    assert '<span class="wp_mention">@Catriona Coord</span>' in post.body_html
    assert "@[Owen Outsider]" in post.body_html  # left as typed, not highlighted


def test_reply_notifies_the_topic_author_once(space_world):
    w = space_world
    space = w.theme_space()
    topic = services.create_topic(space, actor=w.member, title="Measuring play", body="How do you measure it?")
    services.reply(topic, space, actor=w.facilitator, body="Try a tally chart, @[Morag Member].")
    services.reply(topic, space, actor=w.member, body="Thanks!")  # the author's own reply tells nobody
    db.session.commit()
    assert [n.kind for n in notes(w.member)] == ["mention"]  # mentioned and author: one notification
    services.reply(topic, space, actor=w.facilitator, body="Also a photo diary.")
    db.session.commit()
    assert sorted(n.kind for n in notes(w.member)) == ["mention", "reply"]
    assert topic.post_count == 4


def test_quoting_starts_from_the_quoted_post(space_world):
    w = space_world
    space = w.theme_space()
    topic = services.create_topic(space, actor=w.member, title="Q", body="First")
    first = db.session.scalars(select(services.Post).where(services.Post.topic_id == topic.id)).one()
    answer = services.reply(topic, space, actor=w.facilitator, body="> First\n\nAgreed", quote_of=first)
    assert answer.quote_of_id == first.id and "<blockquote>" in answer.body_html


def test_edit_by_author_only_and_shows_edited(space_world):
    w = space_world
    space = w.forum_space()
    topic = services.create_topic(space, actor=w.member, title="T", body="Draft")
    post = db.session.scalars(select(services.Post).where(services.Post.topic_id == topic.id)).one()
    with pytest.raises(ServiceError):
        services.edit_post(post, topic, space, actor=w.coordinator, body="Hijacked")
    services.edit_post(post, topic, space, actor=w.member, body="Final **text**")
    assert post.edited_at is not None and "<strong>text</strong>" in post.body_html


def test_delete_by_author_or_moderator_with_a_reason(space_world):
    w = space_world
    space = w.forum_space()
    topic = services.create_topic(space, actor=w.member, title="T", body="One")
    other = services.reply(topic, space, actor=w.coordinator, body="Two")
    mine = db.session.scalars(select(services.Post).where(services.Post.topic_id == topic.id)).first()
    with pytest.raises(ServiceError):
        services.delete_post(other, space, actor=w.member, reason="I disagree")  # not mine, not a moderator
    with pytest.raises(ServiceError) as refused:
        services.delete_post(mine, space, actor=w.member, reason="  ")
    assert refused.value.errors == [("reason", "Say why the post is deleted.")]
    services.delete_post(mine, space, actor=w.member, reason="Posted in the wrong place")
    services.delete_post(other, space, actor=w.coordinator, reason="Off topic")
    assert mine.body == "" and mine.delete_reason == "Posted in the wrong place" and other.deleted_at


def test_reporting_tells_the_moderators(space_world):
    w = space_world
    space = w.forum_space()
    topic = services.create_topic(space, actor=w.coordinator, title="T", body="Something")
    post = db.session.scalars(select(services.Post).where(services.Post.topic_id == topic.id)).one()
    services.report_post(post, topic, space, actor=w.member, reason="Shares a child's name")
    db.session.commit()
    assert db.session.scalar(select(PostReport.reason)) == "Shares a child's name"
    assert [n.kind for n in notes(w.admin)] == ["post_reported"]
    assert notes(w.member, "post_reported") == []


def test_attachments_use_the_shared_upload_checks(space_world):
    w = space_world
    space = w.forum_space()
    with pytest.raises(ServiceError) as refused:
        services.create_topic(
            space,
            actor=w.member,
            title="T",
            body="See file",
            upload=FileStorage(io.BytesIO(b"MZ..."), filename="virus.exe"),
        )
    assert refused.value.errors[0][0] == "attachment"
    topic = services.create_topic(
        space,
        actor=w.member,
        title="T",
        body="See file",
        upload=FileStorage(io.BytesIO(b"notes"), filename="notes.txt"),
    )
    post = db.session.scalars(select(services.Post).where(services.Post.topic_id == topic.id)).one()
    assert post.filename == "notes.txt" and post.size == 5


def test_unread_markers_search_and_whats_new(space_world):
    w = space_world
    space = w.forum_space()
    topic = services.create_topic(space, actor=w.member, title="Outdoor play", body="Mud kitchens are great")
    services.create_topic(space, actor=w.member, title="Transitions", body="Visits to the new school")
    db.session.commit()
    page, unread = queries.topic_page(space, w.coordinator, 1)
    assert len(page.items) == 2 and len(unread) == 2
    services.mark_read(topic, actor=w.coordinator)
    assert len(queries.topic_page(space, w.coordinator, 1)[1]) == 1
    found, _ = queries.topic_page(space, w.coordinator, 1, q="kitchens")
    assert [t.title for t in found.items] == ["Outdoor play"]
    new = queries.whats_new(w.coordinator)
    assert {t.title: unread for t, unread in new} == {"Outdoor play": False, "Transitions": True}
    assert queries.whats_new(w.outsider) == []


@pytest.mark.parametrize("app", ["sqlite"], indirect=True)
def test_whats_new_for_someone_who_sees_every_space_walks_the_last_post_index(app, space_world):
    """The lead officer sees every forum, theme and team: SQLite reads the newest topics in the order of the
    last-post index and stops after a page, instead of gathering every topic of each kind to sort them (4.8 ms on
    the scale data, against 0.1)."""
    services.create_topic(space_world.forum_space(), actor=space_world.member, title="Outdoor play", body="Mud")
    db.session.commit()
    with statements() as seen:
        assert [t.title for t, _ in queries.whats_new(space_world.admin)] == ["Outdoor play"]
    i = next(i for i, sql in enumerate(seen) if "FROM discussion_topic" in sql)
    plan = sqlite_plan(seen[i], seen.parameters[i])
    assert "ix_discussion_topic_last_post_at" in plan and "TEMP B-TREE" not in plan, plan


def test_the_read_marker_moves_only_when_a_post_came_since(space_world):
    from datetime import timedelta

    from portal.discussions.models import TopicRead

    w = space_world
    space = w.forum_space()
    topic = services.create_topic(space, actor=w.member, title="Snack time", body="Ideas?")
    db.session.commit()
    marker = lambda: db.session.scalar(  # noqa: E731
        select(TopicRead.read_at).where(TopicRead.user_id == w.coordinator.id, TopicRead.topic_id == topic.id)
    )
    first = topic.last_post_at
    services.mark_read(topic, actor=w.coordinator, at=first)  # a first read: the marker is written
    assert marker() == first
    services.mark_read(topic, actor=w.coordinator, at=first + timedelta(hours=1))  # nothing new: left alone
    assert marker() == first and not queries.unread_ids(w.coordinator, [topic])
    services.reply(topic, space, actor=w.member, body="Fruit?")
    assert queries.unread_ids(w.coordinator, [topic]) == {topic.id}
    services.mark_read(topic, actor=w.coordinator, at=topic.last_post_at + timedelta(seconds=1))
    assert marker() == topic.last_post_at + timedelta(seconds=1) and not queries.unread_ids(w.coordinator, [topic])


def test_search_ignores_case_in_titles_and_posts(space_world):
    w = space_world
    space = w.forum_space()
    services.create_topic(space, actor=w.member, title="Outdoor play", body="Mud Kitchens are great")
    services.create_topic(space, actor=w.member, title="Transitions", body="Visits to the new school")
    db.session.commit()
    for q in ("kitchens", "KITCHENS", "outdoor PLAY"):
        found, _ = queries.topic_page(space, w.coordinator, 1, q=q)
        assert [t.title for t in found.items] == ["Outdoor play"], q


def test_search_reads_a_post_as_last_edited(space_world):
    # PostgreSQL searches each post's stored words (`Post.body_words`), which the database rewrites on every edit.
    w = space_world
    space = w.forum_space()
    topic = services.create_topic(space, actor=w.member, title="Outdoor play", body="Mud kitchens are great")
    services.reply(topic, space, actor=w.member, body="We measured the puddles")
    db.session.commit()
    post = db.session.scalars(select(services.Post).where(services.Post.topic_id == topic.id).order_by("id")).first()
    services.edit_post(post, topic, space, actor=w.member, body="Sand pits are great")
    db.session.commit()
    searched = lambda q: [t.title for t in queries.topic_page(space, w.coordinator, 1, q=q)[0].items]  # noqa: E731
    assert searched("kitchens") == [] and searched("sand") == searched("measured") == ["Outdoor play"]
