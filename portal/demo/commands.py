"""`flask demo load` (idempotent demo region) and `flask demo scale` (partnership-scale synthetic data)."""

import random
import sys

import click
from flask import current_app
from sqlalchemy import func, select

from portal.demo.context import DemoContext, ScaleContext
from portal.demo.registry import steps
from portal.extensions import db
from portal.organisations.models import Establishment

demo_cli = click.Group("demo", help="Demo and benchmark data (only with DEMO_MODE on).")


def _require_demo_mode() -> None:
    if not current_app.config["DEMO_MODE"]:
        click.echo("Demo mode is off (set DEMO_MODE=1): the demo loader refuses to touch this database.", err=True)
        sys.exit(1)


def load_demo() -> DemoContext:
    """Run every demo step; safe to run again (each step adds only what is missing)."""
    ctx = DemoContext()
    for step in steps("demo"):
        step(ctx)
    db.session.commit()
    return ctx


@demo_cli.command("load")
def load_command() -> None:
    """Load the demo region and one account per role (idempotent)."""
    _require_demo_mode()
    load_demo()
    click.echo("Demo data is loaded. Sign in with any demo account; the password is on the sign-in page.")


@demo_cli.command("scale")
@click.option("--seed", default=2026, show_default=True)
@click.option("--years", default=5, show_default=True)
def scale_command(seed: int, years: int) -> None:
    """Generate 2,000 establishments and 30,000 people (and each domain's history) into an empty database."""
    _require_demo_mode()
    if db.session.scalar(select(func.count(Establishment.id))):
        click.echo("The database is not empty: scale data goes into a fresh database only.", err=True)
        sys.exit(1)
    ctx = ScaleContext(rng=random.Random(seed), years=years)
    for step in steps("scale"):
        step(ctx)
        db.session.commit()
    load_demo()
    click.echo(f"Scale data is loaded: {len(ctx.establishment_ids)} establishments.")
