"""Human-readable output of answers and district reports (rich), for the CLI."""

from __future__ import annotations

import re
from collections.abc import Iterable

from qa.types import Answer, Citation, DistrictReport, page_label

_MARKER = re.compile(r"\[(\d+)\]")
PASSAGE_CHARS = 400  # of a search hit, in human output only; --json carries the whole text


def _console(stderr: bool = False):
    """The console every human-readable output of the CLI is printed on."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # rich exits 1 here; a reader that has gone (`planqa … | head`) is no error, and
            # cli.main handles it for print() and rich alike
            raise BrokenPipeError

    return _Console(highlight=False, stderr=stderr)


def _where(title: str, section: Iterable[str]) -> str:
    section = list(section)
    # a plan printed inside its cover notice: name the plan, not "关于印发…的通知"
    if section and "印发" in title and section[0] in title:
        title, section = section[0], section[1:]
    path = " › ".join(section)
    return f"《{title}》" + (f" › {path}" if path else "")


def _span(
    source: str, start: int, end: int, page_start: int | None = None, page_end: int | None = None
) -> str:
    """file:41-43, or file 第3页:41-43 for a PDF passage (the page as well as the lines)."""
    page = page_label(page_start, page_end)
    where = f"{source} {page}" if page else source
    return f"{where}:{start}-{end}" if end != start else f"{where}:{start}"


def _citation_parts(c: Citation) -> tuple[str, str, str]:
    """([n], where the passage stands, its quote)."""
    spans = [_span(c.source, c.line_start, c.line_end, c.page_start, c.page_end)]
    spans += [_span(s.source, s.line_start, s.line_end) for s in c.also_in]
    district = f"{c.district} " if c.district else ""
    return f"[{c.n}]", f"{district}{_where(c.title, c.section)}  ({'; '.join(spans)})", c.quote


def citation_lines(citations: Iterable[Citation]) -> list[str]:
    out = []
    for c in citations:
        marker, where, quote = _citation_parts(c)
        out.append(f"{marker} {where}")
        out.append(f"    “{quote}”")
    return out


INDENT = 4  # where the text of an entry (a hit, a citation) starts, its head's marker before it


def hanging(head, body):
    """`head` then `body`; the lines `body` wraps onto start under its first character (at
    least INDENT columns in), not at the margin. Both are str (printed as is) or rich Text."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, min_width=INDENT - 1)
    grid.add_column(overflow="fold")
    grid.add_row(
        head if isinstance(head, Text) else Text(head),
        body if isinstance(body, Text) else Text(body),
    )
    return grid


def indented(body, bottom: int = 0):
    """`body` with every line, wrapped ones too, INDENT columns in."""
    from rich.padding import Padding
    from rich.text import Text

    return Padding(body if isinstance(body, Text) else Text(body), (0, 0, bottom, INDENT))


def print_answer(answer: Answer, streamed: bool = False) -> None:
    """The answer (unless it was already streamed), its notice, and its citations."""
    from rich.text import Text

    console = _console()
    if answer.notice:
        _console(stderr=True).print(f"[yellow]{answer.notice}[/yellow]")
    if not streamed:
        text = Text(answer.answer)
        text.highlight_regex(_MARKER.pattern, "bold cyan")
        console.print(text)
    if answer.district_report is not None:
        console.print()
        print_report(answer.district_report, evidence=False)
    if answer.citations and not answer.abstained:
        console.print()
        console.print("[bold]出处[/bold]")
        for c in answer.citations:
            marker, where, quote = _citation_parts(c)
            console.print(hanging(marker, where))
            console.print(indented(f"“{quote}”"))
    elif answer.citations:  # the nearest passages are quoted in the answer: where they stand
        console.print()
        for c in answer.citations:
            spans = [_span(c.source, c.line_start, c.line_end, c.page_start, c.page_end)]
            spans += [_span(s.source, s.line_start, s.line_end) for s in c.also_in]
            console.print(hanging(f"[{c.n}]", "; ".join(spans)))


SCORE_LEGEND = (
    "提及段落：含主题词或同义词的段落数（仅语义相近时为达到阈值的段落数）；"
    "得分：最佳证据句与主题的语义相似度（余弦，0–1），原文出现主题词时加 1，≥1 即原文提到。"
)


def print_report(report: DistrictReport, evidence: bool = True) -> None:
    """The places of a districts report, mentioned first (DistrictReport.ranked), with
    their mentions, score and evidence, and a line saying what the numbers mean."""
    from rich.table import Table
    from rich.text import Text

    console = _console()
    terms = "、".join(report.terms) if report.terms else report.topic
    table = Table(title=f"“{report.topic}”（匹配词：{terms}）", show_lines=evidence)
    table.add_column(report.level_name, no_wrap=True)
    table.add_column("提到", justify="center")
    table.add_column("提及段落", justify="right")
    table.add_column("得分", justify="right")
    if evidence:
        table.add_column("证据")
    for r in report.ranked():
        row = [
            r.district,
            "[green]是[/green]" if r.mentioned else "[dim]否[/dim]",
            str(r.mentions),
            f"{r.score:.3f}",
        ]
        if evidence:
            lines = []
            for e in r.evidence[: 3 if r.mentioned else 1]:
                prefix = "" if r.mentioned else "（最接近）"
                lines.append(
                    f"{prefix}“{e.quote}”\n  — {_where(e.title, e.section)} "
                    f"({_span(e.source, e.line_start, e.line_end, e.page_start, e.page_end)})"
                )
            row.append("\n".join(lines) or "—")
        table.add_row(*row)
    console.print(table)
    console.print(Text(SCORE_LEGEND, style="dim"))


def print_compare(report: DistrictReport) -> None:
    from rich.columns import Columns
    from rich.panel import Panel
    from rich.text import Text

    console = _console()
    console.print(f"[bold]“{report.topic}”[/bold]  匹配词：{'、'.join(report.terms)}")
    panels = []
    for r in report.districts:
        body = []
        for e in r.evidence:
            body.append(
                f"“{e.quote}”\n[dim]{_where(e.title, e.section)} "
                f"({_span(e.source, e.line_start, e.line_end, e.page_start, e.page_end)})[/dim]"
            )
        did, did_not = report.verb
        head = f"{did}（{r.mentions} 段）" if r.mentioned else f"{did_not}（最接近的段落）"
        panels.append(
            Panel("\n\n".join(body) or "—", title=f"{r.district} · {head} · {r.score:.3f}")
        )
    console.print(Columns(panels, equal=True, expand=True))
    console.print(Text(SCORE_LEGEND, style="dim"))


def print_indicators(table) -> None:
    """One rich table per indicator: place, baseline, target, unit, source, conflicts."""
    from rich.markup import escape
    from rich.table import Table

    console = _console()
    for note in table.notes:
        _console(stderr=True).print(f"[yellow]{escape(note)}[/yellow]")
    for row in table.rows:
        title = f"{row.label}（{row.unit}）" if row.unit else row.label
        t = Table(title=escape(title), show_lines=True, title_justify="left")
        for col in ("地区", "基期", "目标", "出处"):
            t.add_column(col, no_wrap=col in ("地区", "基期", "目标"))
        for c in row.cells:
            b, g = c.baseline, c.target
            base = f"{b.display()}（{b.year}）" if b and b.year else (b.display() if b else "—")
            goal = f"{g.display()}（{g.year}）" if g and g.year else (g.display() if g else "—")
            i = c.indicator
            where = f"{i.name} — {_where(i.title, i.section[:1])} ({_span(i.source, i.line_start, i.line_end)})"
            if c.agreeing:
                where += "；一致：" + "，".join(
                    _span(x.source, x.line_start, x.line_end) for x in c.agreeing
                )
            where = escape(where)
            for x in c.conflicts:
                label = "[red]不一致[/red]" if x.kind == "value" else "表述不同"
                span = _span(x.indicator.source, x.indicator.line_start, x.indicator.line_end)
                where += (
                    f"\n{label}：{escape(x.indicator.name)} {x.year or ''} 为 "
                    f"{escape(x.value)}（{escape(span)}）"
                )
            t.add_row(escape(c.place), escape(base), escape(goal), where)
        console.print(t)
        grouped = [f"{n}（{w}）" for n, w in row.reasons]
        if grouped:
            console.print("  合并的名称：" + "；".join(grouped), markup=False)
    if not table.rows:
        console.print("没有找到指标。", markup=False)


def print_grid(grid) -> None:
    """Places × topics: 是/否 and the best sentence of each cell."""
    from rich.markup import escape
    from rich.table import Table

    t = Table(title="、".join(grid.topics), show_lines=True, title_justify="left")
    t.add_column("地区", no_wrap=True)
    for topic in grid.topics:
        t.add_column(escape(topic))
    for p in grid.places:
        cells = []
        for topic in grid.topics:
            c = grid.cell(p, topic)
            e = c.evidence
            mark = "[green]是[/green]" if c.mentioned else "[dim]否[/dim]"
            if e is not None:
                quote = e.quote if len(e.quote) <= 60 else e.quote[:59] + "…"
                prefix = "" if c.mentioned else "（最接近）"
                mark += f"\n{escape(prefix + '“' + quote + '”')}\n{escape(_span(e.source, e.line_start, e.line_end))}"
            cells.append(mark)
        t.add_row(escape(p), *cells)
    _console().print(t)
    both = grid.places_mentioning_all()
    _console().print(f"都提到的地区：{'、'.join(both) if both else '无'}", markup=False)


def print_hits(query: str, hits) -> None:
    """Ranked passages: rank, score, district and title, then section, lines and the passage
    with the query's words highlighted, each under the same indent."""
    from rich.text import Text

    from index import tokenize
    from qa.types import page_label

    console = _console()
    if not hits:
        console.print("no results", markup=False)
        return
    terms = sorted(
        {t for t in tokenize(query) if len(t) > 1 or not t.isascii()}, key=len, reverse=True
    )
    for hit in hits:
        c = hit.chunk
        head = Text()
        head.append(f"{hit.score:.4f}  ", style="cyan")
        head.append(f"{c.district or '-'}  ", style="green")
        head.append(c.title, style="bold")
        console.print(hanging(Text(f"{hit.rank:>2}.", style="bold"), head))
        if c.section:
            console.print(indented(Text(" > ".join(c.section), style="dim")))
        page = page_label(c.page_start, c.page_end)
        sources = ", ".join(
            f"{s.source}{' ' + page if page and k == 0 else ''}:{s.line_start}-{s.line_end}"
            for k, s in enumerate(c.sources)
        )
        console.print(indented(Text(sources, style="dim")))
        passage = c.text if len(c.text) <= PASSAGE_CHARS else c.text[:PASSAGE_CHARS] + "…"
        body = Text(passage)
        for term in terms:
            body.highlight_words([term], style="bold yellow", case_sensitive=False)
        console.print(indented(body, bottom=1))
