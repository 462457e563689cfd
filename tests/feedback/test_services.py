"""Event feedback: only people marked present, once the event ended, one per person, corrected in place until
it closes; reminders once; aggregates and texts suppressed for small groups; the evaluation's rules."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from portal.cohorts.models import CohortTeam, NetworkCohort, Nomination
from portal.core.forms import ServiceError
from portal.core.mail import OutboxMessage
from portal.core.privacy import MIN_GROUP
from portal.core.roles import Role
from portal.events.models import Event, local_now
from portal.extensions import db
from portal.feedback import access, evaluation, evaluation_reminders, evaluation_results, privacy, results, services
from portal.feedback.models import EvaluationReminder, EventFeedback, FeedbackPrompt, NetworkEvaluation
from portal.forums.models import Forum, Membership
from portal.leadership.models import LeadershipCohort, ProgrammeYear
from portal.notifications.models import Notification
from portal.reports.sources import ReportScope
from tests.feedback.conftest import give, open_round


def test_only_people_marked_present_once_it_has_ended(app, make_user, make_event, add_booking):
    came, absent, unrecorded, stranger = (make_user() for _ in range(4))
    event = make_event(days=-2)
    add_booking(event, came, attended=True)
    add_booking(event, absent, attended=False)
    add_booking(event, unrecorded)
    for person in (absent, unrecorded, stranger):
        with pytest.raises(ServiceError, match="present"):
            give(event, person)
    give(event, came)
    future = make_event(days=2)
    add_booking(future, came, attended=True)
    with pytest.raises(ServiceError, match="opens once the event has ended"):
        give(future, came)


def test_one_form_per_person_per_event_with_a_friendly_message(app, make_user, make_event, add_booking, monkeypatch):
    person = make_user()
    event = make_event(days=-1)
    add_booking(event, person, attended=True)
    give(event, person, rating=5)
    with pytest.raises(ServiceError, match="already given feedback"):
        give(event, person, rating=1)
    db.session.rollback()
    # the unique key holds when the service's own check sees nothing yet (two tabs sending at once)
    monkeypatch.setattr(services, "feedback_of", lambda event, user: None)
    with pytest.raises(ServiceError, match="already given feedback"):
        give(event, person, rating=2)
    db.session.rollback()
    assert db.session.scalars(select(EventFeedback.rating)).all() == [5]


def test_the_author_corrects_until_it_closes_and_no_history_is_kept(app, make_user, make_event, add_booking):
    person, other = make_user(), make_user()
    event = make_event(days=-3)
    add_booking(event, person, attended=True)
    feedback = give(event, person, rating=2, text="first words")
    services.correct_feedback(
        feedback, event, rating=4, do_differently="second words", confidence_before=1, confidence_after=3, actor=person
    )
    db.session.commit()
    assert (feedback.rating, feedback.do_differently) == (4, "second words")
    assert db.session.scalar(select(func.count(EventFeedback.id))) == 1
    with pytest.raises(ServiceError, match="Only the person"):
        services.correct_feedback(
            feedback, event, rating=1, do_differently="", confidence_before=1, confidence_after=1, actor=other
        )
    late = local_now() + timedelta(days=services.OPEN_DAYS + 1)
    assert services.state(event, person, late) == services.CLOSED
    with pytest.raises(ServiceError, match="closed on"):
        services.correct_feedback(
            feedback,
            event,
            rating=1,
            do_differently="",
            confidence_before=1,
            confidence_after=1,
            actor=person,
            now=late,
        )


def test_values_are_checked(app, make_user, make_event, add_booking):
    person = make_user()
    event = make_event(days=-1)
    add_booking(event, person, attended=True)
    with pytest.raises(ServiceError) as refused:
        give(event, person, rating=6, before=0, after=None, text="x" * 2001)
    fields = {f for f, _ in refused.value.errors}
    assert fields == {"rating", "confidence_before", "confidence_after", "do_differently"}


def test_remind_asks_each_present_person_once(app, make_user, make_event, add_booking):
    came, answered, absent = make_user(), make_user(), make_user()
    event = make_event(days=-1)
    old = make_event(days=-(services.OPEN_DAYS + 5))
    add_booking(event, came, attended=True)
    add_booking(event, answered, attended=True)
    add_booking(event, absent, attended=False)
    add_booking(old, came, attended=True)
    give(event, answered)
    assert services.remind() == 1
    db.session.commit()
    assert services.remind() == 0
    assert db.session.scalar(select(func.count(FeedbackPrompt.id))) == 1
    message = db.session.scalar(select(OutboxMessage).where(OutboxMessage.to_address == came.email))
    assert f"/feedback/events/{event.id}".encode() in message.content


def test_aggregate_is_suppressed_below_the_minimum_group(app, make_user, make_event, add_booking):
    event = make_event(days=-1)
    people = [make_user() for _ in range(MIN_GROUP)]
    for person in people:
        add_booking(event, person, attended=True)
    for k, person in enumerate(people[:-1]):
        give(event, person, rating=5 if k else 3, before=2, after=4, text=f"idea {k}")
    small = results.for_event(event.id)
    assert small.n == MIN_GROUP - 1 and not small.shown
    assert (small.mean_rating, small.share_high, small.mean_change) == (None, None, None)
    assert results.texts_for_event(event.id, small.n) == []
    give(event, people[-1], rating=4, before=1, after=4, text="")
    full = results.for_event(event.id)
    assert full.n == MIN_GROUP
    assert full.mean_rating == pytest.approx((3 + 5 * 3 + 4) / 5)
    assert full.share_high == pytest.approx(4 / 5)
    assert full.mean_change == pytest.approx((2 * 4 + 3) / 5)
    assert results.texts_for_event(event.id, full.n) == sorted(f"idea {k}" for k in range(4))


def test_programme_table_for_the_reports_suppresses_small_programmes(app, make_user, make_event, add_booking):
    big = make_event(days=-1)
    small = make_event(days=-1, context_type="theme", context_id=3)
    for k in range(MIN_GROUP + 1):
        person = make_user()
        add_booking(big, person, attended=True)
        give(big, person, rating=4)
        if k < 2:
            add_booking(small, person, attended=True)
            give(small, person, rating=1)
    (table,) = results.for_report(ReportScope())
    rows = {row[1]: row for row in table.rows}
    assert rows["Partnership"][2:4] == [MIN_GROUP + 1, 4.0]
    assert rows["Themed enquiries"][2:] == [None] * 6


def _cohort_world(make_user, year=2026):
    cohort = NetworkCohort(school_year=f"{year}-{str(year + 1)[2:]}", letter="A")
    db.session.add(cohort)
    db.session.flush()
    leader, practitioner, facilitator = make_user(Role.SENIOR_LEADER), make_user(), make_user(Role.KEY_FACILITATOR)
    team = CohortTeam(cohort_id=cohort.id, number=1, facilitator_id=facilitator.id)
    db.session.add(team)
    db.session.add(
        Nomination(
            cohort_id=cohort.id,
            establishment_id=practitioner.establishment_id,
            authority_id=practitioner.establishment.authority_id,
            leader_id=leader.id,
            practitioner_id=practitioner.id,
        )
    )
    db.session.commit()
    return cohort, leader, practitioner, facilitator


def _evaluate(found, network, person, progress=3, correct=False, **texts):
    done = evaluation.submit(
        found,
        network,
        progress=progress,
        impact=3,
        progress_text=texts.get("progress_text", ""),
        helped=texts.get("helped", ""),
        hindered=texts.get("hindered", ""),
        actor=person,
        today=date.today(),
        correct=correct,
    )
    db.session.commit()
    return done


def test_evaluation_networks_roles_and_one_per_person(app, make_user):
    cohort, leader, practitioner, facilitator = _cohort_world(make_user)
    forum = Forum(slug="early-years", name="Early Years Forum", kind="sector")
    db.session.add(forum)
    db.session.flush()
    db.session.add(Membership(forum_id=forum.id, user_id=practitioner.id, coordinator=True))
    db.session.commit()
    found = open_round(2026)
    assert [(n.kind, n.role) for n in evaluation.networks_of(practitioner.id, 2026)] == [
        ("cohort", "participant"),
        ("forum", "facilitator"),
    ]
    assert [(n.kind, n.role) for n in evaluation.networks_of(facilitator.id, 2026)] == [("cohort", "facilitator")]
    assert evaluation.networks_of(leader.id, 2027) == []
    network = evaluation.network_of(leader.id, 2026, "cohort", cohort.id)
    _evaluate(found, network, leader, progress=2)
    with pytest.raises(ServiceError, match="already evaluated"):
        _evaluate(found, network, leader, progress=5)
    db.session.rollback()
    _evaluate(found, network, leader, progress=5, correct=True)
    assert db.session.scalar(select(func.count(NetworkEvaluation.id))) == 1
    assert db.session.scalar(select(NetworkEvaluation.progress)) == 5


def test_evaluation_closes_and_small_networks_are_suppressed(app, make_user):
    cohort, leader, practitioner, facilitator = _cohort_world(make_user)
    found = open_round(2026, opens=date.today() - timedelta(days=9), closes=date.today() - timedelta(days=1))
    network = evaluation.network_of(leader.id, 2026, "cohort", cohort.id)
    with pytest.raises(ServiceError, match="closed on"):
        _evaluate(found, network, leader)
    db.session.rollback()
    found.closes_on = date.today() + timedelta(days=3)
    db.session.commit()
    for person in (leader, practitioner, facilitator):
        net = evaluation.network_of(person.id, 2026, "cohort", cohort.id)
        _evaluate(found, net, person, helped=f"helped {person.id}")
    (row,) = evaluation_results.per_network(found)
    assert row.n == 3 and row.progress is None and row.impact is None
    assert evaluation_results.texts(found) == []
    (table,) = evaluation_results.for_report(ReportScope())
    assert table.rows[0][2:] == [None, None, None]


def test_export_and_erase(app, make_user, make_event, add_booking):
    person = make_user()
    event = make_event(days=-1, title="Data webinar")
    add_booking(event, person, attended=True)
    give(event, person, rating=3, text="mine")
    exported = privacy.export(person)
    assert exported["event_feedback"][0]["event"] == "Data webinar"
    assert exported["event_feedback"][0]["do_differently"] == "mine"
    privacy.erase(person)
    db.session.commit()
    assert db.session.scalar(select(func.count(EventFeedback.id))) == 0


def test_evaluation_texts_and_means_once_a_network_has_enough_answers(app, make_user):
    forum = Forum(slug="science", name="Science network", kind="subject")
    db.session.add(forum)
    db.session.flush()
    people = [make_user(name=f"Member {k}") for k in range(MIN_GROUP)]
    for person in people:
        db.session.add(Membership(forum_id=forum.id, user_id=person.id))
    db.session.commit()
    found = open_round(2026)
    for k, person in enumerate(people):
        network = evaluation.network_of(person.id, 2026, "forum", forum.id)
        _evaluate(found, network, person, progress=1 + k, hindered="" if k else "Cover for meetings")
    (row,) = evaluation_results.per_network(found)
    assert (row.n, row.progress, row.impact) == (MIN_GROUP, 3.0, 3.0)
    ((label, answers),) = evaluation_results.texts(found)
    assert label == "Forum: Science network"
    assert answers == [("", "", "Cover for meetings")]


def test_evaluation_reminder_once_to_members_who_have_not_answered(app, make_user):
    """While a round is open, each network member with no evaluation in it is reminded once (the bell and an
    e-mail through the outbox); people outside the networks, those who answered and a closed round get nothing."""
    cohort, leader, practitioner, facilitator = _cohort_world(make_user)
    outsider = make_user()
    found = open_round(2026, opens=date.today() - timedelta(days=5), closes=date.today() - timedelta(days=1))
    assert evaluation_reminders.remind() == 0  # closed
    found.closes_on = date.today() + timedelta(days=7)
    db.session.commit()
    _evaluate(found, evaluation.network_of(leader.id, 2026, "cohort", cohort.id), leader)
    result = app.test_cli_runner().invoke(args=["feedback", "remind-evaluation"])
    assert result.exit_code == 0 and "2 end-of-year evaluation reminders sent" in result.output
    db.session.expire_all()
    assert app.test_cli_runner().invoke(args=["feedback", "remind-evaluation"]).output.startswith("0 ")
    told = set(db.session.scalars(select(Notification.user_id).where(Notification.kind == "evaluation_due")))
    assert told == {practitioner.id, facilitator.id}
    mailed = set(db.session.scalars(select(OutboxMessage.to_address)))
    assert {practitioner.email, facilitator.email} <= mailed
    assert leader.email not in mailed and outsider.email not in mailed
    assert privacy.export(practitioner)["network_evaluation_reminders"][0]["school_year"] == 2026
    privacy.erase(practitioner)
    db.session.commit()
    assert db.session.scalar(select(func.count(EvaluationReminder.id))) == 1


def test_evaluation_report_filters_by_programme_as_well_as_la_sector_and_year(app, make_user):
    cohort, *cohort_people = _cohort_world(make_user)
    forum = Forum(slug="asn-forum", name="ASN forum", kind="sector")
    db.session.add(forum)
    db.session.flush()
    members = [make_user() for _ in range(MIN_GROUP)]  # Glasgow City, Primary
    db.session.add_all(Membership(forum_id=forum.id, user_id=m.id) for m in members)
    db.session.commit()
    found = open_round(2026)
    for person in cohort_people:
        _evaluate(found, evaluation.network_of(person.id, 2026, "cohort", cohort.id), person)
    for person in members:
        _evaluate(found, evaluation.network_of(person.id, 2026, "forum", forum.id), person, progress=4)

    def kinds(**scope):
        tables = evaluation_results.for_report(ReportScope(**scope))
        return {row[1]: row[2:] for row in tables[0].rows} if tables else {}

    assert set(kinds()) == {"Network cohort", "Forum"}
    assert kinds(programme="forum") == {"Forum": [MIN_GROUP, 4.0, 3.0]}
    assert set(kinds(programme="network")) == {"Network cohort"}
    assert kinds(programme="themed") == {} and kinds(programme="leadership") == {}
    glasgow = members[0].establishment.authority_id
    assert kinds(programme="forum", authority_id=glasgow, sector="Primary", first_year=2026) == kinds(programme="forum")
    assert kinds(programme="forum", sector="Secondary") == {} and kinds(programme="forum", first_year=2027) == {}


def test_the_organisers_list_and_the_summary_page_apply_one_rule(app, make_user, make_event):
    """For every person and event, the list's SQL clause and the summary page's check agree (events organised by
    name, through a domain's policy, by nobody; the lead officer, researchers, a stranger)."""
    facilitator, other, organiser = make_user(Role.KEY_FACILITATOR), make_user(Role.KEY_FACILITATOR), make_user()
    year = ProgrammeYear(label="2025-26", starts_on=date(2025, 8, 1), ends_on=date(2026, 7, 31))
    db.session.add(year)
    db.session.flush()
    cohort = LeadershipCohort(year_id=year.id, name="Cohort L", facilitator_id=facilitator.id)
    db.session.add(cohort)
    db.session.commit()
    events = [
        make_event(days=-2, context_type="leadership_cohort", context_id=cohort.id),
        make_event(days=-2, organiser_id=organiser.id),
        make_event(days=-2, context_type="theme", context_id=1),
        make_event(days=-2),
    ]
    people = [facilitator, other, organiser, make_user(), make_user(Role.ADMIN), make_user(Role.RESEARCHER)]
    for person in people:
        listed = set(db.session.scalars(select(Event.id).where(access.readable_events(person))))
        assert listed == {e.id for e in events if access.can_read_event_feedback(person, e)}, person.roles
    assert access.can_read_event_feedback(facilitator, events[0]) and not access.can_read_event_feedback(
        other, events[0]
    )
