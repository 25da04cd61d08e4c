"""How every reader hands a table to the table machinery (corpus/tables.py): as a markdown
table, the header row, a rule, then one line per row, all rows padded to the same width."""

from __future__ import annotations


def table_lines(rows: list[list[str]]) -> list[str]:
    """The markdown lines of a table given as rows of cell texts; rows with no text are left
    out, and a | inside a cell becomes ｜ so that it cannot split the cell."""
    rows = [[cell.replace("|", "｜") for cell in row] for row in rows if any(row)]
    if not rows:
        return []
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    return ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width] + [
        "| " + " | ".join(r) + " |" for r in rows[1:]
    ]
