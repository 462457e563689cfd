"""Report tables download as formula-safe CSV and as a workbook that a spreadsheet reads back."""

import io

import openpyxl
from flask import Flask

from portal.core.tables import Column, Table, csv_response, xlsx_bytes

TABLE = Table(
    name="participation",
    title="Participation by local authority",
    columns=[Column("la", "Local authority"), Column("people", "People", "int"), Column("share", "Share", "percent")],
    rows=[('=HYPERLINK("http://x")', 12, 0.5), ("Glasgow", None, None)],
    note="People taking part; groups under 5 are not shown.",
)


def test_csv_is_formula_safe_and_streams():
    app = Flask(__name__)
    with app.test_request_context():
        response = csv_response(TABLE)
        body = response.get_data(as_text=True)
    assert response.mimetype == "text/csv"
    assert "participation.csv" in response.headers["Content-Disposition"]
    lines = body.splitlines()
    assert lines[0] == "Local authority,People,Share"
    assert lines[1].startswith("\"'=HYPERLINK")
    assert lines[2] == "Glasgow,,"


def test_workbook_has_a_sheet_per_table_a_frozen_header_numbers_and_notes():
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes("Overview", [TABLE], [("Suppression", "Under 5")])))
    assert book.sheetnames == ["participation", "Notes"]
    sheet = book["participation"]
    assert [c.value for c in sheet[1]] == ["Local authority", "People", "Share"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A2"].value.startswith("=HYPERLINK") and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == 12 and sheet["C2"].number_format == "0%"
    assert sheet["B3"].value is None
    notes = [tuple(c.value for c in row) for row in book["Notes"].iter_rows(min_row=3)]
    assert ("Participation by local authority", TABLE.note) in notes and ("Suppression", "Under 5") in notes


def test_workbook_download_streams_from_a_temporary_file(monkeypatch):
    """The workbook is written in constant-memory mode to a temporary file and sent in chunks, not built as bytes."""
    import portal.core.tables as tables

    monkeypatch.setattr(tables, "XLSX_CHUNK", 512)
    big = Table("big", "Many rows", TABLE.columns, ((f"LA {i}", i, i / 5000) for i in range(5000)), "A long table.")
    with Flask(__name__).test_request_context():
        response = tables.xlsx_response("Region", "region.xlsx", [TABLE, big])
        assert response.is_streamed
        chunks = list(response.response)
        response.close()
    assert len(chunks) > 10 and all(len(c) <= 512 for c in chunks)
    assert int(response.headers["Content-Length"]) == sum(len(c) for c in chunks)
    book = openpyxl.load_workbook(io.BytesIO(b"".join(chunks)))
    assert book.sheetnames == ["participation", "big", "Notes"]
    assert book["big"].max_row == 5001 and book["big"]["B5001"].value == 4999
