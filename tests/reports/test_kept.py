"""Kept report figures: served again only while the data they read is unchanged, per scope, through privacy."""

import re
import threading
from datetime import datetime

import pytest
from sqlalchemy import func, select, update

from portal.core.roles import Role
from portal.core.snapshots import FiguresChange, KeptFigures, kept
from portal.extensions import db
from tests.reports.world import build, leadership_cohort
from tests.support.sql import statements

PAGES = (
    "/reports/aims",
    "/reports/coverage",
    "/reports/coverage/never-involved?authority={ren}",
    "/reports/board?since=2025-08-01&until=2026-02-01",
    "/reports/region.xlsx",
    "/reports/tables/participation.csv",
    "/reports/cohorts/network/{cohort}",
)


@pytest.fixture
def world(app, make_user, make_establishment):
    return build(make_user, make_establishment)


def without_tokens(body: bytes) -> bytes:
    """The page without its CSRF tokens (signed with the time: they differ from one second to the next)."""
    return re.sub(rb'(X-CSRFToken": "|name="csrf_token" type="hidden" value=")[^"]+', rb"\1", body)


def coverage_table(client) -> str:
    page = client.get("/reports/coverage").get_data(as_text=True)
    return page[page.index('id="table-coverage"') : page.index("</table>", page.index('id="table-coverage"'))]


def aggregates(seen: list[str]) -> list[str]:
    """Statements that group, or read who took part (the never-involved list's anti-join)."""
    return [s for s in seen if re.search(r"\bGROUP BY\b|\benquiry_team_member\b|\bevent_booking\b", s, re.I)]


def test_a_second_request_reads_the_kept_figures(world, client, login):
    login(world.admin)
    for path in PAGES:
        path = path.format(ren=world.ren.id, cohort=world.cohort.id)
        with statements() as cold:
            first = client.get(path)
        with statements() as warm:
            second = client.get(path)
        assert first.status_code == second.status_code == 200, path
        assert without_tokens(first.data) == without_tokens(second.data), path  # a workbook is kept as written
        assert aggregates(cold) and not aggregates(warm), path
        assert len(warm) < len(cold), path


def test_a_change_after_keeping_is_shown(world, client, login, make_user):
    from portal.enquiries.models import TeamMember

    login(world.admin)
    never = "/reports/coverage/never-involved?authority=" + str(world.ren.id)
    assert "Never Involved High" in client.get(never).get_data(as_text=True)
    assert "Never Involved High" in client.get(never).get_data(as_text=True)  # now kept
    est = world.never
    person = make_user(Role.PRACTITIONER, establishment=est)
    db.session.add(
        TeamMember(
            team_id=world.team.id, user_id=person.id, establishment_id=est.id, authority_id=world.ren.id,
            joined_at=datetime(2025, 10, 2),
        )
    )  # fmt: skip
    db.session.commit()
    assert "Never Involved High" not in client.get(never).get_data(as_text=True)


@pytest.mark.parametrize("change", ["booking", "attendance_in_bulk", "evaluation", "profile", "erasure"])
def test_no_kept_figure_survives_a_change_the_reports_read(world, client, login, make_user, change):
    from portal.events.models import Booking, Event
    from portal.feedback.models import EventFeedback
    from portal.gateway.models import Profile
    from portal.privacy.services import erase

    login(world.admin)
    path = "/reports/aims"
    client.get(path)
    with statements() as warm:
        client.get(path)
    assert not aggregates(warm)
    person = world.people[2]
    if change == "booking":
        happened = Event(
            title="Drop-in", kind="drop_in", starts_at=datetime(2025, 11, 3, 16), ends_at=datetime(2025, 11, 3, 17)
        )
        db.session.add(happened)
        db.session.flush()
        db.session.add(Booking(event_id=happened.id, user_id=person.id, status="booked", attended=True))
    elif change == "attendance_in_bulk":
        db.session.execute(update(Booking).values(attended=True))
    elif change == "evaluation":
        event_id = db.session.scalar(select(func.min(Event.id)))
        if event_id is None:
            happened = Event(
                title="Session", kind="drop_in", starts_at=datetime(2025, 11, 3, 16), ends_at=datetime(2025, 11, 3, 17)
            )
            db.session.add(happened)
            db.session.commit()
            client.get(path)  # kept again after the event was added
            event_id = happened.id
        db.session.add(
            EventFeedback(event_id=event_id, user_id=person.id, rating=4, confidence_before=2, confidence_after=4)
        )
    elif change == "profile":
        db.session.add(Profile(owner_id=person.id, authority_id=world.ren.id, sector="Primary"))
    else:
        erase(person, actor=world.admin)
    db.session.commit()
    with statements() as after:
        client.get(path)
    assert aggregates(after), change


def test_a_kept_cohort_dashboard_shows_a_meeting_held_since(world, client, login):
    from portal.cohorts.models import SupportMeeting

    login(world.admin)
    path = f"/reports/cohorts/network/{world.cohort.id}"
    client.get(path)
    with statements() as warm:
        kept_page = client.get(path).get_data(as_text=True)
    assert not aggregates(warm) and "Fenella Facilitator" in kept_page
    third = db.session.scalar(select(SupportMeeting).where(SupportMeeting.kind == 3))
    third.held = True
    db.session.commit()
    with statements() as after:
        page = client.get(path).get_data(as_text=True)
    assert aggregates(after) and page != kept_page


def test_a_cohort_dashboard_kept_with_names_is_never_shown_without(world, client, login, make_user):
    login(world.admin)
    path = f"/reports/cohorts/network/{world.cohort.id}"
    for _ in range(2):
        assert "Fenella Facilitator" in client.get(path).get_data(as_text=True)
    client.get("/sign-out")
    login(make_user(Role.RESEARCHER))
    for _ in range(2):
        page = client.get(path).get_data(as_text=True)
        assert "Fenella Facilitator" not in page and "1 participant flagged" in page


def test_a_kept_workbook_is_written_again_after_a_change(world, client, login):
    import io

    import openpyxl

    from portal.cohorts.models import FutureFacilitatorFlag

    login(world.admin)
    first = client.get("/reports/region.xlsx").data
    assert client.get("/reports/region.xlsx").data == first  # kept as written
    db.session.add(FutureFacilitatorFlag(cohort_id=world.cohort.id, user_id=world.people[2].id, by_id=world.admin.id))
    db.session.commit()
    with statements() as after:
        again = client.get("/reports/region.xlsx").data
    assert aggregates(after)  # written again from the figures computed afresh
    assert openpyxl.load_workbook(io.BytesIO(again)).sheetnames[-1] == "Notes"


def test_kept_figures_keep_the_suppression_and_each_scope_its_own(world, client, login, make_user):
    officer = make_user(Role.LA_OFFICER, authority_slug="inverclyde")
    csv = f"/reports/tables/confidence.csv?authority={world.ren.id}"
    login(officer)
    for _ in range(2):  # computed, then kept: Inverclyde's one pair is not shown either time
        assert client.get(csv).get_data(as_text=True).splitlines()[1].startswith("2025-26,,")
        coverage = coverage_table(client)
        assert "Inverclyde" in coverage and "Renfrewshire" not in coverage
    for payload in db.session.scalars(select(KeptFigures.payload)):
        assert '"Renfrewshire"' not in payload
    client.get("/sign-out")
    login(world.admin)  # the region, not the officer's kept LA
    assert "Renfrewshire" in coverage_table(client) and "Renfrewshire" in coverage_table(client)
    client.get("/sign-out")
    login(officer)  # and the officer never the region's
    coverage = coverage_table(client)
    assert "Inverclyde" in coverage and "Renfrewshire" not in coverage


def test_only_committed_changes_to_figures_refresh_and_a_writing_transaction_keeps_nothing(world, app):
    calls = []

    def compute(value):
        return lambda: calls.append(value) or [value]

    assert kept("test", 1, compute("a")) == ["a"] and kept("test", 1, compute("b")) == ["a"]
    world.people[0].totp_last_counter = 7  # a sign-in detail, read by no figure: no change marker
    db.session.commit()
    assert kept("test", 1, compute("c")) == ["a"]
    marks = db.session.scalar(select(func.count()).select_from(FiguresChange))
    world.people[0].establishment_id = world.never.id  # read by the figures
    db.session.flush()
    assert kept("test", 1, compute("d")) == ["d"]  # this transaction's own view, not kept
    db.session.rollback()  # the marker went with the change: the kept result still holds
    assert db.session.scalar(select(func.count()).select_from(FiguresChange)) == marks
    assert kept("test", 1, compute("e")) == ["a"]
    world.people[0].establishment_id = world.never.id
    db.session.commit()
    assert kept("test", 1, compute("f")) == ["f"] and kept("test", 1, compute("g")) == ["f"]
    assert calls == ["a", "d", "f"]


def test_two_first_computations_at_once_both_succeed(world, app):
    from portal.reports import service
    from portal.reports.sources import ReportScope

    db.session.commit()
    results, errors, start = [], [], threading.Barrier(2)

    def compute():
        try:
            with app.app_context():
                start.wait()
                results.append(kept("coverage", [], lambda: service.coverage(ReportScope())))
                db.session.remove()
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(error)

    threads = [threading.Thread(target=compute) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 2 and results[0] == results[1]
    assert db.session.scalar(select(func.count()).select_from(KeptFigures)) == 1


def test_the_kept_figures_watch_every_table_the_reports_read(world, app, client, login):
    login(world.admin)
    watched = set(app.extensions["kept_figures_tables"])
    app.config["KEPT_FIGURES"] = False
    with statements() as seen:
        for path in (*PAGES, "/reports/tables/outcomes.csv", "/reports/tables/confidence.csv"):
            client.get(path.format(ren=world.ren.id, cohort=world.cohort.id))
    read = {name for name in db.metadata.tables if any(re.search(rf"\b{name}\b", s) for s in seen)}
    page_chrome = {"user_role", "local_authority"}  # the signed-in person and the filters, read on every request
    assert read - watched - page_chrome == set()


OTHER_PAGES = (
    ("lead", "/gateway/uptake"),
    ("la_officer", "/gateway/uptake"),
    ("researcher", "/survey/results"),
    ("lead", "/survey/results/download.csv"),
    ("lead", "/survey/results/download.xlsx"),
    ("researcher", "/feedback/programmes"),
    ("researcher", "/leadership/insights"),
)


@pytest.mark.parametrize("account, path", OTHER_PAGES)
def test_the_other_report_pages_keep_their_figures_until_a_change(demo, client, login, make_user, account, path):
    from portal.gateway.models import Profile

    login(demo.users[account])
    with statements() as cold:
        first = client.get(path)
    with statements() as warm:
        second = client.get(path)
    assert first.status_code == 200 and without_tokens(first.data) == without_tokens(second.data)
    assert aggregates(cold) and not aggregates(warm) and len(warm) < len(cold)
    person = make_user(Role.PRACTITIONER)  # a new Gateway profile: every kept figure is computed afresh
    db.session.add(Profile(owner_id=person.id, authority_id=person.authority_id, sector="Primary"))
    db.session.commit()
    with statements() as after:
        client.get(path)
    assert aggregates(after)


def test_gateway_uptake_kept_for_an_la_officer_is_never_the_regions(demo, client, login):
    login(demo.users["la_officer"])
    officers = client.get("/gateway/uptake").get_data(as_text=True)
    client.get("/sign-out")
    login(demo.users["lead"])
    for _ in range(2):
        leads = client.get("/gateway/uptake").get_data(as_text=True)
        assert "the West Partnership" in leads and leads != officers
    client.get("/sign-out")
    login(demo.users["la_officer"])
    assert "the West Partnership" not in client.get("/gateway/uptake").get_data(as_text=True)


def test_no_kept_figure_is_older_than_the_maximum_age(world, app):
    calls = []
    assert kept("test", 2, lambda: calls.append(1) or ["a"]) == ["a"]
    assert kept("test", 2, lambda: calls.append(1) or ["b"]) == ["a"]
    app.config["KEPT_FIGURES_MAX_AGE"] = 0  # the safety net for SQL run outside the portal
    assert kept("test", 2, lambda: calls.append(1) or ["c"]) == ["c"] and len(calls) == 2


def test_old_markers_and_expired_results_are_pruned_on_write(world, app, monkeypatch):
    from portal.core import snapshots

    kept("test", 3, lambda: ["a"])
    monkeypatch.setattr(snapshots, "PRUNE_EVERY", 1)  # prune at every marker rather than every 256th
    app.config["KEPT_FIGURES_MAX_AGE"] = 0
    world.people[0].establishment_id = world.never.id
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(FiguresChange)) == 1
    assert db.session.scalar(select(func.count()).select_from(KeptFigures)) == 0


def test_a_marker_rolled_back_with_a_savepoint_is_written_again(world, app):
    assert kept("test", 4, lambda: ["a"]) == ["a"]
    with pytest.raises(RuntimeError), db.session.begin_nested():
        world.people[0].establishment_id = world.never.id
        db.session.flush()  # the marker is written inside the savepoint
        raise RuntimeError("refused")
    world.people[1].establishment_id = world.never.id
    db.session.commit()
    assert kept("test", 4, lambda: ["b"]) == ["b"]


def test_deleting_a_row_whose_delete_cascades_into_the_figures_refreshes_them(world, app):
    from portal.core.snapshots import _watched

    watched = _watched()
    for name in list(watched):
        for fk in db.metadata.tables[name].foreign_keys:
            if (fk.ondelete or "").upper() in ("CASCADE", "SET NULL"):
                assert fk.column.table.name in watched, (name, fk.column.table.name)
    assert "event_series" in watched  # an event's series: deleting it changes the event's row


def test_the_board_paper_pdf_is_laid_out_once_per_paper_and_again_after_a_change(world, client, login, monkeypatch):
    """Laying out the PDF takes seconds: it is kept by the HTML it is made from, so the same paper is laid out
    once, and a change the paper reads makes a new one."""
    import io

    from pypdf import PdfReader

    from portal.events.models import Booking, Event
    from portal.reports import kept as kept_reports

    laid_out = []
    real = kept_reports.html_to_pdf
    monkeypatch.setattr(kept_reports, "html_to_pdf", lambda html: laid_out.append(html) or real(html))
    login(world.admin)
    path = "/reports/board.pdf?since=2025-08-01&until=2026-02-01"
    first, second = client.get(path), client.get(path)
    assert first.status_code == second.status_code == 200 and second.headers["Content-Type"] == "application/pdf"
    assert first.data == second.data and len(laid_out) == 1
    assert client.get("/reports/board.pdf?since=2025-08-01&until=2026-01-01").status_code == 200
    assert len(laid_out) == 2  # another period: another paper

    happened = Event(
        title="Drop-in", kind="drop_in", starts_at=datetime(2025, 11, 3, 16), ends_at=datetime(2025, 11, 3, 17)
    )
    db.session.add(happened)
    db.session.flush()
    db.session.add(Booking(event_id=happened.id, user_id=world.people[2].id, status="booked", attended=True))
    db.session.commit()
    third = client.get(path)
    assert len(laid_out) == 3 and third.data != first.data
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(third.data)).pages)
    assert "Headline figures" in text


def test_a_kept_leadership_cohort_dashboard_shows_a_place_confirmed_since(world, client, login, make_user):
    from portal.leadership.models import CONFIRMED, CohortPlace

    cohort = leadership_cohort("Cohort K")
    login(world.admin)
    path = f"/reports/cohorts/leadership/{cohort.id}"
    with statements() as cold:
        first = client.get(path).get_data(as_text=True)
    with statements() as warm:
        second = client.get(path).get_data(as_text=True)
    assert "Leadership cohort" in first and "0 places confirmed." in second and len(warm) < len(cold)
    leader = make_user(Role.SENIOR_LEADER)
    db.session.add(CohortPlace(cohort_id=cohort.id, person_id=leader.id, status=CONFIRMED))
    db.session.commit()
    assert "1 places confirmed." in client.get(path).get_data(as_text=True)


KEPT_AS_HTML = (
    ("lead", "/reports/aims"),
    ("lead", "/reports/coverage"),
    ("lead", "/reports/board"),
    ("researcher", "/survey/results"),
    ("researcher", "/leadership/insights"),
    ("la_officer", "/gateway/uptake"),
)


@pytest.mark.parametrize("account, path", KEPT_AS_HTML)
def test_a_page_kept_as_html_looks_up_and_stores_once_when_cold(demo, client, login, account, path):
    """The page's HTML is kept, not its figures as well: a cold request reads the store once and writes it once
    (a second look-up of figures that went stale with the HTML would only add statements to the first request)."""
    login(demo.users[account])
    with statements() as cold:
        assert client.get(path).status_code == 200
    with statements() as warm:
        client.get(path)
    assert len([s for s in cold if "kept_figures" in s]) == 2
    assert len([s for s in warm if "kept_figures" in s]) == 1
