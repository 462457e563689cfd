"""Team actions that remove someone or change who reads the summary confirm first (a page without JavaScript);
leaving a team has its own confirm page (GET)."""

from portal.enquiries.models import TeamMember
from portal.extensions import db


def test_removing_a_member_asks_first(client, login, world):
    member = db.session.scalar(
        db.select(TeamMember).where(TeamMember.team_id == world.team.id, TeamMember.user_id == world.ailsa.id)
    )
    member_id = member.id
    login(world.ewan)
    assert 'data-confirm="Remove Ailsa from the team?"' in client.get(f"/enquiries/teams/{world.team.id}").text
    url = f"/enquiries/teams/{world.team.id}/members/{member.id}/remove"
    asked = client.post(url)
    assert asked.status_code == 200 and "Remove Ailsa from Outdoor Explorers?" in asked.text
    assert db.session.get(TeamMember, member.id) is not None
    client.post(url, data={"confirmed": "yes"})
    db.session.expire_all()
    assert db.session.get(TeamMember, member_id) is None
    assert client.get(f"/enquiries/teams/{world.team.id}/leave").status_code == 200  # leaving: a confirm page


def test_publishing_and_withdrawing_the_summary_ask_first(client, login, world):
    login(world.ewan)
    url = f"/enquiries/teams/{world.team.id}/summary"
    asked = client.post(url, data={"action": "publish"})
    assert asked.status_code == 200 and "Publish the sharing summary of Outdoor Explorers?" in asked.text
    assert 'name="action" value="publish"' in asked.text  # the confirm page posts the same choice again
    db.session.expire_all()
    assert world.enquiry.published_at is None
    client.post(url, data={"action": "publish", "confirmed": "yes"})
    asked = client.post(url, data={"action": "withdraw"})
    assert "Withdraw the sharing summary" in asked.text
    db.session.expire_all()
    assert world.enquiry.published_at is not None
    client.post(url, data={"action": "withdraw", "confirmed": "yes"})
    db.session.expire_all()
    assert world.enquiry.published_at is None
