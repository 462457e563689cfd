"""One living plan: both evaluations, every module with its reason, reopening for a change, progress with
evidence, reviews prompted by e-mail, the repeat evaluation's change per domain, completion."""

import io
import re
from datetime import date, timedelta

import pytest

from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.enquiries.teams import create_team
from portal.events.models import BOOKED
from portal.events.services import booking_of
from portal.extensions import db
from portal.frameworks import scoring
from portal.leadership import plans, programme, queries, services, sessions
from portal.leadership.demo import ensure_frameworks
from portal.leadership.models import COMPLETED, IN_PROGRESS, MIDPOINT, REOPENED, GoalUpdate
from portal.leadership.modules import MODULES
from portal.leadership.recommend import module_reasons
from tests.leadership.helpers import plan_from, rate, submitted_evaluation

CAPACITY_KEYS = ("collaboration", "enquiry", "data", "observation", "network", "practice", "sharing")


def fresh(plan_id):
    db.session.expire_all()  # the requests changed it in their own session
    return queries.load_plan(plan_id)


def capacity_evaluation(owner, ratings, label="Our school"):
    evaluation = services.start_evaluation(ensure_frameworks()["school_capacity"], label=label, actor=owner)
    rate(evaluation, owner, ratings)
    return evaluation


@pytest.fixture
def world(app, make_user):
    """A confirmed leader with both evaluations and a plan from them, agreed by a facilitator; modules 2, 3
    and 5 booked."""
    admin = make_user(Role.ADMIN)
    facilitator = make_user(Role.KEY_FACILITATOR, email="facilitator@test.example.org")
    leader = make_user(Role.SENIOR_LEADER, email="living@test.example.org")
    first = date.today() + timedelta(days=14)
    year = programme.create_year(
        label="Y", starts_on=first - timedelta(days=30), ends_on=first + timedelta(days=330), actor=admin
    )
    cohort = programme.create_cohort(year, name="A", actor=admin, first_day=first)
    programme.confirm(programme.nominate(cohort, leader.email, actor=admin), actor=admin)
    capacity_evaluation(leader, {"network": 2, "data": 3})
    evaluation, version = submitted_evaluation(leader, {"data": 2, "observation": 3})
    plan = plan_from(evaluation, version, leader)
    plans.add_goal(plan, what="Lead a data enquiry", actions="a", success="s", due_on=None, actor=leader)
    plans.choose_modules(plan, ["collaboration", "data", "sharing"], actor=leader)
    plans.share_plan(plan, facilitator.email, actor=leader)
    db.session.commit()
    by_key = {
        e.kind.removeprefix(sessions.MODULE + "-"): e
        for e in sessions.cohort_sessions(cohort)
        if e.kind.startswith(sessions.MODULE)
    }
    return {"leader": leader, "facilitator": facilitator, "plan": plan, "by_key": by_key, "year": year, "admin": admin}


def test_plan_draws_on_both_evaluations_and_capacity_domains_name_their_action(world):
    plan = queries.load_plan(world["plan"].id)
    assert plan.capacity_evaluation_id is not None and plan.evaluation_id is not None
    reasons = [p.reason for p in plan.priorities]
    assert reasons[0].startswith("Data and impact: 2.0 of 6, your lowest domain")
    assert any(
        r.startswith("School capacity, Looking outwards: 2.0 of 6, your school's lowest domain")
        and "Action: Support network meetings" in r
        for r in reasons
    )


def test_every_module_has_a_reason_naming_the_scores():
    leadership = [
        scoring.SectionScore("d", "Data and impact", "data", 2.0, 5, 5),
        scoring.SectionScore("o", "Observation", "observation", 5.0, 5, 5),
        scoring.SectionScore("e", "Enquiry", "enquiry", 4.5, 5, 5),
    ]
    capacity = [
        scoring.SectionScore("c", "Data and evidence", "data", 3.0, 4, 4),
        scoring.SectionScore("t", "Protected time", "collaboration", 5.5, 4, 4),
    ]
    found = {r.module: r for r in module_reasons([m.key for m in MODULES], leadership, capacity, 6)}
    assert set(found) == {m.key for m in MODULES}
    assert found["data"].recommended
    assert "your leadership: Data and impact 2.0 of 6" in found["data"].reason
    assert "your school's capacity: Data and evidence 3.0 of 6" in found["data"].reason
    assert not found["sharing"].recommended and found["sharing"].reason.startswith("Optional")


def test_plan_page_lists_all_five_modules_with_the_recommended_ones_ticked(app, make_user, client, login):
    leader = make_user(Role.SENIOR_LEADER)
    capacity_evaluation(leader, {k: 2 if k == "observation" else 5 for k in CAPACITY_KEYS})
    evaluation, version = submitted_evaluation(leader, {m.key: 2 if m.key == "data" else 5 for m in MODULES})
    plan = plan_from(evaluation, version, leader)
    db.session.commit()
    login(leader)
    page = client.get(f"/leadership/plans/{plan.id}").get_data(as_text=True)
    assert page.count("Recommended because") == 2 and page.count("Optional:") == 3
    ticked = re.findall(r'<input[^>]*name="modules"[^>]*>', page)
    assert sorted(re.search(r'value="(\w+)"', t)[1] for t in ticked if "checked" in t) == ["data", "observation"]
    assert "your school&#39;s capacity: Risk-taking culture 2.0 of 6" in page


def test_reopened_plan_shows_the_change_and_books_only_when_agreed_again(world, client, login, mailbox):
    leader, facilitator, plan, by_key = world["leader"], world["facilitator"], world["plan"], world["by_key"]
    plans.agree_plan(plan, actor=facilitator)
    db.session.commit()
    with pytest.raises(PermissionError):
        plans.choose_modules(plan, ["enquiry"], actor=leader)  # agreed: it changes only once reopened
    login(leader)
    assert client.post(f"/leadership/plans/{plan.id}/reopen", data={"note": ""}).status_code == 422
    assert client.post(f"/leadership/plans/{plan.id}/reopen", data={"note": "Add module 1"}).status_code == 302
    plan = fresh(plan.id)
    assert plan.status == REOPENED
    saved = client.post(
        f"/leadership/plans/{plan.id}/modules",
        data={"modules": ["enquiry", "collaboration", "data", "sharing"]},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "change when your reviewer agrees the plan again" in saved
    assert booking_of(by_key["enquiry"], leader) is None  # nothing booked yet
    assert client.post(f"/leadership/plans/{plan.id}/share", data={"email": facilitator.email}).status_code == 302
    reviewer = login(facilitator, on=client.application.test_client())
    page = reviewer.get(f"/leadership/plans/{plan.id}").get_data(as_text=True)
    assert "Change proposed since the plan was agreed" in page and "Add module 1" in page
    assert "Added Module 1: Developing enquiry skills" in page and "Agree this plan again" in page
    assert reviewer.post(f"/leadership/plans/{plan.id}/agree", data={"confirmed": "yes"}).status_code == 302
    plan = fresh(plan.id)
    assert plan.status == "agreed" and plan.agreed_snapshot == "" and plan.reopened_from is None
    assert booking_of(by_key["enquiry"], leader).status == BOOKED
    assert plans.booking_plan(leader).id == plan.id


def test_progress_reviews_reflection_and_completion(world, client, login, mailbox):
    leader, facilitator, plan = world["leader"], world["facilitator"], world["plan"]
    plans.agree_plan(plan, actor=facilitator)
    team = create_team(actor=leader, name="Data team", kind="network", members=(leader,))
    other_team = create_team(actor=facilitator, name="Not mine", kind="network", members=(facilitator,))
    booking = booking_of(world["by_key"]["data"], leader)
    booking.attended = True
    db.session.commit()
    goal_id = plan.goals[0].id
    login(leader)
    url = f"/leadership/plans/{plan.id}/goals/{goal_id}/progress"
    prefix = f"g{goal_id}-"
    refused = client.post(url, data={prefix + "note": "", prefix + "status": "on_track"})
    assert refused.status_code == 422
    assert (
        client.post(
            url, data={prefix + "note": "x", prefix + "status": "on_track", prefix + "team": other_team.id}
        ).status_code
        == 422  # not one of the leader's teams: not a choice offered
    )
    done = client.post(
        url,
        data={
            prefix + "note": "Baseline gathered",
            prefix + "status": "on_track",
            prefix + "team": team.id,
            prefix + "booking": booking.id,
            prefix + "evidence": (io.BytesIO(b"%PDF-1.4 evidence"), "baseline.pdf"),
        },
        content_type="multipart/form-data",
    )
    assert done.status_code == 302
    plan = fresh(plan.id)
    assert plan.status == IN_PROGRESS
    update = db.session.query(GoalUpdate).one()
    assert update.file_name == "baseline.pdf" and update.enquiry_team_id == team.id
    page = client.get(f"/leadership/plans/{plan.id}").get_data(as_text=True)
    assert "Baseline gathered" in page and "team enquiry Data team" in page and "attended " in page
    evidence = f"/leadership/plans/{plan.id}/updates/{update.id}/evidence"
    download = client.get(evidence)
    assert download.status_code == 200 and download.data.startswith(b"%PDF")
    download.close()
    stranger = login(world["admin"], on=client.application.test_client())
    assert stranger.get(evidence).status_code == 404
    assert stranger.post(url, data={prefix + "note": "x", prefix + "status": "on_track"}).status_code == 404
    # Reviews are the reviewer's; the leader cannot record one, the reviewer cannot record progress.
    review = {"kind": "midpoint", "met_on": "2027-01-20", "record": "Good start", "next_steps": "Observe twice"}
    assert client.post(f"/leadership/plans/{plan.id}/reviews", data=review).status_code == 403
    reviewer = login(facilitator, on=client.application.test_client())
    assert reviewer.post(url, data={prefix + "note": "x", prefix + "status": "on_track"}).status_code == 403
    assert reviewer.post(f"/leadership/plans/{plan.id}/reviews", data={**review, "record": ""}).status_code == 422
    assert reviewer.post(f"/leadership/plans/{plan.id}/reviews", data=review).status_code == 302
    assert fresh(plan.id).status == MIDPOINT
    assert any("midpoint review" in m["Subject"] for m in mailbox.to(leader.email))
    # Completing needs the end review and a reflection on every goal.
    client.post(f"/leadership/plans/{plan.id}/complete")
    assert fresh(plan.id).status == MIDPOINT
    end = {**review, "kind": "end", "record": "A strong year", "next_steps": "Share the enquiry"}
    assert reviewer.post(f"/leadership/plans/{plan.id}/reviews", data=end).status_code == 302
    with pytest.raises(ServiceError):
        plans.complete_plan(fresh(plan.id), actor=leader)
    db.session.rollback()
    reflect = f"/leadership/plans/{plan.id}/goals/{goal_id}/reflection"
    assert client.post(reflect, data={f"r{goal_id}-reflection": "Staff now use data weekly"}).status_code == 302
    assert client.post(f"/leadership/plans/{plan.id}/complete").status_code == 302
    plan = fresh(plan.id)
    assert plan.status == COMPLETED and plan.completed_at is not None


def test_the_end_page_shows_change_per_domain_after_the_repeat_evaluation(world, client, login):
    leader, facilitator, plan = world["leader"], world["facilitator"], world["plan"]
    plans.agree_plan(plan, actor=facilitator)
    plans.record_review(plan, kind="end", met_on=date.today(), record="r", next_steps="n", actor=facilitator)
    db.session.commit()
    login(leader)
    page = client.get(f"/leadership/plans/{plan.id}").get_data(as_text=True)
    assert "Repeat the evaluation" in page and "Change per domain" not in page
    submitted_evaluation(leader, 5, "End of year")
    db.session.commit()
    page = client.get(f"/leadership/plans/{plan.id}").get_data(as_text=True)
    assert "Change per domain since" in page and "up 3.0" in page


def test_review_prompts_are_e_mailed_once_each(world, mailbox):
    leader, facilitator, plan, year = world["leader"], world["facilitator"], world["plan"], world["year"]
    plans.agree_plan(plan, actor=facilitator)
    db.session.commit()
    before_middle = year.starts_on + timedelta(days=10)
    assert plans.prompt_reviews(before_middle) == 0
    middle = year.starts_on + (year.ends_on - year.starts_on) / 2 + timedelta(days=1)
    mailbox.reset()
    assert plans.prompt_reviews(middle) == 1
    assert plans.prompt_reviews(middle) == 0  # once, however often it runs
    db.session.commit()
    assert any("Time for the midpoint review" in m["Subject"] for m in mailbox.to(leader.email))
    assert any("Time for the midpoint review" in m["Subject"] for m in mailbox.to(facilitator.email))
    assert plans.prompt_reviews(year.ends_on - timedelta(days=7)) == 1  # the end-of-year review next


def test_scale_step_puts_every_other_plan_under_way_with_progress(app, make_user):
    import random

    from sqlalchemy import func, select

    from portal.demo.context import ScaleContext
    from portal.leadership.demo import load_scale
    from portal.leadership.models import DevelopmentPlan, PlanGoal

    people = [make_user(Role.SENIOR_LEADER).id for _ in range(6)]
    load_scale(ScaleContext(rng=random.Random(1), years=2, user_ids_by_role={"senior_leader": people}))
    under_way = db.session.scalar(select(func.count(DevelopmentPlan.id)).where(DevelopmentPlan.status == IN_PROGRESS))
    assert under_way >= 1
    assert db.session.scalar(select(func.count(PlanGoal.id))) == under_way
    assert db.session.scalar(select(func.count(GoalUpdate.id))) >= under_way
