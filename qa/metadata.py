"""Questions about a document's own metadata (文号, 印发日期, 发文机关, 期号, 报告人) answered from
the Document record, with the source line holding the value as the quote."""

from __future__ import annotations

import re
from typing import Any

from corpus import normalize_for_match
from corpus.text import close_cjk_gaps
from qa.asks import asks_of
from qa.cite import abstain
from qa.types import Answer, Citation, quote_and_passage_lines

# why these patterns: each names the field a user asks for, not the topic of the document. A
# date or an issuer is the document's own when the question asks it of the act of issuing
# (印发/发布…); what counts as a date or a body question is the frame's (qa.asks.ASKS).
_ISSUING = re.compile(
    r"印发|发布|下发|成文|出台|公布|签发|发文|颁布|落款"
    r"|\b(?:issued|published|released|signed|delivered|presented)\b",
    re.IGNORECASE,
)
# who, asked of a person: 谁, 哪位, 哪位市长
_WHO = r"(?:谁|哪一?位(?:市长|省长|区长|县长|州长|主席|领导|负责人)?)"
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "doc_number",
        re.compile(r"文号|发文字号|编号|\b(?:document|file|reference) number\b", re.IGNORECASE),
    ),
    ("issue", re.compile(r"第几期|期号|哪一期")),
    # who delivered a work report (谁, 哪位市长): the record's speaker (市长 黄江), not a sentence
    # naming one
    (
        "speaker",
        re.compile(
            rf"{_WHO}(?:来)?(?:作|做)的?(?:政府工作|工作)?报告|报告(?:是|由)?{_WHO}(?:作|做)|报告人"
            rf"|作报告的(?:是|人)|是{_WHO}(?:作|做)的"
            r"|\bwho (?:delivered|gave|presented|made|read)\b",
            re.IGNORECASE,
        ),
    ),
    # the meeting a work report was delivered at: the record's (第N届人民代表大会第N次会议), not a
    # meeting a sentence names (去年…哪一次人代会确定的目标 asks the text)
    (
        "meeting",
        re.compile(
            r"(?:报告|它)[^，。？?]{0,10}在[^，。？?]{0,8}(?:哪一?次|哪个|什么)[^，。？?]{0,6}(?:会议|人代会|大会|会)上"
            r"|(?:哪一?次|什么)[^，。？?]{0,6}(?:会议|人代会|大会)上(?:作|做)"
            r"|\b(?:at )?(?:what|which) (?:meeting|session)\b[^?]*\b(?:report|delivered|given)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "issuer",
        re.compile(
            r"(哪[个些家](?:部门|单位|机关)|谁).{0,6}(发布|印发|下发|发文)"
            r"|(发布|印发|发文)(机关|单位|部门|机构)"
        ),
    ),
)
_FIELD_NAMES = {
    "doc_number": "文号",
    "issue": "期号",
    "issuer": "发布机构",
    "date": "印发日期",
    "speaker": "报告人",
    "meeting": "会议",
}
_ISSUE = re.compile(r"\d{4}年第\d+期(?:[（(]总第\d+期[）)])?")


# a metadata field named by its label, as "A和B是什么" names two
FIELD_LABELS = "发文字号|文号|发布机构|发文机关|发布单位|印发单位|成文日期|发布日期|印发日期|落款日期|期号|报告人"
_FIELD_LABEL = re.compile(FIELD_LABELS)


def fields_named(text: str) -> list[str]:
    """The metadata field labels `text` names, in order: "发文字号和发布机构是什么" → [发文字号,
    发布机构]."""
    return _FIELD_LABEL.findall(text)


def metadata_kind(question: str) -> str | None:
    """The metadata field the question asks for, or None."""
    for kind, pattern in _KINDS:
        if pattern.search(question):
            return kind
    if _ISSUING.search(question):
        asks = asks_of(question)
        if asks == "date":
            return "date"
        if asks in ("person", "org"):
            return "issuer"
    return None


def _documents(index: Any) -> list[Any]:
    docs = index.documents
    return list(docs.values()) if isinstance(docs, dict) else list(docs)


def _value_and_chunk(kind: str, doc: Any, index: Any) -> tuple[str, str, Any] | None:
    """(the value, the text line holding it, its chunk) or None when the document lacks it.

    The index keeps no original lines, so the quote is the line of the chunk text that holds
    the value and the cited span is that chunk's."""
    raw = {
        "doc_number": doc.doc_number,
        "issuer": doc.issuer,
        "speaker": getattr(doc, "speaker", None),
        "meeting": getattr(doc, "meeting", None),
    }.get(kind)
    if kind == "date":
        raw = doc.date_raw or doc.date
    if kind != "issue" and not raw:
        return None
    # joint issuers are listed with 、 in the record and with spaces in the signature: the
    # line holding each of the names holds the value
    needles = [n for n in re.split(r"[、,，\s]+", normalize_for_match(raw or "")) if n]
    for chunk in index.chunks_for(doc_id=doc.doc_id):
        for line in chunk.text.splitlines():
            flat = close_cjk_gaps(normalize_for_match(line))  # 市长 黄 江 holds 黄江
            if kind == "issue":
                m = _ISSUE.search(flat)
                if m:
                    return m.group(0), line.strip(), chunk
            elif needles and all(n in flat for n in needles):
                return raw, line.strip(), chunk
    if kind == "issue":
        m = _ISSUE.search(normalize_for_match(doc.title))
        if m:
            chunks = index.chunks_for(doc_id=doc.doc_id)
            if chunks:
                return m.group(0), doc.title, chunks[0]
    return None


def _bigrams(text: str) -> set[str]:
    flat = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return {flat[i : i + 2] for i in range(len(flat) - 1)}


def _documents_asked(question: str, hits: list[Any], by_id: dict[str, Any]) -> list[Any]:
    """The documents of the top passages, the one whose title the question names first: a
    plan's own record, not the catalogue that lists the plan. A copy stands for its canonical
    document (the gazette's copy holds the 文号 the loose copy lacks)."""
    asked = _bigrams(
        re.sub(r"文号|发文字号|印发|发布|日期|哪天|什么时候|是什么|机构|部门", "", question)
    )
    docs: list[Any] = []
    for hit in hits[:8]:
        doc = by_id.get(hit.chunk.doc_id)
        if doc is not None and doc.duplicate_of in by_id:
            doc = by_id[doc.duplicate_of]
        if doc is not None and doc not in docs:
            docs.append(doc)

    def named(doc: Any) -> float:
        title = _bigrams(doc.title)
        return len(asked & title) / len(asked) if asked else 0.0

    return sorted(docs, key=named, reverse=True)[:3]


def _labelled_date(question: str, doc: Any, index: Any) -> tuple[str, str, str, Any] | None:
    """(label, value, line, chunk) of a date field in the document's head whose act the
    question asks when of (发布日期 for 哪天发布的, 成文日期 for 什么时候成文), or None."""
    from qa.fields import fields_of, names_act

    flat_q = re.sub(r"\s+", "", question)
    for chunk in index.chunks_for(doc_id=doc.doc_id)[:3]:
        for f in fields_of(chunk):
            if names_act(f.label, flat_q, "date") and re.search(r"\d", f.value):
                return f.label, f.value, f.line, chunk
    return None


def metadata_answer(question: str, index: Any, hits: list[Any]) -> Answer | None:
    """An answer from the Document record of the best hit's document, or None (normal path)."""
    kind = metadata_kind(question)
    if kind is None or not hits:
        return None
    by_id = {d.doc_id: d for d in _documents(index)}
    for doc in _documents_asked(question, hits, by_id):
        if kind == "issue":
            # the gazette issue sits in the front matter of the same source file
            candidates = [d for d in by_id.values() if d.source == doc.source]
        else:
            # an attachment's 文号, date and issuer are its notice's, printed in the notice
            notice = by_id.get(doc.attached_to) if getattr(doc, "attached_to", None) else None
            candidates = [doc, notice] if notice is not None else [doc]
        for d in candidates:
            found = _value_and_chunk(kind, d, index)
            labelled = _labelled_date(question, d, index) if kind == "date" else None
            if labelled is not None:  # 哪天发布的: the page's 发布日期, not the signature's date
                found = labelled[1:]
            # a work report is dated by the day it was delivered, not printed
            reported = getattr(d, "doc_type", None) == "work_report"
            label = labelled[0] if labelled is not None else "报告日期" if reported else "印发日期"
            if found is None:
                continue
            value, quote, cited = found
            if kind == "date" and "年" not in value and d.date and labelled is None:
                y, m, dd = (int(x) for x in d.date.split("-"))
                value = f"{y}年{m}月{dd}日"
            title = doc.title if kind != "issue" else d.title
            text = {
                "doc_number": f"《{title}》的文号是{value}[1]。",
                "date": f"《{title}》的{label}是{value}[1]。",
                "issuer": f"《{title}》由{value}发布[1]。",
                "issue": f"这期公报是{value}[1]。",
                "speaker": f"《{title}》由{value}作报告[1]。",
                "meeting": f"《{title}》是在{value}上作的报告[1]。",
            }[kind]
            citation = Citation(
                n=1,
                chunk_id=cited.chunk_id,
                doc_id=d.doc_id,
                title=d.title,  # the cited document (an attachment's notice)
                district=d.district,
                section=(),
                quote=quote,
                source=d.source,
                **quote_and_passage_lines(cited, quote),
            )
            return Answer(
                question,
                text,
                False,
                "extractive",
                citations=(citation,),
                hits=tuple(hits),
                extra={"metadata": kind},
            )
        # the document asked about does not state the field: saying so beats a sentence of
        # its body that merely holds a date or a name
        reason = f"《{doc.title}》中没有注明{_FIELD_NAMES[kind]}。"
        return abstain(
            question, hits, extra={"metadata": kind, "missing_field": kind}, reason=reason
        )
    return None
