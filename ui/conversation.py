"""A 问答 conversation as plain records, and what the page makes of them: the chat bubble of
each answer (its [n] markers linked to its own cards), the source cards of every answer, the
text "复制" puts on the clipboard and the Markdown export.

An answer becomes a record (JSON: str, int, list, dict) once, when it is given; the page keeps
the records in the browser (gr.BrowserState), so a reload re-renders the same conversation
from them. Everything here is pure: records in, strings out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

from corpus.model import SourceSpan
from corpus.text import enclose
from qa.types import Answer, Citation
from ui.common import (
    also_in_html,
    highlight,
    info_html,
    open_in_document_html,
    section_path,
    snippet,
    span_text,
)

Record = dict[str, Any]
_MARKER = re.compile(r"\[(\d+)\]")
_RETRIEVERS = {"dense": "向量", "bm25": "关键词"}


def book_title(title: str) -> str:
    """《title》, once: a title that already carries its brackets is not wrapped again."""
    return enclose(title, "《", "》")


# ----------------------------------------------------------------------------- records


def answer_record(answer: Answer, terms: Sequence[str] = ()) -> Record:
    """What the page keeps of an answer: its text, notice, citations, the retrieved passages
    (shortened) and the words to highlight."""
    hits = []
    for h in answer.hits:
        c = h.chunk
        hits.append(
            {
                "rank": h.rank,
                "retrievers": list(h.retrievers),
                "district": c.district or "",
                "title": c.title,
                "section": list(c.section),
                "span": span_text(c.source, c.line_start, c.line_end, c.page_start, c.page_end),
                "text": snippet(c.text, 160),
            }
        )
    return {
        "question": answer.question,
        "answer": answer.answer.strip(),
        "notice": answer.notice or "",
        "abstained": bool(answer.abstained),
        "terms": list(terms),
        "citations": [c.to_dict() for c in answer.citations],
        "hits": hits,
    }


def citation_of(d: dict[str, Any]) -> Citation:
    """A record's citation back as a Citation (the fields Citation.to_dict wrote)."""
    fields = dict(d)
    fields["section"] = tuple(fields.get("section") or ())
    fields["also_in"] = tuple(SourceSpan(**s) for s in fields.get("also_in") or ())
    return Citation(**fields)


def _citations(record: Record) -> list[Citation]:
    return [citation_of(d) for d in record.get("citations") or ()]


def _span(c: Citation) -> str:
    return span_text(c.source, c.line_start, c.line_end, c.page_start, c.page_end)


# ----------------------------------------------------------------------------- the chat


def card_id(k: int, n: int) -> str:
    """The element id of answer k's card n (k counts the conversation's answers from 1)."""
    return f"pq-a{k}-c{n}"


def chat_content(record: Record, k: int) -> str:
    """Answer k's chat bubble: the text HTML-escaped (an answer quotes documents, and a
    document holding <img src=…> must show those characters), each [n] a link to answer k's
    card n, then the notice. The empty marker tells the page's script which answer a bubble
    is (its copy button copies that answer with its sources); the chat's sanitizer drops
    data- attributes, so the number is in the class."""
    cited = {c["n"] for c in record.get("citations") or ()}

    def link(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if n not in cited:
            return m.group(0)
        target = card_id(k, n)
        return f'<a class="pq-ref" href="#{target}">[{n}]</a>'

    text = _MARKER.sub(link, html.escape(record["answer"], quote=False))
    if record.get("notice"):
        text += f"\n\n> ℹ️ {html.escape(record['notice'], quote=False)}"
    return f'<span class="pq-aid pq-aid-{k}"></span>{text}'


# ----------------------------------------------------------------------------- the cards


def citation_card_html(citation: Citation, terms: Iterable[str] = (), element_id: str = "") -> str:
    """One citation as a card: district, title, section path, source lines, the quote with
    the matching words highlighted."""
    c = citation
    district = html.escape(c.district or "未注明区县")
    section = section_path(c.section)
    id_attr = f' id="{html.escape(element_id, quote=True)}"' if element_id else ""
    return (
        f'<div class="pq-card"{id_attr} data-district="{html.escape(c.district or "", quote=True)}" '
        f'data-chunk="{html.escape(c.chunk_id, quote=True)}">'
        f'<div class="pq-card-head"><span class="pq-n">[{c.n}]</span>'
        f'<span class="pq-district">{district}</span>'
        f'<span class="pq-title">{html.escape(book_title(c.title))}</span></div>'
        + (f'<div class="pq-section">{html.escape(section)}</div>' if section else "")
        + f'<blockquote class="pq-quote">{highlight(c.quote, terms)}</blockquote>'
        f'<div class="pq-source">{html.escape(_span(c))}</div>{also_in_html(c.also_in)}'
        f"{open_in_document_html(c.doc_id, c.line_start, c.line_end)}</div>"
    )


def hits_html(hits: Sequence[dict[str, Any]], terms: Iterable[str] = ()) -> str:
    """The retrieved passages as a folded list: rank, retrievers, district, title, section,
    source lines and the passage's opening."""
    if not hits:
        return ""
    terms = list(terms)
    items = []
    for h in hits:
        found_by = "+".join(_RETRIEVERS.get(r, r) for r in h["retrievers"])
        section = section_path(h["section"])
        items.append(
            f'<li class="pq-hit" data-district="{html.escape(h["district"], quote=True)}">'
            f'<div class="pq-source">#{h["rank"]} · {html.escape(found_by)} · '
            f"{html.escape(h['span'])}</div>"
            f'<div><span class="pq-district">{html.escape(h["district"] or "未注明区县")}</span>'
            f'<span class="pq-title">{html.escape(book_title(h["title"]))}</span>'
            + (f' <span class="pq-section">{html.escape(section)}</span>' if section else "")
            + f'</div><div class="pq-hit-text">{highlight(h["text"], terms)}</div></li>'
        )
    return (
        f'<details class="pq-hits"><summary>检索到的段落（{len(hits)}），回答从中选出</summary>'
        f'<ol class="pq-hit-list">{"".join(items)}</ol></details>'
    )


def answer_sources_html(record: Record, k: int) -> str:
    """Answer k's sources: its question, its cards (ids answer k's markers link to; the
    nearest passages when it abstained), its retrieved passages folded. The group carries
    the copy text of the answer for the copy button."""
    citations = _citations(record)
    terms = record.get("terms") or ()
    if citations:
        heading = "最接近的段落" if record.get("abstained") else "出处"
        cards = "".join(citation_card_html(c, terms, card_id(k, c.n)) for c in citations)
        body = f'<div class="pq-cards"><div class="pq-cards-title">{heading}</div>{cards}</div>'
    else:
        body = info_html("这个回答没有引用段落。")
    return (
        f'<section class="pq-answer-sources" id="pq-a{k}" '
        f'data-copy="{html.escape(copy_text(record), quote=True)}">'
        f'<div class="pq-answer-question">回答 {k} · {html.escape(record["question"])}</div>'
        f"{body}{hits_html(record.get('hits') or (), terms)}</section>"
    )


def conversation_html(records: Sequence[Record]) -> str:
    """Every answer's sources, the latest first: an earlier answer's [n] still finds its card."""
    return "".join(answer_sources_html(r, k) for k, r in reversed(list(enumerate(records, 1))))


# ----------------------------------------------------------------------------- copy, export


def source_lines(citation: Citation) -> list[str]:
    """One numbered source as plain lines: [n] place《title》 section, file · lines, “quote”."""
    c = citation
    head = f"[{c.n}] {c.district or '未注明区县'}{book_title(c.title)}"
    section = section_path(c.section)
    return [
        head + (f" {section}" if section else ""),
        f"    {_span(c)}",
        f"    “{' '.join(c.quote.split())}”",
    ]


def copy_text(record: Record) -> str:
    """What copying an answer gives: the answer, its notice, then its numbered sources."""
    parts = [record["answer"]]
    if record.get("notice"):
        parts.append(f"ℹ️ {record['notice']}")
    citations = _citations(record)
    if citations:
        title = "最接近的段落" if record.get("abstained") else "出处"
        parts.append(
            f"{title}：\n" + "\n".join(line for c in citations for line in source_lines(c))
        )
    return "\n\n".join(parts)


def conversation_markdown(records: Sequence[Record]) -> str:
    """The conversation as a Markdown document: each question, its answer and its sources
    (place, title, section, file and lines, the quote)."""
    out = ["# planqa 问答记录", ""]
    for k, r in enumerate(records, 1):
        out += [f"## {k}. {r['question']}", "", r["answer"], ""]
        if r.get("notice"):
            out += [f"> ℹ️ {r['notice']}", ""]
        citations = _citations(r)
        if citations:
            out += [f"**{'最接近的段落' if r.get('abstained') else '出处'}**", ""]
            for c in citations:
                section = section_path(c.section)
                out.append(
                    f"{c.n}. {c.district or '未注明区县'} {book_title(c.title)}"
                    + (f" · {section}" if section else "")
                    + f" · `{_span(c)}`"
                )
                out.append(f"   > {' '.join(c.quote.split())}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"
