"""Reading .docx, .pdf and .html as well as .txt/.md: the fixtures made from the 三亚 report
(tests/data/formats, see make_fixtures.py) and the real .docx reports in ../shared/external."""

from __future__ import annotations

import re
import shutil
import warnings
import zipfile
from pathlib import Path

import pytest

import corpus
from corpus.model import Chunk
from corpus.reading import CorpusFileWarning, find_corpus_files
from corpus.structure import TableBlock, analyse
from corpus.text import normalize_for_match

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "data" / "formats"
PDF = FIXTURES / "sanya.pdf"
SCANNED = FIXTURES / "sanya_scanned.pdf"
HTML = FIXTURES / "sanya_article.html"
DOCX = FIXTURES / "sanya_styled.docx"
EXTERNAL = REPO.parent / "shared" / "external"
CITIES = EXTERNAL / "city-work-reports-2024"
PROVINCES = EXTERNAL / "province-work-reports-2025"

needs_external = pytest.mark.skipif(
    not EXTERNAL.is_dir(), reason="../shared/external (the external reports) is not beside the repo"
)

TARGET_HEADER = ("序号", "指标", "预期目标")
FIRST_TARGET = ("1", "地区生产总值", "增长8%左右")


def _load(path: Path):
    documents = corpus.load([path])
    return documents, corpus.chunk(documents)


def _chunk_with(chunks: list[Chunk], words: str) -> Chunk:
    [c] = [c for c in chunks if words in c.text]
    return c


def _tables(documents) -> list:
    return [b.table for d in documents for b in analyse(d) if isinstance(b, TableBlock)]


def _ledger_ok(path: Path):
    ledger = corpus.account([path])
    assert ledger.lost == ()
    assert ledger.in_chunks + sum(ledger.dropped.values()) == ledger.lines
    return ledger


# --- PDF ------------------------------------------------------------------------------


def test_pdf_running_headers_and_page_numbers_are_dropped_and_accounted_for():
    ledger = _ledger_ok(PDF)
    assert ledger.dropped == {"pdf_running_header": 3, "page_number": 3}
    _documents, chunks = _load(PDF)
    text = "".join(c.text for c in chunks)
    assert "三亚市人民政府工作报告（2024年）" not in text  # the running header
    assert not re.search(r"-\s*\d\s*-", text)  # - 1 -


def test_pdf_lines_know_their_pages_and_citations_say_them():
    _documents, chunks = _load(PDF)
    # the fixture puts the 崖州湾 paragraph on page 2 and the targets on page 3
    c = _chunk_with(chunks, "崖州湾科技城汇聚32家科研机构")
    assert (c.page_start, c.page_end) == (2, 2)
    table = next(c for c in chunks if c.kind == "table")
    assert (table.page_start, table.page_end) == (3, 3)
    assert all(c.page_start is not None and c.page_start <= c.page_end for c in chunks)
    # the same page in the citation, its JSON and its display
    from cli.render import citation_lines
    from qa.types import Citation

    citation = Citation.from_chunk(
        1, c, "崖州湾科技城汇聚32家科研机构、4家国家级科研平台、25家省部级科研平台。"
    )
    d = citation.to_dict()
    assert (d["page_start"], d["page_end"]) == (2, 2)
    assert "sanya.pdf 第2页:" in citation_lines([citation])[0]


def test_pdf_paragraphs_are_rejoined_across_lines_and_pages():
    documents, chunks = _load(PDF)
    lines = documents[0].lines
    # printed on two lines of page 1, read back as one line
    assert any(x.startswith("现在，我代表市人民政府") and x.endswith("提出意见。") for x in lines)
    # a paragraph cut by the page 1/2 break: one line on each page, one sentence in the chunk
    c = _chunk_with(chunks, "天涯海角游览区免费开放。三亚入选“中国体育旅游精品项目”目的地")
    assert (c.page_start, c.page_end) == (1, 2)


def test_a_citation_names_the_pages_of_its_quote_not_of_the_whole_passage():
    from qa.types import Citation

    _, chunks = _load(PDF)
    c = _chunk_with(chunks, "天涯海角游览区免费开放。三亚入选“中国体育旅游精品项目”目的地")
    assert (c.page_start, c.page_end) == (1, 2)
    on_page_1 = Citation.from_chunk(1, c, "天涯海角游览区免费开放。")
    on_page_2 = Citation.from_chunk(
        2, c, "全年接待过夜游客超过2500万人次，实现旅游收入近900亿元，均同比增长一倍左右。"
    )
    across = Citation.from_chunk(3, c, "三亚入选“中国体育旅游精品项目”目的地。")
    assert (on_page_1.page_start, on_page_1.page_end) == (1, 1)
    assert (on_page_2.page_start, on_page_2.page_end) == (2, 2)
    assert (across.page_start, across.page_end) == (1, 2)


def test_pdf_table_becomes_a_table_with_header_and_rows():
    documents, chunks = _load(PDF)
    [table] = _tables(documents)
    assert table.header == TARGET_HEADER
    assert len(table.rows) == 8 and table.rows[0] == FIRST_TARGET
    assert table.caption == "表1 2024年主要预期目标"
    [chunk] = [c for c in chunks if c.kind == "table"]
    assert "地区生产总值 | 预期目标: 增长8%左右" in chunk.text


def test_pdf_headings_become_sections():
    _documents, chunks = _load(PDF)
    c = _chunk_with(chunks, "今年我市发展的主要预期目标是")
    assert c.section == ("二、2024年主要预期目标",)


def test_a_numbered_heading_after_a_full_last_line_starts_its_own_section():
    # 嘉兴's report printed to PDF: the paragraph before "二、2024年工作任务" ends with a full
    # line, and the heading is set in the body's type at the left margin
    path = REPO / "benchmarks" / "data" / "formats" / "jiaxing_2024.pdf"
    documents, chunks = _load(path)
    assert "二、2024年工作任务" in documents[0].lines
    c = _chunk_with(chunks, "城镇新增就业11万人")
    assert c.section[0] == "二、2024年工作任务"
    # a numbered heading that happens to fill its line, then an indented paragraph
    assert "（三）聚力提振市场主体信心，有力有效促进民营经济发展壮大" in documents[0].lines


@needs_external
def test_a_numbered_heading_that_wraps_after_a_full_stop_is_a_line_of_its_own(tmp_path):
    from benchmarks.bench_formats import city_report_pdf

    pdf = tmp_path / "凉山.pdf"
    city_report_pdf("凉山", pdf)
    documents, _ = _load(pdf)
    # 33 characters: the heading wraps onto a second printed line
    assert (
        "八、坚持在巩固拓展主题教育成果上长效发力，着力打造为民务实清廉政府" in documents[0].lines
    )


def test_a_scanned_pdf_is_skipped_with_a_warning_naming_it():
    with pytest.warns(CorpusFileWarning, match=r"sanya_scanned\.pdf: the PDF has no text layer"):
        assert corpus.load([SCANNED]) == []


# --- .docx ------------------------------------------------------------------------------


def test_docx_heading_styles_and_outline_numbering_become_sections():
    _documents, chunks = _load(DOCX)
    # Heading 1 / Heading 2 with automatic 一、/（一） numbering (not in the text itself)
    c = _chunk_with(chunks, "全市地区生产总值971.3亿元")
    assert c.section == ("一、2023年工作回顾", "（一）经济发展迈出新步伐")
    c = _chunk_with(chunks, "今年我市发展的主要预期目标是")
    assert c.section == ("二、2024年主要预期目标",)
    assert c.page_start is None  # no pages outside PDFs


def test_docx_footnote_and_table():
    documents, chunks = _load(DOCX)
    c = _chunk_with(chunks, "三张“零关税”清单（注：")
    assert "（注：三张“零关税”清单：原辅料、交通工具及游艇、自用生产设备“零关税”清单。）" in c.text
    assert c.section[-1] == "（二）对外开放取得新成果"
    [table] = _tables(documents)
    assert table.header == TARGET_HEADER and table.rows[0] == FIRST_TARGET and len(table.rows) == 8
    _ledger_ok(DOCX)


def test_a_whole_report_from_a_word_processor_keeps_its_numbered_sections_and_table():
    # benchmarks/make_report_files.py: 阳泉's report with automatic heading numbering and
    # its targets sentence also as a table
    path = REPO / "benchmarks" / "data" / "formats" / "yangquan_2024.docx"
    documents, chunks = _load(path)
    [document] = documents
    assert document.district == "阳泉市" and document.doc_type == "work_report"
    c = _chunk_with(chunks, "华龙商贸集团重组挂牌")
    assert c.section == ("一、2023年工作回顾",)
    c = _chunk_with(chunks, "推动城市运行指挥中心投用")
    assert c.section == ("二、2024年工作安排", "（三）聚力数智新城全面升级，塑造高质量发展新优势")
    [table] = _tables(documents)
    assert table.header == TARGET_HEADER and len(table.rows) == 10
    assert table.rows[7] == ("8", "城镇新增就业", "1.8万人")
    _ledger_ok(path)


def test_docx_title_property_is_a_hint():
    from corpus.formats.docx import read_docx

    assert read_docx(DOCX).title_hint == "三亚市2024年政府工作报告"


# --- HTML -------------------------------------------------------------------------------


def test_html_article_without_site_chrome():
    from corpus.formats.html import read_html

    src = read_html(HTML)
    assert (src.title_hint, src.date_hint) == ("三亚市2024年政府工作报告", "2024-01-30")
    text = "\n".join(src.lines)
    for chrome in (
        "首页",
        "政务服务",
        "您当前的位置",
        "网站标识码",
        "分享到",
        "相关链接",
        "关闭窗口",
    ):
        assert chrome not in text
    documents, chunks = _load(HTML)
    # the page's title and date are the document's (its text has no title line or signature)
    (doc,) = documents
    assert (doc.title, doc.date, doc.district) == (
        "三亚市2024年政府工作报告",
        "2024-01-30",
        "三亚市",
    )
    assert _chunk_with(chunks, "崖州湾科技城汇聚32家科研机构").section == ("一、2023年工作回顾",)
    [table] = _tables(documents)
    assert table.header == TARGET_HEADER and table.rows[0] == FIRST_TARGET
    _ledger_ok(HTML)


# --- the real reports -------------------------------------------------------------------


def _text_grams(lines, n: int = 8) -> set[str]:
    t = re.sub(r"\s+", "", normalize_for_match("".join(lines)))
    return {t[i : i + n] for i in range(len(t) - n + 1)}


@needs_external
@pytest.mark.parametrize("city", ["三亚", "宜宾", "防城港", "荆州"])
def test_docx_and_txt_copies_of_a_report_read_the_same(city):
    [d_docx] = corpus.load([CITIES / "docx" / f"{city}.docx"])
    [d_txt] = corpus.load([CITIES / "txt" / f"{city}.txt"])
    a, b = _text_grams(d_docx.lines), _text_grams(d_txt.lines)
    assert len(a & b) / len(a | b) >= 0.99  # measured: 1.0 for all ten cities
    assert d_docx.source == f"{city}.docx" and d_docx.doc_id == city


@needs_external
def test_every_real_docx_is_read_and_accounted_for():
    files = sorted((CITIES / "docx").glob("*.docx")) + sorted(PROVINCES.glob("*.docx"))
    assert len(files) == 18
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusFileWarning)
        for f in files:
            ledger = _ledger_ok(f)
            assert ledger.in_chunks > 50, f.name


# --- folders, names, warnings -----------------------------------------------------------


def test_every_format_in_one_recursive_folder(tmp_path):
    for f in (PDF, HTML, DOCX):
        shutil.copy(f, tmp_path / f.name)
    sub = tmp_path / "text" / "deeper"
    sub.mkdir(parents=True)
    (sub / "说明.md").write_text("# 说明\n\n三亚市人民政府的说明文字。\n", encoding="utf-8")
    (tmp_path / "UPPER.TXT").write_text(
        "关于三亚市旅游工作的通知\n\n三亚市旅游发展的说明文字。\n", "utf-8"
    )
    documents = corpus.load([tmp_path])
    assert sorted(d.source for d in documents) == [
        "UPPER.TXT",
        "sanya.pdf",
        "sanya_article.html",
        "sanya_styled.docx",
        "text/deeper/说明.md",
    ]
    assert {d.doc_id for d in documents} == {
        "UPPER",
        "sanya",
        "sanya_article",
        "sanya_styled",
        "text/deeper/说明",
    }
    _ledger_ok(tmp_path)


def test_same_stem_in_two_formats_keeps_the_suffix_in_both_doc_ids(tmp_path):
    shutil.copy(DOCX, tmp_path / "三亚.docx")
    (tmp_path / "三亚.txt").write_text("三亚市旅游发展的说明文字。\n", encoding="utf-8")
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "三亚.txt").write_text("三亚市的另一份说明文字。\n", encoding="utf-8")
    files = find_corpus_files([tmp_path])
    assert [(f.name, f.doc_stem) for f in files] == [
        ("txt/三亚.txt", "txt/三亚"),
        ("三亚.docx", "三亚.docx"),
        ("三亚.txt", "三亚.txt"),
    ]
    doc_ids = [d.doc_id for d in corpus.load([tmp_path])]
    assert sorted(doc_ids) == ["txt/三亚", "三亚.docx", "三亚.txt"]


def test_the_bundled_corpus_keeps_its_names_and_has_no_pages(documents, chunks):
    # doc ids: the file's stem, #n in a multi-document file, -附件n for an attachment
    stems = [re.split(r"#|-附件", d.doc_id)[0] for d in documents]
    assert all("/" not in d.source and stem == d.source[:-4] for d, stem in zip(documents, stems))
    assert all(c.page_start is None and c.page_end is None for c in chunks)


def test_hidden_unsupported_mismatched_and_damaged_files_give_warnings(tmp_path):
    shutil.copy(DOCX, tmp_path / "good.docx")
    (tmp_path / ".hidden.txt").write_text("三亚市的说明。\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("三亚市的说明。\n", encoding="utf-8")
    (tmp_path / "data.json").write_text("{}", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "zipped.pdf", "w") as z:  # a ZIP named .pdf
        z.writestr("a.txt", "x")
    (tmp_path / "page.html").write_bytes(PDF.read_bytes())  # a PDF named .html
    with zipfile.ZipFile(tmp_path / "broken.docx", "w") as z:  # a .docx with a broken body
        z.writestr("[Content_Types].xml", "<Types")
        z.writestr("word/document.xml", "<w:document")
    (tmp_path / "cut.pdf").write_bytes(PDF.read_bytes()[:3000])  # a truncated download
    (tmp_path / "empty.pdf").write_bytes(b"")
    with pytest.warns(CorpusFileWarning) as caught:
        documents = corpus.load([tmp_path])
    messages = sorted(str(w.message) for w in caught)
    assert messages == [
        "skipping .git: hidden folder",
        "skipping .hidden.txt: hidden file",
        "skipping broken.docx: the file is damaged: it could not be read as a Word .docx file",
        "skipping cut.pdf: the file is damaged: it could not be read as a PDF",
        "skipping data.json: not a supported document type (.json)",
        "skipping empty.pdf: the file is empty",
        "skipping page.html: named .html but its content is a PDF",
        "skipping zipped.pdf: named .pdf but its content is binary data of no supported format",
    ]
    assert [d.source for d in documents] == ["good.docx"]  # the rest is still read


# --- the index's chunk JSON ---------------------------------------------------------------


def test_chunk_pages_round_trip_and_old_indexes_still_open():
    _documents, chunks = _load(PDF)
    c = _chunk_with(chunks, "崖州湾科技城汇聚32家科研机构")
    assert Chunk.from_dict(c.to_dict()) == c
    old = {k: v for k, v in c.to_dict().items() if k not in ("page_start", "page_end")}
    assert Chunk.from_dict(old).page_start is None


def test_ui_citation_card_names_the_page():
    from qa.types import Citation
    from ui import ask, common

    _documents, chunks = _load(PDF)
    c = _chunk_with(chunks, "崖州湾科技城汇聚32家科研机构")
    card = ask.citation_card_html(Citation.from_chunk(1, c, "崖州湾科技城汇聚32家科研机构"))
    assert re.search(r"sanya\.pdf 第2页 · 第 \d+ 行", card)
    assert common.span_text("a.txt", 3, 5) == "a.txt · 第 3–5 行"


def test_docx_paragraphs_inside_content_controls_are_read(tmp_path):
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("关于三亚市旅游发展的通知")
    boxed = d.add_paragraph("三亚市全年接待过夜游客超过2500万人次。")
    sdt = parse_xml(
        '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:sdtContent/></w:sdt>"
    )
    boxed._p.addprevious(sdt)
    sdt[0].append(boxed._p)
    d.save(tmp_path / "boxed.docx")
    from corpus.formats.docx import read_docx

    assert read_docx(tmp_path / "boxed.docx").lines == (
        "关于三亚市旅游发展的通知",
        "三亚市全年接待过夜游客超过2500万人次。",
    )


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (35, "三十五"), (105, "一百零五")],
)
def test_chinese_counting_numbers_as_word_prints_them(n, text):
    from corpus.formats.docx import _chinese_counting

    assert _chinese_counting(n) == text


@pytest.mark.parametrize(
    ("line", "is_page_number"),
    [
        ("- 3 -", True),
        ("— 12 —", True),
        ("3", True),
        ("第3页", True),
        ("第 3 页 共 12 页", True),
        ("3/12", True),
        ("iv", True),
        ("2025", False),
        ("3个", False),
        ("第三章 发展目标", False),
    ],
)
def test_page_number_lines(line, is_page_number):
    from corpus.formats.pdf import PAGE_NUMBER

    assert bool(PAGE_NUMBER.match(line)) is is_page_number


def test_files_named_alike_in_two_folders_are_named_by_their_folders(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "三亚.txt").write_text(f"三亚市{folder}的说明文字。\n", "utf-8")
    expected = [("a/三亚.txt", "a/三亚"), ("b/三亚.txt", "b/三亚")]
    for paths in (
        [tmp_path / "a", tmp_path / "b"],
        [tmp_path / "a" / "三亚.txt", tmp_path / "b" / "三亚.txt"],
    ):
        assert [(f.name, f.doc_stem) for f in find_corpus_files(paths)] == expected
    assert sorted(d.doc_id for d in corpus.load([tmp_path / "a", tmp_path / "b"])) == [
        "a/三亚",
        "b/三亚",
    ]


GOV_NOTICE = FIXTURES / "gov_notice.html"  # written by hand after a provincial site's notice page


def test_a_government_notice_page_keeps_its_headings_metadata_and_place():
    """trafilatura keeps this page's paragraphs but drops its <h2>/<h3>: the page's headings
    that stand inside the extracted text go back in, so sections survive."""
    documents, chunks = _load(GOV_NOTICE)
    (doc,) = documents
    assert doc.title == "四川省人民政府办公厅关于印发《四川省低空经济发展实施方案》的通知"
    assert (doc.issuer, doc.doc_number, doc.date) == (
        "四川省人民政府办公厅",
        "川办发〔2024〕12号",
        "2024-03-01",
    )
    assert (doc.district, doc.place_level, doc.doc_type) == ("四川省", "province", "action_plan")
    target = _chunk_with(chunks, "建成通用机场30个以上")
    assert target.section == ("四川省低空经济发展实施方案", "一、总体要求")
    assert not any("您当前的位置" in c.text for c in chunks)
    _ledger_ok(GOV_NOTICE)


LIBREOFFICE_PDF = FIXTURES / "shandong_libreoffice.pdf"


def test_a_word_processors_pdf_reads_as_its_text():
    """A real report printed by LibreOffice: the spacing it sets between Chinese and digits
    is typesetting (2025 年 reads 2025年), and a head line wrapped inside 山东省 still names
    the speaker."""
    documents, chunks = _load(LIBREOFFICE_PDF)
    (doc,) = documents
    assert (doc.title, doc.district, doc.date) == (
        "2025年山东省政府工作报告",
        "山东省",
        "2025-01-20",
    )
    assert doc.speaker == "山东省省长 周乃翔"
    assert not any(re.search(r"\d 年|增长 \d", c.text) for c in chunks)
    # set with double spacing, its printed lines are joined back into paragraphs: a sentence
    # wrapped over two lines is one line of the text
    foreign = _chunk_with(chunks, "实际使用外资118.1亿美元")
    assert "实际使用外资118.1亿美元，规模居全国第五位，新加坡金鹰集团" in foreign.text
    # the line recording the speech's delivery is no heading over the report
    assert foreign.section == ("一、2024年工作回顾",)
    assert all(c.page_start is not None for c in chunks) and chunks[-1].page_end > 10
    _ledger_ok(LIBREOFFICE_PDF)
