"""The 评测 tab: the evaluation on the bundled gold set or an uploaded JSONL file, with a
progress bar: metrics against their targets and the baselines, a comparison chart and the
items that failed. An upload is judged by its content before it is parsed.

The table and row helpers are pure; `EvalHandlers` holds the callback and `build` lays out the
tab inside the shell's Blocks.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.errors import Term, UserError
from corpus.settings import Settings
from ui.common import SharedIndex, error_html, frame, in_given_order, info_html, snippet
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


def accept_gold_upload(path: str | None) -> str:
    """Check an evaluation upload as soon as it arrives: a refused file is deleted at once
    (only an accepted gold set stays stored), and the message says why. "" when accepted."""
    if not path:
        return ""
    try:
        read_upload_text(path)
    except (UserError, OSError) as exc:
        Path(path).unlink(missing_ok=True)
        message = user_message(exc) if isinstance(exc, UserError) else "上传的文件无法读取。"
        return error_html(message)
    return ""


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


def metric_table(report: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows) of an eval report (Report.to_dict()): one row per metric with the
    system's value, its target and whether it is met, then each baseline's value."""
    system = _scalar_metrics(report.get("metrics"))
    baselines = _baseline_metrics(report)
    targets = {t.get("metric"): t for t in report.get("targets") or [] if isinstance(t, dict)}
    headers = [*METRIC_HEADERS, *baselines]
    rows = []
    for name, value in system.items():
        target = targets.get(name)
        met = "" if target is None else ("✔ 达标" if target.get("met") else "✘ 未达标")
        rows.append(
            [name, _number(value), target.get("target", "") if target else "", met]
            + [_number(b.get(name)) for b in baselines.values()]
        )
    return headers, rows


def comparison_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Long-form rows for the comparison chart: one bar per (metric, system), for the
    higher-is-better metrics in 0..1 that the system and a baseline measured (one scale)."""
    system = _scalar_metrics(report.get("metrics"))
    baselines = _baseline_metrics(report)
    # a metric whose target is "<= x" is better low; drawn among the others it would read
    # as a loss, so the chart keeps to higher-is-better metrics (the table has them all)
    lower_is_better = {
        t.get("metric")
        for t in report.get("targets") or []
        if isinstance(t, dict) and str(t.get("target", "")).startswith("<")
    }
    rows = []
    for metric, value in system.items():
        if value is None or metric in lower_is_better or not 0 <= float(value) <= 1:
            continue
        shared = {n: b[metric] for n, b in baselines.items() if b.get(metric) is not None}
        if baselines and not shared:
            continue
        for name, v in {"本系统": value, **shared}.items():
            rows.append({"指标·系统": f"{metric} · {name}", "数值": float(v), "系统": name})
    return rows


def _short(value: Any, limit: int = 120) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return snippet(value, limit)
    if isinstance(value, list | tuple):
        return snippet("、".join(_short(v, 40) for v in value), limit)
    return snippet(str(value), limit)


KIND_NAMES = {
    "fact": "事实",
    "section": "章节",
    "district": "区县",
    "unanswerable": "无答案",
    "variant": "变体",
}


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
        reasons = "；".join(str(f) for f in item.get("failures") or [])
        if item.get("stage"):
            reasons += f"（{item['stage']}）"
        rows.append(
            [
                item.get("id", ""),
                KIND_NAMES.get(kind, kind),
                _short(item.get("question"), 80),
                _short(expected),
                _short(got),
                _short(reasons, 160),
            ]
        )
    return rows


def _failed_frame(rows: list[list[Any]]):
    import pandas as pd

    return pd.DataFrame(rows, columns=FAILED_HEADERS)


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
    ) -> tuple[str, Any, Any, Any]:
        """(message, metric table, comparison chart data, failed items)."""
        import eval as planqa_eval

        empty = ({"headers": METRIC_HEADERS, "data": []}, frame([]), _failed_frame([]))
        upload_path = Path(upload) if upload else None
        try:
            if source == EVAL_SOURCE_UPLOAD:
                if upload_path is None:
                    raise UserError("gold_upload_missing")
                try:  # size, type by content, encoding: before parsing
                    read_upload_text(upload_path)
                except UserError:
                    upload_path.unlink(missing_ok=True)  # a refused upload is not kept
                    raise
                gold_path, label = upload_path, f"上传的文件 {upload_path.name}"
            else:
                gold_path, label = Path(planqa_eval.DEFAULT_GOLD), "内置金标准集"
            gold = planqa_eval.load_gold(gold_path)
            report = planqa_eval.run(
                gold,
                self.holder.get(),
                settings=self.settings,
                baselines=bool(baselines),
                progress=progress,
                gold_path=gold_path.name,
            )
        except UserError as exc:
            # the upload's temporary path means nothing to a user: show the file's name
            where = (str(upload_path), upload_path.name) if upload_path is not None else None
            return (error_html(user_message(exc, where)), *empty)
        data = report.to_dict()
        headers, rows = metric_table(data)
        failed = failed_rows(data)
        n_items = len(data.get("items") or [])
        compared = "，并与基线比较" if baselines else ""
        message = info_html(f"已用{label}评测 {n_items} 道题{compared}：{len(failed)} 道未通过。")
        return (
            message,
            {"headers": headers, "data": rows},
            frame(comparison_rows(data)),
            _failed_frame(failed),
        )


def build(settings: Settings, holder: SharedIndex) -> None:
    """The tab's components and events (inside a gr.Tab)."""
    import gradio as gr

    handlers = EvalHandlers(settings, holder)
    gr.Markdown(
        "用金标准集评测本系统，并与基线比较。上传的文件须为 UTF-8 编码的 JSONL，"
        "每行一道题（格式同 `eval/gold.jsonl`）。"
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
    eval_message = gr.HTML("", elem_id="pq-eval-message")
    eval_metrics = gr.Dataframe(
        headers=METRIC_HEADERS,
        interactive=False,
        label="指标",
        elem_id="pq-eval-metrics",
    )
    eval_chart = gr.BarPlot(
        x="指标·系统",
        y="数值",
        color="系统",
        title="与基线比较",
        x_label_angle=-35,
        height=320,
        elem_id="pq-eval-chart",
    )
    eval_failed = gr.Dataframe(
        headers=FAILED_HEADERS,
        interactive=False,
        wrap=True,
        label="未通过的题目",
        elem_id="pq-eval-failed",
    )

    def evaluate(source, upload, baselines, progress=gr.Progress()):  # noqa: B008 - injected
        def report_progress(done: int, total: int, label: str = "") -> None:
            progress((done, total), desc=f"评测中 {label}".strip(), unit="题次")

        progress(0, desc="准备评测…")
        message, metrics, chart, failed = handlers.evaluate(
            source, upload, baselines, report_progress
        )
        return message, metrics, in_given_order(chart, "指标·系统"), failed

    eval_btn.click(
        evaluate,
        [eval_source, eval_upload, eval_baselines],
        [eval_message, eval_metrics, eval_chart, eval_failed],
        api_name="evaluate",
        concurrency_limit=EVAL_CONCURRENCY,
        concurrency_id="eval",
    )

    def gold_uploaded(path):
        refused = accept_gold_upload(path)
        if refused:
            return EVAL_SOURCE_BUNDLED, refused, None
        return EVAL_SOURCE_UPLOAD, "", path

    eval_upload.upload(
        gold_uploaded,
        eval_upload,
        [eval_source, eval_message, eval_upload],
        api_visibility="private",
    )
