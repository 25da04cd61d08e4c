"""Whose document is it, what kind, and what is it called.

A document's place is the jurisdiction that issues it, not a place it mentions. The evidence
is tried from the strongest to the weakest: the 发文字号 prefix (京政发, 渝高新发, 綦江府发),
the issuer or masthead, the title, a work report's head (在X市第N届人民代表大会第N次会议上;
X市市长), the text's references to itself (全市, 我省) together with the place it names most
at that rank, and only then how often places are named. A provincial report names its
cities dozens of times, a city report names its province first, a notice from one district
names others: the self-references tell them apart.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from corpus import places
from corpus.places import Place
from corpus.text import close_cjk_gaps, normalize_for_match

_GENRES = Path(__file__).resolve().parent / "data" / "genres.json"

_ORGAN_ABBREVIATION = re.compile(r"^(?:政|府|办|发|委|政办|府办|府发|政发|政办发|府办发)")

# how a document refers to its own jurisdiction, and the last character of that place's name
_SELF_REFERENCE = re.compile(r"(?:全|我|本)(省|市|区|县|州|盟|旗)")
_MEETING = re.compile(
    r"在(?P<place>[\u4e00-\u9fff]{2,20}?)第[一二三四五六七八九十\d]+届人民代表大会第[一二三四五六七八九十\d]+次会议上"
)
_SPEAKER = re.compile(
    r"(?P<office>[\u4e00-\u9fff]{0,14}?(?:代理)?"
    r"(?:省长|市长|区长|县长|州长|主席|盟长|旗长))[\s　]*(?P<name>[\u4e00-\u9fff]{2,3})"
)


@dataclass(frozen=True)
class Attribution:
    place: Place | None
    evidence: str  # which evidence decided: doc_number, issuer, title, meeting, self, frequency


@cache
def province_abbreviations() -> dict[str, str]:
    """The one-character (内蒙: two) abbreviation of a province that opens a 发文字号 (京政发,
    粤府办, 川办函) -> the province's name; data in corpus/data/places.json."""
    return dict(places.data_file()["doc_number_abbreviations"])


def _from_doc_number(doc_number: str) -> Place | None:
    key = normalize_for_match(doc_number).replace(" ", "")
    prefix = re.split(r"[\[〔【(（]", key)[0]
    prefix = re.sub(r"[发办函字]+$", "", prefix)
    # the longest opening that names one place at any level (綦江府发: 綦江; 渝高新发: none)
    for end in range(len(prefix), 1, -1):
        named = places.resolve(prefix[:end])
        if named is not None:
            return named
    abbreviations = province_abbreviations()
    for abbreviation in sorted(abbreviations, key=len, reverse=True):
        if prefix.startswith(abbreviation) and _ORGAN_ABBREVIATION.match(
            prefix[len(abbreviation) :]
        ):
            return places.resolve(abbreviations[abbreviation])
    return None


def _from_head(texts: list[str]) -> tuple[Place | None, str | None, str | None]:
    """(place, meeting, speaker) from a work report's head lines."""
    head = "\n".join(close_cjk_gaps(t) for t in texts[:8])
    meeting = speaker = None
    place: Place | None = None
    m = _MEETING.search(head)
    if m:
        meeting = m.group(0)[1:].removesuffix("上")
        place = places.parse_chain(m.group("place"))
    lines = [close_cjk_gaps(t) for t in texts[:8]]
    for i, line in enumerate(lines):
        if len(line) > 80 or line.startswith("各位"):
            continue
        # a printed line may wrap inside the office (…会议上山 / 东省省长周乃翔): the line is
        # read with the next one too, and a reading whose office is whole wins
        for text in (line, line + (lines[i + 1] if i + 1 < len(lines) else "")):
            found = _speaker_in(text)
            if found and (_whole_office(found[0]) or text != line):
                office, name = found
                speaker = f"{office} {name}"
                if place is None:
                    place = places.first_place(office)
                break
        if speaker:
            break
    return place, meeting, speaker


def _speaker_in(line: str) -> tuple[str, str] | None:
    """(office, name) of a head line: the speaker stands after the meeting clause or before
    在 (…主席王莉霞在…会议上)."""
    for segment in re.split(r"会议上|在|——|\d+日|各位代表", line):
        s = _SPEAKER.match(segment.strip())
        if s:
            return s.group("office"), s.group("name").removesuffix("作")
    return None


def _whole_office(office: str) -> bool:
    """An office that starts where a title or a place starts (省长, 自治区主席, 山东省省长),
    not in the middle of a place name a line break cut (东省省长)."""
    return (
        office.startswith(("省", "市", "区", "县", "州", "自治区", "代理"))
        or places.parse_chain(office) is not None
    )


# a report's opening names the rank of the government that speaks: 我代表市人民政府
_SPEAKING_FOR = re.compile(r"代表(?:本)?(省|市|区|县|州|盟|旗|自治区|自治州)人民政府")


def _from_self_reference(text: str, counts: Counter[str]) -> Place | None:
    """The place the document calls 全市/我市 (全省, 全区…). A report's opening that says whose
    government speaks (我代表市人民政府) fixes the rank; otherwise every rank the text refers
    to itself by counts, 我X and 本X thrice (they only ever mean the speaker's own place), 全X
    once (a city says 全省第一 of its province). For each rank with weight 3 or more, the
    place of that rank named most (twice or more, and half again as often as the next); the
    rank whose weight times mentions is largest wins."""
    ranks: Counter[str] = Counter()
    speaking = _SPEAKING_FOR.search(text[:2000])
    if speaking:  # the speaker says whose government it is: only that rank counts
        ranks[speaking.group(1)[-1]] = 3
    else:
        for m in _SELF_REFERENCE.finditer(text):
            ranks[m.group(1)] += 1 if m.group(0).startswith("全") else 3
    best: tuple[int, Place] | None = None
    for rank, n in ranks.items():
        if n < 3:
            continue
        named = [
            (c, k)
            for c, k in counts.most_common()
            if k >= 2 and _rank_matches(places.place(c), rank)
        ]
        if not named:
            continue
        (top_code, k), runner_up = named[0], (named[1][1] if len(named) > 1 else 0)
        if k >= 1.5 * runner_up and (best is None or n * k > best[0]):
            best = (n * k, places.place(top_code))
    return best[1] if best else None


def _rank_matches(p: Place, rank: str) -> bool:
    if rank == "区":  # 全区: a district, a zone, or an autonomous region
        return p.name.endswith("区")
    if rank == "州":  # 全州: an autonomous prefecture
        return p.name.endswith("州") and p.level == "city"
    return p.name.endswith(rank)


def _from_frequency(counts: Counter[str]) -> Place | None:
    """The place named most, if named at least 3 times and twice as often as any other that
    is not its own parent (a district's plan names its city too)."""
    if not counts:
        return None
    ranked = counts.most_common()
    top_code, n = ranked[0]
    top = places.place(top_code)
    others = [k for c, k in ranked[1:] if places.place(c) not in places.path_of(top)]
    return top if n >= 3 and n >= 2 * (others[0] if others else 0) else None


def attribute(
    doc_number: str | None,
    issuer: str | None,
    title: str | None,
    texts: list[str],
    legacy: str | None = None,
) -> Attribution:
    """The issuing place of a document, and which evidence named it. `legacy` is a place
    name read by the older Chongqing rules (ambiguous short forms such as 高新区 at the start
    of an issuer), used after the 发文字号."""
    if doc_number and (p := _from_doc_number(doc_number)):
        return Attribution(p, "doc_number")
    if legacy and (p := places.resolve(legacy, within=places.resolve("重庆市"))):
        return Attribution(p, "issuer")
    if issuer and (p := places.parse_chain(issuer) or places.first_place(issuer)):
        return Attribution(p, "issuer")
    if title and (p := places.first_place(title)):
        return Attribution(p, "title")
    head_place, _, _ = _from_head(texts)
    if head_place is not None:
        return Attribution(head_place, "meeting")
    body = "\n".join(texts)
    counts = places.mentions(body)
    if p := _from_self_reference(body, counts):
        return Attribution(p, "self")
    if p := _from_frequency(counts):
        return Attribution(p, "frequency")
    return Attribution(None, "none")


def meeting_and_speaker(texts: list[str]) -> tuple[str | None, str | None]:
    _, meeting, speaker = _from_head(texts)
    return meeting, speaker


@cache
def _genres() -> list[dict]:
    return json.loads(_GENRES.read_text(encoding="utf-8"))["types"]


def genre_labels() -> dict[str, str]:
    """Document type -> its Chinese name."""
    return {g["type"]: g["label"] for g in _genres()}


def doc_type_of(title: str, opening: list[str] | None = None) -> str:
    """The type a title names (规划, 政府工作报告, 实施方案…); for a title that names none, the
    type whose opening words stand in the document's first lines; else "other"."""
    t = normalize_for_match(title)
    for g in _genres():
        if any(marker in t for marker in g["title"]):
            return g["type"]
    head = normalize_for_match("\n".join(opening or [])[:600])
    for g in _genres():
        if any(all(w in head for w in words) for words in g["opening"]):
            return g["type"]
    return "other"


_YEAR_REVIEW = re.compile(r"(20\d{2})\s*年\s*(?:工作)?回顾")
_YEAR_PLAN = re.compile(r"(20\d{2})\s*年\s*(?:的)?(?:主要)?(?:工作|目标|任务)(?:安排|建议)?")


def report_year(texts: list[str]) -> str | None:
    """The year a work report is made in: the year of its meeting, else the year after the
    year it reviews (2023年工作回顾 → 2024)."""
    head = "\n".join(texts[:8])
    m = re.search(r"(20\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在", head)
    if m:
        return m.group(1)
    body = "\n".join(texts[:60])
    m = _YEAR_REVIEW.search(body)
    if m:
        return str(int(m.group(1)) + 1)
    m = re.search(r"(20\d{2})\s*年是", "\n".join(texts[:4]))  # 2023年是…开局之年
    if m:
        return str(int(m.group(1)) + 1)
    m = _YEAR_PLAN.search("\n".join(texts))
    return m.group(1) if m else None


# what word processors and converters put in a file's title property
_CONVERTER_LABEL = re.compile(
    r"^(?:Microsoft Word|WPS|文档\d*$|新建|标题$|Untitled)", re.IGNORECASE
)


def reads_as_title(stem: str) -> str | None:
    """A file name (or a container's title property) that reads as a title
    (2025年广东省政府工作报告): four Chinese characters or more, more than a place name, and
    no converter's label; None for 三亚, report_final, 001, Microsoft Word - 文档1."""
    stem = close_cjk_gaps(stem.replace("_", " ").strip())
    if len(re.findall(r"[\u4e00-\u9fff]", stem)) < 4 or _CONVERTER_LABEL.match(stem):
        return None
    if places.parse_chain(stem, whole=True) is not None:
        return None
    return stem
