"""The 文档 tab as a reader, the status line and the labels, in headless Chromium at a desktop
(1440 px) and a phone (390 px) width, against the app served on the bundled index.
Screenshots go to tests/artifacts/ with the width in their names."""

from __future__ import annotations

import itertools
import re

import pytest
from app_support import QUESTION
from test_browser import ANSWER_TIMEOUT_MS, WIDTHS, browser, open_page, open_tab, shot  # noqa: F401 - the shared fixture

from corpus.text import split_sentences

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LONG_DOCUMENT = "003_3bc941a8174c68f0#4"  # the 綦江 plan in the gazette: some 500 lines


@pytest.fixture(params=list(WIDTHS))
def sized_page(request, browser, app_url):  # noqa: F811
    """A page at each width in turn: (page, width name)."""
    context, page = open_page(browser, app_url, request.param)
    try:
        yield page, request.param
    finally:
        context.close()


def open_from_table(page, doc_id: str) -> None:
    open_tab(page, "文档")
    cell = page.locator("#pq-docs-table").get_by_role("gridcell", name=doc_id, exact=True)
    cell.click()


def test_clicking_a_row_brings_the_document_into_view(sized_page, bundled_index):
    from playwright.sync_api import expect

    page, width = sized_page
    document = next(d for d in bundled_index.documents if d.doc_id == LONG_DOCUMENT)
    open_from_table(page, LONG_DOCUMENT)
    title = page.locator("#pq-doc-view .pq-doc-title")
    expect(title).to_have_text(document.title)
    expect(title).to_be_in_viewport()
    # brought up to be read, not left at the bottom edge: the title in the viewport's top half
    page.wait_for_function(
        "() => { const t = document.querySelector('#pq-doc-view .pq-doc-title');"
        " const top = t.getBoundingClientRect().top;"
        " return top >= 0 && top < window.innerHeight / 2; }",
        timeout=5_000,
    )
    shot(page, f"30-document-opened-{width}", full_page=False)


def test_the_outline_jumps_to_a_section(sized_page, bundled_index):
    from playwright.sync_api import expect

    page, width = sized_page
    open_from_table(page, LONG_DOCUMENT)
    outline = page.locator("#pq-doc-view .pq-outline")
    expect(outline).to_be_visible()
    sections = {s for c in bundled_index.chunks_for(doc_id=LONG_DOCUMENT) for s in c.section}
    links = outline.locator("a")
    assert links.count() == len(sections)
    last = links.last
    target = last.get_attribute("href").lstrip("#")
    heading = page.locator(f"#pq-doc-view [id='{target}']")
    expect(heading).not_to_be_in_viewport()
    last.click()
    expect(heading).to_be_in_viewport()
    if width == "desktop":  # the outline stays beside the text, to jump again
        expect(outline).to_be_in_viewport()
    shot(page, f"31-outline-jump-{width}", full_page=False)


def test_a_sentence_two_chunks_share_is_read_once(sized_page, bundled_index):
    from playwright.sync_api import expect

    page, width = sized_page
    # a sentence of the bundled corpus that the chunker repeats at the start of the next
    # chunk (overlap): found in the index, not written here
    found = None
    for d in bundled_index.documents:
        own = [c for c in bundled_index.chunks_for(doc_id=d.doc_id) if c.doc_id == d.doc_id]
        for a, b in itertools.pairwise(own):
            shared = [s for s in split_sentences(b.text) if len(s) > 20 and s in a.text]
            if a.section == b.section and shared:
                found = d, shared[0]
                break
        if found:
            break
    assert found, "the bundled index has overlapping chunks"
    document, sentence = found
    open_from_table(page, document.doc_id)
    view = page.locator("#pq-doc-view")
    expect(view.locator(".pq-doc-title")).to_have_text(document.title)
    assert view.inner_text().count(sentence.strip()) == 1
    shot(page, f"32-overlap-once-{width}")


# (characters, lines) of a cell's text: the lines are the distinct tops of its text's boxes
CHARACTERS_PER_LINE = """
(cell) => {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  const tops = new Set();
  let text = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    text += node.textContent;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
  }
  return [text.trim().length, tops.size];
}
"""


def test_the_documents_table_is_readable(sized_page, bundled_index):
    """At either width every cell of the table is wide enough for words: no cell is broken
    into lines of a character or two (at 390 px every cell was, before the table kept a
    desktop's width and scrolled sideways on a phone)."""
    from playwright.sync_api import expect

    page, width = sized_page
    open_tab(page, "文档")
    table = page.locator("#pq-docs-table")
    expect(table.get_by_role("gridcell", name=LONG_DOCUMENT, exact=True)).to_be_visible()
    cells = table.locator("[role=gridcell]")
    narrow = []
    for i in range(min(cells.count(), 9 * 6)):  # the first rows
        chars, lines = cells.nth(i).evaluate(CHARACTERS_PER_LINE)
        if chars >= 3 and chars / max(lines, 1) < 2.5:
            narrow.append((cells.nth(i).inner_text(), lines))
    cells.nth(0).scroll_into_view_if_needed()
    shot(page, f"33-documents-table-{width}", full_page=False)
    assert not narrow, narrow


def test_status_line_and_labels_say_files_and_documents(sized_page, bundled_index):
    from playwright.sync_api import expect

    page, width = sized_page
    files = len({d.source for d in bundled_index.documents})
    status = page.locator("#pq-status")
    expect(status).to_contain_text(f"{files} 个文件、{len(bundled_index.documents)} 篇文档")
    expect(status).to_contain_text(re.compile(r"建于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}"))
    expect(page.locator("#pq-doc-filter")).to_contain_text("只看这些文档")
    shot(page, f"34-status-{width}", full_page=False)


def test_no_label_is_left_untranslated(sized_page, bundled_index):
    """Every tab's visible text, with each document opened in the 文档 tab: no identifier
    such as front_matter is shown where a Chinese label belongs."""
    page, width = sized_page
    identifier = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
    shown = [page.locator("body").inner_text()]
    for tab in ("哪些地区提到", "指标对比", "评测", "文档"):
        open_tab(page, tab)
        page.wait_for_timeout(300)
        shown.append(page.locator("body").inner_text())
    view = page.locator("#pq-doc-view .pq-doc-title")
    for d in bundled_index.documents:
        # pick the option as a user does: Enter right after typing races the list's
        # filtering under load and may re-pick the previous document (no change event)
        page.locator("#pq-doc-choice input").fill(d.doc_id)
        page.get_by_role("option").filter(has_text=f"({d.doc_id})").first.click()
        view.filter(has_text=d.title[:10]).wait_for()
        shown.append(page.locator("#pq-doc-view").inner_text())
    shot(page, f"36-every-document-read-{width}", full_page=False)
    found = {m for text in shown for m in identifier.findall(text)}
    assert not found, found


def test_a_citation_opens_its_document_at_the_cited_lines(sized_page, bundled_index):
    from playwright.sync_api import expect

    page, width = sized_page
    page.locator("#pq-question textarea").fill(QUESTION)
    page.locator("#pq-ask").click()
    card = page.locator("#pq-citations .pq-card").first
    expect(card).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    chunk_id = card.get_attribute("data-chunk")
    chunk = next(c for c in bundled_index.chunks if c.chunk_id == chunk_id)
    document = next(d for d in bundled_index.documents if d.doc_id == chunk.doc_id)
    quote = card.locator(".pq-quote").inner_text()
    link = card.get_by_role("link", name="在文档中查看")
    expect(link).to_be_visible()
    link.click()
    view = page.locator("#pq-doc-view")  # on the page only while the 文档 tab is selected
    expect(view.locator(".pq-doc-title")).to_have_text(document.title)
    cited = view.locator("#pq-cited")
    expect(cited).to_be_in_viewport()
    marked = "".join(view.locator(".pq-cited").all_inner_texts())
    # the quote's opening words stand on the marked lines
    opening = re.match(r"[\u4e00-\u9fff]+", quote.strip())
    assert opening and opening.group(0) in marked, (quote, marked)
    shot(page, f"35-citation-opened-{width}", full_page=False)
