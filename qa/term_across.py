"""A term said across a list rather than whole: one kind among several before the head they
share, or its first word said once before two things of one kind."""

from __future__ import annotations

import re


def listed_in_kinds(term: str) -> re.Pattern[str] | None:
    """A term said as one kind in a list before its head (and the group they are, between):
    家政服务 in 托幼、家政、数字等服务, 高校毕业生就业 in 高校毕业生、退役军人等重点群体就业,
    新材料产业 in 新材料、新能源等产业 (the 等 closes the list: 氢能、储能、新能源汽车 names
    no 氢能汽车)."""
    import jieba

    from qa.topic_alternatives import DESIGNATIONS

    words = jieba.lcut(term)
    # (designations said together are one head: 国家中医药传承创新发展示范试点 in 国家中医药传承
    # 创新发展和普惠托育服务发展示范试点)
    while len(words) > 2 and words[-2] in DESIGNATIONS and words[-1] in DESIGNATIONS:
        words[-2:] = [words[-2] + words[-1]]
    head = words[-1]
    kind = term[: -len(head)]
    if len(words) < 2 or len(head) < 2 or len(kind) < 2:
        return None
    group = r"(?:[\u4e00-\u9fff]{0,2}(?:群体|人群|人员))?"  # (重点群体, between 等 and the head)
    # (a head that names a class is shared without 等 too: 独角兽、瞪羚、专精特新企业)
    closed = "等?" if head in _CLASS_HEADS else "等"
    # (…or without 等, a kind of the same class as the term's, ending as it does: 新能源装机 in
    # 新能源和清洁能源装机; not 氢能汽车 in 氢能和新能源汽车)
    alike = rf"[\u4e00-\u9fff]{{0,6}}{re.escape(kind[-2:])}" if len(kind) >= 3 else "(?!)"
    # (…or two kinds or more all ending in its last character, the head's manner said before it:
    # 碳排放权交易 in 碳排放权、用能权、排污权市场化交易)
    same = (
        rf"(?:[、和及与][\u4e00-\u9fff]{{1,5}}?{re.escape(kind[-1])}){{2,8}}[\u4e00-\u9fff]{{0,3}}?"
    )
    return re.compile(
        re.escape(kind)
        + rf"(?:(?:[、和及与][\u4e00-\u9fff]{{1,8}}?){{1,8}}?{closed}{group}|[、和及与]{alike}"
        + (f"|{same}" if len(kind) >= 3 else "")
        + ")"
        + re.escape(head)
    )


# heads a list of kinds shares however it ends: the class the kinds are of
_CLASS_HEADS = frozenset(["企业", "产业", "行业", "产业链", "产业集群"])


def said_once_for_two(term: str) -> re.Pattern[str] | None:
    """A term whose first word is said once before two things of one kind: 国家区域医疗中心 in
    国家医学中心和区域医疗中心 (both 中心); not 国家高新区 in 国家级平台和高新区."""
    import jieba

    words = jieba.lcut(term)
    modifier, head = words[0], words[-1]
    rest = term[len(modifier) :]
    if len(words) < 3 or len(modifier) < 2 or len(head) < 2 or len(rest) < 4:
        return None
    return re.compile(
        re.escape(modifier)
        + rf"[\u4e00-\u9fff]{{1,8}}?{re.escape(head)}[和及与、]"
        + re.escape(rest)
    )
