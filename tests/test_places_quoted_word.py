"""A short quoted name and the word before it: 碳排放“双控” is the 双控 of carbon emissions, which
a report may write apart from the word (碳排放总量和强度“双控”), not the 双控管理 of geological
hazards. Excerpts of three shared reports keep the index small enough to embed in seconds."""

from __future__ import annotations

import pytest

from tests.qa_support import EXTERNAL, NEEDS_EXTERNAL, topics_index

LIANYUNGANG = EXTERNAL / "city-work-reports-2024" / "txt" / "连云港.txt"
SUZHOU = EXTERNAL / "city-work-reports-2024" / "txt" / "宿州.txt"
HUNAN = EXTERNAL / "province-work-reports-2025" / "2025年湖南省政府工作报告.docx"

pytestmark = NEEDS_EXTERNAL


# the lines naming the place (宿州's opening does not) and those saying 双控
TOPICS = ("双控", "连云港市", "宿州市", "湖南省")


@pytest.fixture(scope="module")
def controls_index(tmp_path_factory):
    return topics_index(tmp_path_factory, "controls", (LIANYUNGANG, SUZHOU, HUNAN), TOPICS)


def test_the_word_before_a_short_quoted_name_must_be_said_with_it(controls_index):
    import qa

    asked = set(qa.districts("谁提到了碳排放“双控”？", controls_index).asked)
    assert asked == {"连云港市", "宿州市"}  # (湖南's 双控 is of geological hazards)
    # the quoted name alone is met wherever it is written
    assert "湖南省" in qa.districts("哪些地方提到了“双控”？", controls_index).asked


def test_a_word_the_documents_never_write_with_the_name_is_no_part_of_it():
    from qa.quoted_topic import word_said_with

    written = "推动能耗双控逐步转向碳排放双控".__contains__
    assert word_said_with("谁提到了碳排放“双控”？", "双控", written) == "碳排放"
    assert word_said_with("哪些地方提到了绿色“双碳”？", "双碳", written) == ""
    # (a longer quoted name says which thing it is by itself)
    assert word_said_with("谁提到了新时代“枫桥经验”？", "枫桥经验", lambda _: True) == ""


def test_a_verb_the_user_leads_a_short_quoted_name_with_is_no_part_of_it():
    from qa.quoted_topic import word_said_with

    written = "依托链主企业推动产业链锻长补短，推进双碳工作".__contains__
    assert word_said_with("谁在报告里提到依托“链主”企业？", "链主", written) == ""
    assert word_said_with("哪些地方提出推进“双碳”？", "双碳", written) == ""
