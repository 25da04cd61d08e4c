"""A municipality's own report beside the plans of its districts: a question naming 重庆 is
about 重庆市's report, not 大渡口区's plan, and 重庆市 is a city to "哪些城市". Excerpts of the
shared 2025 重庆市 report, the bundled 大渡口 plan and 宜宾's report keep the index small enough
to embed with the real model in seconds."""

from __future__ import annotations

import pytest

from corpus.settings import BUNDLED_DATA_DIR
from tests.qa_support import EXTERNAL, NEEDS_EXTERNAL, TEST_CACHE, excerpt_index

CHONGQING = EXTERNAL / "province-work-reports-2025" / "2025年重庆市政府工作报告.docx"
YIBIN = EXTERNAL / "city-work-reports-2024" / "txt" / "宜宾.txt"
DADUKOU = BUNDLED_DATA_DIR / "002_3865beef763800ed.txt"

pytestmark = NEEDS_EXTERNAL

TOPICS = ("研发投入强度", "研究与试验发展", "无废城市")


def _excerpt(lines: list[str]) -> str:
    head = [x for x in lines if x.strip()][:8]
    hits = [x for x in lines if any(t in x for t in TOPICS)][:4]
    return "\n\n".join(dict.fromkeys(head + hits)) + "\n"


@pytest.fixture(scope="module")
def mixed_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("municipality") / "docs"
    return excerpt_index(folder, (CHONGQING, YIBIN, DADUKOU), _excerpt, TEST_CACHE)


def test_the_excerpts_are_a_municipality_a_district_of_it_and_another_city(mixed_index):
    places = {d.district for d in mixed_index.documents if d.district}
    assert {"重庆市", "大渡口区", "宜宾市"} <= places


def test_a_question_naming_the_municipality_is_about_its_own_documents(mixed_index):
    from qa.intake import own_documents, prepare

    _, filters, early = prepare("重庆去年R&D强度达到多少？", mixed_index, None)
    own = {d.doc_id for d in mixed_index.documents if d.district == "重庆市"}
    assert early is None and set(filters.doc_ids) == own
    # a district named beside it keeps its own documents; one named alone needs no narrowing
    both = set(own_documents(["重庆市", "宜宾市"], mixed_index))
    assert own < both and all(
        d.district in ("重庆市", "宜宾市") for d in mixed_index.documents if d.doc_id in both
    )
    assert own_documents(["大渡口区"], mixed_index) == ()


def test_the_municipalitys_figure_not_its_districts(mixed_index):
    import qa

    answer = qa.answer("重庆去年R&D强度达到多少？", mixed_index)
    assert not answer.abstained
    assert "2.6%" in answer.answer
    assert all("重庆市政府工作报告" in c.source for c in answer.citations)


def test_a_municipality_named_among_places_is_judged_on_its_own_report(mixed_index):
    import qa

    # 大渡口's plan says 研究与试验发展, 重庆市's report does not
    found = qa.answer("重庆市、宜宾两地中，谁提到了“研究与试验发展”？", mixed_index)
    report = found.district_report
    assert {r.district for r in report.districts} == {"重庆市", "宜宾市"}
    assert set(report.asked) == {"宜宾市"}
    both = qa.answer("重庆市、宜宾两地中，谁提到了“无废城市”？", mixed_index).district_report
    assert set(both.asked) == {"重庆市", "宜宾市"}


def test_a_municipality_is_a_city_to_which_cities(mixed_index):
    from qa.districts import districts
    from qa.filters import places_at

    assert places_at(mixed_index, "city") == ["宜宾市", "重庆市"]
    cities = districts("哪些城市提到了“无废城市”？", mixed_index)
    assert cities.level == "city" and set(cities.mentioned) == {"宜宾市", "重庆市"}


def test_a_place_of_the_level_asked_is_judged_on_its_own_report(mixed_index):
    from qa.districts import districts

    # 大渡口's plan says 研究与试验发展 and lies inside 重庆市, whose own report does not say it
    cities = districts("哪些城市提到了“研究与试验发展”？", mixed_index)
    assert cities.level == "city" and set(cities.mentioned) == {"宜宾市"}
    reports = districts("城市的报告里，谁提到“研究与试验发展”？", mixed_index)
    assert set(reports.mentioned) == {"宜宾市"}


def test_a_municipality_beside_another_provinces_report_is_a_province():
    from types import SimpleNamespace

    from qa.filters import places_at

    def report(place, code, level):
        return SimpleNamespace(district=place, place_code=code, place_level=level)

    documents = [
        report("重庆市", "500000", "province"),
        report("北海市", "450500", "city"),
        report("湖南省", "430000", "province"),
    ]
    index = SimpleNamespace(documents=documents, districts=lambda: ["重庆市", "北海市", "湖南省"])
    assert places_at(index, "city") == ["北海市"]
    assert places_at(index, "province") == ["湖南省", "重庆市"]
    # beside cities alone it is a city (the test above)
    index.documents = documents[:2]
    assert places_at(index, "city") == ["北海市", "重庆市"]


def test_documents_asked_by_kind_keep_the_places_that_have_one():
    from types import SimpleNamespace

    from qa.filters import of_kinds

    def document(district, doc_type, source, title=""):
        return SimpleNamespace(district=district, doc_type=doc_type, source=source, title=title)

    index = SimpleNamespace(
        documents=[
            document("綦江区", "plan", "plan.txt"),
            document("合川区", "work_points", "points.txt"),
            # a gazette issue: its front matter, and a notice printed in it
            document("大渡口区", "front_matter", "gazette.txt", "大渡口区人民政府公报 2022年第1期"),
            document("大渡口区", "notice", "gazette.txt"),
        ]
    )
    assert of_kinds(["合川区", "綦江区"], ("plan",), index) == ["綦江区"]
    assert of_kinds(["合川区", "綦江区"], (), index) == ["合川区", "綦江区"]  # no kind asked
    assert of_kinds(["合川区"], ("plan",), index) == ["合川区"]  # none has one: no narrowing
    # 政府公报里: the places with a document printed in a gazette
    assert of_kinds(["合川区", "綦江区", "大渡口区"], ("gazette",), index) == ["大渡口区"]


def test_each_part_of_a_question_naming_two_places_is_filtered_to_its_own(mixed_index):
    from qa.intake import part_filters, prepare

    question = "重庆、宜宾的研发投入强度分别是多少？"
    _, filters, _ = prepare(question, mixed_index, None)
    assert set(filters.districts) == {"重庆市", "宜宾市"}
    yibin = part_filters("宜宾的研发投入强度是多少", mixed_index, filters)
    assert yibin.districts == ("宜宾市",)
    assert all(d.district == "宜宾市" for d in mixed_index.documents if d.doc_id in yibin.doc_ids)
    # a part naming no place of its own keeps the question's filters
    assert part_filters("研发投入强度是多少", mixed_index, filters) == filters


def test_a_place_whose_example_is_followed_is_no_filter(mixed_index):
    from qa.intake import prepare

    # who learns from 宜宾's experience is asked of every place, not of 宜宾
    _, filters, _ = prepare("哪些地方说要学习宜宾“三江新区”的经验？", mixed_index, None)
    assert filters is None or not filters.districts
    _, filters, _ = prepare("宜宾提到了哪些发展经验？", mixed_index, None)
    assert filters.districts == ("宜宾市",)


def test_a_place_that_is_the_topic_is_no_filter_wherever_it_is_said(mixed_index):
    from qa.intake import prepare

    # the place's name is what is looked for, said again in a remark on what counts
    question = "哪些地方的文件里出现了“宜宾”这个地名（不只是宜宾自己的报告）？"
    _, filters, _ = prepare(question, mixed_index, None)
    assert filters is None or not filters.districts


def test_a_place_inside_an_english_topic_is_no_filter(mixed_index):
    from qa.intake import prepare

    question = "Which places mention the Chengdu-Chongqing Twin-City Economic Circle?"
    _, filters, _ = prepare(question, mixed_index, None)
    assert filters is None or not filters.districts
    # (a place named among those asked still is one)
    _, filters, _ = prepare("Which of Yibin and Chongqing mention hydrogen?", mixed_index, None)
    assert set(filters.districts) == {"宜宾市", "重庆市"}


def test_the_districts_of_a_municipality_are_asked_not_its_own_report(mixed_index):
    from qa.answer import answer

    report = answer("重庆的区里谁提到了科技创新？", mixed_index).district_report
    assert report is not None and report.level == "county"
    assert {r.district for r in report.districts} == {"大渡口区"}
