"""Quotes placed on their exact source lines (Chunk.line_map, corpus.quote_lines), on the
real bundled corpus: every sentence of every prose chunk, every table row, and the quote
forms an answer uses (trimmed with "…", list items joined with "；", another width)."""

from __future__ import annotations

import itertools
import json
import re

import pytest

import corpus
from corpus import LineSegment, quote_lines
from corpus.model import Chunk
from corpus.text import clean_line, hash_key, split_sentences

GAZETTE = "003_3bc941a8174c68f0"
DADUKOU = "002_3865beef763800ed"


@pytest.fixture(scope="module")
def source_text(documents):
    """key(cleaned text) of source lines a..b of a chunk's file, lines the ledger says went
    into no chunk (a page number, a table of contents between two paragraphs) left out."""
    fates = corpus.account().fates
    by_id = {d.doc_id: d for d in documents}

    def text(chunk: Chunk, a: int, b: int) -> str:
        doc = by_id[chunk.doc_id]
        return key(
            "".join(
                clean_line(doc.lines[n - doc.line_start])
                for n in range(a, b + 1)
                if fates.get((chunk.source, n)) == "chunk"
            )
        )

    return text


def key(text: str) -> str:
    """The cleaning normalisation (hash_key: NFKC, no whitespace) without punctuation: page
    metadata `[ 发文字号 ] | … |` reads `发文字号: …` in a chunk."""
    return re.sub(r"[\W_]+", "", hash_key(text))


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def test_every_prose_sentence_maps_to_the_lines_holding_it(chunks, source_text):
    """Each line of each sentence of each text chunk: the returned lines hold it, and no
    fewer lines do (so a span is never the whole chunk's unless the text needs it)."""
    checked = multi_line = 0
    for c in chunks:
        if c.kind != "text":
            continue
        assert c.line_map, c.chunk_id
        for sentence in split_sentences(c.text):
            for part in sentence.split("\n"):
                if not key(part):
                    continue
                a, b = quote_lines(c, part)
                assert c.line_start <= a <= b <= c.line_end, (c.chunk_id, part)
                assert key(part) in source_text(c, a, b), (c.source, a, b, part)
                if a < b:  # a page break cut the sentence: both ends are needed
                    multi_line += 1
                    assert key(part) not in source_text(c, a, b - 1), (c.source, a, b, part)
                    assert key(part) not in source_text(c, a + 1, b), (c.source, a, b, part)
                checked += 1
    assert checked > 1500
    assert 0 < multi_line < 0.05 * checked


def test_a_sentence_over_several_chunk_lines_spans_their_lines(chunks):
    c = next(c for c in chunks if c.kind == "text" and c.text.count("\n") >= 3)
    lines = [x for x in c.text.split("\n") if x.strip()]
    first, last = quote_lines(c, lines[0]), quote_lines(c, lines[-1])
    assert first[0] < last[1]
    assert quote_lines(c, "\n".join(lines)) == (first[0], last[1])


def test_quote_forms_of_answers_find_the_same_lines(chunks):
    """Trimmed to clauses with "…", full-width, items without their numbering joined
    with "；": the same lines as the text they were made from."""
    trimmed = widened = listed = 0
    for c in chunks:
        if c.kind != "text":
            continue
        text_lines = c.text.split("\n")
        starts = [0]
        for line in text_lines:
            starts.append(starts[-1] + len(line) + 1)
        # the lines of each chunk-text line, by offset (a short line may also stand earlier)
        own = [c.source_lines(a, b - 1) for a, b in itertools.pairwise(starts)]
        for line, whole in zip(text_lines, own, strict=True):
            for sentence in split_sentences(line):
                clauses = [x for x in re.split(r"(?<=[，,])", sentence) if x]
                if len(clauses) >= 3 and len(clauses[0]) >= 6 and len(clauses[-1]) >= 6:
                    quote = clauses[0].rstrip("，,") + "…" + clauses[-1].rstrip("。；;")
                    got = quote_lines(c, quote)
                    assert got == quote_lines(c, sentence), (c.chunk_id, quote)
                    assert whole[0] <= got[0] <= got[1] <= whole[1]
                    trimmed += 1
                # (a sentence that, normalised, stands twice in the chunk may match either)
                if len(key(sentence)) >= 6 and key(c.text).count(key(sentence)) == 1:
                    assert quote_lines(c, _full_width(sentence)) == quote_lines(c, sentence)
                    widened += 1
        items = [
            re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）.、．]\s*", "", x) for x in text_lines
        ]
        heads = [split_sentences(x)[0].rstrip("。；;：:") if x.strip() else "" for x in items]
        for k in range(len(heads) - 2):
            if all(len(h) >= 4 for h in heads[k : k + 3]):
                got = quote_lines(c, "；".join(heads[k : k + 3]))
                # from the first item's lead to the end of the third's, found by offset
                at = [starts[j] + text_lines[j].find(heads[j]) for j in (k, k + 2)]
                want = (
                    c.source_lines(at[0], at[0] + len(heads[k]))[0],
                    c.source_lines(at[1], at[1] + len(heads[k + 2]))[1],
                )
                assert got == want, (c.chunk_id, heads[k : k + 3])
                listed += 1
    assert trimmed > 300 and widened > 1000 and listed > 100


def _rows(c: Chunk) -> list[str]:
    return [x for x in c.text.split("\n")[2:] if " | " in x]


def test_every_table_row_maps_to_the_lines_of_its_cells(chunks, source_text):
    rows = 0
    for c in chunks:
        if c.kind != "table":
            continue
        for row in _rows(c):
            name, *cells = row.split(" | ")
            a, b = quote_lines(c, row)
            assert c.line_start <= a <= b <= c.line_end, (c.chunk_id, row)
            assert key(name) in source_text(c, a, b), (c.source, a, b, row)
            if cells[-1].split(": ", 1)[-1]:
                assert key(cells[-1].split(": ", 1)[-1]) in source_text(c, a, b)
            # a row cut short: lines inside the row's own
            short = " | ".join([name, *cells[:1]])
            a2, b2 = quote_lines(c, short)
            assert a <= a2 <= b2 <= b and key(name) in source_text(c, a2, b2)
            rows += 1
    assert rows > 60


def test_table_row_caption_and_header_exact_lines(chunks):
    # lines 304-313 of the gazette: 表1 caption, blank, header, one row per line
    [table] = [
        c
        for c in chunks
        if c.kind == "table" and c.source == f"{GAZETTE}.txt" and c.line_end == 313
    ]
    assert (table.line_start, table.line_end) == (304, 313)
    assert quote_lines(table, "高新技术企业数 | 单位: 家 | 2020: 98 | 2025: 200") == (311, 311)
    assert quote_lines(table, "表1 綦江区“十四五”时期科技发展主要指标") == (304, 304)
    assert quote_lines(table, "序号 | 指标名称 | 单位") == (306, 306)
    assert quote_lines(table, "科技型企业数；高新技术企业数") == (310, 311)
    # 002: one cell per tab-indented line, rows separated by blank lines
    [dadukou] = [
        c
        for c in chunks
        if c.kind == "table" and c.source == f"{DADUKOU}.txt" and c.line_start == 9
    ]
    row = "科技型企业（家） | “十三五”目标: 300 | “十三五”初期: 64 | 2020: 301"
    assert quote_lines(dadukou, row) == (26, 29)


def test_unplaceable_quote_gives_the_whole_span(chunks):
    c = next(c for c in chunks if c.kind == "text" and c.line_end - c.line_start >= 4)
    whole = (c.line_start, c.line_end)
    assert quote_lines(c, "这句话不在这个段落里") == whole
    assert quote_lines(c, "") == whole
    assert quote_lines(c, "。；…") == whole
    # also_in copies are not resolved: a chunk's own source only
    assert all(c.line_start <= a <= b <= c.line_end for a, b in [quote_lines(c, c.text)])


def test_line_map_round_trips_and_an_old_chunk_dict_still_loads(chunks):
    c = next(c for c in chunks if c.kind == "table")
    d = json.loads(json.dumps(c.to_dict(), ensure_ascii=False))
    assert d["line_map"][0] == [0, c.line_start, c.line_start]
    again = Chunk.from_dict(d)
    assert again == c and again.line_map == c.line_map
    assert all(isinstance(s, LineSegment) for s in again.line_map)
    # a chunk read from an index built before line maps existed
    del d["line_map"]
    old = Chunk.from_dict(d)
    assert old.line_map == () and old.text == c.text and old.chunk_id == c.chunk_id
    row = _rows(c)[0]
    assert quote_lines(old, row) == (c.line_start, c.line_end) != quote_lines(c, row)


def test_line_maps_cover_each_chunk_text_in_order(chunks):
    for c in chunks:
        offsets = [s.offset for s in c.line_map]
        assert offsets[0] == 0 and offsets == sorted(set(offsets)), c.chunk_id
        assert offsets[-1] < len(c.text)
        for s in c.line_map:
            if not c.line_start <= s.first <= s.last <= c.line_end:
                # a table without a caption repeats its section heading, from the heading's line
                assert c.kind == "table" and s.offset == 0, c.chunk_id
                assert c.text.split("\n")[0] == c.section[-1] and s.first == s.last < c.line_start
