"""Leadership services without HTTP: drafts, submission, recommendations, plans, cohorts, module booking."""

from datetime import date, timedelta

import pytest

from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.events.models import BOOKED, WAITLISTED
from portal.events.services import booking_of, cancel
from portal.extensions import db
from portal.frameworks import scoring
from portal.frameworks import services as frameworks
from portal.leadership import plans, programme, queries, services, sessions
from portal.leadership.demo import ensure_frameworks
from portal.leadership.models import MAX_COHORT
from portal.leadership.recommend import recommend
from tests.leadership.helpers import plan_from, rate, submitted_evaluation
from tests.support.sql import statements


@pytest.fixture
def leader(make_user):
    return make_user(Role.SENIOR_LEADER)


def test_recommend_names_the_weakest_domains_with_reasons():
    scores = [
        scoring.SectionScore("a", "Enquiry skills", "enquiry", 4.0, 5, 5),
        scoring.SectionScore("d", "Data and impact", "data", 2.3, 5, 5),
        scoring.SectionScore("o", "Observation", "observation", 3.5, 5, 5),
    ]
    recs = recommend(scores, 6)
    assert [r.module for r in recs] == ["data", "observation"]
    assert recs[0].reason == "Data and impact: 2.3 of 6, your lowest domain"
    assert recs[1].reason.endswith("your second lowest domain")


def test_draft_answers_are_saved_and_submission_freezes(app, leader):
    framework = ensure_frameworks()["leadership"]
    evaluation = services.start_evaluation(framework, label="", actor=leader)
    version = frameworks.load_version(evaluation.version_id)
    assert version.in_use  # the framework version is now frozen
    first = version.sections[0].items[0].id
    services.save_answers(evaluation, {first: ("", "typed before rating")}, scale_values=range(1, 7), actor=leader)
    assert services.answers_by_item(evaluation)[first].notes == "typed before rating"
    with pytest.raises(ServiceError, match="Rate every statement"):
        services.submit_evaluation(evaluation, version, actor=leader)
    rate(evaluation, leader, 4)
    assert evaluation.submitted
    with pytest.raises(PermissionError):
        services.save_answers(evaluation, {first: ("5", "")}, scale_values=range(1, 7), actor=leader)


@pytest.mark.parametrize("raw", ["0", "7", "-1", "four", "4.5"])
def test_ratings_off_the_scale_are_refused(app, leader, raw):
    evaluation = services.start_evaluation(ensure_frameworks()["leadership"], label="x", actor=leader)
    item = frameworks.load_version(evaluation.version_id).sections[0].items[0].id
    with pytest.raises(services.BadInput):
        services.save_answers(evaluation, {item: (raw, "")}, scale_values=range(1, 7), actor=leader)


def test_statements_of_another_domain_are_tampering(app, leader):
    evaluation = services.start_evaluation(ensure_frameworks()["leadership"], label="x", actor=leader)
    version = frameworks.load_version(evaluation.version_id)
    other = version.sections[1].items[0].id
    with pytest.raises(services.BadInput):
        services.parse_answers({f"rating-{other}": "3"}, [i.id for i in version.sections[0].items])


def test_someone_elses_draft_cannot_be_saved(app, leader, make_user):
    evaluation = services.start_evaluation(ensure_frameworks()["leadership"], label="x", actor=leader)
    with pytest.raises(PermissionError):
        services.save_answers(evaluation, {}, scale_values=range(1, 7), actor=make_user(Role.SENIOR_LEADER))


def test_editing_the_framework_keeps_old_answers_on_their_version(app, leader, make_user):
    evaluation, version = submitted_evaluation(leader, 3)
    framework = ensure_frameworks()["leadership"]
    frameworks.update_item(framework, version.sections[0].items[0].id, text="Reworded", actor=make_user(Role.ADMIN))
    frameworks.publish_latest(framework, actor=None)
    later = services.start_evaluation(framework, label="Later", actor=leader)
    assert later.version_id != evaluation.version_id
    rate(later, leader, 5)
    before = services.result_of(version, services.answers_by_item(evaluation), 6)
    after = services.result_of(frameworks.load_version(later.version_id), services.answers_by_item(later), 6)
    assert {c.delta for c in scoring.compare(before.scores, after.scores)} == {2.0}
    assert frameworks.load_version(evaluation.version_id).sections[0].items[0].text != "Reworded"


def test_plan_prefilled_from_weakest_domains_then_shared_commented_agreed(app, leader, make_user):
    evaluation, version = submitted_evaluation(leader, {"data": 2, "observation": 3})
    plan = plan_from(evaluation, version, leader)
    assert [p.module for p in plan.priorities] == ["data", "observation"]
    assert plan.priorities[0].reason.startswith("Data and impact: 2.0 of 6, your lowest domain")
    plans.add_goal(plan, what="w", actions="a", success="s", due_on=None, actor=leader)
    with pytest.raises(ServiceError):
        plans.add_goal(plan, what="", actions="a", success="s", due_on=None, actor=leader)
    plans.choose_modules(plan, ["data"], actor=leader)
    with pytest.raises(ValueError):
        plans.choose_modules(plan, ["astrology"], actor=leader)
    plans.request_learning(plan, "Coaching skills", actor=leader)
    practitioner, lead = make_user(Role.PRACTITIONER), make_user(Role.ADMIN)
    with pytest.raises(ServiceError):
        plans.share_plan(plan, practitioner.email, actor=leader)
    with pytest.raises(PermissionError):
        plans.add_comment(plan, "too early", actor=leader)
    plans.share_plan(plan, lead.email, actor=leader)
    assert plan.status == "shared"
    plans.add_comment(plan, "Good plan", actor=lead)
    with pytest.raises(PermissionError):
        plans.agree_plan(plan, actor=leader)
    plans.agree_plan(plan, actor=lead)
    assert plan.status == "agreed"
    with pytest.raises(PermissionError):
        plans.add_goal(plan, what="w", actions="a", success="s", due_on=None, actor=leader)


def test_cohort_holds_thirty_and_refuses_the_thirty_first(app, make_user):
    admin = make_user(Role.ADMIN)
    year = programme.create_year(label="2031-32", starts_on=date(2031, 8, 1), ends_on=date(2032, 6, 30), actor=admin)
    cohort = programme.create_cohort(year, name="A", actor=admin)
    for _ in range(MAX_COHORT):
        programme.confirm(programme.nominate(cohort, make_user(Role.SENIOR_LEADER).email, actor=admin), actor=admin)
    late = make_user(Role.SENIOR_LEADER)
    with pytest.raises(ServiceError, match="already has 30 participants"):
        programme.nominate(cohort, late.email, actor=admin)


def test_la_officers_nominate_their_own_la_only(app, make_user):
    admin, officer = make_user(Role.ADMIN), make_user(Role.LA_OFFICER, authority_slug="glasgow-city")
    year = programme.create_year(label="2032-33", starts_on=date(2032, 8, 1), ends_on=date(2033, 6, 30), actor=admin)
    cohort = programme.create_cohort(year, name="A", actor=admin)
    ours = make_user(Role.SENIOR_LEADER, authority_slug="glasgow-city")
    theirs = make_user(Role.SENIOR_LEADER, authority_slug="inverclyde")
    assert programme.nominate(cohort, ours.email, actor=officer).status == "nominated"
    with pytest.raises(ServiceError, match="own local authority"):
        programme.nominate(cohort, theirs.email, actor=officer)


def test_choosing_a_module_books_its_session_and_waitlist_promotes(app, make_user, mailbox):
    admin = make_user(Role.ADMIN)
    year = programme.create_year(
        label="2033-34", starts_on=date.today(), ends_on=date.today() + timedelta(days=330), actor=admin
    )
    cohort = programme.create_cohort(year, name="A", actor=admin, first_day=date.today() + timedelta(days=10))
    module_3 = next(e for e in sessions.cohort_sessions(cohort) if e.kind == sessions.module_kind("data"))
    module_3.capacity = 1
    people = [make_user(Role.SENIOR_LEADER) for _ in range(2)]
    for person in people:
        programme.confirm(programme.nominate(cohort, person.email, actor=admin), actor=admin)
    intro = sessions.cohort_sessions(cohort)[0]
    assert booking_of(intro, people[0]).status == BOOKED  # compulsory days are booked on confirmation
    for person in people:
        evaluation, version = submitted_evaluation(person, {"data": 2})
        plans.choose_modules(plan_from(evaluation, version, person), ["data"], actor=person)
    first, second = booking_of(module_3, people[0]), booking_of(module_3, people[1])
    assert (first.status, second.status) == (BOOKED, WAITLISTED)
    with app.test_request_context():  # the promotion e-mail links to the event
        cancel(first, actor=people[0])
    db.session.commit()
    assert booking_of(module_3, people[1]).status == BOOKED
    assert mailbox.last_to(people[1].email) is not None


def test_result_lists_strengths_areas_and_notes(app, leader):
    evaluation = services.start_evaluation(ensure_frameworks()["leadership"], label="x", actor=leader)
    version = frameworks.load_version(evaluation.version_id)
    section = version.sections[0]
    ratings = ["6", "5", "4", "2", "1"]
    services.save_answers(
        evaluation,
        {i.id: (r, "note" if r == "6" else "") for i, r in zip(section.items, ratings, strict=True)},
        scale_values=range(1, 7),
        actor=leader,
    )
    result = services.result_of(version, services.answers_by_item(evaluation), 6)
    assert len(result.strengths[section.key]) == 2 and len(result.areas[section.key]) == 2
    assert result.notes[section.key][0][1] == "note"
    assert result.scores[0].mean == pytest.approx(3.6)
    assert queries.my_evaluations(leader)[0].id == evaluation.id


def test_sessions_fall_on_school_days_outside_the_winter_break():
    from datetime import date

    from portal.leadership.sessions import school_day

    assert school_day(date(2026, 12, 25)) == date(2027, 1, 6)  # Christmas -> first day back
    assert school_day(date(2026, 11, 28)) == date(2026, 11, 30)  # Saturday -> Monday
    assert school_day(date(2026, 11, 24)) == date(2026, 11, 24)


def test_an_evaluation_is_read_with_its_scale_and_levels_in_one_statement(app, leader):
    evaluation_id = submitted_evaluation(leader, 4)[0].id
    db.session.commit()
    db.session.expunge_all()
    with statements() as sent:
        loaded = queries.load_evaluation(evaluation_id)
        scale = loaded.framework.scale
        assert [level.value for level in scale.levels] == [1, 2, 3, 4, 5, 6] and scale.top == 6
    assert len(sent) == 1
    assert queries.load_evaluation(evaluation_id + 1000) is None


def test_answers_are_read_as_rows_and_saved_over(app, leader):
    evaluation = services.start_evaluation(ensure_frameworks()["leadership"], label="", actor=leader)
    first, second = (i.id for i in frameworks.outline(evaluation.version_id).items[:2])
    services.save_answers(evaluation, {first: ("2", "a"), second: ("", "b")}, scale_values=range(1, 7), actor=leader)
    assert services.save_answers(evaluation, {first: ("5", "a")}, scale_values=range(1, 7), actor=leader) == 1
    answers = services.answers_by_item(evaluation)
    assert {k: (a.rating, a.notes) for k, a in answers.items()} == {first: (5, "a"), second: (None, "b")}


def test_leadership_sessions_are_labelled_with_their_cohort_and_year(app, make_user):
    from portal.events.policies import policy_for
    from portal.leadership.sessions import CONTEXT

    admin = make_user(Role.ADMIN)
    year = programme.create_year(label="2030-31", starts_on=date(2030, 8, 1), ends_on=date(2031, 7, 31), actor=admin)
    cohorts = [programme.create_cohort(year, name=name, actor=admin) for name in ("Cohort A", "Cohort <B>")]
    db.session.commit()
    labels = policy_for(CONTEXT).labels([c.id for c in cohorts] + [cohorts[-1].id + 100])
    assert labels == {c.id: str(c) for c in cohorts}
    assert labels[cohorts[0].id] == "Cohort A (2030-31)"
