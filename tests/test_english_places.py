"""A "which places…" question asked in English: read, its topic put into Chinese from
CC-CEDICT read the other way round, and answered by the place finder."""

from __future__ import annotations

import pytest

from qa.attested import Corpus
from qa.english_places import chinese_for, english_topic, read_english_place_question


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
        # any verb, and what a place means to do before it
        (
            "Which of Liaocheng, Chenzhou and Tongren hold dragon boat races?",
            "dragon boat races",
            None,
        ),
        (
            "Which of Jingzhou, Suizhou and Inner Mongolia plan to develop the low-altitude economy?",
            "the low-altitude economy",
            None,
        ),
        ("Which cities plan to build sponge cities?", "sponge cities", "city"),
        # the place a level is of, before it (a filter of its own)
        ("Which Chongqing districts mention hydrogen energy?", "hydrogen energy", "county"),
        # where the documents say it is no part of the topic
        ("Which places mention the Belt and Road in their documents?", "the Belt and Road", None),
        # whose documents after the level, and cities said as prefecture-level
        (
            "Which districts' plans mention artificial intelligence?",
            "artificial intelligence",
            "county",
        ),
        ("Which cities' reports mention 低空经济?", "低空经济", "city"),
        ("Which prefecture-level cities mention the silver economy?", "the silver economy", "city"),
        # whether any place of a level did
        ("Do any provinces mention the silver economy?", "the silver economy", "province"),
        ("Do Shandong or Henan mention the silver economy?", "the silver economy", None),
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
        "Which cities are building sponge cities?",  # no verb of mentioning or doing read
        "What did Heze build last year?",
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


def _english_names() -> list[tuple[str, str]]:
    import json

    from qa.english_places import _ENGLISH_NAMES

    names = json.loads(_ENGLISH_NAMES.read_text(encoding="utf-8"))["names"]
    return [(english, chinese) for chinese, said in names.items() for english in said]


@pytest.mark.parametrize(("english", "chinese"), _english_names())
def test_a_policy_named_by_its_official_english_name_is_its_chinese_name(english, chinese):
    assert chinese_for(english) == chinese
    assert chinese_for(f"the {english} policy") == chinese  # articles and kind words aside


def test_a_field_term_named_in_english_is_its_chinese_name():
    assert chinese_for("R&D intensity") == "研发投入强度"  # qa/data/terms.json
    # joined by another dash, or named again in brackets
    dashed = english_topic("Which places mention the China–Europe Railway Express?")
    assert dashed is not None and chinese_for(dashed[0]) == "中欧班列"
    assert chinese_for("the CER (China-Europe freight trains)") == "中欧班列"
    assert chinese_for("rural revitalization strategy") == "乡村振兴"
    assert chinese_for("rural revitalization of mountains") != "乡村振兴"  # more than the name


def _corpus(text: str, words: frozenset[str]) -> Corpus:
    return Corpus(
        holds=lambda piece: piece in text,
        matches=lambda topic: topic in text,
        word=words.__contains__,
    )


def test_a_topic_no_sense_names_whole_is_put_together_as_the_documents_write_it():
    corpus = _corpus(
        "发展低空经济，建设氢能产业园，举办龙舟大赛，加大考核力度。", frozenset(["氢能"])
    )
    assert chinese_for("the low-altitude economy") == ""  # no sense of the dictionary names it
    assert chinese_for("the low-altitude economy", corpus) == "低空经济"
    assert chinese_for("hydrogen energy", corpus) == "氢能"  # one character each: a corpus word
    # the head noun left unsaid when no text says it: 龙舟 (大赛), not 赛龙舟 the text lacks
    assert chinese_for("dragon boat races", corpus) == "龙舟"
    # 核力 is in 考核力度 but is no word of it: the dictionary's own forms stand
    assert "核电" in chinese_for("nuclear power", corpus).split("、")
    assert chinese_for("zzqx blorf", corpus) == ""
    # one character beside a longer word makes a text long enough to be no accident
    fuel_cells = _corpus("发展氢燃料电池发动机。", frozenset())
    assert chinese_for("hydrogen fuel cells", fuel_cells) == "氢燃料电池"


def test_a_code_both_languages_write_is_the_topic_as_the_documents_write_it():
    corpus = _corpus("新建5G基站1000个，推广AI应用。", frozenset())
    assert chinese_for("5G (5G base stations, 5G factories or 5G applications)", corpus) == "5G"
    assert chinese_for("AI", corpus) == "AI"
    assert chinese_for("RCEP", corpus) == ""  # a code the documents do not write
    # alternatives, each in Chinese
    assert chinese_for("5G or AI", corpus) == "5G、AI"
    assert "氢" in chinese_for("hydrogen", _corpus("发展氢能。", frozenset(["氢能"])))  # a word


def test_a_hyphened_word_and_a_word_said_with_one_more_are_read_as_the_dictionary_has_them():
    corpus = _corpus("发展银发经济、夜间经济，建设银行网点。", frozenset())
    # nighttime is one word of the dictionary's (夜间), night-time two of the user's
    assert chinese_for("the night-time economy", corpus) == "夜间经济"
    # 银发 is "silver hair": the silver of silver economy, as the documents write it
    assert chinese_for("the silver economy", corpus) == "银发经济"
    assert chinese_for("the silver economy", _corpus("建设银行网点。", frozenset())) == ""


def test_a_topic_whose_forms_the_documents_write_keeps_them():
    corpus = _corpus("积极安全有序发展核电。", frozenset())
    # the dictionary's own forms, all of them, not a composition of 核 and 电
    assert chinese_for("nuclear power", corpus) == chinese_for("nuclear power")
    assert "核电" in chinese_for("nuclear power", corpus).split("、")


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


def test_an_english_topic_put_together_is_answered_by_the_place_finder():
    from qa.answer import answer
    from tests.qa_support import FakeIndex, make_chunk

    index = FakeIndex(
        [
            make_chunk("a", "积极发展低空经济，建设通用机场。", district="綦江区"),
            make_chunk("b", "发展智能网联新能源汽车产业。", district="合川区"),
        ]
    )
    reply = answer("Which districts plan to develop the low-altitude economy?", index)
    assert reply.mode == "districts" and "低空经济" in reply.answer
    mentioned = reply.answer.split("未提到")[0]
    assert "綦江区" in mentioned and "合川区" not in mentioned


def test_a_place_set_aside_or_a_topic_not_to_be_mentioned_is_put_into_chinese():
    from qa.english_places import read_english_place_question

    but = read_english_place_question(
        "Which places mention 氢能 (hydrogen) but NOT 储能 (energy storage)?"
    )
    assert but.chinese == "哪些地方提到了氢能但没提储能"
    aside = read_english_place_question(
        "Apart from Mianyang's own report, which places' documents mention Mianyang (绵阳)?"
    )
    assert (aside.chinese, aside.aside) == (
        "除了Mianyang自己的报告，哪些地方提到了绵阳",
        "Mianyang",
    )
    # a place set aside whole (its name left for the places reader to spell)
    besides = read_english_place_question("Besides Chongqing, which places mention 陆海新通道?")
    assert (besides.chinese, besides.aside) == (
        "除了Chongqing，哪些地方提到了陆海新通道",
        "Chongqing",
    )
    # the topic alone when nothing else is said, quoted or not
    assert read_english_place_question("Which cities mention 氢能?").chinese == "氢能"
    assert read_english_place_question('Which places mention "千万工程"?').chinese == "千万工程"
    # both topics, or the places that do not mention one
    both = read_english_place_question("Which places mention both 氢能 and 储能?")
    assert both.chinese == "哪些地方同时提到了氢能与储能"
    unsaid = read_english_place_question("Which places do not mention 低空经济?")
    assert unsaid.chinese == "哪些地方没有提到低空经济"
    # (…a second topic's negation is no negation of the question)
    but_not = read_english_place_question(
        "Which places mention 氢能 (hydrogen) but do not mention 储能 (energy storage)?"
    )
    assert but_not.chinese == "哪些地方提到了氢能但没提储能"
    # a Chinese name given inside the topic, and a sentence after the question remarking on
    # what counts, which leaves the question as it is
    hygienic = read_english_place_question(
        "Which places mention creating a 国家卫生城市 (National Hygienic City)? "
        "国家卫生乡镇 does not count."
    )
    assert hygienic.chinese == "国家卫生城市"
    # a topic not to be mentioned that has no Chinese form is not dropped: no question read
    assert read_english_place_question("Which places mention 氢能 but not zorblax?").chinese == ""


def test_an_english_question_setting_a_place_aside_is_answered_without_it():
    from qa.answer import answer
    from tests.qa_support import FakeIndex, make_chunk

    index = FakeIndex(
        [
            make_chunk("a", "綦江区加快建设綦江高新区，发展綦江齿轮产业。", district="綦江区"),
            make_chunk("b", "深化与綦江区、万盛经开区的合作，共建产业园。", district="合川区"),
            make_chunk("c", "发展智能网联新能源汽车产业。", district="大渡口区"),
        ]
    )
    reply = answer(
        "Apart from Qijiang's own documents, which places mention Qijiang (綦江)?", index
    )
    report = reply.district_report
    assert set(report.asked) == {"合川区"}
    assert "綦江区" not in {r.district for r in report.districts}
    but = answer("Which districts mention 新能源汽车 but not 产业园?", index).district_report
    assert set(but.asked) == {"大渡口区"}
    unsaid = answer("Which districts do not mention 产业园?", index).district_report
    assert unsaid.negated and set(unsaid.asked) == {"綦江区", "大渡口区"}
