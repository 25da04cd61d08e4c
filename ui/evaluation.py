"""The 评测 tab: the evaluation on the bundled gold set or an uploaded JSONL file, with a
progress bar: metrics against their targets and the baselines, a comparison chart and the
items that failed. An upload is judged by its content before it is parsed.

The table and row helpers are pure; `EvalHandlers` holds the callback and `build` lays out the
tab inside the shell's Blocks.
"""

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.errors import Term, UserError
from corpus.settings import Settings
from eval.labels import FAILURE_LABELS, KIND_LABELS, STAGE_LABELS
from eval.report import CHART_METRICS as REPORT_CHART_METRICS
from ui.common import SharedIndex, error_html, info_html, snippet
from ui.messages import user_message

EVAL_CONCURRENCY = 1  # an evaluation answers every gold question: one at a time
MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # a gold set is a few hundred lines; anything bigger is wrong
METRIC_HEADERS = ["指标", "本系统", "目标", "是否达标"]  # + one column per baseline
FAILED_HEADERS = ["编号", "类型", "问题", "期望", "系统输出", "原因"]
EVAL_SOURCE_BUNDLED = "内置金标准集"
EVAL_SOURCE_UPLOAD = "上传 JSONL 文件"


def read_upload_text(path: str | Path, limit: int = MAX_UPLOAD_BYTES) -> str:
    """An uploaded gold file's content as text: judged by its content, not its name — UTF-8
    (a BOM is fine) JSON Lines, at most `limit` bytes, no NUL bytes, not a PDF/.docx/HTML
    (corpus.formats.sniff_format). Anything else is a UserError; nothing is ever unpickled
    or executed, and no more than `limit` bytes are read."""
    from corpus.formats import sniff_format

    p = Path(path)
    size = p.stat().st_size
    if size == 0:
        raise UserError("gold_upload_empty")
    if size > limit:
        raise UserError("gold_upload_too_large", size=size // 1024, limit=limit // 1024)
    with open(p, "rb") as f:
        data = f.read(limit + 1)
    if b"\x00" in data:
        raise UserError("gold_upload_binary")
    kind = sniff_format(data, p.suffix)
    if kind not in ("txt", "md"):
        what = {"pdf": "PDF", "docx": "Word 文档", "html": "网页"}.get(kind or "", "二进制文件")
        raise UserError("gold_upload_format", what=Term(kind or "binary", what))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError("gold_upload_encoding", offset=exc.start) from exc
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not first.startswith("{"):
        raise UserError("gold_upload_not_jsonl")
    return text


def check_gold_upload(path: str | Path, index: Any | None = None) -> list[Any]:
    """The gold items of an uploaded file, checked: its content (read_upload_text), every
    line's format (eval.load_gold), and, given the index, every evidence entry against the
    index's own files (eval.gold.check_evidence). UserError says what and where."""
    import eval as planqa_eval
    from eval.gold import check_evidence

    read_upload_text(path)
    items = planqa_eval.load_gold(path)
    if index is not None:
        check_evidence(items, index, path)
    return items


def accept_gold_upload(path: str | None, index: Any | None = None) -> str:
    """Check an evaluation upload as soon as it arrives (check_gold_upload): a refused file
    is deleted at once (only an accepted gold set stays stored), and the message says why,
    naming the file rather than its temporary path. "" when accepted."""
    if not path:
        return ""
    try:
        check_gold_upload(path, index)
    except (UserError, OSError) as exc:
        Path(path).unlink(missing_ok=True)
        if isinstance(exc, UserError):
            return error_html(user_message(exc, (str(path), Path(path).name)))
        return error_html("上传的文件无法读取。")
    return ""


NOT_APPLICABLE = "不适用"  # no item of the metric's kind in this gold set
# the few metrics the chart draws (the table has them all): retrieval, answers, abstention
# the report's chart metrics but recall@1 (recall@5 says what a reader needs of retrieval)
CHART_METRICS = tuple(m for m in REPORT_CHART_METRICS if m != "recall@1")


def _number(value: Any) -> Any:
    if value is None:
        return "—"
    if isinstance(value, float):
        return round(value, 4)
    return value


def _scalar_metrics(d: Any) -> dict[str, float | None]:
    """The top-level metrics of a metrics mapping: numbers and None (not measured on this
    gold set); nested breakdowns (per_kind) are left to the written report."""
    if not isinstance(d, dict):
        return {}
    return {
        str(k): v
        for k, v in d.items()
        if v is None or (isinstance(v, int | float) and not isinstance(v, bool))
    }


def _baseline_metrics(report: dict[str, Any]) -> dict[str, dict[str, float | None]]:
    return {str(name): _scalar_metrics(m) for name, m in (report.get("baselines") or {}).items()}


def _system_name(key: str) -> str:
    from eval.labels import SYSTEM_LABELS

    return SYSTEM_LABELS.get(key, key)


@dataclass(frozen=True)
class MetricRow:
    """One metric of a report as the tab shows it."""

    key: str  # the report's key (recall@5)
    name: str  # 召回率@5
    help: str  # one line: what it measures
    system: Any  # the system's value, or NOT_APPLICABLE
    target: str  # ">= 0.95", or ""
    verdict: str  # ✔ 达标 / ✘ 未达标 / 不适用, or "" without a target
    baselines: tuple[Any, ...]  # each baseline's value ("—" when not measured)


def metric_rows(report: dict[str, Any]) -> list[MetricRow]:
    """One row per metric of an eval report (Report.to_dict()): Chinese name and its
    explanation, the system's value against its target, then each baseline's value. A
    metric the gold set has no items for is 不适用, never a failed target."""
    from eval.labels import metric_label

    system = _scalar_metrics(report.get("metrics"))
    baselines = _baseline_metrics(report)
    targets = {t.get("metric"): t for t in report.get("targets") or [] if isinstance(t, dict)}
    rows = []
    for key, value in system.items():
        name, help_text = metric_label(key)
        target = targets.get(key)
        if value is None:
            verdict = NOT_APPLICABLE if target is not None else ""
        elif target is None:
            verdict = ""
        else:
            verdict = "✔ 达标" if target.get("met") else "✘ 未达标"
        rows.append(
            MetricRow(
                key,
                name,
                help_text,
                NOT_APPLICABLE if value is None else _number(value),
                str(target.get("target", "")) if target else "",
                verdict,
                tuple(_number(b.get(key)) for b in baselines.values()),
            )
        )
    return rows


def metric_headers(report: dict[str, Any]) -> list[str]:
    return [*METRIC_HEADERS, *(_system_name(n) for n in _baseline_metrics(report))]


def _cell(value: Any) -> str:
    return html.escape(str(value))


def metric_table_html(report: dict[str, Any]) -> str:
    """The metric table: the Chinese name with its key in small print and its explanation
    (also the row's tooltip), in a box that scrolls sideways on a narrow screen."""
    head = "".join(f"<th>{_cell(h)}</th>" for h in metric_headers(report))
    body = []
    for r in metric_rows(report):
        verdict_class = {"✔ 达标": "pq-met", "✘ 未达标": "pq-unmet"}.get(r.verdict, "pq-na")
        body.append(
            f'<tr title="{html.escape(r.help, quote=True)}">'
            f'<td class="pq-metric-name">{_cell(r.name)} '
            f'<small class="pq-metric-key">{_cell(r.key)}</small>'
            f'<div class="pq-metric-help">{_cell(r.help)}</div></td>'
            f"<td>{_cell(r.system)}</td><td>{_cell(r.target)}</td>"
            f'<td class="{verdict_class}">{_cell(r.verdict)}</td>'
            + "".join(f"<td>{_cell(v)}</td>" for v in r.baselines)
            + "</tr>"
        )
    if not body:
        return ""
    return (
        '<div class="pq-table-scroll"><table class="pq-table pq-metrics-table">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def metric_table(report: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows) of the metric table as plain values (name, key, value, target,
    verdict, baselines…): what a client of the API reads."""
    rows = [
        [r.name, r.key, r.system, r.target, r.verdict, *r.baselines] for r in metric_rows(report)
    ]
    headers = [METRIC_HEADERS[0], "键", *metric_headers(report)[1:]]
    return headers, rows


def comparison_html(report: dict[str, Any]) -> str:
    """The comparison chart: for each of a few key metrics that the system measured, one
    horizontal bar per system (the system, then each baseline that measured it), 0..1,
    labels written level. A lower-is-better metric says so in its title."""
    from eval.labels import metric_label
    from eval.runner import LOWER_IS_BETTER

    system = _scalar_metrics(report.get("metrics"))
    baselines = _baseline_metrics(report)
    groups = []
    for key in CHART_METRICS:
        value = system.get(key)
        if value is None or not 0 <= float(value) <= 1:
            continue
        name, help_text = metric_label(key)
        bars = []
        values = {"planqa": value, **{n: b.get(key) for n, b in baselines.items()}}
        for who, v in values.items():
            if v is None:
                continue
            bars.append(
                f'<div class="pq-bar-row"><span class="pq-bar-label">{_cell(_system_name(who))}'
                f'</span><span class="pq-bar-track"><span class="pq-bar" data-system="{who}" '
                f'style="width:{100 * float(v):.1f}%"></span></span>'
                f'<span class="pq-bar-value">{float(v):.2f}</span></div>'
            )
        note = "（越低越好）" if key in LOWER_IS_BETTER else ""
        groups.append(
            f'<div class="pq-chart-group" title="{html.escape(help_text, quote=True)}">'
            f'<div class="pq-chart-title">{_cell(name)}{note} '
            f'<small class="pq-metric-key">{_cell(key)}</small></div>{"".join(bars)}</div>'
        )
    if not groups:
        return '<div class="pq-chart pq-chart-empty">没有可比较的指标。</div>'
    return f'<div class="pq-chart">{"".join(groups)}</div>'


def _short(value: Any, limit: int = 120) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return snippet(value, limit)
    if isinstance(value, list | tuple):
        return snippet("、".join(_short(v, 40) for v in value), limit)
    return snippet(str(value), limit)


def failed_rows(report: dict[str, Any]) -> list[list[Any]]:
    """The gold items the system did not pass: id, kind, question, what was expected, what
    came out, and why it failed (with the stage the failure points at)."""
    rows = []
    for item in report.get("items") or []:
        if not isinstance(item, dict) or item.get("passed", True):
            continue
        kind = item.get("kind", "")
        if kind == "district":
            expected = "、".join(item.get("expected_districts") or []) or "（无区县）"
            got = "、".join(item.get("predicted_districts") or []) or "（无区县）"
        elif kind == "unanswerable":
            expected, got = "拒答", "拒答" if item.get("abstained") else item.get("answer", "")
        else:
            expected = item.get("expected_answer") or "、".join(item.get("answer_keywords") or [])
            got = item.get("answer", "")
        reasons = "；".join(FAILURE_LABELS.get(str(f), str(f)) for f in item.get("failures") or [])
        if item.get("stage"):
            stage = str(item["stage"])
            reasons += f"（问题出在：{STAGE_LABELS.get(stage, stage)}）"
        rows.append(
            [
                item.get("id", ""),
                KIND_LABELS.get(kind, kind),
                _short(item.get("question"), 80),
                _short(expected),
                _short(got),
                _short(reasons, 160),
            ]
        )
    return rows


def failed_table_html(rows: list[list[Any]]) -> str:
    """The failed items as a table whose long cells wrap, in a box that scrolls sideways
    when the columns do not fit (no column is ever cut off)."""
    if not rows:
        return '<div class="pq-message pq-info">没有未通过的题目。</div>'
    head = "".join(f"<th>{_cell(h)}</th>" for h in FAILED_HEADERS)
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in r) + "</tr>" for r in rows)
    return (
        '<div class="pq-table-scroll"><table class="pq-table pq-failed-table">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def report_files(report: Any) -> tuple[str, str]:
    """The report written for download by eval.write_report (report.md with its charts, and
    report.json) into a new temporary folder: (Markdown path, JSON path)."""
    import tempfile

    import eval as planqa_eval

    folder = Path(tempfile.mkdtemp(prefix="planqa-eval-"))
    md = planqa_eval.write_report(report, folder)
    return str(md), str(md.parent / "report.json")


@dataclass
class EvalHandlers:
    """The tab's callback over one SharedIndex (gradio calls it; tests may too)."""

    settings: Settings
    holder: SharedIndex

    def evaluate(
        self,
        source: str,
        upload: str | None,
        baselines: bool = True,
        progress: Callable[[int, int, str], Any] | None = None,
    ) -> tuple[str, str, str, str, str | None, str | None]:
        """(message, metric table, comparison chart, failed items: HTML; then the report's
        Markdown and JSON files for download, None when there is no report)."""
        import eval as planqa_eval

        upload_path = Path(upload) if upload else None
        try:
            index = self.holder.get()
            if source == EVAL_SOURCE_UPLOAD:
                if upload_path is None:
                    raise UserError("gold_upload_missing")
                try:  # size, type by content, encoding, format, evidence: before a run
                    gold = check_gold_upload(upload_path, index)
                except UserError:
                    upload_path.unlink(missing_ok=True)  # a refused upload is not kept
                    raise
                gold_path, label = upload_path, f"上传的文件 {upload_path.name}"
            else:
                gold_path, label = Path(planqa_eval.DEFAULT_GOLD), "内置金标准集"
                gold = planqa_eval.load_gold(gold_path)
            report = planqa_eval.run(
                gold,
                index,
                settings=self.settings,
                baselines=bool(baselines),
                progress=progress,
                gold_path=gold_path.name,
            )
            md, js = report_files(report)
        except UserError as exc:
            # the upload's temporary path means nothing to a user: show the file's name
            where = (str(upload_path), upload_path.name) if upload_path is not None else None
            return error_html(user_message(exc, where)), "", "", "", None, None
        data = report.to_dict()
        failed = failed_rows(data)
        n_items = len(data.get("items") or [])
        compared = "，并与基线比较" if baselines else ""
        message = info_html(f"已用{label}评测 {n_items} 道题{compared}：{len(failed)} 道未通过。")
        return (
            message,
            metric_table_html(data),
            comparison_html(data),
            failed_table_html(failed),
            md,
            js,
        )


def build(settings: Settings, holder: SharedIndex) -> None:
    """The tab's components and events (inside a gr.Tab)."""
    import gradio as gr

    handlers = EvalHandlers(settings, holder)
    gr.Markdown(
        "用金标准集评测本系统，并与基线比较。上传的文件须为 UTF-8 编码的 JSONL，"
        "每行一道题（格式同 `eval/gold.jsonl`）；证据须在当前索引的文件中、在所注的行上。"
    )
    with gr.Row():
        eval_source = gr.Radio(
            [EVAL_SOURCE_BUNDLED, EVAL_SOURCE_UPLOAD],
            value=EVAL_SOURCE_BUNDLED,
            label="金标准集",
            elem_id="pq-eval-source",
        )
        eval_upload = gr.File(
            label="上传 JSONL",
            file_types=[".jsonl", ".json", ".txt"],
            type="filepath",
            elem_id="pq-eval-upload",
        )
        eval_baselines = gr.Checkbox(
            True,
            label="与基线比较",
            info="同时评测 BM25、纯向量检索和朴素切分三个基线（用时约为四倍）。",
            elem_id="pq-eval-baselines",
        )
    eval_btn = gr.Button("运行评测", variant="primary", elem_id="pq-eval-run")
    # the one place the run's progress is drawn (each output would otherwise get its own)
    eval_message = gr.HTML("", elem_id="pq-eval-message")
    with gr.Row():
        report_md = gr.DownloadButton(
            "下载评测报告（Markdown）", visible=False, size="sm", elem_id="pq-eval-md"
        )
        report_json = gr.DownloadButton(
            "下载 report.json", visible=False, size="sm", elem_id="pq-eval-json"
        )
    gr.Markdown("#### 指标\n将鼠标停在一行上可看该指标的含义；小字是报告中的英文键名。")
    eval_metrics = gr.HTML("", elem_id="pq-eval-metrics")
    gr.Markdown("#### 与基线比较")
    eval_chart = gr.HTML("", elem_id="pq-eval-chart")
    gr.Markdown("#### 未通过的题目")
    eval_failed = gr.HTML("", elem_id="pq-eval-failed")

    def evaluate(source, upload, baselines, progress=gr.Progress()):  # noqa: B008 - injected
        def report_progress(done: int, total: int, label: str = "") -> None:
            progress((done, total), desc=f"评测中 {label}".strip(), unit="题次")

        progress(0, desc="准备评测…")
        message, metrics, chart, failed, md, js = handlers.evaluate(
            source, upload, baselines, report_progress
        )
        return (
            message,
            metrics,
            chart,
            failed,
            gr.update(value=md, visible=md is not None),
            gr.update(value=js, visible=js is not None),
        )

    eval_btn.click(
        evaluate,
        [eval_source, eval_upload, eval_baselines],
        [eval_message, eval_metrics, eval_chart, eval_failed, report_md, report_json],
        api_name="evaluate",
        concurrency_limit=EVAL_CONCURRENCY,
        concurrency_id="eval",
        show_progress_on=eval_message,
    )

    def gold_uploaded(path):
        try:
            index = holder.get()
        except UserError:
            index = None  # the index's own error shows in the status line; a run says it
        refused = accept_gold_upload(path, index)
        if refused:
            return EVAL_SOURCE_BUNDLED, refused, None
        return EVAL_SOURCE_UPLOAD, "", path

    eval_upload.upload(
        gold_uploaded,
        eval_upload,
        [eval_source, eval_message, eval_upload],
        api_visibility="private",
    )
