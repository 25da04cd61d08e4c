"""The page around the tabs: the Blocks with its title and status line, the tabs assembled
from their modules (ui.ask, ui.districts, ui.indicators, ui.documents, ui.evaluation), the
start-up that opens the index, and launching and serving with the CSS, theme and language
(ui.locale: Gradio's own strings in Chinese, <html lang="zh-CN">).

The index is opened (or built, with a progress bar in the page) once per process and shared
by every request; the queue caps how many requests run at once. Nothing outside the app's
own data is served: `allowed_paths` is empty, there is no file browser, gold-set uploads are
read as UTF-8 text and parsed as JSON lines, document uploads (文档 tab) are checked by
content and stored only in settings.upload_dir (ui/uploads.py). gradio is imported only
inside `build_app`/`launch`.
"""

import html
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corpus.errors import FileNotice, UserError
from corpus.settings import Settings
from ui import ask, districts, documents, evaluation, indicators
from ui.common import (
    CONCURRENCY_LIMIT,
    INDEX_WORK,
    SharedIndex,
    error_html,
    info_html,
    shared_index,
)
from ui.locale import gradio_i18n, relabel_script

APP_TITLE = "planqa · 规划文件问答"
DOCS_TAB = "docs"  # the 文档 tab's id: a citation's link selects it
QUEUE_MAX_SIZE = 64  # waiting requests beyond this are refused with "queue full"
UPLOAD_MAX_AGE_S = 24 * 3600  # uploads older than this are removed when the UI starts


def remove_stale_uploads(folder: Path | None = None, max_age: float = UPLOAD_MAX_AGE_S) -> int:
    """Remove uploads older than max_age from gradio's upload folder (GRADIO_TEMP_DIR, else
    the system temp folder's gradio/): what earlier runs left behind. Returns how many."""
    import shutil
    import time

    if folder is None:
        from gradio.utils import get_upload_folder

        folder = Path(get_upload_folder())
    if not folder.is_dir():
        return 0
    now = time.time()
    removed = 0
    for entry in folder.iterdir():
        try:
            if now - entry.lstat().st_mtime < max_age:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            removed += 1
        except OSError:
            continue
    return removed


def index_status_html(idx: Any) -> str:
    manifest = getattr(idx, "manifest", {}) or {}
    embedder = (manifest.get("embedder") or {}).get("spec") or "?"
    built = local_date_time(manifest.get("built_at", ""))
    districts = idx.districts()
    # a source file (a gazette issue) can hold several documents: both are counted
    files = len({d.source for d in idx.documents})
    text = (
        f"索引就绪：{files} 个文件、{len(idx.documents)} 篇文档 · {len(districts)} 个地区"
        f"（{'、'.join(districts)}） · {len(idx.chunks)} 个段落 · 嵌入模型 {embedder}"
        + (f" · 建于 {built}" if built else "")
    )
    return f'<div class="pq-status">{html.escape(text)}</div>'


def local_date_time(iso: str) -> str:
    """An ISO time stamp as a Chinese date and time in the server's time zone
    (2026年11月30日 18:40); the text as it is when it is no time stamp."""
    from datetime import datetime

    try:
        when = datetime.fromisoformat(iso).astimezone()
    except (TypeError, ValueError):
        return iso
    return f"{when.year}年{when.month}月{when.day}日 {when:%H:%M}"


STALE_STATES = {"changed": "已修改", "missing": "已删除", "new": "新文件"}


def stale_notice_html(idx: Any) -> str:
    """A warning under the status line when indexed files changed on disk since the build,
    naming the command that refreshes the index; "" when none did."""
    from index.sources import index_stale_files

    stale = index_stale_files(idx)
    if not stale:
        return ""
    listed = "、".join(f"{Path(s.path).name}（{STALE_STATES[s.state]}）" for s in stale[:8])
    more = " 等" if len(stale) > 8 else ""
    return error_html(
        f"索引建立后，有 {len(stale)} 个文件在磁盘上有变化：{listed}{more}。"
        "检索和问答仍按旧内容进行；运行 planqa build 重新读取（已删除的文件用 planqa remove 移除）。"
    )


def file_notices_html(notices: Sequence[FileNotice]) -> str:
    """What reading said about files while the index was built (a file skipped, and why), in
    Chinese from the message catalogue; "" when it said nothing."""
    if not notices:
        return ""
    listed = "；".join(n.message("zh") for n in notices[:8])
    more = f"；另有 {len(notices) - 8} 个文件" if len(notices) > 8 else ""
    return error_html(f"建立索引时：{listed}{more}。")


def startup(holder: SharedIndex) -> documents.PageLists:
    """Status line, filter choices, document table: opens or builds the index. An index
    that cannot be opened (damaged, another embedder's) is said in the status line."""
    try:
        idx = holder.get()
    except UserError as exc:
        return error_html(f"索引无法打开：{exc}"), [], [], [], []
    from qa.crosslingual import warm_up_in_background

    warm_up_in_background()  # the dictionary for English questions, off the first answer
    choices = documents.document_choices(idx.documents)
    rows = documents.document_rows(idx.documents, holder.chunk_counts())
    status = index_status_html(idx) + stale_notice_html(idx) + file_notices_html(holder.notices)
    return status, idx.districts(), choices, rows, choices


# ----------------------------------------------------------------------------- the page

CSS = """
.pq-status { font-size: 0.9em; color: var(--body-text-color-subdued); }
.pq-ind-conflict { color: #c0392b; margin-top: 0.4em; }
.pq-ind-note, .pq-ind-also { color: var(--body-text-color-subdued); font-size: 0.9em; }
.pq-ind-quote { margin: 0.4em 0; }
.pq-message { padding: 0.6em 0.9em; border-radius: 6px; margin: 0.4em 0; line-height: 1.6; }
.pq-info { background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); }
.pq-error { background: #fdecea; color: #8a1c12; border: 1px solid #f5b7b1; }
.pq-cards-title { font-weight: 600; margin: 0.3em 0 0.5em; }
.pq-card { border: 1px solid var(--border-color-primary); border-left: 4px solid #c0392b;
  border-radius: 6px; padding: 0.6em 0.9em; margin-bottom: 0.7em;
  background: var(--block-background-fill); }
.pq-card-head { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: baseline; }
.pq-n { font-weight: 700; color: #c0392b; }
.pq-district { background: #c0392b; color: #fff; border-radius: 4px; padding: 0 0.45em;
  font-size: 0.9em; margin-right: 0.4em; }
.pq-title { font-weight: 600; }
.pq-section { color: var(--body-text-color-subdued); font-size: 0.9em; margin-top: 0.2em; }
.pq-quote { margin: 0.5em 0; padding: 0.2em 0 0.2em 0.8em;
  border-left: 3px solid var(--border-color-primary); line-height: 1.7; }
.pq-passage { margin: 0.5em 0; line-height: 1.8; white-space: pre-wrap; }
.pq-quoted { text-decoration: underline; text-decoration-color: #c0392b;
  text-underline-offset: 3px; }
.pq-source, .pq-also { color: var(--body-text-color-subdued); font-size: 0.85em; }
.pq-evidence-head { font-size: 1.05em; margin: 0.4em 0 0.7em; }
mark { background: #ffe58f; color: #1f2328; padding: 0 1px; border-radius: 2px; }
.pq-doc-meta { color: var(--body-text-color-subdued); margin-bottom: 0.8em; }
.pq-doc-section { margin: 1.1em 0 0.4em; padding-bottom: 0.2em;
  border-bottom: 1px solid var(--border-color-primary); }
.pq-chunk { margin: 0.5em 0 0.9em; }
.pq-chunk-text { white-space: pre-wrap; line-height: 1.8; }
.pq-table { border-collapse: collapse; font-size: 0.9em; white-space: normal; }
.pq-table td, .pq-table th { border: 1px solid var(--border-color-primary); padding: 0.2em 0.5em; }
.pq-table caption { text-align: left; font-weight: 600; padding: 0.2em 0; }
.pq-table-note { font-size: 0.9em; color: var(--body-text-color-subdued); }
#pq-citations { min-height: 2em; }
.pq-hits { margin-top: 0.6em; }
.pq-hits summary { cursor: pointer; color: var(--body-text-color-subdued); }
.pq-hit-list { list-style: none; padding-left: 0; }
.pq-hit { padding: 0.4em 0; border-bottom: 1px dashed var(--border-color-primary); }
.pq-hit-text { line-height: 1.7; }
/* 评测 tab: tables scroll sideways rather than cut a column; level-labelled bar chart */
.pq-table-scroll { overflow-x: auto; max-width: 100%; -webkit-overflow-scrolling: touch; }
.pq-metrics-table, .pq-failed-table { width: 100%; }
.pq-metrics-table th, .pq-failed-table th { border: 1px solid var(--border-color-primary);
  padding: 0.3em 0.5em; background: var(--background-fill-secondary); text-align: left;
  white-space: nowrap; }
.pq-metrics-table td, .pq-failed-table td { vertical-align: top; }
.pq-metric-name { min-width: 9em; }
.pq-metrics-table td:nth-child(n+2) { white-space: nowrap; }
.pq-metrics-table tr > :first-child { position: sticky; left: 0; z-index: 1;
  background: var(--block-background-fill); }
.pq-metric-key { color: var(--body-text-color-subdued); font-size: 0.8em; }
.pq-metric-help { color: var(--body-text-color-subdued); font-size: 0.85em; }
.pq-met { color: #1e7b34; white-space: nowrap; }
.pq-unmet { color: #c0392b; white-space: nowrap; }
.pq-na { color: var(--body-text-color-subdued); white-space: nowrap; }
.pq-failed-table td { min-width: 3em; }
.pq-failed-table td:nth-child(n+3) { min-width: 10em; }
#pq-eval-message { min-height: 3em; }
.pq-chart { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
  gap: 0.8em 1.5em; }
.pq-chart-title { font-weight: 600; margin-bottom: 0.3em; }
.pq-bar-row { display: grid; grid-template-columns: 8.5em 1fr 3em; align-items: center;
  gap: 0.4em; font-size: 0.9em; margin: 0.15em 0; }
.pq-bar-track { background: var(--background-fill-secondary); height: 0.9em; border-radius: 3px; }
.pq-bar { display: block; height: 100%; border-radius: 3px; background: #95a5a6; }
.pq-bar[data-system="planqa"] { background: #c0392b; }
.pq-bar-value { text-align: right; font-variant-numeric: tabular-nums; }
/* 问答 (ui/ask.py): every answer's sources, [n] links, the question counter */
.pq-answer-sources { margin-bottom: 1em; padding-bottom: 0.4em;
  border-bottom: 1px solid var(--border-color-primary); }
.pq-answer-question { font-weight: 600; margin: 0.3em 0; color: var(--body-text-color-subdued); }
a.pq-ref { color: #c0392b; text-decoration: none; font-weight: 600; }
a.pq-ref:hover { text-decoration: underline; }
.pq-card { scroll-margin: 5em; transition: box-shadow 0.3s; }
.pq-card.pq-target { box-shadow: 0 0 0 3px #f5b041; }
.pq-count { color: var(--body-text-color-subdued); font-size: 0.9em; }
.pq-count-over, .pq-over { color: #c0392b; font-weight: 600; font-size: 0.9em; }
/* 文档 tab: the reader's outline and cited lines, the citation's link, the table on a phone */
.pq-outline { margin: 0.6em 0 1em; padding: 0.4em 0.9em; border-radius: 6px;
  border: 1px solid var(--border-color-primary); background: var(--background-fill-secondary); }
.pq-outline summary { cursor: pointer; font-weight: 600; }
.pq-outline ul { margin: 0.1em 0; padding-left: 1.1em; list-style: none; }
.pq-outline li { margin: 0.15em 0; line-height: 1.5; }
.pq-outline ul ul { font-size: inherit; }
.pq-outline a { text-decoration: none; }
/* gradio's container hides overflow, which makes it the scroll box a sticky element sticks
   in; clip cuts the same overflow without that, so the outline stays beside the text */
.gradio-container:has(.pq-has-outline) { overflow: clip; }
@media (max-width: 999px) {
  .pq-outline { max-height: 45vh; overflow-y: auto; }  /* the text follows within a screen */
}
@media (min-width: 1000px) {
  .pq-doc.pq-has-outline { display: grid; grid-template-columns: minmax(14em, 24%) 1fr;
    column-gap: 1.5em; }
  .pq-has-outline > * { grid-column: 1 / -1; }
  .pq-has-outline > .pq-outline { grid-column: 1; position: sticky; top: 0.5em;
    align-self: start; max-height: calc(100vh - 1em); overflow-y: auto; margin-top: 0; }
  .pq-has-outline > .pq-doc-text { grid-column: 2; }
}
.pq-doc-section, .pq-doc-title { scroll-margin-top: 0.5em; }
mark.pq-cited { background: #ffd666; outline: 2px solid #faad14; }
tr.pq-cited td { background: #ffd666; }
.pq-open-doc { display: inline-block; margin-top: 0.3em; font-size: 0.9em; }
/* gradio sizes the columns as shares of the table's width: on a phone the table keeps a
   desktop's width and scrolls sideways instead of breaking every cell into single characters */
@media (max-width: 640px) {
  #pq-docs-table { overflow-x: auto; }
  #pq-docs-table .table-container { min-width: 1000px; }
}
"""

# Gradio sets <html lang> to the language it picked from the browser ("en" for most); the
# page is Chinese whatever that is, so it says zh-CN (screen readers, fonts, hyphenation)
PAGE_JS = (
    """() => {
  const keepLang = () => {
    if (document.documentElement.lang !== "zh-CN") document.documentElement.lang = "zh-CN";
  };
  keepLang();
  new MutationObserver(keepLang).observe(document.documentElement, {
    attributes: true, attributeFilter: ["lang"],
  });
"""
    + relabel_script()
    + ask.PAGE_SCRIPT
    + "}"
)

THEME_FONTS = (
    "PingFang SC",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "system-ui",
    "sans-serif",
)


def build_app(settings: Settings, index: Any = None):
    """The Blocks app for `settings`. `index`: an opened Index to use instead of opening
    settings.index_dir on first use (tests)."""
    import gradio as gr

    holder = shared_index(settings, index)
    with gr.Blocks(
        title=APP_TITLE,
        analytics_enabled=False,
        delete_cache=(3600, UPLOAD_MAX_AGE_S),  # this run's uploads: hourly, after a day
    ) as demo:
        gr.Markdown(
            f"## {APP_TITLE}\n各地规划、政府工作报告、通知等政府文件：带出处的问答、各地区提及情况、原文阅读与评测。"
        )
        status = gr.HTML(info_html("正在打开索引…"), elem_id="pq-status")

        with gr.Tabs() as tabs:
            with gr.Tab("问答", id="ask"):
                district_filter, doc_filter = ask.build(settings, holder, demo)
            with gr.Tab("哪些地区提到", id="districts"):
                districts.build(holder)
            with gr.Tab("指标对比", id="indicators"):
                indicators.build_tab(holder, INDEX_WORK, settings.indicator_groups)
            with gr.Tab("文档", id=DOCS_TAB):
                docs_tab = documents.build(
                    settings,
                    holder,
                    [status, district_filter, doc_filter],
                    lambda: startup(holder),
                )
            with gr.Tab("评测", id="eval"):
                evaluation.build(settings, holder)
        documents.build_citation_opener(demo, tabs, DOCS_TAB, docs_tab)

        def on_load(progress=gr.Progress(track_tqdm=True)):  # noqa: B008 - gradio injects it
            progress(0, desc="正在打开索引（首次使用时会先建立索引）…")
            status_html, places, choices, rows, doc_choices = startup(holder)
            return (
                status_html,
                gr.update(choices=places),
                gr.update(choices=choices),
                rows,
                gr.update(choices=doc_choices),
            )

        demo.load(
            on_load,
            None,
            [status, district_filter, doc_filter, docs_tab.table, docs_tab.choice],
            api_name="startup",  # as the event was called before the tabs had modules
            api_visibility="private",
            show_progress_on=[status],  # one build progress bar, in the status line
        )
    return demo


def launch(demo, settings: Settings, *, prevent_thread_lock: bool = False, quiet: bool = False):
    """Queue and serve `demo` on settings.host:settings.port. Returns gradio's
    (app, local_url, share_url); with prevent_thread_lock the caller must demo.close()."""
    import gradio as gr

    from ui import uploads

    demo.queue(default_concurrency_limit=CONCURRENCY_LIMIT, max_size=QUEUE_MAX_SIZE)
    return demo.launch(
        server_name=settings.host,
        server_port=settings.port,
        share=False,
        allowed_paths=[],  # serve nothing from disk beyond gradio's own upload cache
        # an upload above the largest limit (a document's) is refused by gradio while it
        # arrives, before it is stored whole; each tab then judges what was stored by its
        # content and its own limit (a gold set: read_upload_text; a document: ui.uploads)
        max_file_size=max(evaluation.MAX_UPLOAD_BYTES, uploads.MAX_DOCUMENT_BYTES),
        ssr_mode=False,
        prevent_thread_lock=prevent_thread_lock,
        quiet=quiet,
        show_error=False,  # unexpected errors show a generic message, not internals
        footer_links=["api"],
        theme=gr.themes.Soft(primary_hue="red", neutral_hue="slate", font=list(THEME_FONTS)),
        css=CSS,
        js=PAGE_JS,
        i18n=gradio_i18n(),  # Gradio's own strings in Chinese, whatever the browser's language
    )


def serve(settings: Settings) -> int:
    """Build and serve the app until interrupted (`python app.py`, `planqa serve`)."""
    print(
        f"planqa: serving http://{settings.host}:{settings.port} "
        f"(index: {Path(settings.index_dir).expanduser().resolve()})",
        file=sys.stderr,
    )
    from index import store
    from qa.llm import install_log_redaction

    install_log_redaction(settings)
    store.clean_up_after_killed_builds(Path(settings.index_dir))
    remove_stale_uploads()
    demo = build_app(settings)
    try:
        launch(demo, settings)
    except OSError as exc:  # gradio: "Cannot find empty port in range: 7860-7860"
        raise UserError("serve_port_unavailable", host=settings.host, port=settings.port) from exc
    return 0
