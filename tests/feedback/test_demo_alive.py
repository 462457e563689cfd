"""The demo region shows what issue 13's last points added: the facilitator's feedback list holds their
leadership cohort's past sessions, the demo practitioner is offered and reminded of the end-of-year
evaluation (the researcher, in no network, is not offered it), and the LA officer reads Glasgow City's survey
results only."""

from sqlalchemy import select

from portal.accounts.models import User
from portal.events.models import Event, local_now
from portal.extensions import db
from portal.leadership.models import LeadershipCohort
from portal.notifications.models import Notification


def _as(client, user_id):
    with client.session_transaction() as session:
        session["_user_id"] = str(user_id)
        session["_sv"] = db.session.get(User, user_id).session_version
    return client


def test_demo_accounts_find_the_new_parts_alive(app, client, demo):
    users = dict(demo.ids)
    cohort = db.session.scalar(select(LeadershipCohort).where(LeadershipCohort.facilitator_id == users["facilitator"]))
    session = db.session.scalar(
        select(Event)
        .where(Event.context_type == "leadership_cohort", Event.context_id == cohort.id, Event.ends_at < local_now())
        .order_by(Event.starts_at)
        .limit(1)
    )
    assert session.title in _as(client, users["facilitator"]).get("/feedback/events").text
    home = _as(client, users["practitioner"]).get("/home").text
    assert ": your networks" in home
    told = db.session.scalar(
        select(Notification.subject).where(
            Notification.user_id == users["practitioner"], Notification.kind == "evaluation_due"
        )
    )
    assert told and "how did your network go?" in told
    assert ": your networks" not in _as(client, users["researcher"]).get("/home").text
    results = _as(client, users["la_officer"]).get("/survey/results")
    assert results.status_code == 200 and "Glasgow City only" in results.text
