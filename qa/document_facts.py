"""Place questions about the documents themselves, not about what they say: whose documents
are of a kind (哪个地方的文件是年度工作要点，而不是五年规划), five-year plans of a period (哪些地方的
文件是覆盖2021—2025年的五年规划), or were issued in a year (这些地方的文件里，哪些是2022年印发的).
They are answered from each document's attributes (type, title, date: corpus.model.Document),
with a line of the document as evidence, since no passage says "this document is a plan"."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from corpus.model import Document
from qa.asked_documents import DOCUMENT_KINDS
from qa.scoring import Searchable
from qa.types import DistrictReport, DistrictResult, Evidence

# the five-year periods, as plans name them
FIVE_YEAR_PERIODS = {
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
}
_SPAN = re.compile(r"((?:19|20)\d\d)\s*(?:年)?\s*[—–\-~～至到]+\s*((?:19|20)\d\d)")
_PERIOD_NAME = re.compile("|".join(FIVE_YEAR_PERIODS))
# the documents asked as being of a kind: 文件本身就是…规划, 哪个的文件是年度工作要点 (not 规划里
# 提到…, nor 不是…规划)
_IS_KIND = re.compile(
    r"(?:文件|文本)?(?:本身)?(?:就)?(?<!不)(?P<verb>是|属于|有)"
    # (not a place in the documents, 是写在规划里的, nor a question, 提到氢能的是哪份报告)
    r"(?P<what>(?![^？?，,。；;]*(?:提|写|讲|说|谈|涉及|列|在|里|中|哪|谁|什么))[^？?，,。；;]*?"
    rf"(?:{'|'.join(w for w, _ in DOCUMENT_KINDS)}))"
    r"(?:文件)?(?:吗|呢)?[？?。]*$"
)
# …with the kind it is not said after it: 是年度工作要点，而不是五年规划
_NOT_KIND = re.compile(r"[，,]\s*(?:而)?(?:并)?不是[^？?。]*(?=[？?。]*$)")
# …as issued in a year: 哪些是2022年印发的, 哪个地方的文件是2024年发布的
_ISSUED = re.compile(
    r"(?:是|在)(?P<year>(?:19|20)\d\d)年(?:\d{1,2}月)?(?:份)?"
    r"(?:印发|发布|出台|制定|颁布|发文|下发|成文|公布)(?:的)?(?:文件)?[？?。]*$"
)
# …or the plans named first, and the period they are of: 规划是管2021—2025年“十四五”时期的
_PLAN_OF_PERIOD = re.compile(
    r"的[\u4e00-\u9fff]{0,8}规划(?:[，,]\s*(?:其)?(?:规划期|期限|时间跨度))?(?:都)?(?:是|为)"
    r"(?:管|覆盖|针对|面向|关于)?"
    r"(?P<period>[^？?，,。；;]{2,24}?)(?:时期|期间|阶段)?(?:的)?[？?。]*$"
)
# a plan's last year said alone: 目标年为2025年的规划, 到2035年的规划
_TARGET_YEAR = re.compile(r"(?:目标年(?:份)?|规划期末|期末|到|至)(?:为|是)?((?:19|20)\d\d)年?")
_FIRST_LINES = 12  # where a plan states its period when its title does not


@dataclass(frozen=True)
class DocumentFact:
    """What the question asks the documents to be: `said`, as the user said it; of a `kind`
    (corpus.model's doc_type) and, a plan, of `years` (None: any); or issued in `issued` (a
    year)."""

    said: str
    kind: str | None = None
    years: tuple[int | None, int] | None = None
    issued: str | None = None

    def holds(self, document: Document) -> bool:
        if self.issued is not None:
            return bool(document.date) and document.date[:4] == self.issued
        if document.doc_type != self.kind:
            return False
        if self.years is None:
            return True
        covered = plan_years(document)
        first, last = self.years
        return covered is not None and covered[1] == last and first in (None, covered[0])


def document_fact(question: str) -> DocumentFact | None:
    """The fact about the documents `question` asks which places' documents hold, or None
    when it asks about what they say."""
    issued = _ISSUED.search(question)
    if issued:
        return DocumentFact(issued.group(0).strip("？?。"), issued=issued["year"])
    said = _IS_KIND.search(_NOT_KIND.sub("", question))
    if said is None:
        # the plans named, then the period: 哪些地方的科技创新规划是管2021—2025年的
        plan = _PLAN_OF_PERIOD.search(question)
        years = _years_said(plan["period"]) if plan else None
        return DocumentFact(plan.group(0)[1:].strip("？?。"), "plan", years) if years else None
    what = said["what"]
    kind = next(k for word, k in DOCUMENT_KINDS if what.endswith(word))
    years = _years_said(what) if kind == "plan" else None
    if said["verb"] == "有" and (kind != "plan" or (years is None and "五年" not in what)):
        return None  # (哪些地方有科技规划 asks what they say: a document named with no period)
    return DocumentFact(what, kind, years)


def _years_said(text: str) -> tuple[int | None, int] | None:
    """The first and last years `text` says a plan covers; the first None when it says only
    the last (目标年为2025年)."""
    span = _SPAN.search(text)
    if span:
        return int(span[1]), int(span[2])
    named = _PERIOD_NAME.search(text)
    if named:
        return FIVE_YEAR_PERIODS[named[0]]
    last = _TARGET_YEAR.search(text)
    return (None, int(last[1])) if last else None


def plan_years(document: Document) -> tuple[int | None, int] | None:
    """The years a plan covers, as its title says them (“十四五”, 2021—2025年), else its first
    lines."""
    said = _years_said(document.title or "")
    if said is None and document.lines:
        said = _years_said("\n".join(document.lines[:_FIRST_LINES]))
    return said


def fact_report(
    fact: DocumentFact,
    index: Searchable,
    only: list[str] | tuple[str, ...] | None,
    levels: tuple[str, ...],
) -> DistrictReport:
    """The places asked (`only`, else every place with documents of its own, at `levels` when
    the question names any), each listed as holding `fact` when one of its documents does,
    with the line of that document that shows it."""
    from qa.filters import level_of_places, resolve_districts

    places = sorted({d.district for d in index.documents if d.district and not d.duplicate_of})
    if only:
        places = resolve_districts(list(only), index)
    elif levels:
        places = [p for p in places if level_of_places([p]) in levels]
    results = []
    for place in places:
        held = [d for d in index.documents if d.district == place and fact.holds(d)]
        evidence = tuple(e for d in held[:3] if (e := _shown(d, index, fact)) is not None)
        results.append(DistrictResult(place, bool(held), 1.0 if held else 0.0, evidence))
    level = level_of_places(places) if len({level_of_places([p]) for p in places}) == 1 else "mixed"
    return DistrictReport(fact.said, tuple(results), level=level)


def _shown(document: Document, index: Searchable, fact: DocumentFact) -> Evidence | None:
    """The document's line that shows the fact: its date for a year, its name for a kind."""
    chunks = index.chunks_for(doc_id=document.doc_id)
    if not chunks:
        return None
    wanted: list[Callable[[str], bool]] = [lambda line: bool(line.strip())]
    if fact.issued:  # (a date is signed at the end: every passage is read)
        dated = re.compile(rf"{fact.issued}\s*年\s*\d{{1,2}}\s*月")
        wanted.insert(0, lambda line: dated.search(line) is not None)
    else:
        words = [w for w, k in DOCUMENT_KINDS if k == fact.kind]
        wanted.insert(0, lambda line: any(w in line for w in words))
        chunks = chunks[:3]
    for keep in wanted:
        for chunk in chunks:
            line = next((x for x in chunk.text.splitlines() if keep(x)), None)
            if line:
                return Evidence.of(chunk, line.strip()[:80], 1.0)
    return None
