"""The units a figure is asked in and stated in: a question's unit (接待游客的人次, 多少亩, 多少钱:
an amount), a topic named by its measure (造林面积: 亩 or 公顷), and how reports write each unit."""

from __future__ import annotations

import re

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
    "count": "[个家项人户所座台辆套件名条列张](?!次)",
}
# the measure a topic is named by, and the unit of UNITS its figure is stated in
_MEASURED = re.compile(r"(总产量|产量|面积|人数|里程)$")
_MEASURE_UNIT = {"总产量": "产量", "里程": "公里"}


def measure_unit(topic: str) -> str | None:
    """The unit a figure of `topic` is stated in when the topic is named by its measure (造林
    面积: 面积, in 亩 or 公顷; 农村公路里程: 公里), None otherwise."""
    m = _MEASURED.search(topic)
    return _MEASURE_UNIT.get(m[1], m[1]) if m else None


_UNIT_ASKED = re.compile(
    r"(?:多少|具体|的|了|出|[（(]|或|目标)(人次|公里|千米|亩|吨|公斤|千克|斤|金额|钱|面积|百分比|百分数|比例|比率"
    r"|套数|个数|户数|家数|项目数)(?:数)?(?![均半])"
)
# what a unit asked is called in UNITS (多少钱: an amount; 百分比, 比例: a share or a rate; 套数: a
# count of things, not a share of them)
_UNIT_NAMES = {"钱": "金额"} | dict.fromkeys(("百分比", "百分数", "比例", "比率"), "%")
_UNIT_NAMES |= dict.fromkeys(("套数", "个数", "户数", "家数", "项目数"), "count")
# (a weight asked in one unit is met in any: 多少斤或多少吨, 1955万吨 for 亿斤)
_UNIT_NAMES |= dict.fromkeys(JIN, "weight")


def unit_asked(question: str) -> str | None:
    """The unit of measure `question` asks its figure in (金额: an amount in 元), None when it
    names none."""
    m = _UNIT_ASKED.search(question)
    if m is None:
        return None
    unit = _UNIT_NAMES.get(m.group(1), m.group(1))
    other = re.match(r"(?:或者|或|、|和|及)(?:多少|几)?([\u4e00-\u9fff]{1,3})", question[m.end() :])
    if other and _UNIT_NAMES.get(other[1], other[1]) != unit:
        return None  # (人次或收入: either, so any unit; 套数或项目数: counts)
    return unit
