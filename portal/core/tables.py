"""Report tables and their downloads: one `Table` shape, shown as HTML, downloaded as CSV or as an XLSX workbook.

A report builds `Table`s (rows already aggregated by SQL and already through `portal.core.privacy`); the view
returns `csv_response(table)` or `xlsx_response(title, tables, notes)`. CSV cells are formula-safe; the workbook
has a sheet per table with a frozen header row, number formats per column and a "Notes" sheet (definitions and
the suppression rule). XlsxWriter writes in constant-memory mode, row by row, to a temporary file that the
response streams; a workbook of kept figures is kept as its bytes and sent with `xlsx_download`.
"""

import csv
import io
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import xlsxwriter
from flask import Response

from portal.core.personal_data import csv_cell
from portal.core.uploads import content_disposition

SUPPRESSED = "fewer than the threshold"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "text"  # text | int | decimal | percent (a 0..1 share) | date


@dataclass
class Table:
    name: str  # file and sheet name, e.g. "participation"
    title: str  # the heading people read
    columns: Sequence[Column]
    rows: Iterable[Sequence] = field(default_factory=list)  # values in column order; None = suppressed or empty
    note: str = ""  # one sentence: what the table shows, its n, what is suppressed


def csv_response(table: Table) -> Response:
    """The table as a formula-safe CSV download, streamed row by row."""

    def lines():
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([csv_cell(c.label) for c in table.columns])
        for row in table.rows:
            writer.writerow([csv_cell(v) for v in row])
            yield out.getvalue()
            out.seek(0)
            out.truncate()
        yield out.getvalue()

    response = Response(lines(), mimetype="text/csv", headers={"Cache-Control": "no-store"})
    response.charset = "utf-8"
    response.headers["Content-Disposition"] = content_disposition(f"{table.name}.csv")
    return response


def xlsx_bytes(title: str, tables: Sequence[Table], notes: Sequence[tuple[str, str]] = ()) -> bytes:
    """The workbook of `write_xlsx` as bytes (for callers that attach it or store it)."""
    with tempfile.TemporaryFile() as out:
        write_xlsx(out, title, tables, notes)
        out.seek(0)
        return out.read()


def write_xlsx(out, title: str, tables: Sequence[Table], notes: Sequence[tuple[str, str]] = ()) -> None:
    """A workbook written to the binary file `out`: one sheet per table (frozen header, number formats) and a Notes
    sheet of (term, definition). Constant-memory mode: each row goes to a temporary file as it is written, so a
    sheet's rows are never all held in memory."""
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "in_memory": False, "strings_to_formulas": False})
    bold = book.add_format({"bold": True, "text_wrap": True})
    formats = {
        "int": book.add_format({"num_format": "0"}),
        "decimal": book.add_format({"num_format": "0.00"}),
        "percent": book.add_format({"num_format": "0%"}),
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
    }
    for table in tables:
        sheet = book.add_worksheet(_sheet_name(table.name, book))
        sheet.freeze_panes(1, 0)
        for col, column in enumerate(table.columns):
            sheet.write_string(0, col, column.label, bold)
            sheet.set_column(col, col, max(12, min(40, len(column.label) + 2)), formats.get(column.kind))
        for r, row in enumerate(table.rows, start=1):
            for col, (column, value) in enumerate(zip(table.columns, row, strict=False)):
                _write(sheet, r, col, column, value, formats)
    notes_sheet = book.add_worksheet("Notes")
    notes_sheet.write_string(0, 0, title, bold)
    notes_sheet.set_column(0, 0, 30)
    notes_sheet.set_column(1, 1, 100)
    line = 2
    for table in tables:
        if table.note:
            notes_sheet.write_string(line, 0, table.title, bold)
            notes_sheet.write_string(line, 1, table.note)
            line += 1
    for term, definition in notes:
        notes_sheet.write_string(line, 0, term, bold)
        notes_sheet.write_string(line, 1, definition)
        line += 1
    book.close()


XLSX_CHUNK = 64 * 1024
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_download(content: bytes, filename: str) -> Response:
    """A workbook already written (`xlsx_bytes`, kept with its figures: a report's workbook holds aggregates only, so
    it is small, and writing it costs more than reading what it shows)."""
    response = Response(content, mimetype=XLSX_TYPE, headers={"Cache-Control": "no-store"})
    response.headers["Content-Disposition"] = content_disposition(filename)
    return response


def xlsx_response(title: str, filename: str, tables: Sequence[Table], notes: Sequence[tuple[str, str]] = ()):
    """The workbook streamed from a temporary file (deleted once sent) in 64 KiB chunks, with its length."""
    out = tempfile.TemporaryFile()  # noqa: SIM115  (closed once sent, or when the response closes)
    try:
        write_xlsx(out, title, tables, notes)
        size = out.tell()
        out.seek(0)
    except BaseException:
        out.close()
        raise

    def chunks():
        with out:
            while chunk := out.read(XLSX_CHUNK):
                yield chunk

    response = Response(
        chunks(),
        mimetype=XLSX_TYPE,
        headers={"Cache-Control": "no-store", "Content-Length": str(size)},
    )
    response.headers["Content-Disposition"] = content_disposition(filename)
    response.call_on_close(out.close)  # also when the client leaves before the last chunk
    return response


def _write(sheet, row: int, col: int, column: Column, value, formats) -> None:
    if value is None:
        sheet.write_blank(row, col, None)
    elif column.kind in ("int", "decimal", "percent") and isinstance(value, int | float):
        sheet.write_number(row, col, value, formats[column.kind])
    elif column.kind == "date" and hasattr(value, "isoformat"):
        sheet.write_string(row, col, value.isoformat())
    else:
        # Text is written as text, never as a formula (strings_to_formulas off, and write_string explicitly).
        sheet.write_string(row, col, str(value))


def _sheet_name(name: str, book) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31] or "Sheet"
    taken = {s.get_name() for s in book.worksheets()}
    candidate, n = clean, 2
    while candidate in taken:
        candidate = f"{clean[:28]}_{n}"
        n += 1
    return candidate
