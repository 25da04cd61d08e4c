"""Indicators as data: every target a document states, read once at build time.

Two sources: the rows of indicator tables (a name column, year or 目标 columns, optional
单位 and 指标属性 columns; the table's footnotes attach to the rows they name) and prose
targets ("到2025年，全社会研发投入强度达到3%", "地区生产总值增长5%左右", "新增高新技术企业
100家以上"). Prose is read only where a document states targets (a sentence with 到20XX年,
预期目标, 主要目标, 力争…), or where a clause opens with its year ("2020年技术合同成交额
5.1亿元", an actual value), so a work report's review of last year is not taken for targets.
Every value keeps its citation: document, source file, lines (and page), the sentence or row.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

from corpus.model import Document
from corpus.structure import Heading, Paragraph, TableBlock, analyse
from corpus.tables import Table, name_column

# --- values ------------------------------------------------------------------------------

_UNIT_WORDS = (
    "个百分点|百分点|件/万人|人/万人|人年|人次|平方公里|平方米|立方米|千瓦时|千瓦|公里|千米"
    "|公顷|元|人|家|个|件|项|斤|吨|亩|辆|户|座|所|名|台|套|次|张|床|篇|例|场|批|支|只|万"
)
# a unit: %, ‰, or a counted word with an optional magnitude (万人, 亿元, 亿斤)
_UNIT = rf"(?:%|‰|(?:[万亿千百]|万亿)?(?:{_UNIT_WORDS}))"
_NUMBER = r"\d+(?:\.\d+)?(?:\s*[-—~～至]\s*\d+(?:\.\d+)?)?"
_PRE_QUALIFIER = r"[<>≥≤＞＜]|约|超过|不低于|不少于|不超过|不高于"
_POST_QUALIFIER = r"左右|以上|以内|以下|上下|之内"
_VALUE = re.compile(
    rf"^\s*(?P<pre>{_PRE_QUALIFIER})?\s*(?P<num>{_NUMBER})\s*(?P<unit>%|‰)?\s*"
    rf"(?P<post>{_POST_QUALIFIER})?\s*$"
)
_NO_VALUE = re.compile(r"^[-/—–\s]*$")
_SYMBOL = {
    "＞": ">",
    "＜": "<",
    "超过": ">",
    "不低于": "≥",
    "不少于": "≥",
    "不超过": "≤",
    "不高于": "≤",
}


@dataclass(frozen=True)
class IndicatorValue:
    """One value of an indicator: its role (baseline, target, or actual: a value the text
    reports for a year), year, the text as printed, the number, a qualifier (>, ≥, 左右, 以上…)
    and the column or phrase it was read under (2025年, “十三五”目标, 到2025年)."""

    role: str
    year: int | None
    raw: str
    number: float | None
    qualifier: str = ""
    label: str = ""
    note: str = ""  # a footnote on this value (大渡口: the 2020 column holds 2019 data)

    def display(self, unit: str = "") -> str:
        """The value as a reader writes it, with `unit` if given: ≥15, 5%左右, 100家以上; the
        raw text when there is no number (/, -)."""
        if self.number is None:
            return self.raw
        number = self.raw_number()
        if self.qualifier in (">", "≥", "<", "≤", "约"):
            return f"{self.qualifier}{number}{unit}"
        return f"{number}{unit}{self.qualifier}"

    def raw_number(self) -> str:
        """The number as printed (1-2 stays a range), without qualifier or unit."""
        m = re.search(_NUMBER, self.raw.replace("％", "%"))
        return re.sub(r"\s+", "", m.group(0)) if m else self.raw


def parse_value(raw: str) -> tuple[float | None, str, str]:
    """(number, qualifier, unit found in the cell) of a table cell or a prose value:
    "≥15" -> (15.0, "≥", ""), "10%" -> (10.0, "", "%"), "1-2" -> (1.0, "", ""), "/" -> None."""
    text = raw.strip().replace("％", "%").replace("，", "")
    if _NO_VALUE.match(text):
        return None, "", ""
    m = _VALUE.match(text)
    if not m:
        return None, "", ""
    pre = m.group("pre") or ""
    qualifier = _SYMBOL.get(pre, pre) or m.group("post") or ""
    first = re.match(r"\d+(?:\.\d+)?", m.group("num"))
    return (float(first.group(0)) if first else None), qualifier, m.group("unit") or ""


# --- records -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    """One indicator of one document with its values and its citation."""

    indicator_id: str  # hash of document, lines and name: stable across builds
    name: str  # as printed, a unit in brackets removed: "R&D经费支出占GDP比重"
    unit: str
    attribute: str | None  # 预期性 | 约束性 | None
    values: tuple[IndicatorValue, ...]
    kind: str  # table | prose
    doc_id: str
    title: str
    district: str | None
    place_level: str | None
    doc_type: str
    source: str
    line_start: int
    line_end: int
    section: tuple[str, ...]
    quote: str  # the row as it reads, or the sentence
    caption: str = ""  # the table's caption
    notes: tuple[str, ...] = ()
    duplicate_of: str | None = None  # the document's canonical copy
    page_start: int | None = None
    page_end: int | None = None

    @property
    def target(self) -> IndicatorValue | None:
        targets = [v for v in self.values if v.role == "target"]
        return max(targets, key=lambda v: v.year or 0) if targets else None

    @property
    def baseline(self) -> IndicatorValue | None:
        bases = [v for v in self.values if v.role == "baseline"]
        return max(bases, key=lambda v: v.year or 0) if bases else None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["section"] = list(self.section)
        d["notes"] = list(self.notes)
        d["values"] = [asdict(v) for v in self.values]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Indicator:
        d = dict(d)
        d["values"] = tuple(IndicatorValue(**v) for v in d.get("values") or ())
        d["section"] = tuple(d.get("section") or ())
        d["notes"] = tuple(d.get("notes") or ())
        return cls(**d)


def _make(doc: Document, name: str, lines: tuple[int, ...], **fields: Any) -> Indicator:
    key = f"{doc.doc_id}|{min(lines)}|{max(lines)}|{name}|{fields.get('kind')}"
    pages = doc.page_lines(lines)
    return Indicator(
        indicator_id=hashlib.sha1(key.encode()).hexdigest()[:16],
        name=name,
        doc_id=doc.doc_id,
        title=doc.title,
        district=doc.district,
        place_level=doc.place_level,
        doc_type=doc.doc_type,
        source=doc.source,
        line_start=min(lines),
        line_end=max(lines),
        duplicate_of=doc.duplicate_of,
        page_start=pages[0][1] if pages else None,
        page_end=pages[-1][1] if pages else None,
        **fields,
    )


# --- tables ------------------------------------------------------------------------------

_YEAR_HEADER = re.compile(r"^((?:19|20)\d{2})(?:年)?(?:年末|年底)?$")
_PERIOD_YEAR = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
_NAME_UNIT = re.compile(r"\s*[（(]([^（）()]{1,8})[)）]\s*$")
_ATTRIBUTE = re.compile(r"属性|预期值|性质")


def _period_year(text: str) -> int | None:
    for period, end in _PERIOD_YEAR.items():
        if period in text:
            return end
    return None


def _column_roles(header: tuple[str, ...]) -> dict[int, tuple[str, int | None]]:
    """Which columns hold values: {column: (role, year)}. Year columns: the last is the
    target, earlier ones baselines; "“十三五”目标" is a target, "“十三五”初期" a baseline
    (the period's first year minus one); a year column beside a 目标 column is an actual."""
    roles: dict[int, tuple[str, int | None]] = {}
    years = {i: int(m.group(1)) for i, h in enumerate(header) if (m := _YEAR_HEADER.match(h))}
    target_cols = {i for i, h in enumerate(header) if "目标" in h}
    for i in target_cols:
        roles[i] = ("target", _period_year(header[i]))
    for i, h in enumerate(header):
        if "初期" in h or "基期" in h or "基数" in h:
            end = _period_year(h)
            roles[i] = ("baseline", end - 5 if end else None)
    if years:
        last = max(years, key=lambda i: (years[i], i))
        for i, y in years.items():
            if target_cols:
                roles[i] = ("actual", y)
            else:
                roles[i] = ("target" if i == last and len(years) > 1 else "baseline", y)
        if len(years) == 1 and not target_cols:
            roles[last] = ("target", years[last])
    return roles


def is_indicator_table(table: Table) -> bool:
    """A table of indicators: value columns (years or 目标) and rows that hold numbers."""
    roles = _column_roles(table.header)
    if not roles or not any(r == "target" for r, _ in roles.values()):
        return False
    numeric = sum(
        1
        for row in table.rows
        for i in roles
        if i < len(row) and parse_value(row[i])[0] is not None
    )
    return numeric >= max(1, len(table.rows) // 2)


def _attribute(text: str) -> str | None:
    if "约束" in text:
        return "约束性"
    if "预期" in text:
        return "预期性"
    return None


_NOTE_YEAR = re.compile(r"为((?:19|20)\d{2})年(?:的)?数据")


def _notes_for(name: str, notes: tuple[str, ...]) -> list[str]:
    """The table footnotes that name this row (a note listing 研究与试验发展经费支出占地区生产
    总值比重、万人发明专利拥有量 applies to both)."""
    out = []
    for note in notes:
        items = re.split(r"[、，,和及]", re.split(r"为|是|指|：|:", note, maxsplit=1)[0])
        if any(len(x) >= 4 and (x in name or name in x) for x in items) or name in note:
            out.append(note)
    return out


def table_indicators(doc: Document, table: Table, section: tuple[str, ...]) -> list[Indicator]:
    if not is_indicator_table(table):
        return []
    header = table.header
    roles = _column_roles(header)
    name_col = name_column(header)
    unit_col = next((i for i, h in enumerate(header) if h == "单位" or h.startswith("单位")), None)
    attr_col = next((i for i, h in enumerate(header) if _ATTRIBUTE.search(h)), None)
    raw_header = table.header_raw or header
    out = []
    for row, row_lines in zip(table.rows, table.row_lines, strict=False):
        if name_col >= len(row) or not row[name_col].strip():
            continue
        name = row[name_col].strip()
        unit = row[unit_col].strip() if unit_col is not None and unit_col < len(row) else ""
        m = _NAME_UNIT.search(name)
        if m:
            name, unit = name[: m.start()].strip(), unit or m.group(1)
        notes = _notes_for(name, table.notes)
        values = []
        for i, (role, year) in sorted(roles.items()):
            if i >= len(row) or not row[i].strip():
                continue
            number, qualifier, cell_unit = parse_value(row[i])
            unit = unit or cell_unit
            note, value_year = "", year
            for n in notes:  # "…为2019年数据": the latest-year column is really that year
                y = _NOTE_YEAR.search(n)
                if y and role in ("actual", "baseline") and year and year > int(y.group(1)):
                    note, value_year = n, int(y.group(1))
            label = raw_header[i] if i < len(raw_header) else header[i]
            values.append(
                IndicatorValue(role, value_year, row[i].strip(), number, qualifier, label, note)
            )
        if not any(v.number is not None for v in values):
            continue
        attribute = (
            _attribute(row[attr_col]) if attr_col is not None and attr_col < len(row) else None
        )
        quote = table.row_texts()[table.rows.index(row)]
        out.append(
            _make(
                doc,
                name,
                tuple(row_lines) or tuple(table.lines),
                unit=unit,
                attribute=attribute,
                values=tuple(values),
                kind="table",
                section=section,
                quote=quote,
                caption=table.caption,
                notes=tuple(notes),
            )
        )
    return out


# --- prose -------------------------------------------------------------------------------

# a sentence that states targets
_TARGET_CUE = re.compile(
    r"到\s*(?:19|20)\d{2}\s*年|(?:19|20)\d{2}\s*年(?:的)?(?:主要)?(?:预期)?目标|预期目标|主要目标"
    r"|目标(?:是|为)|力争|确保"
)
_TO_YEAR = re.compile(r"(?:到|至)\s*((?:19|20)\d{2})\s*年")
_CLAUSE_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*年(?:末|底)?[，,]?\s*")
# verbs between an indicator and its value; a change verb stays in the name (增长: a rate)
_CHANGE = r"年均增长|同比增长|增长|增速|涨幅|下降|降低|减少|提高|提升"
_LEVEL = (
    r"累计达到|总数达到|力争达到|力争突破|力争超过|达到|达|提高到|提升到|提升至|提高至|增加到|增加至"
    r"|突破|超过|超|控制在|保持在|稳定在|不低于|不少于|不超过|不高于|高于|低于|为"
)
_PREDICATE = re.compile(
    rf"(?P<name>.+?)(?P<each>(?<!平)均|分别|都)?(?P<verb>{_CHANGE}|{_LEVEL})\s*"
    rf"(?P<pre>[<>≥≤]|约)?\s*(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})(?P<post>{_POST_QUALIFIER})?"
)
# a value before its name: 新增高新技术企业100家以上, 创建1-2家市级以上技术转移示范机构
_ACTION = r"新增|新建|新培育|培育|引进|引育|实施|创建|建成|建设|打造|认定|招引|开展|完成"
_ACTION_FIRST = re.compile(
    rf"^(?P<lead>.*?)(?P<verb>{_ACTION})(?P<name1>[^\d，,；;。]{{0,20}}?)"
    rf"(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})(?P<post>{_POST_QUALIFIER})?(?P<name2>[^\d，,；;。]{{0,20}})$"
)
_MORE_VALUES = re.compile(
    rf"^\s*(?:和|、|,|，)\s*(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})?(?P<post>{_POST_QUALIFIER})?"
)
_LEAD_IN = re.compile(
    r"^(?:[到至]\s*(?:19|20)\d{2}\s*年(?:末|底)?[，,]?|(?:19|20)\d{2}\s*年(?:末|底)?|今年|明年|全年|"
    r"其中|力争|争取|确保|实现|推动|全区|全市|全省|全县|主要预期目标(?:是|为)|预期目标(?:是|为)|"
    r"主要目标(?:是|为)|目标(?:是|为)|[：:])+"
)
# what is left of a level verb the value patterns did not take: 耕地保有量在521.6万亩以上
_NAME_TAIL = re.compile(r"(?:保持在|稳定在|维持在|控制在|在)$")
_QUALIFIER_OF_VERB = {
    "突破": ">",
    "超过": ">",
    "力争突破": ">",
    "力争超过": ">",
    "超": ">",
    "高于": ">",
    "不低于": "≥",
    "不少于": "≥",
    "不超过": "≤",
    "不高于": "≤",
    "低于": "<",
}
_CLAUSE_SPLIT = re.compile(r"(?<=[，,；;。])")
# a modifier before 、 that shares the last item's head: 城镇、农村居民人均可支配收入
_SHARED_HEAD = {"城乡": ("城镇", "农村")}


def _clean_name(name: str) -> str:
    name = re.split(r"[：:]", name)[-1]  # 今年主要预期目标是：地区生产总值…
    name = name.strip(" ，,；;：:、")
    for _ in range(3):
        new = _LEAD_IN.sub("", name).strip(" ，,；;：:、")
        new = _NAME_TAIL.sub("", new) if len(new) > 4 else new
        if new == name:
            break
        name = new
    return name


def _split_names(name: str) -> list[str]:
    """A subject list sharing one predicate: 规模以上工业增加值、社会消费品零售总额 ->
    both; 城镇、农村居民人均可支配收入 -> 城镇居民…, 农村居民…; 城乡居民… -> 城镇…, 农村…"""
    for word, parts in _SHARED_HEAD.items():
        if name.startswith(word):
            return [p + name[len(word) :] for p in parts]
    items = [x for x in re.split(r"、", name) if x]
    if len(items) < 2:
        return [name]
    last = items[-1]
    out = []
    for x in items[:-1]:
        if len(x) <= 3 and len(last) > len(x) + 2:
            out.append(x + last[len(x) :])
        else:
            out.append(x)
    return [*out, last]


def _value(number: str, qualifier: str, role: str, year: int | None, label: str) -> IndicatorValue:
    first = re.match(r"\d+(?:\.\d+)?", number)
    return IndicatorValue(
        role,
        year,
        number.replace(" ", ""),
        float(first.group(0)) if first else None,
        qualifier,
        label,
    )


_BARE = re.compile(
    rf"^(?P<name>[^\d，,；;。：:]{{2,30}}?)\s*(?P<pre>[<>≥≤]|约)?\s*(?P<num>{_NUMBER})\s*"
    rf"(?P<unit>{_UNIT})(?P<post>{_POST_QUALIFIER})?$"
)
# a clause that names the indicator and leaves the value to the next: 提高…总规模，力争突破4亿元
_OBJECT_VERB = re.compile(r"^(?:提高|提升|扩大|壮大|增加|加大|做大)")


def _prose_clause(
    clause: str, previous: str = ""
) -> list[tuple[str, str, list[IndicatorValue], str]]:
    """(name, unit, values, verb) for every indicator a clause states (several when they are
    joined by 、: 科技型企业达到2800家、高新技术企业达到200家); roles and years are filled
    in by the caller. `previous`: the clause before, for a value whose name it holds."""
    # full-width digits, points and signs (398．2, ５％) read as ASCII; the quote keeps the text
    text = unicodedata.normalize("NFKC", clause).rstrip("，,；;。")
    found = []
    rest = text
    while rest:
        m = _PREDICATE.search(rest)
        if not m:
            break
        rest_after = rest[m.end() :]
        verb = m.group("verb")
        name = _clean_name(m.group("name"))
        if not name and previous and not re.search(r"\d", previous):
            name = _clean_name(_OBJECT_VERB.sub("", _clean_name(previous.rstrip("，,；;"))))
        change = re.fullmatch(_CHANGE, verb) is not None
        qualifier = m.group("pre") or _QUALIFIER_OF_VERB.get(verb, "") or m.group("post") or ""
        unit = m.group("unit")
        numbers = [(m.group("num"), qualifier)]
        while m.group("each") and (more := _MORE_VALUES.match(rest_after)):
            numbers.append((more.group("num"), more.group("post") or qualifier))
            rest_after = rest_after[more.end() :]
        if len(numbers) > 1 and numbers[-1][1] and not numbers[0][1]:
            # 分别增长5%和7%左右: the last qualifier is read for every value
            numbers = [(n, numbers[-1][1]) for n, _ in numbers]
        if name and not re.search(r"\d", name[-2:]) and len(name) <= 40:
            names = _split_names(name) if m.group("each") else [name]
            if change:  # 同比增长 is the year's 增长; 年均增长 is another measure
                names = [n + verb.removeprefix("同比") for n in names]
            if len(numbers) == len(names) or len(numbers) == 1:
                for k, n in enumerate(names):
                    num, q = numbers[k if len(numbers) > 1 else 0]
                    found.append((n, unit, [_value(num, q, "", None, "")], verb))
        rest = rest_after.lstrip("、和及与 ")
    if found:
        return found
    a = _ACTION_FIRST.search(text)
    if a:
        lead = _clean_name(a.group("lead"))
        lead = lead if len(lead) <= 4 else ""
        name = (lead + a.group("verb") + a.group("name1") + a.group("name2")).strip()
        if len(name) > len(lead) + len(a.group("verb")) + 1:
            value = _value(a.group("num"), a.group("post") or "", "", None, "")
            return [(name, a.group("unit"), [value], a.group("verb"))]
    b = _BARE.search(_clean_name(text))
    if b and len(_clean_name(b.group("name"))) >= 3:
        qualifier = b.group("pre") or b.group("post") or ""
        value = _value(b.group("num"), qualifier, "", None, "")
        return [(_clean_name(b.group("name")), b.group("unit"), [value], "")]
    return found


def _document_year(doc: Document) -> int | None:
    """The year a work report's or work plan's unqualified targets are for: the year its title
    names (2024年三亚市政府工作报告, 2022年科技工作要点), else its date's; None for others."""
    if doc.doc_type not in ("work_report", "work_points"):
        return None
    m = re.search(r"((?:19|20)\d{2})年", doc.title)
    if m:
        return int(m.group(1))
    return int(doc.date[:4]) if doc.date else None


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。！？])", text) if s.strip()]


def prose_indicators(
    doc: Document,
    paragraph: Paragraph,
    section: tuple[str, ...],
    context_year: int | None,
    targets: bool = False,
) -> list[Indicator]:
    """The indicators of one paragraph. `targets`: the paragraph is in the part of a document
    that sets out the year's work (a work report after its 主要预期目标), so a clause with a
    value is a target without a cue of its own."""
    out: list[Indicator] = []
    cue, para_year, para_label = (True if targets else None), context_year, ""
    for k, sentence in enumerate(_sentences(paragraph.text)):
        # a paragraph that opens with 到2025年 states targets for 2025 to its end; a later
        # sentence's 到2035年 is that sentence's own
        cue = True if _TARGET_CUE.search(sentence) else cue
        to_year = _TO_YEAR.search(sentence)
        year, label = para_year, para_label
        if to_year:
            year, label = int(to_year.group(1)), to_year.group(0)
            if k == 0:
                para_year, para_label = year, label
        previous = ""
        pending_year: re.Match[str] | None = None
        carried = ""  # a subject a clause leaves out: 经费投入年均增长10%以上，占地区生产总值比重…
        scope = ""  # a scope the sentence's first indicator opens with: 高新区内…
        for clause in _CLAUSE_SPLIT.split(sentence):
            if not clause.strip():
                continue
            own_year = _CLAUSE_YEAR.match(clause)
            clause_year = own_year or pending_year
            pending_year = None
            if own_year and not clause[own_year.end() :].strip("，,；; "):
                pending_year = own_year  # "2023年，" opens the next clause
                continue
            if cue:
                role, value_year = "target", year
            elif clause_year and not _TO_YEAR.match(clause):
                role, value_year = "actual", int(clause_year.group(1))
            else:
                continue
            found = _prose_clause(clause, previous)
            previous = clause
            for name, unit, values, verb in found:
                if not scope and (m := _SCOPE.match(name)):
                    scope = m.group(0)
                elif scope and not name.startswith(scope):
                    name = scope + name  # 高新区内科技型企业…，高新技术企业… are the zone's too
                if name.startswith("占") and carried:
                    name = carried + name
                elif re.fullmatch(_CHANGE, verb) and name.endswith(verb):
                    carried = name[: -len(verb)]
                    carried = re.sub(r"(?:年均|同比)$", "", carried)
                else:
                    carried = name
                if role == "actual" and not clause_year:
                    continue
                values = [
                    IndicatorValue(
                        role,
                        value_year,
                        v.raw,
                        v.number,
                        v.qualifier,
                        label if role == "target" else f"{value_year}年",
                    )
                    for v in values
                ]
                unit = unit.replace("％", "%")
                out.append(
                    _make(
                        doc,
                        name,
                        (paragraph.line,),
                        unit=unit,
                        attribute=None,
                        values=tuple(values),
                        kind="prose",
                        section=section,
                        quote=sentence.strip(),
                    )
                )
    return out


# a part of the place the sentence's targets are for: 高新区内, 园区内, 城区范围内
_SCOPE = re.compile(r"^[^，,；;。]{2,8}?(?:范围内|区域内|园区内|区内|城内)(?=\S{2})")
_WORK_PART = re.compile(r"(?:主要)?预期目标(?:是|为|：|:)|主要目标(?:是|为|：|:)")


# --- documents ---------------------------------------------------------------------------


def extract(documents: list[Document]) -> list[Indicator]:
    """Every indicator of `documents`, in document and line order."""
    out: list[Indicator] = []
    for doc in documents:
        out.extend(document_indicators(doc))
    return out


def document_indicators(doc: Document) -> list[Indicator]:
    if not doc.lines:
        return []
    stack: list[Heading] = []
    out: list[Indicator] = []
    default_year = _document_year(doc)
    plan_year = _period_year(doc.title)
    # a work report reviews last year, states this year's 主要预期目标, then this year's work
    work_part = False
    for block in analyse(doc):
        if isinstance(block, Heading):
            while stack and stack[-1].rank >= block.rank:
                stack.pop()
            stack.append(block)
        section = tuple(h.text for h in stack)
        if isinstance(block, TableBlock):
            out.extend(table_indicators(doc, block.table, section))
        elif isinstance(block, Paragraph) and not block.preamble:
            year = default_year or plan_year
            out.extend(prose_indicators(doc, block, section, year, work_part))
            if doc.doc_type == "work_report" and _WORK_PART.search(block.text):
                work_part = True
    return out
