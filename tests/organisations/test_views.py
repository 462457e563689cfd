"""Establishment pages: the live filter in both renderings, pagination, constant query counts."""

from portal.core.roles import Role


def test_filters_work_as_a_plain_get_form(client, login, make_user, make_establishment):
    login(make_user(Role.RESEARCHER))
    make_establishment(name="Alpha Nursery", sector="ELC", authority_slug="inverclyde")
    make_establishment(name="Beta Primary", sector="Primary", authority_slug="inverclyde")
    page = client.get("/establishments?sector=ELC").data
    assert b"Alpha Nursery" in page and b"Beta Primary" not in page
    page = client.get("/establishments?q=beta").data
    assert b"Beta Primary" in page and b"Alpha Nursery" not in page
    # The same filters with other values: each request's own values (the statements are built once, values bound).
    make_establishment(name="Gamma Primary", sector="Primary", authority_slug="renfrewshire", code="5550001")
    assert b"Alpha Nursery" in client.get("/establishments?q=ALPHA").data
    page = client.get("/establishments?sector=Primary").text
    assert "Beta Primary</td><td>" in page and "Gamma Primary</td><td>5550001</td><td>Renfrewshire</td>" in page
    page = client.get("/establishments?q=5550001").text  # the SEED code, exactly
    assert "Gamma Primary" in page and "Beta Primary" not in page


def test_fragment_for_the_live_filter(client, login, make_user, make_establishment, htmx_get):
    login(make_user(Role.ADMIN))
    make_establishment(name="Gamma High", sector="Secondary")
    response = htmx_get("/establishments?q=gamma", "establishment-results")
    assert response.data.strip().startswith(b'<div id="establishment-results"')
    assert b"Gamma High" in response.data and b"<html" not in response.data
    assert "HX-Request" in response.headers["Vary"]
    history = client.get(
        "/establishments?q=gamma",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true", "HX-Target": "establishment-results"},
    )
    assert b"<html" in history.data


def test_pagination(client, login, make_user, make_establishment):
    login(make_user(Role.ADMIN))
    for n in range(30):
        make_establishment(name=f"School {n:02d}")
    first = client.get("/establishments").data
    assert b"Page 1 of 2" in first and first.count(b"<tr><td>") == 25
    assert client.get("/establishments?page=2").data.count(b"<tr><td>") == 5


def test_query_counts_do_not_grow(client, login, make_user, make_establishment):
    login(make_user(Role.ADMIN))
    make_establishment()
    small = {url: client.get(url).headers["X-Query-Count"] for url in ("/establishments", "/authorities")}
    for n in range(40):
        make_establishment(authority_slug=["inverclyde", "renfrewshire"][n % 2], sector="ASN")
    large = {url: client.get(url).headers["X-Query-Count"] for url in ("/establishments", "/authorities")}
    assert small == large


def test_authorities_summary_counts(client, login, make_user, make_establishment):
    login(make_user(Role.LA_OFFICER))
    make_establishment(authority_slug="inverclyde", sector="ASN")
    page = client.get("/authorities").get_data(as_text=True)
    assert "Inverclyde" in page and "West Dunbartonshire" in page


def test_suggestions_for_the_establishment_field(client, login, make_user, make_establishment, htmx_get):
    login(make_user(Role.PRACTITIONER))
    school = make_establishment(name="Kelvinside Nursery", sector="ELC")
    response = htmx_get("/establishments/suggest?establishment=kelvin", "establishment-options")
    assert f'<option value="{school.seed_code}">Kelvinside Nursery'.encode() in response.data
    assert b"<option" not in htmx_get("/establishments/suggest?establishment=k", "establishment-options").data
