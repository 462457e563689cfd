"""`flask backup create` / `flask backup restore`: the database and the uploaded files in one .tar.gz.

SQLite is copied with its online backup API (consistent while the portal runs); PostgreSQL with pg_dump's
custom format, restored with pg_restore. Uploaded files (UPLOAD_ROOT) travel in the same archive.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import click
from flask import current_app
from sqlalchemy.engine import make_url

from portal.extensions import db

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
backup_cli = click.Group("backup", help="Back up and restore the database and uploaded files.")


def _pg_tool(name: str) -> str:
    return str(PG_BIN / name) if (PG_BIN / name).exists() else name


def _libpq(url) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def create_backup(target: Path) -> Path:
    """Write the database and the uploads to the archive `target` (a .tar.gz)."""
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    uploads = Path(current_app.config["UPLOAD_ROOT"])
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if url.get_backend_name() == "sqlite":
            dump = work / "database.sqlite"
            with sqlite3.connect(url.database) as source, sqlite3.connect(dump) as copy:
                source.backup(copy)
        else:
            dump = work / "database.pgdump"
            subprocess.run(
                [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(dump), _libpq(url)],
                check=True,
                capture_output=True,
            )
        manifest = {"created_at": datetime.now(UTC).isoformat(), "database": url.get_backend_name(), "dump": dump.name}
        (work / "manifest.json").write_text(json.dumps(manifest))
        target.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(target, "w:gz") as archive:
            archive.add(work / "manifest.json", "manifest.json")
            archive.add(dump, dump.name)
            if uploads.exists():
                archive.add(uploads, "uploads")
    return target


def restore_backup(source: Path) -> None:
    """Replace the database and the uploads with those in the archive `source` (stop the web hosts first)."""
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    uploads = Path(current_app.config["UPLOAD_ROOT"])
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        with tarfile.open(source, "r:gz") as archive:
            archive.extractall(work, filter="data")
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest["database"] != url.get_backend_name():
            raise click.ClickException(f"This backup is of a {manifest['database']} database.")
        db.session.remove()
        db.engine.dispose()
        dump = work / manifest["dump"]
        if url.get_backend_name() == "sqlite":
            with sqlite3.connect(dump) as copy, sqlite3.connect(url.database) as live:
                copy.backup(live)
        else:
            subprocess.run(
                [
                    _pg_tool("pg_restore"),
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    "--dbname",
                    _libpq(url),
                    str(dump),
                ],
                check=True,
                capture_output=True,
            )
        if (work / "uploads").exists():
            shutil.rmtree(uploads, ignore_errors=True)
            shutil.copytree(work / "uploads", uploads)


@backup_cli.command("create")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path), required=False)
def create_command(target: Path | None) -> None:
    """Write a backup (default: instance/backups/portal-<time>.tar.gz)."""
    if target is None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = Path(current_app.instance_path) / "backups" / f"portal-{stamp}.tar.gz"
    click.echo(f"Backup written to {create_backup(target)}")


@backup_cli.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore_command(source: Path, yes: bool) -> None:
    """Replace the database and uploaded files with a backup's (everything since the backup is lost)."""
    if not yes:
        click.confirm("This replaces the database and the uploaded files. Continue?", abort=True)
    restore_backup(source)
    click.echo(f"Restored from {source}")
