"""A bound a place question puts on a target's figure (目标超过3万人, 控制在3%以内, 定到7%) and the
figures a sentence states, scaled (3.5万 → 35000)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.measures import JIN, UNITS


@dataclass(frozen=True)
class Limit:
    """A bound on a target's figure: 超过3万人 is (30000, above, not inclusive)."""

    figure: float
    side: str  # "above", "below" or "equal" (目标定到7%)
    inclusive: bool
    # what the figure is said in, as UNITS names it (高于6%: %; 2000家及以上: any count), None
    # when the bound names no unit
    unit: str | None = None
    # only a figure said so meets it, whatever its size: "passed" (目标写的是“以上”的), "about"
    # (用“左右”表述的), "capped" (以内); "not about" and so on: only one not said so
    worded: str = ""

    def passes(self, figure: float, said_as: str = "") -> bool:
        """`said_as`: how the figure is worded (`_wording`): one said as passed (突破1万家) is
        beyond itself."""
        if self.worded:
            asked = self.worded.removeprefix("not ")
            return (said_as == asked) != self.worded.startswith("not ")
        if figure == self.figure:
            return self.inclusive or (said_as == "passed" and self.side == "above")
        if self.side == "equal":
            return False
        return figure > self.figure if self.side == "above" else figure < self.figure


# a bound a target must pass, said after it: 城镇新增就业目标超过3万人的城市 (above), CPI涨幅目标
# 控制在3%以内 (below); 以上, 以内, 不低于 include the figure itself, 超过 and 低于 do not
_BOUND = re.compile(
    r"(?:的)?(?:(?P<aim>目标|指标)(?:值)?(?:是|为|定得)?(?:控制)?)?"
    r"(?P<word>(?:超过|突破|高于|大于|多于|不低于|不少于|不超过|不高于|低于|少于|小于|不到|不足)(?=了?\d)|逾|过"
    r"|(?:控制|保持|稳定|设定)在|(?(aim)在|(?!))|达到|(?(aim)(?:定到|定为|定在|设为|定|是|为)|(?!))"
    r"|(?(aim)(?=\d)|(?!))"  # (目标3万人以上: the tail says the side)
    r"|(?:定在|定为|设在|设为)(?=\d)"  # (GDP增速定在7%及以上: set there, the figure after the verb)
    # (…or with no word at all: 计划建30万亩及以上)
    r"|(?<![\d.])(?!(?:19|20)\d\d年)(?=\d+(?:\.\d+)?\s*(?:万|亿)?(?:%|％|[\u4e00-\u9fff]{1,2}?)?(?:(?:及|或)?(?:以上|以内|以下)|左右)))"
    r"(?:了)?"  # (超过了60%)
    # a figure in digits, or in Chinese numerals (过万家, 不到五万人)
    r"(?P<n>\d+(?:\.\d+)?|[一两二三四五六七八九十百千]+(?=[万亿])|(?=[万亿]))\s*(?P<scale>万|亿)?"
    r"(?P<unit>%|％|[\u4e00-\u9fff]{1,2}?)??"
    r"(?P<tail>(?:及|或)?(?:以上|以内|以下)|左右)?"
    # (the wordings that count, in brackets: 3%（左右或以内）)
    r"(?:[（(](?P<tails>(?:(?:及|或)?(?:以上|以内|以下)|左右)(?:(?:或者|或|、)(?:以上|以内|以下|左右))*)[)）])?"
    # (whether the figure itself passes, in brackets: 6%以上（不含6%）, 200家以上（含本数）)
    r"(?P<held>[（(](?P<not_held>不)?(?:含|包括|包含)(?:本数|\d+(?:\.\d+)?\s*(?:%|％)?)?(?:在内)?[)）])?"
    r"(?=的|$|[，,？?]|或)"
)
# bound word (or tail) → which side the figure must be on, and whether the bound itself passes
_SIDES: dict[str, tuple[str, bool]] = (
    dict.fromkeys(("超过", "高于", "大于", "多于", "逾", "过"), ("above", False))
    | dict.fromkeys(("不低于", "不少于", "达到", "突破", "以上"), ("above", True))
    | dict.fromkeys(("不超过", "不高于", "以内", "以下"), ("below", True))
    | dict.fromkeys(("低于", "少于", "小于", "不到", "不足"), ("below", False))
    # (目标定在7%左右: about that figure, as reports word it)
    | dict.fromkeys(("定到", "定为", "定在", "设为", "定", "左右", "是", "为"), ("equal", True))
    | dict.fromkeys(("控制在", "保持在", "稳定在", "设定在"), ("equal", True))
)
_SCALE = {"万": 1e4, "亿": 1e8, "万亿": 1e12}


def wording_of(word: str) -> str:
    """How a bound's word words a figure (`Limit.worded`): 以上 passed, 以内 capped, 左右 about."""
    side = _SIDES.get(word, ("equal", True))[0]
    return {"above": "passed", "below": "capped"}.get(side, "about")


def figures_in(text: str, unit: str | None = None) -> list[float]:
    """The figures `text` states, scaled (3.5万 → 35000, 2500余万 → 25000000), years and table
    years left out (1955万吨 is no year), and those in Chinese numerals before what they count
    (突破百亿, 两万人); with a `unit` (see unit_asked), only the figures in it."""
    return [figure for figure, _ in figures_said(text, unit)]


def figures_said(text: str, unit: str | None = None) -> list[tuple[float, str]]:
    """`figures_in`, each with how it is worded (`_wording`): one said as passed (突破1万家, 超过5%,
    3万人以上) meets a bound it only reaches (过万家: more than 10000)."""
    found = []
    # (a rank is no figure: 保持全省前3, 居第2, 500强; nor is a number in a name: PM2.5, 5G, 3D)
    for m in re.finditer(
        r"(?<![\d.前第A-Za-z])(\d+(?:\.\d+)?)\s*(?:余|多)?(万亿|万|亿)?(?!\s*[年:：\d强佳])(?![GDgd](?![A-Za-z]))",
        text,
    ):
        counted = _COUNTED.match(text, m.end())
        if re.fullmatch(r"(?:19|20)\d\d", m.group(1)) and not m.group(2) and not counted:
            continue  # a year, not 1955万吨 or 2000个
        if unit and not _in_unit(text, m.end(), unit, m.group(2) or ""):
            continue
        scale = _SCALE.get(m.group(2) or "", 1.0) * _in_jin(text, m.end(), unit)
        found.append((float(m.group(1)) * scale, _wording(text, m.start(), m.end())))
    for m in _CHINESE_FIGURE.finditer(text):
        if unit and not _in_unit(text, m.end(), unit, m.group(0)[-1]):
            continue
        if text[m.end() : m.end() + 1] in ("强", "佳"):
            continue  # (百强, 十佳: a list of the best, no count)
        said = m.group(1) or m.group(2)
        if len(said) == 1 and said in "万亿" and not _COUNTED_BARE.match(text, m.end()):
            # a scale alone is no figure (万人发明专利, 亿元以上企业), but 万亿 is, and so is a
            # scale before what it counts (突破万列)
            continue
        value = _chinese_number(said)
        if value is not None:
            found.append((value * _in_jin(text, m.end(), unit), _wording(text, m.start(), m.end())))
    if unit in (None, "%"):  # a growth or a share said in words: 翻一番 (100%), 百分之百
        for m in _IN_WORDS.finditer(text):
            times = "一两三".index(m["times"] or "一") + 1  # (doubled once, twice…: 2, 4, 8 times)
            value = _chinese_number(m["share"]) if m["share"] else 100.0 * (2**times - 1)
            found += [(value, "")] if value is not None else []
    return found


# a figure said in words: doubled (翻一番: 100%, 翻两番: 300%), a share (百分之百)
_IN_WORDS = re.compile(
    r"翻(?P<times>[一两三])?番|翻倍|倍增|百分之(?P<share>[零一二三四五六七八九十百]+)"
)


def _wording(text: str, start: int, end: int) -> str:
    """How the figure at start..end is worded: "passed" (突破1万家, 超过5%, 3万人以上), "about"
    (5%左右, 约5%), "capped" (3%以内, 不超过3%) or ""."""
    before, after = text[max(0, start - 3) : start], text[end : end + 6]
    if re.search(r"不(?:超过|高于)$", before) or re.match(
        r"[^\d，。；、,;]{0,3}?(?:以内|以下)", after
    ):
        return "capped"
    if re.search(r"(?:突破|超过|超|逾)$", before) or re.match(r"[^\d，。；、,;]{0,3}?以上", after):
        return "passed"
    if re.search(r"约$", before) or re.match(r"[^\d，。；、,;]{0,3}?左右", after):
        return "about"
    return ""


def _in_jin(text: str, end: int, unit: str | None) -> float:
    """What the weight ending at `end` is worth in 斤 (1 unless `unit` is a weight or a yield,
    which may be one)."""
    if unit not in ("weight", "产量"):
        return 1.0
    m = re.match(r"\s*(公斤|千克|吨|斤)", text[end:])
    return JIN[m[1]] if m else 1.0


def holds_unit(text: str, unit: str) -> bool:
    """Whether `text` (a table row) says `unit` anywhere: in its unit's cell or a figure's."""
    return unit not in UNITS or re.search(UNITS[unit], text) is not None


def _in_unit(text: str, end: int, unit: str, scale: str) -> bool:
    """Whether the figure ending at `end` is in `unit`: its unit follows, or, for an amount, a
    scale closes it with no unit at all (突破百亿, 超千亿以上: reports drop 元 after 亿)."""
    if re.match(r"\s*(?:余|多)?(?:" + UNITS[unit] + ")", text[end:]):
        return True  # (4.5万余人: 余 after the scale)
    bare = not scale and not re.match(r"[A-Za-z]", text[end : end + 1])
    if unit == "%" and bare and not _COUNTED.match(text, end):
        return True  # a share said bare: 地区生产总值增速“保8争9”
    closed = re.match(r"\s*(?:以上|左右|多|余)?(?:[^\u4e00-\u9fff]|$)", text[end:])
    return unit == "金额" and scale[-1:] in ("万", "亿") and closed is not None


_COUNTED_BARE = re.compile(r"[吨亩户家个项所座台辆套件条列张]")

# a figure in Chinese numerals, which counts something: a scale (万, 亿) or a counter after it
# (百亿, 超万亿元, 两万人, 三千家); 一 alone, 十四五 and 第三 are no figures
_CHINESE_FIGURE = re.compile(
    r"(?<![第十\u4e00-\u9fff][一二三四五六七八九])(?<![第\d.０-９])(?:"
    r"([一二两三四五六七八九十百千万]*[十百千万亿]|[两三四五六七八九十百千][一二三四五六七八九十百千]*)"
    r"(?=[万亿]?(?:[元吨亩户人家个项所座台辆套件名条斤列张]|公里|千米|千瓦|平方))"
    # …or a scale closing the figure (突破百亿，, 超万亿以上), not a name (千万工程)
    r"|([一二两三四五六七八九十百千万]*[万亿])(?=[^\u4e00-\u9fff]|$|以上|左右|多|余|新台阶|大关))"
)


def _chinese_number(said: str) -> float | None:
    """`said` (百亿, 两万) as a number, None when it is none."""
    import cn2an

    said = said.replace("两", "二")
    if said[0] in "十百千万亿":
        said = "一" + said  # 百亿: 一百亿
    try:
        return float(cn2an.cn2an(said, "strict"))
    except (ValueError, KeyError):
        return None


# what a count is counted in, which a year never is (新建充电桩2000个以上)
# (or a mass: PM2.5浓度33微克/立方米, no share said bare)
_COUNTED = re.compile(
    r"\s*(?:[%％个家项人元吨亩户所座台辆套件名次条米张]|公里|千米|千瓦|平方|微克)"
)

# a growth in two figures: 10% or more (固定资产投资增速目标是两位数, 保持两位数增长)
_TWO_FIGURES = re.compile(r"(?:的)?(?:目标|指标)?(?:是|为|达到|保持|实现)?两位数")


def find_bound(text: str) -> tuple[Limit, int, int, str] | None:
    """The bound a question puts on a target, where it is said, and how (超过3万人), or None.
    Two bounds joined by 或 are read as one (_either: 3%左右或3%以内 is a 3% target however
    worded)."""
    two = _TWO_FIGURES.search(text)
    if two:
        return Limit(10.0, "above", True, "%"), two.start(), two.end(), "两位数"
    first = _read_bound(_BOUND.search(text))
    if first is None:
        return None
    limit, start, end = first
    other = re.match(r"或者|或", text[end:])
    second = _read_bound(_BOUND.match(text, end + other.end())) if other else None
    if second is not None:
        limit, end = _either(limit, second[0]), second[2]
    said = re.sub(r"^(?:的)?(?:目标|指标)(?:值)?(?:是|为|定得)?", "", text[start:end])
    return limit, start, end, said


def _read_bound(bound: re.Match[str] | None) -> tuple[Limit, int, int] | None:
    if bound is None:
        return None
    tail = (bound["tail"] or bound["tails"] or "").lstrip("及或")
    side = _SIDES.get(tail or bound["word"])
    if len(re.split(r"或者|或|、", bound["tails"] or "")) > 1:
        side = ("equal", True)  # 3%（左右或以内）: that figure however worded (_either)
    if side is None:
        return None
    if bound["held"] and side[0] != "equal":
        side = (side[0], not bound["not_held"])
    said_n = bound["n"] or "一"  # 过万: 一万
    n = (float(said_n) if said_n[0].isdigit() else (_chinese_number(said_n) or 0.0)) * _SCALE.get(
        bound["scale"] or "", 1.0
    )
    unit = _unit_class(bound["unit"] or "")
    if unit == "weight":
        n *= JIN[bound["unit"]]
    return Limit(n, *side, unit), bound.start(), bound.end()


def _either(one: Limit, other: Limit) -> Limit:
    """The bound a figure meets when it passes `one` or `other`: of one figure said two ways
    (3%左右或3%以内: the wordings of a 3% target), that figure; of two bounds on one side, the
    wider; else the first."""
    unit = one.unit or other.unit
    if one.figure == other.figure and "equal" in (one.side, other.side):
        return Limit(one.figure, "equal", True, unit)
    if one.side == other.side != "equal":
        wider = min if one.side == "above" else max
        kept = one if wider(one.figure, other.figure) == one.figure else other
        return Limit(kept.figure, kept.side, kept.inclusive or other.inclusive, unit)
    return one


def _unit_class(unit: str) -> str | None:
    """A bound's unit as UNITS names it: a share, an amount, a measure, or any count (家 and 户
    count one thing in different reports)."""
    if unit in ("%", "％"):
        return "%"
    if unit.endswith("元"):
        return "金额"
    if unit in JIN:
        return "weight"
    if unit in UNITS:
        return unit
    return "count" if unit and _COUNTED_BARE.fullmatch(unit[-1]) or unit in ("人", "名") else None
