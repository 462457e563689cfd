"""Establishment import: validate every row first, write nothing on error, re-import updates."""

import io

from click.testing import CliRunner
from sqlalchemy import func, select

from portal.core.roles import Role
from portal.extensions import db
from portal.organisations.models import Establishment
from portal.organisations.services import import_establishments

GOOD = (
    "seed_code,name,local_authority,sector,roll\n"
    "8100001,Harbour Primary School,Inverclyde,Primary,210\n"
    "8100002,Bay Early Learning Centre,inverclyde,Early Years,\n"
    "8100003,Hill High School,glasgow-city,Secondary,1100\n"
)


def count() -> int:
    return db.session.scalar(select(func.count(Establishment.id)))


def test_valid_file_imports_every_row(app):
    result = import_establishments(GOOD)
    assert (result.ok, result.created, result.updated) == (True, 3, 0)
    assert count() == 3
    assert db.session.scalar(select(Establishment).filter_by(seed_code="8100002")).sector == "ELC"


def test_reimport_updates_and_never_duplicates(app):
    import_establishments(GOOD)
    db.session.commit()
    result = import_establishments(GOOD.replace("Harbour Primary School", "Harbour Primary"))
    assert (result.created, result.updated) == (0, 3)
    assert count() == 3
    assert db.session.scalar(select(Establishment).filter_by(seed_code="8100001")).name == "Harbour Primary"


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_written(app):
    data = (
        "seed_code,name,local_authority,sector,roll\n"
        "8100001,Fine School,Inverclyde,Primary,100\n"
        "12,,Atlantis,College,lots\n"
        "8100001,Duplicate,Inverclyde,Primary,\n"
    )
    result = import_establishments(data)
    assert not result.ok
    assert [e.line for e in result.errors] == [3, 4]
    reasons = result.errors[0].reason
    for expected in (
        "seed_code must be 5 to 10 digits",
        "name is empty",
        "'Atlantis' is not one of",
        "sector must be one of",
        "roll must be a whole number",
    ):
        assert expected in reasons
    assert "also on line 2" in result.errors[1].reason
    assert count() == 0


def test_missing_columns_and_empty_files(app):
    missing = import_establishments("seed_code,name,local_authority\n1,a,b\n")
    assert "Missing column(s): sector" in missing.errors[0].reason
    assert "no rows" in import_establishments("seed_code,name,local_authority,sector\n").errors[0].reason
    assert "not UTF-8" in import_establishments(b"\xff\xfe\x00bad").errors[0].reason


def test_upload_page_shows_errors_and_keeps_the_database_clean(client, login, make_user):
    login(make_user(Role.ADMIN))
    bad = GOOD + "999,No Code School,Renfrewshire,Primary,\n"
    response = client.post(
        "/establishments/import", data={"file": (io.BytesIO(bad.encode()), "s.csv")}, content_type="multipart/form-data"
    )
    assert response.status_code == 422
    assert b"Nothing was imported" in response.data and b"<td>5</td>" in response.data
    assert count() == 0
    response = client.post(
        "/establishments/import",
        data={"file": (io.BytesIO(GOOD.encode()), "s.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert count() == 3


def test_cli_import(app, tmp_path):
    path = tmp_path / "schools.csv"
    path.write_text(GOOD)
    runner = CliRunner()
    from portal.organisations.commands import import_command

    result = runner.invoke(import_command, [str(path)], obj=app.cli, catch_exceptions=False)
    assert result.exit_code == 0 and "3 added" in result.output
    path.write_text(GOOD + "x,,,\n")
    result = runner.invoke(import_command, [str(path)], catch_exceptions=False)
    assert result.exit_code == 1 and "line 5" in result.output
