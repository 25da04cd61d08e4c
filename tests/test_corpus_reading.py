"""Reading files: encodings, files that are not documents, bad paths, the docs command."""

from __future__ import annotations

import json
import shutil

import pytest

import corpus
from corpus.errors import UserError
from corpus.reading import CorpusFileWarning
from corpus.settings import BUNDLED_DATA_DIR

HECHUAN = "004_d29d0fa2820130c5.txt"
QIJIANG = "000_28d192e06e44a9e3.txt"


def _summary(documents):
    return [
        (d.title, d.district, d.issuer, d.date, d.doc_type, d.line_start, d.line_end, d.lines)
        for d in documents
    ]


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-16"])
def test_a_legacy_encoded_copy_reads_the_same(tmp_path, encoding):
    original = (BUNDLED_DATA_DIR / HECHUAN).read_text(encoding="utf-8")
    copy = tmp_path / HECHUAN
    copy.write_bytes(original.encode(encoding))
    if encoding in ("gbk", "gb18030", "utf-16"):
        with pytest.raises(UnicodeDecodeError):
            copy.read_bytes().decode("utf-8")  # the copy really is not UTF-8
    expected = corpus.load([BUNDLED_DATA_DIR / HECHUAN])
    got = corpus.load([copy])
    assert _summary(got) == _summary(expected)
    assert [c.text for c in corpus.chunk(got)] == [c.text for c in corpus.chunk(expected)]


def test_windows_line_endings_keep_line_numbers(tmp_path):
    original = (BUNDLED_DATA_DIR / HECHUAN).read_text(encoding="utf-8")
    copy = tmp_path / HECHUAN
    copy.write_bytes(original.replace("\n", "\r\n").encode("utf-8"))
    expected = corpus.chunk(corpus.load([BUNDLED_DATA_DIR / HECHUAN]))
    got = corpus.chunk(corpus.load([copy]))
    assert [(c.chunk_id, c.line_start, c.line_end) for c in got] == [
        (c.chunk_id, c.line_start, c.line_end) for c in expected
    ]


def test_a_gb18030_copy_with_characters_outside_gbk(tmp_path):
    # 000 holds characters GBK cannot encode (U+2002); GB18030 can
    original = (BUNDLED_DATA_DIR / QIJIANG).read_text(encoding="utf-8")
    copy = tmp_path / QIJIANG
    copy.write_bytes(original.encode("gb18030"))
    [doc] = corpus.load([copy])
    assert doc.title == "重庆市綦江区人民政府关于印发重庆市綦江区科技创新发展“十四五”规划的通知"
    assert doc.district == "綦江区"


def test_empty_and_binary_files_are_skipped_with_a_warning(tmp_path):
    shutil.copy(BUNDLED_DATA_DIR / HECHUAN, tmp_path / HECHUAN)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n\t\n", encoding="utf-8")
    (tmp_path / "scan.txt").write_bytes(bytes(range(256)) * 40)
    with pytest.warns(CorpusFileWarning) as caught:
        documents = corpus.load([tmp_path])
    messages = sorted(str(w.message) for w in caught)
    assert messages == [
        "skipping blank.md: the file is empty",
        "skipping empty.txt: the file is empty",
        "skipping scan.txt: the file is binary, not text",
    ]
    assert {d.source for d in documents} == {HECHUAN}  # the build goes on


def test_a_file_of_only_extraction_artifacts_gives_no_document(tmp_path):
    (tmp_path / "marks.txt").write_text("[bookmark: _Toc1]\n---\n**\n", encoding="utf-8")
    assert corpus.load([tmp_path]) == []
    ledger = corpus.account([tmp_path])
    assert (ledger.lines, ledger.in_chunks, ledger.dropped, ledger.lost) == (
        3,
        0,
        {"artifact": 3},
        (),
    )


def test_only_txt_and_md_files_are_documents(tmp_path):
    shutil.copy(BUNDLED_DATA_DIR / HECHUAN, tmp_path / HECHUAN)
    (tmp_path / "gazetteer.json").write_text('{"a": 1}', encoding="utf-8")
    (tmp_path / "notes.md").write_text("# 说明\n\n重庆市合川区的说明文字。\n", encoding="utf-8")
    sources = sorted({d.source for d in corpus.load([tmp_path])})
    assert sources == [HECHUAN, "notes.md"]
    # the bundled folder holds gazetteer.json, and it is no document
    assert (BUNDLED_DATA_DIR / "gazetteer.json").exists()
    assert all(d.source.endswith(".txt") for d in corpus.load())


def test_a_missing_path_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="no such file or folder: .*nowhere"):
        corpus.load([tmp_path / "nowhere"])


def test_a_named_file_that_is_not_text_is_skipped(tmp_path):
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.warns(CorpusFileWarning, match="plan.pdf"):
        assert corpus.load([pdf]) == []


@pytest.fixture(autouse=True)
def _no_index_here(tmp_path, monkeypatch):
    """`planqa docs` without PATHs reads what an index records: point it at a folder with no
    index, so these tests read the data dir whatever the working directory holds."""
    monkeypatch.setenv("PLANQA_INDEX_DIR", str(tmp_path / "no-index"))


def test_docs_command_json(capsys):
    from cli.main import main

    assert main(["docs", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    docs = {d["doc_id"]: d for d in out["documents"]}
    assert len(docs) == 17
    assert set(docs["001_937c6c7ecafe199b"]) == {
        "doc_id",
        "title",
        "district",
        "issuer",
        "doc_number",
        "date",
        "date_raw",
        "doc_type",
        "source",
        "line_start",
        "line_end",
        "duplicate_of",
        "chunks",
        # the place beside `district`, and a work report's meeting and speaker (additive)
        "place_code",
        "place_level",
        "place_parents",
        "meeting",
        "speaker",
        "attached_to",
    }
    assert docs["004_d29d0fa2820130c5-附件1"]["attached_to"] == "004_d29d0fa2820130c5"
    assert docs["001_937c6c7ecafe199b"]["place_level"] == "zone"
    assert docs["001_937c6c7ecafe199b"]["place_parents"] == ["重庆市"]
    assert docs["000_28d192e06e44a9e3"]["place_code"] == "500110"  # 綦江区
    assert docs["000_28d192e06e44a9e3"]["duplicate_of"] == "003_3bc941a8174c68f0#4"
    assert docs["000_28d192e06e44a9e3"]["chunks"] > 80  # its own and the shared ones
    assert docs["003_3bc941a8174c68f0#9"]["doc_type"] == "news"


def test_docs_command_chunks_view(capsys):
    from cli.main import main

    assert main(["docs", "--chunks", "002_3865beef763800ed"]) == 0
    out = capsys.readouterr().out
    assert "§ 二、总体思路与发展目标 > （三）发展目标" in out
    assert "科技型企业数 | 单位: 家 | 指标属性: 预期性 | 2020: 301 | 2025: 550" in out
    assert main(["docs", "--chunks", "000_28d192e06e44a9e3"]) == 0
    assert "also in: 003_3bc941a8174c68f0#4" in capsys.readouterr().out


def test_docs_command_unknown_doc_is_a_one_line_error(capsys):
    from cli.main import main

    assert main(["docs", "--chunks", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("planqa: error: 没有编号为 'nope' 的文档") and err.count("\n") == 1
    assert "(unknown document 'nope'" in err
