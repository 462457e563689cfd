"""Every enquiries page renders for a team member and the admin, each showing what it is about."""


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_pages_render_for_a_member(client, login, world):
    login(world.ewan)
    t, m, theme = world.team.id, world.measure.id, world.theme
    expected = {
        "/enquiries/": theme.title,
        f"/enquiries/themes/{theme.id}": world.team.name,
        "/enquiries/teams": world.team.name,
        f"/enquiries/teams/{t}": "Ailsa",
        f"/enquiries/teams/{t}/plan": world.team.name,
        f"/enquiries/teams/{t}/evidence": world.measure.name,
        f"/enquiries/teams/{t}/measures/{m}": world.measure.name,
        f"/enquiries/teams/{t}/summary": world.team.name,
        f"/enquiries/teams/{t}/evidence/new": "<form",
        f"/enquiries/teams/{t}/measures/new": "<form",
        f"/enquiries/teams/{t}/edit": world.team.shared_goal,
    }
    for url, text in expected.items():
        assert text in _page(client, url), f"{url} does not show {text!r}"


def test_admin_pages_render(client, login, world):
    login(world.admin)
    theme = world.theme
    expected = {
        "/enquiries/themes/new": 'name="title"',
        f"/enquiries/themes/{theme.id}/edit": theme.title,
        "/enquiries/link-officers": "Glasgow City",
        f"/enquiries/themes/{theme.id}/registrations": "Ewan",
        f"/enquiries/themes/{theme.id}/summaries": "No team has published a summary yet",
    }
    for url, text in expected.items():
        assert text in _page(client, url), f"{url} does not show {text!r}"
