"""Text over a field's limit is never dropped in silence: the limit is shown, a refused save answers 422 with
the text and a message (plain and htmx), and an autosave of it says it was not kept."""

from portal.enquiries.sections import MAX_TEXT

LONG = "word " * 5000  # 25,000 characters


def test_a_too_long_section_is_refused_with_its_text_and_a_message(client, login, world):
    login(world.ewan)
    url = f"/enquiries/teams/{world.team.id}/plan/change"
    response = client.post(url, data={"text": LONG, "version": "0"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert LONG.strip() in page
    assert "25,000 characters" in page and f"{MAX_TEXT:,}" in page


def test_a_too_long_section_by_htmx_comes_back_in_its_section(client, login, world):
    login(world.ewan)
    url = f"/enquiries/teams/{world.team.id}/plan/change"
    response = client.post(
        url, data={"text": LONG, "version": "0"}, headers={"HX-Request": "true", "HX-Target": "section-change"}
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert page.lstrip().startswith('<section id="section-change"') and LONG.strip() in page and "Not saved" in page


def test_a_too_long_autosave_says_it_was_not_kept(client, login, world):
    login(world.ewan)
    response = client.post(
        f"/enquiries/teams/{world.team.id}/plan/change/draft",
        data={"text": LONG, "version": "0"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422
    assert "Not kept" in response.get_data(as_text=True)


def test_every_section_and_long_text_field_shows_its_limit(client, login, world):
    login(world.ewan)
    plan = client.get(f"/enquiries/teams/{world.team.id}/plan").get_data(as_text=True)
    assert f"Up to {MAX_TEXT:,} characters." in plan and f'maxlength="{MAX_TEXT}"' in plan
    note = client.get(f"/enquiries/teams/{world.team.id}/evidence/new").get_data(as_text=True)
    assert f"Up to {MAX_TEXT:,} characters." in note
