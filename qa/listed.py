"""The list in a passage that is about a question's subject: the items of a quoted term
(apposed before it, taken up after it, under its heading) or of a run of items (一是…, （1）…,
①…, ——…) whose lead-in names the term or the subject's words and announces the list."""

from __future__ import annotations

import re
from typing import Any

from qa.counted import (
    apposed,
    cn_number,
    cn_numeral,
    count_before,
    headed_items,
    noun_items,
    spelled_out_items,
    stated_count,
    taken_up_items,
)
from qa.enumerations import (
    clause_runs,
    counted_runs,
    enumerations,
    lead_runs,
    parallel_runs,
    quoted_runs,
    sentence_runs,
    up_to,
)
from qa.read_on import continued
from qa.scoring import lexical_overlap
from qa.slots import not_nouns
from qa.units import _content_tokens, _place_names

NUMBERING = re.compile(
    r"^(?:第[一二三四五六七八九十\d]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+[.、．]|专栏\d+)\s*"
)
_ANNOUNCED = re.compile(r"(?:以下|如下)[^，,。；;]{0,8}[：:]$")
_QUOTED_WORD = re.compile(r"[“\"「]([^”\"」])[”\"」]")
_LIST_WORDS = frozenset(
    ["几个", "方面", "几方面", "包括", "几块", "分为", "主要", "今年", "目前", "现在"]
)
# the kind of item a list question names: 包括哪些体系, 是哪几个产业
_ITEM_KIND = re.compile(
    r"哪(?:些|[几两三四五六七八九十\d]{1,2}[个项条类种大]?)([\u4e00-\u9fff]{2,4}?)(?:[？?呢]|$)"
)
_ASKED_COUNT = re.compile(r"哪([两三四五六七八九十\d]{1,2})[个项条类种大方]")
SUBJECT_NOISE = re.compile(
    r"具体|分别|主要|都|包括|包含|哪几[个项条类种方面块]*|哪些|几个方面|有哪|是什么意思|什么意思"
    r"|是指什么|指的是什么|指什么|是什么|的全称|全称|的简称|简称|是哪[一二三四五六七八九十\d]+个\S*"
    r"|分哪|[？?。]|提出了|规划里|规划中|规划的|的$"
)
READ, LONG_READ = 1500, 20000  # characters a list is read on past its passage; with a count


def listed_items(
    question: str, quoted: list[str], chunk: Any, index: Any, own: bool = False
) -> tuple[str, list[str], str, int] | None:
    """(subject, items, quote) of the list in the passage (continued past its end) that is about
    the question's subject: the quoted term with its items written before it ("A、B、C、D“四大
    支柱产业”"), or a run of numbered items (一是…, （1）…, ①…) whose lead-in names the quoted
    term or the subject's words. A count the term or the subject states (四大, 10个方面) must
    agree; the items are given up to it, read on far when the passage holds fewer (nine
    sections under "重点做好九个方面工作："). The last int: the line the last item ends on.
    `own`: the list must begin in the passage itself."""
    counted = any(stated_count(t) or count_before(t, question) for t in quoted)
    near = continued(chunk, index, READ)
    begins = len(chunk.text) if own else len(near[0])
    found = _listed_in(question, quoted, chunk, *near, begins)
    if found is None and not (counted or stated_count(question, quoted=False)):
        return None
    # a counted list is read on as far as it takes, and a list found may run on past what was
    # read: read far (the list must still begin in what was read at first)
    far = _listed_in(question, quoted, chunk, *continued(chunk, index, LONG_READ), begins)
    if found is None:
        return far
    if far is not None and far[0] == found[0] and len(far[1]) > len(found[1]):
        return far
    return found


def _listed_in(
    question: str, quoted: list[str], chunk: Any, text: str, read: list[Any], begins: int
) -> tuple[str, list[str], str, int] | None:
    every = enumerations(text) + parallel_runs(text) + clause_runs(text) + lead_runs(text)
    every += counted_runs(text) + sentence_runs(text) + quoted_runs(text)
    runs = [r for r in every if r.start < begins]

    def end(items: list[str]) -> int:
        return next((c.line_end for c in read if items[-1] in c.text), chunk.line_end)

    kind = item_kind(question)
    asked = _ASKED_COUNT.search(question)  # 哪4条产业链: the 3个产业链 of a text is not it
    asked_n = cn_number(asked.group(1)) if asked else None
    for term in quoted or named_counted(question, text):
        counts = stated_count(term) or count_before(term, question)
        if asked_n and counts and asked_n not in counts and term not in quoted:
            continue
        items = apposed(term, text, counts)
        if items:
            shown = f"“{term}”" if term in quoted else term
            return f"{shown}包括", items, f"{'、'.join(items)}{shown}", end(items)
        items = noun_items(term, text, kind) if kind else None
        # a term of several counts (四梁八柱: 2 or 12) states none for sure
        if items and (len(counts) != 1 or len(items) in counts):
            return f"“{term}”包括", items, "、".join(items), end(items)
        items = headed_items(term, text, counts)
        if items:
            return f"“{term}”包括", items, "；".join(items), end(items)
        for run in runs:
            # its lead-in names the term, or every item carries it (哪几项“坚定不移”: ——坚定不移
            # 解放思想, ——坚定不移创新求变…)
            if flat(term) in flat(run.lead_in) or _carried(term, run):
                items = up_to(list(run.items), counts)
                if items:
                    return f"“{term}”包括", items, "；".join(items), end(items)
        items = taken_up_items(term, text, counts) or spelled_out_items(term, text)
        if items:
            return f"“{term}”包括", items, "；".join(items), end(items)
    if quoted:
        return None
    # a quoted word too short to be a term ("哪几个“干”") that every item of a run carries
    for word in _QUOTED_WORD.findall(question)[:1]:
        for run in runs:
            if _carried(word, run):
                return f"“{word}”包括", list(run.items), "；".join(run.items), end(run.items)
    subject = SUBJECT_NOISE.sub("", question)
    # 承认, 推动: what is done to the list, which its lead-in may word otherwise; such a word
    # counts when the lead-in has it and is not missed when it has not
    verbs = not_nouns(question)
    tokens = {
        t
        for t in _content_tokens(subject)
        if len(t) >= 2
        and t not in _LIST_WORDS
        and t not in chunk.title
        and "哪" not in t
        and not t.isdigit()  # a year is the period asked, checked on its own
    }
    if not tokens:  # only common words left (目标, 工作): the question's own nouns, however common
        import jieba

        nouns = {
            w
            for w in jieba.lcut(_place_names().sub(" ", subject))
            if len(w) >= 2 and not w.isdigit() and w not in verbs
        } - _LIST_WORDS
        # the document's own words (政府, 工作 of a 政府工作报告) only when nothing else is left
        tokens = {w for w in nouns if w not in chunk.title} or nouns
    counts = stated_count(subject, quoted=False)
    for run in runs:
        lead = flat(run.lead_in)
        # the lead-in announces this list: it ends in a colon, or states the count asked
        counted = any(str(n) in lead or cn_numeral(n) in lead for n in counts)
        announces = counted or (not counts and (lead.endswith(("：", ":")) or run.announced))
        # "重点做了以下工作：" announces its list in so many words: half the subject will do
        enough = 0.5 if _ANNOUNCED.search(lead) else 0.75
        if tokens and _about(tokens, verbs, lead) >= enough and announces:
            items = up_to(list(run.items), counts)
            if items:  # named by the lead-in's sentence that holds the subject's words
                said = [x for x in re.split(r"[。；;]", run.lead_in) if x.strip()]
                name = max(said, key=lambda x: lexical_overlap(tokens, x))
                name = NUMBERING.sub("", name.strip()).strip("：:，, ")
                return name, items, "；".join(items), end(items)
    return None


# a count and what it counts, unquoted: 四大科学方向, 三个到位, 5项重点任务
_COUNTED_NAME = re.compile(
    r"(?P<count>(?:\d+|[一二两三四五六七八九十]+)(?:大|个|项|条|类|种))[\u4e00-\u9fff]{2,14}"
)


def item_kind(question: str) -> str | None:
    """The kind of item a list question names (包括哪些体系 → 体系, 打造哪几个品牌 → 品牌)."""
    m = _ITEM_KIND.search(question)
    return m.group(1) if m else None


def kind_run(question: str, text: str) -> tuple[str, list[str], str] | None:
    """(lead-in, items, quote) of names set side by side in quotes right before the kind of
    thing the question asks for ("打造哪几个品牌": 打造“芜湖制造”“芜湖服务”…“人民城市建设”品牌),
    the surest list of that kind a passage has; None when it has none."""
    kind = item_kind(question)
    if not kind:
        return None
    for run in quoted_runs(text):
        after = run.lead_in[run.lead_in.rfind("”") + 1 :]
        if after.startswith(kind) and len(run.items) >= 3:
            return run.lead_in, list(run.items), run.lead_in
    return None


def named_counted(question: str, text: str) -> list[str]:
    """The counted terms a question names without quotes ("聚焦的四大科学方向是哪几个"), each cut
    to its longest head that the passage writes verbatim (四大科学方向, not 四大科学方向是哪几):
    such a term is read like a quoted one, its items written before or after it. A question
    asking for the things without their count ("聚焦哪几个科学方向") names the counted term the
    passage writes of them (四大科学方向)."""
    from index.normalize import normalize_text  # 四大主導產業, typed in Traditional

    found = []
    for m in _COUNTED_NAME.finditer(normalize_text(question)):
        name = m.group(0)
        while len(name) > 3 and name not in text:
            name = name[:-1]
        if len(name) > 3 and name in text and "哪" not in name:
            found.append(name)
    # …or asks for the things the passage counts ("聚焦哪几个科学方向" of "…四大科学方向")
    asked = item_kind(question)
    if not found and asked:
        for m in _COUNTED_NAME.finditer(text):
            if text[m.end("count") : m.end()].startswith(asked):
                found.append(m.group("count") + asked)
    return found


def _carried(word: str, run: Any) -> bool:
    """Whether every item of a run of two or more carries the word the question quotes."""
    return len(run.items) >= 2 and all(word in i for i in run.items)


def _about(tokens: set[str], verbs: frozenset[str], lead: str) -> float:
    """How much of the question's subject a list's lead-in holds; a verb or other word that is
    not a thing (承认, 做好) counts only where the lead-in has it."""
    from index.normalize import normalize_text

    said = normalize_text(lead).lower()
    wanted = {t for t in tokens if t not in verbs or t in said}
    return lexical_overlap(wanted, lead)


# an item this short with no punctuation is a name, listed as names are (A、B、C)
NAME_MAX = 12


def joined(items: list[str]) -> str:
    """Items as a list is written: names with 、 (新能源汽车、锂电池、光伏产品), anything longer
    with ； (每项一句话的措施)."""
    names = all(len(x) <= NAME_MAX and not re.search(r"[，,；;：:。]", x) for x in items)
    return ("、" if names else "；").join(items)


def flat(text: str) -> str:
    return re.sub(r"[\s“”\"'，,、。]", "", text)
