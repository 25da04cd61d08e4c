"""The words a topic is found by: the topic, its alternatives, its stem without a generic last
word, the forms reports write it in and its synonyms (qa/data/synonyms.json), in normalised
text. qa.term_matcher finds them."""

from __future__ import annotations

import re
from functools import cache

from qa.synonyms import broad_words, modified_term, narrower_terms, synonym_groups
from qa.term_forms import (
    TOTAL,
    abbreviated,
    census_forms,
    code_forms,
    other_amount,
    rank_said_either_way,
    title_said_short,
    travel_said_short,
)
from qa.terms import term_groups
from qa.text import norm
from qa.topic_alternatives import (
    alternatives,
    borrowed_object,
    is_verb,
    partner_of,
    shared_head,
    shared_object,
    tagged,
    without_beneficiary,
)
from qa.topic_brackets import GENERIC_SUFFIX, bracket_readings
from qa.topic_roots import common_root

_SYSTEM = re.compile(r"([\u4e00-\u9fff]{2,})(机制|制度|(?<![机体])制)")
# …and, for a place's evidence, how a figure moves, which a report says in its own words
# (固投增速: 固定资产投资增长7%); an indicator's name keeps it (研发经费投入增长 is no 强度)
MOTION_SUFFIX = re.compile(r"(?:增速|增幅|增长率|增长速度|增长|涨幅|下降率|下降|降幅|降低)$")


# …and, when a figure is asked, the measure a topic is named by, which reports write as the
# figure's unit or leave out (造林面积: 植树造林4.9万亩; 高新技术企业总数: 高新技术企业达500家)
_MEASURE = re.compile(
    r"(?:的)?(?:总产量|产量|面积|(?:通车|运营|建成)?(?:总)?里程|人数|总数|总量|规模|数量|个数|家数"
    r"|(?:综合|总)?收入|成交额|交易额|(?:总)?金额|(?<=[\u4e00-\u9fff]{2})总额|(?:目标)?任务)$"
)
# (a task is the figure set: 营造林任务超过100万亩 is met by 完成营造林130万亩)
_COUNT_MEASURE = re.compile(
    # (a count named by 数 after what it counts: 养老床位数 is met in 养老床位1200张; not 指数)
    r"(?:的)?(?:总数|总量|规模|数量|个数|家数|(?<=[\u4e00-\u9fff]{3})(?<![指系倍分函参基])数|(?:目标)?任务)$"
)


# …the verbs of building, which reports vary (建, 建设, 打造); not an act that is the topic
# itself (创建国家高新区 is not any 国家高新区)
_GENERIC_ACTS = (
    r"(?:建设|新建|改建|扩建|建|打造|发展|组建|构建|建立|成立|设立|搭建|完成"
    # (and an act of doing it better or more: 优化营商环境: 打造一流营商环境; not 创建 or 争创,
    # asked of places not yet one; or of planning it: 谋划抽水蓄能项目)
    r"|优化|提升|提高|加强|强化|完善|推进|推动|深化|打击|开展|实施|推行|落实|促进|加快|壮大|培育|谋划"
    # (or of backing it: 支持民营经济发展)
    r"|支持|扶持|鼓励|引导"
    r"|防范化解|防范|化解)"
)
_LEADING_VERB = re.compile(rf"^{_GENERIC_ACTS}(?=[\u4e00-\u9fff]{{3}})")


def _without_motion(term: str) -> str:
    """`term` without how its figure moves (固投增速: 固投), unless it is a field term's or a
    synonym's form and what is left is none: 经济增速 is the economy's growth, 经济 no indicator."""
    shorter = MOTION_SUFFIX.sub("", term)
    known = _term_forms()
    return term if norm(term) in known and norm(shorter) not in known else shorter


def field_term(text: str) -> bool:
    """Whether `text` is a form of a field term or a synonym (育种, 高企)."""
    return norm(text) in _term_forms()


@cache
def _term_forms() -> frozenset[str]:
    return frozenset(norm(t) for group in term_groups() + synonym_groups() for t in group)


def expand_terms(
    topic: str,
    named: bool = False,
    moving: bool = False,
    measured: bool = False,
    amount: bool = False,
    verbatim: bool = False,
) -> tuple[str, ...]:
    """The topic and its synonyms: each alternative of the topic (split at 或/和/及/、, and at
    a restatement: 也就是, X（或Y）), the same without a generic last word (制度, 建设…) unless
    the topic is `named` (a name the user quoted: “千万工程” is no 千万), and
    every synonym group (qa/data/synonyms.json) or field term (qa/data/terms.json) whose term
    equals or occurs in one of them, and the kinds of a field it names (科技金融 -> 知识价值信用
    贷款; not the other way); a term inside a longer topic is substituted in place (科普基地 ->
    科学普及基地). `moving`: also without how the figure moves (固投增速 -> 固投),
    for a place's evidence, which states the move in its own words. `measured`: a figure is
    asked, so a topic named by its measure is also met without it (造林面积 -> 造林: 植树造林
    4.9万亩; the unit is checked by qa.bounds.measure_unit's caller). `amount`: the figure
    asked is an amount, checked in 元, so the topic is also met without the measure it is named
    by (旅游收入 -> 旅游: 实现国内旅游消费663.8亿元). `verbatim`: the user asked where the
    quoted wording stands (“枫桥经验”这个说法), so no synonym of it counts (枫桥式)."""
    from qa.meaning import common_words

    terms: list[str] = [topic, *filter(None, [partner_of(topic)])]
    parts = [
        p
        for reading in bracket_readings(topic)
        for p in borrowed_object(shared_head(shared_object(alternatives(reading))))
    ]
    # (the 等 that closes a list of examples is no word of its last: 实验室、企业研发机构等,
    # “以亩产论英雄”之类)
    parts = [_LIST_CLOSED.sub("", p) for p in parts]
    parts = [p for p in parts if len(p.strip()) >= 2 or _named_by_examples(p, parts)] or [topic]
    # (a generic act alone is in every report: 推进 of 推进或谋划抽水蓄能项目)
    parts = [p for p in parts if not re.fullmatch(_GENERIC_ACTS, p.strip())] or parts
    # a thing done with a light act before it is the thing (办老年食堂: 开展社区“老年食堂”试点)
    parts += [thing for p in parts if not named and (thing := after_light_act(p.strip()))]
    if not measured and not named:  # examples of one class: what they share (温泉旅游、温泉康养)
        parts += [
            w for r in bracket_readings(topic) for w in common_root(alternatives(r), broad_words())
        ]
    if measured and not named:
        from qa.measures import measure_unit

        # a measure written as a unit only where its unit is checked: the topic's own (造林面积),
        # not one of several alternatives' (新能源汽车的产量、销量或消费)
        measure = _MEASURE if measure_unit(topic) or amount else _COUNT_MEASURE
        stems = [(p, measure.sub("", p.strip())) for p in parts]
        # (not a word half of all reports use, from another wording of the topic: 地区生产总值
        # （经济总量） is no 经济; the topic's own measure goes: 旅游收入 -> 旅游)
        parts += [
            s
            for p, s in stems
            if len(s) >= 2 and s != p and (p == parts[0] or s not in common_words())
        ]
    for part in parts:
        part = part.strip()
        terms.append(part)
        # the verb before a thing is the user's (建飞地园区: 合作建设“飞地”园区)
        acted = _LEADING_VERB.sub("", part)
        if acted != part:
            terms.append(acted)
        done = without_beneficiary(part)
        if done:
            terms.append(done)
        made = thing_for_beneficiary(part)
        if made:
            terms.append(made)
        done = _verb_first(part)
        if done:
            terms.append(done)
        # a system said as 机制, 制度 or 制 alone, quoted or not (赛马机制: 赛马制)
        said = _SYSTEM.fullmatch(part)
        if said:
            terms += [said[1] + w for w in ("机制", "制度", "制") if w != said[2]]
        # (the whole society is the place's own whole: 全市研发投入强度; not a part's, TermMatcher)
        if not named and re.match(r"全社会[\u4e00-\u9fffA-Za-z&]{3}", part):
            terms.append(part[3:])
        short = None if named else abbreviated(part)
        if short:
            terms.append(short)
        travel = None if named else travel_said_short(part)
        if travel:
            terms.append(travel)
        for stem in dict.fromkeys([part, acted]):  # (the thing of an act too)
            for _ in range(0 if named else 3):  # 抽水蓄能电站项目建设 -> …电站项目 -> …电站
                shorter = GENERIC_SUFFIX.sub("", stem)
                shorter = re.sub(r"的$", "", shorter) if shorter != stem else stem  # (…公园的建设)
                if moving and shorter == stem:
                    shorter = _without_motion(stem)
                if shorter == stem or len(shorter) < 2 or shorter[-1] in "十百千万亿":
                    break  # (a name cut to a number is none: 千万工程 is no 千万)
                if stem.endswith(("改革", "材料")) and shorter in common_words():
                    break  # (a reform of what half of all reports name: 国有企业改革 is no 国有企业)
                stem = shorter
                terms.append(stem)
    # reports drop the 的 of an attribute (新能源汽车的产量: 新能源汽车产量)
    terms += [_DE.sub("", t) for t in terms if _DE.search(t)]
    if not named:  # …and a modifier of a term of the field (科技型企业知识价值信用贷款)
        terms += [head for t in terms if (head := modified_term(norm(t)))]
    for base in list(terms):
        norm_base = norm(base)
        # the topic synonyms, unless its wording is asked (“枫桥经验”这个说法: not 枫桥式), then
        # the field's strict equivalents (研发投入强度 = …占GDP比重)
        for group in (() if verbatim else synonym_groups()) + term_groups():
            # one of its terms, or several said together (碳达峰碳中和): the group
            if any(norm(term) == norm_base for term in group) or _said_together(norm_base, group):
                terms.extend(group)
                continue
            for term in group:  # …else a term inside the topic, said in each form
                t = norm(term)
                if len(t) >= 2 and t in norm_base:
                    terms.extend(_substituted(norm_base, t, norm(other)) for other in group)
                    break
    for base in list(terms):  # (a synonym's too: 锂电 is 锂电池, said as 磷酸铁锂)
        norm_base = norm(base)
        for field, kinds in narrower_terms():  # a field, said by one of its kinds
            f = norm(field)
            if f == norm_base or (len(f) >= 2 and f in norm_base):
                terms.extend(_substituted(norm_base, f, norm(kind)) for kind in kinds)
    # …and put a 的 before a share's measure (占地区生产总值的比重)
    terms += [_SHARE_BASE.sub(r"\1的\2", t) for t in terms if _SHARE_BASE.search(t)]
    if moving:  # a field term's other forms, without how they move (地区生产总值增长: 地区生产总值)
        terms += [s for t in terms if (s := _without_motion(t)) != t]
    # an amount and the total amount are the same figure (技术合同交易额 = 技术合同交易总额,
    # 高速公路通车总里程 = 高速公路通车里程)
    terms += [other_amount(t) for t in terms if other_amount(t)]
    terms += [t2 for t in terms if (t2 := TOTAL.sub("", t)) != t]
    coded = [
        (*census_forms(norm(t)), *code_forms(t), *title_said_short(t), *rank_said_either_way(t))
        for t in terms
    ]
    terms += [form for forms in coded for form in forms]
    seen: dict[str, str] = {}
    for t in terms:  # (a word stripped to nothing is no term: it would be met anywhere)
        seen.setdefault(norm(t), t)
    return tuple(t for n, t in seen.items() if n)


def _named_by_examples(part: str, parts: list[str]) -> bool:
    """Whether a part of one character is the thing every other part is a kind of (锰（锰渣、
    锰污染）: 锰, said in 锰矿渣 and 锰三角 too); alone, one character names nothing."""
    others = [p for p in parts if p != part]
    return len(part.strip()) == 1 and len(others) >= 2 and all(part.strip() in p for p in others)


_LIST_CLOSED = re.compile(r"(?<=[\u4e00-\u9fff0-9.][\u4e00-\u9fff0-9.”])(?:等(?:等)?|之类)$")


def _said_together(base: str, group: list[str]) -> bool:
    """Whether `base` is two or more of the group's terms said one after another."""
    rest = base
    for term in sorted((norm(t) for t in group), key=len, reverse=True):
        rest = rest.replace(term, "", 1) if len(term) >= 2 else rest
    return rest == "" and len(base) > max(len(norm(t)) for t in group)


def _substituted(base: str, term: str, form: str) -> str:
    """`base` with `term` said as `form`, a word the form ends with not said twice: CPI涨幅
    with 居民消费价格涨幅 is 居民消费价格涨幅, not …涨幅涨幅."""
    head, _, tail = base.partition(term)
    for k in range(min(len(form), len(tail)), 1, -1):
        if form.endswith(tail[:k]):
            return head + form + tail[k:]
    return head + form + tail


_SHARE_BASE = re.compile(r"(占[\u4e00-\u9fffA-Za-z&]{1,9}[^的])(比重|比例)$")
_DE = re.compile(r"(?<=[\u4e00-\u9fff]{2})的(?=[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z])")


def _verb_first(part: str) -> str | None:
    """A thing and what is done to it said the other way round, as reports also write it:
    老旧小区改造 -> 改造老旧小区, 人才引进 -> 引进人才, 保护传统村落 -> 传统村落保护; None when
    the part is not a two-character verb and a thing."""
    words = tagged(part)
    if len(words) < 2:
        return None
    for verb, thing_words, after in ((words[-1], words[:-1], False), (words[0], words[1:], True)):
        # (or a set phrase of how, then one: 水土流失综合治理 -> 综合治理水土流失; not 产品开发)
        halves = [tagged(half)[0][1] for half in (verb[0][:2], verb[0][2:]) if half]
        phrase = verb[1] == "l" and len(verb[0]) == 4 and halves[0] in ("v", "vn", "a")
        phrase = phrase and halves[1] == "v"
        if (verb[1] != "v" or len(verb[0]) != 2) and not phrase:
            continue
        thing = "".join(w for w, _ in thing_words)
        if len(thing) < 2 or any(is_verb(flag) or flag == "p" for _, flag in thing_words):
            continue
        return thing + verb[0] if after else verb[0] + thing
    return None


def thing_for_beneficiary(part: str) -> str | None:
    """The thing made for whom it is made, as reports name it (给人才盖公寓 -> 人才公寓); None
    when the part does not open with one and an act of making."""
    words = tagged(part)
    if len(words) < 4 or without_beneficiary(part) is None:
        return None
    thing = "".join(w for w, _ in words[3:])
    return words[1][0] + thing if words[3][1].startswith("n") and len(thing) >= 2 else None


_LIGHT_ACTS = ("办", "搞", "做", "干", "弄", "办好", "搞好", "做好")


def after_light_act(part: str) -> str | None:
    """The thing after a light act said as a word of its own (办|老年食堂; not 干|部队伍 of
    干部队伍), when it is a name of three characters or more."""
    import jieba

    words = jieba.lcut(part)
    light = len(words) > 1 and words[0] in _LIGHT_ACTS and len(words[1]) >= 2
    rest = part[len(words[0]) :] if light else ""
    return rest if len(rest) >= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", rest) else None
