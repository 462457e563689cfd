"""The partnership overview: participation per LA, findings, attendance; scoped for LA officers."""

from portal.core.roles import Role
from portal.enquiries import teams
from portal.extensions import db


def test_researcher_sees_every_authority_and_the_totals(client, login, make_user, make_establishment):
    login(make_user(Role.RESEARCHER))
    page = client.get("/reports/").get_data(as_text=True)
    for name in ("East Dunbartonshire", "West Dunbartonshire", "West Partnership"):
        assert name in page


def test_la_officer_sees_only_their_authority(client, login, make_user):
    login(make_user(Role.LA_OFFICER, authority_slug="inverclyde"))
    page = client.get("/reports/").get_data(as_text=True)
    table = page[page.index('id="participation"') : page.index("</table>")]
    assert "Inverclyde" in table and "Renfrewshire" not in table and "West Partnership" not in table


def test_team_members_count_towards_their_establishment_taking_part(app, client, login, make_user, make_establishment):
    school = make_establishment(authority_slug="renfrewshire")
    make_establishment(authority_slug="renfrewshire")  # a second establishment that takes no part
    member = make_user(Role.PRACTITIONER, establishment=school)
    teams.create_team(name="Report team", kind="network", members=(member,), actor=make_user(Role.ADMIN))
    db.session.commit()
    login(make_user(Role.ADMIN))
    page = client.get("/reports/").get_data(as_text=True)
    row = page[page.index('<th scope="row">Renfrewshire') :].split("</tr>")[0]
    cells = [c.split("<")[0] for c in row.split("<td>")[1:]]
    assert cells[:3] == ["2", "1", "50%"] and cells[3] == "1"


def test_query_count_does_not_grow(client, login, make_user, make_establishment):
    login(make_user(Role.ADMIN))
    small = client.get("/reports/").headers["X-Query-Count"]
    for _ in range(12):
        make_user(Role.PRACTITIONER, establishment=make_establishment(authority_slug="inverclyde"))
    assert client.get("/reports/").headers["X-Query-Count"] == small
