"""Pure functions of the corpus stage on tiny inline inputs, with exact results."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from corpus import gazetteer, normalize_for_match, quote_lines
from corpus.chunking import MAX_CHARS, map_text, split_text, wrap_width
from corpus.model import Chunk, Document, LineSegment
from corpus.settings import BUNDLED_DATA_DIR
from corpus.structure import (
    ARABIC,
    ARTICLE,
    BOX,
    CHAPTER,
    CN,
    PAREN_ARABIC,
    PAREN_CN,
    SECTION,
    Heading,
    Paragraph,
    analyse,
    heading_rank,
)
from corpus.tables import Line, find_tables, render_row
from corpus.text import clean_line, parse_date, split_sentences

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2022年8月27日", "2022-08-27"),
        ("2022827", "2022-08-27"),  # 年/月/日 lost; month 82 does not exist
        ("20228", "2022-08"),
        ("(2022年8月)", "2022-08"),
        ("2021-07-26", "2021-07-26"),
        ("2022111", "2022"),  # 1 Nov or 11 Jan: only the year is certain
        ("2022年10月25日—10月31日", "2022-10-25"),
        ("预期性", None),
    ],
)
def test_parse_date(raw, iso):
    assert parse_date(raw) == iso


def test_canonical_district_maps_every_spelling():
    for name in ("綦江", "綦江区", "重庆市綦江区", "綦江区 "):
        assert gazetteer.canonical_district(name) == "綦江区"
    assert gazetteer.canonical_district("高新区") == "重庆高新区"
    assert gazetteer.canonical_district("重庆高新技术产业开发区") == "重庆高新区"
    assert gazetteer.canonical_district("秀山") == "秀山土家族苗族自治县"
    assert gazetteer.canonical_district("万盛经济技术开发区") == "万盛经开区"
    assert gazetteer.canonical_district("两江") == "两江新区"
    assert gazetteer.canonical_district("成都") == "成都市"  # places anywhere in China
    assert gazetteer.canonical_district("鼓楼区") is None  # four cities have one
    assert gazetteer.canonical_district("火星") is None
    assert gazetteer.canonical_district("") is None


def test_all_districts():
    assert len(gazetteer.ALL_DISTRICTS) == 41  # 26 districts, 12 counties, 3 zones
    assert len(set(gazetteer.ALL_DISTRICTS)) == 41
    assert {"綦江区", "重庆高新区", "大渡口区", "合川区", "两江新区", "万盛经开区", "忠县"} <= set(
        gazetteer.ALL_DISTRICTS
    )


def test_find_districts_in_running_text():
    text = "推动綦江、涪陵、合川等创建国家高新区，与大渡口区、重庆高新区合作，祝长寿。"
    # 高新区 alone (any high-tech zone) and 长寿 ('longevity') are not places in running text
    assert gazetteer.find_districts(text) == [
        "綦江区",
        "涪陵区",
        "合川区",
        "大渡口区",
        "重庆高新区",
    ]
    assert gazetteer.find_districts("ＡＢＣ") == []


def test_district_of_issuer_and_doc_number():
    assert gazetteer.district_of_name("渝高新发〔2021〕28号") == "重庆高新区"
    assert gazetteer.district_of_name("高新区科技创新局") == "重庆高新区"
    assert gazetteer.district_of_name("綦江府发〔2022〕26号") == "綦江区"
    assert gazetteer.district_of_name("区政务服务办") is None


def test_normalize_for_match_is_for_matching_only():
    assert (
        normalize_for_match("（２０２２）綦江府发〔2022〕26号，　ＲＤ")
        == "(2022)綦江府发[2022]26号, RD"
    )


def test_clean_line_removes_artifacts_and_keeps_words():
    raw = "[bookmark: _Toc1][bookmark: _Hlk2]（二）**强化**投入<b>保障</b>"
    assert clean_line(raw) == "（二）强化投入保障"
    assert clean_line("### 第三节 指导思想") == "第三节 指导思想"
    assert clean_line("- 1.涉及国家秘密;") == "1.涉及国家秘密;"
    assert (
        clean_line("\t2020年[footnoteRef:0] [0:  为2019年数据。] ")
        == "2020年（注：为2019年数据。）"
    )
    assert clean_line("[bookmark: _GoBack]") == ""
    assert clean_line("- |") == "- |"  # a table cell "-" is a value, not a list bullet


@pytest.mark.parametrize(
    ("text", "markdown", "rank"),
    [
        ("第一章 形成具有重要影响力", False, CHAPTER),
        ("第二节 发展形势", False, SECTION),
        ("一、指导思想", False, CN),
        ("（一）打造科技创新高地", False, PAREN_CN),
        ("1.创新平台加快落地,科技创新实力显著增强", False, ARABIC),
        ("专栏1“科技+现代服务业”融合提升工程", False, BOX),
        ("1.全力升级创建国家高新区。围绕做实做好", False, None),  # an item, not a heading
        ("1.新一代人工智能。开展人工智能前沿基础理论", False, None),
        ("2.5", False, None),
        ("15 |", False, None),
        ("（一）政治立场鲜明,主题积极向上,有感染力、影响力。", False, None),
        ("三、进一步加大巡查考核工作力度。", True, CN),
        ("（1）加强基础研究", False, PAREN_ARABIC),
        ("第一条 建立制度", True, ARTICLE),
        (
            "第十六条 区政府办公室应当会同区国家保密局依法对全区行政机关政府信息公开工作",
            False,
            None,
        ),
        ("各镇人民政府，各街道办事处：", False, None),
    ],
)
def test_heading_rank(text, markdown, rank):
    assert heading_rank(text, markdown) == rank


def _lines(*raws: str, start: int = 1) -> list[Line]:
    return [Line(start + i, r, clean_line(r)) for i, r in enumerate(raws)]


def test_rebuild_one_cell_per_line_table_with_a_lost_unit():
    [t] = find_tables(
        _lines(
            "1 某区主要指标",
            "序号",
            "指标名称",
            "单位",
            "2020",
            "2025",
            "1",
            "研发经费占比",
            "%",
            "2.3",
            "3",
            "2",
            "高新技术企业数",
            "98",
            "200",  # 单位 vanished in extraction
            "3",
            "技术合同成交额",
            "亿元",
            "1.5",
            "10",
        )
    )
    assert t.caption == "1 某区主要指标"
    assert t.row_texts() == [
        "研发经费占比 | 单位: % | 2020: 2.3 | 2025: 3",
        "高新技术企业数 | 2020: 98 | 2025: 200",
        "技术合同成交额 | 单位: 亿元 | 2020: 1.5 | 2025: 10",
    ]
    assert t.lines == tuple(range(1, 21))


def test_rebuild_rows_when_a_value_equals_the_next_row_number():
    [t] = find_tables(
        _lines(
            "序号 |",
            "指标 |",
            "2020年 |",
            "2025年 |",
            "1 |",
            "甲 |",
            "2 |",
            "3 |",
            "2 |",
            "乙 |",
            "3 |",
            "4 |",
            "3 |",
            "丙 |",
            "- |",
            "5 |",
        )
    )
    assert t.row_texts() == [
        "甲 | 2020: 2 | 2025: 3",
        "乙 | 2020: 3 | 2025: 4",
        "丙 | 2020: - | 2025: 5",
    ]


def test_rebuild_tab_separated_rows_repeating_merged_cells():
    [t] = find_tables(
        _lines(
            "序号\t类别\t决策事项\t承办单位\t备注",
            "1\t规划\t甲规划\t区教委\t",
            "2\t\t乙规划\t区应急局\t",
        )
    )
    assert t.row_texts() == [
        "甲规划 | 类别: 规划 | 承办单位: 区教委",
        "乙规划 | 类别: 规划 | 承办单位: 区应急局",
    ]


def test_rebuild_markdown_table():
    [t] = find_tables(
        _lines(
            "表3 指标",
            "| 指标 | 2020年 | 2025年 |",
            "|---|:---:|---|",
            "| 高新技术企业数（家） | 120 | 300 |",
            "| 科技型企业数（家） | 600 | 1500 |",
        )
    )
    assert t.caption == "表3 指标"
    assert t.row_texts() == [
        "高新技术企业数（家） | 2020: 120 | 2025: 300",
        "科技型企业数（家） | 2020: 600 | 2025: 1500",
    ]
    assert t.row_lines == ((4,), (5,))


def test_render_row_puts_the_name_first():
    header = ("序号", "指标", "单位", "指标属性", "2020", "2025")
    row = ("5", "科技型企业数", "家", "预期性", "301", "550")
    assert (
        render_row(header, row)
        == "科技型企业数 | 单位: 家 | 指标属性: 预期性 | 2020: 301 | 2025: 550"
    )


def test_split_sentences_keeps_punctuation():
    assert split_sentences("甲。乙；丙！丁") == ["甲。", "乙；", "丙！", "丁"]
    text = "他说“要创新。”然后……走了。（完）"
    assert split_sentences(text) == ["他说“要创新。”", "然后……走了。", "（完）"]
    assert "".join(split_sentences(text)) == text


def test_a_short_section_is_one_piece_and_a_long_one_is_split_with_overlap():
    short = [Paragraph("一句话。", 10), Paragraph("两句话。", 11)]
    assert split_text(short) == [("一句话。\n两句话。", [10, 11])]
    sentence = "这是一个用来测试切分的句子，长度大约三十个汉字左右吧。"
    long = [Paragraph(sentence * 40, 20), Paragraph(sentence * 40, 21)]
    pieces = split_text(long)
    assert len(pieces) >= 3
    assert all(len(text) <= MAX_CHARS for text, _ in pieces)
    for (a, _), (b, _) in itertools.pairwise(pieces):
        assert b.startswith(a.rsplit("。", 2)[-2].lstrip("\n") + "。")  # one sentence overlap
    assert "".join(t for t, _ in pieces).replace("\n", "").count(sentence) >= 80


def test_a_page_break_inside_a_sentence_is_joined():
    first = "创新投入持续增加，创新成效稳步增强。科技创新投入逐年增长，全社会研发经费占"
    broken = [Paragraph(first, 5), Paragraph("比重达2.3%。", 7)]
    assert split_text(broken) == [(first + "比重达2.3%。", [5, 7])]
    # a short line (a title, a signature) keeps its line break
    assert split_text([Paragraph("重庆市綦江区人民政府", 1), Paragraph("2022年11月4日", 2)]) == [
        ("重庆市綦江区人民政府\n2022年11月4日", [1, 2])
    ]


def test_text_copied_out_of_a_pdf_is_rejoined_at_its_printed_lines():
    # 承德's report as text copied out of its PDF: one printed line per line, 29 wide
    path = REPO.parent / "shared" / "external" / "city-work-reports-2024" / "txt" / "承德.txt"
    if not path.is_file():
        pytest.skip("../shared/external is not beside the repo")
    lines = path.read_text(encoding="utf-8").split("\n")
    assert wrap_width(lines) == 29
    # text written one paragraph per line has no such width
    assert (
        wrap_width((BUNDLED_DATA_DIR / "001_937c6c7ecafe199b.txt").read_text("utf-8").split("\n"))
        is None
    )
    printed = [
        Paragraph("面水质全部达到Ⅰ类，全市PM2.5", 131),  # cut short at a subscript
        Paragraph("平均浓度23微克，达到历史最好水", 133),
        Paragraph("平。绿色基底越来越厚重。", 135),
        Paragraph("下一段。", 137),
    ]
    [(text, lines_of)] = split_text(printed, width=29)
    assert (
        text
        == "面水质全部达到Ⅰ类，全市PM2.5平均浓度23微克，达到历史最好水平。绿色基底越来越厚重。\n下一段。"
    )
    assert lines_of == [131, 133, 135, 137]
    # without the width (a text not hard-wrapped) short lines keep their breaks
    assert split_text(printed)[0][0].count("\n") == 3


def test_a_sentence_cut_by_a_line_is_never_cut_between_two_pieces():
    sentence = "这是一个用来测试切分的句子，长度大约三十个汉字左右吧。"
    # every paragraph ends inside a sentence that the next one finishes
    paragraphs = [Paragraph(sentence * 3 + "全市地区生产总值增长", 10 + k) for k in range(20)]
    paragraphs.append(Paragraph("5.6%。", 40))
    pieces = map_text(paragraphs, width=29)
    assert len(pieces) >= 3
    for m in pieces:
        # a piece starts and ends at sentence ends (an overlap sentence may open it)
        assert m.text.endswith("。")
        assert m.text.startswith(("这是", "全市"))


def test_line_map_follows_joined_paragraphs():
    first = "创新投入持续增加，创新成效稳步增强。科技创新投入逐年增长，全社会研发经费占"
    paragraphs = [Paragraph(first, 5), Paragraph("比重达2.3%。", 7), Paragraph("第二段。", 9)]
    [m] = map_text(paragraphs)
    assert m.text == first + "比重达2.3%。\n第二段。"
    assert m.line_map == (
        LineSegment(0, 5, 5),
        LineSegment(len(first), 7, 7),
        LineSegment(len(first) + 8, 9, 9),  # the line break belongs to the paragraph it opens
    )


def test_line_map_of_a_long_section_split_with_overlap():
    sentences = [f"第{i}句话说的是一件需要二十来个字才能说完的事情。" for i in range(60)]
    paragraphs = [Paragraph("".join(sentences[k : k + 6]), 100 + 2 * k) for k in range(0, 60, 6)]
    pieces = map_text(paragraphs)
    assert len(pieces) >= 3
    for m in pieces:
        assert m.line_map[0].offset == 0
        ends = [s.offset for s in m.line_map[1:]] + [len(m.text)]
        for seg, end in zip(m.line_map, ends, strict=True):
            stretch = m.text[seg.offset : end].strip("\n")
            [para] = [p for p in paragraphs if p.line == seg.first == seg.last]
            assert stretch and stretch in para.text
    # the overlap sentence opening a piece maps to its own paragraph's line
    second = pieces[1]
    opening = split_sentences(second.text)[0]
    owner = next(p for p in paragraphs if opening in p.text)
    assert second.line_map[0] == LineSegment(0, owner.line, owner.line)


def _mapped_chunk(text: str, line_map: tuple[LineSegment, ...]) -> Chunk:
    return Chunk("c", "d", (), "text", text, 10, 20, None, "t", "t.txt", line_map=line_map)


def test_quote_lines_exact_normalised_trimmed_and_joined():
    text = "（一）坚持创新引领，到2025年研发投入达到3%。\n（二）坚持开放合作，建设平台。\n（三）坚持人才为本。"
    two, three = text.index("\n（二）"), text.index("\n（三）")
    c = _mapped_chunk(
        text, (LineSegment(0, 10, 10), LineSegment(two, 12, 12), LineSegment(three, 15, 16))
    )
    assert quote_lines(c, "坚持开放合作，建设平台。") == (12, 12)
    assert quote_lines(c, "到２０２５年研发投入达到３％") == (10, 10)  # full-width
    assert quote_lines(c, "坚持创新引领…研发投入达到3%") == (10, 10)  # clauses left out
    assert quote_lines(c, "坚持创新引领；坚持开放合作；坚持人才为本") == (10, 16)
    assert quote_lines(c, "建设平台。\n（三）坚持") == (12, 16)
    assert quote_lines(c, "坚持绿色发展") == (10, 20)  # not in the text: the whole span
    assert quote_lines(_mapped_chunk(text, ()), "坚持开放合作") == (10, 20)  # no line map


def _doc(*raws: str) -> Document:
    return Document(
        doc_id="t",
        title="测试",
        district=None,
        issuer=None,
        doc_number=None,
        date=None,
        date_raw=None,
        doc_type="plan",
        source="t.txt",
        line_start=1,
        line_end=len(raws),
        lines=tuple(raws),
    )


def test_analyse_toc_is_dropped_and_headings_nest():
    blocks = analyse(
        _doc(
            "某区规划",
            "目    录",
            "第一章 总体要求 3",
            "第一节 指导思想 3",
            "第一章 总体要求",
            "第一节 指导思想",
            "坚持创新驱动。",
            "主要目标",
        )
    )
    kinds = [(type(b).__name__, getattr(b, "reason", getattr(b, "text", ""))) for b in blocks]
    assert kinds == [
        ("Paragraph", "某区规划"),
        ("Dropped", "toc"),
        ("Dropped", "toc"),
        ("Dropped", "toc"),
        ("Heading", "第一章 总体要求"),
        ("Heading", "第一节 指导思想"),
        ("Paragraph", "坚持创新驱动。"),
        ("Paragraph", "主要目标"),
    ]
    assert [b.rank for b in blocks if isinstance(b, Heading)] == [CHAPTER, SECTION]


def test_analyse_drops_page_numbers_and_running_headers():
    blocks = analyse(
        _doc(
            "某区规划",
            "一、总体要求",
            "坚持创新驱动，推动高质量",
            "- 12 -",
            "重庆市綦江区人民政府公报",
            "2022年第11期",
            "发展。",
            "13",
        )
    )
    dropped = [(b.line, b.reason) for b in blocks if type(b).__name__ == "Dropped"]
    assert dropped == [
        (4, "page_number"),
        (5, "gazette_header"),
        (6, "gazette_header"),
        (8, "page_number"),
    ]


def test_the_same_text_in_two_districts_is_indexed_for_each(tmp_path):
    import corpus

    body = (
        "一、发展目标\n到2025年，科技型企业达到500家，高新技术企业达到200家，研发投入稳步增长。\n"
    )
    (tmp_path / "a.txt").write_text("重庆市江津区科技创新规划\n" + body, encoding="utf-8")
    (tmp_path / "b.txt").write_text("重庆市永川区科技创新规划\n" + body, encoding="utf-8")
    (tmp_path / "c.txt").write_text("重庆市江津区科技创新规划（修订）\n" + body, encoding="utf-8")
    chunks = [c for c in corpus.chunk(corpus.load([tmp_path])) if "500家" in c.text]
    assert [(c.district, c.doc_id, [s.doc_id for s in c.also_in]) for c in chunks] == [
        ("江津区", "a", ["c"]),
        ("永川区", "b", []),
    ]


def test_a_file_with_two_official_documents_is_split(tmp_path):
    import corpus

    text = """重庆市江津区人民政府文件
江津府发〔2022〕1号
重庆市江津区人民政府关于加强科技创新的通知
各镇人民政府：
现就加强科技创新工作通知如下，请认真贯彻执行。
重庆市江津区人民政府
2022年3月1日

重庆市永川区人民政府办公室文件
永川府办发〔2022〕7号
重庆市永川区人民政府办公室关于印发永川区科普工作要点的通知
各镇街：
现将《永川区科普工作要点》印发给你们。
重庆市永川区人民政府办公室
2022年4月2日
"""
    (tmp_path / "two.txt").write_text(text, encoding="utf-8")
    docs = corpus.load([tmp_path])
    assert [
        (d.doc_id, d.district, d.doc_number, d.date, d.doc_type, d.line_start, d.line_end)
        for d in docs
    ] == [
        ("two#1", "江津区", "江津府发〔2022〕1号", "2022-03-01", "notice", 1, 7),
        ("two#2", "永川区", "永川府办发〔2022〕7号", "2022-04-02", "work_points", 9, 15),
    ]
    assert docs[1].issuer == "重庆市永川区人民政府办公室"


def test_a_statistics_bulletin_is_not_a_gazette(tmp_path):
    import corpus

    text = "重庆市江津区2022年国民经济和社会发展统计公报\n\n一、综合\n\n全年地区生产总值增长5%。\n"
    (tmp_path / "gb.txt").write_text(text, encoding="utf-8")
    [doc] = corpus.load([tmp_path])
    assert (doc.doc_id, doc.title, doc.district) == (
        "gb",
        "重庆市江津区2022年国民经济和社会发展统计公报",
        "江津区",
    )
    assert corpus.account([tmp_path]).in_chunks == 3


def test_a_reports_parts_titled_without_numbers_head_its_sections():
    body = "过去一年，全市地区生产总值增长6%，规上工业增加值增长8%，各项事业取得新进展。"
    blocks = analyse(
        _doc(
            "2024年某市政府工作报告",
            "各位代表：",
            "2023年工作回顾",
            body,
            "2024年工作安排",
            "一、坚持创新驱动",
            body,
            "二、坚持开放合作",
            body,
            "市长 张三",
        )
    )
    heads = [(b.rank, b.text) for b in blocks if isinstance(b, Heading)]
    assert heads[:2] == [(SECTION, "2023年工作回顾"), (SECTION, "2024年工作安排")]
    assert ("市长 张三" not in [t for _, t in heads]) and heads[2][1] == "一、坚持创新驱动"
    # a short line between numbered headings is no part, and one such line alone is none
    between = analyse(
        _doc("某区规划", "一、指导思想", body, "主要目标", body, "三、重点工作", body)
    )
    assert [b.rank for b in between if isinstance(b, Heading)] == [CN, CN, CN]
    alone = analyse(_doc("2024年某市政府工作报告", "各位代表：", "2023年工作回顾", body, body))
    assert not any(isinstance(b, Heading) and b.text == "2023年工作回顾" for b in alone)
