"""A published summary read outside the team (researchers, theme registrants) leaves out observers' names and
data-point notes unless the team chose to include them (security issue 10)."""

from datetime import date

from portal.core.roles import Role
from portal.enquiries import evidence, themes
from portal.extensions import db


def test_names_and_notes_only_when_the_team_chose_to_show_them(client, login, world, make_user):
    evidence.add_note(
        world.enquiry,
        actor=world.ewan,
        kind="observation",
        on=date(2021, 3, 2),
        observer="Morag Observer",
        text="Children led the walk",
    )
    evidence.add_data_point(
        world.enquiry, world.measure, actor=world.ewan, on=date(2021, 3, 1), value="12", note="Jamie was off sick"
    )
    evidence.publish_summary(world.enquiry, actor=world.ewan)
    registrant = make_user(Role.PRACTITIONER)
    themes.register(world.theme, actor=registrant)
    db.session.commit()
    url = f"/enquiries/teams/{world.team.id}/summary"
    for reader in (make_user(Role.RESEARCHER), registrant):
        login(reader)
        page = client.get(url).text
        assert "Children led the walk" in page and "Morag Observer" not in page and "Jamie was off sick" not in page
    login(world.ailsa)  # the team itself always sees them
    assert "Morag Observer" in client.get(url).text

    login(world.ewan)
    published = client.post(url, data={"action": "publish", "include_names": "y", "confirmed": "yes"})
    assert published.status_code in (302, 303)
    login(registrant)
    page = client.get(url).text
    assert "Morag Observer" in page and "Jamie was off sick" in page
