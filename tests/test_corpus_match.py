"""The one match key every comparison of text goes through (corpus.text.match_key)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.settings import BUNDLED_DATA_DIR
from corpus.text import hash_key, match_fold, match_key, normalize_for_match


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("２０２５年", "2025年"),  # width
        ("比重达到 5.5 ％", "比重达到5.5%"),  # width and spaces
        ("綦江府发〔2022〕26号", "綦江府发[2022]26号"),  # brackets NFKC leaves alone
        ("【2022】", "[2022]"),
        ("ＡＩ产业", "ai产业"),  # case
        ("高新技术企业数\t家\t98\t200", "高新技术企业数 | 家 | 98 | 200"),  # a table line
        ("重庆市綦江区\u3000人民政府\n关于", "重庆市綦江区人民政府关于"),  # U+3000, line break
        ("①", "1"),
    ],
)
def test_what_the_key_folds(a, b):
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("2.3%", "23"),  # punctuation is kept: a keyword "3%" is not any "3"
        ("綦江區", "綦江区"),  # Traditional script: retrieval's business, not matching's
        ("98家", "89家"),
    ],
)
def test_what_the_key_keeps_apart(a, b):
    assert match_key(a) != match_key(b)


def test_options():
    assert match_key("“三审三校”：是指", keep_punctuation=False) == "三审三校是指"
    assert normalize_for_match("  R&D  经费\n 〔2022〕 ") == "R&D 经费 [2022]"
    assert normalize_for_match("a | b") == "a | b"  # the separator is kept with the spaces
    assert hash_key("ＡＩ 产业\n〔1〕") == "AI产业[1]"
    assert hash_key("a | b") == "a|b"


def test_fold_offsets_point_at_the_original_characters():
    text = "２０ 年，“甲”"
    key, offsets = match_fold(text, keep_punctuation=False)
    assert key == "20年甲"
    assert [text[i] for i in offsets] == ["２", "０", "年", "甲"]


@pytest.mark.parametrize(
    "options",
    [{}, {"keep_punctuation": False}, {"keep_case": True, "keep_spaces": True}],
)
def test_fold_gives_the_key_on_every_bundled_file(options):
    files = sorted(Path(BUNDLED_DATA_DIR).glob("*.txt"))
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert match_fold(text, **options)[0] == match_key(text, **options), f.name
