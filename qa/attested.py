"""The topic as the documents say it: when no passage of the index holds the topic a question
was read to (技术合同成交额是, 高标准农田定了具体建设面积, 在争取国家区域医疗中心), the longest
part of it the corpus does use, once the words left over are only words of asking (是, 定了具体,
在争取, 的事儿, 几个) and not of the topic. A topic nobody mentions keeps its own words: 月球基地
is not read as 基地, nor 量子通信干线 as 量子通信."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from qa.scoring import Searchable
from qa.spelling import respelt_by_sound, respelt_character, slipped_name
from qa.text import word_breaks
from qa.topic_roots import unbracketed
from qa.topic_terms import norm

# parts of speech (jieba) of words that carry no topic: particles, prepositions, conjunctions,
# pronouns, modal particles, punctuation; and for a word of two characters or more also
# adverbs, numerals, measure words, localisers and times (几个, 多少, 今年; but 元 of 元宇宙 is a
# topic's)
_FUNCTION_FLAGS = re.compile(r"^(?:u|p|c|r|y|e|x|w)")
# …but an abbreviation in capitals is a topic's, not an interjection's (CPI, GDP, RCEP)
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9.&+]+")
_FUNCTION_WORD_FLAGS = re.compile(r"^(?:d|m|q|f|t)")
SHORTEST_TOPIC = 2
# a scope before a topic: the whole of the place asked of
_SCOPE = re.compile(r"^(?:全域|全市|全省|全区|全县|全州)(?=[\u4e00-\u9fffA-Za-z]{2})")


@cache
def question_words(before: bool = False) -> frozenset[str]:
    """Words a user asks with that no topic is made of (qa/data/question_words.json); `before`
    the topic, not those that ask only as its head (数据 of 数据交易所) but also the documents
    asked of (报告里讲到保交楼; after it, 国土空间规划 is a topic's)."""
    raw = json.loads(
        resources.files("qa").joinpath("data", "question_words.json").read_text("utf-8")
    )
    if before:
        return (frozenset(raw["words"]) - frozenset(raw["heads"])) | frozenset(raw["leads"])
    return frozenset(raw["words"])


def _function_word(word: str) -> bool:
    import jieba.posseg

    return all(function_flag(p.word, p.flag) for p in jieba.posseg.lcut(word))


def function_flag(word: str, flag: str) -> bool:
    """Whether jieba's part of speech marks `word` as carrying no topic; x (a string jieba does
    not know) only for what is not Chinese: 烯 of 石墨烯 is a topic's."""
    if flag.startswith("x") and re.search(r"[\u4e00-\u9fff]", word):
        return False
    if _ABBREVIATION.fullmatch(word):
        return False
    return bool(_FUNCTION_FLAGS.match(flag))


def asks_only(rest: str, before: bool = False) -> bool:
    """Whether `rest`, a piece of a question around its topic (`before` it), holds only words
    of asking: function words or the words of qa/data/question_words.json."""
    if not rest:
        return True
    asking = question_words(before)
    if rest in asking:
        return True
    import jieba.posseg

    pieces = jieba.posseg.lcut(rest)
    # acts joined before the topic (在找或培养创业导师): what places do with it
    joined = before and any(p.flag == "c" for p in pieces)
    if joined and all(
        p.flag.startswith("v") or p.word in asking or function_flag(p.word, p.flag) for p in pieces
    ):
        return True
    words = [p.word for p in pieces]
    for at, (previous, piece) in enumerate(zip([None, *pieces], pieces, strict=False)):
        word, flag = piece.word, piece.flag
        if word in asking or function_flag(word, flag):
            continue
        # (the act whose count is asked: 创建多少家, 培育了几个)
        if flag.startswith("v") and _counted_next(words[at + 1 :]):
            continue
        # (the measure a count is asked in: 多少头, 几座)
        if previous and previous.word in ("多少", "几") and len(word) == 1:
            continue
        if len(word) >= 2 and _FUNCTION_WORD_FLAGS.match(flag):
            continue
        # (before the topic, a localiser left of the documents asked: 政府工作报告|里讲到了; the
        # measure of a count asked: 多少|亩高标准农田)
        if before and (flag.startswith("f") or (flag.startswith("q") and len(word) == 1)):
            continue
        return False
    return True


def _counted_next(words: list[str]) -> bool:
    """Whether the words after an act ask how many (了多少, 几个): the act is what is counted."""
    rest = words[1:] if words[:1] == ["了"] else words
    return bool(rest) and rest[0] in ("多少", "几", "几个")


@dataclass(frozen=True)
class Corpus:
    """What a corpus holds: a piece of text verbatim (`holds`), and a topic as the finder
    matches it, spread out or in another form (`matches`)."""

    holds: Callable[[str], bool]
    matches: Callable[[str], bool]
    # the corpus's words that sound like two characters, tones aside: 城市 for 成市
    sounding: Callable[[str], tuple[str, ...]] = lambda _: ()
    # whether a text is one of the corpus's words, as its index cut them (氢能, not 核力 of 考核力度)
    word: Callable[[str], bool] = lambda _: False
    # the names the documents quote that differ from a name in one character (枫桥经验: 枫桥经检)
    quoted_like: Callable[[str], tuple[str, ...]] = lambda _: ()
    # the corpus's characters that sound like one character, tones aside: 元 for 原
    sounding_character: Callable[[str], tuple[str, ...]] = lambda _: ()
    # the texts the documents write that differ from a phrase by a slip (营商坏境: 营商环境)
    written_like: Callable[[str], tuple[str, ...]] = lambda _: ()


def attested_topic(topic: str, corpus: Corpus, respell: bool = True) -> str:
    """`topic` when the corpus matches it, else its longest part (two characters or more) the
    corpus holds whose rest, before and after it, is only words of asking; `topic` when there
    is none. The part is read again the same way: 揭榜挂帅的方式 → 揭榜挂帅 when 的方式 asks."""
    scope = _SCOPE.match(topic)
    if scope and not corpus.holds(unbracketed(topic)):
        # the whole place the topic is of (全域研发投入强度: the district's own R&D intensity),
        # unless the corpus says it so (全域旅游)
        return attested_topic(topic[scope.end() :], corpus, respell)
    if len(topic) <= SHORTEST_TOPIC or corpus.matches(topic):
        return topic
    respelt = respelt_by_sound(topic, corpus) or slipped_name(topic, corpus)
    if respelt:
        return respelt
    # a part whose ends are the topic's word breaks first (口袋公园 in 几个口袋公园, not
    # 个口袋公园), then any part (消费券 in 消费券发, which jieba cuts 消费/券发)
    breaks = word_breaks(topic)
    for whole_words in (True, False):
        for length in range(len(topic) - 1, SHORTEST_TOPIC - 1, -1):
            for start in range(len(topic) - length + 1):
                end = start + length
                if whole_words and not (start in breaks and end in breaks):
                    continue
                part = topic[start:end]
                if start not in breaks and not corpus.holds(part):
                    continue  # (one begun in a word is held as it is: 给瞪|羚企业, not 育|儿补贴（…）)
                if not part.strip("（）()、，,").strip() or part[0] in _JOINERS:
                    continue  # (no part begins with a joiner: 建设、争取或发挥…, no 、争取或发挥…)
                if not _held(part, corpus, whole_words):
                    continue
                before, after = topic[:start], topic[end:]
                if re.search(r"(?:多少|几)$", before) and _measure_first(part):
                    continue  # (亩 of 多少亩高标准农田 is the count's, not the topic's)
                # the topic's own verb said again to ask of it: 以旧换新换了多少, 消费券发了多少
                before = before[:-1] if _echoes(topic, start - 1, part) else before
                after = after[1:] if _echoes(topic, end, part) else after
                if asks_only(before, before=True) and asks_only(after):
                    return _shortened(part, corpus)
    respelt = respell and respelt_character(topic, corpus, _read_as_said)
    return respelt or slipped_name(topic, corpus, written=True) or topic


_JOINERS = "、，,或和及与"


def _read_as_said(topic: str, corpus: Corpus) -> str:
    return attested_topic(topic, corpus, respell=False)


def attested_name(name: str, corpus: Corpus) -> str:
    """A name the user quoted (“中试机地”) as the corpus writes it: respelt as
    `attested_topic` would, never shortened (a quoted name is met only in its words)."""
    if corpus.matches(name):
        return name
    return (
        respelt_by_sound(name, corpus)
        or slipped_name(name, corpus)
        or slipped_name(name, corpus, written=True)
        or name
    )


def _held(part: str, corpus: Corpus, whole_words: bool = True) -> bool:
    """Whether the corpus holds `part`; a part with a bracket as the finder reads it (研发投入
    强度（研发经费占GDP比重）: either wording), and one of whole words with alternatives too
    (新建或改造提升高标准农田; not 核电站或发展核, whose 发展核 is in 发展核心)."""
    if corpus.holds(part):
        return True
    if _ABBREVIATION.fullmatch(part):  # an abbreviation, held in the wordings it stands for
        return corpus.matches(part)
    alternatives = r"[（(]|或|、" if whole_words else r"[（(]"
    return bool(re.search(alternatives, part)) and corpus.matches(part)


def _measure_first(part: str) -> bool:
    """Whether `part` begins with a measure word (亩, 个, 家)."""
    import jieba.posseg

    pieces = jieba.posseg.lcut(part)
    return bool(pieces) and pieces[0].flag.startswith("q")


def _echoes(topic: str, at: int, part: str) -> bool:
    """Whether the character of `topic` at `at` is a word of its own there, no noun or
    numeral, said again from `part` (以旧换新换了: 换; not 电 of 核电 after 核电站或发展核, nor
    元 of 元宇宙（元宇宙产业）)."""
    if not 0 <= at < len(topic) or topic[at] not in part:
        return False
    import jieba.posseg

    position = 0
    for piece in jieba.posseg.lcut(topic):
        if position == at:
            return piece.word == topic[at] and piece.flag not in ("n", "ng", "m")
        position += len(piece.word)
    return False


def _shortened(part: str, corpus: Corpus) -> str:
    """`part` without a function word at its ends (给…) and without a modifier's head of
    asking (…的方式, …的事儿), as long as the corpus still holds what is left."""
    import jieba

    while True:
        words = jieba.lcut(part)
        head, sep, tail = part.rpartition("的")
        # (only a function word at an end: 实际 of 实际使用外资 is the corpus's own)
        ends = [(words[0], part[len(words[0]) :]), (words[-1], part[: -len(words[-1])])]
        cuts = [cut for word, cut in ends if len(words) > 1 and _function_word(word)]
        if sep and tail and asks_only(tail):
            cuts.append(head)
        left = next(
            (
                cut
                for cut in cuts
                if len(cut) >= SHORTEST_TOPIC
                and asks_only(part.replace(cut, "", 1))
                and _held(cut.strip("（）()"), corpus)
            ),
            None,
        )
        if left is None:
            return part
        part = left.strip("（）()") if left.count("（") != left.count("）") else left


def corpus_of(index: Searchable) -> Corpus:
    """What the index holds (its vocabulary's text and words, computed once per index): text
    verbatim, and a topic as the place finder matches it (its forms and synonyms, spread out in
    a clause)."""
    from qa.term_matcher import term_matcher
    from qa.topic_terms import expand_terms
    from qa.vocabulary import vocabulary

    vocab = vocabulary(index)

    def holds(piece: str) -> bool:
        return norm(piece) in vocab.text

    def matches(topic: str) -> bool:
        pattern = term_matcher(expand_terms(topic, moving=True))
        return holds(topic) or pattern.search(vocab.text) is not None

    return Corpus(
        holds,
        matches,
        vocab.sounding,
        vocab.document_frequency.__contains__,
        vocab.quoted_like,
        vocab.sounding_character,
        vocab.written_like,
    )
