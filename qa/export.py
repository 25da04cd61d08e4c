"""Flat rows (a list of dicts with the same keys) as CSV text or an .xlsx workbook: the
indicator table and the topic grid export through here, from the CLI and the UI alike."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any


def to_csv(rows: list[dict[str, Any]], columns: list[str] | None = None) -> str:
    """CSV with a header row (UTF-8 text; the caller adds a BOM for Excel if it wants one)."""
    columns = columns or (list(rows[0]) if rows else [])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: "" if r.get(k) is None else r.get(k) for k in columns})
    return out.getvalue()


def write_xlsx(
    path: Path | str,
    rows: list[dict[str, Any]],
    sheet: str = "planqa",
    columns: list[str] | None = None,
) -> Path:
    """One sheet: a bold header row, then the rows; numbers stay numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    columns = columns or (list(rows[0]) if rows else [])
    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append(columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append([_cell(r.get(k)) for k in columns])
    for k, col in enumerate(columns, start=1):
        width = max([len(str(col))] + [len(str(r.get(col) or "")) for r in rows[:200]])
        ws.column_dimensions[ws.cell(1, k).column_letter].width = min(60, width + 2)
    path = Path(path)
    wb.save(path)
    return path


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (int, float, str)):
        return value
    return str(value)
