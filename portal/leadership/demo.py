"""Demo data: the two frameworks, the demo senior leader's evaluations, plan and cohort; scale history."""

from datetime import date, datetime, timedelta

from sqlalchemy import insert, select

from portal.events.models import BOOKED, Booking
from portal.extensions import db
from portal.frameworks import services as frameworks
from portal.frameworks.defaults import six_point_scale
from portal.frameworks.models import Framework, FrameworkItem, FrameworkSection, FrameworkVersion
from portal.leadership import insights, plans, programme, queries, services, sessions
from portal.leadership.content import CAPACITY, LEADERSHIP
from portal.leadership.models import (
    CONFIRMED,
    IN_PROGRESS,
    SUBMITTED,
    CohortPlace,
    DevelopmentPlan,
    EvaluationAnswer,
    GoalUpdate,
    LeadershipCohort,
    PlanGoal,
    ProgrammeYear,
    SelfEvaluation,
)

# The demo leader's start-of-year ratings per domain: data and impact is the clear gap.
START_RATINGS = {
    "enquiry": [4, 3, 4, 3, 4],
    "collaboration": [5, 4, 4, 5, 3],
    "data": [2, 3, 2, 2, 3],
    "observation": [3, 2, 3, 3, 2],
    "sharing": [4, 3, 3, 4, 3],
}


def ensure_frameworks() -> dict[str, Framework]:
    """The two programme frameworks (idempotent)."""
    scale = six_point_scale()
    found = {}
    for spec in (LEADERSHIP, CAPACITY):
        framework = db.session.scalar(select(Framework).where(Framework.slug == spec["slug"]))
        found[spec["kind"]] = framework or frameworks.create_framework(scale=scale, **spec)
    return found


def _year() -> ProgrammeYear:
    today = date.today()
    start = today.year if today.month >= 8 else today.year - 1
    label = f"{start}-{str(start + 1)[2:]}"
    year = db.session.scalar(select(ProgrammeYear).where(ProgrammeYear.label == label))
    return year or programme.create_year(
        label=label, starts_on=date(start, 8, 15), ends_on=date(start + 1, 6, 26), actor=None
    )


def load_demo(ctx) -> None:
    leader, lead = ctx.users["leader"], ctx.users["lead"]
    found = ensure_frameworks()
    year = _year()
    cohort = db.session.scalar(
        select(LeadershipCohort).where(LeadershipCohort.year_id == year.id, LeadershipCohort.name == "Cohort A")
    )
    if cohort is None:
        cohort = programme.create_cohort(year, name="Cohort A", actor=lead)
        cohort.facilitator = ctx.users["facilitator"]
        db.session.flush()
        # Started two months ago: the introductory days are past (attended), the modules mostly to come.
        sessions.programme_sessions(
            cohort,
            first_day=max(year.starts_on, date.today() - timedelta(days=60)),
            actor=lead,
            place="Partnership learning centre, Glasgow",
            online_url="",
        )
        db.session.add(
            CohortPlace(
                cohort_id=cohort.id, person_id=leader.id, status=CONFIRMED, nominated_by_id=ctx.users["la_officer"].id
            )
        )
        db.session.flush()
        for event in sessions.cohort_sessions(cohort):
            if event.compulsory and event.has_started():
                db.session.add(Booking(event_id=event.id, user_id=leader.id, status=BOOKED, attended=True))
        sessions.book_compulsory(cohort, leader, actor=lead)
    if db.session.scalar(select(SelfEvaluation.id).where(SelfEvaluation.owner_id == leader.id)):
        return
    framework = found["leadership"]
    first = services.start_evaluation(framework, label=f"Start of year {year.label}", actor=leader)
    version = frameworks.load_version(first.version_id)
    values = range(1, 7)
    for section in version.sections:
        ratings = START_RATINGS[section.module]
        answers = {i.id: (str(r), "") for i, r in zip(section.items, ratings, strict=True)}
        if section.module == "data":
            answers[section.items[1].id] = (
                "3",
                "We track attendance well but rarely decide up front how we will know a change worked.",
            )
        services.save_answers(first, answers, scale_values=values, actor=leader)
    services.submit_evaluation(first, version, actor=leader)
    first.started_at = datetime.combine(year.starts_on + timedelta(days=14), datetime.min.time())
    first.submitted_at = first.started_at + timedelta(days=2)
    db.session.flush()
    insights.record_scores(first.id)  # its year follows the back-dated submission
    later = services.start_evaluation(framework, label=f"Midpoint {year.label}", actor=leader)
    section = version.sections[0]
    services.save_answers(later, {i.id: ("5", "") for i in section.items[:3]}, scale_values=values, actor=leader)
    _capacity_evaluation(found["school_capacity"], leader, year)
    result = services.result_of(version, services.answers_by_item(first), 6)
    plan = queries.load_plan(plans.create_plan(first, result, 6, actor=leader).id)
    plans.add_goal(
        plan,
        what="Lead our team to decide how we will measure the impact of our numeracy enquiry.",
        actions="Module 3; agree a data collection plan with the team by October; review it in January.",
        success="Every team member can say which measures we use and why.",
        due_on=year.starts_on + timedelta(days=120),
        actor=leader,
    )
    plans.choose_modules(plan, ["data", "observation"], actor=leader)
    plans.request_learning(plan, "Coaching conversations with staff who are reluctant to be observed.", actor=leader)
    plans.share_plan(plan, lead.email, actor=leader)
    plans.add_comment(
        plan,
        "A focused plan. Module 3 runs in November; the observation module would follow well in the spring.",
        actor=lead,
    )
    facilitator = ctx.users["facilitator"]
    plans.share_plan(plan, facilitator.email, actor=leader)  # the cohort's facilitator reviews it too
    asked = plans.add_comment(
        plan, "Could the success criterion name the measure the team will use?", actor=facilitator
    )
    plans.add_comment(plan, "Done: the goal now names weekly attendance at the club.", actor=leader)
    plans.toggle_comment(plan, asked.id, actor=leader)  # acted on and resolved
    plans.agree_plan(plan, actor=lead)  # the agreed plan drives the leader's bookings this year
    _year_under_way(queries.load_plan(plan.id), leader, facilitator)
    db.session.flush()


CAPACITY_RATINGS = {  # per capacity domain's module or support key: the school's profile
    "collaboration": (3, 2, 3, 3),
    "enquiry": (4, 4, 3, 4),
    "data": (3, 3, 4, 3),
    "observation": (4, 5, 4, 4),
    "network": (2, 3, 2, 2),
    "practice": (4, 4, 5, 4),
    "sharing": (3, 4, 3, 3),
}


def _capacity_evaluation(framework, leader, year) -> None:
    """The demo leader's school-capacity evaluation, submitted a week after the leadership one."""
    evaluation = services.start_evaluation(framework, label=f"Our school {year.label}", actor=leader)
    version = frameworks.load_version(evaluation.version_id)
    for section in version.sections:
        ratings = CAPACITY_RATINGS.get(section.module, (4,) * len(section.items))
        answers = {i.id: (str(r), "") for i, r in zip(section.items, ratings, strict=False)}
        services.save_answers(evaluation, answers, scale_values=range(1, 7), actor=leader)
    services.submit_evaluation(evaluation, version, actor=leader)
    evaluation.started_at = datetime.combine(year.starts_on + timedelta(days=21), datetime.min.time())
    evaluation.submitted_at = evaluation.started_at + timedelta(days=1)
    db.session.flush()


def _year_under_way(plan, leader, facilitator) -> None:
    """Progress on the goal with the attended introductory day as evidence, and the midpoint review."""
    attended = db.session.scalar(
        select(Booking.id).where(Booking.user_id == leader.id, Booking.attended.is_(True)).order_by(Booking.id)
    )
    goal = plan.goals[0]
    plans.record_progress(
        plan,
        goal.id,
        note="The team agreed three measures: a numeracy check every fortnight, pupil confidence and a staff log.",
        status="on_track",
        booking_id=attended,
        actor=leader,
    )
    plans.record_progress(
        plan,
        goal.id,
        note="Two colleagues still unsure how to read the run chart; planned a short session before Christmas.",
        status="at_risk",
        actor=leader,
    )
    plans.record_review(
        plan,
        kind="midpoint",
        met_on=date.today() - timedelta(days=3),
        record="Good progress on measures; the team meets fortnightly. Confidence with reading data is uneven.",
        next_steps="Book module 4 for the spring; pair the two colleagues with the depute for the run charts.",
        actor=facilitator,
    )


def _scale_progress(under_way, rng) -> None:
    """One goal per plan under way and one to three progress updates on it, inserted in bulk."""
    if not under_way:
        return
    goal_ids = list(
        db.session.scalars(
            insert(PlanGoal).returning(PlanGoal.id, sort_by_parameter_order=True),
            [
                {
                    "plan_id": pid,
                    "what": "Lead our team's enquiry with clear measures of impact.",
                    "actions": "Module 3; a data plan agreed with the team.",
                    "success": "Every member can say which measures we use and why.",
                    "reflection": "",
                }
                for pid, _, _ in under_way
            ],
        )
    )
    statuses = ("on_track", "at_risk", "achieved")
    db.session.execute(
        insert(GoalUpdate),
        [
            {
                "goal_id": gid,
                "author_id": owner,
                "note": "Progress noted at the team meeting.",
                "status": statuses[min(k, 2)],
                "file_name": "",
                "created_at": when + timedelta(days=40 * (k + 1)),
            }
            for gid, (_, owner, when) in zip(goal_ids, under_way, strict=True)
            for k in range(rng.randint(1, 3))
        ],
    )


def load_scale(ctx) -> None:
    """Several years of start- and end-of-year evaluations for many senior leaders, inserted in bulk."""
    found = ensure_frameworks()
    framework = found["leadership"]
    version_id = frameworks.published_version_id(framework.id)
    db.session.get(FrameworkVersion, version_id).in_use = True
    item_rows = (
        db.session.execute(
            select(FrameworkItem.id).join(FrameworkSection).where(FrameworkSection.version_id == version_id)
        )
        .scalars()
        .all()
    )
    leaders = ctx.user_ids_by_role.get("senior_leader", [])[:1200]
    rng, this_year = ctx.rng, date.today().year
    evaluations = []
    for n, owner in enumerate(leaders):
        base = rng.uniform(1.8, 4.2)
        for back in range(ctx.years):
            if (n + back) % 3 == 0:
                continue  # not every leader evaluates every year
            start = datetime(this_year - back - 1, 9, 1 + n % 27)
            for label, when, lift in (
                ("Start of year", start, 0.0),
                ("End of year", start.replace(year=start.year + 1, month=6), 0.8),
            ):
                evaluations.append((owner, label, when, base + lift + (ctx.years - back) * 0.2))
    rows = [
        {
            "owner_id": o,
            "framework_id": framework.id,
            "version_id": version_id,
            "label": f"{lab} {w.year}",
            "status": SUBMITTED,
            "started_at": w,
            "updated_at": w,
            "submitted_at": w,
        }
        for o, lab, w, _ in evaluations
    ]
    ids = list(
        db.session.scalars(insert(SelfEvaluation).returning(SelfEvaluation.id, sort_by_parameter_order=True), rows)
    )
    answers = []
    for evaluation_id, (_, _, when, level) in zip(ids, evaluations, strict=True):
        for item_id in item_rows:
            rating = max(1, min(6, round(level + rng.uniform(-1.2, 1.2))))
            answers.append(
                {
                    "evaluation_id": evaluation_id,
                    "item_id": item_id,
                    "rating": rating,
                    "notes": "",
                    "updated_at": when,
                }
            )
            if len(answers) >= 20000:
                db.session.execute(insert(EvaluationAnswer), answers)
                answers = []
    if answers:
        db.session.execute(insert(EvaluationAnswer), answers)
    picked = list(range(0, len(ids), 4))
    plan_ids = list(
        db.session.scalars(
            insert(DevelopmentPlan).returning(DevelopmentPlan.id, sort_by_parameter_order=True),
            [
                {
                    "owner_id": evaluations[i][0],
                    "evaluation_id": ids[i],
                    "title": "Development plan",
                    # Every other plan is under way: agreed, with a goal and its progress.
                    "status": IN_PROGRESS if n % 2 else "draft",
                    "agreed_at": evaluations[i][2] + timedelta(days=14) if n % 2 else None,
                    "created_at": evaluations[i][2],
                    "updated_at": evaluations[i][2],
                }
                for n, i in enumerate(picked)
            ],
        )
    )
    _scale_progress(
        [
            (pid, evaluations[i][0], evaluations[i][2])
            for n, (pid, i) in enumerate(zip(plan_ids, picked, strict=True))
            if n % 2
        ],
        rng,
    )
    insights.record_scores()
    db.session.flush()
