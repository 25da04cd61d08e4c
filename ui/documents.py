"""The 文档 tab: every document of the index in a table, one read as a page (ui.reader),
documents added by upload (checked by ui.uploads) and removed from the index. A change runs
one at a time while visitors keep the old index, then every list on the page follows the new
one. A citation's 在文档中查看 link opens its document here at the cited lines.

The row helpers are pure; `DocumentHandlers` holds the callbacks, `build` lays out the tab
inside the shell's Blocks and `build_citation_opener` the hidden opener the links use.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.errors import UserError
from corpus.formats import SUFFIX_FORMATS
from corpus.model import Document
from corpus.settings import Settings
from ui.common import DOC_TYPE_NAMES, SharedIndex, error_html, info_html
from ui.reader import CitedLines, document_html, parse_open_request

DOCUMENT_HEADERS = ["编号", "地区", "标题", "发文机关", "文号", "日期", "类型", "段落数", "副本"]
# what the start-up and every change fill in: status line, place and document filters,
# document table, document picker (shell.startup)
PageLists = tuple[str, list, list, list[list[Any]], list]
PICK_A_DOCUMENT = "从列表中选择一篇文档，按章节阅读它被切分成的段落。"


def document_rows(documents: Sequence[Document], counts: dict[str, int]) -> list[list[Any]]:
    return [
        [
            d.doc_id,
            d.district or "—",
            d.title,
            d.issuer or "—",
            d.doc_number or "—",
            d.date or d.date_raw or "—",
            DOC_TYPE_NAMES.get(d.doc_type, d.doc_type),
            counts.get(d.doc_id, 0),
            f"与 {d.duplicate_of} 相同" if d.duplicate_of else "",
        ]
        for d in documents
    ]


def document_choices(documents: Sequence[Document]) -> list[tuple[str, str]]:
    """(label, doc_id) pairs for a dropdown: district and title, the id to tell copies apart."""
    out = []
    for d in documents:
        title = d.title if len(d.title) <= 40 else d.title[:40] + "…"
        out.append((f"{d.district or '—'} · {title} ({d.doc_id})", d.doc_id))
    return out


def upload_explanation() -> str:
    from ui.uploads import MAX_DOCUMENT_BYTES, MAX_FILES_PER_UPLOAD

    return (
        f"上传 {'、'.join(sorted(SUFFIX_FORMATS))} 文件（每个不超过 "
        f"{MAX_DOCUMENT_BYTES // 1024 // 1024} MB，一次最多 {MAX_FILES_PER_UPLOAD} 个），"
        "点击“添加到索引”：文件类型按内容检查，文件保存在应用的数据目录中；"
        "只有新的段落需要嵌入，完成后无需重启即可检索。建索引期间仍可照常提问。"
    )


@dataclass
class DocumentHandlers:
    """The tab's callbacks over one SharedIndex (gradio calls them; tests may too)."""

    settings: Settings
    holder: SharedIndex

    def open_document(self, doc_id: str | None, cited: CitedLines | None = None) -> str:
        """The document's page; `cited` (doc_id, first, last) marks those lines when it is
        this document's."""
        if not doc_id:
            return info_html(PICK_A_DOCUMENT)
        try:
            idx = self.holder.get()
        except UserError as exc:
            return error_html(f"索引无法打开：{exc}")
        document = next((d for d in idx.documents if d.doc_id == doc_id), None)
        if document is None:
            return error_html(f"没有编号为 {doc_id} 的文档。")
        lines = cited[1:] if cited and cited[0] == doc_id else None
        return document_html(document, idx.chunks_for(doc_id=doc_id), cited=lines)

    def open_citation(self, request: str | None) -> tuple[str | None, CitedLines | None, str]:
        """A citation's "在文档中查看" (its link's request "doc_id|first-last"): the document
        to pick, the lines to mark and the document's page with them marked."""
        cited = parse_open_request(request or "")
        if cited is None:
            return None, None, error_html("无法打开这条出处：链接不完整。")
        return cited[0], cited, self.open_document(cited[0], cited)

    def upload_documents(
        self,
        files: Sequence[str] | None,
        names: Sequence[str] | None = None,
        progress: Callable[[float, str], Any] | None = None,
    ) -> tuple[str, bool]:
        """Check, store and index uploaded documents, then serve the new index. Returns (a
        one-line message, whether the index changed). Any failure leaves the previous index
        serving and removes what was stored."""
        import index
        from ui.uploads import change_error_message, check_uploads, store_upload

        def say(fraction: float, label: str) -> None:
            if progress is not None:
                progress(fraction, label)

        files = [str(f) for f in files or ()]
        stored: list[Path] = []
        try:
            say(0.02, "正在检查文件…")
            checked = check_uploads(files, names)
            with self.holder.changing:
                say(0.05, "正在保存并读取文件…")
                taken = {d.doc_id.split("#")[0] for d in self.holder.get().documents}
                for upload in checked:
                    stored.append(store_upload(upload, Path(self.settings.upload_dir), taken))
                    taken.add(stored[-1].stem)
                change = index.add(self.settings, stored, progress=True)
                say(0.97, "正在切换到新索引…")
                self.holder.replace(index.open(self.settings.index_dir, self.settings))
        except UserError as exc:
            _discard(stored)
            return f"上传失败，原索引照常使用：{change_error_message(exc, stored)}", False
        except Exception as exc:  # noqa: BLE001 - one Chinese line in the page, details on stderr
            import traceback

            traceback.print_exc()
            _discard(stored)
            return f"上传失败，原索引照常使用：处理文件时出错（{type(exc).__name__}）。", False
        finally:
            _forget_gradio_copies(files)
        names_added = "、".join(p.name for p in stored)
        message = (
            f"已添加 {len(stored)} 个文件（{names_added}）：{len(change.added)} 篇文档、"
            f"新嵌入 {change.stats.embedded} 个段落，现在即可检索。"
        )
        return message, True

    def delete_document(
        self, doc_id: str | None, progress: Callable[[float, str], Any] | None = None
    ) -> tuple[str, bool]:
        """Remove a document from the index (and its uploaded file, when it was an upload and
        nothing else of it stays), then serve the new index. (message, whether it changed)."""
        import index
        from index.sources import recorded_sources
        from ui.uploads import change_error_message, is_upload

        if not doc_id:
            return "请先在“阅读文档”中选择要删除的文档。", False
        try:
            with self.holder.changing:
                if progress is not None:
                    progress(0.05, f"正在删除 {doc_id}…")
                record = recorded_sources(Path(self.settings.index_dir)).file_of(doc_id)
                change = index.remove(self.settings, [doc_id], progress=True)
                self.holder.replace(index.open(self.settings.index_dir, self.settings))
        except UserError as exc:
            return f"删除失败，原索引照常使用：{change_error_message(exc)}", False
        except Exception as exc:  # noqa: BLE001 - one Chinese line in the page, details on stderr
            import traceback

            traceback.print_exc()
            return f"删除失败，原索引照常使用：出错（{type(exc).__name__}）。", False
        upload_dir = Path(self.settings.upload_dir)
        file_gone = ""
        if record and record.path in change.inputs_dropped and is_upload(record.path, upload_dir):
            Path(record.path).unlink(missing_ok=True)
            file_gone = "，上传的文件也已删除"
        return f"已从索引中删除 {doc_id}{file_gone}。", True


def _discard(paths: Iterable[Path]) -> None:
    for p in paths:
        p.unlink(missing_ok=True)


def _forget_gradio_copies(files: Iterable[str]) -> None:
    """Delete gradio's temporary copies of uploads (inside its upload folder only), so that an
    uploaded document is kept in settings.upload_dir and nowhere else."""
    try:
        from gradio.utils import get_upload_folder
    except ImportError:
        return
    folder = Path(get_upload_folder()).resolve()
    for f in files:
        path = Path(f).resolve()
        if folder in path.parents and path.is_file():
            path.unlink(missing_ok=True)


def build(
    settings: Settings, holder: SharedIndex, page: Sequence[Any], refresh: Callable[[], PageLists]
) -> "DocumentsTab":
    """The tab's components and events (inside a gr.Tab). `page`: the status line and the
    place and document filters, which a change refreshes with this tab's lists from
    `refresh()`. Returns the table and picker (for the shell's start-up), the reader and
    the handlers (for the citation opener)."""
    import gradio as gr

    handlers = DocumentHandlers(settings, holder)
    with gr.Accordion("添加文件", open=True, elem_id="pq-ingest"):
        gr.Markdown(upload_explanation())
        with gr.Row():
            upload_files = gr.File(
                label="选择文件",
                file_count="multiple",
                file_types=sorted(SUFFIX_FORMATS),
                type="filepath",
                elem_id="pq-doc-upload",
                scale=4,
            )
            upload_btn = gr.Button("添加到索引", variant="primary", elem_id="pq-doc-add", scale=1)
    ingest_message = gr.HTML("", elem_id="pq-ingest-message")
    docs_table = gr.Dataframe(
        headers=DOCUMENT_HEADERS,
        interactive=False,
        wrap=True,
        label="文档（点击一行打开）",
        elem_id="pq-docs-table",
        column_widths=["14%", "8%", "28%", "12%", "11%", "7%", "8%", "5%", "7%"],
        max_height=800,
    )
    with gr.Row(equal_height=True):
        doc_choice = gr.Dropdown(
            [],
            label="阅读文档",
            allow_custom_value=True,
            elem_id="pq-doc-choice",
            scale=5,
        )
        delete_btn = gr.Button("从索引中删除", variant="stop", elem_id="pq-doc-delete", scale=1)
    with gr.Row(visible=False, elem_id="pq-delete-confirm") as confirm_row:
        confirm_text = gr.HTML("")
        confirm_btn = gr.Button(
            "确认删除", variant="stop", elem_id="pq-doc-delete-confirm", scale=0
        )
        cancel_btn = gr.Button("取消", elem_id="pq-doc-delete-cancel", scale=0)
    doc_view = gr.HTML(
        info_html(PICK_A_DOCUMENT),
        elem_id="pq-doc-view",
    )

    cited = gr.State(None)  # lines a citation asked to see: (doc_id, first, last)

    def select_document(evt: gr.SelectData):
        row = evt.row_value or []
        return (row[0] if row else None), None

    docs_table.select(select_document, None, [doc_choice, cited], api_visibility="private")
    doc_choice.change(
        handlers.open_document, [doc_choice, cited], doc_view, api_name="document"
    ).then(None, doc_choice, None, js=SCROLL_TO_DOCUMENT_JS)

    # -- adding and deleting documents: one change at a time; visitors keep the old index
    # until the new one is open

    ingest_outputs = [ingest_message, *page, docs_table, doc_choice]

    def after_change(message: str, changed: bool, clear_choice: bool = False) -> tuple:
        """The page after an upload or deletion: on success everything that lists documents
        is refreshed from the new index; on failure only the message changes."""
        if not changed:
            return (error_html(message), *(gr.update() for _ in ingest_outputs[1:]))
        status_html, districts, choices, rows, _ = refresh()
        chosen = {"value": None} if clear_choice else {}
        return (
            info_html(message),
            status_html,
            gr.update(choices=districts),
            gr.update(choices=choices),
            rows,
            gr.update(choices=choices, **chosen),
        )

    def add_documents(files, progress=gr.Progress(track_tqdm=True)):  # noqa: B008
        message, changed = handlers.upload_documents(
            files, progress=lambda f, label: progress(f, desc=label)
        )
        # gradio's copies are deleted either way (ui.uploads keeps the only copy)
        return (*after_change(message, changed), None)

    # a message about the previous upload goes when new files are chosen
    upload_files.upload(lambda: "", None, ingest_message, api_visibility="private")
    ingest = {"concurrency_id": "ingest", "concurrency_limit": 1}
    upload_btn.click(
        add_documents,
        upload_files,
        [*ingest_outputs, upload_files],
        api_name="add_documents",
        show_progress_on=[ingest_message],
        **ingest,
    )

    def ask_to_delete(doc_id):
        if not doc_id:
            return (
                gr.update(visible=False),
                "",
                error_html("请先在“阅读文档”中选择要删除的文档。"),
            )
        question = (
            f"确定从索引中删除 {doc_id}？上传的文件会一并删除；内置或本地文件只从索引中移除。"
        )
        return gr.update(visible=True), info_html(question), ""

    delete_btn.click(
        ask_to_delete,
        doc_choice,
        [confirm_row, confirm_text, ingest_message],
        api_visibility="private",
    )
    cancel_btn.click(
        lambda: (gr.update(visible=False), ""),
        None,
        [confirm_row, ingest_message],
        api_visibility="private",
    )

    def delete_document(doc_id, progress=gr.Progress(track_tqdm=True)):  # noqa: B008
        message, changed = handlers.delete_document(
            doc_id, progress=lambda f, label: progress(f, desc=label)
        )
        return (*after_change(message, changed, clear_choice=True), gr.update(visible=False))

    confirm_btn.click(
        delete_document,
        doc_choice,
        [*ingest_outputs, confirm_row],
        api_name="delete_document",
        show_progress_on=[ingest_message],
        **ingest,
    )
    return DocumentsTab(docs_table, doc_choice, doc_view, cited, handlers)


@dataclass(frozen=True)
class DocumentsTab:
    """What the shell and the citation opener use of the tab."""

    table: Any
    choice: Any
    view: Any
    cited: Any
    handlers: DocumentHandlers


# a citation card's "在文档中查看" link (ui.common.open_in_document_html) asks the hidden
# opener below to open its document; one listener on the page serves every card, wherever
# the 问答 tab puts them
CITATION_LINKS_JS = """
() => {
  document.addEventListener("click", (event) => {
    const link = event.target.closest ? event.target.closest("a.pq-open-doc") : null;
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    window.pqOpenRequest = `${link.dataset.doc}|${link.dataset.lines}`;
    document.getElementById("pq-open-doc").click();
  }, true);
}
"""
READ_OPEN_REQUEST_JS = "(request) => window.pqOpenRequest || request"
# once the document is on the page (the tab may be mounting): the cited lines, else its title,
# scrolled into view; gives up after a few seconds
SCROLL_TO_DOCUMENT_JS = """
(docId) => {
  if (!docId) return;
  const started = Date.now();
  const attempt = () => {
    const doc = Array.from(document.querySelectorAll("#pq-doc-view .pq-doc"))
      .find((el) => el.dataset.doc === docId);
    if (doc) {
      const cited = doc.querySelector("#pq-cited");
      (cited || doc.querySelector(".pq-doc-title")).scrollIntoView(
        { block: cited ? "center" : "start" });
    } else if (Date.now() - started < 5000) {
      setTimeout(attempt, 100);
    }
  };
  setTimeout(attempt, 50);
}
"""


def build_citation_opener(demo: Any, tabs: Any, tab_id: str, tab: DocumentsTab) -> None:
    """The hidden button a citation's link clicks (outside the tabs, so that it is on the
    page whichever tab shows): it selects the 文档 tab (`tab_id` in `tabs`), opens the cited
    document with its lines marked and scrolls to them."""
    import gradio as gr

    request = gr.Textbox(visible=False)
    opener = gr.Button("在文档中查看", visible="hidden", elem_id="pq-open-doc")

    def open_citation(text):
        doc_id, cited, page = tab.handlers.open_citation(text)
        return gr.Tabs(selected=tab_id), doc_id, cited, page

    opener.click(
        open_citation,
        request,
        [tabs, tab.choice, tab.cited, tab.view],
        js=READ_OPEN_REQUEST_JS,
        api_visibility="private",
    ).then(None, tab.choice, None, js=SCROLL_TO_DOCUMENT_JS)
    demo.load(None, None, None, js=CITATION_LINKS_JS)
