"""The 问答 tab without a server: the conversation's records and their HTML, Markdown and copy
text (ui.conversation), and how headings are bracketed in answers and cards."""

from __future__ import annotations

from pathlib import Path

import pytest
import records_support

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


# ----------------------------------------------------------------------------- the conversation


def citation(n: int, **kw):
    from corpus.model import SourceSpan

    spans = {"line_start": 41, "line_end": 43, "also_in": (SourceSpan("001_b.txt", 7, 9, "001_b"),)}
    section = ("二、总体思路与发展目标", "（三）发展目标")
    return records_support.citation(n, section=section, **{**spans, **kw})


def record(question="綦江区的目标？", text="目标是200家[1]，另有[2]。", n=2, **kw):
    from qa.types import Answer
    from ui.conversation import answer_record

    cites = tuple(citation(i) for i in range(1, n + 1))
    return answer_record(Answer(question, text, False, "extractive", cites, **kw), ["200家"])


def test_a_record_is_json_and_gives_back_its_citations():
    import json

    from ui.conversation import citation_of

    r = record()
    assert json.loads(json.dumps(r, ensure_ascii=False)) == r
    assert citation_of(r["citations"][0]) == citation(1)


def test_each_marker_links_to_its_own_answers_card():
    from ui.conversation import chat_content

    shown = chat_content(record(text="目标是200家[1]，见[3]。"), 2)
    assert '<a class="pq-ref" href="#pq-a2-c1">[1]</a>' in shown
    assert "见[3]" in shown  # no card 3: left as text, not a link to nothing
    assert 'class="pq-aid pq-aid-2"' in shown
    escaped = chat_content(record(text='据文件，<img src="x">[1]'), 1)
    assert "<img" not in escaped and "&lt;img" in escaped


def test_every_answer_keeps_its_cards_latest_first():
    from ui.conversation import conversation_html

    shown = conversation_html([record("第一问"), record("第二问", n=1)])
    assert shown.index('id="pq-a2"') < shown.index('id="pq-a1"')
    for card in ('id="pq-a1-c1"', 'id="pq-a1-c2"', 'id="pq-a2-c1"'):
        assert card in shown
    assert 'id="pq-a2-c2"' not in shown
    assert "第一问" in shown and "<mark>200家</mark>" in shown


def test_cards_do_not_bracket_a_bracketed_title_again():
    from ui.conversation import book_title, citation_card_html

    assert book_title("规划") == "《规划》" and book_title("《规划》") == "《规划》"
    card = citation_card_html(citation(1, title="《綦江区规划》"))
    assert "《《" not in card and "《綦江区规划》" in card
    assert "（三）发展目标" in card and "（（" not in card


def test_copy_text_is_the_answer_with_its_numbered_sources():
    from ui.conversation import copy_text

    text = copy_text(record(notice="大模型不可用"))
    answer, notice, sources = text.split("\n\n")
    assert answer == "目标是200家[1]，另有[2]。" and "大模型不可用" in notice
    assert sources.startswith("出处：\n[1] 綦江区《重庆市綦江区科技创新发展“十四五”规划》")
    assert "二、总体思路与发展目标 › （三）发展目标" in sources
    assert "000_a.txt · 第 41–43 行" in sources
    assert "“到2025年，綦江区高新技术企业数预期达到200家。”" in sources
    assert "[2] 綦江区" in sources and "<" not in text


def test_markdown_export_has_every_question_answer_and_source():
    from ui.conversation import conversation_markdown

    md = conversation_markdown([record("第一问"), record("第二问", n=1)])
    assert md.startswith("# planqa 问答记录")
    assert "## 1. 第一问" in md and "## 2. 第二问" in md
    assert md.count("**出处**") == 2
    assert (
        "1. 綦江区 《重庆市綦江区科技创新发展“十四五”规划》 · 二、总体思路与发展目标 › （三）发展目标 · `000_a.txt · 第 41–43 行`"
        in md
    )
    assert "   > 到2025年，綦江区高新技术企业数预期达到200家。" in md


def test_handlers_keep_every_answer_restore_and_export(bundled_index, tmp_path):
    from corpus.settings import Settings
    from ui.ask import AskHandlers
    from ui.common import SharedIndex

    settings = Settings(index_dir=tmp_path / "index", cache_dir=tmp_path / "cache")
    handlers = AskHandlers(settings, SharedIndex(settings, opened=bundled_index))
    history, _, _, kept = list(handlers.ask("綦江区到2025年高新技术企业数预期达到多少？", []))[-1]
    history, cards, _, kept = list(
        handlers.ask("合川区2022年要新增多少家高新技术企业？", history, kept=kept)
    )[-1]
    assert [r["question"][:3] for r in kept["answers"]] == ["綦江区", "合川区"]
    assert 'href="#pq-a2-c1"' in history[-1]["content"]
    assert 'href="#pq-a1-c1"' in history[1]["content"]
    assert 'id="pq-a1-c1"' in cards and 'id="pq-a2-c1"' in cards
    chat, restored = handlers.restore(kept)
    assert chat == history and restored == cards
    assert handlers.restore({"chat": "junk", "answers": [{"x": 1}]}) == ([], "")
    path = handlers.export(kept)["value"]
    text = Path(path).read_text(encoding="utf-8")
    assert "200家" in text and "20家以上" in text and text.count("**出处**") == 2
    assert handlers.export({"answers": []})["interactive"] is False


def test_a_question_over_the_limit_is_refused_whole_with_the_limit(bundled_index, tmp_path):
    from corpus.settings import Settings
    from qa.text import MAX_QUESTION_CHARS
    from ui.ask import AskHandlers, count_html
    from ui.common import SharedIndex

    settings = Settings(index_dir=tmp_path / "index", cache_dir=tmp_path / "cache")
    handlers = AskHandlers(settings, SharedIndex(settings, opened=bundled_index))
    long = "高新技术企业" * 100
    _, cards, box, _ = list(handlers.ask(long, []))[-1]
    assert box == long  # kept in the box to shorten, not cut
    assert str(MAX_QUESTION_CHARS) in cards and "pq-error" in cards
    assert count_html("綦江区") == f'<span class="pq-count">3/{MAX_QUESTION_CHARS}</span>'


def test_every_language_gradio_ships_gets_the_chinese_strings():
    import re

    import gradio

    from ui.locale import GRADIO_LANGUAGES, GRADIO_ZH

    assets = Path(gradio.__file__).parent / "templates" / "frontend" / "assets"
    shipped = {  # the frontend's translation modules: <lang>-<hash>.js exporting _name
        m.group(1)
        for p in assets.glob("*.js")
        if (m := re.fullmatch(r"([a-z]{2,3}(?:-[A-Z]{2})?)-[A-Za-z0-9_-]{8}\.js", p.name))
        and " as _name" in p.read_text(encoding="utf-8", errors="replace")
    }
    assert "zh-CN" in shipped and shipped <= set(GRADIO_LANGUAGES)
    for key in ("upload_text.drop_file", "chatbot.copy_message", "chatbot.clear", "common.clear"):
        assert re.search(r"[\u4e00-\u9fff]", GRADIO_ZH[key])


def test_the_box_is_emptied_once_and_what_is_typed_while_the_answer_comes_is_left(
    bundled_index, tmp_path
):
    from corpus.settings import Settings
    from ui.ask import AskHandlers
    from ui.common import SharedIndex

    settings = Settings(index_dir=tmp_path / "index", cache_dir=tmp_path / "cache")
    handlers = AskHandlers(settings, SharedIndex(settings, opened=bundled_index))
    boxes = [box for _, _, box, _ in handlers.ask("綦江区到2025年高新技术企业数预期达到多少？", [])]
    assert boxes[0] == "" and len(boxes) >= 2
    # (a later step leaves the box: an update with no value)
    assert all(isinstance(b, dict) and "value" not in b for b in boxes[1:])
