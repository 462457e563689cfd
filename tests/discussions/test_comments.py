"""Comments in context: a thread on an enquiry plan section or a measure; the team hears of it; it resolves."""

from sqlalchemy import select

from portal.core.roles import Role
from portal.enquiries import teams
from portal.enquiries.models import TeamFacilitator
from portal.enquiries.plan_models import Enquiry, Measure
from portal.extensions import db
from portal.notifications.models import Notification


def test_a_facilitator_comments_on_a_section_and_the_team_resolves_it(app, client, login, make_user, mailbox):
    member, other = make_user(Role.PRACTITIONER, name="Ewan"), make_user(Role.PRACTITIONER, name="Ailsa")
    facilitator, outsider = make_user(Role.KEY_FACILITATOR, name="Fiona"), make_user(Role.PRACTITIONER)
    with app.test_request_context():
        admin = make_user(Role.ADMIN)
        team = teams.create_team(actor=admin, name="Outdoor Explorers", kind="network", members=(member, other))
        db.session.add(TeamFacilitator(team_id=team.id, user_id=facilitator.id))
    db.session.commit()
    url = f"/discussions/team/{team.id}/comments/section:success"
    login(outsider)
    assert client.get(url).status_code == 403
    login(facilitator)
    assert client.get(f"/discussions/team/{team.id}/comments/section:nonsense").status_code == 404
    page = client.get(url)
    assert page.status_code == 200 and "What success looks like" in page.data.decode()
    assert client.post(url, data={"body": ""}).status_code == 422
    done = client.post(url, data={"body": "How will you count *minutes outside*?"})
    assert done.status_code == 302
    topic_url = done.headers["Location"]
    assert client.get(url).headers["Location"] == topic_url  # one thread per section
    told = db.session.scalars(select(Notification.user_id).where(Notification.kind == "comment")).all()
    assert sorted(told) == sorted([member.id, other.id])
    assert "Fiona commented on the section" in mailbox.last_to(other.email)["Subject"]
    login(member)
    assert client.post(f"{topic_url}/resolve").status_code == 302
    assert b"Resolved" in client.get(topic_url).data


def test_comments_on_a_measure_of_this_team_only(app, client, login, make_user):
    member, admin = make_user(Role.PRACTITIONER), make_user(Role.ADMIN)
    with app.test_request_context():
        team = teams.create_team(actor=admin, name="Team A", kind="network", members=(member,))
        other = teams.create_team(actor=admin, name="Team B", kind="network", members=(make_user(Role.PRACTITIONER),))
    db.session.flush()
    enquiry = db.session.scalar(select(Enquiry).where(Enquiry.team_id == other.id))
    if enquiry is None:
        enquiry = Enquiry(team_id=other.id)
        db.session.add(enquiry)
        db.session.flush()
    measure = Measure(enquiry_id=enquiry.id, name="Attendance", kind="quantitative", shows="outcome")
    db.session.add(measure)
    db.session.commit()
    login(member)
    assert client.get(f"/discussions/team/{team.id}/comments/measure:{measure.id}").status_code == 404
