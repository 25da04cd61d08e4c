"""Rebuilding flattened tables into rows that read on their own.

The texts hold tables in four flattened styles (and markdown tables are read too):
  - one cell per line (000), the row boundaries lost;
  - one cell per line ending in " |" (001);
  - one cell per tab-indented line, rows separated by blank lines (002);
  - one row per line, cells separated by tabs (003).
Every style becomes a header and rows; a row renders as
`高新技术企业数 | 单位: 家 | 2020: 98 | 2025: 200 | 预期值: 预期值`, the row's name first and
every other cell behind its column name, so a single row answers a question by itself.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from corpus.text import close_cjk_gaps

HEADER_FIRST = {"序号", "指标名称", "指标", "名称", "项目", "类别", "编号"}
CAPTION = re.compile(r"^(表\s*\d*\s*\S.*|\d{1,2}\s+\S.*(指标|情况|一览|统计|目录).*)$")
_NOTE = re.compile(r"（注：([^）]*)）")
_NUMERIC = re.compile(r"^[<>≥≤~约]?\s*-?\d+(\.\d+)?\s*%?$|^[-/—]$")
_NAME_HEADER = re.compile(r"指标(?!属性)|名称|事项|项目")


@dataclass(frozen=True)
class Line:
    """A non-blank source line: its number, raw text and cleaned display text."""

    n: int
    raw: str
    text: str


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...]
    lines: tuple[int, ...]  # every source line the table was rebuilt from (caption included)
    header_raw: tuple[str, ...] = ()  # the header cells as printed (2020年, not 2020)
    row_lines: tuple[tuple[int, ...], ...] = ()  # the source lines of each row
    caption_line: int | None = None  # the line `caption` was read from

    def head_lines(self) -> tuple[int, ...]:
        """Caption and header lines: every line that is in no row."""
        in_rows = {n for r in self.row_lines for n in r}
        return tuple(n for n in self.lines if n not in in_rows)

    def header_lines(self) -> tuple[int, ...]:
        """The lines the header row (and its notes) was read from: the head without the caption."""
        return tuple(n for n in self.head_lines() if n != self.caption_line)

    def row_texts(self) -> list[str]:
        return [render_row(self.header, row) for row in self.rows]


def _cell(text: str) -> str:
    return close_cjk_gaps(text.strip().removesuffix("|").strip())


# a short line after a table that opens the next part, not a cell of the table
_HEADING_LIKE = re.compile(
    r"^(第\S{1,3}[章节条]|(专栏|表)\s*\d|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])"
)


def _is_cell(line: Line) -> bool:
    t = _cell(line.text)
    return bool(t) and len(t) <= 40 and "。" not in t and not _HEADING_LIKE.match(t)


def _header_cell(text: str) -> tuple[str, list[str]]:
    notes = _NOTE.findall(text)
    h = _NOTE.sub("", text).strip()
    h = re.sub(r"^((?:19|20)\d{2})\s*年$", r"\1", h)
    return h, notes


def name_column(header: tuple[str, ...]) -> int:
    for i, h in enumerate(header):
        if _NAME_HEADER.search(h):
            return i
    return 1 if header and header[0] == "序号" else 0


def render_row(header: tuple[str, ...], row: tuple[str, ...]) -> str:
    name_col = name_column(header)
    parts = [row[name_col] or "-"]
    for i, (h, v) in enumerate(zip(header, row, strict=False)):
        if i == name_col or h == "序号" or not v:
            continue
        parts.append(f"{h}: {v}")
    return " | ".join(parts)


def _align(header: list[str], cells: list[str]) -> list[str]:
    """Fit a row to the header: a row one cell short has usually lost its 单位 (the cell was
    empty in the source and vanished in extraction)."""
    cells = list(cells)
    if len(cells) < len(header) and "单位" in header:
        i = header.index("单位")
        if i < len(cells) and _NUMERIC.match(cells[i]):
            cells.insert(i, "")
    if len(cells) < len(header):
        cells += [""] * (len(header) - len(cells))
    if len(cells) > len(header):
        cells = cells[: len(header) - 1] + [" ".join(cells[len(header) - 1 :])]
    return cells


def _rows_by_number(header: list[str], cells: list[str]) -> list[list[str]]:
    """Split a flat cell list into rows at the 序号 cells 1, 2, 3…: a number starts the next
    row only once the current row is nearly full and a name follows it (a value cell can
    hold the same digits)."""
    rows: list[list[str]] = []
    current: list[str] = []
    expected = 1
    for k, c in enumerate(cells):
        nxt = cells[k + 1] if k + 1 < len(cells) else ""
        starts = c == str(expected) and (not current or len(current) >= len(header) - 1)
        if starts and nxt and not _NUMERIC.match(nxt):
            if current:
                rows.append(current)
            current = [c]
            expected += 1
        else:
            current.append(c)
    if current:
        rows.append(current)
    return rows


def _carry_forward(header: list[str], rows: list[list[str]]) -> list[list[str]]:
    """Merged cells (类别 spanning several rows) are empty after the first row: repeat them,
    for columns left of the name column only."""
    name_col = name_column(tuple(header))
    out: list[list[str]] = []
    for row in rows:
        row = list(row)
        if out:
            for i in range(1 if header[0] == "序号" else 0, name_col):
                if not row[i]:
                    row[i] = out[-1][i]
        out.append(row)
    return out


def _finish(
    caption: str,
    header_cells: list[str],
    rows: list[list[str]],
    lines: list[int],
    row_lines: list[tuple[int, ...]],
    caption_line: int | None = None,
) -> Table:
    header, header_raw, notes = [], [], []
    for c in header_cells:
        h, ns = _header_cell(_cell(c))
        header.append(h)
        header_raw.append(_NOTE.sub("", _cell(c)).strip())
        notes.extend(ns)
    rows = [_align(header, [_cell(c) for c in r]) for r in rows]
    rows = _carry_forward(header, rows)
    return Table(
        " ".join(caption.split()),
        tuple(header),
        tuple(tuple(r) for r in rows),
        tuple(notes),
        tuple(sorted(lines)),
        tuple(header_raw),
        tuple(row_lines),
        caption_line if caption else None,
    )


_MD_ROW = re.compile(r"^\|.*\|$")
_MD_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def _md_cells(raw: str) -> list[str]:
    return [c.strip() for c in raw.strip().strip("|").split("|")]


def _tab_cells(raw: str) -> list[str]:
    return raw.rstrip("\n").split("\t")


def find_tables(lines: list[Line]) -> list[Table]:
    """Every table in `lines` (the non-blank lines of one document, in order)."""
    tables: list[Table] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        caption_line = lines[i - 1] if i > 0 and lines[i - 1].n not in used else None
        caption = ""
        if caption_line and CAPTION.match(caption_line.text) and len(caption_line.text) <= 60:
            caption = caption_line.text
        caption_n = caption_line.n if caption and caption_line else None
        nxt_raw = lines[i + 1].raw.strip() if i + 1 < len(lines) else ""
        if _MD_ROW.match(line.raw.strip()) and _MD_SEPARATOR.match(nxt_raw):
            # a markdown table: | a | b | / |---|---| / rows
            j = i + 2
            while j < len(lines) and _MD_ROW.match(lines[j].raw.strip()):
                j += 1
            header = _md_cells(line.raw)
            rows = [_md_cells(x.raw) for x in lines[i + 2 : j]]
            row_lines: list[tuple[int, ...]] = [(x.n,) for x in lines[i + 2 : j]]
            used_lines = [x.n for x in lines[i:j]] + ([caption_n] if caption_n is not None else [])
            tables.append(_finish(caption, header, rows, used_lines, row_lines, caption_n))
            used.update(used_lines)
            i = j
            continue
        cells = _tab_cells(line.raw.strip(" "))
        if len(cells) >= 3 and cells[0].strip() in HEADER_FIRST:
            # one row per line, tab-separated cells
            j = i + 1
            while j < len(lines) and len(_tab_cells(lines[j].raw)) >= 3:
                j += 1
            header = cells
            rows = [_tab_cells(x.raw) for x in lines[i + 1 : j]]
            row_lines = [(x.n,) for x in lines[i + 1 : j]]
            used_lines = [x.n for x in lines[i:j]] + ([caption_n] if caption_n is not None else [])
            tables.append(_finish(caption, header, rows, used_lines, row_lines, caption_n))
            used.update(used_lines)
            i = j
            continue
        if _cell(line.text) in HEADER_FIRST and i + 1 < len(lines) and _is_cell(lines[i + 1]):
            tabbed = line.raw.startswith("\t")
            j = i
            while j < len(lines) and (
                lines[j].raw.startswith("\t") if tabbed else _is_cell(lines[j])
            ):
                j += 1
            run = lines[i:j]
            if len(run) >= 6:
                groups: list[list[Line]] = [[run[0]]]
                for prev, cur in itertools.pairwise(run):
                    if cur.n == prev.n + 1:
                        groups[-1].append(cur)
                    else:
                        groups.append([cur])
                cells_text = [x.text for x in run]
                if tabbed and len(groups) > 2 and all(len(g) == len(groups[0]) for g in groups):
                    header = [x.text for x in groups[0]]
                    rows = [[x.text for x in g] for g in groups[1:]]
                    row_lines = [tuple(x.n for x in g) for g in groups[1:]]
                else:
                    first_row = next(
                        (k for k, c in enumerate(cells_text) if _cell(c) == "1"), len(cells_text)
                    )
                    header = cells_text[:first_row]
                    rows = _rows_by_number(header, [_cell(c) for c in cells_text[first_row:]])
                    row_lines, at = [], first_row
                    for r in rows:  # rows are consecutive runs of the cells
                        row_lines.append(tuple(x.n for x in run[at : at + len(r)]))
                        at += len(r)
                used_lines = [x.n for x in run] + ([caption_n] if caption_n is not None else [])
                tables.append(_finish(caption, header, rows, used_lines, row_lines, caption_n))
                used.update(used_lines)
                i = j
                continue
        i += 1
    return tables
