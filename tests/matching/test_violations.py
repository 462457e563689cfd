"""Rules that cannot be met are reported, naming the rule and the team, never silently broken."""

from portal.matching import build_problem, match, problem_from_json
from portal.matching.synthetic import cohort
from tests.matching.helpers import est


def plan_for(records, **kwargs):
    problem = build_problem(records, **kwargs)
    return problem, match(problem, time_limit=None, max_iterations=200)


def rules_of(plan):
    return {(v["rule"], v["team"]) for v in plan.violations}


def test_single_sector_cohort_reports_every_team():
    records = [est(f"E{i}", f"LA{i % 4}", "Primary") for i in range(8)]
    _, plan = plan_for(records, teams=2)
    assert rules_of(plan) == {("min_sectors", 0), ("min_sectors", 1)}
    assert plan.violations[0]["detail"].startswith("Team 1 cannot reach 2 sectors: only Primary establishments")
    assert "the cohort has only Primary establishments" in plan.violations[0]["detail"]


def test_too_few_authorities_is_reported():
    records = [est(f"E{i}", f"LA{i % 2}", ["ELC", "ASN"][i % 2]) for i in range(8)]
    _, plan = plan_for(records, teams=2, rules={"max_per_authority": 4})
    assert rules_of(plan) == {("min_authorities", 0), ("min_authorities", 1)}
    assert "the cohort has only 2 authorities" in plan.violations[0]["detail"]


def test_pinned_pair_also_kept_apart():
    records = [est(f"E{i}", f"LA{i}", ["ELC", "Primary"][i % 2]) for i in range(8)]
    _, plan = plan_for(records, teams=2, pinned={"E0": 1, "E1": 1}, apart=[["E0", "E1"]])
    assert [v["detail"] for v in plan.violations] == [
        "pinned establishments E0 and E1 are also kept apart (both pinned to Team 2)"
    ]
    assert plan.violations[0]["team"] == 1


def test_together_pair_pinned_to_different_teams():
    records = [est(f"E{i}", f"LA{i}", ["ELC", "Primary"][i % 2]) for i in range(8)]
    _, plan = plan_for(records, teams=2, pinned={"E0": 0, "E1": 1}, together=[["E0", "E1"]])
    assert [v["rule"] for v in plan.violations] == ["together"]
    assert "kept together but pinned to Team 1 and Team 2" in plan.violations[0]["detail"]
    assert "E0" in plan.teams[0] and "E1" in plan.teams[1]  # pins win


def test_together_and_apart_on_the_same_pair():
    records = [est(f"E{i}", f"LA{i}", ["ELC", "Primary"][i % 2]) for i in range(8)]
    _, plan = plan_for(records, teams=2, together=[["E0", "E1"]], apart=[["E1", "E0"]])
    assert [v["detail"] for v in plan.violations if v["rule"] == "apart"][0].startswith(
        "E1 and E0 are kept both together and apart"
    )


def test_too_many_pins_in_one_team_breaks_size_and_says_why():
    records = [est(f"E{i}", f"LA{i}", ["ELC", "Primary"][i % 2]) for i in range(8)]
    pins = {f"E{i}": 0 for i in range(6)}
    _, plan = plan_for(records, teams=2, pinned=pins)
    sizes = [v for v in plan.violations if v["rule"] == "team_size"]
    assert sizes[0]["detail"] == "Team 1 has 6 establishments; sizes must be 4 (6 are pinned there)"
    assert {v["team"] for v in sizes} == {0, 1}


def test_authority_cap_needing_more_than_available():
    records = [est(f"E{i}", "LA1" if i < 6 else f"LA{i}", ["ELC", "Primary"][i % 2]) for i in range(8)]
    _, plan = plan_for(records, teams=2, rules={"min_authorities": 1})
    assert {v["rule"] for v in plan.violations} == {"authority_cap"}
    assert "from LA1 (at most 2 allowed)" in plan.violations[0]["detail"]


def test_feasible_cohort_with_scarce_sector_has_no_violations():
    data = cohort(40, seed=9)
    for i, record in enumerate(data["establishments"]):
        record["sector"] = "Secondary" if i < 8 else "Primary"  # exactly one per team possible
    problem = problem_from_json(data)
    plan = match(problem, time_limit=None, seed=0, max_iterations=200)
    assert plan.violations == []


def test_together_group_larger_than_a_team():
    records = [est(f"E{i}", f"LA{i}", ["ELC", "Primary"][i % 2]) for i in range(8)]
    chain = [[f"E{i}", f"E{i + 1}"] for i in range(4)]
    _, plan = plan_for(records, teams=2, together=chain)
    assert [v["detail"] for v in plan.violations] == [
        "E3 and E4 are kept together, but their keep-together group has 5 establishments and a team holds at most 4"
    ]
