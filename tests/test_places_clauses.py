"""A place whose report says the topic in one clause of a long sentence: the clause is read by
meaning on its own (qa.meaning.clauses_naming, calibrated as district_clause), so the other
deeds the sentence lists do not dilute it. Excerpts of two provincial reports (广西, 内蒙古),
embedded by the real model."""

from __future__ import annotations

import pytest

from qa.meaning import clauses_naming
from tests.qa_support import EXTERNAL, topics_index

PROVINCES = EXTERNAL / "province-work-reports-2025"
GUANGXI = PROVINCES / "2025年广西政府工作报告.docx"
MONGOLIA = PROVINCES / "2025年内蒙古自治区政府工作报告.docx"

TOPICS = ("北斗", "信息港", "数字")


def test_a_clause_naming_a_word_of_the_topic_that_says_which_thing_it_is():
    sentence = "加快建设中国—东盟信息港、南宁国际通信业务出入口局，推进北斗规模应用。"
    assert clauses_naming(sentence, "北斗导航应用") == ["推进北斗规模应用。"]
    # 应用 and 建设 are words half of all reports use: they name no clause
    assert clauses_naming("扩大数字技术应用场景，加快重大项目建设进度", "北斗导航应用") == []
    # the kind the topic is of (its first word that is no act) must be said: a 科技园区 built
    # with other countries is no 农业科技园区
    assert clauses_naming("深化国际合作，与“一带一路”国家共建科技园区", "农业科技园区") == []
    said = "深化国际合作，建设国家农业科技园区"
    assert clauses_naming(said, "农业科技园区") == ["建设国家农业科技园区"]
    # a sentence of one clause is read whole already, and a short clause says too little
    assert clauses_naming("推进北斗规模应用。", "北斗导航应用") == []
    assert clauses_naming("扩大规模，北斗，推进其他各项工作", "北斗导航应用") == []


def test_the_common_words_are_mined_from_the_reports():
    from benchmarks.mine_common_words import common_words as mined
    from qa.meaning import common_words

    words = common_words()
    assert {"建设", "应用", "布局", "品牌"} <= words
    assert not {"北斗", "盐碱地", "老字号", "博士后"} & words
    # a word half of the documents use is common, one fewer use is not
    texts = ["推进北斗规模应用", "加快项目建设和应用", "布局海外仓", "建设盐碱地"]
    assert mined(texts) == ["应用", "建设"]


@pytest.fixture(scope="module")
def provinces_index(tmp_path_factory):
    if not PROVINCES.is_dir():
        pytest.skip("../shared/external absent")
    return topics_index(tmp_path_factory, "clauses", (GUANGXI, MONGOLIA), TOPICS)


def test_a_topic_said_in_one_clause_of_a_long_sentence_is_met_by_meaning(provinces_index):
    import qa
    from qa.calibration import load_calibration
    from qa.scoring import cosine_to_query

    calibration = load_calibration()
    sentence = "加快建设中国—东盟信息港、南宁国际通信业务出入口局，推进北斗规模应用。"
    whole = cosine_to_query(provinces_index, "北斗导航应用", [sentence])[0]
    # the whole sentence is not near enough: the clause alone is what counts
    assert whole < calibration.district_semantic <= 1.0
    report = qa.districts("北斗导航应用，谁提到了？", provinces_index)
    guangxi = next(d for d in report.districts if d.district == "广西壮族自治区")
    assert guangxi.mentioned
    assert [e.quote for e in guangxi.evidence] == ["推进北斗规模应用。"]
    assert guangxi.evidence[0].score >= calibration.district_clause
    mongolia = next(d for d in report.districts if d.district == "内蒙古自治区")
    assert not mongolia.mentioned
