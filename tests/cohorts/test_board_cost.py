"""The matching board reads what it shows: a cohort's nominated establishments as names (not four joined records
each) and its record of actions as when, what and by whom (not each action's inputs and plan)."""

import re

import pytest
from sqlalchemy import select

from portal.cohorts import queries
from portal.cohorts.models import NetworkCohort, Nomination
from portal.core.roles import Role
from portal.extensions import db
from tests.cohorts.helpers import fill, make_cohort
from tests.support.sql import statements

pytest.importorskip("portal.matching")

from portal.cohorts import matching_service as matching  # noqa: E402


def test_entries_name_what_the_nominations_hold(app):
    cohort = make_cohort(stage="matching")
    noms = fill(cohort, per_la=1, answered=False)
    noms[0].practitioner = None
    db.session.commit()
    cohort = db.session.get(NetworkCohort, cohort.id)
    with statements() as seen:
        entries = queries.entries(cohort)
    assert len(seen) == 1
    stored = db.session.scalars(select(Nomination).where(Nomination.cohort_id == cohort.id)).all()
    assert sorted((e.establishment_id, e.name, e.sector, e.authority, e.people) for e in entries) == sorted(
        (
            n.establishment_id,
            n.establishment.name,
            n.establishment.sector,
            n.authority.name,
            [(p.id, p.name) for p in n.people],
        )
        for n in stored
    )
    assert [e.name for e in entries] == sorted(e.name for e in entries)
    assert any(len(e.people) == 1 for e in entries)


def test_history_and_current_plan_leave_inputs_unread(app, make_user):
    admin = make_user(Role.ADMIN)
    cohort = make_cohort(stage="matching")
    fill(cohort, per_la=2)
    with app.test_request_context():
        plan = matching.run(cohort, actor=admin, time_limit=0.2)
    db.session.commit()
    cohort = db.session.get(NetworkCohort, cohort.id)
    with statements() as seen:
        record, history = matching.current(cohort), matching.history(cohort)
    assert record.action == "run" and record.result == plan
    assert [(r.action, r.by_name) for r in history] == [("run", admin.name)]
    assert len(seen) == 2 and not any("inputs" in s for s in seen)


def test_board_statements_do_not_grow_with_the_cohort(app, make_user, client, login):
    admin = make_user(Role.ADMIN)
    cohort = make_cohort(stage="matching")
    fill(cohort, per_la=1)
    with app.test_request_context():
        matching.run(cohort, actor=admin, time_limit=0.2)
    db.session.commit()
    counts = []
    for more in (0, 3):
        if more:
            fill(db.session.get(NetworkCohort, cohort.id), per_la=more, start=50)
        login(admin)
        with statements() as seen:
            page = client.get(f"/cohorts/{cohort.id}/matching")
        assert page.status_code == 200
        counts.append(len(seen))
    assert counts[0] == counts[1]


def test_each_card_moves_to_the_other_teams_and_pins_or_unpins(app, make_user, client, login):
    """Every card's controls share the page's addresses and options (made once per page and per team)."""
    admin = make_user(Role.ADMIN)
    cohort = make_cohort(stage="matching")
    fill(cohort, per_la=2)
    with app.test_request_context():
        plan = matching.run(cohort, actor=admin, time_limit=0.2)
    pinned, free = plan["teams"][1][0], plan["teams"][2][0]
    matching.pin(cohort, actor=admin, est_id=int(pinned), team_index=1)
    db.session.commit()
    login(admin)
    page = client.get(f"/cohorts/{cohort.id}/matching").get_data(as_text=True)
    for est, team, action in ((pinned, 1, "unpin"), (free, 2, "pin")):
        card = page.split(f'id="est-{est}"')[1].split("</li>")[0]
        options = re.findall(r'<option value="(\d+)">Team (\d+)</option>', card)
        assert options == [(str(k), str(k + 1)) for k in range(len(plan["teams"])) if k != team]
        assert f'action="/cohorts/{cohort.id}/matching/preview#move-preview"' in card
        assert f'data-hx-target="#preview-slot-{team}"' in card
        assert f'action="/cohorts/{cohort.id}/matching/{action}"' in card
        assert (
            f'<input type="hidden" name="establishment" value="{est}"><input type="hidden" name="team" value="{team}">'
            in card
        )
