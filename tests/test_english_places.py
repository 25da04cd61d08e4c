"""A "which places…" question asked in English: read, its topic put into Chinese from
CC-CEDICT read the other way round, and answered by the place finder."""

from __future__ import annotations

import pytest

from qa.english_places import chinese_for, read_english_place_question


@pytest.mark.parametrize(
    ("question", "topic", "level"),
    [
        ("Which cities talk about mangroves?", "mangroves", "city"),
        ("Which provinces mention nuclear power?", "nuclear power", "province"),
        ("Which places talk about the rare earth industry?", "the rare earth industry", None),
        ("Which of Shandong, Hunan and Liaocheng mention nuclear power?", "nuclear power", None),
        ("Do Fangchenggang or Suizhou mention tea?", "tea", None),
        (
            "Among Yunnan, Henan and Heze, which one mentions the Railway (中欧班列)?",
            "the Railway (中欧班列)",
            None,
        ),
    ],
)
def test_an_english_place_question_is_read(question, topic, level):
    read = read_english_place_question(question)
    assert read is not None and (read.topic, read.level) == (topic, level)


@pytest.mark.parametrize(
    "question",
    [
        "What is Shandong's GDP target for 2025?",
        "哪些城市提到了红树林？",
        "Who delivered the report?",
    ],
)
def test_other_questions_are_no_english_place_questions(question):
    assert read_english_place_question(question) is None


def test_the_topic_is_said_in_chinese_by_the_dictionary_senses_that_name_it():
    assert "核电" in chinese_for("nuclear power").split("、")
    assert chinese_for("the rare earth industry") == "稀土"  # the kind word left out
    assert "红树" in chinese_for("mangroves")
    assert chinese_for("the China-Europe Railway Express (中欧班列)") == "中欧班列"  # as given
    assert chinese_for("zzqx blorf") == ""


def test_an_english_place_question_is_answered_by_the_place_finder():
    from qa.answer import answer
    from tests.qa_support import FakeIndex, make_chunk

    index = FakeIndex(
        [
            make_chunk("a", "加快稀土新材料产业发展，建设稀土永磁产业园。", district="綦江区"),
            make_chunk("b", "发展智能网联新能源汽车产业。", district="合川区"),
        ]
    )
    reply = answer("Which districts mention rare earth?", index)
    assert reply.mode == "districts"
    assert (
        "綦江区" in reply.answer.split("未提到")[0]
        and "合川区" not in reply.answer.split("未提到")[0]
    )
