"""Reports in a real browser: the lead officer opens the six aims, downloads a table as CSV and the whole
dashboard as a workbook (read back with openpyxl), and an LA officer's coverage shows their LA only."""

import csv
import io
from pathlib import Path

import openpyxl
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, new_context, sign_in


def test_lead_officer_downloads_csv_and_workbook(page, live_server, browser):
    page.context.close()
    page = new_context(browser, accept_downloads=True).new_page()
    sign_in(page, live_server, "lead")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Reports").click()
    page.get_by_role("link", name="Impact against the six aims").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Impact against the six aims")
    expect(page.get_by_role("heading", name="Aim 2: Confidence in enquiry skills")).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download “Participation per school year” as CSV").click()
    with open(Path(download.value.path()), newline="", encoding="utf-8") as f:
        lines = list(csv.reader(f))
    assert lines[0][:3] == ["School year", "People taking part", "Establishments taking part"]
    assert lines[1][0] == "2026-27" and int(lines[1][2]) > 0

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the whole dashboard (XLSX workbook)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert {"participation", "confidence", "coverage", "Notes"} <= set(book.sheetnames)
    sheet = book["confidence"]
    assert sheet["A1"].value == "School year" and sheet["E1"].value == "Effect size d_z"
    assert sheet["A2"].value == "2026-27" and sheet["B2"].value >= 5 and sheet["E2"].value > 0


def test_la_officer_sees_their_la_and_the_never_involved(page, live_server):
    sign_in(page, live_server, "la_officer")
    page.goto(f"{live_server.url}/reports/coverage")
    table = page.get_by_role("table", name="Coverage: establishments ever involved")
    expect(table).to_contain_text("Glasgow City")
    expect(table).not_to_contain_text("Inverclyde")
    assert_accessible(page)
    page.get_by_role("link", name="Establishments never involved").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Glasgow City")
    assert_accessible(page)
