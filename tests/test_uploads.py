"""Uploads through the 文档 tab without a browser: names, sizes and types checked
(ui/uploads.py), and the handlers that add and delete documents on a tiny index with the real
bundled e5 model: the old index serves until the new one is open, a failure changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import TONGLIANG, tiny_index
from zh_support import raises_zh

import index
from corpus.errors import Message, UserError
from ui import common, shell, uploads
from ui.documents import DocumentHandlers

RONGCHANG = "荣昌区科技创新工作要点\n\n一、主要目标\n\n到2025年，建成夏布数字研究院一家。\n"


# ----------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("plan.txt", "plan.txt"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\notes.MD", "notes.md"),
        ("/abs/path/.hidden.txt", "hidden.txt"),
        ("铜梁区 工作要点 (2).docx", "铜梁区_工作要点_(2).docx"),
        ("a\x00b;rm -rf $HOME.html", "ab_rm_-rf_HOME.html"),
        ("..txt", "upload.txt"),
        ("x" * 300 + ".pdf", "x" * uploads.MAX_STEM_CHARS + ".pdf"),
    ],
)
def test_safe_name_keeps_only_a_plain_base_name(given, stored):
    assert uploads.safe_name(given) == stored


@pytest.mark.parametrize("given", ["setup.exe", "archive.zip", "..", "README", "x.txt/"])
def test_safe_name_refuses_types_planqa_does_not_read(given):
    with raises_zh("不支持的文件类型"):
        uploads.safe_name(given)


# ----------------------------------------------------------------------------- content


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "incoming" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def test_type_is_checked_from_the_content(tmp_path):
    random_pdf = _file(tmp_path, "report.pdf", bytes(range(256)) * 40)
    with raises_zh("report.pdf 的内容不是可读的文档"):
        uploads.check_upload(random_pdf)
    zip_docx = _file(tmp_path, "plan.docx", b"PK\x03\x04" + b"\x00" * 100)
    with raises_zh("不是可读的文档"):
        uploads.check_upload(zip_docx)
    pdf_as_txt = _file(tmp_path, "notes.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with raises_zh("扩展名表示纯文本，但内容是PDF"):
        uploads.check_upload(pdf_as_txt)
    text_as_pdf = _file(tmp_path, "plan.pdf", TONGLIANG.encode())
    with raises_zh("扩展名表示PDF，但内容是纯文本"):
        uploads.check_upload(text_as_pdf)
    good = uploads.check_upload(_file(tmp_path, "铜梁.txt", TONGLIANG.encode("gb18030")))
    assert (good.name, good.format) == ("铜梁.txt", "txt")
    html = uploads.check_upload(_file(tmp_path, "page.html", b"<!DOCTYPE html><html>x</html>"))
    assert html.format == "html"
    pdf = uploads.check_upload(_file(tmp_path, "real.pdf", b"%PDF-1.7\n1 0 obj\n"))
    assert pdf.format == "pdf"


def test_size_limit_and_empty_files(tmp_path, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_DOCUMENT_BYTES", 100)
    big = _file(tmp_path, "big.txt", "规划".encode() * 100)
    with raises_zh(r"big.txt 太大.*不能超过"):
        uploads.check_upload(big)
    with raises_zh("空文件"):
        uploads.check_upload(_file(tmp_path, "empty.md", b""))
    too_many = [big] * (uploads.MAX_FILES_PER_UPLOAD + 1)
    with raises_zh("一次最多"):
        uploads.check_uploads(too_many)
    with raises_zh("请先选择"):
        uploads.check_uploads([])


def test_stored_only_in_the_upload_folder_under_a_free_name(tmp_path):
    folder = tmp_path / "uploads"
    checked = uploads.check_upload(
        _file(tmp_path, "tongliang.txt", TONGLIANG.encode()), "../../tongliang.txt"
    )
    first = uploads.store_upload(checked, folder, taken_ids=set())
    second = uploads.store_upload(checked, folder, taken_ids=set())
    third = uploads.store_upload(checked, folder, taken_ids={"tongliang-3"})
    assert [p.name for p in (first, second, third)] == [
        "tongliang.txt",
        "tongliang-2.txt",
        "tongliang-4.txt",
    ]
    assert all(p.parent == folder.resolve() for p in (first, second, third))
    assert sorted(p.name for p in folder.iterdir()) == [
        "tongliang-2.txt",
        "tongliang-4.txt",
        "tongliang.txt",
    ]
    assert not (tmp_path / "tongliang.txt").exists()
    assert uploads.is_upload(first, folder) and not uploads.is_upload(tmp_path / "x", folder)


def test_index_errors_become_chinese_lines(tmp_path):
    stored = tmp_path / "uploads" / "junk.txt"
    exc = UserError("nothing_to_add", path=stored, why=Message("skip_binary"))
    assert uploads.change_error_message(exc, [stored]) == (
        "junk.txt 中没有可检索的文字（文件是二进制数据，不是文本）。"
    )
    assert "全部文档" in uploads.change_error_message(UserError("remove_everything"))
    scan = UserError(
        "nothing_to_add",
        path="/u/scan.pdf",
        why=Message("skip_pdf_no_text_layer"),
    )
    assert "可能是扫描件" in uploads.change_error_message(scan)


# ----------------------------------------------------------------------------- handlers


@pytest.fixture()
def ui(tmp_path):
    """The 文档 tab's handlers over a tiny index (one document) with its own cache and upload
    folder."""
    settings = tiny_index(tmp_path)
    return DocumentHandlers(settings, common.SharedIndex(settings))


def _upload(tmp_path: Path, name: str, data: bytes) -> str:
    return str(_file(tmp_path, name, data))


def test_upload_is_searchable_at_once_and_delete_removes_it(ui, tmp_path, monkeypatch):
    old = ui.holder.get()
    seen_while_building = []
    real_write = index.sources.write

    def write(*args, **kwargs):
        seen_while_building.append(ui.holder.get())  # what a visitor gets meanwhile
        return real_write(*args, **kwargs)

    monkeypatch.setattr(index.sources, "write", write)
    steps = []
    message, changed = ui.upload_documents(
        [_upload(tmp_path, "荣昌.txt", RONGCHANG.encode())],
        progress=lambda f, label: steps.append(label),
    )
    assert changed, message
    assert message.startswith("已添加 1 个文件（荣昌.txt）：1 篇文档") and "即可检索" in message
    assert seen_while_building == [old] and steps[0] == "正在检查文件…"
    new = ui.holder.get()
    assert new is not old and {d.doc_id for d in new.documents} == {"tongliang", "荣昌"}
    assert "夏布" in new.search("夏布数字研究院", k=1)[0].chunk.text
    stored = Path(ui.settings.upload_dir).resolve() / "荣昌.txt"
    assert stored.read_text("utf-8") == RONGCHANG
    assert ui.holder.chunk_counts()["荣昌"] >= 1  # caches follow the new index
    # deleting it: out of the index, and the uploaded file is gone too
    message, changed = ui.delete_document("荣昌")
    assert changed and "上传的文件也已删除" in message
    assert [d.doc_id for d in ui.holder.get().documents] == ["tongliang"]
    assert not stored.exists()
    assert "荣昌" not in ui.holder.chunk_counts()


def test_a_bundled_or_local_document_is_only_taken_out_of_the_index(ui, tmp_path):
    ui.upload_documents([_upload(tmp_path, "rongchang.txt", RONGCHANG.encode())])
    message, changed = ui.delete_document("tongliang")
    assert changed and "上传的文件" not in message
    assert (Path(ui.settings.data_dir) / "tongliang.txt").exists()
    message, changed = ui.delete_document("rongchang")
    assert not changed and "全部文档" in message
    message, changed = ui.delete_document(None)
    assert not changed and "请先" in message
    message, changed = ui.delete_document("nope")
    assert not changed and "没有文档 nope" in message


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("report.pdf", bytes(range(256)) * 40, "不是可读的文档"),
        ("binary.txt", b"abc\x00\x01\x02" * 50, "不是可读的文档"),
        ("../../../etc/cron.d/job", b"* * * * * root true\n", "不支持的文件类型"),
    ],
)
def test_a_refused_upload_stores_nothing_and_keeps_the_index(ui, tmp_path, name, data, expected):
    old = ui.holder.get()
    message, changed = ui.upload_documents([_upload(tmp_path, Path(name).name, data)], [name])
    assert not changed and message.startswith("上传失败，原索引照常使用") and expected in message
    assert ui.holder.get() is old
    upload_dir = Path(ui.settings.upload_dir)
    assert not upload_dir.exists() or list(upload_dir.iterdir()) == []


def test_a_file_that_reads_as_no_text_is_refused_after_storing_and_discarded(ui, tmp_path):
    old = ui.holder.get()
    # text by its content (GB18030 ideographic spaces), but no words in it: the index refuses
    message, changed = ui.upload_documents([_upload(tmp_path, "blank.txt", b"\xa1\xa1\xa1\xa1\n")])
    assert not changed
    assert message == "上传失败，原索引照常使用：blank.txt 中没有可检索的文字（文件中没有文字）。"
    assert ui.holder.get() is old and list(Path(ui.settings.upload_dir).glob("*")) == []


def test_a_crash_mid_build_keeps_the_old_index_serving(ui, tmp_path, monkeypatch):
    old = ui.holder.get()

    def explode(self, folder):
        raise RuntimeError("an unexpected failure while writing BM25")

    monkeypatch.setattr("index.lexical.LexicalIndex.save", explode)
    message, changed = ui.upload_documents([_upload(tmp_path, "rc.txt", RONGCHANG.encode())])
    assert not changed and message == "上传失败，原索引照常使用：处理文件时出错（RuntimeError）。"
    assert ui.holder.get() is old
    assert [d.doc_id for d in index.open(ui.settings.index_dir).documents] == ["tongliang"]
    assert list(Path(ui.settings.upload_dir).glob("*")) == []


def test_status_line_says_when_indexed_files_changed_on_disk(ui):
    assert "在磁盘上有变化" not in shell.startup(ui.holder)[0]
    source = Path(ui.settings.data_dir) / "tongliang.txt"
    source.write_text(TONGLIANG.replace("一座", "两座"), encoding="utf-8")
    status = shell.startup(ui.holder)[0]
    assert "有 1 个文件在磁盘上有变化：tongliang.txt（已修改）" in status
    assert "planqa build" in status


FORMATS = Path(__file__).resolve().parent / "data" / "formats"


def test_docx_pdf_and_html_uploads_are_read_and_a_scan_is_refused(ui, tmp_path):
    for name in ("sanya.pdf", "sanya_styled.docx", "sanya_article.html"):
        message, changed = ui.upload_documents(
            [_upload(tmp_path, name, (FORMATS / name).read_bytes())]
        )
        assert changed, message
    ids = {d.doc_id for d in ui.holder.get().documents}
    assert {"sanya", "sanya_styled", "sanya_article"} <= ids
    old = ui.holder.get()
    scan = (FORMATS / "sanya_scanned.pdf").read_bytes()
    message, changed = ui.upload_documents([_upload(tmp_path, "scan.pdf", scan)])
    assert not changed and "可能是扫描件" in message and ui.holder.get() is old
    stored = sorted(p.name for p in Path(ui.settings.upload_dir).iterdir())
    assert stored == ["sanya.pdf", "sanya_article.html", "sanya_styled.docx"]


def test_files_skipped_by_the_start_up_build_are_said_in_chinese(tmp_path):
    """The index built when the page first opens: a file reading left out is named under
    the status line with its reason, in Chinese from the message catalogue."""
    from corpus.settings import Settings

    data = tmp_path / "data"
    data.mkdir()
    (data / "tongliang.txt").write_text(TONGLIANG, encoding="utf-8")
    (data / "empty.txt").write_bytes(b"")
    (data / "scan.txt").write_bytes(b"\x00\x01\x02 not text")
    settings = Settings(data_dir=data, index_dir=tmp_path / "index", cache_dir=tmp_path / "cache")
    holder = common.SharedIndex(settings)
    status = shell.startup(holder)[0]
    assert [n.code for n in holder.notices] == ["skip_empty", "skip_binary"]
    assert "已跳过 empty.txt：文件是空的" in status
    assert "已跳过 scan.txt：文件是二进制数据，不是文本" in status
    assert "skipping" not in status
