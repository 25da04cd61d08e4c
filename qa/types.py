"""Records the qa stage returns: answers with citations, and district reports."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

from corpus.model import Chunk, SourceSpan
from corpus.quotes import quote_lines
from index.types import Hit

AnswerMode = Literal["extractive", "generative", "districts", "indicators"]


@dataclass(frozen=True)
class Citation:
    n: int  # the [n] marker in the answer text
    chunk_id: str
    doc_id: str
    title: str
    district: str | None
    section: tuple[str, ...]
    quote: str  # the sentence(s) / table row the answer rests on
    source: str
    line_start: int  # the lines holding the quote (corpus.quote_lines) …
    line_end: int
    also_in: tuple[SourceSpan, ...] = ()  # the same passage in other copies
    # … and the whole passage's lines (None in records made before quotes were placed)
    passage_line_start: int | None = None
    passage_line_end: int | None = None
    # the pages the quote's lines stand on (PDF sources; None for other formats)
    page_start: int | None = None
    page_end: int | None = None

    @classmethod
    def from_chunk(
        cls, n: int, chunk: Chunk, quote: str, also_in: tuple[SourceSpan, ...] | None = None
    ) -> Citation:
        """Marker n citing `quote` in `chunk` (the chunk's own other copies unless given)."""
        placed = _placed(chunk, quote)
        if also_in is not None:
            placed["also_in"] = also_in
        return cls(n=n, district=chunk.district, **placed)

    @classmethod
    def from_evidence(cls, n: int, evidence: Evidence, district: str | None) -> Citation:
        """Marker n citing a place report's evidence (its lines, passage and pages)."""
        said = {f.name: getattr(evidence, f.name) for f in fields(evidence) if f.name != "score"}
        return cls(n=n, district=district, **said)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["section"] = list(self.section)
        d["also_in"] = [s.to_dict() for s in self.also_in]
        return d


@dataclass(frozen=True)
class Evidence:
    chunk_id: str
    doc_id: str
    title: str
    section: tuple[str, ...]
    quote: str
    source: str
    line_start: int  # the lines holding the quote, as in Citation
    line_end: int
    score: float = 0.0
    also_in: tuple[SourceSpan, ...] = ()  # the same passage in other copies (additive)
    passage_line_start: int | None = None
    passage_line_end: int | None = None
    page_start: int | None = None  # the quote's pages, as in Citation
    page_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["section"] = list(self.section)
        d["score"] = round(float(self.score), 6)
        d["also_in"] = [s.to_dict() for s in self.also_in]
        return d

    @classmethod
    def of(cls, chunk: Chunk, quote: str, score: float) -> Evidence:
        """`quote`, a piece of `chunk`, as evidence: where it stands in its source."""
        return cls(score=score, **_placed(chunk, quote))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(
            chunk_id=d["chunk_id"],
            doc_id=d["doc_id"],
            title=d["title"],
            section=tuple(d.get("section") or ()),
            quote=d["quote"],
            source=d["source"],
            line_start=d["line_start"],
            line_end=d["line_end"],
            score=float(d.get("score", 0.0)),
            also_in=tuple(SourceSpan(**s) for s in d.get("also_in") or ()),
            passage_line_start=d.get("passage_line_start"),
            passage_line_end=d.get("passage_line_end"),
            page_start=d.get("page_start"),
            page_end=d.get("page_end"),
        )


@dataclass(frozen=True)
class DistrictResult:
    district: str
    mentioned: bool
    # the best evidence sentence's cosine similarity to the topic (0–1), plus 1 when a
    # passage contains the topic or a synonym verbatim: >= 1 is a mention in so many words
    score: float
    evidence: tuple[Evidence, ...] = ()
    # passages that mention the topic: those containing it verbatim, else (a mention by
    # meaning) those read whose best sentence reaches the semantic threshold
    mentions: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "district": self.district,
            "mentioned": self.mentioned,
            "score": round(float(self.score), 6),
            "mentions": self.mentions,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DistrictResult:
        return cls(
            d["district"],
            bool(d["mentioned"]),
            float(d["score"]),
            tuple(Evidence.from_dict(e) for e in d.get("evidence") or ()),
            int(d.get("mentions") or 0),
        )

    def rank_key(self) -> tuple[bool, float, int, str]:
        """Mentioned first, then the higher score, then more mentions, then the name."""
        return (not self.mentioned, -round(float(self.score), 6), -self.mentions, self.district)


# per aspect of a place question: the answer's phrase for a place that qualified, the table's
# marks for one that did and one that did not, and the answer's phrase for one that did not
_SAYINGS = {
    "mention": ("提到“{topic}”", "提到", "未提到", "未提到"),
    "target": ("设定了“{topic}”目标", "设定", "未设定", "未设定"),
    "figure": ("给出了“{topic}”数字", "给出", "未给出", "未给出"),
    "bound": ("“{topic}”目标{bound}", "达到", "未达到", "未达此数或未设定"),
}


@dataclass(frozen=True)
class DistrictReport:
    topic: str  # the topic as extracted from the user's text
    districts: tuple[DistrictResult, ...]  # one entry for every district in the index
    terms: tuple[str, ...] = ()  # the topic and the synonyms that were matched
    # the level of the places listed: province, city, county, or mixed (哪些地方 over
    # documents of several levels: each document's own place)
    level: str = "county"
    # what a place's evidence must state beyond the topic: "target" (哪些市设定了CPI目标),
    # "figure", or None (any mention)
    aspect: str | None = None
    bound: str | None = None  # a target's bound as the user said it (超过3万人)
    negated: bool = False  # the question asks for the places that did not (谁没给…)

    @property
    def mentioned(self) -> tuple[str, ...]:
        return tuple(r.district for r in self.districts if r.mentioned)

    @property
    def asked(self) -> tuple[str, ...]:
        """The places the question asks for: those that mention the topic, or those that do
        not when it asks who did not."""
        return tuple(r.district for r in self.districts if r.mentioned != self.negated)

    def ranked(self) -> tuple[DistrictResult, ...]:
        """The places in the order every edge shows them (DistrictResult.rank_key); the
        record keeps the order it was built in (a comparison's, as the user named them)."""
        return tuple(sorted(self.districts, key=DistrictResult.rank_key))

    @property
    def level_name(self) -> str:
        """What the places are called in Chinese: 省, 市, 区县 or 地方."""
        return {"province": "省", "city": "市", "mixed": "地方"}.get(self.level, "区县")

    @property
    def verb(self) -> tuple[str, str]:
        """How the answer says a place qualified and did not: 提到“X” / 未提到 for a mention,
        设定了“X”目标 / 未设定 for a target, 给出了“X”数字 / 未给出 for a figure, “X”目标超过…
        / 未达此数或未设定 for a target's bound."""
        said, _, _, did_not = self._saying
        return said.format(topic=self.topic, bound=self.bound), did_not

    @property
    def marks(self) -> tuple[str, str]:
        """The one word a table marks a place with: 提到 / 未提到, 设定 / 未设定, 给出 / 未给出,
        达到 / 未达到."""
        _, yes, no, _ = self._saying
        return yes, no

    @property
    def _saying(self) -> tuple[str, str, str, str]:
        return _SAYINGS["bound" if self.bound else self.aspect or "mention"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "terms": list(self.terms),
            "level": self.level,
            "aspect": self.aspect,
            "bound": self.bound,
            "negated": self.negated,
            "districts": [r.to_dict() for r in self.districts],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DistrictReport:
        """The report back from its to_dict() form (what the UI keeps between events)."""
        return cls(
            topic=d["topic"],
            districts=tuple(DistrictResult.from_dict(r) for r in d["districts"]),
            terms=tuple(d.get("terms") or ()),
            level=d.get("level") or "county",
            aspect=d.get("aspect"),
            bound=d.get("bound"),
            negated=bool(d.get("negated")),
        )


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str  # Chinese text with [n] markers
    abstained: bool
    mode: AnswerMode
    citations: tuple[Citation, ...] = ()
    hits: tuple[Hit, ...] = ()  # the retrieved passages the answer was chosen from
    notice: str | None = None  # e.g. "LLM endpoint unreachable; extractive answer shown"
    district_report: DistrictReport | None = None  # set when mode == "districts"
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "mode": self.mode,
            "notice": self.notice,
            "citations": [c.to_dict() for c in self.citations],
            "results": [h.to_dict() for h in self.hits],
        }
        if self.district_report is not None:
            d["districts"] = self.district_report.to_dict()["districts"]
        return d


def _placed(chunk: Chunk, quote: str) -> dict[str, Any]:
    """What a citation and a piece of evidence say of `quote` in `chunk`: its document, section,
    source, lines and pages, and the passage's other copies."""
    return {
        "chunk_id": chunk.chunk_id,
        "doc_id": chunk.doc_id,
        "title": chunk.title,
        "section": tuple(chunk.section),
        "quote": quote,
        "source": chunk.source,
        **quote_and_passage_lines(chunk, quote),
        "also_in": tuple(chunk.also_in),
    }


def quote_and_passage_lines(chunk: Chunk, quote: str) -> dict[str, int | None]:
    """A citation's line fields: the quote's own lines (and their pages), and the passage's."""
    first, last = quote_lines(chunk, quote)
    page_start, page_end = chunk.pages_of(first, last)
    return {
        "line_start": first,
        "line_end": last,
        "passage_line_start": chunk.line_start,
        "passage_line_end": chunk.line_end,
        "page_start": page_start,
        "page_end": page_end,
    }


def page_label(page_start: int | None, page_end: int | None) -> str:
    """第3页 / 第3–4页 for a passage in a PDF; "" when the source has no pages."""
    if page_start is None:
        return ""
    if page_end is None or page_end == page_start:
        return f"第{page_start}页"
    return f"第{page_start}–{page_end}页"
