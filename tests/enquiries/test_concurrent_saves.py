"""Concurrent saves of one plan section, as real requests to a served portal: exactly one wins, the others are
told someone else saved (422 with their text kept), on SQLite and PostgreSQL."""

import http.client
import threading
from urllib.parse import urlencode

import pytest
from werkzeug.serving import make_server

from portal.enquiries import plans
from portal.enquiries.plan_models import PlanSection
from portal.extensions import db

WRITERS = 6


@pytest.fixture
def served(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.port
    server.shutdown()
    thread.join(5)


def _cookie(app, user) -> str:
    signed = app.session_interface.get_signing_serializer(app).dumps({"_user_id": str(user.id), "_fresh": True})
    return f"{app.config['SESSION_COOKIE_NAME']}={signed}"


def _post(port, path, cookie, form) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request(
        "POST",
        path,
        body=urlencode(form),
        headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
    )
    status = connection.getresponse().status
    connection.close()
    return status


def test_only_one_of_several_concurrent_saves_wins(app, served, world):
    plans.save_section(world.enquiry, "change", "First words", base_version=0, actor=world.ewan)
    db.session.commit()
    cookies = [_cookie(app, world.ewan if i % 2 else world.ailsa) for i in range(WRITERS)]
    path = f"/enquiries/teams/{world.team.id}/plan/change"
    start, statuses = threading.Barrier(WRITERS), [None] * WRITERS

    def write(i):
        start.wait()
        statuses[i] = _post(served, path, cookies[i], {"text": f"Version by writer {i}", "version": "1"})

    threads = [threading.Thread(target=write, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert sorted(statuses) == [303] + [422] * (WRITERS - 1), statuses
    db.session.expire_all()
    section = db.session.scalar(db.select(PlanSection).where(PlanSection.key == "change"))
    assert section.version == 2


def test_a_save_and_its_own_autosave_arriving_together_leave_no_draft(app, served, world):
    """Pressing Save blurs the box, so its autosave and the save reach the server together; whichever is
    handled last, no draft of the saved text is left behind to look like a conflict later."""
    from portal.enquiries.plan_models import SectionDraft

    cookie = _cookie(app, world.ewan)
    base = f"/enquiries/teams/{world.team.id}/plan/change"
    for round_ in range(12):
        text, version = f"Round {round_} words", str(round_)
        start = threading.Barrier(2)

        def send(path, text=text, version=version, start=start):
            start.wait()
            _post(served, path, cookie, {"text": text, "version": version})

        threads = [threading.Thread(target=send, args=(path,)) for path in (base, base + "/draft")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        db.session.expire_all()
        assert db.session.scalars(db.select(SectionDraft)).all() == [], f"round {round_}"
