"""Line-level text handling: cleaning extraction artifacts for display, normalising for matching,
sentence splitting and date parsing. Pure functions on strings."""

from __future__ import annotations

import functools
import re
import unicodedata

# Word-export artifacts: bookmark anchors and footnote references. `[0:  text]` is a footnote's
# body, kept as a visible note; the anchors carry nothing a reader needs.
_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
_FOOTNOTE_REF = re.compile(r"\[footnoteRef:\d+\]")
_FOOTNOTE_BODY = re.compile(r"\s*\[\d+:\s*([^\]]*)\]")
_MD_HEADING = re.compile(r"^\s*(#{1,6})\s+")
_MD_BULLET = re.compile(r"^\s*-\s+(?=[^\s|])")
_MD_BOLD = re.compile(r"\*\*")
_HTML_TAG = re.compile(r"</?b>")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \u00a0\u2002-\u200a\u3000]+(?=[{_CJK}])")

# brackets NFKC leaves alone but people write both ways in 发文字号 (〔2022〕 / [2022])
_BRACKETS = str.maketrans({"〔": "[", "〕": "]", "【": "[", "】": "]", "［": "[", "］": "]"})


_SPACE_RUN = re.compile(r"\s+")
_SPACE_OR_SEPARATOR = re.compile(r"[\s|]+")
_PUNCTUATION_CATEGORIES = ("P", "C")


def match_key(
    text: str,
    *,
    keep_case: bool = False,
    keep_spaces: bool = False,
    keep_punctuation: bool = True,
) -> str:
    """The one form text is compared in: every matching of text against text (quotes, keywords,
    evidence, duplicates, chunk ids, highlighting) goes through it or `match_fold`.

    What it folds:
    - width and compatibility forms, by Unicode NFKC: full-width letters, digits and
      punctuation become ASCII (２０２５ -> 2025, ％ -> %, ： -> :, ｜ -> |), ① -> 1;
    - the bracket variants NFKC leaves alone, written both ways in 发文字号: 〔〕【】［］ -> [];
    - case: lower case (ＡＩ = AI = ai), unless `keep_case`;
    - whitespace of every kind (spaces, U+3000, tabs, line breaks) and the table-cell
      separator |: removed, so that a table line matches its rebuilt row and "2.3 %" matches
      "2.3%"; with `keep_spaces`, each whitespace run becomes one space (ends trimmed) and |
      is kept;
    - punctuation (Unicode P*) and control or format characters (C*): kept, unless
      `keep_punctuation` is False (quotes add and drop "…", "；" and list numbering).
    Traditional -> Simplified is not folded: that is retrieval's business (index.normalize);
    quotes and keywords are written in the corpus's own script.
    """
    out = unicodedata.normalize("NFKC", text).translate(_BRACKETS)
    if not keep_case:
        out = out.lower()
    if not keep_punctuation:
        out = "".join(
            c for c in out if not unicodedata.category(c).startswith(_PUNCTUATION_CATEGORIES)
        )
    if keep_spaces:
        return _SPACE_RUN.sub(" ", out).strip()
    return _SPACE_OR_SEPARATOR.sub("", out)


@functools.cache
def _fold_char(ch: str, keep_case: bool, keep_spaces: bool, keep_punctuation: bool) -> str:
    return match_key(
        ch, keep_case=keep_case, keep_spaces=keep_spaces, keep_punctuation=keep_punctuation
    )


def match_fold(
    text: str,
    *,
    keep_case: bool = False,
    keep_spaces: bool = False,
    keep_punctuation: bool = True,
) -> tuple[str, list[int]]:
    """`match_key` character by character, with the offset in `text` of the character each
    character of the key came from (to place a match back on the original). The key is the
    same as `match_key`'s except where NFKC composes across characters (a letter and a
    combining accent), which the corpus's text does not hold."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if keep_spaces and ch.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(i)
            continue
        for c in _fold_char(ch, keep_case, keep_spaces, keep_punctuation):
            chars.append(c)
            offsets.append(i)
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


def normalize_for_match(text: str) -> str:
    """`match_key` keeping case and one space per whitespace run: for the callers that run
    patterns over the result which need word boundaries and case (Latin words, "R&D", a 文号
    pattern that reads spaces between fields). Matching only, never display."""
    return match_key(text, keep_case=True, keep_spaces=True)


def hash_key(text: str) -> str:
    """The identity of a text, for duplicates and chunk ids: `normalize_for_match` without
    its spaces (width, brackets and spacing folded). Unlike `match_key` it keeps case and the
    table-cell separator |: the separators are the cell structure that two copies of a table
    share (near copies are found by their shingles), and chunk ids stay those of indexes
    already built."""
    return normalize_for_match(text).replace(" ", "")


def markdown_level(raw: str) -> int:
    """1..6 for a markdown heading line (`## …`), else 0."""
    m = _MD_HEADING.match(raw)
    return len(m.group(1)) if m else 0


def clean_line(raw: str) -> str:
    """The display text of one source line: extraction artifacts and markdown decoration
    removed, the words kept. An empty result means the line held only artifacts."""
    text = _BOOKMARK.sub("", raw)
    text = _FOOTNOTE_REF.sub("", text)
    text = _FOOTNOTE_BODY.sub(lambda m: f"（注：{m.group(1).strip()}）", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_BULLET.sub("", text)
    text = _MD_BOLD.sub("", text)
    text = _HTML_TAG.sub("", text)
    text = _AUTOLINK.sub(r"\1", text)
    return text.strip()


def is_artifact(text: str) -> bool:
    """A cleaned line that carries no words: empty, a horizontal rule (---), a stray letter
    or two left by the export (002 starts with " I")."""
    return not text or bool(re.fullmatch(r"[-=_*\s]{3,}|[A-Za-z]{1,2}", text))


def close_cjk_gaps(text: str) -> str:
    """Remove spaces between CJK characters (left by line breaks inside titles and table
    cells: "重庆市綦江区人民政府 关于…")."""
    return _CJK_GAP.sub("", text).strip()


# a sentence runs to 。！？； and takes the closing quotes or brackets right after it along
_SENTENCE = re.compile(r"[^。！？；!?;]*[。！？；!?;]+[”’」』）)]*|[^。！？；!?;]+$")


def split_sentences(text: str) -> list[str]:
    """Split after 。！？； (keeping the punctuation and any closing quote after it); no
    empty pieces, nothing lost: "".join(split_sentences(t)) == t."""
    return [s for s in _SENTENCE.findall(text) if s.strip()]


_CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_BARE_DIGITS = re.compile(r"^(20\d{2}|19\d{2})(\d{0,4})$")


def _valid(month: int, day: int | None = None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= 31)


def parse_date(raw: str) -> str | None:
    """ISO date (or "YYYY-MM", or "YYYY") for what is certain in `raw`, else None.

    Handles 2022年8月27日, 2022-07-26, and digits whose 年/月/日 were lost in extraction:
    "2022827" can only be 2022-08-27 (month 82 does not exist); "20228" is 2022-08; an
    ambiguous run such as "2022111" (1 Nov or 11 Jan) keeps only the year.
    """
    s = normalize_for_match(raw).strip("() ")
    m = _CN_DATE.search(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
        if d and _valid(mo, int(d)):
            return f"{y:04d}-{mo:02d}-{int(d):02d}"
        return f"{y:04d}-{mo:02d}" if _valid(mo) else f"{y:04d}"
    m = _ISO_DATE.match(s)
    if m and _valid(int(m.group(2)), int(m.group(3))):
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = _BARE_DIGITS.match(s)
    if not m:
        return None
    year, rest = m.group(1), m.group(2)
    if not rest:
        return year
    readings: set[str] = set()
    if len(rest) <= 2 and _valid(int(rest)):
        readings.add(f"{year}-{int(rest):02d}")
    for cut in range(1, len(rest)):
        month, day = rest[:cut], rest[cut:]
        fits = len(month) <= 2 and len(day) <= 2 and not day.startswith("0")
        if fits and _valid(int(month), int(day)):
            readings.add(f"{year}-{int(month):02d}-{int(day):02d}")
    if len(rest) <= 2:  # "20228": month only; "202212" could be Dec or 1 Feb -> ambiguous
        readings = {r for r in readings if r.count("-") == 1} or readings
    return readings.pop() if len(readings) == 1 else year


def is_date_line(text: str) -> bool:
    """A line that is only a date (signature dates, "(2022年8月)", damaged "2022827")."""
    s = normalize_for_match(text).strip("() ")
    if _CN_DATE.fullmatch(s) or _ISO_DATE.match(s):
        return True
    m = _BARE_DIGITS.match(s)
    return bool(m and m.group(2))


# opening brackets a heading or title may already start with: "（三）发展目标", "《…》", "【…】"
_OPENERS = "（(《〈【〔［["


def enclose(text: str, left: str = "（", right: str = "）") -> str:
    """`text` between `left` and `right`, unless it already starts with a bracket: a heading
    like "（三）发展目标" shown as "（（三）发展目标）" reads as a typo."""
    text = text.strip()
    if not text or text[0] in _OPENERS:
        return text
    return f"{left}{text}{right}"
