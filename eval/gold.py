"""The gold set format: one JSON object per line, read into frozen `GoldItem`s.

{"id", "kind", "question", "answer", "answer_keywords", "districts",
 "evidence": [{"source", "line", "quote"}], "notes"}

`kind` is one of KINDS. `districts` is the exact expected set for kind "district" (empty =
no district mentions the topic) and informational otherwise. `evidence` quotes are verbatim
substrings of the stated 1-based line of the stated source file; any one of them found in a
retrieved passage counts as a hit. Unanswerable items (and "none" district items) have no
evidence.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from corpus.errors import UserError

KINDS = ("fact", "section", "district", "unanswerable", "variant")
# kinds whose answer is a passage of the corpus (the retrieval and keyword metrics apply)
ANSWERABLE_KINDS = ("fact", "section", "variant")

DEFAULT_GOLD = Path(__file__).resolve().parent / "gold.jsonl"


class GoldFormatError(UserError, ValueError):
    """One gold item is malformed (the code says how); load_gold adds file and line."""


@dataclass(frozen=True)
class GoldEvidence:
    source: str  # file name in the corpus folder
    line: int  # 1-based line of the source file
    quote: str  # verbatim substring of that line

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class GoldItem:
    id: str
    kind: str
    question: str
    answer: str
    answer_keywords: tuple[str, ...]
    districts: tuple[str, ...]
    evidence: tuple[GoldEvidence, ...]
    notes: str = ""
    # optional: the keywords of each part of a multi-part question (every part must be
    # answered), the id of the item asked just before this one in the same conversation,
    # and free labels of the question's kind (multi, list, definition, …)
    parts: tuple[tuple[str, ...], ...] = ()
    follows: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def answerable(self) -> bool:
        return self.kind != "unanswerable"

    @property
    def quotes(self) -> tuple[str, ...]:
        return tuple(e.quote for e in self.evidence)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["answer_keywords"] = list(self.answer_keywords)
        d["districts"] = list(self.districts)
        d["evidence"] = [e.to_dict() for e in self.evidence]
        d["parts"] = [list(p) for p in self.parts]
        d["tags"] = list(self.tags)
        return d


def _str_list(value: Any, field: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GoldFormatError("gold_field_not_strings", field=field)
    return tuple(value)


def parse_item(obj: Any) -> GoldItem:
    """One gold item from a decoded JSON object; GoldFormatError says what is wrong."""
    if not isinstance(obj, dict):
        raise GoldFormatError("gold_not_object")
    for field in ("id", "kind", "question"):
        if not isinstance(obj.get(field), str) or not obj[field].strip():
            raise GoldFormatError("gold_field_missing", field=field)
    if obj["kind"] not in KINDS:
        raise GoldFormatError("gold_unknown_kind", kind=obj["kind"], kinds=list(KINDS))
    evidence = []
    raw_evidence = obj.get("evidence", [])
    if not isinstance(raw_evidence, list):
        raise GoldFormatError("gold_evidence_not_list")
    for e in raw_evidence:
        if not isinstance(e, dict):
            raise GoldFormatError("gold_evidence_not_object")
        source, line, quote = e.get("source"), e.get("line"), e.get("quote")
        if not isinstance(source, str) or not source:
            raise GoldFormatError("gold_evidence_source")
        if not isinstance(line, int) or isinstance(line, bool) or line < 1:
            raise GoldFormatError("gold_evidence_line")
        if not isinstance(quote, str) or not quote.strip():
            raise GoldFormatError("gold_evidence_quote")
        evidence.append(GoldEvidence(source, line, quote))
    answer = obj.get("answer", "")
    notes = obj.get("notes", "")
    if not isinstance(answer, str) or not isinstance(notes, str):
        raise GoldFormatError("gold_answer_notes")
    raw_parts = obj.get("parts", [])
    if not isinstance(raw_parts, list):
        raise GoldFormatError("gold_parts")
    parts = tuple(_str_list(p, "parts") for p in raw_parts)
    follows = obj.get("follows")
    if follows is not None and (not isinstance(follows, str) or not follows):
        raise GoldFormatError("gold_follows")
    return GoldItem(
        id=obj["id"],
        kind=obj["kind"],
        question=obj["question"],
        answer=answer,
        answer_keywords=_str_list(obj.get("answer_keywords", []), "answer_keywords"),
        districts=_str_list(obj.get("districts", []), "districts"),
        evidence=tuple(evidence),
        notes=notes,
        parts=parts,
        follows=follows,
        tags=_str_list(obj.get("tags", []), "tags"),
    )


def load_gold(path: Path | str | None = None) -> list[GoldItem]:
    """The gold items of a JSON Lines file (default: the bundled eval/gold.jsonl). Blank
    lines are skipped; anything malformed is a UserError naming the file and line."""
    path = Path(path) if path is not None else DEFAULT_GOLD
    try:
        if path.exists() and not path.is_dir() and not path.is_file():  # a FIFO would hang
            raise UserError("gold_not_regular", path=path)
        text = path.read_text(encoding="utf-8-sig")  # a BOM (Windows editors) is fine
    except FileNotFoundError:
        raise UserError("gold_missing", path=path) from None
    except IsADirectoryError:
        raise UserError("gold_is_folder", path=path) from None
    except UnicodeDecodeError:
        raise UserError("gold_not_utf8", path=path) from None
    except OSError as exc:
        raise UserError("gold_unreadable", path=path, why=exc.strerror or exc) from None
    items: list[GoldItem] = []
    seen: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(
                "gold_bad_json", path=path, line=n, column=exc.colno, why=exc.msg
            ) from None
        try:
            item = parse_item(obj)
        except GoldFormatError as exc:
            raise UserError("gold_bad_item", path=path, line=n, why=exc) from None
        if item.id in seen:
            raise UserError("gold_duplicate_id", path=path, line=n, id=item.id, first=seen[item.id])
        seen[item.id] = n
        items.append(item)
    if not items:
        raise UserError("gold_empty", path=path)
    return items


def evidence_problems(items: list[GoldItem], data_dir: Path, root: Path | None = None) -> list[str]:
    """Every evidence entry whose quote is not on the stated line of the stated file. A bare
    file name is in `data_dir`; a path (`../shared/external/…/嘉兴.txt`) is relative to `root`
    (the repository)."""
    problems: list[str] = []
    files: dict[str, list[str] | None] = {}
    for item in items:
        for e in item.evidence:
            if e.source not in files:
                base = root if root is not None and "/" in e.source else data_dir
                p = base / e.source
                files[e.source] = p.read_text(encoding="utf-8").split("\n") if p.is_file() else None
            lines = files[e.source]
            if lines is None:
                problems.append(f"{item.id}: no file {e.source}")
            elif e.line > len(lines):
                problems.append(f"{item.id}: {e.source} has {len(lines)} lines, not {e.line}")
            elif e.quote not in lines[e.line - 1]:
                problems.append(f"{item.id}: {e.quote!r} not on line {e.line} of {e.source}")
    return problems
