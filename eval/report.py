"""The evaluation report: Markdown with the metric tables, charts (matplotlib, PNG) comparing
the systems per metric and per kind, how far ahead of each baseline we are, the targets,
and every failed item with its evidence and what was retrieved and answered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corpus.errors import UserError
from eval.runner import METRIC_NAMES, SYSTEM, Report

CHART_METRICS = (
    "recall@1",
    "recall@5",
    "mrr",
    "keyword_accuracy",
    "citation_precision",
    "abstention_accuracy",
    "false_abstentions",
    "district_f1",
)
KIND_METRIC = {  # the headline metric of each kind, for the per-kind chart
    "fact": "keyword_accuracy",
    "section": "keyword_accuracy",
    "variant": "keyword_accuracy",
    "district": "district_f1",
    "unanswerable": "abstention_accuracy",
}


def _fmt(v: float | None) -> str:
    return "—" if v is None else f"{v:.3f}"


def _signed(v: float | None) -> str:
    return "—" if v is None else f"{v:+.3f}"


def metrics_table(report: Report) -> str:
    """Markdown table: one row per metric, one column per system."""
    names = list(report.systems)
    lines = ["| metric | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for metric in METRIC_NAMES:
        cells = []
        for name in names:
            cell = _fmt(report.systems[name].metrics.get(metric))
            cells.append(f"**{cell}**" if name == SYSTEM else cell)
        lines.append(f"| {metric} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets_table(report: Report) -> str:
    lines = ["| target | value | met |", "|---|---:|:---:|"]
    for t in report.targets():
        lines.append(
            f"| {t['metric']} {t['target']} | {_fmt(t['value'])} | {'yes' if t['met'] else '**no**'} |"
        )
    return "\n".join(lines)


def ahead_table(report: Report) -> str:
    ahead = report.ahead()
    if not ahead:
        return "_(baselines not run)_"
    names = list(ahead)
    lines = [
        "| metric | " + " | ".join(f"vs {n}" for n in names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for metric in METRIC_NAMES:
        lines.append(f"| {metric} | " + " | ".join(_signed(ahead[n][metric]) for n in names) + " |")
    return "\n".join(lines)


def kind_table(report: Report) -> str:
    sys_res = report.system
    lines = [
        "| kind | items | passed | recall@5 | keyword acc. | abstention acc. | district F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, mets in sys_res.per_kind.items():
        items = [r for r in sys_res.items if r.item.kind == kind]
        passed = sum(r.passed for r in items)
        lines.append(
            f"| {kind} | {len(items)} | {passed} | {_fmt(mets.get('recall@5'))} | "
            f"{_fmt(mets.get('keyword_accuracy'))} | {_fmt(mets.get('abstention_accuracy'))} | "
            f"{_fmt(mets.get('district_f1'))} |"
        )
    return "\n".join(lines)


def kind_system_table(report: Report) -> str:
    """Markdown table: each kind's headline metric, one column per system."""
    names = list(report.systems)
    lines = ["| kind (metric) | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for kind, metric in KIND_METRIC.items():
        if kind not in report.system.per_kind:
            continue
        cells = [_fmt(report.systems[n].per_kind.get(kind, {}).get(metric)) for n in names]
        lines.append(f"| {kind} ({metric}) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _charts(report: Report, out_dir: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")  # no display here; and never a GUI backend from a CLI
    import matplotlib.pyplot as plt
    import numpy as np

    names = list(report.systems)
    files = []
    width = 0.8 / len(names)

    fig, ax = plt.subplots(figsize=(11, 4.5))
    x = np.arange(len(CHART_METRICS))
    for i, name in enumerate(names):
        vals = [report.systems[name].metrics.get(mm) for mm in CHART_METRICS]
        ax.bar(x + i * width, [v if v is not None else 0 for v in vals], width, label=name)
    ax.set_xticks(x + width * (len(names) - 1) / 2, CHART_METRICS, rotation=20, ha="right")
    ax.set_ylim(0, 1.2)  # room for the legend above the bars
    ax.set_title("Metrics per system (false_abstentions: lower is better)")
    ax.legend(ncols=len(names), loc="upper center")
    fig.tight_layout()
    fig.savefig(out_dir / "metrics.png", dpi=110)
    plt.close(fig)
    files.append("metrics.png")

    kinds = [k for k in KIND_METRIC if k in report.system.per_kind]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    x = np.arange(len(kinds))
    for i, name in enumerate(names):
        per_kind = report.systems[name].per_kind
        vals = [per_kind.get(k, {}).get(KIND_METRIC[k]) for k in kinds]
        ax.bar(x + i * width, [v if v is not None else 0 for v in vals], width, label=name)
    ax.set_xticks(x + width * (len(names) - 1) / 2, [f"{k}\n({KIND_METRIC[k]})" for k in kinds])
    ax.set_ylim(0, 1.2)
    ax.set_title("Headline metric per kind of question")
    ax.legend(ncols=len(names), loc="upper center")
    fig.tight_layout()
    fig.savefig(out_dir / "kinds.png", dpi=110)
    plt.close(fig)
    files.append("kinds.png")
    return files


def _failed_items(report: Report) -> str:
    out: list[str] = []
    baseline_items = {
        name: {r.item.id: r for r in res.items}
        for name, res in report.systems.items()
        if name != SYSTEM
    }
    failed = [r for r in report.system.items if not r.passed]
    if not failed:
        return "No failed items."
    for r in failed:
        it = r.item
        out.append(f"### {it.id} ({it.kind}) — {', '.join(r.failures)} → stage: {r.stage}")
        out.append("")
        out.append(f"- question: {it.question}")
        out.append(
            f"- expected: {it.answer or '(abstain)'}"
            + (f" — keywords {list(it.answer_keywords)}" if it.answer_keywords else "")
        )
        if it.kind == "district":
            out.append(
                f"- expected districts: {list(it.districts)}; predicted: {r.predicted_districts}"
            )
        for e in it.evidence:
            out.append(f"- evidence: `{e.source}:{e.line}` “{e.quote}”")
        rank = r.first_hit if r.first_hit is not None else "not in top 10"
        if it.evidence:
            where = "in some chunk" if r.evidence_in_index else "in NO chunk of the index"
            out.append(f"- first retrieved passage with evidence: {rank} (evidence is {where})")
        if r.retrieved:
            top = r.retrieved[0]
            out.append(
                f"- top passage: `{top['source']}:{top['line_start']}-{top['line_end']}` "
                f"{' › '.join(top['section'])}"
            )
        if r.error:
            out.append(f"- error: {r.error}")
        answer = " ".join(r.answer.split())
        out.append(f"- answer{' (abstained)' if r.abstained else ''}: {answer[:300]}")
        if r.missing_keywords and not r.abstained:
            out.append(f"- missing keywords: {r.missing_keywords}")
        verdicts = []
        for name, by_id in baseline_items.items():
            b = by_id.get(it.id)
            if b is not None:
                verdicts.append(f"{name}: {'pass' if b.passed else 'fail'}")
        if verdicts:
            out.append(f"- baselines: {', '.join(verdicts)}")
        out.append("")
    return "\n".join(out)


def stage_summary(report: Report) -> dict[str, list[str]]:
    """Failed item ids grouped by the stage they point at."""
    out: dict[str, list[str]] = {}
    for r in report.system.items:
        if r.stage:
            out.setdefault(r.stage, []).append(r.item.id)
    return out


def render_markdown(report: Report, charts: list[str]) -> str:
    sys_res = report.system
    passed = sum(r.passed for r in sys_res.items)
    stages = stage_summary(report)
    parts = [
        "# planqa evaluation report",
        "",
        (
            f"Gold set: `{report.gold_path}` — {len(sys_res.items)} items, {passed} passed. "
            f"Index: {report.index_info.get('chunks')} chunks, embedder "
            f"`{report.index_info.get('embedder')}`; extractive answers."
        ),
        "",
        "## Targets",
        "",
        targets_table(report),
        "",
        "## Metrics per system",
        "",
        (
            "`planqa` is the system (hybrid retrieval over structured chunks, with the filters the "
            "answerer applies); `bm25` and `dense` are one retriever alone over the same chunks; "
            "`naive` is a generic character splitter (LangChain RecursiveCharacterTextSplitter, 500 "
            "characters, overlap 50) over the raw files with the same embedder and cosine top-k. "
            "Every system is answered by the same extractive answerer. "
            "— means not applicable (the naive pipeline has no district metadata)."
        ),
        "",
        metrics_table(report),
        "",
        "## How far ahead (planqa minus baseline; for false_abstentions, baseline minus planqa)",
        "",
        ahead_table(report),
        "",
        "## Per kind (planqa)",
        "",
        kind_table(report),
        "",
        "## Per kind and system",
        "",
        kind_system_table(report),
        "",
    ]
    for c in charts:
        parts += [f"![{c}]({c})", ""]
    parts += ["## Failures by stage", ""]
    if stages:
        for stage, ids in stages.items():
            parts.append(f"- **{stage}**: {', '.join(ids)}")
    else:
        parts.append("- none")
    parts += [
        "",
        (
            "Stage is a heuristic: *corpus* = no chunk of the index contains the evidence (lost or "
            "altered by cleaning/chunking); *index* = a chunk has it but it is not in the top 5; "
            "*qa* = retrieved, but the answer, abstention or district set is wrong."
        ),
        "",
        "## Failed items",
        "",
        _failed_items(report),
    ]
    return "\n".join(parts)


def report_dir(out_dir: Path | str) -> Path:
    """The report directory, resolved and created; UserError when it cannot be (checked
    before a run, so that a bad --report fails fast)."""
    out = Path(out_dir).expanduser().resolve()
    if out.exists() and not out.is_dir():
        raise UserError("report_path_not_folder", path=out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError("report_folder_failed", path=out, why=exc.strerror) from None
    return out


def write_report(report: Report, out_dir: Path | str) -> Path:
    """Write report.md, metrics.png, kinds.png and report.json into out_dir (created if
    needed); returns the path of report.md."""
    import json

    out = report_dir(out_dir)
    charts = _charts(report, out)
    path = out / "report.md"
    path.write_text(render_markdown(report, charts), encoding="utf-8")
    (out / "report.json").write_text(
        json.dumps(report.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return path


def summary_markdown(report: Report) -> dict[str, Any]:
    """The tables the README shows (produced by `planqa eval`, pasted as is)."""
    return {"metrics": metrics_table(report), "targets": targets_table(report)}
