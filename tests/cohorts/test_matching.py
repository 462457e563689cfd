"""The matching event over the engine: run, preview, move, pin, keep apart, re-optimise, publish; the CLI."""

import json

import pytest
from sqlalchemy import select

from portal.cohorts.models import CohortTeam, MatchingRecord, Nomination
from portal.core.roles import Role
from portal.extensions import db
from tests.cohorts.helpers import fill, make_cohort

pytest.importorskip("portal.matching")

from portal.cohorts import matching_service as matching  # noqa: E402


def test_run_move_pin_reoptimise_publish(app, make_user, mailbox):
    admin = make_user(Role.ADMIN)
    cohort = make_cohort(stage="matching")
    fill(cohort, per_la=5)
    with app.test_request_context():
        plan = matching.run(cohort, actor=admin, time_limit=0.2, seed=1)
        assert len(plan["teams"]) == 8 and plan["violations"] == [] and len(plan["reasons"]) == 40
        est = plan["teams"][0][0]
        effect = matching.preview(cohort, est, 1)
        assert {"score_delta", "violations", "resolved"} <= set(effect)
        assert len(db.session.scalars(select(MatchingRecord)).all()) == 1  # a preview changes nothing
        moved = matching.move(cohort, actor=admin, est_id=est, to_team=1)
        assert est in moved["teams"][1] and moved["moved"] == [{"id": est, "from": 0, "to": 1}]
        matching.pin(cohort, actor=admin, est_id=int(est), team_index=1)
        again = matching.reoptimise(cohort, actor=admin, time_limit=0.2)
        assert est in again["teams"][1] and "moved" in again
        created = matching.publish_current(cohort, actor=admin)
        db.session.commit()
    assert len(created) == 8 and cohort.stage == "published"
    assert all(t.facilitator_id for t in db.session.scalars(select(CohortTeam)))
    assert db.session.scalar(select(Nomination).where(Nomination.team_id.is_(None))) is None
    actions = [r.action for r in db.session.scalars(select(MatchingRecord).order_by(MatchingRecord.id))]
    assert actions == ["run", "move", "pin", "reoptimise", "publish"]
    member = db.session.scalar(select(Nomination)).leader
    assert "collaborative learning team" in mailbox.last_to(member.email)["Subject"]


def test_matching_runs_without_answers_in_the_matching_stage_only(app, make_user):
    """Issue 9: establishments that never answered the closed survey no longer block the run."""
    admin = make_user(Role.ADMIN)
    cohort = make_cohort(stage="survey")
    noms = fill(cohort, per_la=5, answered=False)
    with pytest.raises(Exception, match="after the interests survey"):
        matching.run(cohort, actor=admin)
    cohort.stage = "matching"
    with app.test_request_context():
        plan = matching.run(cohort, actor=admin, time_limit=0.2)
    assert sum(len(t) for t in plan["teams"]) == len(noms) and plan["violations"] == []
    assert set(plan["reasons"].values()) == {"no survey answers: placed by local authority and sector"}


def test_matching_page_in_both_renderings(client, login, make_user, htmx_get):
    cohort = make_cohort(stage="matching")
    fill(cohort, per_la=5)
    login(make_user(Role.ADMIN))
    assert client.post(f"/cohorts/{cohort.id}/matching/run", data={"seed": "2"}).status_code == 302
    page = client.get(f"/cohorts/{cohort.id}/matching")
    assert page.status_code == 200 and "Proposed teams" in page.get_data(as_text=True)
    plan = db.session.scalar(select(MatchingRecord)).result
    est = plan["teams"][0][0]
    preview = htmx_get(f"/cohorts/{cohort.id}/matching/preview?establishment={est}&team=2", "move-preview")
    body = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "<html" not in body and "Shared interests" in body
    full = client.get(f"/cohorts/{cohort.id}/matching/preview?establishment={est}&team=2")
    assert "<html" in full.get_data(as_text=True) and "Move it" in full.get_data(as_text=True)
    bad = client.get(f"/cohorts/{cohort.id}/matching/preview?establishment=nope&team=2")
    assert bad.status_code == 422 and b"not possible" in bad.data
    fragment = client.post(
        f"/cohorts/{cohort.id}/matching/pin",
        data={"establishment": est, "team": 0},
        headers={"HX-Request": "true", "HX-Target": "matching-plan"},
    )
    assert fragment.status_code == 200 and "pinned" in fragment.get_data(as_text=True)
    assert "% of possible shared interests" in fragment.get_data(as_text=True)


def test_cli_prints_a_plan_and_fails_cleanly(app, tmp_path):
    runner = app.test_cli_runner()
    ests = [
        {
            "id": f"e{i}",
            "authority": f"LA{i % 4}",
            "sector": ["Primary", "ELC"][i % 2],
            "interests": [["Literacy", "STEM", "Numeracy"]],
        }
        for i in range(8)
    ]
    good = tmp_path / "in.json"
    good.write_text(json.dumps({"teams": 2, "establishments": ests}))
    result = runner.invoke(args=["cohorts", "match", str(good), "--time-limit", "0.1", "--seed", "3"])
    assert result.exit_code == 0 and len(json.loads(result.output)["teams"]) == 2
    for content, words in (
        (json.dumps({"teams": 2, "establishments": ests + ests[:1]}), "duplicate"),
        (json.dumps({"teams": 2, "establishments": ests, "pinned": {"zz": 0}}), "unknown"),
        ("{not json", "not valid JSON"),
    ):
        bad = tmp_path / "bad.json"
        bad.write_text(content)
        result = runner.invoke(args=["cohorts", "match", str(bad)])
        assert result.exit_code == 2 and words in result.output and "Traceback" not in result.output
    missing = runner.invoke(args=["cohorts", "match", str(tmp_path / "none.json")])
    assert missing.exit_code != 0 and "Traceback" not in missing.output
