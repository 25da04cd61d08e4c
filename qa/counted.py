"""Counted terms and the items they name.

A term may state how many items it has (四大支柱产业 → 4, 两区一园一基地 → 4 or 3) and the text
may give them in several ways besides a numbered list: written just before the term ("A、B、C、
D“四大支柱产业”"), as sentences opening or ending with the term's head (五个更加突出: 更加突出…;
两个融合: …融合), as sentences taken up one by one (生态安全屏障方面，…), or as a coordination of
the noun the question names (“四梁八柱”包括哪些体系).
"""

from __future__ import annotations

import re

_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


# a verb opening the first of a coordination's items ("围绕A、B、C“三大产业”", "构建起A体系、B体系")
_LEAD_VERB = re.compile(
    r"^(?:深入|大力|全面|持续|扎实)?"
    r"(?:围绕|聚焦|依托|发展|打造|壮大|培育|做强|做大|推动|重点发展|加快发展|突出|着力|以"
    r"|加快推进|推进|实施|开展|抓好|做好|编制|构建起?|建立起?|形成|完善|健全)了?"
)


# the clause that places the items (是基于三亚处在A、B、C、D“四期叠加”…): what stands before the
# first item
_SITUATED_IN = re.compile(r"^[^、]*?(?:正处于|正处在|处在|处于|面临|迎来|进入)")


def cn_number(text: str) -> int | None:
    """10, 四 → 4, ③ → 3, 十二 → 12, 二十 → 20; None for anything else (十四五 is no number)."""
    if text.isdecimal():
        return int(text)
    if len(text) == 1 and "①" <= text <= "⑳":
        return ord(text) - ord("①") + 1
    if len(text) == 1:
        return _CN.get(text) or (10 if text == "十" else None)
    m = re.fullmatch(r"([二两三四五六七八九])?十([一二三四五六七八九])?", text)
    if not m:
        return None
    return _CN.get(m.group(1) or "一", 1) * 10 + (_CN[m.group(2)] if m.group(2) else 0)


def counted_head(term: str) -> str | None:
    """The head of a term made of a count, a measure word and a head: 五个更加突出 → 更加突出,
    四大支柱产业 → 支柱产业; None for 三心 or 两区一园一基地."""
    m = re.fullmatch(
        r"(?:\d+|[一二两三四五六七八九十]+)\s*(?:个|大|项|条|种|类|方面|件)(.{2,})", term
    )
    return m.group(1) if m else None


def headed_items(term: str, text: str, counts: set[int]) -> list[str] | None:
    """The items of a counted term made of a count and a head ("五个更加突出", "三个坚持"): the
    sentences after the term that open with the head, as many as it counts, each by its first
    clause: "“五个更加突出”：更加突出积极进取，正确处理…。更加突出改革创新，…" → 更加突出积极进取, …"""
    head = counted_head(term)
    if not head or not counts:
        return None
    at = text.find(term)
    if at < 0:
        return None
    after = text[at + len(term) :]
    said = [x.strip(' ”"：:') for x in re.split(r"[。；;！\n]", after)]
    items = [re.split(r"[，,]", x, maxsplit=1)[0] for x in said if x.startswith(head)]
    items = list(dict.fromkeys(items))
    return items if len(items) in counts else None


def taken_up_items(term: str, text: str, counts: set[int]) -> list[str] | None:
    """The items of a counted term that the sentences after it take up one by one, when no list
    marks them: each first clause ending in the term's head ("“两个融合”增强原动力。推动工业化、
    信息化融合，…。促进先进制造业、现代服务业融合，…"), else each sentence opening with what it
    is about ("生态安全屏障方面，…。安全稳定屏障方面，…"), as many as the term counts. A coined
    term without a measure word (“四千行动”: 实施千万亩…行动。…实施千亿级…行动) is headed by its last
    word."""
    head = counted_head(term) or (term[-2:] if _COINED.fullmatch(term) else None)
    at = text.find(term)
    if not head or not counts or at < 0:
        return None
    after = text[at + len(term) :]
    said = [x.strip(' ”"：:') for x in re.split(r"[。；;！\n]", after)]
    firsts = [re.split(r"[，,]", x, maxsplit=1)[0] for x in said[: 2 * max(counts) + 2]]
    ending = list(dict.fromkeys(f for f in firsts if f.endswith(head) and len(f) <= ITEM_CLAUSE))
    if len(ending) in counts:
        return ending
    return marked_items(after, counts) or paragraph_items(term, text, counts)


PARAGRAPH_ITEM = 30  # the first clause of a sentence standing for an item is short


def paragraph_items(term: str, text: str, counts: set[int]) -> list[str] | None:
    """The items of a counted term when the rest of its paragraph is one sentence per item,
    as many as it counts: "推动“六个工程”取得标志性成果。政策落地成效明显，…。防沙治沙和风电光伏
    一体化工程实现“开春即开工”，…。温暖工程…" → each sentence's first clause."""
    at = text.find(term)
    if len(counts) != 1 or at < 0:
        return None
    paragraph = text[at:].split("\n", 1)[0]
    sentences = [x.strip() for x in re.split(r"(?<=[。！？])", paragraph) if x.strip()][1:]
    if len(sentences) not in counts:
        return None
    firsts = [re.split(r"[，,：:；;]", x, maxsplit=1)[0].rstrip("。！？") for x in sentences]
    if all(2 <= len(f) <= PARAGRAPH_ITEM for f in firsts):
        return firsts
    return None


# a count then the name its items share: 四千行动, 三万工程
_COINED = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)[\u4e00-\u9fff]{3,6}")

ITEM_CLAUSE = 24  # an item given by the first clause of its sentence is short


MARKED_FIRST = 5  # sentences between a term and the first of the items that take it up


# a sentence opening with what it is about: "生态安全屏障方面，…", "在科技创新领域，…"
_ASPECT_OPENING = re.compile(r"^(?:在)?([^，,。；;：:、]{2,15}?)(?:方面|领域)[，,：:]")


def marked_items(text: str, counts: set[int]) -> list[str] | None:
    """The items of a counted term taken up one by one in the sentences after it, each opening
    with what it is about ("生态安全屏障方面，…。安全稳定屏障方面，…"), as many as it counts."""
    if not counts:
        return None
    said = [x.strip(' ”"') for x in re.split(r"[。；;！\n]", text)]
    opened = [(i, m.group(1)) for i, x in enumerate(said) if (m := _ASPECT_OPENING.match(x))]
    if not opened or opened[0][0] > MARKED_FIRST:  # the first item follows the term closely
        return None
    items = list(dict.fromkeys(name for _, name in opened))
    n = max(counts)
    return items[:n] if len(items) >= n else None


def count_before(term: str, question: str) -> set[int]:
    """The count the question writes right before a quoted term: 五个“基点” → {5}."""
    m = re.search(
        rf"(\d+|[两三四五六七八九十]+)\s*(?:个|大|项|条|种|类|方面|件)[“\"「]{re.escape(term)}",
        question,
    )
    n = cn_number(m.group(1)) if m else None
    return {n} if n else set()


# a count written as a sum: 2+1, 1+4
_SUM = re.compile(r"\d+(?:\+\d+)+")
# a name of numbered parts with an open one: 一轴三心多点, 一核多极 (多 counts no number)
_OPEN_COUNT_PART = re.compile(r"(?:[一二两三四五六七八九十]|多)[\u4e00-\u9fff]")
_OPEN_COUNT = re.compile(
    r"(?=.*多)(?=.*[一二两三四五六七八九十])(?:(?:[一二两三四五六七八九十]|多)[\u4e00-\u9fff])+"
)


def stated_count(term: str, quoted: bool = True) -> set[int]:
    """The item counts a term states: 四大支柱产业 → {4}, 10个方面 → {10}; several numerals may
    count their sum, their number or (all equal) the one: 两区一园一基地 → {4, 3}, 三审三校 →
    {6, 2, 3}. An unquoted subject counts only a numeral with a measure word (2024年 is no count)."""
    if quoted and _OPEN_COUNT.fullmatch(term):  # 一轴三心多点: three parts, of a sum unknown
        return {len(_OPEN_COUNT_PART.findall(term))}
    if quoted and _SUM.fullmatch(term):  # “2+1”工程: the things added, three in all
        return {sum(int(n) for n in re.findall(r"\d+", term))}
    if quoted:
        found = re.findall(r"\d+|[一二两三四五六七八九十]+", term)
    else:
        found = re.findall(r"(\d+|[两三四五六七八九十]+)\s*(?:个|大|项|条|种|类|方面|件|张)", term)
    nums = [n for n in (cn_number(f) for f in found) if n]
    if len(nums) <= 1:
        return set(nums)
    return {sum(nums), len(nums)} | ({nums[0]} if len(set(nums)) == 1 else set())


def apposed(term: str, text: str, counts: set[int]) -> list[str] | None:
    """The items written just before the term, as many as it counts: "围绕大数据智能化、生态环保、
    大健康生物医药、文化休闲旅游“四大支柱产业”" → the four industries."""
    if len(counts) != 1:  # only a term that states one count: 四大支柱产业, 三个到位
        return None
    for m in re.finditer(rf"[“\"]?{re.escape(term)}", text):
        # an item may quote a word of its own (“平急两用”公共基础设施建设); a quoted term
        # the clause names before the items is no item (打造“三大高地”、实施…)
        clause = re.split(r"[，,。；;：:（(\n]", text[: m.start()])[-1]
        parts = [p.strip() for p in re.split(r"、|和|及|以及", clause) if p.strip()]
        if len(parts) < 2 or len(parts) not in counts:
            continue
        parts[0] = _LEAD_VERB.sub("", _SITUATED_IN.sub("", parts[0]))
        # …光伏产品为代表的外贸“新三样”: what the items stand for is no part of the last
        parts[-1] = _STANDS_FOR.sub("", parts[-1])
        if all(2 <= len(p.strip('“”"')) <= 15 and not _quoted_whole(p) for p in parts) and not any(
            _broken_or_verb(p) for p in parts
        ):
            return parts
    return None


def _broken_or_verb(part: str) -> bool:
    """A part that is no item: a quote opened and not closed (努力在“贯穿一条主线), or a verb
    alone, whose object the term is (办好“两件大事”)."""
    import jieba.posseg

    if part.count("“") != part.count("”"):
        return True
    words = jieba.posseg.lcut(part.strip('“”"'))
    return len(words) == 1 and words[0].flag.startswith("v")


_STANDS_FOR = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:为代表|为主体|为重点|为主)的[\u4e00-\u9fff]{0,8}$"
)

NOUN_ITEMS_AFTER = 2  # sentences after a term searched for the coordination its question names


def noun_items(term: str, text: str, noun: str) -> list[str] | None:
    """The items a question names by their kind ("“四梁八柱”包括哪些体系"), written just after
    the term as a coordination of that noun: "立起了“四梁八柱”。构建起…政策架构体系、…组织领导
    体系、…工作落实体系和…监测评价指标体系" → the four 体系."""
    at = text.find(term)
    if len(noun) < 2 or at < 0:
        return None
    after = text[at + len(term) :]
    for sentence in re.split(r"[。；;！\n]", after)[: NOUN_ITEMS_AFTER + 1]:
        for clause in re.split(r"[，,：:]", sentence):
            parts = [p.strip() for p in re.split(r"、|和|及|以及", clause) if p.strip()]
            if len(parts) >= 2 and all(p.endswith(noun) for p in parts):
                parts[0] = _LEAD_VERB.sub("", parts[0])
                return parts
            # the noun said once after the last (做好A、B、C和“D”工作) is every item's
            if len(parts) >= 2 and parts[-1].endswith(noun) and len(parts[-1]) > len(noun) + 1:
                parts[0] = _LEAD_VERB.sub("", parts[0].strip('“”"'))
                parts[-1] = parts[-1][: -len(noun)].strip('“”"')
                if all(2 <= len(p.strip('“”"')) <= 15 for p in parts):
                    return parts
    return None


def _quoted_whole(part: str) -> bool:
    """A part that is one quoted term after a verb (实施“五大战略”): a term, not an item."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{0,4}[“\"][^”\"]+[”\"]", part))


def cn_numeral(n: int) -> str:
    return "十" if n == 10 else "一二三四五六七八九"[n - 1] if 1 <= n <= 9 else str(n)


# "稳、进、高、新": a term that lists single words, each taken up after it in quotes
_SPELLED = re.compile(r"[\u4e00-\u9fff]{1,2}(?:、[\u4e00-\u9fff]{1,2}){2,}")


def spelled_out_items(term: str, text: str) -> list[str] | None:
    """The items of a term made of short words listed with 、, each taken up after the term by
    a clause quoting it: "“稳、进、高、新”工作思路…树牢“稳”的主基调…找准“进”的突破口…" → 树牢“稳”的
    主基调, 找准“进”的突破口, …; None unless every word is taken up."""
    if not _SPELLED.fullmatch(term):
        return None
    at = text.find(term)
    if at < 0:
        return None
    after = text[at + len(term) :]
    items = []
    for word in term.split("、"):
        m = re.search(rf"[\u4e00-\u9fff]{{0,4}}“{re.escape(word)}”的[\u4e00-\u9fff]{{2,6}}", after)
        if m is None:
            return None
        items.append(m.group(0))
    return items


def one_of_a_list(term: str, text: str) -> bool:
    """Whether every place `text` names the term it stands as one item of a list of others
    (培育壮大四大主导产业和三大未来产业; 办好“两件大事”、抓好“六个工程”): the sentence names the term,
    it does not list its items."""
    found = [m for m in re.finditer(rf"[“\"]?{re.escape(term)}[”\"]?", text)]
    return bool(found) and all(
        re.search(r"(?:[、和及与]|以及)$", text[: m.start()])
        or re.match(r"[、和及与]", text[m.end() :])
        for m in found
    )
