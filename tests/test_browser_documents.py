"""Adding and deleting documents in the 文档 tab, in headless Chromium, against an app served
on a tiny index of its own (one .txt file), so the session's bundled index is never changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import serve, tiny_index
from test_browser import browser, shot  # noqa: F401 - the browser fixture, shared

import index

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RONGCHANG = "荣昌区科技创新工作要点\n\n一、主要目标\n\n到2025年，建成夏布数字研究院一家。\n"
CHANGE_TIMEOUT_MS = 120_000  # reading, embedding and swapping on a shared machine


@pytest.fixture()
def tiny_app(tmp_path):
    settings = tiny_index(tmp_path)
    demo, url = serve(settings, index.open(settings.index_dir, settings))
    try:
        yield settings, url
    finally:
        demo.close()


def test_upload_a_document_find_it_and_delete_it(
    browser,  # noqa: F811
    tiny_app,
    tmp_path,
    monkeypatch,
):
    import time

    from playwright.sync_api import expect

    from index import sources

    settings, url = tiny_app
    real_assemble = sources.assemble

    def slow_assemble(*args, **kwargs):  # long enough to see the progress bar
        time.sleep(2)
        return real_assemble(*args, **kwargs)

    monkeypatch.setattr(sources, "assemble", slow_assemble)
    context = browser.new_context(viewport={"width": 1360, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(url)
        expect(page.locator("#pq-status")).to_contain_text("索引就绪：1 个文件")
        page.get_by_role("tab", name="文档").click()

        # a random binary called .pdf is refused, and nothing changes
        fake = tmp_path / "report.pdf"
        fake.write_bytes(bytes(range(256)) * 40)
        page.locator("#pq-doc-upload input[type=file]").set_input_files(str(fake))
        page.locator("#pq-doc-add").click()
        message = page.locator("#pq-ingest-message")
        expect(message.locator(".pq-error")).to_contain_text("上传失败，原索引照常使用")
        expect(message).to_contain_text("report.pdf 的内容不是可读的文档")
        shot(page, "20-upload-refused")

        # a .txt is added: progress, then the message, the status line and the table
        upload = tmp_path / "rongchang.txt"
        upload.write_text(RONGCHANG, encoding="utf-8")
        page.locator("#pq-doc-upload input[type=file]").set_input_files(str(upload))
        page.locator("#pq-doc-add").click()
        expect(message).to_contain_text("正在保存并读取文件")  # the progress bar's label
        shot(page, "21-uploading", full_page=False)
        expect(message).to_contain_text(
            "已添加 1 个文件（rongchang.txt）", timeout=CHANGE_TIMEOUT_MS
        )
        expect(page.locator("#pq-status")).to_contain_text("索引就绪：2 个文件")
        stored = Path(settings.upload_dir).resolve() / "rongchang.txt"
        assert stored.read_text("utf-8") == RONGCHANG
        cell = page.locator("#pq-docs-table").get_by_role("gridcell", name="rongchang", exact=True)
        expect(cell).to_be_visible()
        shot(page, "22-uploaded")

        # its text is searchable without a restart: ask in the 问答 tab
        page.get_by_role("tab", name="问答").click()
        page.locator("#pq-question textarea").fill("荣昌区到2025年要建成什么研究院？")
        page.locator("#pq-ask").click()
        expect(page.locator("#pq-chat")).to_contain_text("夏布", timeout=CHANGE_TIMEOUT_MS)
        shot(page, "23-asked")

        # read it, then delete it (with a confirmation)
        page.get_by_role("tab", name="文档").click()
        cell.click()
        expect(page.locator("#pq-doc-view")).to_contain_text("夏布数字研究院")
        page.locator("#pq-doc-delete").click()
        confirm = page.locator("#pq-delete-confirm")
        expect(confirm).to_contain_text("确定从索引中删除 rongchang")
        shot(page, "24-confirm-delete")
        page.locator("#pq-doc-delete-confirm").click()
        expect(message).to_contain_text(
            "已从索引中删除 rongchang，上传的文件也已删除", timeout=CHANGE_TIMEOUT_MS
        )
        expect(confirm).to_be_hidden()
        expect(cell).to_have_count(0)
        expect(page.locator("#pq-status")).to_contain_text("索引就绪：1 个文件")
        assert not stored.exists()
        shot(page, "25-deleted")
    finally:
        context.close()
