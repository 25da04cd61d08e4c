"""Names a question says do not count: a place that names the topic only inside them is no
mention of it, neither in so many words nor by meaning (郴州 writes 区域医疗中心 only in
省级区域医疗中心 and 边界类区域医疗中心). Excerpts of two shared reports keep the index small
enough to embed in seconds."""

from __future__ import annotations

import pytest

from tests.qa_support import EXTERNAL, NEEDS_EXTERNAL, topics_index

CHENZHOU = EXTERNAL / "city-work-reports-2024" / "txt" / "郴州.txt"
BEIHAI = EXTERNAL / "city-work-reports-2024" / "txt" / "北海.txt"

pytestmark = NEEDS_EXTERNAL

# the lines naming the place and those on medical centres
TOPICS = ("医疗中心", "医疗集团", "郴州市", "北海市")


@pytest.fixture(scope="module")
def medical_index(tmp_path_factory):
    return topics_index(tmp_path_factory, "medical", (CHENZHOU, BEIHAI), TOPICS)


def test_a_place_naming_the_topic_only_in_names_set_aside_is_no_mention_by_meaning(
    medical_index,
):
    import qa

    asked = "哪些地方提到建设或争取区域医疗中心？"
    assert set(qa.districts(asked, medical_index).asked) == {"郴州市", "北海市"}
    remark = "（省级区域医疗中心、边界类区域医疗中心这类省内布局的不算）"
    assert qa.districts(asked + remark, medical_index).asked == ("北海市",)
