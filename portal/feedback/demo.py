"""Demo data for feedback: a webinar eight days ago, organised by the demo facilitator, with twelve people
marked present and nine answers (enough to show the aggregate); the demo practitioner came too and still has
feedback to give. This school year's end-of-year evaluation is open, with answers from cohort A's people (the
demo practitioner and senior leader still have theirs to give), and its reminder has gone to the demo accounts that
have still to answer (the demo practitioner finds it under the bell)."""

from datetime import date, timedelta

from sqlalchemy import select

from portal.accounts.models import User, UserRole
from portal.cohorts.models import NetworkCohort, Nomination
from portal.core.roles import Role
from portal.events.models import BOOKED, Booking, Event, local_now
from portal.extensions import db
from portal.feedback import evaluation_reminders
from portal.feedback.evaluation import create_round, open_round
from portal.feedback.models import EvaluationRound, EventFeedback, NetworkEvaluation

TITLE = "Webinar: planning your data collection"
SAYINGS = (
    "Agree one measure with my team before the next cycle.",
    "Ask the pupils what they noticed, not only what they scored.",
    "Collect the same data every Friday so the run chart means something.",
    "Keep a short log of what we changed and when.",
    "Share our first run chart at the next network meeting.",
    "Start smaller: one class, one measure, four weeks.",
    "",
    "Use the data collection plan template with my depute.",
    "Write the prediction down before we start the cycle.",
)
HELPED = ("Time set aside by my head teacher.", "Our facilitator's check-ins.", "Meeting the other schools.")
HINDERED = ("Staff absence in the spring term.", "Finding time to collect data weekly.", "")


def _people(ctx, n: int) -> list[User]:
    demo_ids = [u.id for u in ctx.users.values()]
    return list(
        db.session.scalars(
            select(User)
            .join(UserRole, UserRole.user_id == User.id)
            .where(UserRole.role == str(Role.PRACTITIONER), User.id.not_in(demo_ids))
            .order_by(User.id)
            .limit(n)
        )
    )


def _webinar(ctx) -> None:
    if db.session.scalar(select(Event.id).where(Event.title == TITLE)):
        return  # idempotent
    start = (local_now() - timedelta(days=8)).replace(hour=16, minute=0, second=0, microsecond=0)
    event = Event(
        title=TITLE,
        kind="webinar",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        online_url="https://meet.example.org/westpartnership/data-collection",
        description="What to measure, how often, and who collects it: a data collection plan in an hour.",
        organiser=ctx.users["facilitator"],
    )
    db.session.add(event)
    db.session.flush()
    others = _people(ctx, 11)
    for person in [ctx.users["practitioner"], *others]:
        db.session.add(Booking(event_id=event.id, user_id=person.id, status=BOOKED, attended=True))
    for k, person in enumerate(others[: len(SAYINGS)]):
        before = 2 + k % 2
        db.session.add(
            EventFeedback(
                event_id=event.id,
                user_id=person.id,
                rating=(5, 4, 4, 3, 5, 4, 2, 5, 4)[k],
                do_differently=SAYINGS[k],
                confidence_before=before,
                confidence_after=before + (1 if k % 3 else 2),
            )
        )


def _evaluation(ctx) -> None:
    today = date.today()
    year = today.year if today.month >= 8 else today.year - 1
    if db.session.scalar(select(EvaluationRound.id).where(EvaluationRound.school_year == year)):
        return
    found = create_round(
        school_year=year, opens_on=today - timedelta(days=3), closes_on=today + timedelta(days=30), actor=None
    )
    cohort = db.session.scalar(
        select(NetworkCohort)
        .where(NetworkCohort.school_year == f"{year}-{str(year + 1)[2:]}")
        .order_by(NetworkCohort.id)
    )
    if cohort is None:
        return
    skip = {ctx.users["practitioner"].id, ctx.users["leader"].id}
    people = []
    for nomination in db.session.scalars(
        select(Nomination).where(Nomination.cohort_id == cohort.id).order_by(Nomination.id)
    ):
        people += [p for p in (nomination.leader_id, nomination.practitioner_id) if p and p not in skip]
    for k, user_id in enumerate(people[:14]):
        db.session.add(
            NetworkEvaluation(
                round_id=found.id,
                network_kind="cohort",
                network_id=cohort.id,
                user_id=user_id,
                role="participant",
                progress=2 + k % 4,
                impact=2 + (k + 1) % 3,
                progress_text="Our team tested two changes and kept one." if k % 2 else "",
                helped=HELPED[k % 3],
                hindered=HINDERED[k % 3],
            )
        )


def load_demo(ctx) -> None:
    _webinar(ctx)
    _evaluation(ctx)
    db.session.flush()
    found = open_round(date.today())
    if found is not None:  # the demo accounts' reminders (the scale region's thousands are not sent)
        evaluation_reminders.send(found, evaluation_reminders.due(found, among=[u.id for u in ctx.users.values()]))
