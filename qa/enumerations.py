"""Lists inside a paragraph (a passage read on past its end: qa.read_on).

A run of numbered items (一是…二是…, （1）（2）…, ①②…, 1. 2. …, （一）（二）…, 一、二、…) is one list
whatever the passage boundaries; its lead-in (the text before the first mark) says what it is
about, and a term's numeral (四大, 10个方面, 两区一园一基地) says how many items it should have.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from qa.counted import cn_number

_AFTER_BREAK = r"(?<![^。；;：:，,\s】])"  # at the start, or after a sentence or clause break
_ITEM = re.compile(
    rf"{_AFTER_BREAK}(?P<shi>[一二三四五六七八九十]{{1,3}})是(?!否)"
    r"|[（(](?P<pd>\d{1,2})[)）]|[（(](?P<pc>[一二三四五六七八九十]{1,3})[)）]|(?P<circ>[①-⑳])"
    rf"|{_AFTER_BREAK}(?P<dot>\d{{1,2}})[.．、](?!\d)|{_AFTER_BREAK}(?P<dun>[一二三四五六七八九十]{{1,3}})、"
)
MAX_LIST = 12
ITEM_MAX = 60  # an item longer than this is given by its lead clause
PARALLEL_MAX = 20  # an item of a list of parallel sentences is one short sentence


@dataclass(frozen=True)
class Enumeration:
    """A run of numbered items 1, 2, 3… of one kind of mark in a text: `lead_in` is what
    precedes the first mark back to the previous mark or line break (what the list is about)."""

    lead_in: str
    items: tuple[str, ...]
    start: int  # where the first mark stands in the text
    # the lead-in announces the run by its form (a numbered paragraph opening a section, a
    # count, a short sentence naming the items), whatever words it ends with
    announced: bool = False


def enumerations(text: str) -> list[Enumeration]:
    """Every run of consecutive numbered items in `text`, each item its first sentence (its
    first clause when that is long)."""
    marks = []
    for m in _ITEM.finditer(text):
        kind = m.lastgroup or ""
        value = cn_number(m.group(kind))
        if value is not None:
            marks.append((kind, value, m.start(), m.end()))
    out = []
    for i, (kind, value, start, _) in enumerate(marks):
        if value != 1:
            continue
        run = [marks[i]]
        for mark in marks[i + 1 :]:
            if mark[0] == kind and mark[1] == run[-1][1] + 1:
                run.append(mark)
            elif mark[0] == kind:
                break  # the same kind of mark out of sequence: another list
        if len(run) < 2:
            continue
        ends = [m[2] for m in run[1:]] + [_next_mark(marks, run[-1][3], len(text))]
        items = tuple(_lead_clause(text[m[3] : end]) for m, end in zip(run, ends, strict=True))
        before = max([0, text.rfind("\n", 0, start) + 1] + [m[3] for m in marks if m[3] <= start])
        lead_in = text[before:start].strip()
        if not lead_in and before > 0:  # a list opening its line: the line above says of what
            above = text[:before].rstrip()
            lead_in = above[above.rfind("\n") + 1 :].strip()
        # items that each open a paragraph of their own are the parts the paragraph above
        # announces, however it ends ("…需要我们更加注重加强政府自身建设。" / 一是… / 二是…)
        own_lines = all(m[2] == 0 or text[m[2] - 1] == "\n" for m in run)
        out.append(Enumeration(lead_in, items, start, announced=own_lines and bool(lead_in)))
    return out


def parallel_runs(text: str) -> list[Enumeration]:
    """Lists written as short sentences opening with the same word after a colon, their
    explanations between them: "立足五个“基点”：必须恪守根本遵循。深刻领悟…。必须聚焦首要任务。…"
    → 必须恪守根本遵循, 必须聚焦首要任务, … (the line is the list's extent)."""
    out = []
    for m in re.finditer(r"[：:]", text):
        line = text[m.end() :].split("\n", 1)[0]
        said = [x.strip() for x in re.split(r"[。；;！]", line) if x.strip()]
        if len(said) < 2 or len(said[0]) > PARALLEL_MAX or len(said[0]) < 4:
            continue
        opener = said[0][:2]
        items = tuple(x for x in said if x.startswith(opener) and len(x) <= PARALLEL_MAX)
        if len(items) >= 2 and len(items) < len(said):  # sentences between items: explanations
            start = max(text.rfind(c, 0, m.start()) for c in "。；;！\n") + 1
            out.append(Enumeration(text[start : m.end()].strip(), items, m.end()))
    return out


def clause_runs(text: str) -> list[Enumeration]:
    """Clauses between semicolons after a colon, in one sentence: "年初确定的目标中，有3项不及预期：
    全社会固定资产投资增速低于目标1.8个百分点；城乡居民…分别低于目标2.4个、0.4个百分点。" → the two
    clauses (an item longer than ITEM_MAX given by its lead clause)."""
    out = []
    for m in re.finditer(r"[：:]", text):
        sentence = re.split(r"[。！？\n]", text[m.end() :], maxsplit=1)[0]
        clauses = [c.strip() for c in re.split(r"[；;]", sentence) if c.strip()]
        if len(clauses) < 2:
            continue
        start = max(text.rfind(c, 0, m.start()) for c in "。；;！\n") + 1
        items = tuple(_lead_clause(c) for c in clauses)
        out.append(Enumeration(text[start : m.end()].strip(), items, m.end()))
    return out


_SECTION_MARK = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])"
)


def sentence_runs(text: str) -> list[Enumeration]:
    """Sentences opening with the same word after a short sentence that names what they are:
    "全面重塑安全工作机制。建立事前源头管理机制，…。建立事中安全监管机制，…。建立事后救援处置机制，…"
    → each item by its first clause (at least two, each short)."""
    out = []
    said = re.split(r"(?<=[。！？\n])", text)
    offsets = list(itertools.accumulate((len(x) for x in said), initial=0))
    for i, lead in enumerate(said):
        head = lead.strip().rstrip("。！？")
        if not 4 <= len(head) <= PARALLEL_MAX or re.search(r"[，,；;：:]", head):
            continue
        items: list[str] = []
        for nxt in said[i + 1 :]:
            first = re.split(r"[，,；;。！？]", nxt.strip(), maxsplit=1)[0]
            if items and first[:2] != items[0][:2]:
                break
            if not 4 <= len(first) <= PARALLEL_MAX:
                break
            items.append(first)
        if len(items) >= 2:
            out.append(Enumeration(head, tuple(items[:MAX_LIST]), offsets[i + 1], True))
    return out


# names set side by side in quotes, no separator between them: “芜湖制造”“芜湖服务”“芜湖科创”
_QUOTED_RUN = re.compile(r"(?:“[^“”]{2,12}”\s*){3,}")


def quoted_runs(text: str) -> list[Enumeration]:
    """Three names or more set side by side in quotes, each a name of the kind the words
    around them say: "打造“芜湖制造”“芜湖服务”“芜湖科创”“芜湖消费”品牌" → the four brands; the
    lead-in is their clause, the words before and after them (打造…品牌)."""
    out = []
    for m in _QUOTED_RUN.finditer(text):
        items = tuple(re.findall(r"“([^“”]{2,12})”", m.group(0)))
        start = max(text.rfind(c, 0, m.start()) for c in "，,。；;：:\n") + 1
        ends = [i for i in (text.find(c, m.end()) for c in "，,。；;\n") if i >= 0]
        clause = text[start : min(ends) if ends else len(text)]
        out.append(Enumeration(clause.strip(), items[:MAX_LIST], m.start(), True))
    return out


_BULLET = re.compile(r"^(?:——|—|-|•|·|●|▪|■)\s*")


def lead_runs(text: str) -> list[Enumeration]:
    """Paragraphs that each open with a short lead sentence, right after the numbered paragraph
    that opens their section or a line ending in a colon (a leading dash set aside): "（二）聚焦海洋产业突破，持续提升海洋经济发展能级。…" / "推动海洋传统渔业转型。
    …" / "推动海洋新兴产业壮大。…" → the leads (the next numbered paragraph ends the run)."""
    out = []
    lines = text.split("\n")
    offsets = list(itertools.accumulate((len(x) + 1 for x in lines), initial=0))
    for i, line in enumerate(lines):
        # a numbered paragraph opens its section; a line ending in a colon announces what follows
        if not (_SECTION_MARK.match(line) or line.rstrip().endswith(("：", ":"))):
            continue
        items: list[str] = []
        first = None
        for j in range(i + 1, len(lines)):
            paragraph = _BULLET.sub("", lines[j].strip())  # ——坚定不移解放思想。
            if not paragraph:
                continue
            if _SECTION_MARK.match(paragraph):
                break
            lead = re.split(r"[。！？]", paragraph, maxsplit=1)[0]
            if not 4 <= len(lead) <= PARALLEL_MAX or len(paragraph) <= len(lead) + 1:
                break
            first = offsets[j] if first is None else first
            items.append(lead.strip("，,；;：: "))
        if len(items) >= 2 and first is not None:
            out.append(Enumeration(line.strip(), tuple(items[:MAX_LIST]), first, True))
    return out


_COUNTED = re.compile(
    r"(\d{1,2}|[两三四五六七八九十]{1,2})(?:个|大|项|条|种|类)([\u4e00-\u9fff]{2,6})"
)
OPENING_MAX = 12  # an item named at a sentence's opening: 新一代信息技术产业


def counted_runs(text: str) -> list[Enumeration]:
    """The things a counted term announces, each opening a sentence after it with a name that
    ends in the term's head: "大力实施六大新兴产业发展计划…。新能源产业重点发展…。新材料产业重点…。
    …新一代信息技术产业以…为重点" → the six 产业 (exactly as many as counted, within the next
    sentences); the lead-in is the term's sentence and the one before it."""
    out = []
    for m in _COUNTED.finditer(text):
        n = cn_number(m.group(1))
        if not n or n < 2 or n > MAX_LIST:
            continue
        end = text.find("。", m.end())
        if end < 0:
            continue
        sentences = re.split(r"[。！？\n]", text[end + 1 :])[: 3 * n]
        # the counted noun's head is its last two characters, whatever follows it (六大新兴产业发展
        # 计划: 产业, not 发展)
        for k in range(2, len(m.group(2)) + 1):
            items = _opened_by(m.group(2)[k - 2 : k], sentences, n)
            if items:
                start = max(text.rfind(c, 0, m.start()) for c in "。\n") + 1
                before = max(text.rfind(c, 0, max(start - 1, 0)) for c in "。\n") + 1
                out.append(Enumeration(text[before : end + 1].strip(), tuple(items), end + 1, True))
                break
    return out


def _opened_by(head: str, sentences: list[str], n: int) -> list[str] | None:
    """The first `n` names ending in `head` that open these sentences, when there are `n`."""
    items: list[str] = []
    for sentence in sentences:
        opening = sentence.strip()[: OPENING_MAX + len(head)]
        at = opening.find(head)
        if 2 <= at <= OPENING_MAX and not re.search(r"[，,、；;]", opening[:at]):
            items.append(opening[: at + len(head)])
        if len(items) == n:
            break
    return items if len(items) == n and len(set(items)) == n else None


def _next_mark(marks: list[tuple[str, int, int, int]], after: int, end: int) -> int:
    return min([m[2] for m in marks if m[2] >= after] + [end])


def _lead_clause(body: str) -> str:
    lead = re.split(r"[。！？\n]", body.strip(), maxsplit=1)[0]
    for stop in "；;，,":
        if len(lead) > ITEM_MAX:
            lead = re.split(f"[{stop}]", lead, maxsplit=1)[0]
    return lead.strip(" ，,；;：:、")


def up_to(items: list[str], counts: set[int]) -> list[str] | None:
    """The items up to the largest stated count they reach; None when they reach none."""
    items = [i for i in items if i][:MAX_LIST]
    if len(items) < 2:
        return None
    if not counts:
        return items
    fits = [n for n in sorted(counts) if n <= len(items)]
    return items[: fits[-1]] if fits and fits[-1] >= 2 else None
