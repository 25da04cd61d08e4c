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
        lines = _blocks(main if main is not None else root)
    meta = trafilatura.extract_metadata(html)
    title = (meta.title or "").strip() if meta is not None else ""
    date = (meta.date or "").strip() if meta is not None else ""
    if title and not any(title in x for x in lines[:5]):
        lines.insert(0, "# " + title)
    return SourceText(
        path.name,
        path.resolve(),
        encoding,
        tuple(lines),
        format="html",
        title_hint=title or None,
        date_hint=date or None,
    )
