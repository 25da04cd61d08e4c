"""What alternatives given as examples of one class share (中试熟化、中试基地: 中试), which
names the class, and the class said after them (…这类婴幼儿照护服务): a place may name it alone."""

from __future__ import annotations

import re

from qa.text import word_breaks
from qa.topic_alternatives import KIND_HEADS, MEASURE_WORDS, acts, tagged

# a rank, which names no class (国家级, 省级, 全国)
_RANK = re.compile(r"(?:国家|中央|省|自治区|市|州|区|县|乡镇?)级?|全(?:国|省|市|区|县)|省部级")


def common_root(parts: list[str], broad: frozenset[str] = frozenset()) -> list[str]:
    """What alternatives given as examples of one class share (中试熟化、中试基地: 中试; 飞地经济或者
    科创飞地: 飞地; 水权交易或者水权改革: 水权): a word of two characters or more of each, or their
    first characters, that modifies one of them and is not too `broad` to name a class (经济)."""
    import jieba

    said = [p.strip() for p in parts]
    if len(said) < 2 or any(len(p) < 3 for p in said):
        return []
    if any(a != b and a in b for a in said for b in said) or all(map(_FACILITY.search, said)):
        return []  # names of one thing (数据交易或数据交易中心, 中试平台或者中试基地)
    ends = {tagged(p)[-1][0] for p in said if tagged(p)}
    if len(ends) == 1 and len(min(ends)) >= 2:
        return []  # (…or its wordings, the same word last: 青年发展型城市、青年发展友好型城市)
    words = [{w for w in jieba.lcut(p) if len(w) >= 2} for p in said]
    shared = set.intersection(*words)
    start = 0
    while all(start < len(p) and p[start] == said[0][start] for p in said):
        start += 1
    start -= _first_of_other_words(said, start)  # (数据资产化、数据资源入表: no 数据资)
    if start >= 2 and all(len(p) > start for p in said):
        shared.add(said[0][:start].strip())
    # (a head shared is the kind of thing, not the class: 厨余垃圾或餐厨垃圾 is no 垃圾)
    roots = [w for w in shared if w not in broad and any(p.startswith(w) for p in said)]
    # the class is all they share around it: 学生营养餐或农村学生营养改善计划 is 学生营养, not 学生
    widest = {_widest_shared(w, said).strip() for w in roots}
    # (nor a time or a rank, which names no class: 夜间经济或夜间消费 is no 夜间, 国家级高新区或
    # 国家级经开区 no 国家级)
    timeless = [
        w
        for w in widest
        if [f for _, f in tagged(w)] not in (["t"], ["m"]) and not _RANK.fullmatch(w)
    ]
    return sorted(w for w in timeless if len(w) >= 2 and w not in broad)


def _first_of_other_words(said: list[str], end: int) -> int:
    """1 when the character before `end` begins a different word in each of `said` (资 of
    资产 and 资源), else 0."""
    words = set()
    for part in said:
        breaks = word_breaks(part)
        if end < 2 or end - 1 not in breaks or end in breaks:
            return 0
        words.add(part[end - 1 : min(b for b in breaks if b > end - 1)])
    return int(len(words) > 1)


def _widest_shared(root: str, said: list[str]) -> str:
    """The longest text around `root` in the first of `said` that all of them hold."""
    first = said[0]
    at = first.index(root)
    spans = [
        first[i:j]
        for i in range(at + 1)
        for j in range(at + len(root), len(first) + 1)
        if all(first[i:j] in p for p in said)
    ]
    return max(spans, key=len)


# the head of a facility's name: alternatives all ending so name one facility
_FACILITY = re.compile(r"(?:平台|基地|中心|站|室|园区|园|馆)$")


# the class examples are said to be of, after them: 普惠托育、增加托位这类婴幼儿照护服务
_CLASS_AFTER = re.compile(r"(?:这|这一|之)类(?:的)?(?P<cls>[\u4e00-\u9fff]{4,8})$")
# …whose head alone names none (这类创新平台 is the examples' kind, not a topic)
_CLASS_HEAD = re.compile(f"(?:{'|'.join(KIND_HEADS)})$")


def with_class_said(part: str) -> str:
    """Examples and the class they are of, said after them, as alternatives: 普惠托育、增加托位这类
    婴幼儿照护服务 -> 普惠托育、增加托位、婴幼儿照护服务 (a place may name the class alone), when
    the class names more than a kind of thing."""
    m = _CLASS_AFTER.search(part)
    if m is None or m.start() < 2 or len(_CLASS_HEAD.sub("", m["cls"])) < 3:
        return part
    return f"{part[: m.start()]}、{m['cls']}"


def forms_of_name(name: str, parts: list[str]) -> list[str] | None:
    """A bracket's parts read as forms of the `name` before it, when the first is the name with
    more (科技特派员（科技特派员制度、特派团、工作站）): a part opening on the name's later
    characters is said with the name's start (科技特派团), a place or body of three characters
    sharing none with the name is the name's (科技特派员工作站, not 博士后工作站). None for
    any other bracket (清洁能源（风电、光伏）: kinds of it)."""
    said = [re.sub(r"(?:等等|等|之类|这类)$", "", p) for p in parts]
    if len(said) < 2 or not said[0].startswith(name) or len(said[0]) == len(name) or len(name) < 2:
        return None
    if all(name in part for part in said):
        return None  # (kinds said with the name: the name alone says them)
    forms = []
    for part in said:
        if name in part or len(part) < 2:
            forms.append(part)
        elif part[:2] in name[1:]:
            forms.append(name[: name.index(part[:2], 1)] + part)
        elif len(part) == 3 and not set(part) & set(name) and one_noun(part):
            forms.append(name + part)
        else:
            forms.append(part)
    return forms


def one_noun(word: str) -> bool:
    """Whether `word` is one noun (总值, 工作站)."""
    words = tagged(word)
    return len(words) == 1 and words[0][1] == "n"


def shortened(short: str, name: str) -> bool:
    """Whether `short` is `name` shortened: its characters in order, the first its first."""
    return (
        bool(short)
        and short[0] == name[:1]
        and re.search(".*?".join(map(re.escape, short)), name) is not None
    )


def start_before_short_name(name: str, short: str) -> str | None:
    """What of `name` stands before the last words `short` shortens, from a word's start and
    with their last character (跨境电子商务综合试验区, 综试区: 跨境电子商务; 国家高新技术产业
    开发区, 高新区: 国家); None when it shortens no such words, or all of the name."""
    if len(short) < 2 or not name.endswith(short[-1]) or shortened(short, name):
        return None
    for start in sorted(word_breaks(name)):
        if 0 < start and len(name) - start > len(short) and shortened(short, name[start:]):
            return name[:start]
    return None


# a closing bracket saying what else counts as the thing (营造林、荒山绿化都算; 车联网也算)
_NAMES_COUNTED = re.compile(r"(?P<names>.+?)(?:等|之类)?的?(?:都|也|均)(?:算|可以|行)")


def counted_names(name: str, inner: str) -> list[str]:
    """The other names a closing bracket says count as the thing (植树造林面积（营造林、荒山绿化
    都算）: 营造林, 荒山绿化), when every part is a name of three characters or more ending in a
    noun; none when a part is a state, an act, a rank or a measure (获批筹建、在建都算, 国家级或
    省级都算, 交易额、认定登记额都算, 新能源汽车、电动车充电都算), which the name alone says."""
    said = _NAMES_COUNTED.fullmatch(inner)
    parts = re.split(r"或者|[、，,或和及]", said["names"]) if said else []
    others = [p for p in parts if name not in p]  # (跨境电商综试区 says the name already)
    for part in parts:
        words = tagged(part)
        noun = bool(words) and (words[-1][1][0] == "n" or words[-1][1] == "j")
        measure = part[-1] in "额量率数" or part.endswith((*MEASURE_WORDS, "面积", "人数"))
        if len(part) < 3 or "的" in part or not noun or measure or _RANK.match(part):
            return []
    return others


def named_kinds(inner: str) -> bool:
    """Whether a bracket lists short names, most of them of places (长征、长江、大运河、黄河)."""
    kinds = re.split(r"[、/]", inner)
    if len(kinds) < 2 or not all(1 <= len(k) <= 3 for k in kinds):
        return False
    named = sum(len(t := tagged(k)) == 1 and t[0][1] in ("ns", "nz", "nr") for k in kinds)
    return 2 * named > len(kinds)


def unbracketed(topic: str) -> str:
    """The topic with what its brackets say left out (地区生产总值（经济总量） -> 地区生产总值)."""
    return re.sub(r"[（(][^（）()]*[)）]", "", topic)


# the rules and works any topic may have (科技特派员制度, 抽水蓄能项目): words that name the kind
# of thing, not the thing (qa.topic_brackets.GENERIC_SUFFIX)
RULES_AND_WORKS = ("制度", "机制", "体系", "政策", "措施", "工程", "项目")
# …and its places and bodies, the sorts of thing any topic may have, not kinds of the topic
# (科技特派员工作站, 大熊猫国家公园); not its measures, which say what is asked
_FACET_HEADS = frozenset(
    [*RULES_AND_WORKS, "试点", "示范", "名单"]
    + [*("基地", "中心", "公园", "园区", "平台", "站", "工作站", "服务站", "团", "队", "联盟")]
)


def with_facets_named(name: str, parts: list[str]) -> list[str] | None:
    """A closing bracket's parts (two or more) read as forms of the `name` before it, when some
    name only the sort of thing any topic has, by words half of all reports say or acts before
    such a head (制度, 工作站, 国家公园, 繁育基地): those are said with the name's thing,
    its acts left out (大熊猫保护（国家公园、繁育基地）: 大熊猫国家公园, 大熊猫繁育基地); the others
    are kinds of it, said alone (新能源（风电、光伏）). None when no part is such a form."""
    from qa.meaning import common_words

    said = [re.sub(r"(?:等等|等|之类|这类)$", "", p) for p in parts]
    words = list(tagged(name))
    while len(words) > 1 and acts(*words[-1]):
        words.pop()
    thing = "".join(w for w, _ in words)

    def facet(part: str) -> bool:
        *modifiers, (head, _) = tagged(part) or (("", ""),)
        plain = all(w in common_words() or acts(w, f) for w, f in modifiers)
        # (not one naming the thing itself: 中试环节（中试基地）, 氢能（加氢站）)
        return head in _FACET_HEADS and plain and not set(thing) & set(part)

    if len(said) < 2 or len(thing) < 2 or not all(said) or not any(map(facet, said)):
        return None
    return [thing + part if facet(part) else part for part in said]


def inserted(before: str, inner: str, after: str) -> bool:
    """Whether a bracket inside a name, after a modifier no name ends in (…型, …性, …式), holds
    a word the name may hold (科技型（中小）企业), not another name of what stands before it
    (居民消费价格（CPI）涨幅) nor an act said in place of the one before it."""
    words = tagged(inner)
    return (
        bool(re.match(r"[\u4e00-\u9fff]", after))
        and before.endswith(("型", "性", "式", "类"))
        and len(words) == 1
        and not acts(*words[0])
    )
