"""Access: a researcher is never a reviewer of anyone's learning record. They cannot be chosen as one (for an
entry or a PRD target), and an entry or target shared with them before they held the role stays closed to them;
the list of what is shared with them shows no record and no name."""

from datetime import date

from sqlalchemy import select

from portal.accounts.models import UserRole
from portal.core.roles import Role
from portal.extensions import db
from portal.learning import targets
from portal.learning.models import LearningEntry, PrdTarget
from tests.learning.conftest import own_entry, own_target


def test_a_researcher_cannot_be_chosen_as_reviewer(client, login, make_user):
    person, researcher = make_user(Role.PRACTITIONER), make_user(Role.RESEARCHER)
    login(person)
    entry = {
        "title": "Course on coaching",
        "kind": "course",
        "started_on": "2026-09-10",
        "hours": "6",
        "standard": "clpl",
        "reviewer_email": researcher.email,
    }
    refused = client.post("/learning/new", data=entry)
    assert refused.status_code == 422 and "researchers never see anyone" in refused.get_data(as_text=True)
    year = targets.year_choices(date.today())[1][0]
    target = {"title": "Coach two colleagues", "year": year, "goal": 0, "reviewer_email": researcher.email.upper()}
    refused = client.post("/learning/targets/new", data=target)
    assert refused.status_code == 422 and "researchers never see anyone" in refused.get_data(as_text=True)
    assert db.session.scalar(select(LearningEntry.id)) is None and db.session.scalar(select(PrdTarget.id)) is None


def test_a_researcher_never_acts_as_reviewer_nor_sees_names(client, login, make_user):
    person = make_user(Role.PRACTITIONER, name="Isla Privateperson")
    colleague = make_user(Role.SENIOR_LEADER)
    entry = own_entry(person, title="Shared before the role", reviewer=colleague)
    target = own_target(person, title="Target shared before the role", reviewer=colleague)
    db.session.add(UserRole(user_id=colleague.id, role=Role.RESEARCHER))  # the reviewer becomes a researcher
    db.session.commit()
    login(colleague)
    assert client.get(f"/learning/{entry.id}").status_code == 403
    assert client.get(f"/learning/targets/{target.id}").status_code == 403
    shared = client.get("/learning/shared").get_data(as_text=True)
    assert "Isla Privateperson" not in shared and "Shared before the role" not in shared
    assert "Target shared before the role" not in shared
    assert "Isla Privateperson" not in client.get("/learning/pack").get_data(as_text=True)
    login(person)  # the owner still sees their own record
    assert client.get(f"/learning/{entry.id}").status_code == 200
