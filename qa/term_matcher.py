"""Finding a topic's terms (qa.topic_terms) in normalised text: as written, spread out the way
reports shorten and lengthen names, apart in one clause or list; and whether a sentence names
enough of a long topic to count as a mention by meaning."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from qa.shares import figure_of_another
from qa.term_across import listed_in_kinds, said_once_for_two
from qa.term_pattern import PLACEHOLDER, RUN_BEFORE, term_pattern
from qa.text import CLOSES, OPENS, word_breaks
from qa.topic_terms import norm

# how far a written-out word may spread a short one's characters: each gap, and the whole
_GAP = 4
# where a thing is, said before it: 农村, 城镇 (of 农村自来水普及率)
_SCOPES = ("农村", "乡村", "城乡", "城镇", "城市", "县域")
_SPREAD = 2
# …and a long term's words, apart by a word (not 每万人口高价值发明专利拥有量 for 每万人发明专利拥有量)
_WORD_GAP = "[\u4e00-\u9fff]{0,2}?"


@dataclass(frozen=True)
class TermMatcher:
    """Finds a topic's terms in normalised text, and a term in Chinese (3 to 8 characters) also
    written out in full: its first two characters together, the others in order after them, a
    gap of at most four characters between two, in at most twice its length (博士后站 in
    博士后科研工作站, 自贸区 in 自贸试验区, 充电设施 in 充电基础设施; not 新型储能 in 新建抽水
    型储能). Users shorten a name the way reports do; a name the user quoted is met only in its
    words."""

    exact: re.Pattern[str]
    # (term, what it starts with, its pattern spread out)
    spread: tuple[tuple[str, str, re.Pattern[str]], ...] = ()
    # the term's words apart: an act and its thing in one clause (新增学位: 新增小学及初高中学位
    # 1.2万个), a kind and its head across a list (家政服务: 家政、数字等服务)
    apart: tuple[re.Pattern[str], ...] = ()
    # the topic is asked as a figure of its own (a target, a number): a share's base is not it
    # (研发投入占GDP比重 sets no GDP target)
    own_figure: bool = False
    # the topic is asked of the whole society (全社会研发投入): a figure of enterprises' is a part's
    # (规上工业企业研发经费投入增长11.5%)
    whole: bool = False

    def search(self, text: str) -> re.Match[str] | None:
        m = self._search(text)
        if m is None:  # a contraction names each word it stands for (水风光氢: 氢能)
            from corpus.contractions import expand_contraction

            said = [s for s in expand_contraction(text) if s != text]
            return next((m for s in said if (m := self._search(s, exact=True))), None)
        return m

    def _search(self, text: str, exact: bool = False) -> re.Match[str] | None:
        m = next((m for m in self.exact.finditer(text) if self._its_own(text, m)), None)
        if m or exact:  # (a contraction's words as written: 城乡供水 spreads no 城镇化)
            return m
        for term, anchor, pattern in self.spread:
            at = text.find(anchor)
            while at >= 0:
                m = pattern.match(text, at)
                if m and len(m[0]) <= _SPREAD * len(term) and self._its_own(text, m):
                    return m
                at = text.find(anchor, at + 1)
        for pattern in self.apart:
            m = next((m for m in pattern.finditer(text) if self._its_own(text, m)), None)
            if m:
                return m
        return None

    def _its_own(self, text: str, m: re.Match[str]) -> bool:
        if self.whole and _A_PARTS.search(text, max(0, m.start() - 4), m.start()):
            return False
        return not (self.own_figure and figure_of_another(text, m.start(), m.end()))


_A_PARTS = re.compile(r"(?:企业|工业)(?:的)?$")


@lru_cache(maxsize=64)  # one topic's matcher serves every place judged on it
def term_matcher(
    terms: tuple[str, ...],
    named: bool = False,
    own_figure: bool = False,
    set_aside: tuple[str, ...] = (),
) -> TermMatcher:
    """The matcher of `terms` (see TermMatcher); `named`: the terms only as written;
    `own_figure`: not as the base of a share; `set_aside`: names the user does not count, and a
    term whose spread one of them fits is met only as written (国家公园, 国家文化公园不算: not in
    国家考古遗址公园 either)."""
    spread: tuple[tuple[str, str, re.Pattern[str]], ...] = ()
    apart: tuple[re.Pattern[str], ...] = ()
    if not named:
        import jieba

        gap = f"[\u4e00-\u9fff]{{0,{_GAP}}}?"
        chinese = [
            t
            for t in sorted({norm(t) for t in terms}, key=len, reverse=True)
            if re.fullmatch(r"[\u4e00-\u9fff]+", t)
        ]
        spread = (
            tuple(
                (t, t[:2], re.compile(gap.join([re.escape(t[:2]), *map(re.escape, t[2:])])))
                for t in chinese
                if 3 <= len(t) <= 8 and not _SHORT_TITLE.fullmatch(t)
            )
            + tuple(  # (a long one's words, a word apart: 医疗机构实现检查检验结果互认)
                (t, words[0], re.compile(_WORD_GAP.join(map(re.escape, words))))
                for t in chinese
                if len(t) > 8 and len(words := jieba.lcut(t)) >= 3
            )
            + tuple(
                _mixed_spread(t)
                for t in {norm(t) for t in terms}
                if _MIXED.fullmatch(t) or _MIXED_INSIDE.fullmatch(t)
            )
        )
        spread = tuple(s for s in spread if not any(s[2].search(norm(n)) for n in set_aside))
        normed = sorted({norm(t) for t in terms}, key=len, reverse=True)  # (新增5g基站 too)
        apart = (
            tuple(_either_order(m[1], m[2]) for m in map(_ACT_AND_THING.fullmatch, normed) if m)
            + tuple(_either_order(m[2], m[1]) for m in map(_THING_AND_ACT.fullmatch, chinese) if m)
            + tuple(listed for t in chinese if (listed := listed_in_kinds(t)))
            + tuple(shared for t in chinese if (shared := said_once_for_two(t)))
            # a thing and the quantity it is named by, apart (240小时过境免签: 过境免签…延长至240小时)
            + tuple(
                _either_order_quantity(m[1], m[2])
                for t in {norm(t) for t in terms}
                if (m := _QUANTITY_AND_THING.fullmatch(t))
            )
            # a scope said once for the sentence (农村自来水普及率: 农村“五网”…、自来水普及率达90%)
            + tuple(
                re.compile(f"{re.escape(t[:2])}[^。；;！？!?]{{0,40}}?{re.escape(t[2:])}")
                for t in chinese
                if t[:2] in _SCOPES and len(t) >= 5 and t[2:3] != "的"
            )
            # a share said with its whole (民生支出占比: 民生支出占一般公共预算支出比重), and with
            # the measure it is taken in (战略性新兴产业占比: 战略性新兴产业增加值占规模以上…比重)
            + tuple(
                re.compile(
                    re.escape(t[:-2])
                    + rf"{_MEASURED_IN}?占[\u4e00-\u9fff]{{1,12}}?(?:的)?(?:比重|比例)"
                )
                for t in chinese
                if t.endswith("占比") and len(t) >= 4
            )
            # (…and its whole said in more words, before it or not at all: 战略性新兴产业占工业
            # 比重 in …增加值占规上工业总产值比重, 工业战略性新兴产业占比, 战略性新兴产业占比)
            + tuple(
                re.compile(
                    re.escape(m[1]) + rf"{_MEASURED_IN}?占[\u4e00-\u9fff]{{0,8}}?{re.escape(m[2])}"
                    r"[\u4e00-\u9fff]{0,8}?(?:的)?(?:比重|比例)"
                    rf"|(?:{re.escape(m[2])}[\u4e00-\u9fff]{{0,2}}?)?{re.escape(m[1])}占比"
                )
                for m in map(_SHARE_OF_NAMED.fullmatch, chinese)
                if m
            )
        )
    whole = norm(terms[0]).startswith("全社会") if terms else False  # (the topic, as asked)
    return TermMatcher(term_pattern(terms), spread, apart, own_figure, whole)


# the measure a share is taken in, said before 占; a share with its whole named (X占Y比重)
_MEASURED_IN = "(?:增加值|产值|营业收入|营收|收入|投资)"
_SHARE_OF_NAMED = re.compile(r"([\u4e00-\u9fff]{3,})占([\u4e00-\u9fff]{2,6})(?:的)?(?:比重|比例)")

# a name of three characters ending in 城 is not spread: a title cut short (卫生县城 is no 卫生城)
# or a place's name (科学城, 大学城)
_SHORT_TITLE = re.compile(r"[\u4e00-\u9fff]{2}城")


# a term that opens with a Latin run and goes on in Chinese (r&d占gdp比重): its Latin runs and
# Chinese characters are spread out as a Chinese term's are (r&d经费占gdp比重), from the first run
_MIXED = re.compile(r"[a-z][a-z0-9&+.-]+(?:[\u4e00-\u9fff]|[a-z0-9&+.-]+){2,10}")


# …or that opens in Chinese and holds a Latin run (国家5a级景区: 国家5a级旅游景区), from its first two
# characters
_MIXED_INSIDE = re.compile(
    r"[\u4e00-\u9fff]{2,}[a-z0-9&+.-]*[a-z][a-z0-9&+.-]*[\u4e00-\u9fff]{2,8}"
)


# …with no share between its words (gdp增长 is not met in gdp占比增长)
_MIXED_GAP = f"(?:(?!占)[\u4e00-\u9fff]){{0,{_GAP}}}?"


def _mixed_spread(term: str) -> tuple[str, str, re.Pattern[str]]:
    units = re.findall(r"[a-z0-9&+.-]+|[\u4e00-\u9fff]", term)
    if re.match(r"[\u4e00-\u9fff]", term):  # (its first two characters stand together)
        units = [units[0] + units[1], *units[2:]]
    return term, units[0], re.compile(RUN_BEFORE + _MIXED_GAP.join(map(re.escape, units)))


# the acts that count what they are done to, in families a report words either way: adding to
# a count (新增, 新建, 新改扩建, 培育, 引进…: 新改建农村公路 is met in 新建农村公路5000公里),
# renewing, opening a line, handing out, keeping and restoring (红树林保护修复: 红树林和湿地保护)
_ACT_FAMILIES = (
    (
        "新改扩建|新改建|改扩建|新建|改建|扩建|建成|新开工|开工|新增|净增|新培育|培育|新引进|引进"
        "|新认定|认定"
    ),
    "改造提升|提升改造|更新改造|改造",
    "新开通|开通|开行",
    "发放",
    "创建|争创|申创|申建|创成|冲刺|设立|获批|挂牌|落户",
    "保护修复|修复保护|生态修复|保护传承|传承保护|保护|修复|传承",
    "综合治理|综合整治|治理|整治",
    "绿化|复绿",  # (荒山绿化 is met in 绿化荒山5000亩)
)
# every act of every family, one alternation
ACTS = "|".join(_ACT_FAMILIES)
# an act of a family and its thing, a word or more after it; what may stand between them in one
# clause: what kind, how many (新增婴幼儿托位1.8万个、基础教育学位; 创建青年发展友好型城市、
# 儿童友好城市)
_ACT_AND_THING = re.compile(
    "(" + "|".join(_ACT_FAMILIES) + r")([\u4e00-\u9fff]{2,}|[a-z0-9]+[\u4e00-\u9fff]{2,})"
)
# …or the thing first, its act after it (城中村改造: 城中村与老旧街区、老旧厂区连片改造; 班列开行:
# 海铁联运班列年开行突破万列)
# (or two acts of two families, each counting: 农村公路新建改造 is met in 新改建农村公路1万公里)
_THING_AND_ACT = re.compile(rf"([\u4e00-\u9fff]{{2,}}?)((?:{ACTS})(?:{ACTS})?)")


def is_act(word: str) -> bool:
    """Whether `word` is one of the acts of _ACT_FAMILIES (新建, 改造提升, 开通…)."""
    return any(word in family.split("|") for family in _ACT_FAMILIES)


def _either_order(act: str, thing: str) -> re.Pattern[str]:
    """An act of `act`'s family and its thing in one clause, in either order: 新增…学位1.2万个,
    创建儿童友好城市 in 儿童友好城市等创建活动, 黑臭水体治理 in 持续整治黑臭水体."""
    family, said = _act_family(act), re.escape(thing)
    # (or an item of the list the act leads: 新增路灯2210盏、停车位1.36万个、5G基站1874个)
    listed = f"{family}{_IN_LIST}{said}{_CLOSES}"
    return re.compile(f"{family}{_IN_CLAUSE}{said}{_CLOSES}|{listed}|{said}{_IN_CLAUSE}{family}")


# a thing named by a quantity before it (240小时过境免签, 15分钟生活圈)
_QUANTITY_AND_THING = re.compile(r"(\d+(?:\.\d+)?[\u4e00-\u9fff]{1,2})([\u4e00-\u9fff]{3,})")


def _either_order_quantity(quantity: str, thing: str) -> re.Pattern[str]:
    """The thing and its quantity in one sentence, in either order, not inside another number."""
    q, said = rf"(?<![\d.]){re.escape(quantity)}", re.escape(thing)
    return re.compile(f"{said}[^。；;]{{0,24}}?{q}|{q}[^。；;]{{0,24}}?{said}")


def _act_family(act: str) -> str:
    """The pattern of every act of `act`'s family, or of both acts' families (新建改造)."""
    acts = (act,) if is_act(act) else re.fullmatch(f"({ACTS})({ACTS})", act).groups()
    families = (next(f for f in _ACT_FAMILIES if a in f.split("|")) for a in acts)
    return f"(?:{'|'.join(families)})"


_IN_CLAUSE = r"[^，。；：！？,;:!?]{0,16}?"
_IN_LIST = r"(?:[^，。；：！？,;:!?、]{1,16}?、){1,8}?"
# the thing met apart from its act closes its noun: 新增…学位1.2万个, not 新增…学位授权点
# (托位数16099个, 托位达1.3万个)
_CLOSES = r"(?:(?![\u4e00-\u9fff])|(?=[和及与、等的]|建设|项目|工程|数量|规模|(?:总)?数(?![\u4e00-\u9fff])|达|超过|突破|(?:超|逾|近|约)\d))"


def one_name_in(terms: tuple[str, ...], text: str) -> bool:
    """Whether a name the user quoted (one of `terms`) stands in `text` as a name, not begun
    inside a word of a longer name the document quotes (“十百千万”工程 and “百千万工程” hold no
    千万工程; “赣州惠民保” holds 惠民保, “一老”“一小” 一老一小). True when the text, normalised,
    does not line up with its marks."""
    plain, marked = norm(text), norm(text, marked=True)
    at = [i for i, ch in enumerate(marked) if ch not in (OPENS, CLOSES)]
    if len(at) != len(plain):
        return True
    said = {norm(t) for t in terms} - {""}
    if any_part := [t for t in said if PLACEHOLDER.search(t)]:
        # (a name marked as any part stands quoted, “赣州工匠”, or as an item, 、巴渝工匠等; not
        # in a longer word: 弘扬工匠精神)
        named = term_pattern(tuple(any_part)).pattern
        item = rf"(?<![\u4e00-\u9fff])(?:{named})(?![\u4e00-\u9fff](?<![等和及与或]))"
        return bool(re.search(item, plain) or re.search(f"{OPENS}(?:{named}){CLOSES}", marked))
    found = [m for t in said for m in re.finditer(re.escape(t), plain)]
    for m in found:
        before = marked[: at[m.start()]]
        quoting = before.count(OPENS) > before.count(CLOSES) and not before.endswith(OPENS)
        if not quoting or m.start() in word_breaks(plain):
            return True
    return not found


def without_names(names: tuple[str, ...], kept: tuple[str, ...] = ()) -> Callable[[str], str]:
    """Text with `names` blanked out: a passage naming 国家文化公园 does not name 国家公园 in it.
    A name inside one of `kept` (the terms asked) stays: 国家区域医疗中心 asked, 区域医疗中心
    said not to count."""
    holding = sorted({k for k in kept if any(n in k and n != k for n in names)}, key=len)[::-1]
    pattern = re.compile("|".join(map(re.escape, [*holding, *names])) or "(?!)")
    return lambda text: pattern.sub(lambda m: m[0] if m[0] in holding else "、", text)
