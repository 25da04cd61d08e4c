"""The 问答 tab without a server: the conversation's records and their HTML, Markdown and copy
text (ui.conversation), and how headings are bracketed in answers and cards."""

from __future__ import annotations

import pytest

from corpus.text import enclose

HEADING_QUESTION = "大渡口区到2025年的发展目标是什么？"  # answered from "（三）发展目标"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("发展目标", "（发展目标）"),
        ("（三）发展目标", "（三）发展目标"),
        ("(三) 发展目标", "(三) 发展目标"),
        ("【专栏1】重点项目", "【专栏1】重点项目"),
        ("", ""),
    ],
)
def test_enclose_does_not_bracket_a_bracketed_heading_again(text, shown):
    assert enclose(text) == shown


def test_answer_under_a_bracketed_heading_has_single_brackets(bundled_index, session_settings):
    import qa

    answer = qa.answer(HEADING_QUESTION, bundled_index, None, session_settings)
    assert any(c.section and c.section[-1] == "（三）发展目标" for c in answer.citations)
    assert "（三）发展目标" in answer.answer
    assert "（（" not in answer.answer
