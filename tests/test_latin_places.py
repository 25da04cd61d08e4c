"""Romanised place names, generated with pypinyin for every place a question may name, and
the hand-written exonyms of qa/data/district_names_latin.json."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from corpus import places
from qa.latin_places import latin_places_in, latin_places_removed, latin_places_spelt, romanised

HELD = (
    "北海市",
    "来宾市",
    "甘孜藏族自治州",
    "菏泽市",
    "铜仁市",
    "随州市",
    "綦江区",
    "大渡口区",
    "长治市",
)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("What is Beihai's 2024 target?", "北海市"),
        ("targets of Beihai City for 2024", "北海市"),
        ("Ganzi's lithium reserves", "甘孜藏族自治州"),
        ("Ganzi Prefecture", "甘孜藏族自治州"),
        ("Garze", "甘孜藏族自治州"),
        ("Heze", "菏泽市"),
        ("Tongren", "铜仁市"),
        ("Suizhou", "随州市"),
        ("Laibin City", "来宾市"),
        ("Qijiang District", "綦江区"),
        ("Dadukou", "大渡口区"),
        ("Hechuan", "合川区"),
        ("Nan'an District", "南岸区"),
        ("Nanan", "南岸区"),
        ("Chongqing High-tech Zone", "重庆高新区"),
        ("Shanghai", "上海市"),
        ("Shaanxi", "陕西省"),
        ("Changzhi", "长治市"),  # 长 read chang here, though pypinyin reads it zhang
    ],
)
def test_places_named_in_latin_letters(text, label):
    assert latin_places_in(text, HELD) == [label]


def test_a_romanisation_two_places_share_names_the_one_the_index_holds():
    assert latin_places_in("Taizhou's GDP", ()) == []
    assert latin_places_in("Taizhou's GDP", ("泰州市",)) == ["泰州市"]


def test_romanised_forms_follow_the_kind_of_place():
    assert romanised("北海市", ("北海",)) == ("Beihai City", "Beihai")
    assert "Nan'an District" in romanised("南岸区", ("南岸",))
    assert "Ganzi Prefecture" in romanised("甘孜藏族自治州", ("甘孜州", "甘孜"))


def test_place_names_are_no_topic_words():
    assert latin_places_removed("What is Beihai City's unemployment rate?").split() == [
        "what", "is", "s", "unemployment", "rate?"
    ]  # fmt: skip


def test_a_question_in_chinese_reads_places_named_in_latin_letters_as_places():
    from qa.place_questions import is_district_question

    spelt = latin_places_spelt("Heze 和 Suizhou，哪个提到了东盟？", HELD)
    assert spelt == "菏泽市和随州市，哪个提到了东盟？"
    assert is_district_question(spelt)
    # a question in English is read in English; Latin letters that name no place stay
    assert latin_places_spelt("Does Heze mention ASEAN?", HELD) == "Does Heze mention ASEAN?"
    assert latin_places_spelt("哪些城市提到了RCEP？", HELD) == "哪些城市提到了RCEP？"
    # places named in full (甘孜藏族自治州) are places to choose among too
    assert is_district_question("甘孜藏族自治州和菏泽市，哪个提到了锂？")
    # …but kinds of document are no places to choose among
    import re

    from qa.place_questions import _AMONG_NAMED

    assert not re.match(_AMONG_NAMED, "市、省政府工作报告里，哪些把CPI列进了预期目标")


def test_every_hand_written_name_is_a_place():
    raw = resources.files("qa").joinpath("data", "district_names_latin.json").read_text("utf-8")
    for form, label in json.loads(raw)["names"].items():
        found = places.resolve(label)
        assert found is not None and found.label == label, form


def test_a_province_abbreviated_and_glossed_in_brackets_is_named_as_written(bundled_index):
    from qa.intake import places_spelt

    spelt = places_spelt("蒙（内蒙）和渝（重庆）这两份报告，谁提到了稀土？", bundled_index)
    assert spelt == "内蒙古和重庆这两份报告，谁提到了稀土？"
    # (a bracket that glosses no abbreviation is left as it is)
    assert places_spelt("哪些区提到了渝（重庆话）？", bundled_index) == "哪些区提到了渝（重庆话）？"
