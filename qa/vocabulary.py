"""What the corpus's words say about a question: how rare each word is (IDF over the
chunks, the same tokenizer BM25 uses), and which corpus word a misspelt question word stands
for (a homophone typed by a pinyin input method: 普察 for 普查, 拉圾 for 垃圾).

Computed once per index and kept for the process (a few hundred milliseconds for the bundled
corpus)."""

from __future__ import annotations

import math
import re
import weakref
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from qa.scoring import Searchable, tokens

# how often the dictionary must have seen a word for a character of it to be typed as meant
_COMMON = 100
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")
# a name in quotes of two to sixteen characters (“枫桥经验”, 「一老一小」)
_QUOTED_NAME = re.compile(r"[“「\"]([^“”「」\"\n]{2,16})[”」\"]")


@dataclass(frozen=True)
class Vocabulary:
    chunks: int
    document_frequency: dict[str, int]
    # tone-less pinyin of every 2-4 character corpus word -> the words that sound like it
    sounds: dict[tuple[str, ...], tuple[str, ...]] = field(repr=False)
    # headings and passages, normalised as topics are matched in them (qa.topic_terms.norm)
    text: str = field(default="", repr=False)
    # the names the documents put in quotes (枫桥经验, 智改数转), normalised, in order
    quoted: tuple[str, ...] = field(default=(), repr=False)
    # tone-less pinyin of every Chinese character of the corpus -> the characters of that sound
    characters: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def sounding_character(self, character: str) -> tuple[str, ...]:
        """The corpus's characters that sound like `character` (元 for 原), tones aside; itself
        left out."""
        from pypinyin import lazy_pinyin

        return tuple(
            c for c in self.characters.get(lazy_pinyin(character)[0], ()) if c != character
        )

    def quoted_like(self, name: str) -> tuple[str, ...]:
        """The quoted names of the corpus that differ from `name` (normalised, four characters
        or more) in one character: 枫桥经验 for 枫桥经检, a name typed with a slip of the pen
        rather than of the sound."""
        if len(name) < 4:
            return ()
        return tuple(
            q
            for q in self.quoted
            if len(q) == len(name) and sum(a != b for a, b in zip(q, name, strict=True)) == 1
        )

    def written_like(self, name: str) -> tuple[str, ...]:
        """The texts of the corpus that differ from `name` (four characters or more) in one
        character where the slip makes a word no dictionary knows out of one it does and lies
        in no common word (营商坏境: 营商环境; not 数字乡镇, whose 乡镇 is a word, for 数字乡村,
        nor 海洋经济, whose 洋 is 海洋's, for 海西经济)."""
        import jieba

        if len(name) < 4:
            return ()
        jieba.initialize()

        def seen(text: str) -> int:  # how often the dictionary has seen it as a word
            return jieba.get_FREQ(text) or 0

        found: set[str] = set()
        for at, typed in enumerate(name):
            if not "\u4e00" <= typed <= "\u9fff":
                continue
            around = [(i, i + 2) for i in (at - 1, at) if i >= 0 and i + 2 <= len(name)]
            if any(seen(name[i:j]) >= _COMMON for i, j in around):
                continue
            pattern = re.escape(name[:at]) + "([\u4e00-\u9fff])" + re.escape(name[at + 1 :])
            for m in re.finditer(pattern, self.text):
                said = m.group(0)
                if said != name and any(not seen(name[i:j]) and seen(said[i:j]) for i, j in around):
                    found.add(said)
        return tuple(sorted(found))

    def sounding(self, window: str) -> tuple[str, ...]:
        """The corpus words that sound like `window` (成市: 城市), tones aside."""
        from pypinyin import lazy_pinyin

        return self.sounds.get(tuple(lazy_pinyin(window)), ())

    def idf(self, token: str) -> float:
        """BM25-style IDF; a word the corpus never uses gets the highest value."""
        df = self.document_frequency.get(token, 0)
        return math.log((self.chunks + 1) / (df + 0.5))

    def weighted_overlap(self, q_tokens: set[str], text: str) -> float:
        """IDF-weighted share of the question's tokens found in `text` (0..1): matching a
        rare word (高新技术企业, 外业采样) counts for more than matching a common one (发展)."""
        if not q_tokens:
            return 0.0
        from index.normalize import normalize_text

        norm = normalize_text(text).lower()
        total = sum(self.idf(t) for t in q_tokens)
        return sum(self.idf(t) for t in q_tokens if t in norm) / total if total else 0.0

    def correct(self, question: str) -> str:
        """`question` with each misspelt word replaced by the one corpus word that sounds the
        same and differs in one character; unchanged when there is no such word or more than
        one. Only a run of the question's segmentation that is no known word (single
        characters 普/察, or a rare jieba word the corpus lacks: 拉圾) is a candidate, so a
        correct word is never rewritten into a homophone."""
        question = re.sub(r"(?<![A-Za-z])[A-Za-z]{3,6}(?![A-Za-z])", self._latin_typo, question)
        if not self.sounds:
            return question
        import jieba

        pieces = jieba.lcut(question, HMM=False)
        freq = jieba.dt.FREQ
        # loose pieces: characters standing alone (not function words such as 有/上/到,
        # whose jieba frequency is in the hundreds of thousands), or words neither the
        # corpus nor jieba knows
        loose = [
            freq.get(p, 0) < 40_000
            if len(p) == 1
            else p not in self.document_frequency and freq.get(p, 0) < 100
            for p in pieces
        ]
        out: list[str] = []
        i = 0
        while i < len(pieces):
            replaced = False
            for j in range(min(len(pieces), i + 4), i, -1):
                window = "".join(pieces[i:j])
                if not all(loose[i:j]) or not _CJK_WORD.fullmatch(window):
                    continue
                if self._splits_a_word(pieces, i, j) or self._written_so(pieces, i, j):
                    continue  # (搞碳 of 在搞碳汇 is no 高碳: 碳汇 is a word of the corpus)
                if window in self.document_frequency:
                    continue
                candidates = [
                    w
                    for w in self.sounding(window)
                    if sum(a != b for a, b in zip(w, window, strict=True)) == 1
                    and self.document_frequency.get(w, 0) >= 2
                ]
                if len(candidates) == 1:
                    out.append(candidates[0])
                    i = j
                    replaced = True
                    break
            if not replaced:
                out.append(pieces[i])
                i += 1
        return "".join(out)

    def _splits_a_word(self, pieces: list[str], i: int, j: int) -> bool:
        """Whether the window pieces[i:j] ends or starts inside a corpus word its neighbour
        completes."""
        after = j < len(pieces) and pieces[j - 1] + pieces[j] in self.document_frequency
        before = i > 0 and pieces[i - 1] + pieces[i] in self.document_frequency
        return after or before

    def _written_so(self, pieces: list[str], i: int, j: int) -> bool:
        """Whether the corpus writes the window pieces[i:j] as typed, with the piece before or
        after it (电商综试区: 综试 is an abbreviation the documents use, no slip for 综市)."""
        from qa.topic_terms import norm

        window = "".join(pieces[i:j])
        around = [pieces[i - 1] + window] if i > 0 else []
        around += [window + pieces[j]] if j < len(pieces) else []
        return any(
            # (as typed: a traditional character, 貿, is no word of the simplified corpus's)
            re.fullmatch(r"[\u4e00-\u9fff]{3,}", said) and norm(said) == said and said in self.text
            for said in around
        )

    def _latin_typo(self, m: re.Match[str]) -> str:
        """An abbreviation typed in capitals with two letters swapped (RECP for RCEP) as the one
        corpus abbreviation it is; itself when the corpus knows it or there is no single such
        word (an English word is left alone)."""
        typed = m.group(0)
        low = typed.lower()
        if not typed.isupper() or low in self.document_frequency:
            return typed
        swaps = {low[:i] + low[i + 1] + low[i] + low[i + 2 :] for i in range(len(low) - 1)}
        known = [w for w in swaps if w != low and self.document_frequency.get(w, 0) >= 2]
        if len(known) != 1:
            return typed
        return known[0].upper()


# each index's vocabulary by its id, with a weak reference to the index: an id is reused once
# its index is dropped, and a new index must not be read with the old one's words
_CACHE: dict[tuple[int, int], tuple[weakref.ref[Any], Vocabulary]] = {}


def vocabulary(index: Searchable) -> Vocabulary:
    """The index's vocabulary, computed on first use."""
    key = (id(index), len(index.chunks))
    found = _CACHE.get(key)
    if found is not None and found[0]() is index:
        return found[1]
    from pypinyin import lazy_pinyin

    df: Counter[str] = Counter()
    for chunk in index.chunks:
        df.update(tokens(" ".join(chunk.section) + " " + chunk.text))
    sounds: dict[tuple[str, ...], list[str]] = {}
    for word in df:
        if _CJK_WORD.fullmatch(word):
            sounds.setdefault(tuple(lazy_pinyin(word)), []).append(word)
    from qa.topic_terms import norm

    text = "\n".join(norm(" ".join(c.section) + "\n" + c.text) for c in index.chunks)
    quoted = tuple(
        sorted(
            {
                norm(q)
                for c in index.chunks
                for q in _QUOTED_NAME.findall(" ".join(c.section) + c.text)
            }
        )
    )
    characters: dict[str, list[str]] = {}
    for character in sorted(set(re.findall(r"[\u4e00-\u9fff]", text))):
        characters.setdefault(lazy_pinyin(character)[0], []).append(character)
    vocab = Vocabulary(
        len(index.chunks),
        dict(df),
        {k: tuple(v) for k, v in sounds.items()},
        text,
        quoted,
        {k: tuple(v) for k, v in characters.items()},
    )
    if len(_CACHE) > 8:  # indexes opened and dropped in one process (tests)
        _CACHE.clear()
    _CACHE[key] = (weakref.ref(index), vocab)
    return vocab
