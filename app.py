"""The planqa web UI (Gradio Blocks): wiring only. Every answer, report and metric comes from
`qa`, `index` and `eval`; this module renders them and turns user mistakes into readable
Chinese messages.

    python app.py [--host H] [--port P]      # same as `planqa serve`

The index is opened (or built, with a progress bar in the page) once per process and shared
by every request; the queue caps how many requests run at once. Nothing outside the app's
own data is served: `allowed_paths` is empty, there is no file browser, gold-set uploads are
read as UTF-8 text and parsed as JSON lines, document uploads (文档 tab) are checked by
content and stored only in settings.upload_dir (ui/uploads.py).

The functions above `build_app` are pure (plain data in, HTML or table rows out) so that
tests exercise them without a server; gradio is imported only inside `build_app`/`launch`.
"""

import argparse
import html
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.attribution import genre_labels
from corpus.errors import Term, UserError
from corpus.formats import SUFFIX_FORMATS
from corpus.model import Chunk, Document, SourceSpan
from corpus.settings import Settings
from index.types import Filters, Hit
from qa.types import Answer, Citation, DistrictReport, page_label

APP_TITLE = "planqa · 规划文件问答"
# questions and district reports running at once (all such events share this limit): the
# machine has few cores and every request embeds text; more would only make each one slower
CONCURRENCY_LIMIT = 2
QUEUE_MAX_SIZE = 64  # waiting requests beyond this are refused with "queue full"
EVAL_CONCURRENCY = 1  # an evaluation answers every gold question: one at a time
MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # a gold set is a few hundred lines; anything bigger is wrong
# the browser stops typing here; qa.check_question gives the readable message below it
QUESTION_BOX_MAX_CHARS = 2000
SNIPPET_CHARS = 60

EXAMPLE_QUESTIONS = (
    "綦江区到2025年高新技术企业数预期达到多少？",
    "哪些区的规划提到了氢能？",
    "合川区2022年要新增多少家高新技术企业？",
    "大渡口区如何推进科普工作？",
    "合川区如何支持企业加大研发投入？",
)
EXAMPLE_TOPICS = ("氢能", "科普基地", "人工智能", "人才引进", "知识产权")

# the types of corpus/data/genres.json plus the gazette's own
DOC_TYPE_NAMES = {
    **genre_labels(),
    "commentary": "评论",
    "news": "新闻",
    "front_matter": "公报目录页",
    "other": "其他",
}
# the place finder's levels: (label, value); "auto" = what the question asks, else the level
# most documents are issued at
LEVEL_CHOICES = [("自动", "auto"), ("省", "province"), ("市", "city"), ("区县", "county")]

DISTRICT_HEADERS = ["地区", "是否提到", "得分", "证据摘要"]
DOCUMENT_HEADERS = ["编号", "地区", "标题", "发文机关", "文号", "日期", "类型", "段落数", "副本"]
METRIC_HEADERS = ["指标", "本系统", "目标", "是否达标"]  # + one column per baseline
FAILED_HEADERS = ["编号", "类型", "问题", "期望", "系统输出", "原因"]


# ----------------------------------------------------------------------------- messages


def user_message(exc: BaseException, replace: tuple[str, str] | None = None) -> str:
    """The Chinese one-line message for a user mistake: the catalogue's entry for its code
    (corpus/data/messages.json), with `replace` applied (a temporary path → the file's name)."""
    text = exc.message("zh") if isinstance(exc, UserError) else f"无法完成：{exc}"
    return text.replace(*replace) if replace else text


def error_html(message: str) -> str:
    return f'<div class="pq-message pq-error" role="alert">⚠️ {html.escape(message)}</div>'


def info_html(message: str) -> str:
    return f'<div class="pq-message pq-info">{html.escape(message)}</div>'


# ----------------------------------------------------------------------------- highlighting


def _match_key(text: str) -> str:
    """`text` folded for matching (NFKC, lower case) without changing its length, so that
    positions found in the key are positions in the text."""
    out = []
    for ch in text:
        folded = unicodedata.normalize("NFKC", ch).lower()
        out.append(folded if len(folded) == 1 else ch)
    return "".join(out)


def highlight(text: str, terms: Iterable[str]) -> str:
    """`text` HTML-escaped, with every occurrence of the terms wrapped in <mark>. Longer
    terms win where terms overlap; matching ignores width and case (ＡＩ = ai)."""
    keys = sorted({_match_key(t.strip()) for t in terms if t and t.strip()}, key=len, reverse=True)
    if not keys:
        return html.escape(text)
    key = _match_key(text)
    marked = [False] * len(text)
    for k in keys:
        start = key.find(k)
        while start != -1:
            for i in range(start, start + len(k)):
                marked[i] = True
            start = key.find(k, start + len(k))
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and marked[j] == marked[i]:
            j += 1
        piece = html.escape(text[i:j])
        out.append(f"<mark>{piece}</mark>" if marked[i] else piece)
        i = j
    return "".join(out)


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


# ----------------------------------------------------------------------------- citations


def span_text(
    source: str,
    line_start: int,
    line_end: int,
    page_start: int | None = None,
    page_end: int | None = None,
) -> str:
    """file · 第 41–43 行, or file.pdf 第3页 · 第 41–43 行 for a passage of a PDF."""
    lines = f"第 {line_start} 行" if line_start == line_end else f"第 {line_start}–{line_end} 行"
    page = page_label(page_start, page_end)
    return f"{source} {page} · {lines}" if page else f"{source} · {lines}"


def section_path(section: Sequence[str]) -> str:
    return " › ".join(section)


def _also_in_html(spans: Sequence[SourceSpan]) -> str:
    if not spans:
        return ""
    items = "；".join(html.escape(span_text(s.source, s.line_start, s.line_end)) for s in spans)
    return f'<div class="pq-also">另见：{items}</div>'


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
        f"</div>{_also_in_html(c.also_in)}</div>"
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
            + f'</div><div class="pq-hit-text">{highlight(_snippet(c.text, 160), terms)}</div></li>'
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


# ----------------------------------------------------------------------------- districts


def _snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def ranked_districts(report: DistrictReport) -> list[Any]:
    """The report's districts, those that mention the topic first, each group by score."""
    return sorted(report.districts, key=lambda r: (not r.mentioned, -r.score))


def district_rows(report: DistrictReport) -> list[list[Any]]:
    """One table row per district in the report, mentioned or not: mentions first."""
    rows = []
    for r in ranked_districts(report):
        snippet = _snippet(r.evidence[0].quote) if r.evidence else ""
        rows.append(
            [r.district, "✔ 提到" if r.mentioned else "✘ 未提到", round(r.score, 3), snippet]
        )
    return rows


def district_chart_rows(report: DistrictReport) -> list[dict[str, Any]]:
    return [
        {
            "地区": r.district,
            "得分": round(r.score, 3),
            "是否提到": "提到" if r.mentioned else "未提到",
        }
        for r in ranked_districts(report)
    ]


def district_summary_html(report: DistrictReport) -> str:
    mentioned = report.mentioned
    total = len(report.districts)
    terms = "、".join(report.terms) if report.terms else report.topic
    if mentioned:
        lead = (
            f"{len(mentioned)}/{total} 个{report.level_name}提到“{report.topic}”："
            f"{'、'.join(mentioned)}。"
        )
    else:
        lead = f"{total} 个{report.level_name}都没有提到“{report.topic}”。"
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
        f"{status}“{html.escape(report.topic)}” · 得分 {result.score:.3f}</div>"
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
            f" · 相似度 {e.score:.3f}</div>{_also_in_html(e.also_in)}</div>"
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


# ----------------------------------------------------------------------------- documents


def chunk_counts(documents: Sequence[Document], chunks: Sequence[Chunk]) -> dict[str, int]:
    """Chunks each document holds, counting a shared (duplicate) chunk in every copy."""
    counts = {d.doc_id: 0 for d in documents}
    for c in chunks:
        for doc_id in {s.doc_id for s in c.sources}:
            if doc_id in counts:
                counts[doc_id] += 1
    return counts


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


def _table_html(text: str) -> str:
    rows = [line for line in text.splitlines() if line.strip()]
    cells = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c.strip())}</td>" for c in row.split("|")) + "</tr>"
        for row in rows
    )
    return f'<table class="pq-table">{cells}</table>'


def document_html(document: Document, chunks: Sequence[Chunk]) -> str:
    """A document read section by section, as it is chunked: a heading wherever the section
    path changes, then each chunk with its line span in this document's source file."""
    d = document
    meta = [
        ("地区", d.district),
        ("发文机关", d.issuer),
        ("文号", d.doc_number),
        ("日期", d.date or d.date_raw),
        ("类型", DOC_TYPE_NAMES.get(d.doc_type, d.doc_type)),
        ("来源", span_text(d.source, d.line_start, d.line_end)),
        ("段落数", str(len(chunks))),
    ]
    parts = [
        f'<div class="pq-doc"><h3 class="pq-doc-title">{html.escape(d.title)}</h3>',
        '<div class="pq-doc-meta">'
        + " · ".join(f"{k}：{html.escape(v)}" for k, v in meta if v)
        + "</div>",
    ]
    if d.duplicate_of:
        parts.append(
            info_html(f"这是 {d.duplicate_of} 的副本；内容相同的段落只索引一次，行号按本文件给出。")
        )
    current: tuple[str, ...] | None = None
    for c in chunks:
        if c.section != current:
            current = c.section
            path = section_path(c.section) or "（文件开头）"
            parts.append(f'<h4 class="pq-doc-section">{html.escape(path)}</h4>')
        span = next((s for s in c.sources if s.doc_id == d.doc_id), c.sources[0])
        pages = (c.page_start, c.page_end) if span == c.sources[0] else (None, None)
        body = _table_html(c.text) if c.kind == "table" else html.escape(c.text)
        kind = "表格" if c.kind == "table" else "正文"
        parts.append(
            f'<div class="pq-chunk pq-kind-{c.kind}">'
            f'<div class="pq-source">{kind} · '
            f"{html.escape(span_text(span.source, span.line_start, span.line_end, *pages))}</div>"
            f'<div class="pq-chunk-text">{body}</div></div>'
        )
    if not chunks:
        parts.append(info_html("这个文件没有可检索的正文。"))
    parts.append("</div>")
    return "".join(parts)


# ----------------------------------------------------------------------------- evaluation


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
        return _snippet(value, limit)
    if isinstance(value, list | tuple):
        return _snippet("、".join(_short(v, 40) for v in value), limit)
    return _snippet(str(value), limit)


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


# ----------------------------------------------------------------------------- the index


class SharedIndex:
    """The index for one Settings: opened (or built) on first use, then shared by every
    request in the process. The lock makes concurrent first requests wait for one build
    instead of starting several."""

    def __init__(self, settings: Settings, opened: Any = None) -> None:
        self.settings = settings
        self._index = opened
        self._lock = threading.Lock()
        self._chunks_by_id: dict[str, Chunk] | None = None
        self._counts: dict[str, int] | None = None
        self._cached_for: Any = None  # the index the caches were made from
        self._counted_for: Any = None
        self._change_lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._index is not None

    def get(self) -> Any:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    import index

                    self._index = index.open_or_build(self.settings, progress=True)
        return self._index

    def chunks_by_id(self) -> dict[str, Chunk]:
        idx = self.get()
        cached = self._chunks_by_id
        if cached is None or self._cached_for is not idx:
            cached = {c.chunk_id: c for c in idx.chunks}
            self._chunks_by_id, self._cached_for = cached, idx
        return cached

    def chunk_counts(self) -> dict[str, int]:
        idx = self.get()
        counts = self._counts
        if counts is None or self._counted_for is not idx:
            counts = chunk_counts(idx.documents, idx.chunks)
            self._counts, self._counted_for = counts, idx
        return counts

    # -- changes (uploads, deletions): one at a time, the old index serving meanwhile

    @property
    def changing(self) -> threading.Lock:
        """Held while documents are added or removed: changes run one after another."""
        return self._change_lock

    def replace(self, opened: Any) -> None:
        """Serve `opened` from now on. Requests already running finish on the index they
        started with; the caches above follow the new one."""
        with self._lock:
            self._index = opened


_SHARED: dict[tuple[str, str], SharedIndex] = {}
_SHARED_LOCK = threading.Lock()


def shared_index(settings: Settings, opened: Any = None) -> SharedIndex:
    """The process-wide SharedIndex for these settings' index (one per index dir and
    embedder). `opened`: an Index already in hand (tests pass the session's)."""
    key = (str(Path(settings.index_dir).expanduser().resolve()), settings.embedder)
    with _SHARED_LOCK:
        holder = _SHARED.get(key)
        if holder is None:
            holder = _SHARED[key] = SharedIndex(settings, opened)
        elif opened is not None and not holder.loaded:
            holder._index = opened
        return holder


def index_status_html(idx: Any) -> str:
    manifest = getattr(idx, "manifest", {}) or {}
    embedder = (manifest.get("embedder") or {}).get("spec") or "?"
    built = manifest.get("built_at", "")
    districts = idx.districts()
    text = (
        f"索引就绪：{len(idx.documents)} 个文件 · {len(districts)} 个地区"
        f"（{'、'.join(districts)}） · {len(idx.chunks)} 个段落 · 嵌入模型 {embedder}"
        + (f" · 建于 {built}" if built else "")
    )
    return f'<div class="pq-status">{html.escape(text)}</div>'


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


# ----------------------------------------------------------------------------- handlers


@dataclass
class Handlers:
    """The event callbacks, as plain methods over one SharedIndex (gradio calls them; tests
    may too)."""

    settings: Settings
    holder: SharedIndex

    @property
    def turns(self) -> dict[str, Any]:
        """The turn each answer in a chat leaves for a follow-up, by the answer's text."""
        return self.__dict__.setdefault("_turns", {})

    # -- start-up

    def startup(self) -> tuple[str, list, list, list[list[Any]], list]:
        """Status line, filter choices, document table: opens or builds the index. An index
        that cannot be opened (damaged, another embedder's) is said in the status line."""
        try:
            idx = self.holder.get()
        except UserError as exc:
            return error_html(f"索引无法打开：{exc}"), [], [], [], []
        from qa.crosslingual import warm_up_in_background

        warm_up_in_background()  # the dictionary for English questions, off the first answer
        choices = document_choices(idx.documents)
        rows = document_rows(idx.documents, self.holder.chunk_counts())
        status = index_status_html(idx) + stale_notice_html(idx)
        return status, idx.districts(), choices, rows, choices

    # -- 问答

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

    # -- 哪些区提到

    def find_districts(
        self, topic: str | None, level: str | None = "auto"
    ) -> tuple[list[list[Any]], Any, dict[str, Any] | None, str]:
        """(table rows, chart data, report for the detail view, summary or error)."""
        import qa

        try:
            chosen = None if level in (None, "", "auto") else level
            report = qa.districts(topic or "", self.holder.get(), level=chosen)
        except UserError as exc:
            return [], _frame([]), None, error_html(user_message(exc))
        return (
            district_rows(report),
            _frame(district_chart_rows(report)),
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
        return district_evidence_html(report_from_dict(report), district, chunks)

    # -- 文档

    def open_document(self, doc_id: str | None) -> str:
        if not doc_id:
            return info_html("从列表中选择一个文件，按章节阅读它被切分成的段落。")
        try:
            idx = self.holder.get()
        except UserError as exc:
            return error_html(f"索引无法打开：{exc}")
        document = next((d for d in idx.documents if d.doc_id == doc_id), None)
        if document is None:
            return error_html(f"没有编号为 {doc_id} 的文件。")
        return document_html(document, idx.chunks_for(doc_id=doc_id))

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
            return "请先在“阅读文件”中选择要删除的文件。", False
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

    # -- 评测

    def evaluate(
        self,
        source: str,
        upload: str | None,
        baselines: bool = True,
        progress: Callable[[int, int, str], Any] | None = None,
    ) -> tuple[str, Any, Any, Any]:
        """(message, metric table, comparison chart data, failed items)."""
        import eval as planqa_eval

        empty = ({"headers": METRIC_HEADERS, "data": []}, _frame([]), _failed_frame([]))
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
            _frame(comparison_rows(data)),
            _failed_frame(failed),
        )


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


EVAL_SOURCE_BUNDLED = "内置金标准集"
EVAL_SOURCE_UPLOAD = "上传 JSONL 文件"


def report_from_dict(d: dict[str, Any]) -> DistrictReport:
    """A DistrictReport back from its to_dict() form (what the page keeps between events)."""
    from qa.types import DistrictResult, Evidence

    def evidence(e: dict[str, Any]) -> Evidence:
        return Evidence(
            chunk_id=e["chunk_id"],
            doc_id=e["doc_id"],
            title=e["title"],
            section=tuple(e.get("section") or ()),
            quote=e["quote"],
            source=e["source"],
            line_start=e["line_start"],
            line_end=e["line_end"],
            score=float(e.get("score", 0.0)),
            also_in=tuple(SourceSpan(**s) for s in e.get("also_in") or ()),
            page_start=e.get("page_start"),
            page_end=e.get("page_end"),
        )

    return DistrictReport(
        topic=d["topic"],
        districts=tuple(
            DistrictResult(
                r["district"],
                bool(r["mentioned"]),
                float(r["score"]),
                tuple(evidence(e) for e in r.get("evidence") or ()),
            )
            for r in d["districts"]
        ),
        terms=tuple(d.get("terms") or ()),
        level=d.get("level") or "county",
    )


def _frame(rows: list[dict[str, Any]]):
    import pandas as pd

    return pd.DataFrame(rows)


def _failed_frame(rows: list[list[Any]]):
    import pandas as pd

    return pd.DataFrame(rows, columns=FAILED_HEADERS)


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
.pq-table td { border: 1px solid var(--border-color-primary); padding: 0.2em 0.5em; }
#pq-citations { min-height: 2em; }
.pq-hits { margin-top: 0.6em; }
.pq-hits summary { cursor: pointer; color: var(--body-text-color-subdued); }
.pq-hit-list { list-style: none; padding-left: 0; }
.pq-hit { padding: 0.4em 0; border-bottom: 1px dashed var(--border-color-primary); }
.pq-hit-text { line-height: 1.7; }
"""

THEME_FONTS = (
    "PingFang SC",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "system-ui",
    "sans-serif",
)


def upload_explanation() -> str:
    from ui.uploads import MAX_DOCUMENT_BYTES, MAX_FILES_PER_UPLOAD

    return (
        f"上传 {'、'.join(sorted(SUFFIX_FORMATS))} 文件（每个不超过 "
        f"{MAX_DOCUMENT_BYTES // 1024 // 1024} MB，一次最多 {MAX_FILES_PER_UPLOAD} 个），"
        "点击“添加到索引”：文件类型按内容检查，文件保存在应用的数据目录中；"
        "只有新的段落需要嵌入，完成后无需重启即可检索。建索引期间仍可照常提问。"
    )


def build_app(settings: Settings, index: Any = None):
    """The Blocks app for `settings`. `index`: an opened Index to use instead of opening
    settings.index_dir on first use (tests)."""
    import gradio as gr

    from ui import indicators as ui_indicators

    handlers = Handlers(settings, shared_index(settings, index))
    llm_ok = llm_configured(settings)

    with gr.Blocks(
        title=APP_TITLE,
        analytics_enabled=False,
        delete_cache=(3600, UPLOAD_MAX_AGE_S),  # this run's uploads: hourly, after a day
    ) as demo:
        gr.Markdown(
            f"## {APP_TITLE}\n各地规划、政府工作报告、通知等政府文件：带出处的问答、各地区提及情况、原文阅读与评测。"
        )
        status = gr.HTML(info_html("正在打开索引…"), elem_id="pq-status")

        with gr.Tabs():
            with gr.Tab("问答", id="ask"):
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
                            ask_btn = gr.Button(
                                "提问", variant="primary", scale=1, elem_id="pq-ask"
                            )
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
                            label="只看这些文件",
                            elem_id="pq-doc-filter",
                        )
                        use_llm = gr.Checkbox(
                            False,
                            label="生成式回答（大模型）",
                            interactive=llm_ok,
                            info=llm_explanation(settings),
                            elem_id="pq-llm",
                        )
                citations = gr.HTML("", elem_id="pq-citations")

            with gr.Tab("哪些地区提到", id="districts"):
                with gr.Row():
                    topic = gr.Textbox(
                        show_label=False,
                        placeholder="输入主题或问题，例如：氢能 / 哪些区的规划提到了科普基地？",
                        max_length=QUESTION_BOX_MAX_CHARS,
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
                with gr.Row():
                    with gr.Column(scale=3):
                        district_table = gr.Dataframe(
                            headers=DISTRICT_HEADERS,
                            datatype=["str", "str", "number", "str"],
                            interactive=False,
                            wrap=True,
                            label="各地区（全部列出，含未提到的）",
                            elem_id="pq-district-table",
                            column_widths=["16%", "14%", "10%", "60%"],
                        )
                    with gr.Column(scale=2, min_width=260):
                        district_chart = gr.BarPlot(
                            x="地区",
                            y="得分",
                            color="是否提到",
                            color_map={"提到": "#c0392b", "未提到": "#bdc3c7"},
                            title="各地区得分（≥1 表示原文直接提到）",
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
                ui_indicators.build_grid_section(
                    handlers.holder,
                    topic,
                    level,
                    [topic_btn.click, topic.submit],
                    {"concurrency_id": "index-work", "concurrency_limit": CONCURRENCY_LIMIT},
                )

            with gr.Tab("指标对比", id="indicators"):
                ui_indicators.build_tab(
                    handlers.holder,
                    {"concurrency_id": "index-work", "concurrency_limit": CONCURRENCY_LIMIT},
                    settings.indicator_groups,
                )

            with gr.Tab("文档", id="docs"):
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
                        upload_btn = gr.Button(
                            "添加到索引", variant="primary", elem_id="pq-doc-add", scale=1
                        )
                ingest_message = gr.HTML("", elem_id="pq-ingest-message")
                docs_table = gr.Dataframe(
                    headers=DOCUMENT_HEADERS,
                    interactive=False,
                    wrap=True,
                    label="文件（点击一行打开）",
                    elem_id="pq-docs-table",
                    column_widths=["15%", "7%", "30%", "13%", "12%", "7%", "6%", "5%", "5%"],
                    max_height=800,
                )
                with gr.Row(equal_height=True):
                    doc_choice = gr.Dropdown(
                        [],
                        label="阅读文件",
                        allow_custom_value=True,
                        elem_id="pq-doc-choice",
                        scale=5,
                    )
                    delete_btn = gr.Button(
                        "从索引中删除", variant="stop", elem_id="pq-doc-delete", scale=1
                    )
                with gr.Row(visible=False, elem_id="pq-delete-confirm") as confirm_row:
                    confirm_text = gr.HTML("")
                    confirm_btn = gr.Button(
                        "确认删除", variant="stop", elem_id="pq-doc-delete-confirm", scale=0
                    )
                    cancel_btn = gr.Button("取消", elem_id="pq-doc-delete-cancel", scale=0)
                doc_view = gr.HTML(
                    info_html("从列表中选择一个文件，按章节阅读它被切分成的段落。"),
                    elem_id="pq-doc-view",
                )

            with gr.Tab("评测", id="eval"):
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

        # -- wiring

        def startup(progress=gr.Progress(track_tqdm=True)):  # noqa: B008 - gradio injects it
            progress(0, desc="正在打开索引（首次使用时会先建立索引）…")
            status_html, districts, choices, rows, doc_choices = handlers.startup()
            return (
                status_html,
                gr.update(choices=districts),
                gr.update(choices=choices),
                rows,
                gr.update(choices=doc_choices),
            )

        demo.load(
            startup,
            None,
            [status, district_filter, doc_filter, docs_table, doc_choice],
            api_visibility="private",
            show_progress_on=[status],  # one build progress bar, in the status line
        )

        ask_inputs = [question, chatbot, district_filter, doc_filter, use_llm]
        ask_outputs = [chatbot, citations, question]
        # gradio limits concurrency per event; one id makes every event that searches the
        # index share a single limit, so asking and district reports together stay at it
        work = {"concurrency_id": "index-work", "concurrency_limit": CONCURRENCY_LIMIT}
        ask_btn.click(handlers.ask, ask_inputs, ask_outputs, api_name="ask", **work)
        question.submit(handlers.ask, ask_inputs, ask_outputs, api_visibility="private", **work)
        examples.click(lambda sample: sample[0], examples, question, api_visibility="private").then(
            handlers.ask, ask_inputs, ask_outputs, api_visibility="private", **work
        )
        clear_btn.click(
            lambda: ([], "", ""), None, [chatbot, citations, question], api_visibility="private"
        )

        def in_given_order(frame, x: str):
            """The chart's bars in the rows' order (gradio sorts x alphabetically)."""
            return gr.update(value=frame, sort=list(frame[x]) if len(frame) else None)

        def find_districts(topic_text, level_value="auto"):
            rows, chart, report, message = handlers.find_districts(topic_text, level_value)
            return rows, in_given_order(chart, "地区"), report, message

        find_outputs = [district_table, district_chart, report_state, district_message]
        finder_inputs = [topic, level]
        topic_btn.click(
            find_districts, finder_inputs, find_outputs, api_name="districts", **work
        ).then(
            lambda: (None, info_html("点击表格中的一行查看该区县的全部证据。")),
            None,
            [selected_district, district_detail],
            api_visibility="private",
        )
        topic.submit(find_districts, finder_inputs, find_outputs, api_visibility="private", **work)
        topic_examples.click(lambda s: s[0], topic_examples, topic, api_visibility="private").then(
            find_districts, finder_inputs, find_outputs, api_visibility="private", **work
        )

        def select_district(report, evt: gr.SelectData):
            row = evt.row_value or []
            district = row[0] if row else None
            return district, handlers.district_detail(report, district)

        district_table.select(
            select_district,
            report_state,
            [selected_district, district_detail],
            api_visibility="private",
        )

        def select_document(evt: gr.SelectData):
            row = evt.row_value or []
            return row[0] if row else None

        docs_table.select(select_document, None, doc_choice, api_visibility="private")
        doc_choice.change(handlers.open_document, doc_choice, doc_view, api_name="document")

        # -- adding and deleting documents: one change at a time; visitors keep the old index
        # until the new one is open

        ingest_outputs = [
            ingest_message,
            status,
            district_filter,
            doc_filter,
            docs_table,
            doc_choice,
        ]

        def after_change(message: str, changed: bool, clear_choice: bool = False) -> tuple:
            """The page after an upload or deletion: on success everything that lists documents
            is refreshed from the new index; on failure only the message changes."""
            if not changed:
                return (error_html(message), *(gr.update() for _ in ingest_outputs[1:]))
            status_html, districts, choices, rows, _ = handlers.startup()
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
                    error_html("请先在“阅读文件”中选择要删除的文件。"),
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
        max_file_size=max(MAX_UPLOAD_BYTES, uploads.MAX_DOCUMENT_BYTES),
        ssr_mode=False,
        prevent_thread_lock=prevent_thread_lock,
        quiet=quiet,
        show_error=False,  # unexpected errors show a generic message, not internals
        footer_links=["api"],
        theme=gr.themes.Soft(primary_hue="red", neutral_hue="slate", font=list(THEME_FONTS)),
        css=CSS,
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="app.py", description=f"{APP_TITLE}: the web UI")
    parser.add_argument("--host", default=None, help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=None, help="port (default 7860)")
    args = parser.parse_args(argv)
    try:
        from corpus.settings import load_settings

        return serve(load_settings(host=args.host, port=args.port))
    except UserError as exc:
        print(f"planqa: error: {exc.both()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
