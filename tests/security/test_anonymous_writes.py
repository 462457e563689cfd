"""Anonymous writes are bounded: answers posted after a session ended are kept only for the person whose
session it was, only up to 64 kB, at most PENDING_PER_HOUR an hour; unknown and known ids answer alike."""

import pytest
from sqlalchemy import func, select

from portal.core.roles import Role
from portal.extensions import db
from portal.leadership import services
from portal.leadership.demo import ensure_frameworks
from portal.leadership.models import PendingAnswers


@pytest.fixture
def draft(app, make_user):
    leader = make_user(Role.SENIOR_LEADER, promoted=True)
    with app.test_request_context():
        evaluation = services.start_evaluation(ensure_frameworks()["leadership"], label="Mine", actor=leader)
        db.session.commit()
    return leader, evaluation.id


def _ended_session(app, login, user):
    client = app.test_client()
    login(user, on=client)
    user.session_version += 1
    db.session.commit()
    return client


def _kept() -> int:
    return db.session.scalar(select(func.count()).select_from(PendingAnswers))


def _post(client, evaluation_id, notes="typed"):
    response = client.post(f"/leadership/evaluations/{evaluation_id}/domains/1", data={"notes-1": notes})
    location = response.headers["Location"].replace(f"/{evaluation_id}/", "/N/")
    return response.status_code, location.rsplit("/", 1)[0]  # everything but the random token


def test_kept_only_for_the_person_whose_session_ended(app, login, make_user, draft):
    leader, evaluation_id = draft
    stranger = app.test_client()
    assert _post(stranger, evaluation_id)[0] == 303
    other = _ended_session(app, login, make_user(Role.SENIOR_LEADER))
    _post(other, evaluation_id)
    assert _kept() == 0
    _post(_ended_session(app, login, leader), evaluation_id)
    assert _kept() == 1


def test_unknown_and_known_ids_answer_alike(app, login, draft):
    leader, evaluation_id = draft
    client = _ended_session(app, login, leader)
    assert _post(client, evaluation_id) == _post(client, 999999)
    assert _post(app.test_client(), evaluation_id) == _post(app.test_client(), 999999)


def test_size_and_rate_are_bounded(app, login, draft):
    leader, evaluation_id = draft
    client = _ended_session(app, login, leader)
    _post(client, evaluation_id, notes="x" * (services.PENDING_MAX_BYTES + 1))
    assert _kept() == 0
    for _ in range(services.PENDING_PER_HOUR + 3):
        _post(client, evaluation_id)
    assert _kept() == services.PENDING_PER_HOUR
