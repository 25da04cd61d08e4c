"""A topic said as several: its alternatives (或/和/及/、, a restatement), the readings of a
bracket in it, and verbs or heads that share one thing (创建或升级国家高新区, 中试熟化基地或平台);
qa.topic_terms finds each of them in reports."""

from __future__ import annotations

import re
from functools import lru_cache

# a topic joined with 或/和/及 is several topics ("博士后工作站或博士后培养"), and so is one
# said again in other words ("研发投入强度，也就是R&D经费占GDP的比重")
ALTERNATIVES = re.compile(r"或者说|也就是说|也就是|也即|亦即|或者|以及|或|和|及|与|、|/|[，,]")


def alternatives(topic: str) -> list[str]:
    """The topic split at its joiners; 和, 及 and 与 only where each is a word of its own (not
    the 及 of 普及率, nor the 与 of 参与)."""
    from qa.text import word_breaks

    breaks, parts, at = word_breaks(topic), [], 0
    for m in ALTERNATIVES.finditer(topic):
        if m.group(0) in ("和", "及", "与") and not {m.start(), m.end()} <= breaks:
            continue
        parts.append(topic[at : m.start()])
        at = m.end()
    return [*parts, topic[at:]]


def shared_object(parts: list[str]) -> list[str]:
    """Verbs joined before one object each take it: 创建或升级国家高新区 -> 创建国家高新区,
    升级国家高新区 (a bare verb alone is no topic: 创建 is in every plan)."""
    words = [list(tagged(p.strip())) for p in parts]
    if len(parts) < 2 or not all(len(w) == 1 and acts(*w[0]) for w in words[:-1]):
        return parts
    last = words[-1]
    # (an act jieba cuts into one-character words: 用好 is 用|好)
    thing_at = next(
        (i for i, (word, flag) in enumerate(last) if not (acts(word, flag) or _light(word, flag))),
        len(last),
    )
    if thing_at == 0 or thing_at == len(last):
        return parts
    shared = "".join(word for word, _ in last[thing_at:])  # 改造提升|高标准农田
    return [w[0][0] + shared for w in words[:-1]] + ["".join(word for word, _ in last)]


def _light(word: str, flag: str) -> bool:
    """A one-character word that only helps an act along: a preposition or adverb jieba cut off
    it (用|好), or the result it aims at (抓好, 做大, 用活; not 高 of 高企)."""
    return len(word) == 1 and (flag[:1] in ("p", "d") or word in "好大强优实足活细深牢稳")


def acts(word: str, flag: str) -> bool:
    """A verb, or an act jieba tags otherwise (新建 is also a county's name to it)."""
    from qa.term_matcher import is_act

    return is_verb(flag) or is_act(word)


# the word a topic ends in when it asks how many of a thing: 高新技术企业数量
_HOW_MANY = ("数量", "个数", "家数", "总量", "规模", "数")
# what a place is named as, of any thing (示范试点, 试验区)
DESIGNATIONS = frozenset(
    ["示范", "试点", "示范区", "试验区", "先行区", "先导区", "示范点", "样板", "标杆", "示范基地"]
    + ["城市", "示范城市", "试点城市"]
)


# what a measure of a thing ends in, said of no thing of its own (占GDP比重)
_MEASURED = re.compile(
    r"^[^\u4e00-\u9fff]*[\u4e00-\u9fffA-Za-z]{0,6}(?:比重|占比|比例|增速|增幅|增长率)$"
)


# a measure of a thing, said alone after it (…规模或占比)
_MEASURE_ALONE = (
    *("占比", "比重", "强度", "增速", "增幅", "增长率"),
    *("规模", "总量", "数量", "总额", "金额"),
)
# …and what a bracket of measures may say besides (（增速或总额）, （增长或增量）, （比率或天数）)
MEASURE_WORDS = frozenset([*_MEASURE_ALONE, "增长", "增量", "比率", "比例", "天数", "人数"])


def shared_head(parts: list[str]) -> list[str]:
    """Kinds said one by one before the head the last one says: 学生、青少年心理健康 -> 学生心理
    健康, 青少年心理健康 (a bare 学生 is in every report). Only short kinds of one word before a
    head of four characters or more."""
    if len(parts) < 2:
        return parts
    said = parts[-1].strip()
    # (the kind joined to its head by 的: 农村或者乡镇的生活污水治理)
    joined = re.fullmatch(r"([\u4e00-\u9fff]{2,3})的([\u4e00-\u9fff]{4,})", said)
    last = tagged(said)
    # (a kind and its head of one word or two, no more: not 众创空间等孵化载体; 光伏|装机规模)
    kind = joined[1] if joined else last[0][0] if len(last) in (2, 3) and "等" not in said else ""
    head = joined[2] if joined else said[len(kind) :]
    # (or kinds of one class, named by the word they end in, before a head of any length:
    # 新能源或可再生能源装机 -> 新能源装机)
    firsts = [p.strip() for p in parts[:-1]]
    ends = {p[-2:] for p in firsts}
    at = said.rfind(next(iter(ends))) + 2 if len(ends) == 1 else 0
    if 3 <= at <= len(said) - 2 and all(3 <= len(p) <= 6 and p not in said for p in firsts):
        return [p + said[at:] for p in firsts] + [said]
    # (or a kind, then the same kind qualified, before the head: 零碳或近零碳园区 -> 零碳园区)
    within = [(p, said.find(p, 1)) for p in firsts if len(p) >= 2]
    if len(within) == len(firsts) and all(
        1 <= i <= 2 and len(said) - i - len(p) >= 2 for p, i in within
    ):
        return [p + said[i + len(p) :] for p, i in within] + [said]
    if not 2 <= len(kind) <= 3 or len(head) < 4:
        return parts
    words = [tagged(p) for p in firsts]
    if not all(
        # (a noun or a short name: 光伏)
        len(w) == 1 and w[0][1][:1] in "nj" and last[0][1][:1] in "nj" and len(w[0][0]) <= 3
        for w in words
    ):
        return parts
    return [p.strip() + head for p in parts[:-1]] + [kind + head]


def borrowed_object(parts: list[str]) -> list[str]:
    """An alternative that says only what happens to the first one's thing takes that thing:
    高新技术企业数量或新增数量 -> 高新技术企业数量, 新增高新技术企业 (a bare 新增 is in every
    report); one that is only a head takes the rest of it (see below)."""
    import jieba

    from qa.meaning import common_words
    from qa.term_forms import common_words_only
    from qa.topic_terms import field_term

    if len(parts) < 2:
        return parts
    first = parts[0].strip()
    if without_beneficiary(first):
        return parts  # the first is a deed done for someone (给企业减税降费、减负), no thing
    thing = next((first[: -len(m)] for m in _HOW_MANY if first.endswith(m)), first)
    if not any(not is_verb(flag) for _, flag in tagged(thing)):
        return parts  # the first names no thing either (培育或引进)
    out = [parts[0]]
    head = jieba.lcut(first)[-1]
    owner, of, _ = first.rpartition("的")
    measured = next((m for m in _MEASURE_ALONE if first.endswith(m)), "")
    # (the act the first one ends in: 页岩气开发)
    first_words = tagged(first)
    first_act = first_words[-1][0] if len(first_words) >= 2 and is_verb(first_words[-1][1]) else ""
    for k, part in enumerate(parts[1:], start=1):
        said = part.strip()
        if re.match(r"其(?![他它余中实])", said) and len(said) >= 3:
            out.append(thing + said[1:])  # (its: 数字经济或其核心产业 -> 数字经济核心产业)
            continue
        share = said.startswith("占") and _MEASURED.match(said)  # (a share of a base: 占GDP比重)
        if not of and (said in _MEASURE_ALONE or share) and len(first) - len(measured) >= 2:
            # a measure alone is the first one's thing's: 数字经济规模或占比 -> 数字经济占比
            out.append(first[: len(first) - len(measured)] + said)
            continue
        if (
            of
            and len(owner) >= 2
            and "的" not in part
            and (len(said) <= 4 or _MEASURED.search(said))
        ):
            # an attribute alone is the first one's thing's: 新能源汽车的产量、销量或消费 ->
            # 新能源汽车的销量, 新能源汽车的消费; 数字经济的增速或占GDP比重 -> 数字经济的占GDP比重
            out.append(owner + of + part.strip())
            continue
        words = tagged(part.strip())
        done = [w for w, flag in words if is_verb(flag)]
        if all(w in DESIGNATIONS for w, _ in words):
            # a designation alone is the first one's thing's: 国家中医药传承创新发展试验区或示范
            # 试点 -> 国家中医药传承创新发展示范试点 (a bare 示范试点 is in every report)
            out.append((first[: -len(head)] if head in DESIGNATIONS else first) + said)
        elif first_act and len(words) == 1 and said in common_words() and said not in first:
            # a word half of all reports use, in the place of the act the first one ends in, is
            # another act of its thing: 页岩气开发或利用 -> 页岩气利用 (not a thing of its own:
            # 乡村旅游、民宿)
            out.append(first[: -len(first_act)] + said)
        elif done and all(is_verb(flag) or w in _HOW_MANY for w, flag in words):
            out.append("".join(done) + thing)
            if (
                len(words) > 1
                and len(part.strip()) >= 4
                and not any(w in _HOW_MANY for w, _ in words)
            ) or field_term(said):
                out.append(part)  # a thing of its own that jieba reads as acts: 充电接口, 育种
        elif _contracts(said, first):
            out.append(part)  # another name of the first, contracted: 智能算力或智算
        elif len(said) <= 2 < len(first) - 1 and not done and _heads_like(said, head):
            # a bare head is the thing said just before it with that head: 中试熟化基地或平台 ->
            # 中试熟化平台; 博士后工作站或分站 -> 博士后工作站分站; 新型储能、储能电站/项目 -> 储能
            # 项目 (a bare 平台 is in every plan); not a thing of its own (婴幼儿托育服务、托位: 托位)
            before = parts[k - 1].strip() if len(parts[k - 1].strip()) > 2 else first
            near = jieba.lcut(before)[-1]
            short = part.strip()
            out.append(before[: -len(near)] + short if len(near) == len(short) else before + short)
        elif common_words_only(said, first[: -len(head)], head) and head in common_words():
            # words every report uses, in the place of the common head the first one ends in,
            # are said of its thing: 数字人民币试点或应用场景 -> 数字人民币应用场景, 体外诊断产业或
            # 研发 -> 体外诊断研发
            out.append(first[: -len(head)] + said)
        elif said not in KIND_HEADS:
            out.append(part)  # (a bare head of any thing is none: 中医药或…产业)
    return out


def without_beneficiary(part: str) -> str | None:
    """What is done, without whom it is done for (给企业减税降费 -> 减税降费: a report says
    为市场主体减负, 减免企业税费); None when the part does not open with one."""
    words = tagged(part)
    if len(words) < 3 or words[0][0] not in _FOR or not words[1][1].startswith("n"):
        return None
    rest = "".join(w for w, _ in words[2:])
    # (a deed of any kind names none: 为老助餐服务 is no 服务)
    return rest if is_verb(words[2][1]) and len(rest) >= 2 and rest not in _ANY_DEED else None


# a deed done together, said with whom: 和新加坡的合作, 与秀山县的对口协同
_WITH_PARTNER = re.compile(
    r"^(?:和|与|同|跟)(?P<partner>[\u4e00-\u9fff]{2,8}?)(?:之间)?(?:的|开展|进行|加强)?(?:对口|科技|经贸)?"
    r"(?:合作|协作|协同|交流|联动|帮扶|结对)$"
)


def partner_of(part: str) -> str | None:
    """Whom a deed done together is done with (和新加坡的合作 -> 新加坡): reports name the partner
    in a sentence of its own words (加强与新加坡等东南亚国家的合作); None for another part."""
    m = _WITH_PARTNER.match(part)
    return m["partner"] if m else None


_ANY_DEED = ("服务", "工作", "建设", "发展", "管理", "保障", "支持")
# …and the heads of things of any kind, said bare: a kind, no thing (这类创新平台; 中医药或产业)
KIND_HEADS = (
    *_ANY_DEED,
    *("事业", "产业", "平台", "项目", "载体", "机构", "政策", "措施", "举措", "东西", "事情"),
    *("设施", "工程", "行动", "领域", "内容", "基地", "中心"),
)


def _contracts(short: str, whole: str) -> bool:
    """Whether `short` is `whole` contracted as Chinese names are, its first character and some
    of the others kept in order (智算 of 智能算力, 高企 of 高新技术企业), not a piece of it."""
    rest = iter(whole)
    kept = all(c in rest for c in short)  # (each character found after the one before)
    return 2 <= len(short) < len(whole) and short[0] == whole[0] and kept and short not in whole


def _heads_like(short: str, head: str) -> bool:
    """`short` is a head as the first one's `head` is: a head of any thing, or a kind of it
    (分站 of 工作站)."""
    return short in KIND_HEADS or bool(set(short) & set(head))


_FOR = ("给", "为", "帮", "替", "帮助")


@lru_cache(maxsize=1024)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """`text` cut into words with their parts of speech (jieba), once per text: the readings
    above each look at the same parts of a topic."""
    import jieba.posseg

    return tuple((w.word, w.flag) for w in jieba.posseg.lcut(text))


def is_verb(flag: str) -> bool:
    return flag in ("v", "vn", "vd")
