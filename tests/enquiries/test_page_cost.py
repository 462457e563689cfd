"""What the enquiry pages spare per request: the team's lists read by statements built once (no selectin loads),
no template looked for and missing, and a section's author read without their establishment and LA."""

from types import SimpleNamespace

from jinja2 import TemplateNotFound
from sqlalchemy import inspect
from sqlalchemy.orm import strategies

from portal.enquiries import plans, queries
from portal.enquiries.queries import team_page
from portal.extensions import db
from tests.support.sql import statements


def test_the_team_comes_with_its_lists_and_no_selectin_load(client, login, world, monkeypatch):
    def refused(*args, **kwargs):
        raise AssertionError("a selectin load, its statement built on every request")

    monkeypatch.setattr(strategies._SelectInLoader, "_load_for_path", refused)
    team_id = world.team.id
    login(world.ewan)
    db.session.expunge_all()
    team, _ = team_page(team_id)
    assert {m.user.name for m in team.members} == {"Ewan", "Ailsa"} and team.facilitators == []
    for page in ("", "/plan", "/evidence"):
        assert client.get(f"/enquiries/teams/{team_id}{page}").status_code == 200, page


def test_pages_that_show_no_one_read_the_team_without_its_people(world):
    team_id, people = world.team.id, {world.ewan.id, world.ailsa.id}
    db.session.expunge_all()
    with statements() as sent:
        team, enquiry = team_page(team_id, people=False)
    assert len(sent) == 3  # the team with its theme and enquiry; its members; its facilitators
    assert enquiry.team is team and team.theme is not None
    assert {m.user_id for m in team.members} == people and team.facilitators == []
    assert all("user" in inspect(m).unloaded for m in team.members)


def test_the_plan_page_looks_for_no_missing_template(app, client, login, world, monkeypatch):
    login(world.ewan)
    url = f"/enquiries/teams/{world.team.id}/plan"
    assert client.get(url).status_code == 200  # its templates loaded
    missing = []
    loader = app.jinja_env.loader
    original = loader.get_source

    def get_source(environment, name):
        try:
            return original(environment, name)
        except TemplateNotFound:
            missing.append(name)
            raise

    monkeypatch.setattr(loader, "get_source", get_source)
    assert client.get(url).status_code == 200
    assert missing == []


def test_a_section_author_comes_without_their_establishment(world):
    plans.save_section(world.enquiry, "hunch", "Pupils rarely measure", base_version=0, actor=world.ailsa)
    db.session.commit()
    enquiry, reader = SimpleNamespace(id=world.enquiry.id), SimpleNamespace(id=world.ewan.id)
    db.session.expunge_all()
    sections, _ = plans.plan_state(enquiry, reader)
    author = sections["hunch"].updated_by
    assert author.name == "Ailsa" and {"establishment", "authority"} <= inspect(author).unloaded


def test_team_lists_read_rows_of_what_they_show_and_my_teams_counts_without_themes(app, world):
    with app.test_request_context("/"):
        with statements() as sent:
            page, outlooks = queries.my_teams(world.ewan)
        (team,) = page.items
        assert (team.name, team.theme_title, team.school_year, team.status) == (
            "Outdoor Explorers",
            "Outdoor Learning",
            "2020-21",
            "planning",
        )
        (count,) = [sql for sql in sent if "count(*)" in sql]
        assert "enquiry_theme" not in count  # the count reads no theme
        assert outlooks[team.id].members == 2
        (row,) = queries.theme_teams(world.theme.id)[0].items
        assert (row.id, row.name, row.status, row.published_at) == (
            world.team.id,
            "Outdoor Explorers",
            "planning",
            None,
        )
