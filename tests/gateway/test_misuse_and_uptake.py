"""The lead officer resolves misuse reports (the reporter told, a block stays); uptake for the reports; the
warm ranking index follows the database whichever worker changed it."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from portal.gateway import queries, services
from portal.gateway.models import Block, MisuseReport, Profile, Request
from portal.gateway.ranking import Filters
from portal.notifications.models import Notification
from portal.reports.sources import ReportScope, source


def _report(app, people, reason="Sent me advertising"):
    with app.test_request_context():
        report = services.report_misuse(people.ewan, actor=people.ailsa, reason=reason)
    db.session.commit()
    return report


def test_resolving_withdraws_profiles_tells_the_reporter_and_keeps_the_block(app, people, publish):
    publish(people.fraser)
    with app.test_request_context():
        waiting = services.send_request(people.ewan_profile, actor=people.fraser, message="Hi")
    services.block(people.ewan, actor=people.ailsa)
    report = _report(app, people)
    with app.test_request_context():
        services.resolve_misuse(report, actor=people.admin, outcome="withdrawn", note="We have spoken to them.")
    db.session.commit()
    assert db.session.get(Profile, people.ewan_profile.id).status == "withdrawn"
    assert db.session.get(Request, waiting.id).status == "declined"
    told = db.session.scalars(select(Notification).where(Notification.user_id == people.ailsa.id)).all()
    assert [n.kind for n in told] == ["report_outcome"] and "spoken to them" in told[0].summary
    assert db.session.scalar(select(Block).where(Block.blocker_id == people.ailsa.id)) is not None
    assert report.resolved_by_id == people.admin.id and report.outcome == "withdrawn"


def test_only_the_lead_officer_resolves_once_with_an_outcome(app, people):
    report = _report(app, people)
    for actor, outcome in ((people.fraser, "no_action"), (people.admin, ""), (people.admin, "banished")):
        with pytest.raises(ServiceError):
            services.resolve_misuse(report, actor=actor, outcome=outcome)
    with app.test_request_context():
        services.resolve_misuse(report, actor=people.admin, outcome="no_action")
    with pytest.raises(ServiceError):
        services.resolve_misuse(report, actor=people.admin, outcome="spoken_to")
    assert db.session.get(Profile, people.ewan_profile.id).status == "active"  # no action: nothing withdrawn


def test_the_reports_pages_list_open_then_resolved(app, client, login, people):
    report = _report(app, people, reason="Rude messages")
    login(people.admin)
    page = client.get("/gateway/misuse-reports")
    assert page.status_code == 200 and b"Rude messages" in page.data and b"Resolve" in page.data
    refused = client.post(f"/gateway/misuse-reports/{report.id}", data={"outcome": "", "note": "Typed note"})
    assert refused.status_code == 422 and b"Typed note" in refused.data and b"Choose what was done" in refused.data
    done = client.post(f"/gateway/misuse-reports/{report.id}", data={"outcome": "spoken_to", "note": "Done"})
    assert done.status_code == 303
    assert b"Rude messages" not in client.get("/gateway/misuse-reports").data
    resolved = client.get("/gateway/misuse-reports?state=resolved")
    assert b"Rude messages" in resolved.data and b"spoken to" in resolved.data
    login(people.ailsa)
    assert client.get(f"/gateway/misuse-reports/{report.id}").status_code == 403


def test_uptake_for_the_reports_is_suppressed_and_scoped(people, make_user, publish, make_establishment):
    for _ in range(4):
        publish(make_user(Role.PRACTITIONER, establishment=make_establishment(authority_slug="renfrewshire")))
    by_la, by_sector, by_year, by_month = services.uptake(None)
    rows = {r[0]: r[1:] for r in by_la.rows}
    this_year = utcnow().year if utcnow().month >= 8 else utcnow().year - 1
    assert by_year.rows[0][0] == f"{this_year}-{(this_year + 1) % 100:02d}"
    assert by_year.rows[0][1] == sum(r[1] or 0 for r in by_month.rows if r[0] >= f"{this_year}-08") >= 5
    assert rows["Renfrewshire"][0] == 5 and rows["Glasgow City"][0] is None
    assert [c.key for c in by_la.columns][:2] == ["la", "profiles"]
    renfrewshire = make_user(Role.LA_OFFICER, authority_slug="renfrewshire").authority_id
    scoped = services.uptake(ReportScope(authority_id=renfrewshire, sector="Primary"))
    assert [r[0] for r in scoped[0].rows] == ["Renfrewshire"] and [r[0] for r in scoped[1].rows] == ["Primary"]
    year = utcnow().year if utcnow().month >= 8 else utcnow().year - 1
    assert services.uptake(ReportScope(first_year=year - 5, last_year=year - 5))[0].rows[-1][1:] == (None,) * 5
    assert source("gateway_uptake") is services.uptake


def test_a_change_made_by_another_worker_reaches_this_workers_index(people):
    """The warm index is a cache of the database: another process's write (here a bare UPDATE, as any other
    worker's commit looks from here) is seen on the next request, with no message between processes."""
    assert [p.owner_id for p, _, _ in queries.suggestions(people.ewan, people.ewan_profile, Filters())] == [
        people.ailsa.id
    ]
    db.session.execute(
        update(Profile).where(Profile.id == people.ailsa_profile.id).values(status="paused", updated_at=utcnow())
    )
    db.session.commit()
    assert queries.suggestions(people.ewan, people.ewan_profile, Filters()) == []
    assert db.session.scalar(select(MisuseReport)) is None


def test_a_write_stamped_earlier_but_committed_later_is_still_seen(people):
    """Another worker's slow transaction: its updated_at is older than the newest stamp this worker has seen."""
    queries.suggestions(people.ewan, people.ewan_profile, Filters())  # warm
    newest = db.session.scalar(select(func.max(Profile.updated_at)))
    db.session.execute(
        update(Profile)
        .where(Profile.id == people.ailsa_profile.id)
        .values(status="paused", updated_at=newest - timedelta(minutes=1))
    )
    db.session.commit()
    assert queries.suggestions(people.ewan, people.ewan_profile, Filters()) == []


def test_the_index_patches_a_recently_stamped_profile_once_not_on_every_request(people, monkeypatch):
    """The late-commit window brings the latest profiles back on every request: only a changed stamp is patched."""
    from portal.gateway import loading

    patched = []
    real = loading.updated
    monkeypatch.setattr(loading, "updated", lambda index, changed: patched.append(len(changed)) or real(index, changed))
    for _ in range(3):
        assert [p.owner_id for p, _, _ in queries.suggestions(people.ewan, people.ewan_profile, Filters())] == [
            people.ailsa.id
        ]
    assert sum(patched) <= 2  # each profile stamped in the window at most once, after the index was built
    patched.clear()
    db.session.execute(
        update(Profile).where(Profile.id == people.ailsa_profile.id).values(status="paused", updated_at=utcnow())
    )
    db.session.commit()
    assert queries.suggestions(people.ewan, people.ewan_profile, Filters()) == []
    assert patched == [1]
