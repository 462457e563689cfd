"""Partnership-scale discussions for the benchmark: years of topics and posts in the forums, themes and teams,
and notifications for thousands of people, inserted in bulk."""

from datetime import timedelta

from sqlalchemy import insert, select

from portal.core.dates import utcnow
from portal.core.roles import Role
from portal.discussions.models import Post, Topic, TopicRead
from portal.enquiries.models import Team, Theme
from portal.extensions import db
from portal.forums.models import Forum
from portal.notifications.models import Notification

TOPICS_PER_FORUM_YEAR = 240  # a busy forum: 1,200 topics over five years
TOPICS_PER_THEME_YEAR = 40
TOPICS_PER_TEAM = 4
BODY = (
    "We tried the idea from the last meeting with a P3 class: outdoor maths twice a week. Engagement "
    "went up, especially for learners who find the classroom hard. Has anyone measured this over a term?"
)
BATCH = 20000


def _insert(model, rows: list[dict]) -> None:
    for start in range(0, len(rows), BATCH):
        db.session.execute(insert(model), rows[start : start + BATCH])


def load_scale(ctx) -> None:
    rng, now = ctx.rng, utcnow()
    people = ctx.user_ids_by_role[Role.PRACTITIONER]
    spaces = [("forum", i, TOPICS_PER_FORUM_YEAR * ctx.years) for i in db.session.scalars(select(Forum.id))]
    spaces += [("theme", i, TOPICS_PER_THEME_YEAR * ctx.years) for i in db.session.scalars(select(Theme.id))]
    spaces += [("team", i, TOPICS_PER_TEAM) for i in db.session.scalars(select(Team.id))]
    span = ctx.years * 365 * 24  # hours of history
    topics, counts = [], []
    for space_type, space_id, n in spaces:
        for k in range(n):
            started = now - timedelta(hours=rng.randrange(span))
            posts = 1 + int(rng.expovariate(1 / 8))
            topics.append(
                {
                    "space_type": space_type,
                    "space_id": space_id,
                    "anchor": "",
                    "post_count": posts,
                    "author_id": rng.choice(people),
                    "created_at": started,
                    "title": f"Question {k + 1}: outdoor learning and measuring impact",
                    "last_post_at": started + timedelta(hours=posts),
                }
            )
            counts.append(posts)
    ids = []
    for start in range(0, len(topics), BATCH):
        ids += db.session.scalars(
            insert(Topic).returning(Topic.id, sort_by_parameter_order=True), topics[start : start + BATCH]
        ).all()
    posts = []
    for topic_id, topic, n in zip(ids, topics, counts, strict=True):
        posts += [
            {
                "topic_id": topic_id,
                "author_id": rng.choice(people),
                "body": BODY,
                "body_html": f"<p>{BODY}</p>",
                "file_key": "",
                "filename": "",
                "size": 0,
                "delete_reason": "",
                "created_at": topic["created_at"] + timedelta(hours=j),
            }
            for j in range(n)
        ]
        if len(posts) >= BATCH:
            _insert(Post, posts)
            posts = []
    _insert(Post, posts)
    readers = rng.sample(people, 2000)
    _insert(TopicRead, [{"user_id": u, "topic_id": t, "read_at": now} for u in readers for t in rng.sample(ids, 20)])
    notes = [
        {
            "user_id": u,
            "kind": rng.choice(("reply", "mention", "minutes_published")),
            "subject": "A reply",
            "summary": BODY[:120],
            "url": "/discussions/new",
            "space_type": "forum",
            "space_id": 1,
            "space_label": "Forum",
            "email_mode": "daily",
            "created_at": now - timedelta(hours=h),
            "emailed_at": now,
            "read_at": None if h % 3 else now,
        }
        for u in rng.sample(people, 5000)
        for h in range(20)
    ]
    _insert(Notification, notes)
    db.session.flush()
