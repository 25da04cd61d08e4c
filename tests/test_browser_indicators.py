"""The 指标对比 tab and the topic grid of 哪些地区提到, in a real browser (see test_browser.py).
The first test saves its screenshot with the others in tests/artifacts/ (README shows a copy
of it, docs/screenshots/indicators.png, refreshed by hand so that a test run leaves the tree clean)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_browser import ANSWER_TIMEOUT_MS, browser, page, shot  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def test_indicator_tab_compares_places_and_shows_the_passage(page):  # noqa: F811
    from playwright.sync_api import expect

    page.get_by_role("tab", name="指标对比").click()
    page.locator("#pq-ind-search textarea").fill("研发投入强度")
    page.locator("#pq-ind-find").click()
    table = page.locator("#pq-ind-table")
    expect(table.get_by_role("gridcell", name="重庆高新区", exact=True)).to_be_visible(
        timeout=ANSWER_TIMEOUT_MS
    )
    for place, target in (
        ("重庆高新区", "5.5（2025）"),
        ("綦江区", "3（2025）"),
        ("大渡口区", "4（2025）"),
    ):
        expect(table.get_by_role("gridcell", name=place, exact=True)).to_be_visible()
        expect(table.get_by_role("gridcell", name=target, exact=True)).to_be_visible()
    expect(page.locator("#pq-ind-summary")).to_contain_text("R&D经费支出占GDP比重")
    expect(page.locator("#pq-ind-chart canvas, #pq-ind-chart svg").first).to_be_visible()
    table.get_by_role("gridcell", name="重庆高新区", exact=True).click()
    detail = page.locator("#pq-ind-detail")
    expect(detail.locator(".pq-ind-detail-head")).to_contain_text("重庆高新区")
    expect(detail.locator(".pq-quoted")).to_contain_text("R&D经费支出占GDP比重")
    expect(detail.locator(".pq-source")).to_contain_text("001_937c6c7ecafe199b.txt 第63-67行")
    page.wait_for_timeout(800)  # let the chart finish drawing before the screenshot
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "30-indicators-tab.png"), full_page=True)

    page.locator("#pq-ind-csv").click()
    expect(page.locator("#pq-ind-file")).to_contain_text(
        re.compile(r"指标对比\s*\.csv"), timeout=30_000
    )
    page.locator("#pq-ind-xlsx").click()
    expect(page.locator("#pq-ind-file")).to_contain_text(
        re.compile(r"指标对比\s*\.xlsx"), timeout=30_000
    )


def test_indicator_tab_shows_a_conflict(page):  # noqa: F811
    from playwright.sync_api import expect

    page.get_by_role("tab", name="指标对比").click()
    page.locator("#pq-ind-search textarea").fill("技术合同")
    page.locator("#pq-ind-find").click()
    table = page.locator("#pq-ind-table")
    cell = table.get_by_role("gridcell", name="重庆高新区", exact=True)
    expect(cell).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    cell.click()
    conflict = page.locator("#pq-ind-detail .pq-ind-conflict")
    expect(conflict).to_contain_text("5.1")
    expect(conflict).to_contain_text("001_937c6c7ecafe199b.txt:29")
    shot(page, "07-indicator-conflict")


def test_several_topics_show_the_grid(page):  # noqa: F811
    from playwright.sync_api import expect

    page.get_by_role("tab", name="哪些地区提到").click()
    page.locator("#pq-topic textarea").fill("氢能、人工智能、科普")
    page.locator("#pq-find").click()
    grid = page.locator("#pq-grid-table")
    expect(grid).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    for header in ("氢能", "人工智能", "科普", "全部提到"):
        expect(grid.get_by_role("columnheader", name=header).first).to_be_visible()
    qijiang = grid.get_by_role("gridcell", name="綦江区", exact=True)
    expect(qijiang).to_be_visible()
    qijiang.click()
    expect(page.locator("#pq-grid-detail")).to_contain_text("氢能")
    expect(page.locator("#pq-grid-detail .pq-source").first).to_contain_text(
        "003_3bc941a8174c68f0.txt"
    )
    page.locator("#pq-grid-xlsx").click()
    expect(page.locator("#pq-grid-file")).to_contain_text(
        re.compile(r"主题网格\s*\.xlsx"), timeout=30_000
    )
    shot(page, "08-topic-grid")
    # one topic: the grid is hidden again
    page.locator("#pq-topic textarea").fill("氢能")
    page.locator("#pq-find").click()
    expect(page.locator("#pq-grid")).to_be_hidden(timeout=ANSWER_TIMEOUT_MS)
