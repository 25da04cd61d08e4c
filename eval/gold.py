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
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any

from corpus.errors import Term, UserError
from eval.labels import KIND_LABELS

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
        kinds = [Term(k, f"{k}（{KIND_LABELS[k]}）") for k in KINDS]
        raise GoldFormatError("gold_unknown_kind", kind=obj["kind"], kinds=kinds)
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


@dataclass(frozen=True)
class EvidenceIssue:
    """One evidence entry that its source does not bear out."""

    item: str  # the gold item's id
    source: str
    line: int
    quote: str
    problem: str  # "no_file", "no_line" (the file is shorter) or "not_on_line"
    lines: int = 0  # how many lines the file has (when it was read)

    def text(self) -> str:
        """The one-line English form (what the gold set's own tests print)."""
        if self.problem == "no_file":
            return f"{self.item}: no file {self.source}"
        if self.problem == "no_line":
            return f"{self.item}: {self.source} has {self.lines} lines, not {self.line}"
        return f"{self.item}: {self.quote!r} not on line {self.line} of {self.source}"

    def error(self, path: Path | str) -> UserError:
        """The issue as a user's error naming the gold file, the item and the line."""
        params = {"path": path, "id": self.item, "source": self.source, "line": self.line}
        if self.problem == "no_file":
            return UserError("gold_evidence_no_file", **params)
        if self.problem == "no_line":
            return UserError("gold_evidence_no_line", lines=self.lines, **params)
        return UserError("gold_evidence_not_on_line", quote=self.quote, **params)


def evidence_issues(
    items: list[GoldItem], read_lines: Callable[[str], list[str] | None]
) -> list[EvidenceIssue]:
    """Every evidence entry whose quote is not on the stated 1-based line of its source;
    `read_lines(source)` gives a source's lines, or None when there is no such source."""
    issues: list[EvidenceIssue] = []
    files: dict[str, list[str] | None] = {}
    for item in items:
        for e in item.evidence:
            if e.source not in files:
                files[e.source] = read_lines(e.source)
            lines = files[e.source]
            issue = partial(EvidenceIssue, item.id, e.source, e.line, e.quote)
            if lines is None:
                issues.append(issue("no_file"))
            elif e.line > len(lines):
                issues.append(issue("no_line", len(lines)))
            elif e.quote not in lines[e.line - 1]:
                issues.append(issue("not_on_line", len(lines)))
    return issues


def evidence_problems(items: list[GoldItem], data_dir: Path, root: Path | None = None) -> list[str]:
    """Every evidence entry whose quote is not on the stated line of the stated file. A bare
    file name is in `data_dir`; a path (`../shared/external/…/嘉兴.txt`) is relative to `root`
    (the repository)."""

    def read_lines(source: str) -> list[str] | None:
        base = root if root is not None and "/" in source else data_dir
        return source_lines(base / source)

    return [issue.text() for issue in evidence_issues(items, read_lines)]


def source_lines(path: Path) -> list[str] | None:
    """The lines of a source file that evidence `line` numbers count, None when there is no
    such file: a text file's own lines; a .docx, .pdf or .html file's lines as the corpus
    reader gives them (a paragraph, a table row or a PDF line each), which are the lines a
    chunk's source position counts too."""
    if not path.is_file():
        return None
    if path.suffix.lower() in (".txt", ".md"):
        return path.read_text(encoding="utf-8", errors="replace").split("\n")
    from corpus.formats.read import read_file
    from corpus.reading import CorpusFile

    read = read_file(CorpusFile(path, path.name, path.stem))
    return None if read is None else list(read.lines)


def index_source_lines(index: Any) -> Callable[[str], list[str] | None]:
    """A `read_lines` over the files an index was built from, by file name: a source the
    index holds no document of is None (removed, or never read)."""
    from index.sources import Sources

    held = {d.doc_id for d in index.documents}
    paths = {
        Path(f.path).name: Path(f.path)
        for f in Sources.from_manifest(index.manifest).files
        if held.intersection(f.documents)
    }

    def read_lines(source: str) -> list[str] | None:
        p = paths.get(source)
        return None if p is None else source_lines(p)

    return read_lines


def check_evidence(items: list[GoldItem], index: Any, path: Path | str) -> None:
    """UserError for the first evidence entry that the index's own files do not bear out
    (the file is not in the index, has no such line, or the quote is not on it)."""
    issues = evidence_issues(items, index_source_lines(index))
    if issues:
        raise issues[0].error(path)
