"""Validate-everything-first CSV imports: each bad row is reported with its line number and reason."""

import csv
import io
from dataclasses import dataclass, field


@dataclass
class RowError:
    line: int
    reason: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_rows(data: bytes | str, required: tuple[str, ...]) -> tuple[list[tuple[int, dict]], list[RowError]]:
    """Parse CSV text into (line number, row) pairs with lower-cased headers, or header errors."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return [], [RowError(1, "The file is not UTF-8 text. Save it as 'CSV UTF-8' and try again.")]
    reader = csv.DictReader(io.StringIO(data))
    headers = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    missing = [h for h in required if h not in headers]
    if missing:
        return [], [
            RowError(
                1,
                f"Missing column(s): {', '.join(missing)}. The first line must name the "
                f"columns: {', '.join(required)}.",
            )
        ]
    reader.fieldnames = headers
    rows = []
    for row in reader:
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue  # blank lines are not errors
        clean = {k: (v or "").strip() for k, v in row.items() if k and isinstance(v, str)}
        rows.append((reader.line_num, clean))
    if not rows:
        return [], [RowError(2, "The file has no rows after the header line.")]
    return rows, []
