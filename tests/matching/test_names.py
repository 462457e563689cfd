"""Messages name establishments (not ids), and establishments that never answered are still placed."""

from portal.matching import build_problem, check_plan, match


def _est(i, la, sector="Primary", interests=(("numeracy", "literacy"),), name=""):
    return {"id": f"E{i}", "authority": la, "sector": sector, "interests": [list(x) for x in interests], "name": name}


def test_violations_name_establishments():
    ests = [_est(i, f"LA{i % 4}", ("Primary", "Secondary")[i % 2], name=f"School {i}") for i in range(8)]
    problem = build_problem(ests, teams=2, pinned={"E0": 0, "E1": 1}, together=[["E0", "E1"]])
    detail = [v["detail"] for v in check_plan(problem, [["E0", "E2", "E4", "E6"], ["E1", "E3", "E5", "E7"]])]
    assert "School 0 and School 1 are kept together but pinned to Team 1 and Team 2" in detail


def test_non_respondents_are_placed_by_authority_and_sector():
    ests = [_est(i, f"LA{i % 4}", ("Primary", "Secondary")[i % 2]) for i in range(12)]
    ests[3]["interests"] = []
    plan = match(build_problem(ests, teams=3), time_limit=None, max_iterations=200)
    assert sum(len(t) for t in plan.teams) == 12 and plan.violations == []
    assert plan.reasons["E3"] == "no survey answers: placed by local authority and sector"
