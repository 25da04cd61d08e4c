"""The 哪些地区提到 tab: every place of the index at a level, those that mention a topic first,
with the number of passages that mention it, an evidence snippet and a chart; a row opens that place's evidence in full.
Two or more topics also show the places × topics grid (ui.indicators.build_grid_section).

The HTML and row helpers are pure; `DistrictHandlers` holds the callbacks and `build` lays out
the tab inside the shell's Blocks.
"""

import html
from collections.abc import Iterable
from typing import Any

from corpus.errors import UserError
from corpus.model import Chunk
from qa.text import MAX_QUESTION_CHARS
from qa.types import DistrictReport, DistrictResult
from ui.common import (
    INDEX_WORK,
    SharedIndex,
    also_in_html,
    error_html,
    frame,
    highlight,
    in_given_order,
    info_html,
    section_path,
    snippet,
    span_text,
)
from ui.messages import user_message

EXAMPLE_TOPICS = ("氢能", "科普基地", "人工智能", "人才引进", "知识产权")
# the place finder's levels: (label, value); "auto" = what the question asks, else the level
# most documents are issued at
LEVEL_CHOICES = [("自动", "auto"), ("省", "province"), ("市", "city"), ("区县", "county")]

DISTRICT_HEADERS = ["地区", "是否提到", "提到处数", "证据摘要"]
MENTIONS_LEGEND = (
    "“提到 N 处”：该地区的文件中有 N 个段落写到这个主题（含同义词；没有字面提及时，"
    "按语义足够接近的段落计）。先列提到的地区，再列其余地区。"
)
# the exported columns: one row per place, its best evidence and where it stands
CSV_COLUMNS = [
    "place",
    "topic",
    "mentioned",
    "mentions",
    "score",
    "quote",
    "title",
    "section",
    "source",
    "lines",
]


def mentions_text(result: DistrictResult) -> str:
    return f"提到 {result.mentions} 处" if result.mentioned else "—"


def district_rows(report: DistrictReport) -> list[list[Any]]:
    """One table row per place in the report, mentioned or not, in the order every edge
    shows (DistrictReport.ranked): the mentions counted, not a raw score."""
    rows = []
    yes, no = report.marks  # 提到, or 设定 for a target asked
    for r in report.ranked():
        evidence = snippet(r.evidence[0].quote) if r.evidence else ""
        rows.append(
            [r.district, f"✔ {yes}" if r.mentioned else f"✘ {no}", mentions_text(r), evidence]
        )
    return rows


def district_chart_rows(report: DistrictReport) -> list[dict[str, Any]]:
    return [
        {
            "地区": r.district,
            "提到处数": r.mentions if r.mentioned else 0,
            "是否提到": "提到" if r.mentioned else "未提到",
        }
        for r in report.ranked()
    ]


def district_export_rows(report: DistrictReport) -> list[dict[str, Any]]:
    """One row per place (in the table's order) with its best evidence sentence, the
    document's title and section, and the source file and lines it stands on."""
    rows = []
    for r in report.ranked():
        e = r.evidence[0] if r.evidence else None
        lines = ""
        if e is not None:
            same = e.line_start == e.line_end
            lines = str(e.line_start) if same else f"{e.line_start}-{e.line_end}"
        rows.append(
            {
                "place": r.district,
                "topic": report.topic,
                "mentioned": "是" if r.mentioned else "否",
                "mentions": r.mentions if r.mentioned else 0,
                "score": round(float(r.score), 3),
                "quote": e.quote if e else "",
                "title": e.title if e else "",
                "section": " > ".join(e.section) if e else "",
                "source": e.source if e else "",
                "lines": lines,
            }
        )
    return rows


def district_csv(report: DistrictReport) -> str:
    """The table as CSV text (qa.export.to_csv)."""
    from qa.export import to_csv

    return to_csv(district_export_rows(report), CSV_COLUMNS)


def export_districts(report: dict[str, Any] | None) -> str:
    """The report's table written to a new temporary CSV file named by its topic (with a
    BOM, so that Excel reads it as UTF-8); UserError when nothing was found yet."""
    import re
    import tempfile
    from pathlib import Path

    if not report:
        raise UserError("export_nothing_districts")
    parsed = DistrictReport.from_dict(report)
    name = re.sub(r'[\\/:*?"<>|\s]+', "_", parsed.topic)[:40] or "主题"
    path = Path(tempfile.mkdtemp(prefix="planqa-export-")) / f"哪些地区提到-{name}.csv"
    path.write_text("\ufeff" + district_csv(parsed), encoding="utf-8")
    return str(path)


def district_summary_html(report: DistrictReport) -> str:
    mentioned = report.mentioned
    total = len(report.districts)
    terms = "、".join(report.terms) if report.terms else report.topic
    did = report.verb[0]  # 提到“X”, or 设定了“X”目标 for a target asked
    if mentioned:
        lead = f"{len(mentioned)}/{total} 个{report.level_name}{did}：{'、'.join(mentioned)}。"
    else:
        lead = f"{total} 个{report.level_name}都没有{did.replace('了', '', 1)}。"
    return (
        f'<div class="pq-message pq-info">{html.escape(lead)}'
        f"<br>匹配的词：{html.escape(terms)}。点击表格中的一行查看该{report.level_name}的全部证据。"
        "</div>"
    )


def district_evidence_html(
    report: DistrictReport, district: str, chunks_by_id: dict[str, Chunk] | None = None
) -> str:
    """Every evidence passage of one district, in full: the whole chunk the quote stands
    in, the quote marked and the topic's terms highlighted."""
    result = next((r for r in report.districts if r.district == district), None)
    if result is None:
        return error_html(f"报告中没有“{district}”。")
    status = "提到" if result.mentioned else "未提到"
    head = (
        f'<div class="pq-evidence-head"><span class="pq-district">{html.escape(district)}</span>'
        f"{status}“{html.escape(report.topic)}”"
        + (f" · {mentions_text(result)}" if result.mentioned else "")
        + "</div>"
    )
    if not result.evidence:
        return head + info_html("该区县的文件中没有相关段落。")
    parts = [head]
    if not result.mentioned:
        parts.append(info_html("未找到明确提及；下面是语义上最接近的段落。"))
    for n, e in enumerate(result.evidence, 1):
        chunk = (chunks_by_id or {}).get(e.chunk_id)
        body = _passage_with_quote(chunk.text if chunk else e.quote, e.quote, report.terms)
        section = section_path(e.section)
        parts.append(
            f'<div class="pq-card" data-district="{html.escape(district, quote=True)}">'
            f'<div class="pq-card-head"><span class="pq-n">[{n}]</span>'
            f'<span class="pq-title">《{html.escape(e.title)}》</span></div>'
            + (f'<div class="pq-section">{html.escape(section)}</div>' if section else "")
            + f'<div class="pq-passage">{body}</div>'
            f'<div class="pq-source">'
            f"{html.escape(span_text(e.source, e.line_start, e.line_end, e.page_start, e.page_end))}"
            f" · 相似度 {e.score:.3f}</div>{also_in_html(e.also_in)}</div>"
        )
    return "".join(parts)


def _passage_with_quote(passage: str, quote: str, terms: Iterable[str]) -> str:
    """The passage with the quoted sentence underlined and the terms highlighted."""
    terms = list(terms)
    at = passage.find(quote) if quote else -1
    if at == -1:
        return highlight(passage, terms)
    before, after = passage[:at], passage[at + len(quote) :]
    return (
        highlight(before, terms)
        + f'<span class="pq-quoted">{highlight(quote, terms)}</span>'
        + highlight(after, terms)
    )


class DistrictHandlers:
    """The tab's callbacks over one SharedIndex (gradio calls them; tests may too)."""

    def __init__(self, holder: SharedIndex) -> None:
        self.holder = holder

    def find_districts(
        self, topic: str | None, level: str | None = "auto"
    ) -> tuple[list[list[Any]], Any, dict[str, Any] | None, str]:
        """(table rows, chart data, report for the detail view, summary or error)."""
        import qa

        try:
            chosen = None if level in (None, "", "auto") else level
            report = qa.districts(topic or "", self.holder.get(), level=chosen)
        except UserError as exc:
            return [], frame([]), None, error_html(user_message(exc))
        return (
            district_rows(report),
            frame(district_chart_rows(report)),
            report.to_dict(),
            district_summary_html(report),
        )

    def district_detail(self, report: dict[str, Any] | None, district: str | None) -> str:
        if not report:
            return info_html("先输入主题并点击“查找”。")
        if not district:
            return info_html("点击表格中的一行查看该区县的全部证据。")
        try:
            chunks = self.holder.chunks_by_id()
        except UserError as exc:
            return error_html(f"索引无法打开：{exc}")
        return district_evidence_html(DistrictReport.from_dict(report), district, chunks)


def build(holder: SharedIndex) -> None:
    """The tab's components and events (inside a gr.Tab)."""
    import gradio as gr

    from ui import indicators

    handlers = DistrictHandlers(holder)
    with gr.Row():
        topic = gr.Textbox(
            show_label=False,
            # no max_length: the browser would cut a long paste silently; check_question
            # says how long it is and what the limit is
            placeholder=(
                "输入主题或问题，例如：氢能 / 哪些区的规划提到了科普基地？"
                f"（不超过 {MAX_QUESTION_CHARS} 字）"
            ),
            scale=5,
            elem_id="pq-topic",
        )
        level = gr.Dropdown(
            choices=LEVEL_CHOICES,
            value="auto",
            label="层级",
            scale=1,
            min_width=90,
            elem_id="pq-level",
        )
        topic_btn = gr.Button("查找", variant="primary", scale=1, elem_id="pq-find")
    topic_examples = gr.Dataset(
        components=["textbox"],
        samples=[[t] for t in EXAMPLE_TOPICS],
        label="示例主题",
    )
    district_message = gr.HTML("", elem_id="pq-district-message")
    gr.HTML(
        f'<div class="pq-legend">{html.escape(MENTIONS_LEGEND)}</div>', elem_id="pq-district-legend"
    )
    with gr.Row():
        with gr.Column(scale=3):
            district_table = gr.Dataframe(
                headers=DISTRICT_HEADERS,
                datatype=["str", "str", "str", "str"],
                interactive=False,
                wrap=True,
                label="各地区（全部列出，含未提到的）",
                elem_id="pq-district-table",
                # the short columns keep their words on one line on a phone; the evidence
                # column takes the rest (and the table scrolls sideways when it must)
                column_widths=["96px", "92px", "96px", "360px"],
            )
            with gr.Row():
                csv_btn = gr.Button("导出 CSV", elem_id="pq-district-csv", scale=0, size="sm")
            district_file = gr.File(
                label="导出文件", interactive=False, visible=False, elem_id="pq-district-file"
            )
        with gr.Column(scale=2, min_width=260):
            district_chart = gr.BarPlot(
                x="地区",
                y="提到处数",
                color="是否提到",
                color_map={"提到": "#c0392b", "未提到": "#bdc3c7"},
                title="各地区提到该主题的段落数",
                height=260,
                elem_id="pq-district-chart",
            )
    report_state = gr.State(None)
    district_detail = gr.HTML(
        info_html("点击表格中的一行查看该区县的全部证据。"),
        elem_id="pq-district-detail",
    )
    selected_district = gr.Textbox(visible=False)
    # several topics (氢能、人工智能、科普): the places × topics grid
    indicators.build_grid_section(holder, topic, level, [topic_btn.click, topic.submit], INDEX_WORK)

    def find_districts(topic_text, level_value="auto"):
        rows, chart, report, message = handlers.find_districts(topic_text, level_value)
        return rows, in_given_order(chart, "地区"), report, message

    find_outputs = [district_table, district_chart, report_state, district_message]
    finder_inputs = [topic, level]
    topic_btn.click(
        find_districts, finder_inputs, find_outputs, api_name="districts", **INDEX_WORK
    ).then(
        lambda: (None, info_html("点击表格中的一行查看该区县的全部证据。")),
        None,
        [selected_district, district_detail],
        api_visibility="private",
    )
    topic.submit(
        find_districts, finder_inputs, find_outputs, api_visibility="private", **INDEX_WORK
    )
    topic_examples.click(lambda s: s[0], topic_examples, topic, api_visibility="private").then(
        find_districts, finder_inputs, find_outputs, api_visibility="private", **INDEX_WORK
    )

    def select_district(report, evt: gr.SelectData):
        row = evt.row_value or []
        district = row[0] if row else None
        return district, handlers.district_detail(report, district)

    def export_csv(report):
        try:
            return gr.update(value=export_districts(report), visible=True)
        except UserError as exc:
            raise gr.Error(user_message(exc)) from exc

    csv_btn.click(export_csv, report_state, district_file, api_visibility="private")

    district_table.select(
        select_district,
        report_state,
        [selected_district, district_detail],
        api_visibility="private",
    )
