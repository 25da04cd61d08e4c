"""A list of a year's or a plan's targets: the lead each of its clauses stands under, the
words that say a passage is one, and how a target in it is set against another's; and the
figures of a list's items, each its own (分别) or theirs together (…等项目54个)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.topic_terms import MOTION_SUFFIX

if TYPE_CHECKING:
    from qa.term_matcher import TermMatcher

# a list of a year's or a plan's targets (主要预期目标是：…)
TARGETS_LISTED = re.compile(r"预期目标|主要目标|发展目标")
# a figure set against the country's, the province's or the economy's, the topic's own or that
# of a list it is one of (地方一般公共预算收入、居民收入增速高于经济增长水平)
AGAINST = re.compile(
    r"(?:、[^，,；;。、]{1,12}?)*(?:增速|增长|涨幅)?(?:要|力争|继续)?(?:高于|快于|不低于|略高于|好于|保持在|与)"
    r"[^，,；;。]{0,6}?(?:全国|全省|全区|全市|省|平均|经济增长|地区生产总值|gdp)"
)


def list_leads(sentences: list[str]) -> list[str]:
    """What each sentence stands under when it is a clause of a list opened by a lead and run
    on with semicolons ("主要预期目标是：地区生产总值增长6%左右；固定资产投资增长10%左右；":
    the second's lead is 主要预期目标是：), else ""."""
    leads, lead = [], ""
    for sentence in sentences:
        leads.append(lead)
        said = sentence.rstrip()
        if not said.endswith(("；", ";")):
            lead = ""
        elif not lead:  # a full-width colon or an ASCII one (a converted .docx or PDF)
            m = re.match(r"(.*[：:])", said)
            lead = m.group(1) if m else ""
    return leads


# what says a thing moves or stands against another: a growth or a share asked in words is set
# by a clause saying so (居民收入增长与经济增长同步), not one naming the thing (外贸外资促稳提质)
_MOVES = re.compile(r"增|涨|降|提高|提升|扩大|翻番|同步|高于|快于|不低于|比重|占比")


def said_to_move(topic: str, terms: TermMatcher, said: str) -> bool:
    """Whether a clause of `said` (normalised) names the topic's `terms` and then says it moves,
    when the topic is a motion (实际利用外资增长)."""
    if not MOTION_SUFFIX.search(topic):
        return True
    clauses = re.split(r"[，,；;。]", said)
    return any(_MOVES.search(c[m.start() :]) for c in clauses if (m := terms.search(c)))


def respective_figure(clause: str, at: int) -> str | None:
    """The figure of the item at `at` of a list said with 分别 (城镇、农村居民人均可支配收入分别增长
    6%左右、7.5%左右: 农村's is 7.5%左右); None when the clause pairs no items with figures."""
    split = clause.find("分别", at)
    if split < 0:
        return None
    items = [m.end() for m in re.finditer(r"[、和及与]", clause[:split])]
    figures = re.split(r"[、和及与]", clause[split + 2 :])
    if not items or len(figures) != len(items) + 1:
        return None
    k = sum(1 for end in items if end <= at)
    return figures[k]


# a figure after a list's 等 and its head: the items' together (…改造等项目54个; not 中等职业学校)
LIST_COUNTED = re.compile(
    r"[^\d，,；;。]{0,12}?(?<![中高初平同一二三])等[\u4e00-\u9fff]{0,4}?(?:\d|[一二三四五六七八九十两]+[个项类])"
)
