"""`flask cohorts match INPUT.json`: the matching engine from the command line, for audit and reproducibility."""

import json
import sys

import click

cohorts_cli = click.Group("cohorts", help="Collaborative Learning Network cohorts.")


@cohorts_cli.command("match")
@click.argument("input_file", metavar="INPUT.json", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--time-limit", default=1.0, show_default=True, type=float, help="Seconds to search.")
@click.option("--seed", default=0, show_default=True, type=int, help="Same seed and input, same plan.")
def match_command(input_file: str, time_limit: float, seed: int) -> None:
    """Match the establishments in INPUT.json into teams and print the plan as JSON."""
    from portal.matching import MatchingInputError
    from portal.matching.cli import run_json

    def fail(message: str) -> None:
        click.echo(f"error: {message}", err=True)
        sys.exit(2)

    if not time_limit > 0:
        fail("--time-limit must be positive")
    try:
        with click.open_file(input_file, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read {input_file}: {error}")
    except json.JSONDecodeError as error:
        fail(f"{input_file} is not valid JSON: {error}")
    try:
        result = run_json(data, time_limit=time_limit, seed=seed)
    except MatchingInputError as error:
        fail(str(error))
    click.echo(json.dumps(result, indent=1))
