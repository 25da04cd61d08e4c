"""The UI in a real browser: Playwright drives Debian's headless Chromium (/usr/bin/chromium;
`make chromium` installs it) against the app served in this process with the session's
bundled index. Screenshots go to tests/artifacts/ (git-ignored) for a person to look at."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from app_support import QUESTION

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ANSWER_TIMEOUT_MS = 120_000  # the first question loads the embedder; the machine is shared


# the two widths every new browser test runs at: a desktop and a phone
WIDTHS = {"desktop": (1440, 1000), "phone": (390, 844)}


def open_page(browser, url, width_name: str, locale: str = "zh-CN", **options):
    """(context, page): the app at one of WIDTHS, ready once the index is open; the caller
    closes the context."""
    width, height = WIDTHS[width_name]
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale=locale, **options
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    page.locator("#pq-status").get_by_text("索引就绪").wait_for()
    return context, page


def open_tab(page, name: str) -> None:
    """Click a tab, through the overflow menu where the page is too narrow to show it."""
    tab = page.get_by_role("tab", name=name)
    if tab.count() and tab.is_visible():
        tab.click()
    else:
        page.locator(".overflow-menu button:visible").first.click()
        page.locator(".overflow-dropdown button", has_text=name).click()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.fail("Debian chromium is not installed: run `make chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
            args=CHROMIUM_ARGS,
            headless=True,
        )
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1360, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(app_url)
    # the page is ready when the start-up event has opened the index
    page.locator("#pq-status").get_by_text("索引就绪").wait_for()
    try:
        yield page
    finally:
        context.close()


def shot(page, name: str, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def test_ask_a_question_and_read_the_cited_passage(page):
    from playwright.sync_api import expect

    shot(page, "01-loaded")
    box = page.locator("#pq-question textarea")
    box.fill(QUESTION)
    page.locator("#pq-ask").click()
    chat = page.locator("#pq-chat")
    expect(chat.get_by_text(QUESTION)).to_be_visible()
    # the streamed answer replaces the "searching" placeholder and ends with its citations
    expect(chat.get_by_text("200家")).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    card = page.locator("#pq-citations .pq-card").first
    expect(card).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    assert card.get_attribute("data-district") == "綦江区"
    expect(card.locator(".pq-district")).to_have_text("綦江区")
    expect(card.locator(".pq-source")).to_contain_text("行")
    assert card.locator("mark").count() >= 1  # the question's words highlighted in the quote
    expect(box).to_have_value("")
    shot(page, "02-answer")
    page.locator("#pq-citations summary").click()  # the retrieved passages, folded
    expect(page.locator("#pq-citations .pq-hit").first).to_be_visible()
    shot(page, "02b-retrieved-passages")
    # a follow-up question in the same conversation: the first exchange stays, new cards
    box.fill("合川区2022年要新增多少家高新技术企业？")
    box.press("Enter")
    expect(chat.get_by_text("20家以上").first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    expect(chat.get_by_text("200家")).to_be_visible()
    expect(page.locator("#pq-citations .pq-card").first).to_have_attribute(
        "data-district", "合川区", timeout=ANSWER_TIMEOUT_MS
    )


def test_example_question_runs_when_clicked(page):
    from playwright.sync_api import expect

    page.locator("#pq-examples").get_by_text("哪些区的规划提到了氢能？").click()
    chat = page.locator("#pq-chat")
    expect(chat.get_by_text("提到“氢能”的区县")).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    cards = page.locator("#pq-citations .pq-card")
    expect(cards.first).to_be_visible()
    districts = {cards.nth(i).get_attribute("data-district") for i in range(cards.count())}
    assert "綦江区" in districts
    shot(page, "03-example-districts-question")


def test_empty_question_shows_a_readable_message(page):
    from playwright.sync_api import expect

    page.locator("#pq-ask").click()
    expect(page.locator("#pq-citations .pq-error")).to_contain_text("请输入问题")
    expect(page.locator("#pq-chat").get_by_text("请输入问题")).to_be_visible()


def test_generative_toggle_is_disabled_without_an_endpoint(page):
    from playwright.sync_api import expect

    toggle = page.locator("#pq-llm input[type=checkbox]")
    expect(toggle).to_be_disabled()
    expect(page.locator("#pq-llm")).to_contain_text("PLANQA_LLM_BASE_URL")


def test_districts_tab_lists_every_district_and_shows_evidence(page, bundled_index):
    from playwright.sync_api import expect

    page.get_by_role("tab", name="哪些地区提到").click()
    page.locator("#pq-topic textarea").fill("氢能")
    page.locator("#pq-find").click()
    message = page.locator("#pq-district-message")
    expect(message).to_contain_text("个区县提到“氢能”", timeout=ANSWER_TIMEOUT_MS)
    table = page.locator("#pq-district-table")
    for district in bundled_index.districts():
        expect(table.get_by_role("gridcell", name=district, exact=True)).to_be_visible()
    expect(table.get_by_role("gridcell", name="✔ 提到").first).to_be_visible()
    expect(table.get_by_role("gridcell", name="✘ 未提到").first).to_be_visible()
    expect(page.locator("#pq-district-chart canvas, #pq-district-chart svg").first).to_be_visible()
    page.wait_for_timeout(500)  # let the chart finish drawing before the screenshot
    shot(page, "04-districts")
    table.get_by_role("gridcell", name="綦江区", exact=True).click()
    detail = page.locator("#pq-district-detail")
    expect(detail.locator(".pq-evidence-head")).to_contain_text("綦江区")
    expect(detail.locator(".pq-quoted").first).to_be_visible()
    expect(detail.locator("mark").first).to_be_visible()
    shot(page, "05-district-evidence")


def test_documents_tab_opens_a_document(page, bundled_index):
    from playwright.sync_api import expect

    page.get_by_role("tab", name="文档").click()
    table = page.locator("#pq-docs-table")
    document = next(d for d in bundled_index.documents if d.district == "合川区")
    cell = table.get_by_role("gridcell", name=document.doc_id, exact=True)
    expect(cell).to_be_visible()
    cell.click()
    view = page.locator("#pq-doc-view")
    expect(view.locator(".pq-doc-title")).to_have_text(document.title)
    expect(view.locator(".pq-doc-section").first).to_be_visible()
    assert view.locator(".pq-chunk").count() == len(
        bundled_index.chunks_for(doc_id=document.doc_id)
    )
    shot(page, "06-document")


def test_eval_tab_refuses_a_malformed_upload(page, tmp_path):
    """Refused as it arrives, in Chinese, naming the file and line; the bundled set stays
    chosen. (A run on an upload: test_browser_evaluation.py, at two widths.)"""
    from playwright.sync_api import expect

    page.get_by_role("tab", name="评测").click()
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"id": "a", "kind": "fact", "question": "问"}\nnot json\n', encoding="utf-8")
    page.locator("#pq-eval-upload input[type=file]").set_input_files(str(bad))
    message = page.locator("#pq-eval-message .pq-error")
    expect(message).to_contain_text("broken.jsonl 第 2 行", timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator("#pq-eval-source input[value='内置金标准集']")).to_be_checked()
    shot(page, "07-eval-bad-upload")
