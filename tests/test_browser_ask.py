"""The 问答 tab in headless Chromium at a desktop width (1440 px) and a phone width (390 px):
every answer keeps its own source cards, [n] links to its card, copy and export carry the
sources, the conversation survives a reload, the question box counts against its limit, and
the page is in Chinese whatever the browser's locale. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from app_support import QUESTION
from test_browser import ANSWER_TIMEOUT_MS, WIDTHS, browser, open_page, open_tab, shot  # noqa: F401 - the browser fixture

from qa.text import MAX_QUESTION_CHARS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FOLLOW_UP = "合川区2022年要新增多少家高新技术企业？"
# Gradio's own English strings that showed on the page before it had Chinese for them
GRADIO_ENGLISH = (
    "Drop File Here",
    "Click to Upload",
    "Clear",
    "Copy message",
    "Copy",
    "Loading",
    "Use via API",
    "Built with Gradio",
    "chatbot conversation",
    "bot's message",
    "user's message",
)


@pytest.fixture(params=sorted(WIDTHS))
def width(request) -> str:
    return request.param


@pytest.fixture()
def page(browser, app_url, width):  # noqa: F811
    context, page = open_page(browser, app_url, width)
    try:
        yield page
    finally:
        context.close()


def ask(page, question: str, expect_text: str) -> None:
    from playwright.sync_api import expect

    page.locator("#pq-question textarea").fill(question)
    page.locator("#pq-ask").click()
    answers = page.locator("#pq-chat [data-testid=bot]")
    expect(answers.last).to_contain_text(expect_text, timeout=ANSWER_TIMEOUT_MS)
    # the answer is done when its cards are in
    expect(page.locator("#pq-citations .pq-answer-sources").first).to_contain_text(
        question, timeout=ANSWER_TIMEOUT_MS
    )


def _exported(page, holding: tuple[str, ...], wait_s: float = 30.0):
    """The export's download and text. The file is written in a step after the answer's own
    (`.then`), so a click right after the answer may still get the file of the answer before:
    download again until it holds what was asked, or the wait is over."""
    import time

    deadline = time.monotonic() + wait_s
    while True:
        with page.expect_download() as info:
            page.locator("#pq-export").click()
        text = Path(info.value.path()).read_text(encoding="utf-8")
        if all(h in text for h in holding) or time.monotonic() > deadline:
            return info.value, text
        page.wait_for_timeout(500)


def two_answers(page) -> None:
    ask(page, QUESTION, "200家")
    ask(page, FOLLOW_UP, "20家以上")


def test_every_answer_keeps_its_cards_and_its_markers_link_to_them(page, width):
    from playwright.sync_api import expect

    two_answers(page)
    first = page.locator("#pq-a1")
    second = page.locator("#pq-a2")
    expect(first.locator(".pq-card").first).to_have_attribute("data-district", "綦江区")
    expect(second.locator(".pq-card").first).to_have_attribute("data-district", "合川区")
    expect(first).to_contain_text(QUESTION)
    # answer 1's [1] is a link to answer 1's card 1, which scrolls into view and is marked
    ref = page.locator("#pq-chat [data-testid=bot]").first.locator("a.pq-ref").first
    expect(ref).to_have_text("[1]")
    ref.click()
    card = page.locator("#pq-a1-c1")
    expect(card).to_have_class(re.compile(r"\bpq-target\b"))
    expect(card).to_be_in_viewport()
    shot(page, f"ask-{width}-marker-jumps-to-card", full_page=False)
    shot(page, f"ask-{width}-two-answers")


def test_copy_gives_the_answer_with_its_sources(browser, app_url, width):  # noqa: F811
    context, page = open_page(browser, app_url, width)
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        ask(page, QUESTION, "200家")
        bot_row = page.locator("#pq-chat .message-row:has([data-testid=bot])").first
        bot_row.locator("xpath=following-sibling::*[1]").locator("button").first.click()
        page.wait_for_timeout(500)
        copied = page.evaluate("navigator.clipboard.readText()")
        assert "200家[1]" in copied
        assert "出处" in copied
        card = page.locator("#pq-a1-c1")
        assert card.locator(".pq-title").inner_text().strip("《》") in copied
        assert "綦江区" in copied
        source = card.locator(".pq-source").first.inner_text().split(" ")[0]
        assert source in copied  # the file, with its lines
        assert "行" in copied
        assert "<" not in copied  # text, not markup
    finally:
        context.close()


def test_conversation_exports_as_markdown_and_survives_a_reload(page, width):
    from playwright.sync_api import expect

    two_answers(page)
    download, text = _exported(page, holding=(QUESTION, FOLLOW_UP))
    assert download.suggested_filename.endswith(".md")
    assert QUESTION in text and FOLLOW_UP in text
    assert "200家" in text and "20家以上" in text
    assert text.count("出处") >= 2  # each answer with its sources
    page.reload()
    page.locator("#pq-status").get_by_text("索引就绪").wait_for()
    chat = page.locator("#pq-chat")
    expect(chat.get_by_text(QUESTION)).to_be_visible()
    expect(chat.get_by_text("20家以上").first).to_be_visible()
    expect(page.locator("#pq-a1 .pq-card").first).to_have_attribute("data-district", "綦江区")
    expect(page.locator("#pq-a2 .pq-card").first).to_have_attribute("data-district", "合川区")
    shot(page, f"ask-{width}-after-reload")
    # 清空 empties the kept conversation too
    page.locator("#pq-clear").click()
    expect(page.locator("#pq-chat [data-testid=bot]")).to_have_count(0)
    page.reload()
    page.locator("#pq-status").get_by_text("索引就绪").wait_for()
    page.wait_for_timeout(1000)
    expect(page.locator("#pq-chat [data-testid=bot]")).to_have_count(0)


def test_question_box_states_its_limit_and_counts(page, width):
    from playwright.sync_api import expect

    box = page.locator("#pq-question textarea")
    assert str(MAX_QUESTION_CHARS) in (box.get_attribute("placeholder") or "")
    counter = page.locator("#pq-question-count")
    expect(counter).to_contain_text(f"0/{MAX_QUESTION_CHARS}")
    box.fill("綦江区")
    expect(counter).to_contain_text(f"3/{MAX_QUESTION_CHARS}")
    # a paste over the limit is kept whole, and the counter says it is too long
    long = "高新技术企业" * 500  # 3,000 characters, past the old silent cut at 2,000
    box.fill(long)
    assert len(box.input_value()) == len(long)
    expect(counter).to_contain_text(f"{len(long)}/{MAX_QUESTION_CHARS}")
    expect(counter).to_contain_text("超出")
    shot(page, f"ask-{width}-question-too-long", full_page=False)
    page.locator("#pq-ask").click()
    expect(page.locator("#pq-citations .pq-error")).to_contain_text(str(MAX_QUESTION_CHARS))


def test_sources_come_right_after_the_answer(page, width):
    ask(page, QUESTION, "200家")

    def top(selector: str) -> float:
        return page.locator(selector).first.bounding_box()["y"]

    sources = top("#pq-citations")
    assert top("#pq-chat") < sources < top("#pq-examples")
    if width == "phone":  # one column: the filters come after the sources too
        assert sources < top("#pq-district-filter")
    shot(page, f"ask-{width}-sources-order")


# English that Gradio writes outside its i18n: labels of letters and spaces only, and i18n
# keys shown raw ("common.complete") where Gradio has no text for them
ENGLISH_LABEL = re.compile(r"^[A-Za-z][A-Za-z' ]*$")
RAW_KEY = re.compile(r"^[a-z_]+\.[a-z_]+$")


def english_on_page(page) -> list[str]:
    shown = page.evaluate(
        """() => {
            const labels = [];
            for (const el of document.querySelectorAll('[aria-label],[title],[placeholder]'))
                for (const attr of ['aria-label', 'title', 'placeholder'])
                    if (el.getAttribute(attr)) labels.push(el.getAttribute(attr));
            return [document.body.innerText.split('\\n'), labels];
        }"""
    )
    lines = [line.strip() for line in shown[0]]
    found = [s for s in GRADIO_ENGLISH if any(line.startswith(s) for line in lines + shown[1])]
    found += [line for line in lines if RAW_KEY.match(line)]
    found += [label for label in shown[1] if ENGLISH_LABEL.match(label)]
    return sorted(set(found))


@pytest.mark.parametrize("locale", ["zh-CN", "en-US"])
def test_page_is_chinese_whatever_the_browser_locale(browser, app_url, width, locale):  # noqa: F811
    from playwright.sync_api import expect

    context, page = open_page(browser, app_url, width, locale=locale)
    try:
        assert page.evaluate("document.documentElement.lang") == "zh-CN"
        ask(page, QUESTION, "200家")
        page.wait_for_timeout(300)  # the labels are put in on the next frame
        assert english_on_page(page) == []
        shot(page, f"ask-{width}-{locale}")
        for tab in ("哪些地区提到", "指标对比", "文档", "评测"):
            open_tab(page, tab)
            page.wait_for_timeout(500)
            assert english_on_page(page) == [], tab
        expect(page.locator("#pq-eval-upload").get_by_text("拖放")).to_be_visible()
        shot(page, f"ask-{width}-{locale}-eval-tab")
    finally:
        context.close()


def test_topic_box_states_its_limit_and_keeps_a_long_paste(page, width):
    # the 哪些地区提到 box had the same silent cut at 2,000 characters as the question box
    open_tab(page, "哪些地区提到")
    box = page.locator("#pq-topic textarea")
    assert str(MAX_QUESTION_CHARS) in (box.get_attribute("placeholder") or "")
    long = "氢能" * 1500
    box.fill(long)
    assert len(box.input_value()) == len(long)
