"""When a sentence may count as a mention of a topic by meaning alone, with no form of it
written (qa.districts' semantic check): it names enough of the topic, not another kind of its
head, and does not write the topic as something else."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources

from qa.shares import share_base_at
from qa.synonyms import broad_words
from qa.term_matcher import is_act
from qa.topic_alternatives import DESIGNATIONS
from qa.topic_terms import norm


def names_enough(topic: str, figure: bool = False) -> Callable[[str], bool]:
    """Whether a sentence may count as a mention of `topic` by meaning alone. A topic of three
    words or more names one thing (婴幼儿照护服务示范城市): a sentence must share at least half
    of its words, so that a passage on a neighbouring subject (普惠托育机构) is not taken for
    it, all but one when a `figure` of it (or of one of its alternatives) is asked (规上工业产值
    is no figure of 规上工业增加值增速); a shorter topic (低空经济, 科普) may be met in other
    words, but not by another kind of its head (基础养老金 for 个人养老金). A rank the topic
    names (国家, 省级…) must be named too, and of a longer topic a word that says which thing
    it is."""
    import jieba
    import jieba.posseg

    words = {w for w in jieba.lcut(norm(topic)) if len(w) >= 2}
    # (the words that name which thing: not a broad word nor a designation, 改革, 示范区 of
    # 中医药综合改革示范区, which 医疗器械放管服改革示范区 shares, nor an act, 培育 of 独角兽企业
    # 培育, which 培育科技型领军企业 shares)
    specific = {w for w in words - broad_words() - DESIGNATIONS if not is_act(w)}
    alternatives = [
        said
        for part in re.split(r"或者|或|、", norm(topic))
        if (said := {w for w in jieba.lcut(part) if len(w) >= 2})
    ]
    cut = [(p.word, p.flag) for p in jieba.posseg.lcut(norm(topic))]
    ranks = {m[1] for m in _RANK.finditer(norm(topic))}
    # (each rank and what it names: 国家, 区域医疗中心 of 国家区域医疗中心)
    ranked = [(m[1], norm(topic)[m.end() :]) for m in _RANK.finditer(norm(topic))]
    # a topic of two words, a kind and its head (个人养老金; not an act and its thing, 创建文明城市):
    # another kind of the head is another thing (a longer topic shares half its words, above)
    kind, head = (cut[0][0], cut[1][0]) if len(cut) == 2 else ("", "")
    if len(head) < 2 or cut[0][1].startswith("v") or is_act(kind):
        kind = ""

    def enough(sentence: str) -> bool:
        said = norm(sentence)
        if not all(rank in said for rank in ranks):
            return False  # 国家区域医疗中心 is not met by a 省级 one, nor by 区域医疗中心 alone
        if any(_other_rank(said, rank, thing) for rank, thing in ranked):
            return False  # (争创省级区域医疗中心…引进国家级名医: another rank's centre)
        if kind and kind not in said and _another_kind(said, kind, head):
            return False  # 城乡居民基础养老金 is no 个人养老金, nor 锂电池 a 钠电池
        if kind and head not in said and _broader(said, kind, head):
            return False  # 科技型企业 is not 科技型中小企业 (the kind of a wider head)
        if figure:  # (空气质量优良天数或优良率: either; at least one of its words, all but one:
            # 新增新能源装机 is one of 新能源装机规模)
            return any(1 >= sum(x not in said for x in w) < len(w) for w in alternatives)
        if len(words) < 3:
            return True
        return 2 * sum(w in said for w in words) >= len(words) and (
            not specific or any(w in said for w in specific)
        )

    return enough


def means_topic(quote: str, topic: str, named: Callable[[str], bool]) -> bool:
    """Whether a sentence may mean the topic: it names enough of it (`named`), and does not
    write it, or the longest start of it it writes, only as a share's base (研发经费占地区生产
    总值比重 is no GDP figure; …占规模以上工业增加值比重 is no 规模以上工业增加值增速; 研发投入占
    GDP比重 is one of 研发投入), nor names only a growth of what is a share."""
    said, whole = norm(quote), norm(topic)
    start = next((whole[:k] for k in range(len(whole), 3, -1) if whole[:k] in said), "")
    at = [m.start() for m in re.finditer(re.escape(start), said)] if start else []
    as_base = bool(at) and all(share_base_at(said, i, i + len(start)) for i in at)
    # (a share is not meant by a growth alone: 研发经费投入增长11.5% is no 强度; a share said as
    # a percent is: 80%以上财政支出用于民生)
    growth = not _SHARE.search(said) and re.search(r"增长|增速|增幅", said) is not None
    other_measure = bool(_SHARE.search(whole)) and growth
    return named(quote) and not as_base and not other_measure


_SHARE = re.compile(r"强度|比重|占比|比例|比率")


def _broader(said: str, kind: str, head: str) -> bool:
    """Whether `said` names `kind` with a wider head than `head`, an end of it (科技型企业 for
    科技型中小企业: 企业 of 中小企业)."""
    return any(kind + head[i:] in said for i in range(1, len(head) - 1))


def _another_kind(said: str, kind: str, head: str) -> bool:
    """Whether `said` names `head` as another kind than `kind`: after a modifier of its own
    (基础养老金, 锂电池), one that shares no character with `kind` (海上牧场 is a 海洋牧场), not
    after an act (新增托位 is any 托位)."""
    import jieba.posseg

    pieces = jieba.posseg.lcut(said)
    for before, piece in zip([None, *pieces], pieces, strict=False):
        if piece.word == head and before is not None and before.flag[:1] in ("n", "b", "a"):
            other = before.word
        elif piece.word.endswith(head) and len(piece.word) > len(head):
            other = piece.word[: -len(head)]
        else:
            continue
        if not set(other) & set(kind):
            return True
    return False


# the rank a topic names (国家区域医疗中心, 市级以上研发机构), which a sentence must name to mean it
_RANK = re.compile(r"(国家|省级|市级|区级|县级)")


def _other_rank(said: str, rank: str, thing: str) -> bool:
    """Whether `said` names the thing a rank names only after another rank (省级区域医疗中心
    for 国家区域医疗中心)."""
    if len(thing) < 4 or thing not in said:
        return False
    before = [said[max(0, m.start() - 3) : m.start()] for m in re.finditer(re.escape(thing), said)]
    return all((m := _RANK.search(b)) is not None and m[1] != rank for b in before)


# where a sentence's clauses end: a long sentence of a report lists several deeds, and the one
# that means the topic is diluted by the others (布局一批重点贸易伙伴海外仓 in a sentence on trade)
_CLAUSE_END = re.compile(r"[，；,;]")
_SHORTEST_CLAUSE = 6


def clauses_naming(sentence: str, topic: str) -> list[str]:
    """The clauses of a sentence of several that name a word of `topic` which says which thing
    it is (two characters or more, not a broad word of qa/data/synonyms.json, a designation nor
    one that half of all reports use, qa/data/common_words.json: 布局, 品牌, 城市) and the kind
    the topic is of (its first word that is no act: 农业 of 农业科技园区 is not met by 共建科技
    园区). Each may be read by meaning on its own (qa.districts)."""
    clauses = [c for c in _CLAUSE_END.split(sentence) if len(c) >= _SHORTEST_CLAUSE]
    if len(clauses) < 2:
        return []
    words, kind = _clause_words(topic)
    said = [(c, norm(c)) for c in clauses]
    return [c for c, n in said if kind in n and any(w in n for w in words)]


@lru_cache(maxsize=64)  # one topic is read against every sentence of every place
def _clause_words(topic: str) -> tuple[tuple[str, ...], str]:
    """The words of `topic` a clause may name it by, and the kind it must name."""
    import jieba.posseg

    common = broad_words() | DESIGNATIONS | common_words()
    cut = [(p.word, p.flag) for p in jieba.posseg.lcut(norm(topic)) if len(p.word) >= 2]
    kind = next((w for w, flag in cut if not flag.startswith("v") and not is_act(w)), "")
    return tuple(w for w, _ in cut if w not in common), kind


@cache
def common_words() -> frozenset[str]:
    """The words of qa/data/common_words.json (benchmarks/mine_common_words.py)."""
    raw = resources.files("qa").joinpath("data", "common_words.json").read_text(encoding="utf-8")
    return frozenset(json.loads(raw)["words"])
