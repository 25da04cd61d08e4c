"""The 指标对比 tab (places × indicators) and the topic grid of the 哪些地区提到 tab.

Pure functions turn a comparison or a grid into table rows, chart rows and HTML; `build_tab`
and `build_grid_section` create the components and wire them (called inside the shell's and
the 哪些地区提到 tab's layout, which only place them). Tests call the functions without a browser.
"""

import html
import tempfile
from pathlib import Path
from typing import Any

from corpus.errors import UserError
from ui.messages import user_message

INDICATOR_HEADERS = ["地区", "原文指标名", "基期", "目标", "单位", "出处", "不一致"]
GRID_FIRST_HEADER = "地区"
MAX_CHOICES = 400


def _esc(text: Any) -> str:
    return html.escape(str(text if text is not None else ""))


def _value(v: dict[str, Any] | None) -> str:
    if not v:
        return "—"
    return f"{v['display']}（{v['year']}）" if v.get("year") else v["display"]


def _lines(d: dict[str, Any]) -> str:
    return (
        str(d["line_start"])
        if d["line_start"] == d["line_end"]
        else f"{d['line_start']}-{d['line_end']}"
    )


def indicator_choices(comparison: dict[str, Any]) -> list[tuple[str, str]]:
    """(label shown, value) for the indicator picker: name, unit and how many places."""
    out = []
    for row in comparison["indicators"][:MAX_CHOICES]:
        unit = f"（{row['unit']}）" if row["unit"] else ""
        out.append((f"{row['indicator']}{unit} · {len(row['places'])}个地区", row["indicator"]))
    return out


def indicator_row(comparison: dict[str, Any], label: str | None) -> dict[str, Any] | None:
    return next((r for r in comparison["indicators"] if r["indicator"] == label), None)


def indicator_table_rows(row: dict[str, Any] | None) -> list[list[Any]]:
    if row is None:
        return []
    out = []
    for c in row["places"]:
        conflicts = "；".join(
            f"{x['name']} {x['year'] or ''} 为 {x['value']}（{x['source']}:{x['lines']}）"
            for x in c["conflicts"]
            if x["difference"] == "value"
        )
        out.append(
            [
                c["place"],
                c["name"],
                _value(c["baseline"]),
                _value(c["target"]),
                c["unit"],
                f"{c['source']}:{_lines(c)}",
                conflicts or "",
            ]
        )
    return out


def indicator_chart_rows(row: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Two bars per place (基期, 目标), in the table's order; values without a number skipped."""
    if row is None:
        return []
    out = []
    for c in row["places"]:
        for kind, v in (("基期", c["baseline"]), ("目标", c["target"])):
            if v and v.get("value") is not None:
                year = f" {v['year']}" if v.get("year") else ""
                out.append({"地区": f"{c['place']} {kind}{year}", "数值": v["value"], "类别": kind})
    return out


def indicator_summary_html(row: dict[str, Any] | None, notes: list[str] | None = None) -> str:
    if row is None:
        text = (
            "；".join(notes or [])
            or "没有找到指标：换一个名称试试（如 研发投入强度、科技型企业）。"
        )
        return f'<div class="pq-info">{_esc(text)}</div>'
    names = "".join(f"<li>{_esc(g['name'])}：{_esc(g['why'])}</li>" for g in row["grouped_because"])
    unit = f"（{_esc(row['unit'])}）" if row["unit"] else ""
    head = (
        f'<div class="pq-ind-head"><b>{_esc(row["indicator"])}</b>{unit} · '
        f"{len(row['places'])}个地区 · 点击表格中的一行查看原文</div>"
    )
    if names:
        head += f'<details class="pq-ind-why"><summary>为什么这些名称算同一指标</summary><ul>{names}</ul></details>'
    return head


def indicator_detail_html(
    row: dict[str, Any] | None, place: str | None, chunks: dict[str, Any] | None = None
) -> str:
    """The passage a cell comes from: its row or sentence marked, the place it stands, the
    copies that agree and the values that do not."""
    if row is None or not place:
        return '<div class="pq-info">点击表格中的一行查看该地区的原文。</div>'
    c = next((x for x in row["places"] if x["place"] == place), None)
    if c is None:
        return '<div class="pq-info">该地区没有这一指标。</div>'
    where = " › ".join(_esc(s) for s in c["section"])
    page = ""
    if c.get("page_start"):
        page = f" 第{c['page_start']}页"
    head = (
        f'<div class="pq-evidence-head pq-ind-detail-head"><b>{_esc(c["place"])}</b> · '
        f"《{_esc(c['title'])}》{(' › ' + where) if where else ''}</div>"
    )
    source = f'<div class="pq-source">{_esc(c["source"])}{page} 第{_esc(_lines(c))}行'
    source += (f" · {_esc(c['caption'])}" if c.get("caption") else "") + "</div>"
    quote = f'<blockquote class="pq-ind-quote"><span class="pq-quoted">{_esc(c["quote"])}</span></blockquote>'
    parts = [head, source, quote]
    for n in c["notes"]:
        parts.append(f'<div class="pq-ind-note">注：{_esc(n)}</div>')
    if c["also_in"]:
        spans = "；".join(f"{_esc(x['source'])}:{_esc(x['lines'])}" for x in c["also_in"])
        parts.append(f'<div class="pq-ind-also">其他一致的出处：{spans}</div>')
    for x in c["conflicts"]:
        if x["difference"] != "value":
            parts.append(
                f'<div class="pq-ind-wording">表述不同：{_esc(x["name"])} 记为 {_esc(x["value"])}'
                f"（此处为 {_esc(x['shown'])}；{_esc(x['source'])}:{_esc(x['lines'])}）</div>"
            )
            continue
        parts.append(
            f'<div class="pq-ind-conflict">⚠️ 不一致：{_esc(x["name"])} {_esc(x["year"] or "")} 为 '
            f"<b>{_esc(x['value'])}</b>（此处为 {_esc(x['shown'])}；{_esc(x['source'])}:{_esc(x['lines'])}）"
            f"<br>“{_esc(x['quote'])}”</div>"
        )
    return '<div class="pq-ind-detail">' + "".join(parts) + "</div>"


def export_file(rows: list[dict[str, Any]], fmt: str, stem: str) -> str:
    """The rows written to a new temporary file (.csv with a BOM for Excel, or .xlsx)."""
    from qa.export import to_csv, write_xlsx

    if not rows:
        raise UserError("export_nothing_indicator_or_topic")
    folder = Path(tempfile.mkdtemp(prefix="planqa-export-"))
    if fmt == "xlsx":
        return str(write_xlsx(folder / f"{stem}.xlsx", rows, sheet=stem))
    path = folder / f"{stem}.csv"
    path.write_text("\ufeff" + to_csv(rows), encoding="utf-8")
    return str(path)


def grid_headers(grid: dict[str, Any]) -> list[str]:
    return [GRID_FIRST_HEADER, *grid["topics"], "全部提到"]


def grid_rows(grid: dict[str, Any]) -> list[list[Any]]:
    out = []
    for p in grid["places"]:
        cells = []
        for t in p["topics"]:
            e = t["evidence"] or {}
            quote = e.get("quote", "")
            quote = quote if len(quote) <= 24 else quote[:23] + "…"
            mark = "✔ " if t["mentioned"] else "✘ "
            cells.append(mark + (quote if t["mentioned"] else ""))
        out.append([p["place"], *cells, "是" if p["mentions_all"] else "否"])
    return out


def grid_detail_html(grid: dict[str, Any] | None, place: str | None) -> str:
    if not grid or not place:
        return ""
    p = next((x for x in grid["places"] if x["place"] == place), None)
    if p is None:
        return ""
    parts = [f'<div class="pq-evidence-head"><b>{_esc(place)}</b></div>']
    for t in p["topics"]:
        e = t["evidence"]
        if e is None:
            parts.append(f"<div><b>{_esc(t['topic'])}</b>：未提到</div>")
            continue
        label = "提到" if t["mentioned"] else "未提到（最接近的句子）"
        parts.append(
            f'<div class="pq-grid-cell"><b>{_esc(t["topic"])}</b>：{label}<br>'
            f'<span class="pq-quoted">{_esc(e["quote"])}</span><br>'
            f'<span class="pq-source">《{_esc(e["title"])}》 {_esc(e["source"])}:{_esc(_lines(e))}</span></div>'
        )
    return '<div class="pq-grid-detail">' + "".join(parts) + "</div>"


# --- the handlers -----------------------------------------------------------------------


class IndicatorHandlers:
    """Callbacks over the app's SharedIndex (`holder.get()` opens it)."""

    def __init__(self, holder: Any, groups_file: Any = None) -> None:
        self.holder = holder
        self.groups_file = groups_file  # the settings' indicator_groups

    def comparison(self, search: str | None = None) -> dict[str, Any]:
        from qa.indicators import compare_indicators

        idx = self.holder.get()
        topic = (search or "").strip() or None
        return compare_indicators(idx, topic, groups_file=self.groups_file).to_dict()

    def search(
        self, search: str | None
    ) -> tuple[list[tuple[str, str]], str | None, dict[str, Any], str]:
        """(picker choices, the first choice, the comparison, message)."""
        try:
            comparison = self.comparison(search)
        except UserError as exc:
            return [], None, {}, f'<div class="pq-error">{_esc(exc)}</div>'
        choices = indicator_choices(comparison)
        first = choices[0][1] if choices else None
        row = indicator_row(comparison, first)
        return choices, first, comparison, indicator_summary_html(row, comparison.get("notes"))

    def show(self, comparison: dict[str, Any] | None, label: str | None):
        """(table rows, chart rows, summary html) for one indicator."""
        row = indicator_row(comparison or {"indicators": []}, label)
        return (
            indicator_table_rows(row),
            indicator_chart_rows(row),
            indicator_summary_html(row, (comparison or {}).get("notes")),
        )

    def export(self, comparison: dict[str, Any] | None, label: str | None, fmt: str) -> str:
        from qa.indicators import IndicatorComparison  # noqa: F401 - the rows' shape

        row = indicator_row(comparison or {"indicators": []}, label)
        if row is None:
            raise UserError("export_nothing_indicator")
        flat = []
        for c in row["places"]:
            flat.append(
                {
                    "indicator": row["indicator"],
                    "place": c["place"],
                    "name": c["name"],
                    "unit": c["unit"],
                    "baseline_year": (c["baseline"] or {}).get("year"),
                    "baseline": (c["baseline"] or {}).get("display"),
                    "target_year": (c["target"] or {}).get("year"),
                    "target": (c["target"] or {}).get("display"),
                    "attribute": c["attribute"] or "",
                    "source": c["source"],
                    "lines": _lines(c),
                    "quote": c["quote"],
                    "conflicts": "；".join(
                        f"{'' if x['difference'] == 'value' else '表述不同 '}{x['value']}"
                        f"（{x['source']}:{x['lines']}）"
                        for x in c["conflicts"]
                    ),
                }
            )
        return export_file(flat, fmt, "指标对比")

    def grid(self, topics: str | None, level: str | None = "auto") -> dict[str, Any] | None:
        """The grid for two or more topics; None for one (the district table shows it)."""
        from qa.grid import split_topics, topic_grid

        wanted = split_topics(topics or "")
        if len(wanted) < 2:
            return None
        chosen = None if level in (None, "", "auto") else level
        return topic_grid(wanted, self.holder.get(), level=chosen).to_dict()

    def export_grid(self, grid: dict[str, Any] | None, fmt: str) -> str:
        if not grid:
            raise UserError("export_nothing_grid")
        rows = []
        for p in grid["places"]:
            for t in p["topics"]:
                e = t["evidence"] or {}
                rows.append(
                    {
                        "place": p["place"],
                        "topic": t["topic"],
                        "mentioned": "是" if t["mentioned"] else "否",
                        "quote": e.get("quote", ""),
                        "title": e.get("title", ""),
                        "source": e.get("source", ""),
                        "lines": _lines(e) if e else "",
                    }
                )
        return export_file(rows, fmt, "主题网格")


# --- the components ---------------------------------------------------------------------


def build_tab(holder: Any, work: dict[str, Any], groups_file: Any = None) -> None:
    """The 指标对比 tab's components and events (inside a gr.Tab)."""
    import gradio as gr
    import pandas as pd

    h = IndicatorHandlers(holder, groups_file)
    with gr.Row():
        search = gr.Textbox(
            show_label=False,
            placeholder="搜索指标，例如：研发投入强度 / 科技型企业 / 技术合同（留空列出全部）",
            scale=4,
            elem_id="pq-ind-search",
        )
        search_btn = gr.Button("搜索", variant="primary", scale=1, elem_id="pq-ind-find")
    choice = gr.Dropdown(choices=[], label="指标", filterable=True, elem_id="pq-ind-choice")
    summary = gr.HTML("", elem_id="pq-ind-summary")
    with gr.Row():
        with gr.Column(scale=3):
            table = gr.Dataframe(
                headers=INDICATOR_HEADERS,
                datatype=["str"] * len(INDICATOR_HEADERS),
                interactive=False,
                wrap=True,
                label="各地区的基期与目标（每格注明出处）",
                elem_id="pq-ind-table",
                column_widths=["11%", "25%", "12%", "12%", "7%", "18%", "15%"],
            )
        with gr.Column(scale=2, min_width=260):
            chart = gr.BarPlot(
                x="地区",
                y="数值",
                color="类别",
                color_map={"基期": "#95a5a6", "目标": "#c0392b"},
                title="各地区的基期与目标",
                height=300,
                x_label_angle=-40,
                elem_id="pq-ind-chart",
            )
    with gr.Row():
        csv_btn = gr.Button("导出 CSV", elem_id="pq-ind-csv", scale=0)
        xlsx_btn = gr.Button("导出 XLSX", elem_id="pq-ind-xlsx", scale=0)
    file_out = gr.File(label="导出文件", interactive=False, visible=False, elem_id="pq-ind-file")
    detail = gr.HTML(indicator_detail_html(None, None), elem_id="pq-ind-detail")
    state = gr.State(None)

    def chart_update(rows: list[dict[str, Any]]):
        frame = pd.DataFrame(rows, columns=["地区", "数值", "类别"])
        return gr.update(value=frame, sort=list(frame["地区"]) if len(frame) else None)

    def do_search(text):
        choices, first, comparison, message = h.search(text)
        rows, chart_rows, summary_html = h.show(comparison, first)
        return (
            gr.update(choices=choices, value=first),
            comparison,
            rows,
            chart_update(chart_rows),
            summary_html if first else message,
            indicator_detail_html(None, None),
        )

    outputs = [choice, state, table, chart, summary, detail]
    search_btn.click(do_search, search, outputs, api_name="indicators", **work)
    search.submit(do_search, search, outputs, api_visibility="private", **work)

    def do_show(comparison, label):
        rows, chart_rows, summary_html = h.show(comparison, label)
        return rows, chart_update(chart_rows), summary_html, indicator_detail_html(None, None)

    choice.input(
        do_show, [state, choice], [table, chart, summary, detail], api_visibility="private"
    )

    def do_select(comparison, label, evt: gr.SelectData):
        row = evt.row_value or []
        return indicator_detail_html(
            indicator_row(comparison or {"indicators": []}, label), row[0] if row else None
        )

    table.select(do_select, [state, choice], detail, api_visibility="private")

    def do_export(fmt):
        def run(comparison, label):
            try:
                return gr.update(value=h.export(comparison, label, fmt), visible=True)
            except UserError as exc:
                raise gr.Error(user_message(exc)) from exc

        return run

    csv_btn.click(do_export("csv"), [state, choice], file_out, api_visibility="private")
    xlsx_btn.click(do_export("xlsx"), [state, choice], file_out, api_visibility="private")
    return search, search_btn


def build_grid_section(
    holder: Any, topic: Any, level: Any, triggers: list[Any], work: dict[str, Any]
) -> None:
    """The grid under the 哪些地区提到 tab: shown when the topic box holds two or more topics
    (、 or comma separated), each cell ✔/✘ with its best sentence; click a row for the
    sentences and their sources; export CSV or XLSX."""
    import gradio as gr

    h = IndicatorHandlers(holder)
    with gr.Column(visible=False, elem_id="pq-grid") as section:
        gr.HTML(
            '<div class="pq-info">多个主题：上表按“提到其中任一主题”统计；下表列出每个地区是否'
            "提到每个主题（✔ 提到，附最佳原句；点击一行查看原句与出处）。</div>"
        )
        grid_table = gr.Dataframe(
            interactive=False, wrap=True, label="主题网格", elem_id="pq-grid-table"
        )
        with gr.Row():
            csv_btn = gr.Button("导出 CSV", elem_id="pq-grid-csv", scale=0)
            xlsx_btn = gr.Button("导出 XLSX", elem_id="pq-grid-xlsx", scale=0)
        grid_file = gr.File(
            label="导出文件", interactive=False, visible=False, elem_id="pq-grid-file"
        )
        grid_detail = gr.HTML("", elem_id="pq-grid-detail")
    grid_state = gr.State(None)

    def do_grid(text, level_value):
        try:
            grid = h.grid(text, level_value)
        except UserError:
            grid = None
        if grid is None:
            return gr.update(visible=False), None, gr.update(value=None), ""
        import pandas as pd

        frame = pd.DataFrame(grid_rows(grid), columns=grid_headers(grid))
        return gr.update(visible=True), grid, frame, ""

    for trigger in triggers:
        trigger(
            do_grid,
            [topic, level],
            [section, grid_state, grid_table, grid_detail],
            api_visibility="private",
            **work,
        )

    def do_select(grid, evt: gr.SelectData):
        row = evt.row_value or []
        return grid_detail_html(grid, row[0] if row else None)

    grid_table.select(do_select, grid_state, grid_detail, api_visibility="private")

    def do_export(fmt):
        def run(grid):
            try:
                return gr.update(value=h.export_grid(grid, fmt), visible=True)
            except UserError as exc:
                raise gr.Error(user_message(exc)) from exc

        return run

    csv_btn.click(do_export("csv"), grid_state, grid_file, api_visibility="private")
    xlsx_btn.click(do_export("xlsx"), grid_state, grid_file, api_visibility="private")
