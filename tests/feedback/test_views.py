"""Feedback pages: the form keeps what was typed on refusal (422), saves once, refuses a second first answer
with a message and keeps the typing, then corrects; offered in "In hand" and on the ended event's page; the
organiser's summary withholds small groups; the evaluation form; the reports show the registered tables."""

from datetime import date

from portal.core.privacy import MIN_GROUP
from portal.core.roles import Role
from portal.extensions import db
from portal.feedback import evaluation
from portal.forums.models import Forum, Membership
from portal.leadership.models import LeadershipCohort, ProgrammeYear
from tests.feedback.conftest import give, open_round

FORM = {"mode": "new", "rating": "4", "confidence_before": "2", "confidence_after": "4", "do_differently": "Plan less"}


def test_give_keeps_typing_on_refusal_then_saves_then_corrects(client, login, make_user, make_event, add_booking):
    person = make_user()
    event = make_event(days=-2, title="Data day")
    add_booking(event, person, attended=True)
    login(person)
    page = client.get(f"/feedback/events/{event.id}")
    assert page.status_code == 200 and "Send my feedback" in page.text
    refused = client.post(f"/feedback/events/{event.id}", data=FORM | {"rating": "", "do_differently": "Kept words"})
    assert refused.status_code == 422
    assert "Choose how useful the event was." in refused.text and "Kept words" in refused.text
    assert 'checked class="ds_radio__input" id="confidence_before-1"' in refused.text  # still chosen
    sent = client.post(f"/feedback/events/{event.id}", data=FORM)
    assert sent.status_code == 303
    again = client.get(f"/feedback/events/{event.id}")
    assert "Correct my feedback" in again.text and "Plan less" in again.text and 'value="correct"' in again.text
    second = client.post(f"/feedback/events/{event.id}", data=FORM | {"do_differently": "Another tab"})
    assert second.status_code == 422
    assert "already given feedback" in second.text and "Another tab" in second.text
    corrected = client.post(f"/feedback/events/{event.id}", data=FORM | {"mode": "correct", "do_differently": "Fixed"})
    assert corrected.status_code == 303
    assert "Fixed" in client.get(f"/feedback/events/{event.id}").text


def test_not_present_is_refused(client, login, make_user, make_event, add_booking):
    person = make_user()
    event = make_event(days=-2)
    add_booking(event, person, attended=False)
    login(person)
    assert client.get(f"/feedback/events/{event.id}").status_code == 403


def test_offered_in_hand_and_on_the_event_page(client, login, make_user, make_event, add_booking):
    person = make_user()
    event = make_event(days=-2, title="Run charts in practice")
    add_booking(event, person, attended=True)
    login(person)
    home = client.get("/home")
    assert "Give feedback: Run charts in practice" in home.text
    shown = client.get(f"/events/{event.id}")
    assert "Give your feedback" in shown.text and "feedback summary" not in shown.text
    give(event, person)
    assert "Give feedback: Run charts" not in client.get("/home").text
    assert "Correct your feedback" in client.get(f"/events/{event.id}").text


def test_organiser_summary_withholds_small_groups(client, login, make_user, make_event, add_booking):
    organiser = make_user(Role.KEY_FACILITATOR)
    event = make_event(days=-2, organiser_id=organiser.id)
    people = [make_user() for _ in range(MIN_GROUP)]
    for k, person in enumerate(people[:-1]):
        add_booking(event, person, attended=True)
        give(event, person, rating=5, text=f"Secret idea {k}")
    login(organiser)
    assert "feedback summary" in client.get(f"/events/{event.id}").text
    small = client.get(f"/feedback/events/{event.id}/results")
    assert small.status_code == 200
    assert f"fewer than {MIN_GROUP}" in small.text and "Secret idea" not in small.text and "5.0" not in small.text
    add_booking(event, people[-1], attended=True)
    give(event, people[-1], rating=4, text="")
    full = client.get(f"/feedback/events/{event.id}/results")
    assert "4.8" in full.text and "Secret idea 0" in full.text
    assert all(p.name not in full.text for p in people)
    listing = client.get("/feedback/events")
    assert event.title in listing.text and "4.8" in listing.text
    login(make_user())
    assert client.get(f"/feedback/events/{event.id}/results").status_code == 403


def test_policy_organisers_find_their_events_on_the_list(client, login, make_user, make_event):
    """A leadership cohort's facilitator organises its sessions through the leadership policy alone (no event
    names them its organiser): the list shows exactly the events whose summary they may open."""
    facilitator, other = make_user(Role.KEY_FACILITATOR), make_user(Role.KEY_FACILITATOR)
    year = ProgrammeYear(label="2025-26", starts_on=date(2025, 8, 1), ends_on=date(2026, 7, 31))
    db.session.add(year)
    db.session.flush()
    cohorts = [
        LeadershipCohort(year_id=year.id, name=n, facilitator_id=f.id) for n, f in (("L", facilitator), ("M", other))
    ]
    db.session.add_all(cohorts)
    db.session.commit()
    mine = make_event(days=-2, title="Module day L", context_type="leadership_cohort", context_id=cohorts[0].id)
    theirs = make_event(days=-2, title="Module day M", context_type="leadership_cohort", context_id=cohorts[1].id)
    login(facilitator)
    assert client.get(f"/feedback/events/{mine.id}/results").status_code == 200
    assert client.get(f"/feedback/events/{theirs.id}/results").status_code == 403
    assert "feedback summary" in client.get(f"/events/{mine.id}").text
    listing = client.get("/feedback/events").text
    assert "Module day L" in listing and "Module day M" not in listing
    login(make_user(Role.RESEARCHER))  # reads every event's summary, so lists them all
    listing = client.get("/feedback/events").text
    assert "Module day L" in listing and "Module day M" in listing


def test_evaluation_form_keeps_typing_and_saves(client, login, make_user):
    person = make_user()
    forum = Forum(slug="numeracy", name="Numeracy network", kind="subject")
    db.session.add(forum)
    db.session.flush()
    db.session.add(Membership(forum_id=forum.id, user_id=person.id))
    db.session.commit()
    found = open_round(2026)
    login(person)
    listing = client.get("/feedback/evaluation")
    url = f"/feedback/evaluation/{found.id}/forum/{forum.id}"
    assert url in listing.text
    data = {"mode": "new", "progress": "4", "impact": "", "helped": "Release time", "hindered": "", "progress_text": ""}
    refused = client.post(url, data=data)
    assert refused.status_code == 422 and "Release time" in refused.text and "Choose the impact." in refused.text
    assert client.post(url, data=data | {"impact": "3"}).status_code == 303
    assert "done, you can correct it" in client.get("/feedback/evaluation").text
    assert evaluation.evaluations_of(found.id, person.id)[("forum", forum.id)].helped == "Release time"


def test_in_hand_offers_the_evaluation_only_to_network_members(client, login, make_user):
    """ "In hand" offers the open evaluation to people who take part in a network, not to everyone in a
    participant role; the home page's queries do not grow with the person's networks."""
    outsider, member = make_user(), make_user()
    forums = [Forum(slug=f"in-hand-{k}", name=f"In hand forum {k}", kind="subject") for k in range(4)]
    db.session.add_all(forums)
    db.session.flush()
    db.session.add(Membership(forum_id=forums[0].id, user_id=member.id))
    db.session.commit()
    found = open_round(2026)
    offer = f"{found.label}: your networks"
    login(outsider)
    assert offer not in client.get("/home").text
    login(member)
    home = client.get("/home")
    assert offer in home.text
    fewer = int(home.headers["X-Query-Count"])
    db.session.add_all(Membership(forum_id=f.id, user_id=member.id, coordinator=True) for f in forums[1:])
    db.session.commit()
    home = client.get("/home")
    assert offer in home.text and int(home.headers["X-Query-Count"]) == fewer


def test_round_dates_are_checked(client, login, make_user):
    login(make_user(Role.ADMIN))
    refused = client.post(
        "/feedback/evaluations", data={"school_year": "2026", "opens_on": "2027-06-30", "closes_on": "2027-06-01"}
    )
    assert (
        refused.status_code == 422 and "on or after the opening date" in refused.text and 'value="2026"' in refused.text
    )
    ok = client.post(
        "/feedback/evaluations", data={"school_year": "2026", "opens_on": "2027-06-01", "closes_on": "2027-06-30"}
    )
    assert ok.status_code == 303


def test_reports_show_feedback_per_programme(client, login, make_user, make_event, add_booking):
    event = make_event(days=-2)
    for _ in range(MIN_GROUP):
        person = make_user()
        add_booking(event, person, attended=True)
        give(event, person, rating=4)
    login(make_user(Role.ADMIN))
    aims = client.get("/reports/aims")
    assert aims.status_code == 200 and "Event feedback by school year and programme" in aims.text
    csv = client.get("/reports/tables/event_feedback.csv")
    assert csv.status_code == 200 and "Partnership" in csv.text
