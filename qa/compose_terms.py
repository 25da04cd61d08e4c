"""Composing what X consists of and what X means.

Two kinds of evidence unit answer these, read from the retrieved passages:
- a heading subtree: a heading that is the question's subject (its text is in the question, or
  a term the question quotes is in it) together with what is under it — its sub-headings, else
  the lead sentences of its paragraphs, else its "一是…二是…" enumeration;
- a definition: "X:…", "X是指…", "X即…", "X（…）", "…（以下简称“X”）", and X set after what it
  names ("…医疗保险（X）", "…医疗保险“X”").
An exact heading or definition match is evidence enough: these answers do not go through the
abstention threshold.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from corpus.text import enclose
from qa.counted import (
    apposed,
    cn_numeral,
    count_before,
    headed_items,
    noun_items,
    stated_count,
    taken_up_items,
)
from qa.enumerations import (
    clause_runs,
    continued,
    counted_runs,
    enumerations,
    lead_runs,
    parallel_runs,
    sentence_runs,
    up_to,
)
from qa.scoring import lexical_overlap
from qa.slots import not_nouns
from qa.types import Answer, Citation
from qa.units import _content_tokens, _place_names

_QUOTED = re.compile(r"[“\"「]([^”\"」]{2,20})[”\"」]")
_ANNOUNCED = re.compile(r"(?:以下|如下)[^，,。；;]{0,8}[：:]$")
_QUOTED_WORD = re.compile(r"[“\"「]([^”\"」])[”\"」]")
_NUMBERING = re.compile(
    r"^(?:第[一二三四五六七八九十\d]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+[.、．]|专栏\d+)\s*"
)
_ENUMERATED = re.compile(r"[一二三四五六七八九十]是([^。；;，,]{2,20})")
_LIST_WORDS = frozenset(
    ["几个", "方面", "几方面", "包括", "几块", "分为", "主要", "今年", "目前", "现在"]
)
# the kind of item a list question names: 包括哪些体系, 是哪几个产业
_ITEM_KIND = re.compile(r"哪(?:些|几[个项条类种大]?)([\u4e00-\u9fff]{2,4}?)(?:[？?呢]|$)")
_SUBJECT_NOISE = re.compile(
    r"具体|分别|主要|都|包括|包含|哪几[个项条类种方面块]*|哪些|几个方面|有哪|是什么意思|什么意思"
    r"|是指什么|指的是什么|指什么|是什么|的全称|全称|的简称|简称|是哪[一二三四五六七八九十\d]+个\S*"
    r"|分哪|[？?。]|提出了|规划里|规划中|规划的|的$"
)
LEAD_MAX = 30  # an item's lead sentence is short: "坚持市场导向，企业主体。"
MAX_ITEMS = 10
READ, LONG_READ = 1500, 20000  # characters a list is read on past its passage; with a count


def quoted_terms(question: str) -> list[str]:
    return _QUOTED.findall(question)


def composition_answer(question: str, hits: list[Any], index: Any, title: Any) -> Answer | None:
    """What X consists of, from the heading subtree of X among the top passages."""
    quoted = quoted_terms(question)
    flat_q = _flat(question)
    for hit in hits[:5]:
        c = hit.chunk
        for depth, heading in enumerate(c.section):
            name = _flat(_NUMBERING.sub("", heading))
            first = _flat(re.split(r"[,，]", _NUMBERING.sub("", heading))[0])
            is_subject = (
                (len(name) >= 3 and (name in flat_q or first in flat_q))
                or any(_flat(q) in name for q in quoted)
                or _names_heading(name, question)
            )
            if not is_subject or heading in c.title:
                continue
            path = tuple(c.section[: depth + 1])
            below = [
                x
                for x in index.chunks_for(doc_id=c.doc_id)
                if tuple(x.section[: depth + 1]) == path
            ]
            items, children = _items_under(below, depth)
            # a count the quoted term states (两区一园一基地: 4) must agree with the items
            counts = set().union(*(stated_count(q) for q in quoted)) if quoted else set()
            items = up_to(items, counts) or []
            if len(items) >= 2:
                subject = re.split(r"[,，]", _NUMBERING.sub("", heading).strip())[0]
                if children:  # the sub-headings, cited with the whole subtree's lines
                    text = f"{subject}包括{len(items)}个方面：{'、'.join(items)}[1]。"
                    citation = Citation(
                        n=1,
                        chunk_id=below[0].chunk_id,
                        doc_id=c.doc_id,
                        title=c.title,
                        district=c.district,
                        section=path,
                        quote="；".join(
                            x
                            for x in dict.fromkeys(
                                x.section[depth + 1] for x in below if len(x.section) > depth + 1
                            )
                        ),
                        source=c.source,
                        line_start=min(x.line_start for x in below),
                        line_end=max(x.line_end for x in below),
                        also_in=tuple(below[0].also_in),
                    )
                    return Answer(
                        question,
                        f"据《{title(c)}》{enclose(heading)}，{text}",
                        False,
                        "extractive",
                        (citation,),
                        tuple(hits),
                        extra={"section_overview": True, "composition": True},
                    )
                text = f"据《{title(c)}》{enclose(heading)}，{subject}包括{len(items)}项：{'；'.join(items)}[1]。"
                found = _answer(question, text, below[0], "；".join(items), hits, "composition")
                # the leads stand in several passages: cite the lines down to the last one's
                last = next((x for x in reversed(below) if items[-1] in x.text), below[0])
                cited = found.citations[0]
                if last.line_end > cited.line_end:
                    cited = replace(cited, line_end=last.line_end, passage_line_end=last.line_end)
                return replace(found, citations=(cited,))
    candidates = hits[:5] + (_literal(quoted[0], index, hits) if quoted else [])
    # a list that begins in a retrieved passage before one reached by reading past its end
    for hit, own in [(h, True) for h in candidates] + [(h, False) for h in candidates]:
        listed = _listed_items(question, quoted, hit.chunk, index, own)
        if listed is not None:
            subject, items, quote, end = listed
            body = f"据《{title(hit.chunk)}》，{subject}：{'；'.join(items)}[1]。"
            found = _answer(question, body, hit.chunk, quote, hits, "composition")
            cited = found.citations[0]
            if end > cited.line_end:  # the list runs on into the next passages: cite its lines
                cited = replace(cited, line_end=end, passage_line_end=end)
            return replace(found, citations=(cited,))
    return None


def _listed_items(
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
    every += counted_runs(text) + sentence_runs(text)
    runs = [r for r in every if r.start < begins]

    def end(items: list[str]) -> int:
        return next((c.line_end for c in read if items[-1] in c.text), chunk.line_end)

    kind = _ITEM_KIND.search(question)
    for term in quoted:
        counts = stated_count(term) or count_before(term, question)
        items = apposed(term, text, counts)
        if items:
            return f"“{term}”包括", items, f"{'、'.join(items)}“{term}”", end(items)
        items = noun_items(term, text, kind.group(1)) if kind else None
        # a term of several counts (四梁八柱: 2 or 12) states none for sure
        if items and (len(counts) != 1 or len(items) in counts):
            return f"“{term}”包括", items, "、".join(items), end(items)
        items = headed_items(term, text, counts)
        if items:
            return f"“{term}”包括", items, "；".join(items), end(items)
        for run in runs:
            # its lead-in names the term, or every item carries it (哪几项“坚定不移”: ——坚定不移
            # 解放思想, ——坚定不移创新求变…)
            if _flat(term) in _flat(run.lead_in) or _carried(term, run):
                items = up_to(list(run.items), counts)
                if items:
                    return f"“{term}”包括", items, "；".join(items), end(items)
        items = taken_up_items(term, text, counts)
        if items:
            return f"“{term}”包括", items, "；".join(items), end(items)
    if quoted:
        return None
    # a quoted word too short to be a term ("哪几个“干”") that every item of a run carries
    for word in _QUOTED_WORD.findall(question)[:1]:
        for run in runs:
            if _carried(word, run):
                return f"“{word}”包括", list(run.items), "；".join(run.items), end(run.items)
    subject = _SUBJECT_NOISE.sub("", question)
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
        lead = _flat(run.lead_in)
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
                name = _NUMBERING.sub("", name.strip()).strip("：:，, ")
                return name, items, "；".join(items), end(items)
    return None


def _carried(word: str, run: Any) -> bool:
    """Whether every item of a run of two or more carries the word the question quotes."""
    return len(run.items) >= 2 and all(word in i for i in run.items)


def _names_heading(name: str, question: str) -> bool:
    """Whether the question says most of a heading in its own order of words ("政府自身建设
    今年从哪几个方面加强" of 全面加强政府自身建设): three words of it or more, three in four
    of them in the question."""
    words = {w for w in _content_tokens(name) if len(w) >= 2}
    return len(words) >= 3 and lexical_overlap(words, question) >= 0.75


def _about(tokens: set[str], verbs: frozenset[str], lead: str) -> float:
    """How much of the question's subject a list's lead-in holds; a verb or other word that is
    not a thing (承认, 做好) counts only where the lead-in has it."""
    from index.normalize import normalize_text

    said = normalize_text(lead).lower()
    wanted = {t for t in tokens if t not in verbs or t in said}
    return lexical_overlap(wanted, lead)


def _literal(term: str, index: Any, hits: list[Any]) -> list[Any]:
    """Passages holding `term` verbatim, as hits, the hits' places first (a quoted term is the
    user's own spelling: found as written even when retrieval ranks it low)."""
    if index is None or not hits:
        return []
    from types import SimpleNamespace

    places = {h.chunk.district for h in hits}
    found = [c for c in index.chunks if term in c.text]
    found.sort(key=lambda c: c.district not in places)  # the hits' places first
    return [SimpleNamespace(chunk=c) for c in found]


def _items_under(below: list[Any], depth: int) -> tuple[list[str], Any]:
    """The sub-headings under a heading, else its paragraphs' short lead sentences."""
    children = list(
        dict.fromkeys(x.section[depth + 1] for x in below if len(x.section) > depth + 1)
    )
    if len(children) >= 2:
        return [_NUMBERING.sub("", ch).strip() for ch in children][:MAX_ITEMS], below[0]
    leads = []
    for x in below:
        if x.kind == "table":
            continue
        for line in x.text.splitlines():
            line = re.sub(r"^[—\-•·\s]+", "", line.strip())
            lead = _NUMBERING.sub("", re.split(r"[。:：]", line)[0]).strip()
            if lead and len(lead) <= LEAD_MAX and len(line) > len(lead) + 1:
                leads.append(lead)
            m = _ENUMERATED.findall(line)
            if not leads and len(m) >= 2:
                leads.extend(m)
    return list(dict.fromkeys(leads))[:MAX_ITEMS], False


def _flat(text: str) -> str:
    return re.sub(r"[\s“”\"'，,、。]", "", text)


def _answer(question: str, text: str, chunk: Any, quote: str, hits: list[Any], kind: str) -> Answer:
    citation = Citation.from_chunk(1, chunk, quote)
    return Answer(question, text, False, "extractive", (citation,), tuple(hits), extra={kind: True})
