"""CLI: run_json round trip, and `python -m portal.matching` failing cleanly on bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from portal.matching.cli import main, run_json
from portal.matching.synthetic import cohort

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "portal.matching", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_run_json_shape():
    out = run_json(cohort(40, seed=1), time_limit=0.2, seed=3)
    assert len(out["teams"]) == 8 and out["violations"] == []
    assert set(out["reasons"]) == {e["id"] for e in cohort(40, seed=1)["establishments"]}
    assert out["score"] > 0 and len(out["report"]) == 8
    json.dumps(out)  # plain JSON types only


def test_run_json_reoptimise_reports_moves():
    data = cohort(40, seed=1)
    first = run_json(data, time_limit=0.1)
    out = run_json({**data, "current": first["teams"], "pinned": {"E001": 2}}, time_limit=0.1)
    assert "E001" in out["teams"][2] and isinstance(out["moved"], list)


def test_cli_prints_json(tmp_path):
    path = tmp_path / "cohort.json"
    path.write_text(json.dumps(cohort(40, seed=2)))
    result = run_cli(path, "--time-limit", "0.1", "--seed", "4")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["teams"]) == 8


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ("[]", "input must be a JSON object"),
        (json.dumps({"teams": 2, "establishments": [{"id": "A"}]}), "authority must be a non-empty string"),
        (
            json.dumps({**cohort(40, seed=1), "pinned": {"E001": 9}}),
            "pinned: team index 9 for 'E001' is out of range 0..7",
        ),
    ],
)
def test_cli_bad_input_is_one_clear_line(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    result = run_cli(path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_cli_missing_file_and_bad_option(tmp_path, capsys):
    assert main([str(tmp_path / "missing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main([str(tmp_path / "x.json"), "--seed", "abc"])
    assert stop.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
