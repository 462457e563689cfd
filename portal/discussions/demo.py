"""Demo discussions: a few lively topics in every demo forum, theme and team, with replies and mentions, so
the demo practitioner finds unread notifications. Idempotent: a space that has its first topic is skipped."""

from datetime import timedelta

from sqlalchemy import select

from portal.core.dates import utcnow
from portal.discussions import services
from portal.discussions.models import Post, PostReport, Topic
from portal.discussions.spaces import find
from portal.enquiries.models import Team, TeamMember, Theme
from portal.extensions import db
from portal.forums import services as forum_services
from portal.forums.models import Forum

PEOPLE = ("practitioner", "facilitator", "coordinator", "leader", "lead", "colleague")
SCRIPTS = (
    (
        "How do you measure impact on a small change?",
        "We are trying **one small change** and want evidence beyond a feeling. What have you used that was "
        "quick to collect every week?",
        (
            "A tally chart on the classroom door worked for us: two minutes at the end of each day.",
            "{mention} have a look at the run chart guidance in the library: a baseline of three weeks helps.",
            "Thanks, both. We will start the baseline on Monday and share it here.",
        ),
    ),
    (
        "Ideas for the next meeting",
        "What would you like to hear about at the next meeting? I can ask a colleague to present.",
        (
            "Transitions from nursery to P1: our families keep asking about it.",
            "Yes please. {mention}, could your team share what you tried last term?",
        ),
    ),
    (
        "Sharing a resource: planning template",
        "Here is the planning template we use for a small enquiry:\n\n1. The change\n2. Who benefits\n"
        "3. How we will know\n\nHappy to talk it through.",
        ("This is really clear, thank you.",),
    ),
)


def _spaces(ctx):
    """The demo's own spaces (never the scale data's): its forums, the 2020-21 themes, teams with demo people."""
    forums = db.session.scalars(select(Forum).where(Forum.slug.not_like("scale-%")).order_by(Forum.id)).all()
    themes = db.session.scalars(select(Theme).where(Theme.school_year == "2020-21").order_by(Theme.id)).all()
    demo_ids = [u.id for u in ctx.users.values()]
    teams = db.session.scalars(
        select(Team)
        .where(Team.id.in_(select(TeamMember.team_id).where(TeamMember.user_id.in_(demo_ids))))
        .order_by(Team.id)
        .limit(10)
    ).all()
    return [("forum", f.id) for f in forums] + [("theme", t.id) for t in themes] + [("team", t.id) for t in teams]


def load_demo(ctx) -> None:
    people = [ctx.users[k] for k in PEOPLE if k in ctx.users]
    practitioner = ctx.users["practitioner"]
    for space_type, space_id in _spaces(ctx):
        space = find(space_type, space_id)
        if space is None or db.session.scalar(
            select(Topic.id).where(
                Topic.space_type == space_type, Topic.space_id == space_id, Topic.title == SCRIPTS[0][0]
            )
        ):
            continue
        voices = [p for p in people if space.can_view(p)]
        if space_type == "forum" and len(voices) < 3:  # a quiet forum: demo colleagues join to take part
            for key in ("facilitator", "leader"):
                forum_services.join(space.owner, actor=ctx.users[key])
            voices = [p for p in people if space.can_view(p)]
        if len(voices) < 2:
            continue
        mention = f"@[{practitioner.name}]" if practitioner in voices else "Everyone"
        for n, (title, opener, replies) in enumerate(SCRIPTS):
            topic = services.create_topic(space, actor=voices[n % len(voices)], title=title, body=opener)
            for r, text in enumerate(replies):
                services.reply(topic, space, actor=voices[(n + r + 1) % len(voices)], body=text.format(mention=mention))
            _spread(topic, days_ago=3 * n + 1)
    db.session.flush()
    _reported_post(ctx)


def _reported_post(ctx) -> None:
    """A post reported in the Early Years Forum, waiting on its moderators' list (the coordinator's)."""
    forum = db.session.scalar(select(Forum).where(Forum.slug == "early-years-forum"))
    space = find("forum", forum.id) if forum else None
    topic = space and db.session.scalar(
        select(Topic).where(Topic.space_type == "forum", Topic.space_id == forum.id).order_by(Topic.id).limit(1)
    )
    if topic is None or db.session.scalar(select(PostReport.id).limit(1)):
        return
    reporter, writer = ctx.users["practitioner"], ctx.users.get("colleague")
    if writer is None or not space.can_view(reporter):
        return
    if not space.can_view(writer):  # a colleague joins the forum, then posts something off-limits
        forum_services.join(forum, actor=writer)
    post = services.reply(topic, space, actor=writer, body="Our nursery sells a tracking app: message me for prices.")
    services.report_post(post, topic, space, actor=reporter, reason="Selling a product in the forum.")


def _spread(topic: Topic, days_ago: int) -> None:
    """Give the topic a believable history: posts an hour or so apart, starting `days_ago` days back."""
    start = utcnow() - timedelta(days=days_ago)
    posts = db.session.scalars(select(Post).where(Post.topic_id == topic.id).order_by(Post.id)).all()
    for i, post in enumerate(posts):
        post.created_at = start + timedelta(hours=i * 3)
    topic.created_at, topic.last_post_at = posts[0].created_at, posts[-1].created_at
