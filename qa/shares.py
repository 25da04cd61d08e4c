"""Where a sentence writes a thing only as what another thing's figure is measured against: the
base of a share (研发经费占地区生产总值比重), the whole a part's share is of (规模以上工业产值中
高技术产业产值占比), or a unit (单位GDP能耗). A figure there is not the thing's own."""

from __future__ import annotations

import re


def share_base_at(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` is the base of a share (占地区生产总值比重), or the whole a
    part's share is of (规模以上工业产值中高技术产业产值占比)."""
    after = _SHARE_BASE.search(text, max(0, start - 8), start) and _SHARE_OF.match(text, end)
    return bool(after or _WHOLE_OF_PART.match(text, end))


# what stands around the base of a share: 占GDP比重, 占地区生产总值的比例 (生产总值 too), 与地区
# 生产总值的比率, or after it alone: GDP占比增长0.2个百分点; and what follows a share's part
# (海洋生产总值占GDP比重9%: the figure is the share, not the part's)
_SHARE_BASE = re.compile(r"(?:占|与)[\u4e00-\u9fff]{0,6}[(（]?$")
_SHARE_OF = re.compile(r"(?:[)）]|[(（][^()（）]{1,12}[)）])?(?:的)?(?:比重|比例|比率|份额)")
# …or of a measure per unit of it: 单位GDP能耗, 万元地区生产总值用水量
# (the whole of a name too: 单位地区生产总值能耗 holds no 生产总值 of its own; not 发放8909万元消费券)
_PER_UNIT = re.compile(r"(?:单位|每万元|(?<![\d.])万元)(?:地区|国内)?$")
_SHARE_AFTER = re.compile(r"(?:的)?占(?:比|[^，。；,;]{1,10}?(?:比重|比例|份额))")
_WHOLE_OF_PART = re.compile(r"[\u4e00-\u9fff]{0,4}中[\u4e00-\u9fff]{2,16}?(?:占比|比重)")


def figure_of_another(text: str, start: int, end: int) -> bool:
    """Whether a figure near `text[start:end]` is another thing's: the thing is a share's base
    or whole, stands before a share of its own (海洋生产总值占GDP比重9%), or is a unit."""
    return bool(
        share_base_at(text, start, end)
        or _SHARE_AFTER.match(text, end)
        or _PER_UNIT.search(text, max(0, start - 5), start)
    )
