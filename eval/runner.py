"""Running a gold set through the system and its baselines: per-item records, then metrics.

Per item and system: the top-10 retrieval (with the filters the answerer itself applies, so
recall measures what the answer is chosen from), the extractive answer, and for "district"
items the district report. Metrics are the pure functions of `eval.metrics`.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus.errors import UserError
from eval import metrics as m
from eval.gold import ANSWERABLE_KINDS, KINDS, GoldItem

log = logging.getLogger(__name__)

SYSTEM = "planqa"
BASELINES = ("bm25", "dense", "naive")
RETRIEVE_K = 10

# (metric, comparison, value): the targets, on the bundled model, extractive mode
TARGETS: tuple[tuple[str, str, float], ...] = (
    ("recall@5", ">=", 0.95),
    ("keyword_accuracy", ">=", 0.90),
    ("district_f1", ">=", 0.95),
    ("abstention_accuracy", ">=", 0.90),
    ("false_abstentions", "<=", 0.05),
)
# metrics where lower is better (the report's "ahead by" flips their sign)
LOWER_IS_BETTER = frozenset({"false_abstentions"})
METRIC_NAMES = (
    "recall@1",
    "recall@5",
    "recall@10",
    "mrr",
    "keyword_accuracy",
    "citation_precision",
    "abstention_accuracy",
    "false_abstentions",
    "district_precision",
    "district_recall",
    "district_f1",
    "parts_answered",
)

Progress = Callable[[int, int, str], None]


@dataclass
class ItemResult:
    """What one system retrieved and answered for one gold item, and how it scored."""

    item: GoldItem
    retrieved: list[dict[str, Any]] = field(default_factory=list)
    first_hit: int | None = None
    answer: str = ""
    abstained: bool = False
    mode: str = ""
    error: str | None = None
    crashed: bool = False  # the answerer raised something other than a UserError
    citations: list[dict[str, Any]] = field(default_factory=list)
    citation_precision: float | None = None
    keywords_ok: bool | None = None
    parts_ok: bool | None = None  # multi-part items: every part answered
    missing_keywords: list[str] = field(default_factory=list)
    predicted_districts: list[str] | None = None
    district_prf: tuple[float, float, float] | None = None
    evidence_in_index: bool | None = None  # some chunk of the index holds an evidence quote
    failures: list[str] = field(default_factory=list)
    stage: str | None = None  # which stage the failure points at
    answer_object: Any = field(default=None, repr=False)  # the Answer, for a follow-up turn

    @property
    def passed(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        it = self.item
        d: dict[str, Any] = {
            "id": it.id,
            "kind": it.kind,
            "question": it.question,
            "expected_answer": it.answer,
            "answer_keywords": list(it.answer_keywords),
            "expected_districts": list(it.districts),
            "evidence": [e.to_dict() for e in it.evidence],
            "passed": self.passed,
            "failures": self.failures,
            "stage": self.stage,
            "first_hit_rank": self.first_hit,
            "evidence_in_index": self.evidence_in_index,
            "answer": self.answer,
            "abstained": self.abstained,
            "mode": self.mode,
            "keywords_ok": self.keywords_ok,
            "parts_ok": self.parts_ok,
            "missing_keywords": self.missing_keywords,
            "citation_precision": self.citation_precision,
            "citations": self.citations,
            "retrieved": self.retrieved,
        }
        if self.error:
            d["error"] = self.error
        if it.kind == "district":
            d["predicted_districts"] = self.predicted_districts
            if self.district_prf is not None:
                p, r, f = self.district_prf
                d["district_precision"], d["district_recall"], d["district_f1"] = p, r, f
        return d


@dataclass
class SystemResult:
    name: str
    items: list[ItemResult]
    metrics: dict[str, float | None]
    per_kind: dict[str, dict[str, float | None]]
    n: dict[str, int]  # how many items each metric is averaged over


@dataclass
class Report:
    gold_path: str
    systems: dict[str, SystemResult]  # SYSTEM first, then the baselines that ran
    index_info: dict[str, Any] = field(default_factory=dict)

    @property
    def system(self) -> SystemResult:
        return self.systems[SYSTEM]

    def targets(self) -> list[dict[str, Any]]:
        out = []
        for name, op, value in TARGETS:
            got = self.system.metrics.get(name)
            met = got is not None and (got >= value if op == ">=" else got <= value)
            out.append({"metric": name, "target": f"{op} {value}", "value": got, "met": met})
        return out

    def ahead(self) -> dict[str, dict[str, float | None]]:
        """Per baseline and metric: how far the system is ahead (positive = better, in
        absolute points of the metric; for lower-is-better metrics the sign is flipped)."""
        out: dict[str, dict[str, float | None]] = {}
        for name, res in self.systems.items():
            if name == SYSTEM:
                continue
            row: dict[str, float | None] = {}
            for metric in METRIC_NAMES:
                ours, theirs = self.system.metrics.get(metric), res.metrics.get(metric)
                if ours is None or theirs is None:
                    row[metric] = None
                else:
                    diff = ours - theirs
                    row[metric] = -diff if metric in LOWER_IS_BETTER else diff
            out[name] = row
        return out

    def to_dict(self) -> dict[str, Any]:
        """The `planqa eval --json` output: the system's metrics, the baselines', and per item
        what the system retrieved and answered (plus each baseline's rank and verdict)."""
        sys_res = self.system
        baseline_items = {
            name: {r.item.id: r for r in res.items}
            for name, res in self.systems.items()
            if name != SYSTEM
        }
        items = []
        for r in sys_res.items:
            d = r.to_dict()
            d["baselines"] = {
                name: _baseline_summary(by_id[r.item.id])
                for name, by_id in baseline_items.items()
                if r.item.id in by_id
            }
            items.append(d)
        return {
            "gold": self.gold_path,
            "index": self.index_info,
            "metrics": {**_rounded(sys_res.metrics), "per_kind": _rounded_kinds(sys_res.per_kind)},
            "counts": sys_res.n,
            "targets": self.targets(),
            "baselines": {
                name: {**_rounded(res.metrics), "per_kind": _rounded_kinds(res.per_kind)}
                for name, res in self.systems.items()
                if name != SYSTEM
            },
            "ahead": {name: _rounded(row) for name, row in self.ahead().items()},
            "items": items,
        }


def _baseline_summary(r: ItemResult) -> dict[str, Any]:
    d: dict[str, Any] = {
        "passed": r.passed,
        "failures": r.failures,
        "first_hit_rank": r.first_hit,
        "abstained": r.abstained,
        "keywords_ok": r.keywords_ok,
        "answer": r.answer,
    }
    if r.predicted_districts is not None:
        d["predicted_districts"] = r.predicted_districts
    return d


def _rounded(d: dict[str, float | None]) -> dict[str, float | None]:
    return {k: (None if v is None else round(v, 4)) for k, v in d.items()}


def _rounded_kinds(d: dict[str, dict[str, float | None]]) -> dict[str, dict[str, float | None]]:
    return {k: _rounded(v) for k, v in d.items()}


# --- scoring one item ------------------------------------------------------------------


@dataclass(frozen=True)
class Documents:
    """Which document each chunk stands in (its own span and its duplicates'), the line
    extent of every document in every source file (a file may hold several documents), and
    the chunks standing in each source file."""

    chunk_docs: dict[str, frozenset[str]]
    extents: dict[tuple[str, str], tuple[int, int]]
    in_source: dict[str, tuple[tuple[int, int, str], ...]]
    rows: dict[str, tuple[tuple[str, ...], ...]]  # a table chunk's rows as stored (cells)

    @classmethod
    def of_index(cls, chunks: Any) -> Documents:
        chunk_docs: dict[str, frozenset[str]] = {}
        extents: dict[tuple[str, str], tuple[int, int]] = {}
        in_source: dict[str, list[tuple[int, int, str]]] = {}
        rows = {c.chunk_id: _rows(c) for c in chunks if getattr(c, "rows", ())}
        for c in chunks:
            spans = c.sources
            chunk_docs[c.chunk_id] = frozenset(s.doc_id for s in spans)
            for s in spans:
                lo, hi = extents.get((s.source, s.doc_id), (s.line_start, s.line_end))
                extents[(s.source, s.doc_id)] = (min(lo, s.line_start), max(hi, s.line_end))
                in_source.setdefault(s.source, []).append((s.line_start, s.line_end, c.chunk_id))
        return cls(chunk_docs, extents, {k: tuple(v) for k, v in in_source.items()}, rows)

    def within(self, source: str, start: int, end: int) -> list[str]:
        """The chunks whose lines lie inside lines start..end of `source`."""
        return [cid for lo, hi, cid in self.in_source.get(source, ()) if start <= lo <= hi <= end]

    def of_chunk(self, chunk_id: str) -> frozenset[str]:
        return self.chunk_docs.get(chunk_id, frozenset())

    def of_evidence(self, item: GoldItem) -> frozenset[str]:
        """The documents whose line extent holds an evidence line of `item`. An index names a
        source by its file name; evidence may name it by its path from the repository
        (../shared/external/…/嘉兴.txt)."""
        return frozenset(
            doc
            for e in item.evidence
            for (source, doc), (lo, hi) in self.extents.items()
            if source == Path(e.source).name and lo <= e.line <= hi
        )


def _rows(chunk: Any) -> tuple[tuple[str, ...], ...]:
    """The table rows stored on a chunk at build time (cells only), () for a text chunk."""
    return tuple(tuple(r.cells) for r in getattr(chunk, "rows", ()))


def _passage_record(hit: Any, quotes: tuple[str, ...]) -> dict[str, Any]:
    c = hit.chunk
    return {
        "rank": hit.rank,
        "chunk_id": c.chunk_id,
        "source": c.source,
        "line_start": c.line_start,
        "line_end": c.line_end,
        "section": list(c.section),
        "hit": bool(quotes)
        and m.contains_evidence(m.passage_text(c.section, c.text), quotes, _rows(c)),
        "text": c.text if len(c.text) <= 300 else c.text[:300] + "…",
    }


def _cited_passage(
    c: Any, chunk_text: dict[str, str], documents: Documents | None
) -> tuple[str, tuple[tuple[str, ...], ...]]:
    """What a citation points a reader at, as (text, table rows): its chunk, and every chunk
    standing inside the cited lines (a heading subtree is cited by its heading chunk with the
    lines of its children, whose headings are the answer)."""
    own = chunk_text.get(c.chunk_id, c.quote)
    if documents is None:
        return own, ()
    ids = [c.chunk_id] + [
        i for i in documents.within(c.source, c.line_start, c.line_end) if i != c.chunk_id
    ]
    text = "\n".join([own, *(chunk_text[i] for i in ids[1:] if i in chunk_text)])
    return text, tuple(r for i in ids for r in documents.rows.get(i, ()))


def _effective_filters(question: str, index: Any) -> Any:
    """The filters the answerer applies to this question (a district it names), so that the
    retrieval measured is the one answers are chosen from."""
    try:
        from qa.answer import prepare
    except ImportError:
        return None
    try:
        return prepare(question, index, None)[1]
    except UserError:
        return None


def _qa_answer() -> Any:
    import qa

    return qa.answer


def score_item(
    item: GoldItem,
    searcher: Any,
    chunk_text: dict[str, str],
    filters: Any,
    settings: Any = None,
    districts_supported: bool = True,
    evidence_in_index: bool | None = None,
    previous: Any = None,
    documents: Documents | None = None,
) -> ItemResult:
    """One system's record for one item. `chunk_text` maps chunk ids to passage text
    (`metrics.passage_text`, for citations); `filters` are applied to the retrieval measured.
    `previous` is the answer to the turn before in the same conversation (a follow-up item).
    `documents` says which document each chunk and evidence line stands in (a citation of the
    evidence's document that states the answer supports it: `metrics.supports`)."""
    import qa

    res = ItemResult(item)
    quotes = item.quotes
    query = item.question
    if previous is not None:  # a follow-up is searched as the system reads it, with its place
        query, filters, _ = qa.resolve_follow_up(item.question, previous, searcher, filters)
    # retrieval is measured as the answerer retrieves: with the other forms of the field terms
    # the question names (高企 -> 高新技术企业)
    from qa.terms import expand_query

    hits = searcher.search(expand_query(query), k=RETRIEVE_K, filters=filters)
    res.retrieved = [_passage_record(h, quotes) for h in hits]
    if quotes:
        res.first_hit = m.first_hit_rank(
            [m.passage_text(h.chunk.section, h.chunk.text) for h in hits],
            quotes,
            [_rows(h.chunk) for h in hits],
        )
        table = documents.rows if documents is not None else {}
        res.evidence_in_index = (
            evidence_in_index
            if evidence_in_index is not None
            else any(
                m.contains_evidence(t, quotes, table.get(i, ())) for i, t in chunk_text.items()
            )
        )
    try:
        if previous is not None:
            ans = qa.answer(item.question, searcher, settings=settings, previous=previous)
        else:
            ans = qa.answer(item.question, searcher, settings=settings)
    except UserError as exc:
        res.error = str(exc)
        res.abstained = True
        ans = None
    except Exception as exc:  # noqa: BLE001 - one item's crash is that item's failure
        # an evaluation run reports a bug in the answerer as a failed item (with the error)
        # instead of losing every other item's result
        log.warning("eval: %s crashed the answerer: %r", item.id, exc)
        res.error = f"{type(exc).__name__}: {exc}"
        res.abstained, res.crashed = True, True
        ans = None
    res.answer_object = ans
    home = documents.of_evidence(item) if documents is not None else frozenset()
    keywords = item.answer_keywords
    if ans is not None:
        res.answer, res.abstained, res.mode = ans.answer, ans.abstained, ans.mode
        for c in ans.citations:
            passage, rows = _cited_passage(c, chunk_text, documents)
            same = documents is not None and bool(documents.of_chunk(c.chunk_id) & home)
            res.citations.append(
                {
                    "n": c.n,
                    "chunk_id": c.chunk_id,
                    "source": c.source,
                    "line_start": c.line_start,
                    "line_end": c.line_end,
                    "quote": c.quote,
                    "contains_evidence": bool(quotes)
                    and m.contains_evidence(passage, quotes, rows),
                    "supports": bool(quotes) and m.supports(passage, quotes, keywords, same, rows),
                    "same_document": same,
                }
            )
    if item.kind in ANSWERABLE_KINDS:
        if not res.abstained:
            res.keywords_ok = m.keywords_present(res.answer, item.answer_keywords)
            res.missing_keywords = [
                k for k in item.answer_keywords if not m.keywords_present(res.answer, [k])
            ]
            cited = [_cited_passage(c, chunk_text, documents) for c in ans.citations]
            same = [c["same_document"] for c in res.citations]
            res.citation_precision = m.citation_precision(
                [t for t, _ in cited], quotes, keywords, same, [r for _, r in cited]
            )
        else:
            res.keywords_ok = False
            res.missing_keywords = list(item.answer_keywords)
        if len(item.parts) >= 2:
            res.parts_ok = not res.abstained and m.parts_answered(res.answer, item.parts)
    if item.kind == "district" and districts_supported:
        report = ans.district_report if ans is not None else None
        if report is None:
            try:
                report = qa.districts(item.question, searcher)
            except Exception as exc:  # noqa: BLE001 - as above: recorded, not fatal
                res.error = res.error or f"{type(exc).__name__}: {exc}"
        res.predicted_districts = list(report.asked) if report is not None else []
        res.district_prf = m.district_scores(
            map(_place_key, res.predicted_districts), map(_place_key, item.districts)
        )
    _judge(res)
    return res


def _place_key(name: str) -> str:
    """A place as the gold set and the finder both mean it: a gold set may write a place
    short (三亚, 凉山) where the finder says its full name (三亚市, 凉山彝族自治州)."""
    from corpus import places

    found = places.resolve(name)
    return places.label_of(found) if found is not None else name


def _judge(res: ItemResult) -> None:
    """Failures of one item and the stage they point at: corpus (the evidence is in no chunk:
    lost or altered by cleaning/chunking), index (in a chunk, not retrieved in the top 5), qa
    (retrieved, but the answer, abstention or district set is wrong)."""
    it = res.item
    f: list[str] = ["crash"] if res.crashed else []
    if it.evidence and it.kind != "district" and (res.first_hit is None or res.first_hit > 5):
        f.append("retrieval")
    if it.kind in ANSWERABLE_KINDS:
        if res.abstained:
            f.append("false_abstention")
        elif not res.keywords_ok:
            f.append("keywords")
    if it.kind == "unanswerable" and not res.abstained:
        f.append("answered_unanswerable")
    if it.kind == "district" and res.district_prf is not None and res.district_prf[2] < 1.0:
        f.append("districts")
    res.failures = f
    if not f:
        res.stage = None
    elif "retrieval" in f:
        res.stage = "corpus" if res.evidence_in_index is False else "index"
    else:
        res.stage = "qa"


# --- aggregating -----------------------------------------------------------------------


def aggregate(results: list[ItemResult]) -> tuple[dict[str, float | None], dict[str, int]]:
    """The metrics over a list of item results, and how many items each is averaged over."""
    with_evidence = [r for r in results if r.item.evidence]
    ranks = [r.first_hit for r in with_evidence]
    answerable = [r for r in results if r.item.kind in ANSWERABLE_KINDS]
    keyworded = [r for r in answerable if r.item.answer_keywords]
    unanswerable = [r for r in results if r.item.kind == "unanswerable"]
    district = [r for r in results if r.district_prf is not None]
    multi = [r for r in results if r.parts_ok is not None]
    cited = [r.citation_precision for r in answerable if r.citation_precision is not None]
    metrics: dict[str, float | None] = {
        "recall@1": m.recall_at(ranks, 1) if ranks else None,
        "recall@5": m.recall_at(ranks, 5) if ranks else None,
        "recall@10": m.recall_at(ranks, 10) if ranks else None,
        "mrr": m.mrr(ranks) if ranks else None,
        "keyword_accuracy": m.share(bool(r.keywords_ok) for r in keyworded),
        "citation_precision": m.mean(cited),
        # a crash is no abstention
        "abstention_accuracy": m.share(r.abstained and not r.crashed for r in unanswerable),
        "false_abstentions": m.share(r.abstained for r in answerable),
        "district_precision": m.mean(r.district_prf[0] for r in district if r.district_prf),
        "district_recall": m.mean(r.district_prf[1] for r in district if r.district_prf),
        "district_f1": m.mean(r.district_prf[2] for r in district if r.district_prf),
        "parts_answered": m.share(bool(r.parts_ok) for r in multi),
    }
    counts = {
        "items": len(results),
        "retrieval": len(ranks),
        "keywords": len(keyworded),
        "citations": len(cited),
        "unanswerable": len(unanswerable),
        "answerable": len(answerable),
        "districts": len(district),
        "multi_part": len(multi),
    }
    return metrics, counts


def _system_result(name: str, results: list[ItemResult]) -> SystemResult:
    metrics, counts = aggregate(results)
    per_kind = {}
    for kind in KINDS:
        subset = [r for r in results if r.item.kind == kind]
        if subset:
            per_kind[kind] = aggregate(subset)[0]
    return SystemResult(name, results, metrics, per_kind, counts)


def run(
    gold: list[GoldItem],
    index: Any,
    settings: Any = None,
    baselines: bool = True,
    progress: Progress | None = None,
    gold_path: str | Path = "",
    data_dir: Path | None = None,
) -> Report:
    """Score `index` (and, with `baselines`, BM25-only, dense-only and the naive pipeline)
    on the gold items. `progress(done, total, label)` is called after every item of every
    system. `data_dir` holds the raw files the naive pipeline splits (default: the
    settings' data dir, else the bundled corpus)."""
    from eval.baselines import ModeIndex, NaiveIndex

    systems: list[tuple[str, Any, bool, bool]] = [(SYSTEM, index, True, True)]
    if baselines:
        systems += [("bm25", ModeIndex(index, "bm25"), True, True)]
        systems += [("dense", ModeIndex(index, "dense"), True, True)]
    chunk_text = {c.chunk_id: m.passage_text(c.section, c.text) for c in index.chunks}
    documents = Documents.of_index(index.chunks)
    filters = {item.id: _effective_filters(item.question, index) for item in gold}
    # whether any chunk holds the evidence: the same for every system over these chunks
    in_index = {
        item.id: bool(item.quotes)
        and any(
            m.contains_evidence(t, item.quotes, documents.rows.get(i, ()))
            for i, t in chunk_text.items()
        )
        for item in gold
    }
    total = len(gold) * (len(systems) + (1 if baselines else 0))
    done = 0
    results: dict[str, SystemResult] = {}

    def step(label: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, label)

    follows_supported = "previous" in inspect.signature(_qa_answer()).parameters
    for name, searcher, use_filters, with_districts in systems:
        items = []
        answers: dict[str, Any] = {}
        for item in gold:
            previous = answers.get(item.follows) if item.follows and follows_supported else None
            result = score_item(
                item,
                searcher,
                chunk_text,
                filters[item.id] if use_filters and previous is None else None,
                settings,
                with_districts,
                in_index[item.id],
                previous,
                documents,
            )
            answers[item.id] = result.answer_object
            items.append(result)
            step(f"{name}: {item.id}")
        results[name] = _system_result(name, items)
    if baselines:
        if data_dir is None:
            from corpus.settings import BUNDLED_DATA_DIR

            data_dir = Path(getattr(settings, "data_dir", None) or BUNDLED_DATA_DIR)
        naive = NaiveIndex(index, data_dir)
        naive_text = {c.chunk_id: c.text for c in naive.chunks}
        items = []
        for item in gold:
            # no metadata: no filters, and no district finder to speak of
            items.append(score_item(item, naive, naive_text, None, settings, False))
            step(f"naive: {item.id}")
        results["naive"] = _system_result("naive", items)
    embedder = (getattr(index, "manifest", None) or {}).get("embedder")
    if isinstance(embedder, dict):  # the manifest keeps spec, id and dim
        embedder = embedder.get("id") or embedder.get("spec")
    info = {"chunks": len(index.chunks), "embedder": embedder}
    if baselines:
        info["naive_chunks"] = len(naive.chunks)
    return Report(str(gold_path), results, info)
