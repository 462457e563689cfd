"""Command-line core: JSON in, JSON out; `flask cohorts match` wires to the same run_json."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .engine import match
from .problem import MatchingInputError, problem_from_json


def run_json(data: dict, time_limit: float = 1.0, seed: int = 0) -> dict:
    """Match a cohort given as the documented JSON document; raises MatchingInputError on bad input."""
    problem = problem_from_json(data)
    plan = match(problem, time_limit=time_limit, seed=seed, current=data.get("current"), stay=data.get("stay", 0.0))
    out = {
        "teams": plan.teams,
        "score": plan.score,
        "violations": plan.violations,
        "reasons": plan.reasons,
        "report": plan.report,
        "stats": plan.stats,
    }
    if data.get("current") is not None:
        out["moved"] = plan.moved
    return out


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose usage errors are one line and exit 2, like input errors."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.exit(2, f"error: {message}\n")


def main(argv: list[str] | None = None) -> int:
    """`python -m portal.matching INPUT.json [--time-limit S] [--seed N]`: print the plan as JSON."""
    parser = _Parser(prog="python -m portal.matching", description="Match a cohort into teams.")
    parser.add_argument("input", help="input JSON file, or - for standard input")
    parser.add_argument("--time-limit", type=float, default=1.0, help="seconds to search (default 1)")
    parser.add_argument("--seed", type=int, default=0, help="random seed; same seed, same plan")
    args = parser.parse_args(argv)
    if not args.time_limit > 0:
        parser.error("--time-limit must be positive")
    try:
        text = sys.stdin.read() if args.input == "-" else Path(args.input).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read {args.input}: {exc}", file=sys.stderr)
        return 2
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        print(f"error: {args.input} is not valid JSON: {exc}", file=sys.stderr)
        return 2
    try:
        result = run_json(data, args.time_limit, args.seed)
    except MatchingInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a command-line user gets one line, never a traceback
        print(f"error: matching failed unexpectedly: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    try:
        json.dump(result, sys.stdout, indent=1)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; that is not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
