"""The 评测 and 哪些地区提到 tabs in a real browser (see test_browser.py), each at desktop and
phone width; screenshots go to tests/artifacts/ named by width."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_browser import ANSWER_TIMEOUT_MS, WIDTHS, browser, open_page, open_tab, shot  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EVAL_TIMEOUT_MS = 400_000  # a few gold items through the system and three baselines


@pytest.fixture(params=list(WIDTHS))
def wpage(request, browser, app_url):  # noqa: F811
    """(page, width name): the app at 1440×1000 and at 390×844."""
    context, page = open_page(browser, app_url, request.param, accept_downloads=True)
    try:
        yield page, request.param
    finally:
        context.close()


def _reachable(page, locator) -> bool:
    """Whether the element can be brought fully inside the viewport (scrolling the page and
    any scroll box it is in): what is cut off by an overflow that hides it cannot."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    return box is not None and box["x"] >= -1 and box["x"] + box["width"] <= width + 1


def _readable(page, name: str, container, element) -> bool:
    """At desktop width every column stands inside its box as the page opens (nothing to
    scroll to); at phone width it may take a sideways scroll, but it must be reachable."""
    if name == "desktop":
        outer, box = container.bounding_box(), element.bounding_box()
        return box is not None and box["x"] + box["width"] <= outer["x"] + outer["width"] + 1
    return _reachable(page, element)


def _gold_subset(folder: Path) -> tuple[Path, int]:
    """A few items of the bundled gold set (no district item: the district metrics do not
    apply), plus one fact item whose keyword no answer can contain (a failed row)."""
    import eval as planqa_eval

    wanted = {"fact": 2, "unanswerable": 1, "variant": 1}
    lines, failing = [], None
    for line in Path(planqa_eval.DEFAULT_GOLD).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if wanted.get(item["kind"], 0) > 0:
            wanted[item["kind"]] -= 1
            lines.append(line)
        elif item["kind"] == "fact" and failing is None and item.get("evidence"):
            failing = {**item, "id": "must-fail", "answer_keywords": ["不会出现的关键词"]}
    lines.append(json.dumps(failing, ensure_ascii=False))
    subset = folder / "gold-subset.jsonl"
    subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return subset, len(lines)


@pytest.fixture(scope="module", params=list(WIDTHS))
def evaluated(request, browser, app_url, tmp_path_factory):  # noqa: F811
    """(page, width name, progress displays seen while it ran): the tab after one run on an
    uploaded gold subset, at each width; the tests below read the same page."""
    from playwright.sync_api import expect

    width, height = WIDTHS[request.param]
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="zh-CN", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(app_url)
    page.locator("#pq-status").get_by_text("索引就绪").wait_for()
    subset, n = _gold_subset(tmp_path_factory.mktemp("gold"))
    open_tab(page, "评测")
    page.locator("#pq-eval-upload input[type=file]").set_input_files(str(subset))
    expect(page.locator("#pq-eval-source input[value='上传 JSONL 文件']")).to_be_checked()
    page.locator("#pq-eval-run").click()
    page.locator(".progress-level").first.wait_for(timeout=60_000)
    counts = []
    for _ in range(6):
        counts.append(page.locator(".progress-level:visible").count())
        page.wait_for_timeout(300)
    shot(page, f"40-eval-progress-{request.param}")
    expect(page.locator("#pq-eval-message")).to_contain_text(
        f"评测 {n} 道题", timeout=EVAL_TIMEOUT_MS
    )
    page.wait_for_timeout(500)
    shot(page, f"41-eval-results-{request.param}")
    try:
        yield page, request.param, counts
    finally:
        context.close()


def test_eval_progress_is_drawn_once(evaluated):
    _, _, counts = evaluated
    assert max(counts) == 1, counts  # one progress display, not one per output


def test_eval_metrics_have_chinese_names_explained_with_the_key_small(evaluated):
    from playwright.sync_api import expect

    page, name, _ = evaluated
    metrics = page.locator("#pq-eval-metrics")
    row = metrics.locator("tr", has_text="召回率@5")
    expect(row).to_contain_text("recall@5")
    expect(row.locator(".pq-metric-key")).to_have_text("recall@5")
    expect(row.locator(".pq-metric-help")).not_to_be_empty()
    expect(metrics.locator("tr", has_text="关键词准确率")).to_be_visible()
    for header in metrics.locator("th:visible").all():
        assert _readable(page, name, metrics, header), header.inner_text()


def test_eval_metric_without_items_is_not_applicable(evaluated):
    from playwright.sync_api import expect

    page, _, _ = evaluated
    # no district item in the subset: the district metrics do not apply
    f1 = page.locator("#pq-eval-metrics tr", has_text="district_f1")
    expect(f1).to_contain_text("不适用")
    expect(f1).not_to_contain_text("未达标")


def test_eval_chart_has_a_few_level_labelled_bars(evaluated):
    from playwright.sync_api import expect

    page, name, _ = evaluated
    chart = page.locator("#pq-eval-chart")
    bars = chart.locator(".pq-bar")
    expect(bars.first).to_be_visible()
    assert 0 < bars.count() <= 28  # seven metrics at most, four systems each
    for label in chart.locator(".pq-bar-label").all()[:4]:
        transform = label.evaluate("e => getComputedStyle(e).transform")
        assert transform in ("none", "matrix(1, 0, 0, 1, 0, 0)")
        assert _reachable(page, label)
    chart.scroll_into_view_if_needed()
    shot(page, f"44-eval-chart-{name}", full_page=False)


def test_eval_failed_items_show_every_column(evaluated):
    from playwright.sync_api import expect

    page, name, _ = evaluated
    failed = page.locator("#pq-eval-failed")
    expect(failed.locator(":text-is('must-fail'):visible").first).to_be_visible()
    headers = failed.locator("th:visible")
    assert headers.count() == 6
    for header in headers.all():
        assert _readable(page, name, failed, header), header.inner_text()
    shot(page, f"45-eval-failed-{name}", full_page=False)


def test_eval_report_downloads_as_markdown_and_json(evaluated):
    page, _, _ = evaluated
    with page.expect_download() as md:
        page.locator("#pq-eval-md").click()
    assert md.value.suggested_filename.endswith(".md")
    assert "must-fail" in Path(md.value.path()).read_text(encoding="utf-8")
    with page.expect_download() as js:
        page.locator("#pq-eval-json").click()
    assert js.value.suggested_filename == "report.json"
    data = json.loads(Path(js.value.path()).read_text(encoding="utf-8"))
    assert "must-fail" in [i["id"] for i in data["items"]]


def test_eval_upload_citing_a_line_the_file_does_not_have_is_refused(wpage, tmp_path):
    from playwright.sync_api import expect

    import eval as planqa_eval

    page, name = wpage
    item = next(
        json.loads(line)
        for line in Path(planqa_eval.DEFAULT_GOLD).read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line).get("evidence")
    )
    item["id"] = "bad-line"
    item["evidence"] = [{**item["evidence"][0], "line": 99999}]
    gold = tmp_path / "bad-line.jsonl"
    gold.write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")
    open_tab(page, "评测")
    page.locator("#pq-eval-upload input[type=file]").set_input_files(str(gold))
    message = page.locator("#pq-eval-message .pq-error")
    expect(message).to_contain_text("bad-line", timeout=30_000)
    expect(message).to_contain_text("99999")
    expect(message).not_to_contain_text(re.compile(r"[a-z]{4,} (line|file|not)"))
    # refused: the bundled set stays chosen
    expect(page.locator("#pq-eval-source input[value='内置金标准集']")).to_be_checked()
    shot(page, f"42-eval-bad-evidence-{name}")


def test_districts_tab_shows_mentions_fits_the_phone_and_exports(wpage, bundled_index):
    from playwright.sync_api import expect

    page, name = wpage
    open_tab(page, "哪些地区提到")
    page.locator("#pq-topic textarea").fill("氢能")
    page.locator("#pq-find").click()
    expect(page.locator("#pq-district-message")).to_contain_text(
        "个区县提到“氢能”", timeout=ANSWER_TIMEOUT_MS
    )
    table = page.locator("#pq-district-table")
    # mentions, not a raw score, and a legend that says what they count
    cell = table.get_by_role("gridcell", name=re.compile(r"^提到 \d+ 处$")).first
    expect(cell).to_be_visible()
    expect(page.locator("#pq-district-legend")).to_contain_text("处")
    # the mention column reads on one line at any width (no digit-by-digit wrapping)
    # the lines its text takes: the distinct tops of the text's own boxes
    lines = cell.evaluate(
        """e => { const w = document.createTreeWalker(e, NodeFilter.SHOW_TEXT); const tops = [];
                  while (w.nextNode()) { if (!w.currentNode.textContent.trim()) continue;
                    const r = document.createRange(); r.selectNodeContents(w.currentNode);
                    for (const x of r.getClientRects()) tops.push(Math.round(x.top)); }
                  return new Set(tops).size; }"""
    )
    shot(page, f"43-districts-{name}")
    assert lines == 1, lines
    page.wait_for_timeout(500)
    shot(page, f"43-districts-{name}")
    page.locator("#pq-district-csv").click()
    expect(page.locator("#pq-district-file")).to_contain_text(
        re.compile(r"氢能.*\.csv"), timeout=30_000
    )
