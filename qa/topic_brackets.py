"""The readings of a bracket in a topic: another wording of what stands before it (充电桩（充电
设施）), what it includes (算力（包括智算中心）), kinds named by their places (国家文化公园（长征、
长江）), a generic word the name may be said with (科技特派员（制度）), or a remark that is left out
(博士后工作站（不含分站）, 社会消费品零售总额（增速或总额）); and the generic words themselves
(GENERIC_SUFFIX), which qa.topic_terms also drops from a topic's end."""

from __future__ import annotations

import re
from functools import lru_cache

from qa.text import word_breaks
from qa.topic_alternatives import DESIGNATIONS, MEASURE_WORDS, acts, tagged
from qa.topic_roots import (
    RULES_AND_WORKS,
    counted_names,
    forms_of_name,
    inserted,
    named_kinds,
    one_noun,
    shortened,
    start_before_short_name,
    with_facets_named,
)

# a word in brackets: another wording of what stands before it (X（或Y）, 充电桩（充电设施）,
# 创建（或升级创建）国家高新区), unless it is a remark (博士后工作站（不含分站）), left out
_ONE_CHARACTER = re.compile(r"(?<=[\u4e00-\u9fff])[（(]([\u4e00-\u9fff])[)）](?=[\u4e00-\u9fff]|$)")
_BRACKETED = re.compile(
    r"[（(](?P<marker>或者|或|即|也就是|也即|又称|简称|亦称)?(?P<inner>[^（）()]*)[）)]?"
)


# a bracket after the target asked naming what it is a target of, in names of three characters
# or more (空气质量方面给出量化目标（优良天数比率或PM2.5浓度）的有哪些地方); not what counts
# or is asked of it (（总量或新增都行）, （不低于10%）, （到多少家）, （人次或收入）)
ON_TARGET = re.compile(
    r"(?<=目标|指标)(?P<remark>[（(](?!要|需|须|得|[^（）()]*(?:算|都行|都可以|多少|不低于|不超过|\d+[%年]))"
    r"[^（）()、，,或和及]{3,12}(?:(?:或者|或|和|及|、)[^（）()、，,或和及]{3,12})*[)）])"
)


def bracket_parts(bracket: str) -> list[str]:
    """The things a bracket lists (（托位、托育机构） → 托位, 托育机构)."""
    return [p for p in re.split(r"或者|[、，,或和及]", bracket[1:-1]) if p]


# words that name the kind of thing, not the thing: plans write 科技特派员 where users ask
# about 科技特派员制度 (企业 is not here: 高新技术企业 minus 企业 would match anything)
GENERIC_SUFFIX = re.compile(
    # 服务, 监管, 治理 or 处理 after a name of four characters or more (心理健康服务: 心理健康教育;
    # 食品安全监管: 食品安全; 黑臭水体治理: 整治黑臭水体; 餐厨垃圾的处理); not 家政服务, 金融监管;
    # an act of support, a campaign, an event or the technique of a thing after a name of three or
    # more (首台套产品支持, 专精特新企业培育, 城市更新行动, 区块链技术, 海外仓布局)
    rf"(?:{'|'.join(RULES_AND_WORKS)}|工作|建设|发展|产业|电站|口径|事务|事项|环节"
    r"|(?<=[\u4e00-\u9fff]{4})的?(?:服务|监管|治理|整治|处理)"
    r"|(?<=[\u4e00-\u9fff]{3})的?(?:支持|扶持|培育|行动|活动|技术|布局)"
    # (a contest or a heritage's keeping after any name: 龙舟赛事 is met by 龙舟公开赛, 非遗保护传承
    # by 非遗工坊; a reform after a name of four: 零基预算改革 by 零基预算)
    r"|(?<=[\u4e00-\u9fff]{2})的?(?:赛事|比赛|保护传承|传承保护|保护利用|传承发展)"
    # (a material named by its matter, but one half of all reports name: 石英材料 by 高纯石英)
    r"|(?<=[\u4e00-\u9fff]{2})(?<!新)材料"  # (新材料 a field's name)
    r"|(?<=[\u4e00-\u9fff]{4})的?(?:改革|作用)"  # (and a role: 发挥国家区域医疗中心作用)
    # (and a thing's spread: 卫生厕所普及, 新能源汽车推广; not a process's: 数字化推广)
    r"|(?<=[\u4e00-\u9fff]{3})(?<!化)的?(?:普及|推广)"
    # (what is farmed is the topic: 生猪养殖 is met by 生猪全产业链, 糖料蔗种植 by 糖料蔗)
    r"|(?<=[\u4e00-\u9fff]{2})(?:养殖|种植)"
    # (…and a resource developed for use: 盐碱地改良利用 is met by 盐碱地改良; not 综合利用)
    r"|(?<=[\u4e00-\u9fff]{3})的?(?:改良|改造|开发)利用"
    # (a technology named by its letters is itself: BIM技术应用, 5G应用)
    r"|(?<=[A-Za-z0-9])\s*(?:技术应用|技术|应用))$"
)

# a bracket that remarks on what stands before it rather than saying it again, or goes on with it
COUNTS_AS = "算|都行|都可以|均可|也行|亦可|计入|不计"  # (what counts as a thing: 都算, 不计)
REMARK = re.compile(
    r"(?:含|包括|包含|不含|除|下同|以下|如|例如|特别是|尤其是|主要|其中|暂定|试行|[0-9]"
    # …or a number of years or steps, which goes on with it: 治本攻坚（三年行动）
    r"|[一二两三四五六七八九十]+(?:年|个|项|大|步)"
    # …or what counts as it, said after (国家级或省级都算, 新建改建均可, 只有计划的不算)
    rf"|.*(?:{COUNTS_AS})$)"
)


def _generic_words(before: str, inner: str) -> list[str]:
    """The generic words a bracket lists for what stands before it, or none when it lists
    anything else (科技特派员（制度）: 制度; “两重”（项目/建设）: 项目, 建设)."""
    words = re.split(r"[/、]|或者|或", inner)
    if _reworded_from(before, inner) is None and all(  # (粮食播种（种植）面积: no 粮食播种种植)
        GENERIC_SUFFIX.fullmatch(w) or GENERIC_SUFFIX.match(before + w, len(before)) for w in words
    ):
        return words
    return []


def bracket_readings(topic: str) -> list[str]:
    """The topic with its first bracket read both ways: 创建（或升级创建）国家高新区 ->
    创建国家高新区, 升级创建国家高新区; 充电桩（充电设施） -> 充电桩, 充电设施; a remark in
    brackets (博士后工作站（不含分站）) is dropped; what a bracket says is included counts as
    well: 算力（包括智算中心） -> 算力, 智算中心."""
    one = _ONE_CHARACTER.search(topic)
    if one:  # (a character added or put in place of the last: 首台（套）装备, 充电桩（站）建设)
        before, after = topic[: one.start()], topic[one.end() :]
        said = dict.fromkeys(
            (before + after, before + one[1] + after, before[:-1] + one[1] + after)
        )
        return [r for reading in said for r in bracket_readings(reading)]
    m = _BRACKETED.search(topic)
    if not m:
        return [topic]
    before, after = topic[: m.start()], topic[m.end() :]
    readings = [before + after]
    # (its measure, said of it: 居民人均可支配收入（或其增速）)
    inner = re.sub(r"^其(?=[\u4e00-\u9fff]{2})", "", m.group("inner").strip())
    # (examples of a class, then the class, the other name: 新能源（风光等清洁能源）: 清洁能源; the
    # examples are its kinds too when the bracket closes it: 第三代半导体（碳化硅、氮化镓等…）)
    shown = re.match(r"^([^（）()等]{1,12}?)等(?=[\u4e00-\u9fff]{2,}$)", inner)
    inner = (inner[shown.end() :] + ("、" + shown[1] if not after else "")) if shown else inner
    included = _INCLUDED.match(inner)
    if included and len(inner) - included.end() >= 2:
        # (inside a name, what it includes takes the rest: 中医药（含藏医药）事业: 藏医药事业; and
        # only that after a list: 新能源或可再生能源（含光伏）发电装机, no 新能源 alone)
        kinds = [before + "或" + inner[included.end() :] + after]
        listed = after and re.search(r"或|、|和|及", before)
        readings += ([] if listed else kinds) + ([inner[included.end() :] + after] if after else [])
    elif len(before) >= 4 and named_kinds(inner):
        # (kinds of it named by their places: 国家文化公园（长征、长江） -> 长征国家文化公园, …)
        readings.append("、".join(k + before for k in re.split(r"[、/]", inner)) + after)
    elif inner and _measures_only(inner, before):
        pass  # (what figure is asked: 社会消费品零售总额（增速或总额）)
    elif inner in DESIGNATIONS:  # (what the name may go on to: 区域消费中心（城市）, no 城市 alone)
        readings.append(before + inner + after)
    elif m.group("marker") and all(w in DESIGNATIONS for w, _ in tagged(inner)):
        # (or another designation in its place: 国家中医药…试验区（或示范试点）, no 示范试点 alone)
        readings.append(before + "或" + inner + after)
    elif generic := _generic_words(before, inner):
        # (a generic word it may be said with: 科技特派员（制度）: 科技特派员制度, no 科技制度;
        # or several: “两重”（项目/建设）: 两重项目, 两重建设, neither alone)
        readings.append("、".join(before + w for w in generic) + after)
    elif not after and (names := counted_names(before, inner)):
        readings.append("、".join(names))  # (植树造林（营造林、荒山绿化都算）: other names)
    elif not after and _of_it_only(before, inner):
        pass  # (what is done with it, or kinds named with it: 页岩气（开发、综合利用、制氢等）)
    elif not (after or REMARK.match(inner)) and (
        forms := forms_of_name(before, bracket_parts(f"（{inner}）"))
    ):
        readings.append("、".join(forms))  # (科技特派员（…制度、特派团、工作站）: its forms)
    elif not after and (naming := _naming_it(before, inner)) is not None:
        # (what is done with it, said without its name: 数字人民币（试点、推广应用）: no 试点)
        readings += ["、".join(naming)] if naming else []
    elif not (after or REMARK.match(inner)) and (
        facets := with_facets_named(before, bracket_parts(f"（{inner}）"))
    ):
        readings.append("、".join(facets))  # (科技特派员（制度、工作站）: 科技特派员制度, …)
    elif inner and (m.group("marker") or not (REMARK.match(inner) or _says_how(inner, before))):
        # (the other name of the words it ends with: 新增市场主体（经营主体）: 新增经营主体)
        # (but its short name stands for all of it: 农作物耕种收综合机械化率（农机化率）: 农机化率)
        same_end = len(before) > len(inner) and before[-1] == inner[-1]
        same_end = same_end and not shortened(inner, before)
        head_at = max((b for b in word_breaks(before) if b < len(before)), default=0)
        kept = before[: -len(inner)] if same_end else ""
        if kept and len(kept) not in word_breaks(before):
            kept = ""  # (植树造林（营造林）: 营造林, not 植 left of a word)
        # (a short name of its last words: 跨境电子商务综合试验区（综试区）: 跨境电子商务综试区)
        kept = start_before_short_name(before, inner) or kept
        reworded = None if kept or shortened(inner, before) else _reworded_from(before, inner)
        if reworded is not None:
            kept = reworded
        elif not kept and len(inner) <= 2 and one_noun(inner) and not shortened(inner, before):
            # (a head alone names nothing: 进出口总额（总值）: 进出口总值, the last word of what
            # stands before said otherwise; but 钠离子电池（钠电） is its short name, and 减税降费
            # （减负） a deed of its own)
            # (a name jieba reads whole: its head from the character shared, 粮食产量（总产）: 粮食总产)
            shared = (i for i in range(2, len(before) - 1) if before[i] in inner)
            kept = before[: head_at or next(shared, 0)]
        elif not kept and not m.group("marker") and inserted(before, inner, after):
            kept = before  # (inside a name, a word it may hold: 科技型（中小）企业, no 中小企业)
        parts = bracket_parts(f"（{inner}）")
        # (its head said otherwise: 技术合同成交额（或交易额、认定登记额）: 技术合同交易额, no 交易额)
        heads = len(parts) > 1 and not kept and len(before) - head_at >= 2
        heads = heads and all(p[-1] == before[-1] for p in parts)
        heads = heads and not any(set(p) & set(before[:head_at]) for p in parts)
        if len(parts) > 1 and max(map(len, parts)) <= 3 and re.match(r"[\u4e00-\u9fff]", after):
            # (short words inside a name: each is said with the rest of it, 城乡（城镇、农村）
            # 居民人均可支配收入: 城镇居民人均可支配收入, 农村居民…, no 城镇 alone)
            readings.append("、".join(kept + part + after for part in parts))
        elif heads:
            readings.append("、".join(before[:head_at] + part + after for part in parts))
        else:
            readings.append(kept + inner + after)
    return [r for reading in readings for r in bracket_readings(reading)]


def _of_it_only(before: str, inner: str) -> bool:
    """Whether a bracket closing a topic lists kinds of it said with its name (稀土新材料、稀土
    产业), or several things, most of them acts or words half of all reports say (开发、综合利用、
    制氢): the topic alone says them all, and the rest of those names or those words alone say
    other things."""
    from qa.meaning import common_words
    from qa.term_matcher import is_act

    parts = [re.sub(r"(?:等等|等|之类|这类)$", "", p) for p in bracket_parts(f"（{inner}）")]
    if not parts or not all(parts) or REMARK.match(inner) or _INCLUDED.match(inner):
        return False
    if all(len(before) >= 2 and p.startswith(before) and p != before for p in parts):
        return True
    words = tagged(before)
    said = [p for p in parts if p in common_words() or all(acts(*w) for w in tagged(p))]
    # (an act alone among them, and none said with its characters, says they are what is done
    # with it: 页岩气（开发、制氢、化工利用）; not 氢能（制氢、加氢、氢燃料电池）, its kinds)
    bare_act = any(len(w := tagged(p)) == 1 and acts(*w[0]) for p in parts)
    bare_act = bare_act and not any(set(p) & set(before) for p in parts)
    # (one word is another wording: 研发机构（平台）; acts of a count, a renewal, a creation… all,
    # after an act, are other acts of it: 国家公园建设（创建、申创或设立）; not 诈骗（电诈、反诈）)
    acted = all(map(is_act, parts))
    many = len(parts) >= 2 and bool(words) and (acted or not acts(*words[-1]))
    return many and (bare_act or 2 * len(said) > len(parts))


def _naming_it(before: str, inner: str) -> list[str] | None:
    """The parts of a closing bracket of several that name the thing before it (share a
    character with it), when every other part is only acts or a word half of all reports say
    (试点, 推广应用, 繁育基地): those say what is done with the thing and name it only beside
    it. None when a part names something else (清洁能源（风电、光伏）: 风电 is a kind of it)."""
    parts = [re.sub(r"(?:等等|等|之类|这类)$", "", p) for p in bracket_parts(f"（{inner}）")]
    if len(parts) < 2 or not all(parts) or REMARK.match(inner):
        return None
    naming = [p for p in parts if set(p) & set(before)]
    others = [p for p in parts if p not in naming]
    return naming if others and all(map(_done_with_it, others)) else None


def _done_with_it(part: str) -> bool:
    """Whether `part` is acts, maybe before one word half of all reports say (繁育基地, 保护研究
    中心, 推广应用: an idiom of four characters read as its halves), or one such word of two
    characters (试点), or acts done in such words (场景推广); not a kind of thing (实验室, 技术
    创新中心)."""
    from qa.meaning import common_words

    def done(word: str, flag: str) -> bool:
        return acts(word, flag) or (
            len(word) == 4 and all(acts(*h) for half in (word[:2], word[2:]) for h in tagged(half))
        )

    words = list(tagged(part))
    if words and done(*words[-1]) and all(done(*w) or w[0] in common_words() for w in words):
        return part not in MEASURE_WORDS
    head = words.pop() if words and not done(*words[-1]) else ("", "")
    said = not head[0] or head[0] in common_words() and (bool(words) or len(head[0]) <= 2)
    # (nor a measure asked of it: R&D投入强度或增速)
    return said and part not in MEASURE_WORDS and all(done(*w) for w in words)


def without_kinds_of_it(topic: str) -> str:
    """The topic without a closing bracket of kinds of it or acts on it (see `_of_it_only`),
    which would lead a search by meaning to other things (稀土（稀土新材料…） → 稀土)."""
    m = re.search(r"[（(](?P<inner>[^（）()]*)[)）]$", topic)
    return topic[: m.start()] if m and _of_it_only(topic[: m.start()], m["inner"]) else topic


@lru_cache(maxsize=1024)  # (asked of one bracket by three readers: bracket_readings' steps)
def _reworded_from(before: str, inner: str) -> str | None:
    """What of the name `before` a bracket's other wording keeps (None: none): a short name of its
    characters, nothing (…申报（申遗）); an act for the act it ends in, what leads to it (粮食播种
    （种植）面积: 粮食种植…); a wording opening with its word, what is before it (…优良天数（或优良率）)."""
    if len(inner) >= 2 and all(c in before for c in inner):
        return ""
    words, inner_words = tagged(before), tagged(inner)
    thing_first = len(words) >= 2 and not any(acts(*w) for w in words[:-1])  # (not 减税降费)
    if thing_first and acts(*words[-1]) and inner_words and all(acts(*w) for w in inner_words):
        return before[: len(before) - len(words[-1][0])]
    shared = [b for b in word_breaks(before) if 0 < b < len(before) - 1 and len(inner) <= 3]
    return next((before[:b] for b in shared if before[b : b + 2] == inner[:2]), None)


def _measures_only(inner: str, before: str = "") -> bool:
    """Whether a bracket only names measures (增速或总额), or those of what stands before it said
    short (研发经费投入（研发强度或增速）: 研发强度), or its share of a base (增速或占GDP比重):
    which figure is asked, no topic."""
    said = [p for p in re.split(r"或者|或|、|和|及|/", inner) if p]
    short = [p for p in said if len(p) >= 4 and p[:2] == before[:2] and p[2:] in MEASURE_WORDS]
    short += [p for p in said if re.fullmatch(r"占[^（）()]{1,10}?的?(?:比重|比例)", p)]
    return bool(said) and all(p in MEASURE_WORDS or p in short for p in said)


def _says_how(inner: str, before: str) -> bool:
    """Whether a bracket after a thing names only how it stands or is bounded (国家5A级景区
    （获评或创建）, 3%（左右或以内）): acts and bounds joined, no wording of the thing. After an
    act (创建（或升级创建）) the bracket is another wording of that act."""
    words = tagged(inner)
    # (nor after a word it rewords: 实际利用（使用）外资, 利用 a noun; nor a name short: …申报（申遗）)
    rewords = before and (acts(*tagged(before)[-1]) or before[-1] == inner[-1])
    if not words or rewords or _reworded_from(before, inner) == "":
        return False
    return all(acts(w, f) or f in ("c", "m", "f", "d", "p") or w in _BOUND_WORDS for w, f in words)


_BOUND_WORDS = frozenset(["左右", "以内", "以上", "以下", "及以上", "上下"])

_INCLUDED = re.compile(r"(?:包括|包含|含|比如|例如|如|特别是|尤其是)")
