"""Input that is code or random letters is declined before retrieval; questions in Chinese or
English, however short, are not."""

from __future__ import annotations

import pytest
from qa_support import FakeIndex, make_chunk

import qa
from qa.crosslingual import input_reads_as_words


@pytest.mark.parametrize(
    "text",
    [
        "'; DROP TABLE documents; --",
        "' OR 1=1; --",
        "SELECT * FROM users WHERE id=1",
        "rm -rf /",
        'print("hello")',
        "function f(){return 1}",
        "alert(1)",
        "asdfgh qwerty zxcv 123",
        "asdfgh qwerty 随便 123",
        "qwertyuiop",
    ],
)
def test_code_and_random_letters_are_no_words(text):
    assert not input_reads_as_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "綦江区2025年高新技术企业目标是多少？",
        '"三审三校"制度是什么',
        "綦江区 (2025) 目标; 多少",
        "帮我写一首关于春天的诗",
        "How many taxis are there in Qijiang?",
        "What is Beihai's 2024 target for the surveyed urban unemployment rate?",
        "Which plans drop the table of targets?",  # keywords without code symbols are words
        "What is Garze's GDP target?",
        "What's Qijiang's GDP?",
        "How many enterprises or platforms (2025)?",
        "hydrogen",
        "GDP",
        "5G",
    ],
)
def test_questions_read_as_words(text):
    assert input_reads_as_words(text)


def test_junk_is_declined_before_retrieval():
    index = FakeIndex([make_chunk("a", "政府网站信息发布实行“三审三校”制度。")])
    a = qa.answer("'; DROP TABLE documents; --", index)
    assert a.abstained and a.extra["declined"] == "not_words" and not a.citations
