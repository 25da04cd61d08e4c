"""The 文档 tab's reader and the status line, as pure rendering (no server): one document read
once in source order with an outline, the cited lines marked, and the status line counting
files and documents apart."""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import replace
from datetime import datetime
from types import SimpleNamespace

import pytest
from records_support import document

from corpus.model import Chunk, LineSegment
from corpus.text import split_sentences
from ui import common, documents, reader, shell


def chunk(cid, section, text, start, end, line_map=(), kind="text") -> Chunk:
    return Chunk(
        cid, "d1", section, kind, text, start, end, "綦江区", "规划", "d1.txt", line_map=line_map
    )


def text_of(fragment: str) -> str:
    """What a person reads in an HTML fragment: tags dropped."""
    return re.sub(r"<[^>]+>", "", fragment)


# --- reading a document once, in source order ------------------------------------------


def test_overlapping_chunks_show_their_shared_sentence_once():
    first = chunk("c1", ("一",), "甲句。乙句。", 3, 4)
    second = chunk("c2", ("一",), "乙句。丙句。", 4, 5)
    body = text_of(reader.document_html(document(), [first, second]))
    assert body.count("乙句。") == 1
    assert body.index("甲句。") < body.index("乙句。") < body.index("丙句。")


def test_chunks_that_only_look_alike_keep_their_text():
    # the same words in chunks whose lines do not overlap are two places in the text
    first = chunk("c1", ("一",), "甲句。乙句。", 3, 4)
    second = chunk("c2", ("一",), "乙句。丙句。", 8, 9)
    assert text_of(reader.document_html(document(), [first, second])).count("乙句。") == 2


def test_chunks_are_read_in_source_order():
    later = chunk("c1", ("二",), "后文。", 20, 21)
    earlier = chunk("c2", ("一",), "前文。", 3, 4)
    body = text_of(reader.document_html(document(), [later, earlier]))
    assert body.index("前文。") < body.index("后文。")


def test_a_bundled_document_shows_each_overlap_sentence_once(documents_and_chunks):
    """A real document of the bundled corpus: a sentence that two of its chunks hold (the
    overlap chunking repeats) is read once, and the rest of the text is all there."""
    docs, chunks = documents_and_chunks
    found = None
    for d in docs:
        own = [c for c in chunks if c.doc_id == d.doc_id and c.kind == "text"]
        for a, b in itertools.pairwise(own):
            shared = [s for s in split_sentences(b.text) if len(s) > 15 and s in a.text]
            if shared and b.line_start <= a.line_end:
                found = (d, own, shared[0])
                break
        if found:
            break
    assert found, "the bundled corpus has overlapping chunks"
    d, own, sentence = found
    body = text_of(reader.document_html(d, own))
    assert body.count(html_escaped(sentence)) == 1
    for c in own:  # every sentence of the document is still shown
        for s in split_sentences(c.text):
            assert html_escaped(s.strip()) in body


def html_escaped(text: str) -> str:
    import html

    return html.escape(text)


@pytest.fixture(scope="module")
def documents_and_chunks():
    import corpus

    docs = corpus.load()
    return docs, corpus.chunk(docs)


# --- the outline -----------------------------------------------------------------------


def test_outline_links_to_every_section_as_a_tree():
    chunks = [
        chunk("c0", (), "前言。", 1, 1),
        chunk("c1", ("第一章",), "第一段。", 3, 4),
        chunk("c2", ("第一章", "第一节"), "第二段。", 5, 6),
        chunk("c3", ("第一章", "第二节"), "第三段。", 7, 8),
        chunk("c4", ("第二章",), "第四段。", 9, 10),
    ]
    page = reader.document_html(document(), chunks)
    outline = re.search(r'<nav class="pq-outline".*?</nav>', page, re.DOTALL)
    assert outline, "a document with sections has an outline"
    links = re.findall(r'<a href="#([^"]+)"[^>]*>([^<]+)</a>', outline.group(0))
    assert [text for _, text in links] == ["第一章", "第一节", "第二节", "第二章"]
    for anchor, _ in links:  # each link jumps to a heading in the document
        assert re.search(rf'<h\d class="pq-doc-section" id="{anchor}"', page)
    # the tree: the sections sit inside their chapter's list
    nested = outline.group(0)
    assert (
        nested.index("第一章")
        < nested.index("<ul", nested.index("第一章"))
        < nested.index("第一节")
    )


def test_a_section_opened_by_a_deeper_path_still_gets_its_parent_in_the_outline():
    chunks = [chunk("c1", ("第一章", "第一节"), "第一段。", 3, 4)]
    page = reader.document_html(document(), chunks)
    outline = re.search(r'<nav class="pq-outline".*?</nav>', page, re.DOTALL).group(0)
    assert [t for t in re.findall(r">([^<>]+)</a>", outline)] == ["第一章", "第一节"]


# --- the cited lines -------------------------------------------------------------------


def test_cited_lines_are_marked_and_nothing_else():
    text = "甲句在第三行。乙句在第四行。"
    c = chunk("c1", ("一",), text, 3, 4, line_map=(LineSegment(0, 3, 3), LineSegment(7, 4, 4)))
    page = reader.document_html(document(), [c], cited=(4, 4))
    marked = re.findall(r'<mark class="pq-cited"[^>]*>(.*?)</mark>', page)
    assert marked == ["乙句在第四行。"]
    assert 'id="pq-cited"' in page  # the first mark is where the page scrolls to


def test_a_cited_chunk_without_a_line_map_is_marked_whole():
    c = chunk("c1", ("一",), "全段。", 3, 4)
    other = chunk("c2", ("一",), "别段。", 9, 9)
    page = reader.document_html(document(), [c, other], cited=(4, 4))
    assert re.findall(r'<mark class="pq-cited"[^>]*>(.*?)</mark>', page) == ["全段。"]


def test_the_cited_rows_of_a_table_are_marked():
    text = "表1 指标\n指标 | 2025\n企业数 | 200\n专利数 | 50"
    starts = (0, 6, 16, 26)  # where each line of the text starts
    lines = tuple(LineSegment(at, 3 + i, 3 + i) for i, at in enumerate(starts))
    c = chunk("c1", ("一",), text, 3, 6, line_map=lines, kind="table")
    page = reader.document_html(document(), [c], cited=(5, 5))
    rows = re.findall(r'<tr class="pq-cited"[^>]*>(.*?)</tr>', page)
    assert [text_of(r) for r in rows] == ["企业数200"]


def table_chunk(header, rows, caption="表1 主要指标", notes=()):
    """A table chunk laid out as the chunker lays one out: caption, header, one rendered
    row per line, notes; each line on its own source line from 3 on, rows stored."""
    from corpus.model import TableCells
    from corpus.tables import render_row

    lines = [caption, " | ".join(header), *(render_row(header, r) for r in rows), *notes]
    starts = list(itertools.accumulate((len(x) + 1 for x in lines[:-1]), initial=0))
    line_map = tuple(LineSegment(at, 3 + i, 3 + i) for i, at in enumerate(starts))
    c = chunk("c1", ("一",), "\n".join(lines), 3, 2 + len(lines), line_map, kind="table")
    return replace(c, rows=tuple(TableCells(header, r) for r in rows))


def cells_of(page: str, tag: str = "td") -> list[list[str]]:
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", page)
    return [re.findall(rf"<{tag}>(.*?)</{tag}>", r) for r in rows if f"<{tag}>" in r]


def test_a_table_is_drawn_from_its_stored_rows_not_from_its_text():
    """The text form of a row leads with the name, drops 序号 and writes "header: cell";
    a cell may hold "|". The table shows the cells column by column under the header (the
    old drawing split the text on "|": "R|D", "2025: 3" as cells)."""
    header = ("序号", "指标", "2020", "2025")
    rows = (("1", "R|D投入强度（%）", "2.1", "3"), ("2", "专利数<件>", "", "50"))
    page = reader.document_html(document(), [table_chunk(header, rows, notes=("注：预期性",))])
    assert cells_of(page, "th") == [list(header)]
    assert cells_of(page) == [
        ["1", "R|D投入强度（%）", "2.1", "3"],
        ["2", "专利数&lt;件&gt;", "", "50"],
    ]
    assert "<caption>表1 主要指标</caption>" in page and "注：预期性" in text_of(page)


def test_a_table_drawn_from_rows_marks_the_cited_row():
    header = ("指标", "2025")
    rows = (("企业数", "200"), ("专利数", "50"))
    page = reader.document_html(document(), [table_chunk(header, rows)], cited=(6, 6))
    marked = re.findall(r'<tr class="pq-cited"[^>]*>(.*?)</tr>', page)
    assert [re.findall(r"<td>(.*?)</td>", r) for r in marked] == [["专利数", "50"]]


def test_every_bundled_table_is_drawn_from_its_rows(documents_and_chunks):
    """Each table chunk of the bundled corpus has its rows stored and is drawn from them:
    one body row per stored row, its cells in order."""
    _, chunks = documents_and_chunks
    tables = [c for c in chunks if c.kind == "table"]
    assert tables and all(c.rows for c in tables)
    for c in tables:
        drawn = cells_of(reader._table_html(c))
        assert drawn == [[html.escape(v) for v in r.cells] for r in c.rows], c.chunk_id


# --- a citation opens its document ---------------------------------------------------


def test_a_citation_card_links_to_its_document_at_the_quoted_lines():
    from qa.types import Citation
    from ui import ask

    c = Citation(1, "c1", "d#2", "规划", "綦江区", ("一",), "引文。", "d.txt", 41, 43)
    card = ask.citation_card_html(c)
    link = re.search(r'<a class="pq-open-doc"[^>]*>在文档中查看</a>', card)
    assert link and 'data-doc="d#2"' in link.group(0) and 'data-lines="41-43"' in link.group(0)


@pytest.mark.parametrize(
    ("request_text", "parsed"),
    [
        ("d#2|41-43", ("d#2", 41, 43)),
        ("d|7", ("d", 7, 7)),
        ("d|9-3", ("d", 9, 9)),
        ("|4-5", None),
        ("d|", None),
        ("", None),
    ],
)
def test_open_requests_are_read_or_refused(request_text, parsed):
    assert reader.parse_open_request(request_text) == parsed


def test_opening_a_citation_marks_its_lines_in_its_document():
    text = "甲句在第三行。乙句在第四行。"
    c = chunk("c1", ("一",), text, 3, 4, line_map=(LineSegment(0, 3, 3), LineSegment(7, 4, 4)))
    idx = SimpleNamespace(documents=[document()], chunks_for=lambda doc_id=None: [c])
    handlers = documents.DocumentHandlers(None, SimpleNamespace(get=lambda: idx))
    doc_id, cited, page = handlers.open_citation("d1|3-3")
    assert (doc_id, cited) == ("d1", ("d1", 3, 3))
    assert re.findall(r'<mark class="pq-cited"[^>]*>(.*?)</mark>', page) == ["甲句在第三行。"]
    # the marks follow their document: another document opened with them marks nothing
    assert "pq-cited" not in handlers.open_document("d1", ("d9", 3, 3))
    assert "pq-error" in handlers.open_citation("")[2]


# --- the status line -------------------------------------------------------------------


def fake_index(docs, built_at="2026-11-30T10:40:00+00:00"):
    return SimpleNamespace(
        documents=docs,
        chunks=[object()] * 7,
        manifest={"embedder": {"spec": "e5"}, "built_at": built_at},
        districts=lambda: sorted({d.district for d in docs if d.district}),
    )


def test_status_line_counts_files_and_documents_apart():
    docs = [
        document("a#1", source="a.txt"),
        document("a#2", source="a.txt"),
        document("b", source="b.txt"),
    ]
    status = text_of(shell.index_status_html(fake_index(docs)))
    assert "2 个文件" in status and "3 篇文档" in status
    assert "3 个文件" not in status


def test_build_time_is_a_chinese_local_date_time():
    built = "2026-11-30T10:40:00+00:00"
    local = datetime.fromisoformat(built).astimezone()
    expected = f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"
    status = text_of(shell.index_status_html(fake_index([document()], built)))
    assert f"建于 {expected}" in status
    assert "T10:40" not in status and "+00:00" not in status


def test_every_document_type_of_the_bundled_corpus_has_a_chinese_name(documents_and_chunks):
    docs, _ = documents_and_chunks
    for d in docs:
        name = common.DOC_TYPE_NAMES.get(d.doc_type, "")
        assert re.search(r"[\u4e00-\u9fff]", name), d.doc_type
