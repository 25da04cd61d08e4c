"""The place finder over documents of three levels: a province's report (内蒙古), a city's
report (三亚) and two district plans (綦江, 合川). Excerpts keep each document's title lines,
its part headings and the lines on the topics asked, so the real model embeds them in
seconds."""

from __future__ import annotations

import pytest

from corpus.settings import BUNDLED_DATA_DIR
from tests.qa_support import EXTERNAL, NEEDS_EXTERNAL, topics_index

MONGOLIA = EXTERNAL / "province-work-reports-2025" / "2025年内蒙古自治区政府工作报告.docx"
SANYA = EXTERNAL / "city-work-reports-2024" / "txt" / "三亚.txt"
QIJIANG = BUNDLED_DATA_DIR / "000_28d192e06e44a9e3.txt"
HECHUAN = BUNDLED_DATA_DIR / "004_d29d0fa2820130c5.txt"

pytestmark = NEEDS_EXTERNAL

TOPICS = ("城镇新增就业", "研究与试验发展", "研发投入强度", "创建")


@pytest.fixture(scope="module")
def levels_index(tmp_path_factory):
    return topics_index(tmp_path_factory, "levels", (MONGOLIA, SANYA, QIJIANG, HECHUAN), TOPICS)


def _named(report) -> set[str]:
    return {d.district for d in report.districts if d.mentioned}


def test_the_excerpts_are_a_province_a_city_and_two_districts(levels_index):
    places = {d.district for d in levels_index.documents if d.district}
    assert {"内蒙古自治区", "三亚市", "綦江区", "合川区"} <= places


def test_places_of_two_levels_asked_at_once(levels_index):
    import qa

    report = qa.districts("哪些城市或省区设定了今年城镇新增就业目标？", levels_index)
    assert report.level == "mixed"
    assert {d.district for d in report.districts} == {"三亚市", "内蒙古自治区"}
    assert _named(report) == {"三亚市", "内蒙古自治区"}


def test_a_target_is_not_read_in_a_look_back(levels_index):
    import qa

    # 三亚's report says its R&D intensity reached 2.9% under 2023年工作回顾: no target set
    sanya = [x for x in SANYA.read_text("utf-8").splitlines() if "经费投入强度达到" in x]
    assert sanya, "三亚's report states the intensity it reached"
    report = qa.districts("哪些地方设定了研发投入强度目标？", levels_index)
    assert "三亚市" not in _named(report)
    assert {"綦江区", "合川区"} <= _named(report)
    # asked for mentions, not targets, the look back counts
    assert "三亚市" in _named(qa.districts("哪些地方提到了研发投入强度？", levels_index))


def test_verbs_joined_before_one_object_each_take_it(levels_index):
    import qa

    # 创建 alone is in every document (内蒙古: 自贸区创建, 创建节水增粮推进县); 创建国家…高新区
    # and 升级创建国家高新区 are not
    report = qa.districts("哪些地方提出要创建或升级国家高新区？", levels_index)
    assert _named(report) == {"三亚市", "合川区", "綦江区"}


def test_documents_set_aside_leave_the_places_with_documents_of_other_kinds(levels_index):
    import qa

    report = qa.districts("除了政府工作报告，还有哪些文件提到了研发投入强度？", levels_index)
    # the city and the province have work reports only; the districts' plans remain
    assert {d.district for d in report.districts} == {"綦江区", "合川区"}
    assert _named(report) == {"綦江区", "合川区"}
    assert report.topic == "研发投入强度"
