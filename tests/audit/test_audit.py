"""The audit log: domains' changes are recorded with who, what, which record, before/after and address; the
admin searches and pages it; nothing edits it."""

import pytest

from portal.accounts import services
from portal.accounts.models import User
from portal.audit.models import AuditEntry
from portal.audit.services import record
from portal.core.roles import Role
from portal.extensions import db
from tests.factories import PASSWORD


def _actions():
    return [e.action for e in db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id))]


def test_sign_ins_roles_and_deactivation_are_recorded(app, client, make_user):
    admin = make_user(Role.ADMIN)
    person = make_user(Role.PRACTITIONER, email="audited@test.example.org")
    client.post(
        "/sign-in",
        data={"email": "audited@test.example.org", "password": "wrong"},
        environ_base={"REMOTE_ADDR": "192.0.2.5"},
    )
    client.post("/sign-in", data={"email": "audited@test.example.org", "password": PASSWORD})
    with app.test_request_context():
        services.set_roles(db.session.get(User, person.id), {Role.SENIOR_LEADER}, actor=db.session.get(User, admin.id))
        services.set_active(db.session.get(User, person.id), False, actor=db.session.get(User, admin.id))
        db.session.commit()
    assert _actions() == [
        "sign_in.failed",
        "sign_in.password",
        "roles.changed",
        "sessions.ended",
        "account.deactivated",
        "sessions.ended",
    ]
    failed = db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id)).first()
    assert (failed.subject_type, failed.subject_id, failed.address) == ("user_account", person.id, "192.0.2.5")
    roles = db.session.scalars(db.select(AuditEntry).where(AuditEntry.action == "roles.changed")).one()
    assert (roles.actor_id, roles.before, roles.after) == (admin.id, '["practitioner"]', '["senior_leader"]')


def test_entries_cannot_be_edited_or_deleted(app):
    with app.test_request_context():
        entry = record(None, "test.entry")
        db.session.commit()
        entry.action = "changed"
        with pytest.raises(PermissionError):
            db.session.flush()
        db.session.rollback()
        db.session.delete(db.session.get(AuditEntry, entry.id))
        with pytest.raises(PermissionError):
            db.session.flush()
        db.session.rollback()


def test_the_admin_searches_and_pages_the_log_in_constant_queries(app, client, login, make_user, htmx_get):
    admin = make_user(Role.ADMIN, email="lead@test.example.org")
    person = make_user(Role.PRACTITIONER, email="someone@test.example.org")
    counts = []
    for size in (5, 60):
        with app.test_request_context():
            for _ in range(size):
                record(admin, "roles.changed", person)
                record(None, "sign_in.failed")
            db.session.commit()
        login(admin)
        response = client.get("/audit/?person=someone@test.example.org")
        assert response.status_code == 200 and "roles.changed" in response.text
        assert "sign_in.failed" not in response.text
        counts.append(response.headers["X-Query-Count"])
    assert counts[0] == counts[1]
    fragment = htmx_get("/audit/?action=sign_in&page=2", "audit-results")
    assert fragment.text.lstrip().startswith('<div id="audit-results"') and "Page 2 of" in fragment.text
    assert "nobody signed in" in fragment.text and "lead@test.example.org" not in fragment.text
    by_subject = client.get("/audit/?subject=user_account&action=roles").text
    assert "roles.changed" in by_subject and "<td>lead@test.example.org</td>" in by_subject
    assert "sign_in.failed" not in by_subject
    login(make_user(Role.LA_OFFICER))
    assert client.get("/audit/").status_code == 403
