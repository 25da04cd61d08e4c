"""The 问答 tab: a chat that streams each answer, the citation cards under it (the quote with
the question's words highlighted) and the retrieved passages, folded; filters by place and
document; the generative-answer switch.

The HTML helpers are pure; `AskHandlers` holds the callbacks (tests call them directly) and
`build` lays out the tab inside the shell's Blocks.
"""

import html
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from corpus.errors import UserError
from corpus.settings import Settings
from index.types import Filters, Hit
from qa.types import Answer, Citation
from ui.common import (
    INDEX_WORK,
    QUESTION_BOX_MAX_CHARS,
    SharedIndex,
    also_in_html,
    error_html,
    highlight,
    info_html,
    open_in_document_html,
    section_path,
    snippet,
    span_text,
)
from ui.messages import user_message

EXAMPLE_QUESTIONS = (
    "綦江区到2025年高新技术企业数预期达到多少？",
    "哪些区的规划提到了氢能？",
    "合川区2022年要新增多少家高新技术企业？",
    "大渡口区如何推进科普工作？",
    "合川区如何支持企业加大研发投入？",
)


def question_terms(question: str) -> list[str]:
    """The words of a question worth highlighting in a quote: its content tokens (the ones
    the answer was scored on), single characters left out (they would light up everywhere)."""
    try:
        from qa.scoring import question_tokens

        tokens = question_tokens(question)
    except Exception:  # noqa: BLE001 - highlighting is decoration; never fail an answer on it
        return []
    kept = {t for t in tokens if len(t) >= 2 or t.isdigit()}
    # jieba's search mode also yields the pieces of a compound (高新, 技术, 企业 of
    # 高新技术企业); highlighted everywhere they would drown the words actually asked about
    whole = [t for t in kept if not any(t != o and t in o for o in kept)]
    return sorted(whole, key=len, reverse=True)


def answer_terms(answer: Answer) -> list[str]:
    if answer.district_report is not None:
        return list(answer.district_report.terms)
    return question_terms(answer.question)


def citation_card_html(citation: Citation, terms: Iterable[str] = ()) -> str:
    """One citation as a card: district, title, section path, source lines, the quote with
    the matching words highlighted."""
    c = citation
    district = html.escape(c.district or "未注明区县")
    section = section_path(c.section)
    return (
        f'<div class="pq-card" data-district="{html.escape(c.district or "", quote=True)}" '
        f'data-chunk="{html.escape(c.chunk_id, quote=True)}">'
        f'<div class="pq-card-head"><span class="pq-n">[{c.n}]</span>'
        f'<span class="pq-district">{district}</span>'
        f'<span class="pq-title">《{html.escape(c.title)}》</span></div>'
        + (f'<div class="pq-section">{html.escape(section)}</div>' if section else "")
        + f'<blockquote class="pq-quote">{highlight(c.quote, terms)}</blockquote>'
        f'<div class="pq-source">'
        f"{html.escape(span_text(c.source, c.line_start, c.line_end, c.page_start, c.page_end))}"
        f"</div>{also_in_html(c.also_in)}"
        f"{open_in_document_html(c.doc_id, c.line_start, c.line_end)}</div>"
    )


def citations_html(answer: Answer | None) -> str:
    """The citation cards under an answer (the nearest passages when it abstained), then
    the retrieved passages the answer was chosen from, folded."""
    if answer is None:
        return ""
    terms = answer_terms(answer)
    if answer.citations:
        heading = "最接近的段落" if answer.abstained else "出处"
        cards = "".join(citation_card_html(c, terms) for c in answer.citations)
        out = f'<div class="pq-cards"><div class="pq-cards-title">{heading}</div>{cards}</div>'
    else:
        out = info_html("这个回答没有引用段落。")
    return out + hits_html(answer.hits, terms)


def hits_html(hits: Sequence[Hit], terms: Iterable[str] = ()) -> str:
    """The ranked retrieval results as a folded list: rank, retrievers, district, title,
    section, source lines and the passage's opening."""
    if not hits:
        return ""
    terms = list(terms)
    names = {"dense": "向量", "bm25": "关键词"}
    items = []
    for h in hits:
        c = h.chunk
        found_by = "+".join(names.get(r, r) for r in h.retrievers)
        section = section_path(c.section)
        items.append(
            f'<li class="pq-hit" data-district="{html.escape(c.district or "", quote=True)}">'
            f'<div class="pq-source">#{h.rank} · {html.escape(found_by)} · '
            f"{html.escape(span_text(c.source, c.line_start, c.line_end, c.page_start, c.page_end))}"
            f"</div>"
            f'<div><span class="pq-district">{html.escape(c.district or "未注明区县")}</span>'
            f'<span class="pq-title">《{html.escape(c.title)}》</span>'
            + (f' <span class="pq-section">{html.escape(section)}</span>' if section else "")
            + f'</div><div class="pq-hit-text">{highlight(snippet(c.text, 160), terms)}</div></li>'
        )
    return (
        f'<details class="pq-hits"><summary>检索到的段落（{len(hits)}），回答从中选出</summary>'
        f'<ol class="pq-hit-list">{"".join(items)}</ol></details>'
    )


def answer_markdown(answer: Answer) -> str:
    """The chat bubble for a finished answer: the text, then its notice if any. Both are
    HTML-escaped: an answer quotes document text, and a document holding <img src=…> must
    show those characters, not make the browser fetch anything."""
    text = html.escape(answer.answer.strip(), quote=False)
    if answer.notice:
        text += f"\n\n> ℹ️ {html.escape(answer.notice, quote=False)}"
    return text


def _chat_text(text: str) -> str:
    """Text for a chat bubble (rendered as Markdown with HTML): escaped, so it shows as typed."""
    return html.escape(text, quote=False)


def llm_configured(settings: Settings) -> bool:
    return bool(settings.llm_base_url and settings.llm_model)


def llm_explanation(settings: Settings) -> str:
    if llm_configured(settings):
        return (
            f"由 {settings.llm_model} 依据检索到的段落生成回答，每句注明出处；"
            "接口失败时自动回退为抽取式回答。"
        )
    return (
        "未配置大模型接口，生成式回答不可用。设置 PLANQA_LLM_BASE_URL 和 PLANQA_LLM_MODEL"
        "（任一 OpenAI 兼容接口）后重启即可开启。当前为抽取式回答：直接摘录原文并注明出处。"
    )


@dataclass
class AskHandlers:
    """The 问答 callbacks over one SharedIndex (gradio calls them; tests may too)."""

    settings: Settings
    holder: SharedIndex

    @property
    def turns(self) -> dict[str, Any]:
        """The turn each answer in a chat leaves for a follow-up, by the answer's text."""
        return self.__dict__.setdefault("_turns", {})

    def ask(
        self,
        question: str | None,
        history: list[dict[str, Any]] | None,
        districts: Sequence[str] | None = None,
        doc_ids: Sequence[str] | None = None,
        use_llm: bool = False,
    ) -> Iterator[tuple[list[dict[str, Any]], str, str]]:
        """Stream an answer into the chat: (history, citation cards, question box)."""
        import qa
        from qa.text import check_question

        history = [dict(m) for m in (history or [])]
        # a follow-up in the same chat inherits the last answer's place, document and topic;
        # the turn is found by that answer's text, so a new chat (or another user's) starts clean
        previous = self.turns.get(str(history[-1].get("content"))) if history else None
        try:
            question = check_question(question)
        except UserError as exc:
            history.append({"role": "assistant", "content": f"⚠️ {_chat_text(user_message(exc))}"})
            yield history, error_html(user_message(exc)), question or ""
            return
        history.append({"role": "user", "content": _chat_text(question)})
        history.append({"role": "assistant", "content": "正在检索…"})
        yield history, "", ""
        llm = bool(use_llm) and llm_configured(self.settings)
        text = ""
        try:
            idx = self.holder.get()
            filters = self.filters(idx, districts, doc_ids)
            for piece in qa.answer_stream(
                question, idx, filters, self.settings, llm=llm, previous=previous
            ):
                if isinstance(piece, Answer):
                    history[-1]["content"] = answer_markdown(piece)
                    if piece.extra.get("turn"):
                        self.turns[history[-1]["content"]] = piece.extra["turn"]
                    yield history, citations_html(piece), ""
                    return
                text += piece
                history[-1]["content"] = _chat_text(text)
                yield history, "", ""
        except UserError as exc:
            history[-1]["content"] = f"⚠️ {_chat_text(user_message(exc))}"
            yield history, error_html(user_message(exc)), ""

    @staticmethod
    def filters(
        idx: Any, districts: Sequence[str] | None, doc_ids: Sequence[str] | None
    ) -> Filters | None:
        """Filters from the page's dropdowns, checked against the index (the API accepts
        any value): UserError for a district or document the index does not have."""
        from qa.filters import resolve_districts

        names = tuple(resolve_districts(districts, idx)) if districts else ()
        known = {d.doc_id for d in idx.documents}
        unknown = [d for d in doc_ids or () if d not in known]
        if unknown:
            raise UserError("unknown_document", doc_id=unknown, known=sorted(known))
        filters = Filters(districts=names, doc_ids=tuple(doc_ids or ()))
        return None if filters.is_empty() else filters


def build(settings: Settings, holder: SharedIndex) -> tuple[Any, Any]:
    """The tab's components and events (inside a gr.Tab). Returns the place and document
    filters, whose choices the shell fills when the index opens or changes."""
    import gradio as gr

    handlers = AskHandlers(settings, holder)
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(
                label="问答",
                height=380,
                elem_id="pq-chat",
                placeholder="提一个关于规划文件的问题，回答会注明出处。",
                buttons=["copy"],
                feedback_options=None,
            )
            with gr.Row():
                question = gr.Textbox(
                    show_label=False,
                    placeholder="例如：綦江区到2025年高新技术企业数预期达到多少？",
                    max_length=QUESTION_BOX_MAX_CHARS,
                    scale=5,
                    elem_id="pq-question",
                    autofocus=True,
                )
                ask_btn = gr.Button("提问", variant="primary", scale=1, elem_id="pq-ask")
                clear_btn = gr.Button("清空", scale=0, min_width=80)
            examples = gr.Dataset(
                components=["textbox"],
                samples=[[q] for q in EXAMPLE_QUESTIONS],
                label="示例问题（点击即问）",
                elem_id="pq-examples",
            )
        with gr.Column(scale=1, min_width=240):
            # choices arrive with the index (page load); `ask` checks the values
            # against the index, so accepting custom ones here is safe
            district_filter = gr.Dropdown(
                [],
                multiselect=True,
                allow_custom_value=True,
                label="只看这些区县",
                elem_id="pq-district-filter",
            )
            doc_filter = gr.Dropdown(
                [],
                multiselect=True,
                allow_custom_value=True,
                label="只看这些文档",
                elem_id="pq-doc-filter",
            )
            use_llm = gr.Checkbox(
                False,
                label="生成式回答（大模型）",
                interactive=llm_configured(settings),
                info=llm_explanation(settings),
                elem_id="pq-llm",
            )
    citations = gr.HTML("", elem_id="pq-citations")

    ask_inputs = [question, chatbot, district_filter, doc_filter, use_llm]
    ask_outputs = [chatbot, citations, question]
    ask_btn.click(handlers.ask, ask_inputs, ask_outputs, api_name="ask", **INDEX_WORK)
    question.submit(handlers.ask, ask_inputs, ask_outputs, api_visibility="private", **INDEX_WORK)
    examples.click(lambda sample: sample[0], examples, question, api_visibility="private").then(
        handlers.ask, ask_inputs, ask_outputs, api_visibility="private", **INDEX_WORK
    )
    clear_btn.click(
        lambda: ([], "", ""), None, [chatbot, citations, question], api_visibility="private"
    )
    return district_filter, doc_filter
