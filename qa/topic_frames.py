"""The frames users put around the topic of a "which places…" question
(qa/data/topic_frames.json), compiled, the how-many said around a topic, what a figure asked of
it is (a target, a result, in which unit; whether a target's figure is asked at all), and the
pattern an aspect's evidence must match."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from qa.measures import measure_unit, total_named, unit_asked
from qa.periods import PLAN_PERIOD, RELATIVE
from qa.text import word_breaks
from qa.topic_alternatives import MEASURE_WORDS
from qa.topic_roots import unbracketed


@cache
def frames() -> tuple[tuple[re.Pattern[str], re.Pattern[str], str | None], ...]:
    """The frame patterns of qa/data/topic_frames.json, compiled with the topic read shortest
    and longest: (shortest, longest, aspect)."""
    raw = resources.files("qa").joinpath("data", "topic_frames.json").read_text("utf-8")
    data = json.loads(raw)
    macros = data["macros"]

    # a year, or a word for one: the words qa.periods reads (去年, 上年, 上一年, 今年…), or a
    # five-year plan's period (十四五末); or several, either of which is asked (今年或十四五末,
    # 今年或到2025年)
    year = f"{RELATIVE.pattern}|(?:19|20)\\d\\d年|{PLAN_PERIOD}"
    years = f"(?:{year})(?:(?:或者|或是|或|和|及|、|与)(?:到)?(?:{year}))*"

    def compile_frame(frame: str, topic: str) -> re.Pattern[str]:
        for name, body in macros.items():
            frame = frame.replace("{" + name + "}", body)
        frame = frame.replace("{YEARS}", years).replace("{UNIT}", _UNIT)
        return re.compile(frame.replace("{X}", topic))

    def both(frame: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
        return compile_frame(frame, "(?P<X>.+?)"), compile_frame(frame, "(?P<X>.+)")

    frames = [(*both(f["frame"]), None) for f in data["frames"]]
    frames += [(*both(a["frame"]), a["aspect"]) for a in data["aspects"]]
    return tuple(frames)


def framed(shortest: re.Pattern[str], longest: re.Pattern[str], part: str) -> str | None:
    """The topic a frame reads in `part`: the shortest, unless it ends inside a word and the
    longest ends with that word (给科普基地建设定了数量: 科普基地建设, not 科普基地建 before
    设定)."""
    m = shortest.fullmatch(part)
    if m is None or m.group("X").endswith(_JOINING):
        # (a topic ends in no joining word: 地区生产总值增速或总量 is the topic's measures, not
        # 地区生产总值增速或 with its total asked; not 和 or 及, which end words: 碳中和, 普及)
        return None
    if m.group("X").startswith(_JOINING):  # 在建设或争创…: acts joined to the frame's
        return _after_acts(m.group("X")) or m.group("X")
    ends = word_breaks(part)
    if m.end("X") not in ends:
        longer = longest.fullmatch(part)
        word_end = min(e for e in ends if e > m.end("X"))
        if longer is not None and longer.end("X") == word_end:
            return longer.group("X")
    return m.group("X")


_JOINING = ("或", "或者", "以及", "、")


def _after_acts(topic: str) -> str:
    """The thing acts joined to a frame's act are done to (或争创国家儿童友好城市: 国家儿童友好城市,
    a place's evidence saying any act of it); empty when only acts follow (或建设)."""
    from qa.topic_alternatives import acts, tagged

    words = list(tagged(topic))
    at = 0
    while at < len(words) and (words[at][0] in _JOINING or acts(*words[at])):
        at += 1
    return "".join(word for word, _ in words[at:]) if at < len(words) else ""


# a figure asked of the year ahead is a target: 今年计划新建5G基站的有哪些，各多少
# (or to reach: 森林覆盖率要达到多少, 力争突破多少)
_AHEAD = re.compile(
    r"今年|明年|计划|打算|预计|定了|定下|提出要"
    # (a target said set: 设了目标, 提出了数量目标)
    r"|(?:设|设置|提出|制定|确定|明确)了?[\u4e00-\u9fff]{0,6}?(?:目标|指标)"
    r"|(?:要|将|力争|争取)(?:达到|提高到|提升到|增长到|突破|实现|到(?:多少|几)|新增|新建|建成|引进|培育)"
)
# …and a topic set for a year is one, however asked (哪些地方定了今年的造林面积)
_SET_AHEAD = re.compile(r"(?:定了|设定了|确定了|定下了?)(?:今年|明年|本年度?|(?:19|20)\d\d年)")
# an amount, whose figure is stated in 元 (成交额, 交易额, 进出口总额), and a growth asked of it
_AMOUNT = re.compile(
    r"(?:(?:成交|交易|销售|营业|进出口|贸易|投资)(?:总)?额|收入|金额|总值|产值|增加值)$"
)
_GROWTH = re.compile(r"增速|增长|增幅|涨幅|数据")  # (数据: any data of it, a growth too)
# …one asked of the year behind is a result; one asked done or set (完成面积或目标面积), any figure
_BEHIND = re.compile(r"去年|上一年|上年|过去一年|前一年")
# …as what a place reported (报告了去年的外贸进出口总额, 给出了上年的…)
_REPORTED_BEHIND = re.compile(rf"(?:报告|报|给出|公布|披露|说)了?(?:{_BEHIND.pattern})")
# …and one asked as it stands or was done, said outside the topic (报了实际成交金额, 现在是多少,
# 现状数值, 现有高新技术企业的总数; not 实际使用外资, a topic's own word)
_DONE = re.compile(r"实际|现在|目前|当前|现有|现状|现值|存量|已经|已(?:实现|达到|做到|完成)")
# (…a total, unless said with other measures that count as well: 数量（总量、新增或增幅）)
_TOTAL_ASKED = re.compile(r"(?<![、或和及])(?:总数|总量|存量|现有|共有)(?![、或和及])")
# …unless an addition is its alternative (年度新增或规划期总量都算: either)
_ADDED_OR_TOTAL = re.compile(
    r"(?:新增|净增|增量)[^，,。？?]{0,8}(?:或者|或|和|及)[^，,。？?]{0,8}?总(?:数|量)"
)
# what was reached, said between a topic and its measures (研发经费投入已实现的强度或增幅)
_MEASURE = "(?:" + "|".join(sorted([*MEASURE_WORDS, "比例", "水平"], key=len, reverse=True)) + ")"
# (the topic whole, from after a verb's 了 or a 的, not from inside a word: 给出了可再生能源…
# 已达到的规模: 可再生能源…; 给出了研发投入强度（R&D经费占GDP比重）已经达到的水平: 研发投入强度（…）)
_DONE_BEFORE_MEASURE = re.compile(
    r"(?:^|(?<=[了的，,：:]))(?!(?:(?:19|20)\d\d年|"
    + RELATIVE.pattern
    + r")(?:已经|已))"  # (no year)
    r"(?P<topic>[^，,。？?；;了哪谁]{2,24}?)(?P<done>(?:已经|已)(?:实现|达到|做到|完成)(?:了)?的)"
    rf"(?P<measure>{_MEASURE}(?:(?:或者|或|和|及|、){_MEASURE})*)(?=[，,。？?；;]|$)"
)

# a measure or a fall said after 给X定了 is the topic's (给数字经济定了占GDP比重目标,
# 给PM2.5定了具体下降目标)
_GIVEN_MEASURE = re.compile(
    r"(?:给|为|对)(?P<topic>[^，,。？?给为对]{2,20}?)(?:定|设定|设|制定|确定|明确)(?:了)?(?:具体|明确)?"
    r"(?:的)?(?P<measure>占(?:GDP|地区生产总值)(?:的)?比重|比重|占比|营收|营业收入|产值|增加值"
    r"|下降|降低|减少|削减|增长率|增速|增幅)"  # (a growth too: 给研发经费投入定了增长率目标)
    r"(?:的)?(?=目标|指标)"
    # (…or a fall given after the topic: PM2.5浓度给了具体下降目标)
    r"|(?P<given>[^，,。？?给为对]{2,20}?)给了?(?:具体|明确)?(?:的)?(?P<fall>下降|降低|减少|削减)(?=目标|指标)"
)


def with_measure_given(text: str) -> str:
    """The question with the measure or fall a topic is given read as the topic's (给数字经济定了
    占GDP比重目标 → 定了数字经济占GDP比重目标; PM2.5浓度给了具体下降目标 → 定了PM2.5浓度下降目标)."""
    return _GIVEN_MEASURE.sub(
        lambda m: f"定了{m['topic'] or m['given']}{m['measure'] or m['fall']}", text, count=1
    )


def with_done_first(text: str) -> str:
    """The question with what was reached said before the topic, whose measures it splits
    (研发经费投入已实现的强度或增幅 → 已实现的研发经费投入强度或增幅): a figure reached of the
    topic's measures; a level reached is the topic's figure itself (研发投入强度已经达到的水平)."""
    return _DONE_BEFORE_MEASURE.sub(
        lambda m: m["done"] + m["topic"] + m["measure"].removesuffix("水平"), text, count=1
    )


_EITHER = re.compile(
    r"(?:完成|实际)\w{0,4}(?:或|和|及)\w{0,4}目标|目标\w{0,4}(?:或|和|及)\w{0,4}(?:完成|实际)"
)


def asks_year_behind(text: str) -> bool:
    """Whether a figure is asked of the year behind (去年GDP增速超过了6%)."""
    return bool(_BEHIND.search(text))


def figure_asked(
    text: str, topic: str, aspect: str | None
) -> tuple[str | None, str | None, bool, bool]:
    """The aspect a frame read, settled by the rest of the question `text` about `topic`: a
    figure asked of the year ahead is a target, one asked done or set any figure; the unit asked
    (or the topic's measure's); whether a result of the year behind is asked; and whether a
    total is (现有高新技术企业的总数: no number added in a year)."""
    # 今年计划新建5G基站…各多少, 定了今年的造林面积: a target
    if (aspect == "figure" and _AHEAD.search(text)) or (aspect is None and _SET_AHEAD.search(text)):
        aspect = "target"
    # 报告了去年的…: its figure; 完成面积或目标面积: any figure
    elif (aspect is None and _REPORTED_BEHIND.search(text)) or (
        aspect == "target" and _EITHER.search(text)
    ):
        aspect = "figure"
    rest = text.replace(topic, "", 1)
    unit = (unit_asked(rest) or measure_unit(topic)) if aspect else None
    # (of the topic's words, not a bracket's: 地区生产总值（经济总量）)
    amounts = [bool(_AMOUNT.search(t)) for t in re.split(r"或者|或|、", unbracketed(topic)) if t]
    if unit is None and aspect == "figure" and all(amounts) and not _GROWTH.search(text):
        # the figure of an amount (技术合同成交额, 地区生产总值) is in 元, not its growth; of
        # amounts alone (not 游客接待量或旅游收入)
        unit = "金额"
    done = _BEHIND.search(text) or (_DONE.search(rest) and not _EITHER.search(text))
    # (a target's total too: 定了总量目标 is no number to add)
    total = _TOTAL_ASKED.search(rest) and not _ADDED_OR_TOTAL.search(rest) or total_named(topic)
    figure = aspect == "figure"
    return aspect, unit, figure and bool(done), aspect in ("figure", "target") and bool(total)


@cache
def aspect_evidence(aspect: str | None) -> re.Pattern[str] | None:
    """The pattern an evidence sentence must match for `aspect` (None: any sentence)."""
    if aspect is None:
        return None
    raw = resources.files("qa").joinpath("data", "topic_frames.json").read_text("utf-8")
    for entry in json.loads(raw)["aspects"]:
        if entry["aspect"] == aspect and "evidence" in entry:
            return re.compile(entry["evidence"])
    return None


# what leads to an act intended (今年要建, 打算新引进)
_INTENT = ("要", "将", "计划", "打算", "准备", "拟")
_INTENDED = "|".join(_INTENT)
# a figure asked of the topic, after it (口袋公园建了多少个 → 口袋公园) or before it (要建多少充电桩)
_COUNTED_ACT = (
    r"(?:建|建设|新建|建成|接待|发|发放|新增|完成|改造|引进|培育|开行|达到"
    r"|[\u4e00-\u9fff]{2,3}(?=(?:了)?多少))"  # (any act: 筹集多少套保障性租赁住房, 新引进)
)
_HOW_MUCH_AMID = re.compile(
    # (not where a figure is to be held: 稳定在多少斤以上, a frame's)
    r"(?P<topic>[\u4e00-\u9fff]{2,}?)(?:实际)?[\u4e00-\u9fff]{2}(?<![在到至])了?(?:多少|几)[\u4e00-\u9fff]{1,4}"
)
_HOW_MANY_BEFORE = re.compile(
    # (acts joined: 新增/达到多少家)
    rf"^(?:明确)?(?:{_INTENDED})?(?:累计|共|一共|总共|合计)?"
    rf"(?:{_COUNTED_ACT}(?:[/、或]{_COUNTED_ACT})*)?(?:了)?多少"
)


def without_how_many(part: str) -> str:
    """`part` without a how-many said after the topic or before it, and its unit unless the
    unit starts the topic (多少个充电桩 → 充电桩; 多少人才 → 人才)."""
    part = _ACT_BRACKETED.sub("", part)  # (要新建（改造）多少, 建成（或新增）了多少)
    without = _without_counted_act(part) or _HOW_MANY.sub("", part)
    part = without if len(without) >= 2 else part
    m = _HOW_MANY_BEFORE.match(part)
    if m is None:
        # (an act and how much of a measure after the topic: 促消费活动拉动了多少消费)
        amid = _HOW_MUCH_AMID.fullmatch(part)
        return amid["topic"] if amid else part
    rest = part[m.end() :]
    unit = re.match(_UNIT, rest)
    if unit and len(rest) - unit.end() >= 2:
        return rest[unit.end() :]
    return rest if len(rest) >= 2 else part


# another act bracketed after the act a how-many counts, counted too
_ACT_BRACKETED = re.compile(
    r"[（(](?:或者|或)?(?P<act>[\u4e00-\u9fff]{2,4})[)）](?=(?:了)?(?:多少|几))"
)


def _without_counted_act(part: str) -> str | None:
    """`part` without the act a how-many at its end counts and the intent or time that leads to
    it (绿色工厂今年要创建多少家 → 绿色工厂), when jieba reads that act as a verb of two characters
    or more; None otherwise (口袋公园建了多少个 is left to _HOW_MANY)."""
    m = _HOW_MANY.search(part)
    if m is None:
        return None
    import jieba.posseg

    from qa.topic_alternatives import acts

    pieces = jieba.posseg.lcut(part[: m.start()] + re.sub(r"(?:了)?(?:多少|几).*$", "", m.group(0)))
    while pieces and pieces[-1].word in ("了", "的"):
        pieces.pop()
    if len(pieces) < 2 or len(pieces[-1].word) < 2 or not acts(*pieces[-1]):
        return None
    pieces.pop()
    while pieces:  # (acts joined: 要筹集或新建多少套; or side by side: 今年新建改建多少公里)
        if len(pieces) >= 2 and pieces[-1].word in _JOINING and acts(*pieces[-2]):
            del pieces[-2:]
        elif len(pieces[-1].word) >= 2 and acts(*pieces[-1]):
            pieces.pop()
        else:
            break
    # (only an act said apart from the topic, after an intent or a time: 保交楼交付了多少 asks
    # the topic's own act)
    if not pieces or not (pieces[-1].word in _INTENT or pieces[-1].flag.startswith("t")):
        return None
    while pieces and (pieces[-1].word in _INTENT or pieces[-1].flag.startswith("t")):
        pieces.pop()
    return "".join(p.word for p in pieces) or None


_UNIT = (
    r"(?:个|家|项|亩|万亩|套|座|所|处|条|公里|人|万人|人次|名|户|万户|辆|台|张|亿元|万元|班|列"
    # (and a measure with its multiplier: 多少亿吨, 多少万千瓦)
    r"|平方米|万平方米|[万亿]?(?:吨|千瓦|标箱)|万人次|亿美元)"
)
_HOW_MANY = re.compile(
    # (and what is done already: 已经做到多少, 实际做到了多少)
    # (by a year: 到2025年要到多少)
    rf"(?:的)?(?:分别|各)?(?:(?:到|至)?(?:19|20)\d\d年(?:底|末)?)?(?:{_INTENDED}|已经|已)?(?:实际)?"
    r"(?:建|建成|新建|有|新增|达到|做到|实现|完成|改造|开行|建设|花|用|投入|投|做|办|发|发放|放|接待|是|为|到"
    # (or a level it is to be moved to: 占比要提高到多少)
    r"|(?:提高|提升|增长|增加|扩大|降低|下降|降|压降|减少|控制)(?:到|至))?"
    # (or how large: 已经达到多大规模)
    rf"(?:了)?(?:(?:多少|几)(?:{_UNIT}|钱)?|多大(?:的)?(?:规模|面积|体量)?)"
    # (and the measures it is asked in, bracketed: 要做到多大（规模或占GDP比重）)
    r"(?:[（(][^（）()]{1,16}(?:[)）]|$))?$"
)
