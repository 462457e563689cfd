"""Team reports, one-line reasons, move previews, and the package staying free of Flask."""

import ast
from pathlib import Path

import pytest

import portal.matching
from portal.matching import (
    MatchingInputError,
    build_problem,
    match,
    preview_move,
    problem_from_json,
    similarity_matrix,
    total_score,
)
from portal.matching.synthetic import cohort
from tests.matching.helpers import est

RECORDS = [
    est("A", "LA1", "Primary", ["numeracy", "outdoor learning", "art"]),
    est("B", "LA2", "ELC", ["numeracy", "outdoor learning", "play"]),
    est("C", "LA3", "Primary", ["outdoor learning", "music", "drama"]),
    est("D", "LA4", "ASN", ["wellbeing", "nurture", "play"]),
]


def test_reasons_name_shared_interests_and_how_many_teammates():
    problem = build_problem(RECORDS, teams=1, rules={"min_authorities": 1})
    plan = match(problem, time_limit=None, max_iterations=5)
    assert plan.reasons["A"] == "shares numeracy and outdoor learning with 2 of 3"
    assert plan.reasons["C"] == "shares outdoor learning with 2 of 3"
    assert plan.reasons["D"] == "shares play with 1 of 3"


def test_team_report():
    problem = build_problem(RECORDS, teams=1)
    report = match(problem, time_limit=None, max_iterations=5).report[0]
    assert report["interests"] == ["outdoor learning", "numeracy"]
    assert report["authorities"] == {"LA1": 1, "LA2": 1, "LA3": 1, "LA4": 1}
    assert report["sectors"] == {"ASN": 1, "ELC": 1, "Primary": 2}
    assert report["size"] == 4
    assert report["mean_similarity"] == pytest.approx(report["score"] / 6, abs=1e-6)


def test_every_establishment_gets_a_reason():
    problem = problem_from_json(cohort(40, seed=2))
    plan = match(problem, time_limit=None, max_iterations=50)
    assert set(plan.reasons) == set(problem.ids)
    assert all(r.startswith("shares ") for r in plan.reasons.values())


def test_preview_move_reports_delta_and_new_violations():
    problem = problem_from_json(cohort(40, seed=4))
    plan = match(problem, time_limit=None, max_iterations=50)
    mover = plan.teams[0][0]
    preview = preview_move(problem, plan.teams, mover, 1)
    after = [[m for m in t if m != mover] for t in plan.teams]
    after[1].append(mover)
    index = {e: i for i, e in enumerate(problem.ids)}
    sim = similarity_matrix(problem)
    after_score = total_score(sim, [[index[m] for m in t] for t in after])
    assert preview["score_delta"] == pytest.approx(after_score - plan.score)
    assert preview["from"] == 0 and preview["to"] == 1
    assert {v["rule"] for v in preview["violations"]} >= {"team_size"}  # 5 -> 4 and 5 -> 6
    with pytest.raises(MatchingInputError):
        preview_move(problem, plan.teams, mover, 8)
    with pytest.raises(MatchingInputError):
        preview_move(problem, plan.teams, "NOPE", 1)


def test_matching_package_imports_nothing_from_flask():
    # portal/__init__.py in the app imports Flask, so check the source of this package itself.
    for path in Path(portal.matching.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            assert not any(n.split(".")[0] in {"flask", "flask_sqlalchemy", "werkzeug"} for n in names), path
