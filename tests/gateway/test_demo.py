"""After the demo loads, the demo practitioner finds the Gateway alive: profiles, a request, a team at work."""

from sqlalchemy import func, select

from portal.enquiries.models import Team, TeamMember
from portal.enquiries.plan_models import Enquiry
from portal.extensions import db
from portal.gateway.models import Profile, Request


def test_demo_has_profiles_a_pending_request_and_a_team_under_way(app, client, login, demo):
    users = demo.users
    ewan = users["practitioner"]
    assert db.session.scalar(select(func.count(Profile.id))) >= 12
    assert db.session.scalar(select(func.count(func.distinct(Profile.authority_id)))) >= 6
    assert db.session.scalar(select(func.count(func.distinct(Profile.sector)))) == 4
    assert db.session.scalar(select(Request.id).where(Request.recipient_id == ewan.id, Request.status == "pending"))
    team = db.session.scalar(select(Team).join(TeamMember).where(Team.kind == "gateway", TeamMember.user_id == ewan.id))
    assert db.session.scalar(select(Enquiry.status).where(Enquiry.team_id == team.id)) == "implementing"
    login(ewan)
    page = client.get("/gateway/").get_data(as_text=True)
    assert "would like to collaborate" in page and team.name in page
    suggestions = client.get("/gateway/suggestions").get_data(as_text=True)
    assert "Isla Morrison" in suggestions  # shares outdoor numeracy, in East Dunbartonshire
    assert "Lorna Campbell" not in suggestions  # already his partner in the Gateway team


def test_demo_lead_officer_has_a_misuse_report_to_resolve_and_one_resolved(app, client, login, demo):
    users = demo.users
    login(users["lead"])
    open_reports = client.get("/gateway/misuse-reports").get_data(as_text=True)
    assert "paid tutoring service" in open_reports and "Resolve" in open_reports
    resolved = client.get("/gateway/misuse-reports?state=resolved").get_data(as_text=True)
    assert "personal mobile number" in resolved and "spoken to" in resolved
