"""Comparison questions answered with the indicator table or the topic grid.

"各区2025年研发投入强度目标分别是多少", "比较綦江和大渡口的科技型企业目标", "綦江和大渡口的
科技型企业目标差多少" ask for one indicator across places: the answer is the table's row
(qa/indicators.py), each value cited. "哪些区把氢能、人工智能和科普都写进了规划" asks which
places mention every one of several topics: the answer is the grid (qa/grid.py).
The question is read once into a frame (`comparison_frame`); `answer_stream` calls
`comparison_answer` early and falls through when it returns None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from qa.types import Answer, Citation

# a question that compares places: 各区…分别, 比较/对比 A 和 B, A 和 B…差多少
_COMPARE = re.compile(
    r"各(?:区县|区|县|市|省|地区|地)|分别|比较|对比|相比|差多少|差距|相差|高多少|低多少|谁(?:更)?高|排名"
)
# …about a quantity
_MEASURE = re.compile(r"目标|指标|多少|比重|强度|占比|之比|比例|数量|增长|增速|达到|预期")
# the words around the indicator in a comparison question (removed as phrases, so that 同 in
# 技术合同 or 有 in 拥有量 stay)
_FILLER = re.compile(
    r"各(?:区县|区|县|市|省|地区|地)|分别|比较一下|比较|对比一下|对比|相比|差多少|差距|相差|高多少"
    r"|低多少|谁(?:更)?高|排名|(?:到)?(?:19|20)\d{2}\s*年(?:的|末|底)?|“?十[一二三四五]五”?(?:时期)?(?:的)?"
    r"|(?:规划|文件)(?:中|里)?(?:的)?|(?:的)?(?:目标值|目标|指标)(?:是|为|有)?(?:多少|几)?"
    r"|(?:是|为|有)多少|多少|预期|之间|[？?。！!，,：:\s]"
)
_PLACE_MARK = "\x00"
_BETWEEN_PLACES = re.compile(r"\x00\s*(?:和|与|及|跟|同|、|,|，)\s*(?=\x00)")
# which places mention all of several topics: 哪些区把氢能、人工智能和科普都写进了规划
_ALL = re.compile(r"都|均|同时|全部")


@dataclass(frozen=True)
class ComparisonFrame:
    kind: str  # "indicators" | "grid"
    topics: tuple[str, ...]
    places: tuple[str, ...]  # places the question names (the index's labels)


def comparison_frame(question: str, index: Any) -> ComparisonFrame | None:
    """The comparison a question asks for, or None (not a comparison question)."""
    from qa.districts import extract_topic, is_district_question
    from qa.filters import districts_named_in
    from qa.grid import split_topics

    named, _ = districts_named_in(question, index)
    if is_district_question(question) and _ALL.search(question):
        try:
            topic = extract_topic(question)
        except Exception:  # noqa: BLE001 - no topic: not a grid question
            return None
        topic = re.sub(r"^把|(?:都|均|同时|全部).*$", "", topic)
        topics = split_topics(re.sub(r"和|及|与|以及", "、", topic))
        if len(topics) >= 2:
            return ComparisonFrame("grid", tuple(topics), tuple(named))
        return None
    if not (_COMPARE.search(question) and _MEASURE.search(question)):
        return None
    # one place named: "分别" splits what is asked of it (城镇和农村…分别增长多少), not places
    if len(named) == 1 or (
        not named and not re.search(r"各(?:区县|区|县|市|省|地区|地)|分别", question)
    ):
        return None
    rest = question
    for name in _place_words(named):
        rest = rest.replace(name, _PLACE_MARK)
    rest = _BETWEEN_PLACES.sub(_PLACE_MARK, rest).replace(_PLACE_MARK, " ")
    topic = _FILLER.sub("", rest).strip("的和与及是")
    return ComparisonFrame("indicators", (topic,), tuple(named)) if len(topic) >= 2 else None


def _place_words(names: list[str]) -> list[str]:
    """The names and their short forms (綦江区 -> 綦江), longest first."""
    words = set(names)
    for n in names:
        short = re.sub(r"(?:区|县|市|省)$", "", n)
        if len(short) >= 2:
            words.add(short)
    return sorted(words, key=len, reverse=True)


def comparison_answer(
    question: str, index: Any, filters: Any = None, settings: Any = None
) -> Answer | None:
    """The answer to a comparison question, or None when it is not one (or the index has no
    indicator or place that fits, so the ordinary answer is tried)."""
    frame = comparison_frame(question, index)
    if frame is None:
        return None
    places = list(frame.places)
    if not places and filters is not None and getattr(filters, "districts", None):
        places = list(filters.districts)
    if frame.kind == "grid":
        return _grid_answer(question, frame, index, places)
    groups = getattr(settings, "indicator_groups", None)
    return _indicator_answer(question, frame, index, places, groups)


def _citation(n: int, index: Any, ind: Any, place: str) -> Citation:
    """Marker n for an indicator: the chunk holding its lines, quoting its row or sentence."""
    chunk = next(
        (
            c
            for c in index.chunks_for(doc_id=ind.doc_id)
            if c.line_start <= ind.line_start <= c.line_end
        ),
        None,
    )
    if chunk is not None and ind.quote in chunk.text:
        return Citation.from_chunk(n, chunk, ind.quote)
    return Citation(
        n,
        chunk.chunk_id if chunk is not None else "",
        ind.doc_id,
        ind.title,
        place,
        tuple(ind.section),
        ind.quote,
        ind.source,
        ind.line_start,
        ind.line_end,
    )


def _number(v: Any) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def _indicator_answer(
    question: str,
    frame: ComparisonFrame,
    index: Any,
    places: list[str],
    groups_file: Any = None,
) -> Answer | None:
    from corpus.errors import UserError
    from qa.indicators import compare_indicators

    try:
        table = compare_indicators(
            index, frame.topics[0], places=places or None, groups_file=groups_file
        )
    except UserError:
        return None
    from qa.indicators import name_key

    wanted = name_key(frame.topics[0])
    # the row whose name normalises as the asked one's, then the one named exactly so, then
    # the one covering most places
    rows = sorted(
        (r for r in table.rows if r.cells),
        key=lambda r: (
            all(name_key(n) != wanted for n in r.names),
            frame.topics[0] not in r.names,
            -len(r.cells),
        ),
    )
    if not rows:
        return None
    row = rows[0]
    asked = re.search(r"((?:19|20)\d{2})\s*年", question)
    year = int(asked.group(1)) if asked else None
    citations: list[Citation] = []
    parts: list[str] = []
    other_years: list[str] = []

    def off_year(c: Any) -> bool:
        return bool(year and c.target and c.target.year and c.target.year != year)

    for c in sorted(row.cells, key=off_year):  # the asked year first, so markers run in order
        n = len(citations) + 1
        citations.append(_citation(n, index, c.indicator, c.place))
        t, b = c.target, c.baseline
        when = f"{t.year}年" if t and t.year else ""
        text = f"{c.place}{when}目标{t.display(c.unit) if t else '—'}"
        if b is not None and b.number is not None:
            text += f"（{f'{b.year}年' if b.year else ''}基期{b.display(c.unit)}）"
        if c.value_conflicts:
            text += "，另有来源记为" + "、".join(f"{x.value}" for x in c.value_conflicts)
        if off_year(c):
            other_years.append(f"{text}[{n}]")
        else:
            parts.append(f"{text}[{n}]")
    unit = f"（{row.unit}）" if row.unit else ""
    answer = f"{row.label}{unit}：" + ("；".join(parts) or "无") + "。"
    if other_years:
        answer += f"不是{year}年的目标：" + "；".join(other_years) + "。"
    targets = [
        c
        for c in row.cells
        if c.target and c.target.number is not None and (not year or c.target.year == year)
    ]
    if len(targets) == 2 and len(row.cells) == 2 and targets[0].unit == targets[1].unit:
        a, b = targets
        diff = a.target.number - b.target.number
        answer += (
            f"两者目标相差{_number(abs(round(diff, 6)))}{row.unit}"
            f"（{a.place if diff >= 0 else b.place}更高）。"
        )
    missing = [p for p in places if not row.cell(p)]
    if missing:
        answer += f"未找到{'、'.join(missing)}的这一指标。"
    if len(rows) > 1:
        answer += "相关指标还有：" + "、".join(r.label for r in rows[1:4]) + "（见指标对比）。"
    return Answer(
        question,
        answer,
        False,
        "indicators",
        tuple(citations),
        extra={"indicators": table.to_dict()},
    )


def _grid_answer(
    question: str, frame: ComparisonFrame, index: Any, places: list[str]
) -> Answer | None:
    from qa.grid import topic_grid

    grid = topic_grid(list(frame.topics), index, places=places or None)
    both = grid.places_mentioning_all()
    citations: list[Citation] = []
    parts = []
    for p in both:
        marks = []
        for t in grid.topics:
            e = grid.cell(p, t).evidence
            if e is None:
                continue
            n = len(citations) + 1
            citations.append(Citation.from_evidence(n, e, p))
            marks.append(f"{t}[{n}]")
        parts.append(f"{p}（{'、'.join(marks)}）")
    topics = "、".join(grid.topics)
    if parts:
        answer = (
            f"同时提到{topics}的地区（{len(both)}/{len(grid.places)}）：" + "；".join(parts) + "。"
        )
    else:
        answer = f"没有地区同时提到{topics}。"
    others = []
    for p in grid.places:
        if p in both:
            continue
        has = [t for t in grid.topics if grid.cell(p, t).mentioned]
        others.append(f"{p}只提到{'、'.join(has)}" if has else f"{p}都未提到")
    if others:
        answer += "；".join(others) + "。"
    return Answer(
        question, answer, not both, "indicators", tuple(citations), extra={"grid": grid.to_dict()}
    )
