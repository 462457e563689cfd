"""Demo and scale data for the learning record: a few entries each for the demo practitioner and leader (one
shared with a reviewer), and a few entries for many people, inserted in bulk."""

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import insert, select

from portal.core.dates import utcnow
from portal.core.roles import Role
from portal.events.models import Booking
from portal.extensions import db
from portal.learning import services, settings, targets
from portal.learning.goals import own_goals
from portal.learning.models import LearningEntry, PrdTarget
from portal.learning.pack import school_year

OWN = (
    (
        "reading",
        "Read 'Learning through play' guidance (Realising the Ambition)",
        40,
        "1.5",
        "clpl",
        ["2"],
        "Changed how I set up the P1 morning: more open-ended materials; children sustained play for longer.",
        "https://education.gov.scot/media/3bjpr3wa/realisingtheambition.pdf",
    ),
    (
        "visit",
        "Visit to a partner school's outdoor learning space",
        25,
        "3",
        "clpl",
        ["2", "3"],
        "Saw loose-parts play in practice; colleagues and I planned a trial for our playground.",
        "Notes of the visit, shared with the early level team",
    ),
    (
        "course",
        "Coaching conversations course (local authority)",
        12,
        "6",
        "middle",
        ["1", "3"],
        "I now use coaching questions in team meetings; two colleagues led their own enquiry questions.",
        "Course certificate",
    ),
)


def _own(person, reviewer, today: date) -> None:
    if db.session.scalar(
        select(LearningEntry.id).where(LearningEntry.user_id == person.id, LearningEntry.source.is_(None)).limit(1)
    ):
        return  # idempotent: this person's own entries are already there
    for n, (kind, title, days_ago, hours, standard, sections, reflection, evidence) in enumerate(OWN):
        on = today - timedelta(days=days_ago)
        services.save_entry(
            None,
            actor=person,
            fields={
                "title": title,
                "kind": kind,
                "started_on": on,
                "ended_on": on,
                "hours": Decimal(hours),
                "standard": standard,
                "sections": sections,
                "reflection": reflection,
                "evidence": evidence,
            },
            reviewer_email=reviewer.email if n == 0 else "",
        )


def load_demo(ctx) -> None:
    u = ctx.users
    today = date.today()
    _own(u["practitioner"], u["leader"], today)  # the depute reviews the class teacher's PRD
    _own(u["leader"], u["lead"], today)
    attended = db.session.scalar(
        select(Booking.id).where(Booking.user_id == u["leader"].id, Booking.attended.is_(True)).limit(1)
    )
    if attended is not None:  # the leader has added one event; the practitioner's stays a suggestion
        entry = services.add_from_booking(attended, actor=u["leader"])
        if not entry.reflection:
            entry.reflection = "Heard three teams' findings; I will ask our staff to try the playground trial."
            entry.sections = "2"
    _leaders_prd(u["leader"], u["lead"], today)
    db.session.flush()


def _leaders_prd(leader, reviewer, today: date) -> None:
    """The demo leader's forum meeting in the record, a PRD target linked to their plan goal and shared with
    their reviewer, and their Professional Update sign-off date (each once)."""
    from portal.learning.sources import SOURCES

    meeting = next(iter(SOURCES["forum_meeting"].find(leader, 1)), None) if "forum_meeting" in SOURCES else None
    if meeting is not None:
        entry = services.add_from_activity(meeting.source, meeting.source_id, actor=leader)
        if not entry.reflection:
            entry.reflection = "Other schools' number-talk checks gave our team a measure to try this term."
            entry.sections = "3"
    if settings.signoff_of(leader) is None:
        settings.save_signoff(actor=leader, signoff_on=date(today.year + 2, 6, 30), today=today)
    if db.session.scalar(select(PrdTarget.id).where(PrdTarget.user_id == leader.id).limit(1)) is None:
        goal = next(iter(own_goals(leader)), None)
        targets.save_target(
            None,
            actor=leader,
            title="Lead our staff in using data to judge the impact of a change",
            description="Agree measures before each change; review them with the team each term.",
            year=school_year(today)[0].year,
            goal_id=goal.id if goal else None,
            reviewer_email=reviewer.email,
            today=today,
        )


SCALE_PEOPLE = 5000
KINDS = ("reading", "course", "visit", "other")


def load_scale(ctx) -> None:
    """Three to six own entries each for several thousand practitioners over the last years, in bulk."""
    rng = ctx.rng
    people = ctx.user_ids_by_role.get(Role.PRACTITIONER, [])[:SCALE_PEOPLE]
    today, now = date.today(), utcnow()
    rows = []
    for uid in people:
        for n in range(rng.randint(3, 6)):
            on = today - timedelta(days=rng.randint(0, 365 * ctx.years))
            rows.append(
                {
                    "user_id": uid,
                    "kind": KINDS[n % 4],
                    "title": f"{KINDS[n % 4].title()} {n + 1}",
                    "started_on": on,
                    "ended_on": on,
                    "hours": Decimal(rng.choice(("1", "1.5", "3", "6"))),
                    "standard": rng.choice(("registration", "clpl", "middle")),
                    "sections": "2,3",
                    "reflection": "What changed in my practice and for learners.",
                    "evidence": "",
                    "created_at": now,
                    "updated_at": now,
                }
            )
    for start in range(0, len(rows), 5000):
        db.session.execute(insert(LearningEntry), rows[start : start + 5000])
    this_year = school_year(today)[0].year
    if not people:
        return
    db.session.execute(  # one PRD target each for the first thousand: the record lists them
        insert(PrdTarget),
        [
            {
                "user_id": uid,
                "title": "Use enquiry to improve one aspect of my practice",
                "description": "",
                "school_year": this_year,
                "created_at": now,
                "updated_at": now,
            }
            for uid in people[:1000]
        ],
    )
    db.session.flush()
