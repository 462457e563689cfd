"""Issue 20: the guided enquiry (six steps with their state, one open, the next suggested), the aim, the driver
diagram (SVG with a text equivalent), PDSA cycles on the run chart, and notes linked to a measure and a cycle,
the same for themed, network and Gateway teams (one Team model)."""

from datetime import date, timedelta

import pytest

from portal.core.roles import Role
from portal.enquiries import cycles, evidence, plans, steps, teams
from portal.enquiries.queries import team_page
from portal.extensions import db


def test_step_states_and_the_next_step():
    fresh = steps.states(set())
    assert [s.state for s in fresh] == [steps.NOT_STARTED] * 6 and steps.suggested(fresh).step.key == "challenge"
    some = steps.states({"hunch", "change", "aim"})
    assert [s.state for s in some][:3] == [steps.DONE, steps.STARTED, steps.STARTED]
    assert steps.suggested(some).step.key == "change"
    everything = {"hunch", "change", "beneficiaries", "question", "aim", "methods", "measure", "cycle decided"}
    assert steps.suggested(steps.states(everything | {"result", "learning"})) is None


def test_the_plan_is_a_guided_enquiry_with_one_step_open(client, login, world):
    login(world.ewan)
    url = f"/enquiries/teams/{world.team.id}/plan"
    page = client.get(url).text
    assert page.count('data-one-open="steps"') == 6
    assert page.index("Challenge questions and our hunch") < page.index("From a hunch to an enquiry question")
    assert "Next step:" in page and "1. Challenge questions and our hunch" in page
    assert page.count('data-one-open="steps" open') == 1
    saved = client.post(f"{url}/hunch", data={"text": "Pupils rarely measure real things", "version": "0"})
    assert saved.status_code == 303  # the section saves as before (version-checked)
    page = client.get(url).text
    assert "2. The change and who benefits</a>" in page  # the next step suggested moves on
    asked = client.get(f"{url}?step=findings").text
    opened = asked[asked.index('data-one-open="steps" open') :]
    assert opened.index("Findings") < opened.index("</details>")


def test_aim_needs_all_four_parts_and_keeps_what_was_typed(client, login, world):
    login(world.ewan)
    url = f"/enquiries/teams/{world.team.id}/aim"
    refused = client.post(url, data={"what": "Confidence in measuring", "who": "", "how_much": "", "by": ""})
    assert (
        refused.status_code == 422
        and "Say for whom" in refused.text
        and 'value="Confidence in measuring"' in refused.text
    )
    data = {"what": "Confidence in measuring", "who": "P4 pupils", "how_much": "from 40% to 70%", "by": "2021-06-25"}
    assert client.post(url, data=data).status_code == 303
    page = client.get(f"/enquiries/teams/{world.team.id}/plan?step=question").text
    assert "Confidence in measuring" in page and "P4 pupils" in page and "25 June 2021" in page


def test_driver_diagram_is_svg_with_a_text_equivalent(client, login, world):
    login(world.ewan)
    url = f"/enquiries/teams/{world.team.id}/drivers"
    assert client.post(url, data={"kind": "primary", "text": "Confident learners"}).status_code == 303
    primary = cycles.drivers(world.enquiry.id)[0]
    wrong = client.post(url, data={"kind": "change", "text": "Trundle wheels", "parent_id": primary.id})
    assert wrong.status_code == 422 and "secondary driver it belongs to" in wrong.text
    assert (
        client.post(url, data={"kind": "secondary", "text": "Hands-on measuring", "parent_id": primary.id}).status_code
        == 303
    )
    secondary = cycles.drivers(world.enquiry.id)[1]
    assert (
        client.post(url, data={"kind": "change", "text": "Trundle wheels", "parent_id": secondary.id}).status_code
        == 303
    )
    page = client.get(f"/enquiries/teams/{world.team.id}/plan?step=question").text
    svg = page[page.index('id="driver-diagram"') :]
    assert 'role="img"' in svg and 'aria-describedby="drivers-text"' in svg
    assert "Secondary driver: Hands-on measuring; change ideas: Trundle wheels" in svg


def _points(world, start=date(2021, 1, 4)):
    for i, v in enumerate([20, 22, 19, 21, 20, 23, 35, 38, 36, 40, 41, 39]):
        evidence.add_data_point(
            world.enquiry, world.measure, actor=world.ewan, on=start + timedelta(days=7 * i), value=str(v)
        )
    db.session.commit()


def test_a_cycle_is_planned_studied_decided_and_drawn_on_its_run_chart(client, login, world):
    _points(world)
    login(world.ewan)
    base = f"/enquiries/teams/{world.team.id}"
    plan = {
        "title": "Forest Fridays",
        "measure_id": world.measure.id,
        "starts_on": "2021-02-15",
        "prediction": "Minutes outdoors double",
    }
    assert client.post(f"{base}/cycles/new", data=plan).status_code == 303
    cycle = cycles.cycles_of(world.enquiry.id)[0]
    undecided = client.post(f"{base}/cycles/{cycle.id}", data={**plan, "decision": "adopt"})
    assert undecided.status_code == 422 and "what the data showed" in undecided.text
    studied = {
        **plan,
        "ends_on": "2021-03-22",
        "done": "Every Friday",
        "showed": "A shift above the median",
        "decision": "adopt",
    }
    assert client.post(f"{base}/cycles/{cycle.id}", data=studied).status_code == 303
    page = client.get(f"{base}/measures/{world.measure.id}").text
    start = page.index("<svg", page.index("<figure"))
    svg = page[start : page.index("</svg>", start)]
    assert 'class="wp_rc-cycle"' in svg and "Cycle 1: Forest Fridays" in svg and "Feb 2021" in svg
    assert "C1. Forest Fridays (15 Feb 2021 to 22 Mar 2021; adopt)" in page
    assert "cycle" in client.get(f"{base}/evidence").text  # the edit is in the history
    guided = client.get(f"{base}/plan?step=cycles").text
    assert "Forest Fridays" in guided and "Adopt" in guided


def test_an_observation_is_linked_to_a_measure_and_a_cycle(client, login, world):
    cycle = cycles.save_cycle(
        world.enquiry,
        None,
        actor=world.ewan,
        title="Forest Fridays",
        measure_id=world.measure.id,
        starts_on=date(2021, 2, 15),
        ends_on=None,
        prediction="More minutes",
    )
    db.session.commit()
    login(world.ailsa)
    data = {
        "kind": "observation",
        "on": "2021-02-19",
        "observer": "Ailsa",
        "measure_id": world.measure.id,
        "cycle_id": cycle.id,
        "focus": "How pupils explain measuring",
        "text": "Groups measured the path",
        "responses": "They argued about metres",
        "next_steps": "Teach estimation first",
    }
    other = plans.save_measure(world.enquiry, None, actor=world.ewan, name="x", kind="qualitative", shows="outcome")
    db.session.commit()
    base = f"/enquiries/teams/{world.team.id}/evidence"
    assert client.post(f"{base}/new", data={**data, "cycle_id": 99999}).status_code == 422
    assert client.post(f"{base}/new", data=data).status_code == 303
    page = client.get(base).text
    for words in (
        "How pupils explain measuring",
        "They argued about metres",
        "Teach estimation first",
        "evidence for Minutes outdoors",
        "cycle Forest Fridays",
    ):
        assert words in page
    assert other.id


@pytest.mark.parametrize("kind", ["network", "gateway"])
def test_network_and_gateway_teams_walk_the_same_steps(client, login, make_user, kind):
    member = make_user(Role.PRACTITIONER, name="Morag")
    team = teams.create_team(actor=member, name=f"A {kind} team", kind=kind, members=(member,))
    db.session.commit()
    enquiry = team_page(team.id)[1]
    login(member)
    base = f"/enquiries/teams/{team.id}"
    assert client.post(f"{base}/plan/hunch", data={"text": "A hunch", "version": "0"}).status_code == 303
    page = client.get(f"{base}/plan").text
    assert "Challenge questions and our hunch" in page and "2. The change and who benefits</a>" in page
    assert client.get(f"{base}/cycles/new").status_code == 200
    assert enquiry.team_id == team.id


def test_scale_data_gives_teams_cycles_on_their_charts(app, make_user, make_establishment):
    import random

    from sqlalchemy import func, select

    from portal.demo.context import ScaleContext
    from portal.enquiries.cycle_models import Cycle
    from portal.enquiries.scale import load_scale

    est = make_establishment()
    people = [make_user(Role.PRACTITIONER, establishment=est).id for _ in range(6)]
    ctx = ScaleContext(
        rng=random.Random(3),
        years=1,
        establishment_ids=[est.id],
        establishment_authority={est.id: est.authority_id},
        user_ids_by_role={Role.PRACTITIONER: people},
        user_establishment={p: est.id for p in people},
    )
    load_scale(ctx)
    db.session.commit()
    per_team = db.session.execute(select(Cycle.enquiry_id, func.count()).group_by(Cycle.enquiry_id)).all()
    assert len(per_team) > 100 and all(1 <= n <= 3 for _, n in per_team)
    assert db.session.scalar(select(func.count()).where(Cycle.measure_id.is_(None))) == 0
