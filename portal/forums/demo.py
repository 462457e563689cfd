"""Demo forums that are alive: a published agenda, past minutes with an open action, resources, a need."""

import io
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from portal.core.uploads import store_upload
from portal.extensions import db
from portal.forums.library import upcoming_events
from portal.forums.meetings import local_now
from portal.forums.models import Action, AgendaItem, Attendance, Forum, Meeting, Membership, Need, Resource
from portal.forums.rules import carried_title, school_year, tags_to_store

FORUMS = (
    (
        "early-years-forum",
        "Early Years Forum",
        "sector",
        "ELC",
        "",
        "Practitioners from early learning and childcare settings across the eight authorities. This year's "
        "focus: learning through play, and transitions from nursery to P1.",
    ),
    (
        "primary-forum",
        "Primary Forum",
        "sector",
        "Primary",
        "",
        "Class teachers and leaders from primary schools sharing practice in literacy, numeracy and wellbeing.",
    ),
    (
        "asn-forum",
        "ASN Forum",
        "sector",
        "ASN",
        "",
        "Staff from additional support for learning schools and services: communication, inclusion.",
    ),
    (
        "mathematics-network",
        "Mathematics Network",
        "subject",
        "Secondary",
        "Mathematics",
        "Secondary mathematics departments: the senior phase, numeracy across learning and moderation.",
    ),
    (
        "english-network",
        "English Network",
        "subject",
        "Secondary",
        "English",
        "Secondary English departments: reading for pleasure, talk and the senior phase.",
    ),
    (
        "sciences-network",
        "Sciences Network",
        "subject",
        "Secondary",
        "Sciences",
        "Secondary biology, chemistry and physics teachers: practical work and learning outside the classroom.",
    ),
)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def load_demo(ctx) -> None:
    lead, coordinator = ctx.users["lead"], ctx.users["coordinator"]
    forums = {}
    for slug, name, kind, sector, subject, description in FORUMS:
        forum = db.session.scalar(select(Forum).where(Forum.slug == slug))
        if forum is None:
            forum = Forum(
                slug=slug,
                name=name,
                kind=kind,
                sector=sector,
                subject=subject,
                description=description,
                officer_id=lead.id,
            )
            db.session.add(forum)
            db.session.flush()
        forums[slug] = forum
    early = forums["early-years-forum"]
    if db.session.scalar(select(Membership.id).where(Membership.forum_id == early.id)):
        return  # the living content is already there
    db.session.add_all(
        [
            Membership(forum_id=early.id, user_id=coordinator.id, coordinator=True),
            Membership(forum_id=early.id, user_id=ctx.users["practitioner"].id, coordinator=False),
            Membership(forum_id=forums["primary-forum"].id, user_id=ctx.users["leader"].id, coordinator=True),
            Membership(forum_id=forums["primary-forum"].id, user_id=ctx.users["practitioner"].id, coordinator=False),
        ]
    )
    _early_years_history(early, coordinator)
    _member_needs(early, ctx.users["practitioner"], coordinator)
    _primary_meeting_attended(forums["primary-forum"], ctx.users["leader"], ctx.users["practitioner"])
    network = Forum(
        slug="early-years-outdoor-play",
        name="Outdoor play enquiry network",
        kind="network",
        parent_id=early.id,
        sector="ELC",
        officer_id=lead.id,
        description="Settings trying one small change to outdoor play and measuring its impact.",
    )
    db.session.add(network)
    db.session.flush()
    db.session.add(Membership(forum_id=network.id, user_id=coordinator.id, coordinator=True))
    db.session.flush()


def _primary_meeting_attended(forum: Forum, leader, member) -> None:
    """A past Primary Forum meeting its coordinator (the demo leader) held, with its register kept: both
    attendees find it in their learning record."""
    day = (local_now() - timedelta(days=20)).date()
    meeting = Meeting(
        forum_id=forum.id,
        title="Primary Forum: numeracy across the school",
        starts_at=_at(day, 16),
        ends_at=_at(day, 17, 30),
        school_year=school_year(day),
        formal=True,
        place="Partnership learning centre, Glasgow",
        published_at=local_now() - timedelta(days=34),
        sent_at=local_now() - timedelta(days=34),
        agenda_version=1,
    )
    db.session.add(meeting)
    db.session.flush()
    db.session.add_all(
        [
            AgendaItem(
                meeting_id=meeting.id,
                position=0,
                title="Sharing practice: measuring number talk",
                lead="Catriona Leader",
                allotted_minutes=45,
                minutes_text="Three schools shared the short checks they use to see whether number talks help.",
            ),
            Attendance(meeting_id=meeting.id, user_id=leader.id, recorded_by_id=leader.id),
            Attendance(meeting_id=meeting.id, user_id=member.id, recorded_by_id=leader.id),
        ]
    )
    db.session.flush()


def _member_needs(forum: Forum, member, coordinator) -> None:
    """Needs a member raised: one waiting for the coordinator's triage, one merged, one declined with a reason."""
    waiting = Need(
        forum_id=forum.id,
        title="Risk-benefit assessments for loose parts outdoors",
        detail="We would like a shared template and someone to talk us through it.",
        raised_by=member.name,
        status="raised",
        recorded_by_id=member.id,
    )
    db.session.add(waiting)
    db.session.flush()
    db.session.add_all(
        [
            Need(
                forum_id=forum.id,
                title="Outdoor risk assessment templates",
                raised_by=member.name,
                status="merged",
                merged_into_id=waiting.id,
                triage_note="The same need as the loose parts one: merged so the offer answers both.",
                recorded_by_id=member.id,
            ),
            Need(
                forum_id=forum.id,
                title="A study visit to Reggio Emilia",
                raised_by=member.name,
                status="declined",
                triage_note="Beyond what the partnership can fund; the spring session on play covers the approach.",
                recorded_by_id=member.id,
            ),
        ]
    )


def _early_years_history(forum: Forum, coordinator) -> None:
    now = local_now()
    past_day, next_day = (now - timedelta(days=35)).date(), (now + timedelta(days=21)).date()
    past = Meeting(
        forum_id=forum.id,
        title="Early Years Forum: autumn meeting",
        starts_at=_at(past_day, 16),
        ends_at=_at(past_day, 17, 30),
        school_year=school_year(past_day),
        formal=True,
        place="Kelvinbank Early Learning Centre, Glasgow",
        published_at=now - timedelta(days=50),
        sent_at=now - timedelta(days=50),
        agenda_version=1,
    )
    db.session.add(past)
    db.session.flush()
    for i, (title, lead, minutes, minute) in enumerate(
        (
            (
                "Welcome and apologies",
                "Callum Coordinator",
                10,
                "Twelve settings represented from six authorities.",
            ),
            (
                "Sharing practice: loose parts play",
                "Guest practitioner",
                40,
                "Two settings shared how loose parts changed children's talk outdoors.",
            ),
            ("Transitions to P1", "Callum Coordinator", 30, "Members want a shared transition profile."),
        )
    ):
        db.session.add(
            AgendaItem(
                meeting_id=past.id,
                position=i,
                title=title,
                lead=lead,
                allotted_minutes=minutes,
                minutes_text=minute,
            )
        )
    action = Action(
        meeting_id=past.id,
        what="Draft a shared nursery-to-P1 transition profile",
        who="Callum Coordinator",
        due=next_day,
        done=False,
    )
    db.session.add_all(
        [
            action,
            Action(
                meeting_id=past.id,
                what="Circulate the loose parts slides",
                who="Guest practitioner",
                done=True,
            ),
        ]
    )
    resources = [
        Resource(
            forum_id=forum.id,
            title="Realising the Ambition: Being Me",
            url="https://education.gov.scot/",
            description="National practice guidance for early years.",
            tags=tags_to_store("play, guidance"),
            added_by_id=coordinator.id,
        ),
        Resource(
            forum_id=forum.id,
            title="Loose parts play toolkit",
            url="https://www.inspiringscotland.org.uk/",
            description="Ideas and risk-benefit notes for outdoor play.",
            tags=tags_to_store("play, outdoor"),
            added_by_id=coordinator.id,
        ),
    ]
    stored = store_upload(
        FileStorage(
            io.BytesIO(b"Transition profile - draft headings\n1. About me\n2. My friends\n3. What I like to learn\n"),
            filename="transition.txt",
        )
    )
    resources.append(
        Resource(
            forum_id=forum.id,
            title="Transition profile: draft headings",
            file_key=stored.key,
            filename=stored.filename,
            size=stored.size,
            tags=tags_to_store("transitions"),
            description="For comment before the next meeting.",
            added_by_id=coordinator.id,
        )
    )
    db.session.add_all(resources)
    db.session.flush()
    upcoming = Meeting(
        forum_id=forum.id,
        title="Early Years Forum: spring meeting",
        starts_at=_at(next_day, 16),
        ends_at=_at(next_day, 17, 30),
        school_year=school_year(next_day),
        formal=True,
        place="Online",
        online_link="https://meet.example.org/early-years-forum",
        published_at=now - timedelta(days=2),
        sent_at=now - timedelta(days=2),
        agenda_version=1,
    )
    db.session.add(upcoming)
    db.session.flush()
    items = [
        AgendaItem(
            meeting_id=upcoming.id,
            position=0,
            title="Welcome and apologies",
            lead="Callum Coordinator",
            allotted_minutes=5,
        ),
        AgendaItem(
            meeting_id=upcoming.id,
            position=1,
            title=carried_title(action.what, action.who, action.due),
            lead=action.who,
            allotted_minutes=15,
            carried_action_id=action.id,
        ),
        AgendaItem(
            meeting_id=upcoming.id,
            position=2,
            title="Sharing practice: block play and early maths",
            lead="Members",
            allotted_minutes=40,
        ),
        AgendaItem(meeting_id=upcoming.id, position=3, title="Networking and next steps", allotted_minutes=20),
    ]
    items[1].resources = [resources[2]]
    db.session.add_all(items)
    event = next(iter(upcoming_events(1)), None)  # the events demo runs first: offer its next session
    db.session.add(
        Need(
            forum_id=forum.id,
            offer_event_id=event.id if event else None,
            title="Observing and assessing learning through play",
            detail="Members want practical ways to observe play and use it in planning.",
            raised_by="Most members at the autumn meeting",
            status="offered",
            offer="A twilight session in the spring on observation in play-based learning.",
            recorded_by_id=coordinator.id,
        )
    )
    db.session.add(
        Need(
            forum_id=forum.id,
            title="Supporting children with emerging language",
            raised_by="Three settings",
            status="raised",
            recorded_by_id=coordinator.id,
        )
    )
    db.session.flush()
