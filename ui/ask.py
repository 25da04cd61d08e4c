"""The 问答 tab: a chat that streams each answer; under it every answer's citation cards (the
quote with the question's words highlighted; each [n] in an answer links to its own card) and
retrieved passages, folded; copy and Markdown export with the sources; the conversation kept
in the browser across reloads; a question box with a live count against its limit; filters by
place and document; the generative-answer switch.

The records and their HTML/Markdown are in ui.conversation (pure); `AskHandlers` holds the
callbacks (tests call them directly) and `build` lays out the tab inside the shell's Blocks.
"""

import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.errors import UserError
from corpus.settings import Settings
from index.types import Filters
from qa.text import MAX_QUESTION_CHARS
from qa.types import Answer
from ui.common import INDEX_WORK, SharedIndex, error_html
from ui.conversation import (
    answer_record,
    answer_sources_html,
    chat_content,
    citation_card_html,  # noqa: F401 - the cards' HTML, still reached as ui.ask.*
    conversation_html,
    conversation_markdown,
    hits_html,  # noqa: F401
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


def citations_html(answer: Answer | None, k: int = 1) -> str:
    """The sources of one answer, as answer k of a conversation ("" for none)."""
    if answer is None:
        return ""
    return answer_sources_html(answer_record(answer, answer_terms(answer)), k)


def answer_markdown(answer: Answer, k: int = 1) -> str:
    """The chat bubble for a finished answer, as answer k of a conversation."""
    return chat_content(answer_record(answer), k)


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
        kept: dict[str, Any] | None = None,
    ) -> Iterator[tuple[list[dict[str, Any]], str, Any, dict[str, Any]]]:
        """Stream an answer into the chat: (history, every answer's sources, question box,
        the conversation kept in the browser: {"chat": history, "answers": records}). The box
        is emptied once, as the question is taken; what is typed in it while the answer comes
        is left as it is."""
        import gradio as gr

        import qa
        from qa.text import check_question

        history = [dict(m) for m in (history or [])]
        answers = list((kept or {}).get("answers") or [])
        shown = conversation_html(answers)

        def keep() -> dict[str, Any]:
            return {"chat": history, "answers": answers}

        # a follow-up in the same chat inherits the last answer's place, document and topic;
        # the turn is found by that answer's text, so a new chat (or another user's) starts clean
        previous = self.turns.get(str(history[-1].get("content"))) if history else None
        try:
            question = check_question(question)
        except UserError as exc:
            history.append({"role": "assistant", "content": f"⚠️ {_chat_text(user_message(exc))}"})
            yield history, error_html(user_message(exc)) + shown, question or "", keep()
            return
        history.append({"role": "user", "content": _chat_text(question)})
        history.append({"role": "assistant", "content": "正在检索…"})
        yield history, shown, "", keep()
        llm = bool(use_llm) and llm_configured(self.settings)
        text = ""
        try:
            idx = self.holder.get()
            filters = self.filters(idx, districts, doc_ids)
            for piece in qa.answer_stream(
                question, idx, filters, self.settings, llm=llm, previous=previous
            ):
                if isinstance(piece, Answer):
                    answers.append(answer_record(piece, answer_terms(piece)))
                    history[-1]["content"] = chat_content(answers[-1], len(answers))
                    if piece.extra.get("turn"):
                        self.turns[history[-1]["content"]] = piece.extra["turn"]
                    yield history, conversation_html(answers), gr.update(), keep()
                    return
                text += piece
                history[-1]["content"] = _chat_text(text)
                yield history, shown, gr.update(), keep()
        except UserError as exc:
            history[-1]["content"] = f"⚠️ {_chat_text(user_message(exc))}"
            yield history, error_html(user_message(exc)) + shown, gr.update(), keep()

    @staticmethod
    def restore(kept: dict[str, Any] | None) -> tuple[list[dict[str, Any]], str]:
        """The chat and every answer's sources from the conversation kept in the browser
        (page load); what cannot be read is dropped rather than failing the page."""
        try:
            chat = [
                {"role": m["role"], "content": str(m["content"])}
                for m in (kept or {}).get("chat") or []
                if m.get("role") in ("user", "assistant")
            ]
            answers = list((kept or {}).get("answers") or [])
            return chat, conversation_html(answers)
        except (AttributeError, KeyError, TypeError, ValueError):
            return [], ""

    @staticmethod
    def export(kept: dict[str, Any] | None) -> Any:
        """The download button's file: the conversation as Markdown with its sources, or the
        button disabled while there is no answer to export."""
        import gradio as gr

        answers = list((kept or {}).get("answers") or [])
        if not answers:
            return gr.update(value=None, interactive=False)
        return gr.update(value=str(write_export(answers)), interactive=True)

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


EXPORT_MAX_AGE_S = 3600  # exported files older than this are removed at the next export


def write_export(answers: Sequence[dict[str, Any]], folder: Path | None = None) -> Path:
    """The conversation's Markdown in a file of its own (gradio serves it from its cache),
    in a per-process folder whose stale exports are removed as new ones are written."""
    import tempfile
    import time
    import uuid

    folder = folder or Path(tempfile.gettempdir()) / "planqa-exports"
    folder.mkdir(parents=True, exist_ok=True)
    now = time.time()
    for old in folder.glob("*/*.md"):
        try:
            if now - old.stat().st_mtime > EXPORT_MAX_AGE_S:
                old.unlink()
                old.parent.rmdir()
        except OSError:
            continue
    path = folder / uuid.uuid4().hex / "planqa-问答记录.md"
    path.parent.mkdir()
    path.write_text(conversation_markdown(answers), encoding="utf-8")
    return path


# Run once when the page loads (the shell puts it in launch's js). A click on an answer's [n]
# shows that answer's card n; the copy button of an answer's bubble puts the answer with its
# numbered sources on the clipboard (Gradio's own copies the bubble's text alone; this runs
# after it, so this text is the one kept). Both are delegated: bubbles and cards come and go.
PAGE_SCRIPT = r"""
document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const ref = target && target.closest("a.pq-ref");
  if (ref) {
    event.preventDefault();
    const card = document.getElementById(ref.getAttribute("href").slice(1));
    if (!card) return;
    document.querySelectorAll(".pq-card.pq-target").forEach((c) => c.classList.remove("pq-target"));
    card.classList.add("pq-target");
    card.scrollIntoView({ behavior: "smooth", block: "center" });
    return;
  }
  const button = target && target.closest("#pq-chat .message-buttons button");
  const row = button && button.closest(".message-buttons").previousElementSibling;
  const marker = row && row.querySelector(".pq-aid");
  const k = marker && /pq-aid-(\d+)/.exec(marker.className);
  const sources = k && document.getElementById("pq-a" + k[1]);
  if (sources && navigator.clipboard) {
    setTimeout(() => navigator.clipboard.writeText(sources.dataset.copy), 50);
  }
});
"""


# the box's live counter, run in the browser on every keystroke (no request to the server)
COUNT_JS = """(q) => {
  const n = [...(q || "")].length, limit = LIMIT;
  const over = n > limit
    ? ` <span class="pq-over">超出 ${n - limit} 字，请删减到 ${limit} 字以内</span>` : "";
  return `<span class="pq-count${n > limit ? " pq-count-over" : ""}">${n}/${limit}</span>${over}`;
}""".replace("LIMIT", str(MAX_QUESTION_CHARS))


def count_html(question: str = "") -> str:
    """The counter's first state (the page's script redraws it as the user types)."""
    return f'<span class="pq-count">{len(question)}/{MAX_QUESTION_CHARS}</span>'


def build(settings: Settings, holder: SharedIndex, demo: Any) -> tuple[Any, Any]:
    """The tab's components and events (inside a gr.Tab of `demo`). Returns the place and
    document filters, whose choices the shell fills when the index opens or changes."""
    import gradio as gr

    handlers = AskHandlers(settings, holder)
    # the conversation, kept in this browser's localStorage across reloads
    kept = gr.BrowserState({"chat": [], "answers": []}, storage_key="planqa-ask")
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
                # no max_length: the browser would cut a long paste silently; the counter
                # says the limit instead, and qa.check_question refuses a longer question
                question = gr.Textbox(
                    show_label=False,
                    placeholder=(
                        f"例如：綦江区到2025年高新技术企业数预期达到多少？（不超过 {MAX_QUESTION_CHARS} 字）"
                    ),
                    scale=5,
                    elem_id="pq-question",
                    autofocus=True,
                )
                ask_btn = gr.Button("提问", variant="primary", scale=1, elem_id="pq-ask")
                clear_btn = gr.Button("清空", scale=0, min_width=80, elem_id="pq-clear")
            with gr.Row(equal_height=True):
                counter = gr.HTML(count_html(), elem_id="pq-question-count")
                export_btn = gr.DownloadButton(
                    "导出对话（Markdown）",
                    value=None,
                    interactive=False,
                    size="sm",
                    scale=0,
                    min_width=180,
                    elem_id="pq-export",
                )
            # right after the answer: at phone width the columns stack, and the sources
            # must not come after the examples and the filters
            citations = gr.HTML("", elem_id="pq-citations")
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

    question.change(None, question, counter, js=COUNT_JS)
    ask_inputs = [question, chatbot, district_filter, doc_filter, use_llm, kept]
    ask_outputs = [chatbot, citations, question, kept]
    private = {"api_visibility": "private"}
    ask_btn.click(handlers.ask, ask_inputs, ask_outputs, api_name="ask", **INDEX_WORK).then(
        handlers.export, kept, export_btn, **private
    )
    question.submit(handlers.ask, ask_inputs, ask_outputs, **private, **INDEX_WORK).then(
        handlers.export, kept, export_btn, **private
    )
    examples.click(lambda sample: sample[0], examples, question, **private).then(
        handlers.ask, ask_inputs, ask_outputs, **private, **INDEX_WORK
    ).then(handlers.export, kept, export_btn, **private)
    clear_btn.click(
        lambda: ([], "", "", {"chat": [], "answers": []}, gr.update(value=None, interactive=False)),
        None,
        [chatbot, citations, question, kept, export_btn],
        **private,
    )
    demo.load(handlers.restore, kept, [chatbot, citations], **private).then(
        handlers.export, kept, export_btn, **private
    )
    return district_filter, doc_filter
