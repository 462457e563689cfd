"""Fixtures for the enquiries tests: a theme, a team across two LAs with a plan and a measure."""

from types import SimpleNamespace

import pytest

from portal.core.roles import Role
from portal.enquiries import plans, teams, themes
from portal.extensions import db


@pytest.fixture
def make_theme(app, make_user):
    admin = make_user(Role.ADMIN, name="Admin")

    def make(title="Outdoor Learning", year="2020-21"):
        theme = themes.save_theme(
            None, actor=admin, school_year=year, title=title, description="Learning outside the classroom."
        )
        db.session.commit()
        return theme

    make.admin = admin
    return make


@pytest.fixture
def world(app, make_user, make_theme, make_establishment):
    """A themed team: Ewan (Glasgow) and Ailsa (Renfrewshire), a quantitative measure, a facilitator."""
    theme = make_theme()
    ewan = make_user(Role.PRACTITIONER, name="Ewan", email="ewan@test.example.org")
    ailsa = make_user(
        Role.PRACTITIONER,
        name="Ailsa",
        email="ailsa@test.example.org",
        establishment=make_establishment(authority_slug="renfrewshire"),
    )
    themes.register(theme, actor=ewan)
    team = teams.create_team(actor=ewan, theme=theme, name="Outdoor Explorers", shared_goal="More learning outside")
    with app.test_request_context():  # the invitation e-mail carries a link
        teams.accept_invitation(teams.invite(team, ailsa.email, actor=ewan), actor=ailsa)
    from portal.enquiries.queries import team_page

    enquiry = team_page(team.id)[1]
    measure = plans.save_measure(
        enquiry,
        None,
        actor=ewan,
        name="Minutes outdoors",
        kind="quantitative",
        shows="process",
        baseline="20",
        target="60",
        how_collected="Class log",
        when_collected="Weekly",
    )
    db.session.commit()
    return SimpleNamespace(
        theme=theme, team=team, enquiry=enquiry, measure=measure, ewan=ewan, ailsa=ailsa, admin=make_theme.admin
    )
