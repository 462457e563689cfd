"""`flask establishments import FILE`: the same all-or-nothing import as the upload page."""

import sys

import click

from portal.extensions import db
from portal.organisations.services import import_establishments

establishments_cli = click.Group("establishments", help="Establishments (schools and ELC settings).")


@establishments_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_command(path: str) -> None:
    """Import or update establishments from a CSV file (columns: seed_code,name,local_authority,sector,roll)."""
    with open(path, "rb") as handle:
        result = import_establishments(handle.read())
    if not result.ok:
        db.session.rollback()
        for error in result.errors:
            click.echo(f"line {error.line}: {error.reason}", err=True)
        click.echo("Nothing was imported: fix the rows above and run the import again.", err=True)
        sys.exit(1)
    db.session.commit()
    click.echo(f"Imported: {result.created} added, {result.updated} updated.")
