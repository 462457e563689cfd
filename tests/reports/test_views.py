"""Report pages and downloads: LA scoping, no names for researchers, CSV/XLSX/PDF content, query counts."""

import io
import re

import openpyxl
import pytest
from pypdf import PdfReader

from portal.core.roles import Role
from tests.reports.world import build, leadership_cohort


@pytest.fixture
def world(app, make_user, make_establishment):
    return build(make_user, make_establishment)


def test_la_officer_sees_their_la_whatever_they_ask(world, client, login, make_user):
    login(make_user(Role.LA_OFFICER, authority_slug="inverclyde"))
    page = client.get(f"/reports/coverage?authority={world.ren.id}").get_data(as_text=True)
    table = page[page.index('id="table-coverage"') : page.index("</table>", page.index('id="table-coverage"'))]
    assert "Inverclyde" in table and "Renfrewshire" not in table
    listed = client.get(f"/reports/coverage/never-involved?authority={world.ren.id}").get_data(as_text=True)
    assert "Inverclyde" in listed and "Never Involved High" not in listed
    body = client.get(f"/reports/tables/confidence.csv?authority={world.ren.id}").get_data(as_text=True)
    assert body.splitlines()[1].startswith("2025-26,,")  # Inverclyde's one pair: not shown


def test_researcher_sees_aggregates_and_no_names(world, client, login, make_user):
    login(make_user(Role.RESEARCHER))
    assert client.get("/reports/coverage/never-involved").status_code == 403
    for path in (f"/reports/cohorts/network/{world.cohort.id}", "/reports/board?since=2025-08-01&until=2026-02-01"):
        page = client.get(path).get_data(as_text=True)
        assert "Fenella Facilitator" not in page and "Practitioner 0" not in page
        assert "1 participant flagged" in page
    workbook = client.get(f"/reports/cohorts/network/{world.cohort.id}.xlsx").data
    cells = [
        c for ws in openpyxl.load_workbook(io.BytesIO(workbook)) for row in ws.iter_rows(values_only=True) for c in row
    ]
    assert "Fenella Facilitator" not in cells and "named" in cells


def test_admin_sees_the_cohort_dashboard_with_names(world, client, login):
    login(world.admin)
    page = client.get(f"/reports/cohorts/network/{world.cohort.id}").get_data(as_text=True)
    assert "Fenella Facilitator" in page and "Practitioner 0" in page and "Implementing" in page


def test_unpublished_cohorts_have_no_dashboard(world, client, login):
    from portal.cohorts.models import NetworkCohort
    from portal.extensions import db

    draft = NetworkCohort(school_year="2026-27", letter="B", stage="survey", interests_text="A")
    db.session.add(draft)
    db.session.commit()
    login(world.admin)
    assert client.get(f"/reports/cohorts/network/{draft.id}").status_code == 404
    assert client.get("/reports/cohorts/other/1").status_code == 404


def test_csv_is_the_table_and_formula_safe(world, client, login):
    login(world.admin)
    response = client.get("/reports/tables/participation.csv")
    assert response.mimetype == "text/csv" and "participation.csv" in response.headers["Content-Disposition"]
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0].startswith("School year,People taking part,Establishments taking part")
    assert lines[1] == "2025-26,14,7,0,,1"
    assert client.get("/reports/tables/nothing.csv").status_code == 404


def test_region_workbook_has_a_sheet_per_table_and_notes(world, client, login):
    login(world.admin)
    response = client.get("/reports/region.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == [
        "participation",
        "confidence",
        "critical_mass",
        "sustainability",
        "outcomes",
        "practice_by_la",
        "practice_by_sector",
        "practice_by_year",
        "gateway_by_la",
        "gateway_by_sector",
        "gateway_by_year",
        "gateway_by_month",
        "coverage",
        "people_by_sector",
        "Notes",
    ]
    sheet = book["confidence"]
    assert sheet["A1"].value == "School year" and sheet["E1"].value == "Effect size d_z"
    assert sheet["A2"].value == "2025-26" and sheet["B2"].value == 6 and sheet["E2"].value == 1.34
    assert sheet.freeze_panes == "A2"
    notes = [c for row in book["Notes"].iter_rows(values_only=True) for c in row if c]
    assert "Suppression" in notes and any("d_z" in str(c) for c in notes)


def test_board_paper_pdf_holds_the_period(world, client, login):
    login(world.admin)
    response = client.get("/reports/board.pdf?since=2025-08-01&until=2026-02-01")
    assert response.headers["Content-Type"] == "application/pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.data)).pages).split())
    assert "1 August 2025" in text and "31 January 2026" in text
    assert "Network cohort 2025-26 A" in text and "Headline figures" in text


def test_query_counts_do_not_grow(world, client, login, make_user, make_establishment):

    from portal.cohorts.models import CohortTeam, NetworkCohort, Nomination
    from portal.extensions import db
    from portal.leadership.models import CohortPlace, LeadershipCohort

    first = leadership_cohort("Cohort L")
    client.application.config["KEPT_FIGURES"] = False  # the statements of computing the figures, not of reading them
    login(world.admin)
    paths = [
        f"/reports/cohorts/leadership/{first.id}",
        "/reports/region.xlsx",
        "/reports/aims",
        "/reports/coverage",
        f"/reports/cohorts/network/{world.cohort.id}",
        "/reports/board?since=2025-08-01&until=2026-02-01",
        "/reports/coverage/never-involved",
    ]
    before = [client.get(p).headers["X-Query-Count"] for p in paths]
    more = NetworkCohort(school_year="2023-24", letter="A", stage="published", interests_text="A")
    db.session.add(more)
    db.session.flush()
    team = CohortTeam(cohort_id=more.id, number=1)
    db.session.add(team)
    db.session.flush()
    for i in range(6):
        est = make_establishment(authority_slug="east-renfrewshire")
        leader = make_user(Role.SENIOR_LEADER, establishment=est)
        db.session.add(
            Nomination(
                cohort_id=more.id,
                establishment_id=est.id,
                authority_id=est.authority_id,
                leader_id=leader.id,
                team_id=team.id,
            )
        )
        db.session.add(CohortTeam(cohort_id=world.cohort.id, number=10 + i))
    # More cohorts in the board paper's period: a second network cohort and a second leadership cohort.
    second = NetworkCohort(school_year="2025-26", letter="B", stage="published", interests_text="B")
    more_leaders = LeadershipCohort(year_id=first.year_id, name="Cohort M")
    db.session.add_all([second, more_leaders])
    db.session.flush()
    db.session.add(CohortTeam(cohort_id=second.id, number=1))
    for cohort in (first, more_leaders):
        for _ in range(3):
            leader = make_user(Role.SENIOR_LEADER, establishment=make_establishment())
            db.session.add(CohortPlace(cohort_id=cohort.id, person_id=leader.id, status="confirmed"))
    db.session.commit()
    board = client.get("/reports/board?since=2025-08-01&until=2026-02-01").get_data(as_text=True)
    assert "Network cohort 2025-26 B" in board and "Cohort M" in board
    assert [client.get(p).headers["X-Query-Count"] for p in paths] == before


def test_the_published_cohort_page_links_to_its_dashboard(world, client, login, make_user):
    login(world.admin)
    page = client.get(f"/cohorts/{world.cohort.id}").get_data(as_text=True)
    assert f"/reports/cohorts/network/{world.cohort.id}" in page
    login(make_user(Role.KEY_FACILITATOR))  # may open the cohort page, not the reports
    page = client.get(f"/cohorts/{world.cohort.id}").get_data(as_text=True)
    assert "/reports/cohorts/network/" not in page


def test_practice_and_gateway_figures_agree_on_the_page_the_board_paper_and_the_workbook(
    world, client, login, make_user, make_establishment
):
    """Accounts of practice and Gateway uptake are counted once, by the sources their domains register: the
    outcomes table, the six aims page, the board paper and the workbook show those same numbers."""
    from datetime import datetime

    from portal.extensions import db
    from portal.gateway.models import Profile, Request

    people = [
        make_user(Role.PRACTITIONER, establishment=make_establishment(authority_slug="renfrewshire")) for _ in range(7)
    ]
    profiles = [
        Profile(owner_id=p.id, authority_id=p.authority_id, sector="Primary", created_at=datetime(2025, 9, 1))
        for p in people
    ]
    db.session.add_all(profiles)
    db.session.flush()
    for i, (sender, profile) in enumerate(zip(people, profiles[1:], strict=False)):
        db.session.add(
            Request(
                sender_id=sender.id,
                profile_id=profile.id,
                recipient_id=profile.owner_id,
                authority_id=sender.authority_id,
                sector="Primary",
                status="accepted" if i < 5 else "pending",
                created_at=datetime(2025, 10, 1 + i),
            )
        )
    db.session.commit()
    login(world.admin)
    book = openpyxl.load_workbook(io.BytesIO(client.get("/reports/region.xlsx").data))

    def sheet(name):
        return [list(r) for r in book[name].iter_rows(min_row=2, values_only=True)]

    practice = {r[0]: r for r in sheet("practice_by_year")}
    gateway = {r[0]: r for r in sheet("gateway_by_year")}
    outcomes = sheet("outcomes")
    assert outcomes == [["2025-26", 1, None, 6, 5, None]]  # 6 requests, 5 accepted; no team (0: withheld)
    for year, published, used, requests, accepted, _teams in outcomes:
        assert (published, used) == (practice[year][1], practice[year][3])
        assert (requests, accepted) == (gateway[year][2], gateway[year][3])
    for path in ("/reports/aims", "/reports/board?since=2025-08-01&until=2026-02-01"):
        page = client.get(path).get_data(as_text=True)
        table = page[page.index('id="table-outcomes"') : page.index("</table>", page.index('id="table-outcomes"'))]
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", table, re.S)]
        assert cells == ["1", "not shown", "6", "5", "not shown"], path


def test_a_filter_change_by_htmx_gets_the_six_aims_alone_for_its_scope(world, client, login):
    login(world.admin)
    htmx = {"HX-Request": "true", "HX-Target": "aims-results"}
    region = client.get("/reports/aims", headers=htmx).get_data(as_text=True)
    one_la = client.get(f"/reports/aims?authority={world.ren.id}", headers=htmx).get_data(as_text=True)
    for answer in (region, one_la):
        assert answer.lstrip().startswith('<div id="aims-results">') and "<html" not in answer
        assert "Aim 1:" in answer
    assert f"authority={world.ren.id}" in one_la and f"authority={world.ren.id}" not in region
