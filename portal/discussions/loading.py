"""Loading a topic or post with its space, authorised for the person (shared by the view modules)."""

from flask import abort

from portal.core.access import get_or_404
from portal.discussions.models import Post, Topic
from portal.discussions.spaces import Space, load_or_404


def load_topic(topic_id: int, user) -> tuple[Topic, Space]:
    topic = get_or_404(Topic, topic_id)
    return topic, load_or_404(topic.space_type, topic.space_id, user)


def load_post(post_id: int, user) -> tuple[Post, Topic, Space]:
    post = get_or_404(Post, post_id)
    topic, space = load_topic(post.topic_id, user)
    if post.deleted_at is not None:
        abort(404)
    return post, topic, space
