"""The record's pages: private to the person, shared entries for the named reviewer, forms, the pack and PDF."""

from datetime import date
from io import BytesIO

from pypdf import PdfReader

from portal.core.roles import Role
from portal.extensions import db
from portal.learning.models import LearningEntry
from tests.learning.conftest import attended_booking, own_entry


def test_reviewer_sees_only_shared_entries_and_others_nothing(client, login, make_user):
    person, reviewer, other = (
        make_user(Role.PRACTITIONER),
        make_user(Role.SENIOR_LEADER),
        make_user(Role.SENIOR_LEADER),
    )
    shared = own_entry(person, title="Shared reading", reviewer=reviewer)
    private = own_entry(person, title="Private visit")
    login(reviewer)
    page = client.get("/learning/shared").get_data(as_text=True)
    assert "Shared reading" in page and "Private visit" not in page and person.name in page
    assert client.get(f"/learning/{shared.id}").status_code == 200
    assert client.get(f"/learning/{private.id}").status_code == 403
    assert client.get(f"/learning/{shared.id}/edit").status_code == 403
    login(other)
    assert client.get(f"/learning/{shared.id}").status_code == 403
    assert "Shared reading" not in client.get("/learning/shared").get_data(as_text=True)
    assert "Shared reading" not in client.get("/learning/pack").get_data(as_text=True)


def test_add_entry_keeps_what_was_typed_when_refused(client, login, make_user):
    person = make_user(Role.PRACTITIONER)
    login(person)
    data = {
        "title": "Course on coaching",
        "kind": "course",
        "started_on": "2026-09-10",
        "hours": "6",
        "standard": "middle",
        "sections": ["1", "3"],
        "reflection": "I coach now.",
        "evidence": "",
        "reviewer_email": "nobody@example.org",
    }
    refused = client.post("/learning/new", data=data)
    assert refused.status_code == 422
    body = refused.get_data(as_text=True)
    assert "No one in the portal" in body and 'value="Course on coaching"' in body and "I coach now." in body
    data["reviewer_email"] = ""
    assert client.post("/learning/new", data=data).status_code == 303
    entry = db.session.scalar(db.select(LearningEntry).where(LearningEntry.user_id == person.id))
    assert (entry.title, entry.sections, entry.shared_with_id) == ("Course on coaching", "1,3", None)


def test_record_lists_suggestions_and_adding_one_opens_the_entry(client, login, make_user):
    person = make_user(Role.PRACTITIONER)
    booking = attended_booking(person)
    db.session.commit()
    login(person)
    assert "Network meeting: enquiry questions" in client.get("/learning/").get_data(as_text=True)
    response = client.post(f"/learning/suggestions/{booking.id}")
    assert response.status_code == 303 and "/edit" in response.headers["Location"]
    client.post(f"/learning/suggestions/{booking.id}")
    assert db.session.scalar(db.select(db.func.count(LearningEntry.id)).where(LearningEntry.user_id == person.id)) == 1
    assert "Add to my record" not in client.get("/learning/").get_data(as_text=True)


def test_list_fragment_for_htmx(client, login, make_user, htmx_get):
    person = make_user(Role.PRACTITIONER)
    own_entry(person)
    login(person)
    response = htmx_get("/learning/", "learning-entries")
    body = response.get_data(as_text=True)
    assert body.lstrip().startswith('<div id="learning-entries">') and "<html" not in body
    assert "HX-Request" in response.headers["Vary"]


def test_remove_confirms_then_deletes(client, login, make_user):
    person = make_user(Role.PRACTITIONER)
    entry = own_entry(person)
    login(person)
    assert "Remove the entry" in client.get(f"/learning/{entry.id}/remove").get_data(as_text=True)
    assert db.session.get(LearningEntry, entry.id) is not None
    assert client.post(f"/learning/{entry.id}/remove").status_code == 303
    assert db.session.scalar(db.select(db.func.count(LearningEntry.id)).where(LearningEntry.id == entry.id)) == 0


def test_pack_page_and_pdf_list_the_period_entries(client, login, make_user):
    person = make_user(Role.PRACTITIONER)
    own_entry(person, title="Read about loose parts play", on=date(2026, 9, 10))
    own_entry(person, title="Visit to Riverside nursery", on=date(2026, 11, 2), evidence="Visit notes")
    own_entry(person, title="Old course from last year", on=date(2025, 3, 1))
    login(person)
    args = "?start=2026-08-01&end=2027-07-31"
    page = client.get("/learning/pack" + args).get_data(as_text=True)
    assert "Visit to Riverside nursery" in page and "Old course from last year" not in page
    assert "Title: Read about loose parts play" in page  # paste-ready text
    response = client.get("/learning/pack.pdf" + args)
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(response.data)).pages)
    text = " ".join(text.split())
    assert "Read about loose parts play" in text and "Visit to Riverside nursery" in text
    assert "Old course from last year" not in text
    assert "The Standard for Career-Long Professional Learning" in text and "Visit notes" in text
    assert "store its date in your" in client.get("/learning/pack").get_data(as_text=True)
    assert client.post("/learning/settings", data={"signoff_on": "2027-06-30"}).status_code == 303
    five = client.get("/learning/pack?period=signoff").get_data(as_text=True)  # the stored sign-off date
    assert "Show the five years to your sign-off date, 30 June 2027" in five
    assert "from 1 July 2022 to 30 June 2027" in five
    assert "Old course from last year" in five and "Visit to Riverside nursery" in five


def test_edit_page_shows_the_saved_entry_and_its_reviewer(client, login, make_user):
    person, reviewer = make_user(Role.PRACTITIONER), make_user(Role.SENIOR_LEADER)
    entry = own_entry(person, reviewer=reviewer)
    login(person)
    body = client.get(f"/learning/{entry.id}/edit").get_data(as_text=True)
    assert f'value="{reviewer.email}"' in body and 'value="Read about loose parts play"' in body
