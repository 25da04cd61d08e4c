"""Place questions about the documents themselves (qa.document_facts): whose documents are
five-year plans of a period, or were issued in a year; answered from the documents' own
attributes, with a line of each as evidence."""

from __future__ import annotations

import pytest
from records_support import document

from qa.document_facts import document_fact, plan_years


@pytest.mark.parametrize(
    ("question", "plan", "years", "issued"),
    [
        ("哪些地方的文件是覆盖2021—2025年的五年期规划？", True, (2021, 2025), None),
        ("哪些地方的文件本身就是“十四五”科技创新规划？", True, (2021, 2025), None),
        ("哪些地方的文件是十三五规划？", True, (2016, 2020), None),
        # a plan's last year alone, and a plan a place has
        ("哪些地方有目标年为2025年的科技创新五年规划？", True, (None, 2025), None),
        ("这些地方的文件里，哪些是2022年印发的？", False, None, "2022"),
        ("哪个地方的文件是年度工作要点，而不是五年规划？", False, None, None),
        ("哪个地方的文件是2024年1月发布的？", False, None, "2024"),
        # the plans named first, then the period they are of
        ("哪些地方的科技创新规划是管2021—2025年“十四五”时期的？", True, (2021, 2025), None),
        ("有哪些地方的科技创新规划，规划期是到2025年为止的？", True, (None, 2025), None),
    ],
)
def test_a_question_about_what_the_documents_are_is_read(question, plan, years, issued):
    fact = document_fact(question)
    assert fact is not None
    assert (fact.kind == "plan", fact.years, fact.issued) == (plan, years, issued)


@pytest.mark.parametrize(
    "question",
    [
        "哪些地方的规划里提到了人工智能？",  # what the documents say
        "哪些地方的发展目标是写在规划里的？",  # where a thing is said, not what a document is
        "2022年印发的文件里，哪些提到了人工智能？",  # a year narrowing a topic's documents
        "哪些地方是国家创新型城市？",
        "哪些地方有科技规划？",  # a plan named with no period: what they say about it
        "哪些地方的文件不是规划？",  # (what a document is not is no kind asked)
        "提到氢能的是哪份报告？",  # which document says it, asked of its kind
        "哪些地方的规划是关于氢能的？",  # a plan named first, what it is about: no period
    ],
)
def test_a_question_about_what_the_documents_say_is_no_fact_about_them(question):
    assert document_fact(question) is None


def test_a_plan_s_period_is_its_title_s_or_its_first_lines():
    assert plan_years(document(title="綦江区科技创新发展“十四五”规划")) == (2021, 2025)
    lines = ("某区科技创新规划", "（2021—2025年）")
    assert plan_years(document(title="某区科技创新规划", lines=lines)) == (2021, 2025)
    assert plan_years(document(title="某区科技创新规划")) is None


def test_a_work_report_naming_a_period_is_no_plan_of_it():
    fact = document_fact("哪些地方的文件是“十四五”规划？")
    assert fact is not None
    assert fact.holds(document(title="重庆高新区“十四五”科技创新发展规划"))
    report = document(title="2025年山东省政府工作报告（“十四五”收官之年）", doc_type="work_report")
    assert not fact.holds(report)
    assert not fact.holds(document(title="某区“十三五”科技创新规划"))
    ending = document_fact("哪些地方有目标年为2025年的五年规划？")
    assert ending is not None and ending.holds(document(title="某区“十四五”规划"))
    assert not ending.holds(document(title="某区“十三五”规划"))


def test_the_finder_answers_from_the_bundled_documents_attributes(bundled_index):
    from qa.districts import districts

    plans = districts("哪些地方的文件是覆盖2021—2025年的五年规划？", bundled_index)
    # the three plans; 合川's is a year's work points
    assert set(plans.mentioned) == {"綦江区", "重庆高新区", "大渡口区"}
    assert "合川区" in {r.district for r in plans.districts}
    # a kind said with the one it is not: 合川's work points, not the plans
    points = districts("哪个地方的文件是年度科技创新工作要点，而不是五年规划？", bundled_index)
    assert set(points.mentioned) == {"合川区"}
    issued = districts("这些地方的文件里，哪些是2022年印发的？", bundled_index)
    # 重庆高新区's plan is of 2021; 大渡口区's carries no date
    assert set(issued.mentioned) == {"綦江区", "合川区"}
    for result in issued.districts:
        if result.mentioned:  # each shown by a line of its own document that dates it
            assert result.evidence and all("2022" in e.quote for e in result.evidence)
