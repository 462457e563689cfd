"""Entries from the portal through the registry of activities (portal.learning.sources): a leadership module
completed, a plan completed, an enquiry stage reached, an account of practice published; each once, and
only the person's own."""

from datetime import datetime

from sqlalchemy import select

from portal.core.roles import Role
from portal.enquiries.plan_models import Enquiry
from portal.enquiries.teams import create_team
from portal.events.models import Booking, Event
from portal.extensions import db
from portal.leadership.sessions import CONTEXT, module_kind
from portal.learning.models import LearningEntry


def _module_attended(person):
    event = Event(
        title="Module 3: Leading staff in using data",
        kind=module_kind("data"),
        context_type=CONTEXT,
        context_id=1,
        starts_at=datetime(2026, 11, 4, 9, 30),
        ends_at=datetime(2026, 11, 4, 12, 0),
    )
    db.session.add(event)
    db.session.flush()
    booking = Booking(event_id=event.id, user_id=person.id, status="booked", attended=True)
    db.session.add(booking)
    db.session.flush()
    return booking


def test_record_offers_portal_activities_once_and_only_ones_own(client, login, make_user):
    leader = make_user(Role.SENIOR_LEADER)
    other = make_user(Role.SENIOR_LEADER)
    booking = _module_attended(leader)
    team = create_team(actor=leader, name="Numeracy team", kind="network", members=(leader,))
    enquiry = db.session.scalar(select(Enquiry).where(Enquiry.team_id == team.id))
    enquiry.status = "implementing"
    db.session.commit()
    login(leader)
    page = client.get("/learning/").get_data(as_text=True)
    assert "Leadership module completed: Module 3: Leading staff in using data (module completed)" in page
    assert "Enquiry stage reached: Numeracy team: the enquiry reached the implementing stage" in page
    assert f'action="/learning/suggestions/{booking.id}"' not in page  # the module stands for the booking
    added = client.post(f"/learning/activities/leadership_module/{booking.id}")
    assert added.status_code == 303 and "/edit" in added.headers["Location"]
    client.post(f"/learning/activities/leadership_module/{booking.id}")  # twice: still one entry
    entries = db.session.scalars(select(LearningEntry).where(LearningEntry.user_id == leader.id)).all()
    assert [(e.kind, float(e.hours)) for e in entries] == [("module", 2.5)]
    assert "Module 3: Leading staff" not in client.get("/learning/").get_data(as_text=True).split("Entries (")[0]
    stage = enquiry.id * 10 + 1
    assert client.post(f"/learning/activities/enquiry_stage/{stage}").status_code == 303
    intruder = login(other, on=client.application.test_client())
    assert intruder.post(f"/learning/activities/enquiry_stage/{stage}").status_code == 303
    assert intruder.post("/learning/activities/nonsense/1").status_code == 303
    assert db.session.scalar(select(LearningEntry.id).where(LearningEntry.user_id == other.id)) is None
