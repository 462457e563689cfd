"""Demo and scale data for network cohorts: cohort 2026-27 A matched and published, five years at scale."""

from datetime import date, timedelta

from sqlalchemy import insert, select

from portal.accounts.models import User, UserRole
from portal.cohorts import publishing, sessions
from portal.cohorts.models import (
    CohortFacilitator,
    CohortTeam,
    ConfidenceResponse,
    InterestResponse,
    MatchingConstraint,
    NetworkCohort,
    Nomination,
    SupportMeeting,
)
from portal.cohorts.rules import CONFIDENCE_ITEMS, SUGGESTED_INTERESTS
from portal.core.roles import Role
from portal.demo.names import FIRST, LAST
from portal.enquiries import plans, queries
from portal.enquiries.models import TeamMember
from portal.enquiries.plan_models import DataPoint
from portal.extensions import db

PER_LA = 6
HUNCHES = (
    "I wonder whether {a} would help the children who find {b} hardest.",
    "Our learners say {a} feels disconnected from home: could families help?",
    "If we planned {a} together across the stages, would {b} improve?",
    "Do short daily routines around {a} make a difference to confidence in {b}?",
)


def _interests_for(j: int, person: int) -> list[str]:
    """Planted communities: establishment j leans to community j % 8, with some variety per person."""
    base = (j % 8) * 3 // 2
    picks = [SUGGESTED_INTERESTS[(base + k + person) % len(SUGGESTED_INTERESTS)] for k in (0, 1, 3)]
    return picks


def _dates(year: int, letter: str) -> dict:
    start = date(year, 9, 1) if letter == "A" else date(year + 1, 1, 12)
    offsets = {
        "launch_on": 7,
        "survey_opens_on": 8,
        "survey_closes_on": 22,
        "matching_on": 35,
        "enquiry_question_on": 56,
        "measuring_impact_on": 84,
        "direct_observation_on": 112,
        "sharing_on": 200,
    }
    return {k: start + timedelta(days=v) for k, v in offsets.items()}


def _person(name_index: int, est, promoted: bool, password: str) -> User:
    email = f"cohort.{est.seed_code}.{'lead' if promoted else 'prac'}@demo.example.org"
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        user = User(
            name=f"{FIRST[name_index % len(FIRST)]} {LAST[(name_index * 7) % len(LAST)]}",
            email=email,
            password_hash=password,
            establishment=est,
            promoted=promoted,
            job_title="Depute head teacher" if promoted else "Class teacher",
        )
        user.role_rows = [UserRole(role=str(Role.SENIOR_LEADER if promoted else Role.PRACTITIONER))]
        db.session.add(user)
    return user


def load_demo(ctx) -> None:
    """Cohort 2026-27 A: 48 establishments, two people each, answers, teams published, meetings under way."""
    if db.session.scalar(
        select(NetworkCohort.id).where(NetworkCohort.school_year == "2026-27", NetworkCohort.letter == "A")
    ):
        return
    lead, password = ctx.users["lead"], ctx.password_hash()
    cohort = NetworkCohort(
        school_year="2026-27",
        letter="A",
        stage="survey",
        interests_text="\n".join(SUGGESTED_INTERESTS),
        team_count=8,
        **_dates(2026, "A"),
    )
    db.session.add(cohort)
    db.session.add(
        NetworkCohort(
            school_year="2026-27",
            letter="B",
            stage="nominating",
            interests_text="\n".join(SUGGESTED_INTERESTS),
            **_dates(2026, "B"),
        )
    )
    db.session.flush()
    for each in db.session.scalars(select(NetworkCohort).where(NetworkCohort.school_year == "2026-27")):
        sessions.sync_events(each, actor=lead)  # the core events, bookable by participants
    by_la: dict[int, list] = {}
    for est in ctx.establishments:
        by_la.setdefault(est.authority_id, []).append(est)
    demo_est = ctx.users["practitioner"].establishment
    chosen = []
    for ests in by_la.values():
        picks = ([demo_est] if demo_est in ests else []) + [e for e in ests if e is not demo_est]
        chosen += picks[:PER_LA]
    officer = ctx.users["la_officer"]
    for j, est in enumerate(chosen):
        if est is demo_est:
            leader, practitioner = ctx.users["leader"], ctx.users["practitioner"]
        else:
            leader, practitioner = (
                _person(2 * j, est, True, password),
                _person(2 * j + 1, est, False, password),
            )
        nomination = Nomination(
            cohort_id=cohort.id,
            establishment=est,
            authority_id=est.authority_id,
            leader=leader,
            practitioner=practitioner,
            nominated_by_id=officer.id,
        )
        db.session.add(nomination)
        db.session.flush()
        for p, person in enumerate((leader, practitioner)):
            ranked = _interests_for(j, p)
            db.session.add(
                InterestResponse(
                    cohort_id=cohort.id,
                    user_id=person.id,
                    first=ranked[0],
                    second=ranked[1],
                    third=ranked[2],
                    hunch=HUNCHES[(j + p) % 4].format(a=ranked[0].lower(), b=ranked[1].lower()),
                )
            )
            db.session.add(
                ConfidenceResponse(
                    cohort_id=cohort.id,
                    user_id=person.id,
                    phase="start",
                    answers={k: 1 + (j + p + i) % 4 for i, (k, _) in enumerate(CONFIDENCE_ITEMS)},
                )
            )
    _facilitators(ctx, cohort, by_la, password)
    db.session.flush()
    _match_and_publish(ctx, cohort, lead, chosen)


def _facilitators(ctx, cohort, by_la, password) -> None:
    fac = ctx.users["facilitator"]
    db.session.add(
        CohortFacilitator(
            cohort_id=cohort.id,
            user=fac,
            authority_id=fac.establishment.authority_id,
            interests_text="Numeracy, Outdoor learning",
        )
    )
    for n, (la_id, ests) in enumerate(by_la.items()):
        if la_id == fac.establishment.authority_id:
            continue
        est = ests[-1]
        email = f"cohort.facilitator.{n}@demo.example.org"
        user = db.session.scalar(select(User).where(User.email == email)) or User(
            name=f"{FIRST[(n * 5 + 3) % len(FIRST)]} {LAST[(n * 11 + 2) % len(LAST)]}",
            email=email,
            password_hash=password,
            establishment=est,
            promoted=True,
            job_title="Principal teacher",
        )
        if user.id is None:
            user.role_rows = [UserRole(role=str(Role.KEY_FACILITATOR)), UserRole(role=str(Role.PRACTITIONER))]
            db.session.add(user)
        db.session.add(
            CohortFacilitator(
                cohort_id=cohort.id,
                user=user,
                authority_id=la_id,
                interests_text=", ".join(SUGGESTED_INTERESTS[n : n + 2]),
            )
        )


def _match_and_publish(ctx, cohort, lead, chosen) -> None:
    """Match with the engine when it is installed (one pair kept together across LAs and one kept apart, as
    the room asked); otherwise a round-robin placement keeps the demo alive."""
    cohort.stage = "matching"
    try:
        from portal.cohorts import matching_service
    except ImportError:  # the engine is not installed yet: the demo stops at the matching event
        return
    matching_service.link(cohort, actor=lead, kind="together", first=chosen[1].id, second=chosen[PER_LA + 1].id)
    matching_service.link(cohort, actor=lead, kind="apart", first=chosen[2].id, second=chosen[2 * PER_LA + 2].id)
    plan = matching_service.run(cohort, actor=lead, time_limit=0.3, seed=1)
    created = matching_service.publish_current(cohort, actor=lead, notify=False, plan=plan)
    fac_team = next((t for t in created if t.facilitator_id == ctx.users["facilitator"].id), created[0])
    if fac_team.facilitator_id != ctx.users["facilitator"].id:
        publishing.reassign_facilitator(fac_team, ctx.users["facilitator"].id, actor=lead)
    fac_team.enquiry_question = (
        "Will daily number talks in the early stages raise confidence in mental "
        "arithmetic for the learners who find it hardest?"
    )
    fac_team.question_checks = ["learners", "change", "measurable"]
    db.session.flush()
    meetings = list(
        db.session.scalars(
            select(SupportMeeting).where(SupportMeeting.team_id == fac_team.id).order_by(SupportMeeting.kind)
        )
    )
    for meeting, (held, notes) in zip(
        meetings,
        [
            (True, "Agreed the question; each pair brings baseline data."),
            (True, "Pupil survey before and after; two observed lessons."),
        ],
        strict=False,
    ):
        meeting.held, meeting.notes = held, notes
        meeting.meets_on = cohort.enquiry_question_on + timedelta(days=7 * meeting.kind)
        meeting.actions = "Share the draft on the team page by Friday."
    if len(meetings) > 2:
        meetings[2].meets_on = cohort.measuring_impact_on + timedelta(days=14)
    db.session.flush()
    _data_collection_plan(fac_team)


def _data_collection_plan(cohort_team) -> None:
    """The demo facilitator's team has begun its enquiry: the change, one measure, six weeks of data."""
    team, enquiry = queries.team_page(cohort_team.team_id)
    if enquiry is None:
        return
    member = db.session.scalar(
        select(User).join(TeamMember, TeamMember.user_id == User.id).where(TeamMember.team_id == cohort_team.team_id)
    )
    plans.save_section(
        enquiry,
        "change",
        "Ten minutes of number talk every morning in P1 to P3, planned together across our schools.",
        base_version=0,
        actor=member,
    )
    measure = plans.save_measure(
        enquiry,
        None,
        actor=member,
        name="Learners confident in mental arithmetic (%)",
        kind="quantitative",
        shows="outcome",
        baseline="42",
        target="70",
        how_collected="Short pupil self-assessment in each class",
        when_collected="Weekly",
    )
    today = date.today()
    for week, value in enumerate((42, 45, 44, 51, 55, 58)):
        on = today - timedelta(weeks=5 - week)
        db.session.add(DataPoint(measure_id=measure.id, on=on, value=value, recorded_by_id=member.id))
    db.session.flush()


def load_scale(ctx) -> None:
    """Two cohorts a year for `ctx.years` years: nominations, answers, published teams, meetings (bulk)."""
    rng = ctx.rng
    by_la: dict[int, list[int]] = {}
    for est_id in ctx.establishment_ids:
        by_la.setdefault(ctx.establishment_authority[est_id], []).append(est_id)
    staff: dict[int, list[int]] = {}
    for user_id, est_id in ctx.user_establishment.items():
        staff.setdefault(est_id, []).append(user_id)
    facilitators = ctx.user_ids_by_role.get(Role.KEY_FACILITATOR, [])
    pairs_by = (ctx.user_ids_by_role.get(Role.ADMIN) or ctx.user_ids_by_role[Role.LA_OFFICER])[0]
    used: set[int] = set()
    for y in range(ctx.years):
        year = 2025 - ctx.years + 1 + y  # the demo adds 2026-27 itself
        for letter in "AB":
            stage = "published" if y < ctx.years - 1 or letter == "A" else "survey"
            cohort_id = db.session.scalar(
                insert(NetworkCohort).returning(NetworkCohort.id),
                {
                    "school_year": f"{year}-{(year + 1) % 100:02d}",
                    "letter": letter,
                    "stage": stage,
                    "team_count": 8,
                    "interests_text": "\n".join(SUGGESTED_INTERESTS),
                    **_dates(year, letter),
                },
            )
            team_ids = (
                list(
                    db.session.scalars(
                        insert(CohortTeam).returning(CohortTeam.id, sort_by_parameter_order=True),
                        [
                            {
                                "cohort_id": cohort_id,
                                "number": n + 1,
                                "summary": "",
                                "enquiry_question": "",
                                "question_checks": [],
                                "observation_plan": "",
                                "facilitator_id": facilitators[(y * 16 + n) % len(facilitators)],
                            }
                            for n in range(8)
                        ],
                    )
                )
                if stage == "published"
                else []
            )
            noms, answers = [], []
            for la_id, ests in by_la.items():
                for est_id in rng.sample([e for e in ests if e not in used and len(staff.get(e, [])) >= 2], PER_LA):
                    used.add(est_id)
                    leader, practitioner = staff[est_id][:2]
                    noms.append(
                        {
                            "cohort_id": cohort_id,
                            "establishment_id": est_id,
                            "authority_id": la_id,
                            "leader_id": leader,
                            "practitioner_id": practitioner,
                            "team_id": team_ids[len(noms) % 8] if team_ids else None,
                        }
                    )
                    for p, person in enumerate((leader, practitioner)):
                        ranked = rng.sample(SUGGESTED_INTERESTS, 3)
                        answers.append(
                            {
                                "cohort_id": cohort_id,
                                "user_id": person,
                                "first": ranked[0],
                                "second": ranked[1],
                                "third": ranked[2],
                                "hunch": HUNCHES[p].format(a=ranked[0].lower(), b=ranked[1].lower()),
                            }
                        )
            db.session.execute(insert(Nomination), noms)
            db.session.execute(insert(InterestResponse), answers)
            _scale_pairs(cohort_id, noms, by=pairs_by)
            meetings = [
                {"team_id": t, "kind": k, "held": k <= 3, "notes": "", "actions": ""}
                for t in team_ids
                for k in range(1, 6)
            ]
            if meetings:  # an empty executemany would insert one row of defaults
                db.session.execute(insert(SupportMeeting), meetings)
    db.session.flush()


def _scale_pairs(cohort_id: int, noms: list[dict], *, by: int) -> None:
    """The matching event's keep-together and keep-apart pairs at an event's density (synthetic.PAIRS_PER_50);
    a published cohort's agree with its teams, as a plan that honoured them would. Seeded by the cohort, so
    the other scale steps draw the same numbers as before."""
    import random

    from portal.matching.synthetic import pairs

    ids = [n["establishment_id"] for n in noms]
    team_of = {n["establishment_id"]: n["team_id"] for n in noms} if noms and noms[0]["team_id"] else None
    linked = pairs(ids, rng=random.Random(cohort_id), team_of=team_of)
    rows = [
        {"cohort_id": cohort_id, "kind": kind, "establishment_id": a, "other_establishment_id": b, "by_id": by}
        for kind, found in linked.items()
        for a, b in found
    ]
    if rows:
        db.session.execute(insert(MatchingConstraint), rows)
