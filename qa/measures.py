"""The units a figure is asked in and stated in: a question's unit (接待游客的人次, 多少亩, 多少钱:
an amount), a topic named by its measure (造林面积: 亩 or 公顷), and how reports write each unit;
and the words of a question that ask a figure, not a topic: the aspect said (定了目标, 有具体数字),
the measures after a topic (的新增或总量), a ratio to a base (与GDP的比率)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.periods import RELATIVE

if TYPE_CHECKING:
    from qa.topics import Topic

# a weight in 斤, whatever it is stated in: 粮食产量不低于100亿斤 is passed by 1955万吨
JIN = {"斤": 1.0, "公斤": 2.0, "千克": 2.0, "吨": 2000.0}

# a unit of measure a question asks a figure in (接待游客的人次, 给了公里数, 多少亩), and how
# reports write it; a counter (个, 家, 套) is not one: reports count one thing in several
# (an amount, 金额, is in 元: 50亿元, 118.1亿美元; a growth rate is none)
UNITS = {
    "人次": "人次",
    "公里": "公里|千米",
    "千米": "公里|千米",
    "亩": "亩",
    "吨": "吨",
    "weight": "公斤|千克|吨|斤",
    "金额": "(?:美|欧|港)?元",
    # the measures a topic is named by (qa.topic_terms), in the units reports state them in
    "面积": "亩|公顷|平方(?:公里|千米|米)",
    "产量": "吨|斤|公斤|千克|辆|台|件|千瓦时|度|立方米",
    "人数": "人(?!次)|名",
    # what a bound on a target is said in (高于6%, 2000家及以上)
    "%": "%|％",
    "count": "[个家项人户所座台辆套件名条列张头只枪](?!次)",
}
# the measure a topic is named by, and the unit of UNITS its figure is stated in
_MEASURED = re.compile(r"(总产量|产量|面积|人数|人次|里程)$")
_MEASURE_UNIT = {"总产量": "产量", "里程": "公里"}


def measure_unit(topic: str) -> str | None:
    """The unit a figure of `topic` is stated in when the topic is named by its measure (造林
    面积: 面积, in 亩 or 公顷; 农村公路里程: 公里), None otherwise."""
    m = _MEASURED.search(topic)
    return _MEASURE_UNIT.get(m[1], m[1]) if m else None


# the words things are counted in one by one, asked as their count (套数) or how many (多少套)
_COUNTERS = "套个户家头只件台辆座所"
_UNIT_ASKED = re.compile(
    # (or said first, where the topic was: 优良天数比例（优良率）去年…; not inside its bracket)
    r"(?:(?:多少|具体|绝对|的|了|出|[（(]|或|目标)|(?=人次)|^(?![^（）()]*[）)]))"
    r"(人次|公里|千米|里程|亩|吨|公斤|千克|斤|金额|钱|(?<=多少)(?:万|亿)?元|面积|百分比"
    r"|增速(?=目标|指标)(?![^（）()]*(?:也|都)算)"
    # (人次 ends no name: 游客人次)
    rf"|百分数|比例|比率|[{_COUNTERS}]数|项目数)(?:数)?(?![均半])"
)
# what a unit asked is called in UNITS (多少钱: an amount; 百分比, 比例: a share or a rate; 套数: a
# count of things, not a share of them)
# (an amount asked in 元: 多少亿元; a distance in 公里: 里程数)
_UNIT_NAMES = {"钱": "金额", "元": "金额", "万元": "金额", "亿元": "金额", "里程": "公里"}
_UNIT_NAMES |= dict.fromkeys(("百分比", "百分数", "比例", "比率", "增速"), "%")
_UNIT_NAMES |= {f"{one}数": "count" for one in _COUNTERS} | {"项目数": "count"}
# (a weight asked in one unit is met in any: 多少斤或多少吨, 1955万吨 for 亿斤)
_UNIT_NAMES |= dict.fromkeys(JIN, "weight")


# things counted, asked how many of (多少家, 多少万户): a count (not 多少个百分点; 哪几个 asks
# places)
_COUNT_ASKED = re.compile(rf"多少(?:万|亿)?[{_COUNTERS}项](?!次|百分点|点|月|季|年|方面|倍)")


def unit_asked(question: str) -> str | None:
    """The unit of measure `question` asks its figure in (金额: an amount in 元), None when it
    names none."""
    m = _UNIT_ASKED.search(question)
    if m is None:
        # (not when a measure is asked beside: 多少个（或多大面积）, 总数、新增数、增幅都算)
        other = re.search(r"面积|增幅|增速|增长|比例|比重|百分比|范围|金额|规模", question)
        return "count" if _COUNT_ASKED.search(question) and not other else None
    unit = _UNIT_NAMES.get(m.group(1), m.group(1))
    other = re.match(r"(?:或者|或|、|和|及)(?:多少|几)?([\u4e00-\u9fff]{1,3})", question[m.end() :])
    if other and _UNIT_NAMES.get(other[1], other[1]) != unit:
        return None  # (人次或收入: either, so any unit; 套数或项目数: counts)
    if re.search(r"(?:增速|增幅|增长率?|增量)(?:或者|或|、|和|及)$", question[: m.start(1)]):
        return None  # (增速或金额: a growth rate, in no unit, or the amount)
    return unit


# a ratio of a thing to its base (社会物流总费用与GDP的比率, 与生产总值之比): the thing's figure
_RATIO_TO = re.compile(
    r"(?<=[\u4e00-\u9fffA-Za-z0-9]{2})(?:与|同|和)[\u4e00-\u9fffA-Za-z]{2,8}?(?:的)?(?:比率|比值|之比|比例)"
)


def part_of_ratio(text: str) -> str:
    """The question with a ratio of a thing to another read as the thing's figure, the base
    and the ratio left out (社会物流总费用与GDP的比率 → 社会物流总费用): the thing is the
    topic, however the document names the base (与生产总值的比率) and whatever the figure's unit
    (降至12.5%, 再下降0.3个百分点)."""
    return _RATIO_TO.sub("", text, count=1)


# what a part of the question says of the topic's figure, with no topic in it: 有具体数字,
# 给了具体数, 建了多少个, 写了数 (a figure), 定了目标 (a target)
ASPECT_SAID = (
    ("target", re.compile(r"(?:目标|指标)")),
    (
        "figure",
        re.compile(
            r"具体(?!举措|措施|做法|内容|部署|安排)|数字|数据|数值|数额|金额|百分比|多少|人次|有数(?![据字])"
            r"|报(?:了|过)|公布|实际|实绩|现状"
            r"|[\u4e00-\u9fff]{0,2}数(?=[？?，,]|$)"
        ),
    ),
)
# the measure asked, with no topic in it (今年造林目标，哪些地方定了面积); or several (定了增量或
# 总量目标)
MEASURE_ASKED = (
    r"(?:[\u4e00-\u9fff]{0,2}数|数字|数目|数据|数值|人次|金额|数额|数量|百分比|目标|指标|实绩"
    r"|面积|里程|产量|规模|人数|增量|总量|存量|增速|增幅|浓度|下降|降幅|涨幅)"
)
# the measures said after a topic (高新技术企业的新增或总量), no part of it
# (a joiner may end them, what it joined stripped already: 5G基站的增量和|总量)
_JOINER = r"(?:或者|或|和|及|、)"
_MEASURE_OR_NEW = rf"(?:新增|{MEASURE_ASKED})"
MEASURES_AFTER = rf"(?<=..)的{_MEASURE_OR_NEW}(?:(?:{_JOINER}{_MEASURE_OR_NEW})+|(?:{_JOINER}{_MEASURE_OR_NEW})*{_JOINER})$"
# a move by so much, what a figure may be said as (提高几个百分点, 上升3个百分点, 增长5%)
MOVED_BY = (
    r"(?:提高|提升|增长|增加|上升|升|下降|降低|降|减少)(?:了)?"
    r"(?:几|多少|\d+(?:\.\d+)?)(?:个)?(?:百分点|%|％)"
)
ASPECT_ONLY = re.compile(
    rf"(?:给出|给|报|写|公布|列出|现有|有|定)?(?:了)?(?:{RELATIVE.pattern}|(?:19|20)\d\d年)?(?:的)?(?:具体)?(?:的)?"
    rf"{MEASURE_ASKED}(?:(?:或者|或|和|及|、|/)?{MEASURE_ASKED}){{0,3}}(?:的)?(?:目标|指标)?"  # (目标数值)
    r"(?:[（(][^（）()]{1,12}[)）]?)?"  # (and what: 数字（套数或项目数）)
    rf"|(?:比率|比例|占比|比重)?{MOVED_BY}"  # (or a move: “提高几个百分点”也算)
)


# an alternative of a topic named by its total, another thing after it (接待游客总量或旅游总收入;
# not 总量或新增, measures of one thing)
_TOTAL_FIRST = re.compile(
    r"总(?:数|量)(?=(?:或者|或|、)(?!新增|净增|增|数量|规模)[\u4e00-\u9fff]{2})"
)


def total_named(topic: str) -> bool:
    """Whether an alternative of `topic` is named by its total: its figure asked is a total."""
    return bool(_TOTAL_FIRST.search(topic))


# what asks a target's figure, not only the target: 具体数, 多少, 百分比, 量化, a rate (增速); and
# what asks the figure itself, not one set against another's
_FIGURE_ASKED = re.compile(
    r"具体|数字|数值|数额|金额|数量|总额|总量|百分比|比例|比重|多少|几|量化|定量|有数|给了数|写了数"
    r"|增速|增幅|增长率|涨幅|规模|[%％\d]"
)
_SPECIFIC_ASKED = re.compile(r"具体|数字|数值|数额|百分比|比例|量化|定量|[%％\d]")
# a target asked as a requirement in words, not a line of a list of targets (只写了定性要求, 提出了
# 今年要求, 只有原则性表述)
_REQUIRED = re.compile(r"定性|原则性|(?:提|写|有|给)(?:出|了)*[\u4e00-\u9fff]{0,4}?要求")


def with_worded_targets(topic: Topic, question: str) -> Topic:
    """`topic` marked `worded` when it asks a target and `question` asks no figure of it, or one
    the target lacks; `against` when it asks no specific figure, and `required` when it asks a
    requirement in words."""
    lacks = any(t.text == topic.text and t.aspect for t in topic.none_of)  # (…却没给具体数字)
    if topic.aspect != "target" or (topic.limit or topic.unit) and not lacks:
        return topic
    if _FIGURE_ASKED.search(question) and not lacks:
        return replace(topic, against=not _SPECIFIC_ASKED.search(question))
    # (a target written in without its figure is an aim said anywhere ahead, as a requirement is)
    required = lacks or bool(_REQUIRED.search(question))
    return replace(topic, worded=True, against=True, required=required)
