"""Web pages (.html/.htm) as numbered lines: the article, without the site's chrome.

trafilatura (Apache-2.0) finds the article body and leaves out navigation, breadcrumbs, share
links, related links and the footer. Line N is the N-th block of that body in order: a
paragraph, a list item, a heading (as a markdown heading `## …`), or a table line (tables are
written as markdown tables: header row, `|---|` line, one line per row, for corpus.tables).
The page's title (its article-title meta, <h1> or <title>) opens the lines as a heading when
the body does not repeat it, and is the title hint; the publication date is the date hint.
Line numbers count lines of the extracted article, not of the HTML source.
"""

from __future__ import annotations

import re
from pathlib import Path

from corpus.formats.markdown import table_lines
from corpus.reading import SourceText, decode


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _table_lines(table) -> list[str]:
    return table_lines([[_text(c) for c in row.iterchildren("cell")] for row in table.iter("row")])


def _blocks(el) -> list[str]:
    """The lines of trafilatura's XML body, in document order."""
    out: list[str] = []
    for child in el.iterchildren():
        tag = child.tag
        if tag == "table":
            out.extend(_table_lines(child))
        elif tag == "head":
            level = int((child.get("rend") or "h2").lstrip("h") or 2)
            text = _text(child)
            if text:
                out.append("#" * max(1, min(level, 6)) + " " + text)
        elif tag in ("list", "quote", "div", "main"):
            out.extend(_blocks(child))
        elif tag in ("p", "item", "code", "cell"):
            # a paragraph holding a nested list keeps its own words on one line
            nested = [c for c in child.iterchildren() if c.tag in ("list", "table")]
            if nested:
                own = (child.text or "").strip()
                if own:
                    out.append(own)
                out.extend(_blocks(child))
            else:
                text = _text(child)
                if text:
                    out.append(text)
        elif tag in ("lb",):
            continue
        else:
            text = _text(child)
            if text:
                out.append(text)
    return out


_BREADCRUMB = re.compile(r"^(?:您当前的位置|当前位置)[:：]")
_HEADING_TAGS = {f"h{i}": i for i in range(1, 7)}
_BLOCK_TAGS = {"p", "li", "td", "th", "dd", "dt", "pre", "blockquote"}


def _restore_headings(html: str, lines: list[str]) -> list[str]:
    """The extracted lines with the page's <h1>–<h6> put back where they stand. trafilatura
    sometimes keeps a page's paragraphs and drops its headings (when it cannot find the
    article's container); a heading of the page that stands between two extracted
    paragraphs belongs to the article, and goes back in before the paragraph after it."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return lines
    position = {x: i for i, x in reversed(list(enumerate(lines)))}  # first line of a text
    kept = {x.lstrip("# ") for x in lines}
    before: dict[int, list[str]] = {}  # line index -> headings to put before it
    pending: list[str] = []
    seen_kept = False
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        text = " ".join(el.text_content().split())
        if not text:
            continue
        if el.tag in _HEADING_TAGS:
            if seen_kept and text not in kept:
                pending.append("#" * _HEADING_TAGS[el.tag] + " " + text)
        elif el.tag in _BLOCK_TAGS and text in position:
            seen_kept = True
            before.setdefault(position[text], []).extend(pending)
            pending = []
    out: list[str] = []
    for i, line in enumerate(lines):
        out.extend(before.get(i, ()))
        out.append(line)
    return out


def read_html(path: Path, data: bytes | None = None) -> SourceText:
    """The article lines of a web page (see the module docstring)."""
    import trafilatura
    from lxml import etree

    raw = data if data is not None else path.read_bytes()
    decoded = decode(raw)
    html, encoding = decoded if decoded is not None else (raw.decode("utf-8", "replace"), "utf-8")
    xml = trafilatura.extract(
        html,
        output_format="xml",
        include_tables=True,
        include_formatting=True,
        include_comments=False,
        include_links=False,
        include_images=False,
        favor_recall=True,
        deduplicate=False,
    )
    lines: list[str] = []
    if xml:
        root = etree.fromstring(xml.encode("utf-8"))
        main = root.find("main")
        lines = _restore_headings(html, _blocks(main if main is not None else root))
    meta = trafilatura.extract_metadata(html)
    title = (meta.title or "").strip() if meta is not None else ""
    date = (meta.date or "").strip() if meta is not None else ""
    if title and not any(title in x for x in lines[:5]):
        # below a breadcrumb trafilatura kept (您当前的位置：…), which is the site's, not the text's
        at = next((i for i, x in enumerate(lines[:5]) if _BREADCRUMB.match(x)), -1) + 1
        lines.insert(at, "# " + title)
    return SourceText(
        path.name,
        path.resolve(),
        encoding,
        tuple(lines),
        format="html",
        title_hint=title or None,
        date_hint=date or None,
    )
