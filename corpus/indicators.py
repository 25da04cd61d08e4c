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
from dataclasses import asdict, dataclass, replace
from typing import Any

from corpus.contractions import contractions, expand_contraction
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
# the cues of _TARGET_CUE that frame what follows, not only their own sentence
_FRAME_CUE = re.compile(
    r"到\s*(?:19|20)\d{2}\s*年|(?:19|20)\d{2}\s*年(?:的)?(?:主要)?(?:预期)?目标|预期目标|主要目标"
    r"|目标(?:是|为)"
)
_CLAUSE_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*年(?:末|底)?[，,]?\s*")
# verbs between an indicator and its value; a change verb stays in the name (增长: a rate)
_CHANGE = r"年均增长|同比增长|增长|增速|涨幅|下降|降低|减少|提高|提升"
_LEVEL = (
    r"累计达到|总数达到|力争达到|力争突破|力争超过|达到|达|提高到|提升到|提升至|提高至|增加到|增加至"
    r"|突破|超过|超|控制在|保持在|稳定在|不低于|不少于|不超过|不高于|高于|低于|为"
)
_PREDICATE = re.compile(
    rf"(?P<name>.*?)(?P<each>(?<!平)均|分别|都)?(?P<verb>{_CHANGE}|{_LEVEL})\s*"
    rf"(?P<pre>[<>≥≤]|约)?\s*(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})(?P<post>{_POST_QUALIFIER})?"
)
# how firmly a target is set, never part of its name: 确保增长6.5%、力争7% is one indicator
# with two targets (as is 工业总产值达880亿元、奋斗突破900亿元)
_MODALITY = r"确保|力争|争取|努力|奋斗"
_MODAL_TAIL = re.compile(rf"(?:{_MODALITY})$")
_MODAL_MORE = re.compile(
    rf"^\s*[、，,]?\s*(?P<modal>{_MODALITY})(?P<verb>{_CHANGE}|{_LEVEL})?\s*(?P<pre>[<>≥≤]|约)?\s*"
    rf"(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})?(?P<post>{_POST_QUALIFIER})?"
)
# "保8争9": a floor and a goal for one rate, its unit left unsaid
_KEEP_STRIVE = re.compile(
    r"(?P<name>[^，,；;。、]+?)[“\"]?保(?P<low>\d+(?:\.\d+)?)争(?P<high>\d+(?:\.\d+)?)[”\"]?"
)
# a name character: not a digit, unless the digit opens a word (5G全连接工厂)
_NAME_CHAR = r"(?:[^\d，,；;。]|\d+[A-Za-z])"
# a value before its name: 新增高新技术企业100家以上, 创建1-2家市级以上技术转移示范机构
_ACTION = r"新增|新建|新培育|培育|引进|引育|引入|实施|创建|建成|建设|打造|认定|招引|开展|完成|推广"
# verbs that open a list of counted items but name none of them: 推动50个以上重点项目竣工投产
_CARRIER = r"推动|推进|促进|带动|启动"
# a number that gives a thing's size is not its count: 年产5000吨, 200万吨级, 超50亿元企业
_SIZE_BEFORE = r"(?<!年产)(?<!超)(?<!过)"
_ACTION_FIRST = re.compile(
    rf"^(?P<lead>.*?)(?P<verb>{_ACTION}|{_CARRIER})(?P<name1>{_NAME_CHAR}{{0,40}}?)"
    rf"{_SIZE_BEFORE}(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})(?!级)(?P<post>{_POST_QUALIFIER})?"
    rf"(?P<name2>{_NAME_CHAR}{{0,20}})$"
)
# a later item of such a list, its count first: …、150个以上重点项目开工建设
_COUNT_FIRST = re.compile(
    rf"^\s*(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})(?P<post>{_POST_QUALIFIER})?"
    rf"(?P<name>{_NAME_CHAR}{{2,30}})$"
)
_MORE_VALUES = re.compile(
    rf"^\s*(?:和|、|,|，)\s*(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})?(?P<post>{_POST_QUALIFIER})?"
)
_LEAD_IN = re.compile(
    r"^(?:[到至]\s*(?:19|20)\d{2}\s*年(?:末|底)?[，,]?|(?:19|20)\d{2}\s*年(?:末|底)?|今年|明年|全年|"
    r"其中|力争|争取|确保|努力|奋斗|实现|推动|全区|全市|全省|全县|主要预期目标(?:是|为)|"
    r"预期目标(?:是|为)|主要目标(?:是|为)|目标(?:是|为)|[：:])+"
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
# a level that qualifies a head the next name states: 国家级、省级专精特新企业
_LEVEL_MODIFIER = re.compile(r"\S{1,4}?级(?:及?以上)?")


def _clean_name(name: str) -> str:
    name = re.split(r"[：:]", name)[-1]  # 今年主要预期目标是：地区生产总值…
    name = name.strip(" ，,；;：:、")
    for _ in range(3):
        new = _LEAD_IN.sub("", name).strip(" ，,；;：:、")
        new = _MODAL_TAIL.sub("", new)  # 地区生产总值确保增长: the name ends before 确保
        new = _NAME_TAIL.sub("", new) if len(new) > 4 else new
        if new == name:
            break
        name = new
    return name


def _with_head(modifier: str, last: str) -> str:
    """A modifier before 、 with the head of the name after it: 国家级 + 省级专精特新企业 ->
    国家级专精特新企业; 城镇 + 农村居民人均可支配收入 -> 城镇居民人均可支配收入; a name of its
    own is left as it is."""
    if _LEVEL_MODIFIER.fullmatch(modifier):
        m = re.match(_LEVEL_MODIFIER, last)
        return modifier + last[m.end() :] if m and len(last) > m.end() else modifier
    if len(modifier) <= 3 and len(last) > len(modifier) + 2:
        return modifier + last[len(modifier) :]
    return modifier


def _split_names(name: str, count: int = 1) -> list[str]:
    """Names sharing one predicate (均, 都, 分别), as many as the values 分别 pairs them with
    (a listed name is taken whole where that is enough):
    规模以上工业增加值、社会消费品零售总额 -> both; 城镇、农村居民… and 城镇和农村居民… -> 城镇居民…,
    农村居民… (a modifier shares the last name's head); a contraction stands for its words
    (金融机构存贷款余额 -> 金融机构存款余额, 金融机构贷款余额; corpus/data/contractions.json)."""
    # a contraction written with 、 (一、二、三产) is one item, not three
    guarded = name
    for word in contractions():
        if "、" in word:
            guarded = guarded.replace(word, word.replace("、", "\0"))
    candidates = []
    for separators in ("、", "、|和|与|及"):
        items = [x.replace("\0", "、") for x in re.split(separators, guarded) if x]
        items = [_with_head(x, items[-1]) for x in items[:-1]] + items[-1:]
        candidates.append(items)
        candidates.append([word for x in items for word in expand_contraction(x)])
    if count > 1:
        return next((c for c in candidates if len(c) == count), candidates[0])
    # one value: 均 is over the names listed (进出口总额 stays whole), else over a contraction's
    return candidates[0] if len(candidates[0]) > 1 else candidates[1]


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
    rf"^(?P<name>(?:[^\d，,；;。：:]|\d+[A-Za-z]){{2,30}}?)\s*(?P<pre>[<>≥≤]|约)?\s*"
    rf"(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})(?P<post>{_POST_QUALIFIER})?$"
)
# a clause that names the indicator and leaves the value to the next: 提高…总规模，力争突破4亿元
_OBJECT_VERB = re.compile(r"^(?:提高|提升|扩大|壮大|增加|加大|做大)")
# a value a 、 follows ends a list item: 转化应用科技成果30项以上、技术合同成交额达到60亿元
_VALUE_THEN_COMMA = re.compile(rf"{_NUMBER}\s*{_UNIT}(?:{_POST_QUALIFIER})?、")

_STATED = re.compile("|".join(v for v in f"{_CHANGE}|{_LEVEL}".split("|") if len(v) >= 2))

Found = tuple[str, str, list[IndicatorValue], str]
# a verb that ends a listed item's name, not its subject's: 一般公共预算收入完成
_VERB_END = re.compile(r"(?:完成|实现|达到|达)$")


def _prose_clause(clause: str, previous: str = "") -> list[Found]:
    """(name, unit, values, verb) for every indicator a clause states (several when they are
    joined by 、: 科技型企业达到2800家、高新技术企业达到200家); roles and years are filled
    in by the caller. `previous`: the clause before, for a value whose name it holds."""
    # full-width digits, points and signs (398．2, ５％) read as ASCII; the quote keeps the text
    text = unicodedata.normalize("NFKC", clause).rstrip("，,；;。")
    found: list[Found] = []
    rest = text
    if keep := _KEEP_STRIVE.search(rest):
        name = _clean_name(keep.group("name"))
        if name:
            unit = "%" if re.search(r"增速|增长|增幅", name) else ""
            values = [
                _value(keep.group("low"), "", "", None, "保"),
                _value(keep.group("high"), "", "", None, "争"),
            ]
            found.append((name, unit, values, ""))
            rest = rest[: keep.start()] + rest[keep.end() :]
    last_name = ""  # the clause's indicator before, for one that leaves its name out
    while rest:
        m = _PREDICATE.search(rest)
        if not m:
            break
        rest_after = rest[m.end() :]
        verb = m.group("verb")
        raw_name = m.group("name")
        # a predicate that opens what is left: 营业收入突破750亿元、增长7%以上 (same subject)
        continues = bool(found) and not raw_name.strip(" 、")
        if cut := [c for c in _VALUE_THEN_COMMA.finditer(raw_name)]:
            # the items before are a list of their own: …30项以上、技术合同成交额达到60亿元
            listed = _listed(raw_name[: cut[-1].end() - 1])
            found.extend(listed)
            raw_name = raw_name[cut[-1].end() :]
            if listed and not raw_name.strip():
                # 一般公共预算收入完成244.6亿元、增长6.1%: the item's subject, not its verb
                continues, last_name = True, _VERB_END.sub("", listed[-1][0])
        if not m.group("each"):
            # a statement before 、 with a verb of its own is not part of this name:
            # 瞪羚企业实现“零”的突破、国家高新技术企业突破90家
            stated = [
                c for c in re.finditer("、", raw_name) if _STATED.search(raw_name[: c.start()])
            ]
            raw_name = raw_name[stated[-1].end() :] if stated else raw_name
        name = _clean_name(raw_name)
        if not name and last_name and continues:
            name = last_name
        elif not name and previous and not re.search(r"\d", previous) and not cut:
            name = _clean_name(_OBJECT_VERB.sub("", _clean_name(previous.rstrip("，,；;"))))
        change = re.fullmatch(_CHANGE, verb) is not None
        qualifier = m.group("pre") or _QUALIFIER_OF_VERB.get(verb, "") or m.group("post") or ""
        unit = m.group("unit")
        numbers = [(m.group("num"), qualifier, "")]
        units = [unit]  # 分别稳定在960万亩、74亿斤以上: each value its own unit
        while m.group("each") and (more := _MORE_VALUES.match(rest_after)):
            numbers.append((more.group("num"), more.group("post") or qualifier, ""))
            units.append(more.group("unit") or unit)
            rest_after = rest_after[more.end() :]
        if len(numbers) > 1 and numbers[-1][1] and not numbers[0][1]:
            # 分别增长5%和7%左右: the last qualifier is read for every value
            numbers = [(n, numbers[-1][1], "") for n, _, _ in numbers]
        if len(numbers) == 1 and (more := _MODAL_MORE.match(rest_after)):
            # 确保增长6.5%、力争7%以上: a floor and a goal, each labelled by its modality
            said = re.findall(_MODALITY, raw_name)
            more_verb = more.group("verb") or ""
            more_q = (
                more.group("pre") or _QUALIFIER_OF_VERB.get(more_verb, "") or more.group("post")
            )
            numbers = [
                (numbers[0][0], numbers[0][1], said[-1] if said else ""),
                (more.group("num"), more_q or "", more.group("modal")),
            ]
            rest_after = rest_after[more.end() :]
        if name and not re.search(r"\d", name[-2:]) and len(name) <= 40:
            last_name = name
            names = _split_names(name, len(numbers)) if m.group("each") else [name]
            if change:  # 同比增长 is the year's 增长; 年均增长 is another measure
                names = [n + verb.removeprefix("同比") for n in names]
            if not m.group("each") and len(numbers) == 2 and numbers[1][2]:
                values = [_value(num, q, "", None, modal) for num, q, modal in numbers]
                found.append((names[0], unit, values, verb))
            elif len(numbers) == len(names) or len(numbers) == 1:
                for k, n in enumerate(names):
                    num, q, _ = numbers[k if len(numbers) > 1 else 0]
                    own_unit = units[k if len(numbers) > 1 else 0]
                    found.append((n, own_unit, [_value(num, q, "", None, "")], verb))
        rest = rest_after.lstrip("、和及与 ")
    if not found:
        return _listed(text)
    if re.search(r"\d", rest):  # 研发经费投入增长7%、转化应用科技成果30项以上
        found.extend(_listed(rest))
    return found


def _listed(text: str) -> list[Found]:
    """The items of a list of counts: after one action verb that each keeps (新增国家高新技术
    企业500家、省科技型中小企业1200家), the count before the name (推动50个以上重点项目竣工投产、
    150个以上重点项目开工建设), or a name and its count (省级示范企业3家以上、5G全连接工厂1家)."""
    found: list[Found] = []
    verb = ""  # an action verb the first item opens with, shared by the items after it
    for k, part in enumerate(_items(text)):
        a = _ACTION_FIRST.search(part)
        if a:
            # a later item's lead is its own subject (…、高新技术企业认定备案10家); the first
            # item's may be the sentence's (深入实施…行动，新增…)
            carrier = re.fullmatch(_CARRIER, a.group("verb")) is not None
            lead = _clean_name(a.group("lead"))
            # 大力推进, 加快推动: a carrier's lead is its adverb, not a name
            lead = "" if carrier or len(lead) > (12 if k else 4) else lead
            verb = verb or a.group("verb")
            kept = "" if carrier else a.group("verb")
            name = _list_name(lead + kept + a.group("name1") + a.group("name2"))
            if len(name) > len(lead) + len(kept) + 1:
                value = _value(a.group("num"), a.group("post") or "", "", None, "")
                for n in _each(name):
                    found.append((_with_verb(n, verb), a.group("unit"), [value], a.group("verb")))
                continue
        c = _COUNT_FIRST.match(part) if verb else None
        if c and not re.fullmatch(_POST_QUALIFIER, c.group("name")):
            value = _value(c.group("num"), c.group("post") or "", "", None, "")
            name = _with_verb(_list_name(c.group("name")), verb)
            found.append((name, c.group("unit"), [value], verb))
            continue
        b = _BARE.search(_clean_name(part))
        if b and len(_clean_name(b.group("name"))) >= 3:
            qualifier = b.group("pre") or b.group("post") or ""
            value = _value(b.group("num"), qualifier, "", None, "")
            for n in _each(_clean_name(b.group("name"))):
                n = n if not verb else _with_verb(n, verb)
                found.append((n, b.group("unit"), [value], ""))
    # 新增2家国家级、15家省级专精特新企业: a level alone takes the next item's head
    for k in range(len(found) - 2, -1, -1):
        name, unit, values, item_verb = found[k]
        own = verb if verb and name.startswith(verb) else ""
        if _LEVEL_MODIFIER.fullmatch(name[len(own) :]):
            following = found[k + 1][0]
            following = following[len(own) :] if own and following.startswith(own) else following
            found[k] = (own + _with_head(name[len(own) :], following), unit, values, item_verb)
    return found


def _with_verb(name: str, verb: str) -> str:
    """An item's name with the list's action verb, unless it has one or the verb only carries
    the list (推动, 启动)."""
    if not verb or re.search(_ACTION, name) or re.fullmatch(_CARRIER, verb):
        return name
    return verb + name


def _list_name(name: str) -> str:
    """A listed name without the 等 that closes a list or a 任务 after it."""
    return re.sub(r"(?:(?<![中高平同])等|任务)+$", "", name.strip())


# a value that ends an item of a list (新增国家高新技术企业500家、省科技型中小企业1200家), or a
# count that opens one (新增2家国家级、15家省级…; 2万亩以上撂荒地治理和5.7万亩高标准农田…)
_ITEM_END = re.compile(rf"{_NUMBER}\s*{_UNIT}(?:{_POST_QUALIFIER})?、")
_ITEM_START = re.compile(rf"[、和及](?={_NUMBER}\s*{_UNIT})")


def _items(text: str) -> list[str]:
    """A clause cut where one item's value ends or the next one's count begins, so each item
    keeps its own value; a 、 between names (省级以上企业研究院、研发中心70家) is not a cut."""
    cuts = {m.end() - 1 for m in _ITEM_END.finditer(text)}
    cuts |= {m.start() for m in _ITEM_START.finditer(text)}
    parts, start = [], 0
    for cut in sorted(cuts):
        if re.search(r"\d", text[start:cut]):  # the piece before holds its value
            parts.append(text[start:cut])
            start = cut + 1
    return [*parts, text[start:]]


def _each(name: str) -> list[str]:
    """Names that share one value through 各 (人才项目、领军人才各30个以上): every name."""
    if not name.endswith("各") or "、" not in name:
        return [name]
    return [n for n in name[:-1].split("、") if n]


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
    para_cue, para_year, para_label = targets, context_year, ""
    for k, sentence in enumerate(_sentences(paragraph.text)):
        # a sentence that sets a frame (到2025年, 主要目标是) states targets to the paragraph's
        # end; 力争 or 确保 only for its own sentence (a review's "确保…至少有1人稳定就业" does
        # not make the achievements after it targets)
        cue = bool(_TARGET_CUE.search(sentence)) or para_cue
        para_cue = para_cue or bool(_FRAME_CUE.search(sentence))
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
                        # a paired target keeps its modality: 到2025年 + 力争
                        label + v.label if role == "target" else f"{value_year}年",
                    )
                    for v in values
                ]
                unit = unit.replace("％", "%")
                goal = _MODAL_OPEN.match(unicodedata.normalize("NFKC", clause))
                last = out[-1] if out and out[-1].quote == sentence.strip() else None
                if (
                    goal
                    and len(found) == 1
                    and last is not None
                    and len(last.values) == 1
                    and last.unit == unit
                    and last.name != name
                    and last.name.endswith(name)
                ):
                    # 增速高于全省1个百分点左右，力争高于全省2个百分点: the goal of the
                    # indicator before, restated without its subject
                    values = [replace(v, label=v.label + goal.group(0)) for v in values]
                    out[-1] = replace(last, values=last.values + tuple(values))
                    continue
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


# a clause that opens with a goal's modality (…1个百分点左右，力争高于全省2个百分点)
_MODAL_OPEN = re.compile(r"^\s*(?:力争|争取|奋斗|努力)")
# a part of the place the sentence's targets are for: 高新区内, 园区内, 城区范围内
_SCOPE = re.compile(r"^[^，,；;。]{2,8}?(?:范围内|区域内|园区内|区内|城内)(?=\S{2})")
# where a work report turns from last year to this one: its 总体要求 (the paragraph just before
# the 主要预期目标, and the only marker where those have no lead-in of their own) or its targets
_WORK_PART = re.compile(
    r"(?:主要)?预期目标(?:是|为|：|:)|主要目标(?:是|为|：|:)|总体要求(?:是|为|：|:)"
)


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
