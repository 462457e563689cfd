"""Every enquiries page renders for a team member (both renderings where there is a fragment)."""

from portal.core.roles import Role


def test_pages_render_for_a_member(client, login, world):
    login(world.ewan)
    t, m = world.team.id, world.measure.id
    for url in ["/enquiries/", f"/enquiries/themes/{world.theme.id}", "/enquiries/teams", f"/enquiries/teams/{t}",
                f"/enquiries/teams/{t}/plan", f"/enquiries/teams/{t}/evidence", f"/enquiries/teams/{t}/measures/{m}",
                f"/enquiries/teams/{t}/summary", f"/enquiries/teams/{t}/evidence/new",
                f"/enquiries/teams/{t}/measures/new", f"/enquiries/teams/{t}/edit"]:
        response = client.get(url)
        assert response.status_code == 200, url


def test_admin_pages_render(client, login, world, make_user):
    login(world.admin)
    for url in ["/enquiries/themes/new", f"/enquiries/themes/{world.theme.id}/edit", "/enquiries/link-officers",
                f"/enquiries/themes/{world.theme.id}/registrations", f"/enquiries/themes/{world.theme.id}/summaries"]:
        assert client.get(url).status_code == 200, url
    assert make_user(Role.LA_OFFICER)
