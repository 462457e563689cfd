"""Fixtures for the practice tests: a themed team across two LAs with a plan, a measure with data, a note."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from portal.core.roles import Role
from portal.enquiries import evidence, plans, teams, themes
from portal.enquiries.queries import team_page
from portal.extensions import db


def build_team(make_user, make_establishment, *, prefix="t"):
    """Two members (Glasgow City and Renfrewshire), plan sections, a measure with twelve points, a note."""
    admin = make_user(Role.ADMIN, name="Lead Officer", email=f"{prefix}-lead@test.example.org")
    theme = themes.save_theme(None, actor=admin, school_year="2020-21", title="Outdoor Learning", description="")
    ewan = make_user(Role.PRACTITIONER, name="Ewan Member", email=f"{prefix}-ewan@test.example.org")
    ailsa = make_user(
        Role.PRACTITIONER,
        name="Ailsa Member",
        email=f"{prefix}-ailsa@test.example.org",
        establishment=make_establishment(authority_slug="renfrewshire", sector="ELC"),
    )
    team = teams.create_team(actor=ewan, theme=theme, name="Outdoor Explorers", shared_goal="More learning outside")
    teams._add_member(team, ailsa)
    enquiry = team_page(team.id)[1]
    plans.save_section(enquiry, "change", "Weekly numeracy lessons in the woodland.", base_version=0, actor=ewan)
    plans.save_section(enquiry, "result", "Minutes outdoors tripled.", base_version=0, actor=ewan)
    measure = plans.save_measure(
        enquiry,
        None,
        actor=ewan,
        name="Minutes outdoors",
        kind="quantitative",
        shows="process",
        baseline="20",
        target="60",
    )
    for week, value in enumerate([20, 22, 25, 20, 30, 55, 60, 62, 65, 61, 66, 70]):
        evidence.add_data_point(
            enquiry, measure, actor=ewan, on=date(2020, 9, 1) + timedelta(weeks=week), value=str(value)
        )
    evidence.add_note(
        enquiry,
        actor=ailsa,
        kind="observation",
        on=date(2020, 10, 1),
        observer="Ailsa Member",
        text="Quiet learners led their groups.",
    )
    db.session.commit()
    return SimpleNamespace(admin=admin, theme=theme, ewan=ewan, ailsa=ailsa, team=team, enquiry=enquiry)


@pytest.fixture
def world(app, make_user, make_establishment):
    return build_team(make_user, make_establishment)
