"""flask backup create / restore: a round trip brings back every row and the uploaded files' bytes."""

from pathlib import Path

from sqlalchemy import func, select

from portal.core.mail import OutboxMessage, send_mail
from portal.extensions import db


def _counts() -> dict:
    return {t.name: db.session.scalar(select(func.count()).select_from(t)) for t in db.metadata.sorted_tables}


def test_backup_round_trip_restores_rows_and_files(app, make_user, tmp_path):
    for _ in range(3):
        make_user()
    with app.test_request_context():
        send_mail("kept@test.example.org", "Kept", "Hello")
        db.session.commit()
    upload = Path(app.config["UPLOAD_ROOT"]) / "ab" / "file.bin"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(bytes(range(256)) * 40)
    before = _counts()
    db.session.remove()
    runner = app.test_cli_runner()
    archive = tmp_path / "backup.tar.gz"
    result = runner.invoke(args=["backup", "create", str(archive)])
    assert result.exit_code == 0, result.output

    # Things change after the backup: a row lost, a row added, the file altered, another file added.
    db.session.execute(db.delete(OutboxMessage))
    make_user()
    db.session.commit()
    upload.write_bytes(b"changed")
    (upload.parent / "later.bin").write_bytes(b"later")
    db.session.remove()

    refused = runner.invoke(args=["backup", "restore", str(archive)], input="n\n")
    assert refused.exit_code != 0  # it asks first
    result = runner.invoke(args=["backup", "restore", str(archive), "--yes"])
    assert result.exit_code == 0, result.output
    assert _counts() == before
    assert upload.read_bytes() == bytes(range(256)) * 40
    assert not (upload.parent / "later.bin").exists()
