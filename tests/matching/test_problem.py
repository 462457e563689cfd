"""Input validation: every malformed input raises MatchingInputError naming the problem."""

import pytest

from portal.matching import MatchingInputError, build_problem, problem_from_json
from tests.matching.helpers import est


def records(n=4):
    return [est(f"E{i}", f"LA{i}", "Primary") for i in range(n)]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"pinned": {"NOPE": 0}}, "unknown establishment id 'NOPE'"),
        ({"pinned": {"E1": 5}}, "out of range"),
        ({"pinned": {"E1": True}}, "out of range"),
        ({"apart": [["E1", "NOPE"]]}, "apart: unknown establishment id 'NOPE'"),
        ({"together": [["NOPE", "E1"]]}, "together: unknown establishment id 'NOPE'"),
        ({"together": [["E1"]]}, "pair of ids"),
        ({"apart": [["E1", "E1"]]}, "names 'E1' twice"),
        ({"teams": 5}, "5 teams requested but only 4 establishments"),
        ({"teams": 0}, "teams must be an integer >= 1"),
        ({"rules": {"max_per_la": 2}}, "unknown rule(s): max_per_la"),
        ({"rules": {"weights": [3, "x"]}}, "rules.weights"),
    ],
)
def test_bad_links_and_rules(kwargs, message):
    with pytest.raises(MatchingInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build_problem(records(), **{"teams": 2, **kwargs})


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (est("E9", "LA1", "Nursery"), "unknown sector 'Nursery'"),
        ({**est("E9"), "interests": [["a"], ["b"], ["c"]]}, "interests must be a list of 0 to 2"),
        ({**est("E9"), "interests": [["a", "b", "c", "d"]]}, r"interests\[0\] must be a list of 1 to 3"),
        ({**est("E9"), "interests": [["a", 3, "c"]]}, "must be a non-empty string"),
        ({**est("E9"), "interests": [["a", "A ", "c"]]}, "repeats an interest"),
        ({**est("E9"), "authority": ""}, "authority must be a non-empty string"),
        ({"id": "E9"}, "authority"),
        ("E9", r"establishments\[4\] must be an object"),
    ],
)
def test_bad_establishments(record, message):
    with pytest.raises(MatchingInputError, match=message):
        build_problem([*records(), record], teams=2)


def test_duplicate_ids():
    with pytest.raises(MatchingInputError, match="duplicate establishment id 'E1'"):
        build_problem([*records(), est("E1")], teams=2)


def test_json_shape_errors():
    with pytest.raises(MatchingInputError, match="JSON object"):
        problem_from_json([1, 2])
    with pytest.raises(MatchingInputError, match="unknown top-level key"):
        problem_from_json({"establishments": records(), "team": 2})
    with pytest.raises(MatchingInputError, match="non-empty list"):
        problem_from_json({"teams": 2})


def test_defaults():
    problem = build_problem(records(40))
    assert problem.rules.teams == 8
    assert problem.size_bounds == (5, 5)
    assert problem.authority_cap == 2
    assert build_problem(records(100)).authority_cap == 4  # ceil(13 / 4)
