"""The corpus stage on the real bundled corpus: documents, metadata, sections, tables,
duplicates, and the no-loss ledger. Exact values come from reading the source files."""

from __future__ import annotations

import re

import pytest

import corpus
from corpus.chunking import MAX_CHARS, document_pieces
from corpus.text import clean_line, hash_key, split_sentences

GAZETTE = "003_3bc941a8174c68f0"
QIJIANG = "000_28d192e06e44a9e3"
GAOXIN = "001_937c6c7ecafe199b"
DADUKOU = "002_3865beef763800ed"
HECHUAN = "004_d29d0fa2820130c5"
HECHUAN_POINTS = f"{HECHUAN}-附件1"


@pytest.fixture(scope="module")
def by_id(documents):
    return {d.doc_id: d for d in documents}


def test_every_file_is_read_and_the_gazette_is_split(documents):
    assert [d.doc_id for d in documents] == [
        QIJIANG,
        GAOXIN,
        DADUKOU,
        *(f"{GAZETTE}#{i}" for i in range(1, 13)),
        HECHUAN,
        HECHUAN_POINTS,  # the 工作要点 printed after the notice's signature (附件：)
    ]


def test_gazette_documents_titles_types_numbers_dates(by_id):
    got = [
        (d.title, d.doc_type, d.doc_number, d.date)
        for k, d in by_id.items()
        if k.startswith(GAZETTE)
    ]
    assert got == [
        ("用实干“拼”出太空家园(人民论坛)", "commentary", None, "2022-11-04"),
        ("重庆市綦江区人民政府公报 2022年第11期(总第129期)", "front_matter", None, "2022-12-10"),
        (
            "重庆市綦江区人民政府关于做好第三次全国土壤普查的通知",
            "notice",
            "綦江府发[2022]29号",
            "2022-11-04",
        ),
        (
            "重庆市綦江区人民政府关于印发重庆市綦江区科技创新发展“十四五”规划的通知",
            "plan",
            "綦江府发〔2022〕26号",
            "2022-08-27",
        ),
        (
            (
                "重庆市綦江区人民政府办公室关于印发政府网站和政务新媒体信息发布“三审三校”工作制度"
                "政府网站及政务新媒体读网值班制度政府信息公开保密审查制度的通知"
            ),
            "rules",
            "綦江府办〔2022〕65号",
            "2022-10-20",
        ),
        (
            (
                "重庆市綦江区人民政府办公室关于印发2022年度重庆市綦江区人民政府重大行政决策事项目录"
                "的通知"
            ),
            "catalogue",
            "綦江府办发〔2022〕63号",
            "2022-10-11",
        ),
        (
            (
                "重庆市綦江区城市管理局、重庆市綦江区机关事务管理中心关于进一步加强全区公共机构厨余垃圾"
                "收运管理工作的通知"
            ),
            "notice",
            "綦城管发〔2022〕108号",
            "2022-11-11",
        ),
        (
            "重庆市綦江区人力资源和社会保障局关于征集创业导师志愿者的通知",
            "notice",
            "綦江人社〔2022〕137号",
            "2022-10-25",
        ),
        ("区发展改革委“三个到位”助推惠企政策落地落实", "news", None, None),
        ("区政务服务办深化政务改革优化营商环境", "news", None, None),
        ("东溪镇科学谋划以“小辣椒”撬动“大产业”", "news", None, None),
        ("打通镇积极推动产业转型升级提质增效", "news", None, None),
    ]


def test_gazette_issuers_and_spans(by_id):
    assert by_id[f"{GAZETTE}#1"].issuer == "人民日报"
    assert by_id[f"{GAZETTE}#7"].issuer == "重庆市綦江区城市管理局、重庆市綦江区机关事务管理中心"
    assert by_id[f"{GAZETTE}#10"].issuer == "区政务服务办"
    assert (by_id[f"{GAZETTE}#3"].line_start, by_id[f"{GAZETTE}#3"].line_end) == (104, 156)
    assert (by_id[f"{GAZETTE}#4"].line_start, by_id[f"{GAZETTE}#4"].line_end) == (160, 686)


def test_district_of_every_document(by_id):
    assert {k: d.district for k, d in by_id.items()} == {
        QIJIANG: "綦江区",
        GAOXIN: "重庆高新区",
        DADUKOU: "大渡口区",
        f"{GAZETTE}#1": None,  # a 人民日报 commentary names no district
        **{f"{GAZETTE}#{i}": "綦江区" for i in range(2, 13)},
        HECHUAN: "合川区",
        HECHUAN_POINTS: "合川区",
    }


def test_stand_alone_files_metadata(by_id):
    q = by_id[QIJIANG]
    assert (q.title, q.issuer, q.doc_number, q.date, q.date_raw, q.doc_type) == (
        "重庆市綦江区人民政府关于印发重庆市綦江区科技创新发展“十四五”规划的通知",
        "重庆市綦江区人民政府",
        None,
        "2022-08-27",
        "2022827",
        "plan",
    )
    g = by_id[GAOXIN]
    assert (g.title, g.issuer, g.doc_number, g.date) == (
        "重庆高新区“十四五”科技创新发展规划",
        "重庆高新区管委会",
        "渝高新发〔2021〕28号",
        "2021-07-26",
    )
    assert by_id[DADUKOU].title == "大渡口区“十四五”科技创新规划"
    assert by_id[DADUKOU].issuer is None and by_id[DADUKOU].date is None
    h = by_id[HECHUAN]
    assert (h.title, h.issuer, h.date, h.doc_type, h.line_end) == (
        "合川区工业发展领导小组办公室关于印发2022年合川区科技创新发展工作要点的通知",
        "合川区工业发展领导小组办公室",
        "2022-04-26",
        "notice",  # its attachment is a document of its own
        15,
    )
    # the attachment: its own title and type, issued by the notice (issuer, date, place)
    points = by_id[HECHUAN_POINTS]
    assert (points.title, points.doc_type, points.attached_to, points.line_start) == (
        "2022年合川区科技创新发展工作要点",
        "work_points",
        HECHUAN,
        19,  # its title; the 附件： line above it is dropped as attachment_label
    )
    assert (points.issuer, points.date, points.district) == (h.issuer, h.date, h.district)


def _table_row(chunks, district, row_start):
    rows = [
        line
        for c in chunks
        if c.kind == "table" and c.district == district
        for line in c.text.splitlines()
        if line.startswith(row_start + " |")
    ]
    assert rows, f"no table row {row_start!r} for {district}"
    return rows


def test_table_rows_one_cell_per_line_style(by_id):
    # 000: one cell per line, row boundaries lost; this row's 单位 cell is empty in the source
    pieces, _ = document_pieces(by_id[QIJIANG])
    rows = [x for p in pieces if p.kind == "table" for x in p.text.splitlines()]
    assert rows[0] == "1 綦江区“十四五”时期科技发展主要指标"
    assert rows[1] == "序号 | 指标名称 | 单位 | 2020 | 2025 | 预期值"
    assert "高新技术企业数 | 2020: 98 | 2025: 200 | 预期值: 预期值" in rows
    assert (
        "全社会研发经费占地区生产总值的比重 | 单位: % | 2020: 2.3 | 2025: 3 | 预期值: 预期值"
        in rows
    )
    assert sum(" | 2020: " in x for x in rows) == 14


def test_table_rows_tab_separated_style(chunks):
    # 003: one row per line; the gazette copy keeps the unit, and is the indexed copy
    rows = _table_row(chunks, "綦江区", "高新技术企业数")
    assert rows == ["高新技术企业数 | 单位: 家 | 2020: 98 | 2025: 200 | 预期值: 预期值"]


def test_table_rows_pipe_style(chunks):
    assert _table_row(chunks, "重庆高新区", "R&D经费支出占GDP比重(%)") == [
        "R&D经费支出占GDP比重(%) | 2020: 4.9 | 2025: 5.5 | 指标属性: 预期性"
    ]
    assert _table_row(chunks, "重庆高新区", "新获得国家级科技奖项(件)") == [
        "新获得国家级科技奖项(件) | 2020: - | 2025: 15 | 指标属性: 预期性"
    ]


def test_table_rows_tab_indented_style(chunks):
    assert _table_row(chunks, "大渡口区", "科技型企业数") == [
        "科技型企业数 | 单位: 家 | 指标属性: 预期性 | 2020: 301 | 2025: 550"
    ]
    # the table without a 序号 column, rows separated by blank lines, with a footnote
    [row] = _table_row(chunks, "大渡口区", "科技型企业（家）")
    assert row == "科技型企业（家） | “十三五”目标: 300 | “十三五”初期: 64 | 2020: 301"


def test_table_chunks_carry_caption_header_and_section(chunks):
    table = next(
        c
        for c in chunks
        if c.kind == "table" and "科技型企业数 | 单位: 家" in c.text and c.district == "大渡口区"
    )
    lines = table.text.splitlines()
    assert lines[0] == "表2 “十四五”时期大渡口区科技创新发展主要指标"
    assert lines[1] == "序号 | 指标 | 单位 | 指标属性 | 2020年 | 2025年"
    assert table.section == ("二、总体思路与发展目标", "（三）发展目标")
    first = next(c for c in chunks if c.kind == "table" and c.district == "大渡口区")
    assert first.text.endswith(
        "注：研究与试验发展经费支出占地区生产总值比重、万人发明专利拥有量为2019年数据。"
    )
    # the gazette's catalogue: merged 类别 cells repeated on every row
    catalogue = [c for c in chunks if c.kind == "table" and c.doc_id == f"{GAZETTE}#6"]
    rows = [x for c in catalogue for x in c.text.splitlines() if " | 类别: " in x]
    assert len(rows) == 15
    assert rows[1] == (
        "重庆市綦江区应急管理“十四五”规划(2021—2025) | 类别: “十四五”区级规划及相关"
        "区级专项规划 | 承办单位: 区应急局 | 决策时间: 2022年3月"
    )
    assert rows[12] == (
        "重庆市綦江区重大项目管理办法 | 类别: 其它重大行政决策事项 | 承办单位: "
        "区发展改革委 | 决策时间: 2022年5月"
    )
    assert all(len(c.text) <= MAX_CHARS for c in chunks if c.kind == "table")


def _sections(chunks, doc_id):
    return [c.section for c in chunks if c.doc_id == doc_id]


def test_heading_paths_chapters_sections_boxes(by_id):
    sections = [p.section for p in document_pieces(by_id[QIJIANG])[0]]
    plan = "重庆市綦江区科技创新发展“十四五”规划"
    assert (
        plan,
        "第三章 加强科技创新引领,构建产业发展新格局",
        "第二节 推进现代服务业数字化转型",
        "专栏1 “科技+现代服务业”融合提升工程",
    ) in sections
    assert (plan, "第十章 保障措施", "第五节 完善容错纠错机制") in sections
    # no TOC entry (with its page number) became a heading
    assert not any(re.search(r"\s\d{1,3}$", h) for s in sections for h in s)
    assert () in sections  # the 印发 notice before the plan


def test_heading_paths_numbered_lists(chunks):
    sections = _sections(chunks, DADUKOU)
    assert (
        "三、主要任务",
        "（四）加快推进双创环境优化，高标准建设双创基地。",
        "1.完善创新创业孵化体系",
        "专栏10 创新创业孵化体系完善工程",
    ) in sections
    assert ("四、保障措施", "（五）营造良好创新氛围") in sections
    # 1.全力升级创建国家高新区。围绕… is an item, not a heading
    # the 工作要点 is a document of its own: its title heads the document, not a section
    hechuan = _sections(chunks, HECHUAN_POINTS)
    assert ("三、重点工作", "（一）打造科技创新高地") in hechuan
    assert not any(h.startswith("1.全力") for s in hechuan for h in s)
    # headings whose numbers were lost in extraction still head their sections
    assert ("主要目标",) in hechuan
    assert ("四、工作要求", "强化督查考核") in hechuan


def test_heading_paths_boxes_end_where_the_box_ends(chunks):
    gaoxin = [c for c in chunks if c.doc_id == GAOXIN]
    box = next(c for c in gaoxin if c.text.startswith("1.空天科学"))
    assert box.section[-1] == "专栏3 基础科学研究方向领域"
    after = next(c for c in gaoxin if c.text.startswith("建设高水平研究型大学"))
    assert after.section[-1] == "第一节 培育国家战略科技力量"


def test_heading_paths_articles_and_gazette_markdown(chunks):
    rules = _sections(chunks, f"{GAZETTE}#5")
    assert ("政府网站和政务新媒体信息发布“三审三校”工作制度", "第三条 审核标准") in rules
    assert ("政府信息公开保密审查制度",) in rules
    # list items ending in 。 are not headings
    assert not any(h.startswith(("7.商业广告", "(三)认真严谨")) for s in rules for h in s)
    # markdown levels in the gazette are inconsistent; ranks come from the numbering
    plan = _sections(chunks, f"{GAZETTE}#4")
    assert (
        "重庆市綦江区科技创新发展“十四五”规划",
        "第九章 营造良好创新生态,打开创新发展新局面",
        "第一节 完善科技创新体制机制",
    ) in plan
    # a page break glued body text onto a box title; the title is cut where it ends
    assert (
        "重庆市綦江区科技创新发展“十四五”规划",
        "第三章 加强科技创新引领,构建产业发展新格局",
        "第二节 推进现代服务业数字化转型",
        "专栏1 “科技+现代服务业”融合提升工程",
    ) in plan
    assert (
        "重庆市綦江区科技创新发展“十四五”规划",
        "第四章 强化企业主体地位,厚植创新发展新动能",
        "第三节 优化升级高成长科技企业",
        "专栏3 大中小企业融通创新工程",
    ) in plan


def test_chunk_sizes_and_ids(chunks):
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    assert all(c.text.strip() for c in chunks)
    assert all(len(c.text) <= MAX_CHARS for c in chunks)
    long_text = [c for c in chunks if c.kind == "text" and len(c.text) >= 150]
    assert len(long_text) > 0.7 * sum(c.kind == "text" for c in chunks)
    assert {c.doc_type for c in chunks} >= {
        "plan",
        "notice",
        "rules",
        "catalogue",
        "news",
        "commentary",
        "work_points",
    }


def test_chunk_ids_are_stable_content_hashes(documents):
    first = corpus.chunk(documents)
    again = corpus.chunk(corpus.load())
    assert [c.chunk_id for c in first] == [c.chunk_id for c in again]


def test_a_chunk_never_crosses_a_section(documents):
    for doc in documents:
        pieces, _ = document_pieces(doc)
        headings_inside = {n for p in pieces for n in p.heading_lines}
        for p in pieces:
            inside = (
                set(range(min(p.content_lines), max(p.content_lines) + 1))
                if (p.content_lines and p.kind == "text")
                else set()
            )
            # no heading line lies strictly inside a text chunk's content span
            assert not (inside & headings_inside - set(p.content_lines)), (doc.doc_id, p.section)


def test_duplicate_documents_are_linked(by_id, chunks):
    # the gazette's copy lost less in extraction (000 reads 国家级科普基地1市级科普基地3…
    # where the gazette has 1个、…3个), so it is the canonical one
    assert by_id[QIJIANG].duplicate_of == f"{GAZETTE}#4"
    assert sum(d.duplicate_of is not None for d in by_id.values()) == 1
    shared = [c for c in chunks if any(s.doc_id == QIJIANG for s in c.also_in)]
    assert len(shared) >= 80
    assert all(c.doc_id == f"{GAZETTE}#4" for c in shared)
    assert sum(c.doc_id == QIJIANG for c in chunks) < 10
    # each shared chunk names its place in 000
    c = next(c for c in shared if c.section[-1:] == ("第三节 指导思想",))
    [span] = [s for s in c.also_in if s.doc_id == QIJIANG]
    assert (span.source, span.line_start, span.line_end) == (f"{QIJIANG}.txt", 153, 155)
    assert c.sources[0].doc_id == f"{GAZETTE}#4"


def test_a_copy_is_measured_by_its_text_not_by_how_its_chunks_overlap(by_id):
    from corpus.duplicates import _kept_chars
    from corpus.text import hash_key

    # the sentence repeated at the head of the next chunk is not more text: a copy never keeps
    # more than it has, so where chunks are cut cannot decide which copy is canonical
    for doc_id in (QIJIANG, f"{GAZETTE}#4"):
        doc = by_id[doc_id]
        assert 0 < _kept_chars(doc) <= sum(len(hash_key(line)) for line in doc.lines)


def test_every_piece_of_the_copy_is_indexed_once(by_id, chunks):
    """Every piece of the duplicate document is either its own chunk or a place of another."""
    copy = by_id[QIJIANG]
    pieces, _ = document_pieces(copy)
    places = {(s.doc_id, s.line_start, s.line_end) for c in chunks for s in c.sources}
    for p in pieces:
        lines = sorted(p.lines)
        assert (copy.doc_id, min(lines), max(lines)) in places


def test_no_line_is_lost():
    ledger = corpus.account()
    assert ledger.lost == ()
    assert ledger.lines == 1417
    assert ledger.in_chunks + sum(ledger.dropped.values()) == ledger.lines
    assert ledger.dropped == {
        "artifact": 7,
        "attachment_label": 1,  # 004's 附件： above the 工作要点 it prints
        "gazette_cover": 4,
        "gazette_section_label": 1,
        "repeated_metadata": 7,
        "toc": 115,
        "web_page_chrome": 12,
    }


def _found(key: str, text: str) -> bool:
    """`key` stands in `text`, possibly in two parts (a 专栏 title in the section path and
    body text a page break glued onto it in the chunk text), a stray final 。 aside."""
    if key in text or key.rstrip("。") in text:
        return True
    return any(key[:i] in text and key[i:] in text for i in range(4, len(key) - 3))


def test_chunked_lines_really_are_in_chunk_text(documents, chunks):
    """Independent of the ledger: the words of every line the ledger calls chunked stand in
    the text (or section path) of a chunk from that file. The one exception is the gazette's
    copy of the Qijiang plan: a chunk of it that nearly equals a chunk of 000 is indexed once,
    as 000's text, and the copy's line must then lie in one of that chunk's also_in spans."""
    ledger = corpus.account()
    text_by_source: dict[str, str] = {}
    for c in chunks:
        for source in {s.source for s in c.sources}:
            text_by_source[source] = text_by_source.get(source, "") + hash_key(
                c.text + "".join(c.section)
            )
    spans = {(s.source, s.line_start, s.line_end) for c in chunks for s in c.also_in}
    # the lines (content and the headings it opens) of every piece listed in an also_in span
    near_copy_lines = {
        (d.source, n)
        for d in documents
        if d.duplicate_of
        for p in document_pieces(d)[0]
        if (
            d.source,
            min(p.lines),
            max(p.lines),
        )
        in spans
        for n in p.lines
    }
    missing, only_near_copy = [], []
    for (source, n), fate in ledger.fates.items():
        if fate != "chunk":
            continue
        doc = next(d for d in documents if d.source == source and d.line_start <= n <= d.line_end)
        raw = doc.lines[n - doc.line_start]
        if "] |" in raw:  # page metadata `[ 索引号 ] | …` reads `索引号: …`
            continue
        for cell in re.split(r"\t|（注：|\|", clean_line(raw)):
            # long lines are cut into several chunks at sentence ends (very long sentences
            # at commas): each sentence stands whole in one of them
            for sentence in split_sentences(cell):
                parts = (
                    [sentence] if len(sentence) <= MAX_CHARS else re.split(r"(?<=[，,])", sentence)
                )
                for part in parts:
                    key = hash_key(part).rstrip(")")  # the note's closing bracket
                    if not key or key.isdigit() or _found(key, text_by_source[source]):
                        continue
                    if doc.duplicate_of and (source, n) in near_copy_lines:
                        only_near_copy.append((source, n, part))
                    else:
                        missing.append((source, n, part))
    assert missing == []
    copy_lines = sum(
        1 for (s, n), f in ledger.fates.items() if f == "chunk" and s == f"{QIJIANG}.txt"
    )
    assert len({(s, n) for s, n, _ in only_near_copy}) < 0.2 * copy_lines


def test_dropped_lines_are_what_they_say(documents):
    ledger = corpus.account()
    src = {d.source: d for d in documents}
    assert ledger.fates[(f"{QIJIANG}.txt", 22)] == "toc"  # 目    录
    assert ledger.fates[(f"{QIJIANG}.txt", 24)] == "toc"  # 第一章形成… 6
    assert ledger.fates[(f"{QIJIANG}.txt", 1)] == "web_page_chrome"
    assert ledger.fates[(f"{QIJIANG}.txt", 687)] == "web_page_chrome"  # 网站标识码
    assert ledger.fates[(f"{GAZETTE}.txt", 5)] == "gazette_cover"  # repeated on line 31
    assert ledger.fates[(f"{GAZETTE}.txt", 11)] == "gazette_cover"  # 第 11 期 ( 总第 129 期 )
    assert ledger.fates[(f"{GAZETTE}.txt", 33)] == "chunk"  # 2022年第11期(总第129期)
    assert ledger.fates[(f"{GAZETTE}.txt", 64)] == "chunk"  # 顾问 罗成
    assert ledger.fates[(f"{GAZETTE}.txt", 37)] == "toc"  # ## 目 录
    assert ledger.fates[(f"{GAZETTE}.txt", 43)] == "toc"  # ### 重庆市綦江区人民政府文件
    assert ledger.fates[(f"{GAZETTE}.txt", 88)] == "toc"  # - 40 △区政务服务办…
    assert ledger.fates[(f"{GAZETTE}.txt", 45)] == "toc"  # - 4 重庆市綦江区人民政府关于…
    assert ledger.fates[(f"{GAZETTE}.txt", 183)] == "toc"  # 第一节\t发展基础\t6
    assert ledger.fates[(f"{GAZETTE}.txt", 676)] == "artifact"  # ---
    assert ledger.fates[(f"{DADUKOU}.txt", 1)] == "artifact"  # " I"
    assert ledger.fates[(f"{GAOXIN}.txt", 6)] == "repeated_metadata"
    assert ledger.fates[(f"{GAOXIN}.txt", 1)] == "chunk"
    assert src


def test_chunks_carry_document_metadata(by_id, chunks):
    for c in chunks:
        d = by_id[c.doc_id]
        assert (c.district, c.title, c.source, c.doc_type) == (
            d.district,
            d.title,
            d.source,
            d.doc_type,
        )
        assert d.line_start <= c.line_start <= c.line_end <= d.line_end
    text = next(c for c in chunks if c.doc_id == f"{GAZETTE}#4" and c.section).embedding_text()
    assert text.startswith("綦江区 > 重庆市綦江区人民政府关于印发")
