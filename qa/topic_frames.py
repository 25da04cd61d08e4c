"""The frames users put around the topic of a "which places…" question
(qa/data/topic_frames.json), compiled, the how-many said around a topic, and the pattern an
aspect's evidence must match."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources


@cache
def frames() -> tuple[tuple[re.Pattern[str], re.Pattern[str], str | None], ...]:
    """The frame patterns of qa/data/topic_frames.json, compiled with the topic read shortest
    and longest: (shortest, longest, aspect)."""
    raw = resources.files("qa").joinpath("data", "topic_frames.json").read_text("utf-8")
    data = json.loads(raw)
    macros = data["macros"]

    def compile_frame(frame: str, topic: str) -> re.Pattern[str]:
        for name, body in macros.items():
            frame = frame.replace("{" + name + "}", body)
        return re.compile(frame.replace("{X}", topic))

    def both(frame: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
        return compile_frame(frame, "(?P<X>.+?)"), compile_frame(frame, "(?P<X>.+)")

    frames = [(*both(f["frame"]), None) for f in data["frames"]]
    frames += [(*both(a["frame"]), a["aspect"]) for a in data["aspects"]]
    return tuple(frames)


def framed(shortest: re.Pattern[str], longest: re.Pattern[str], part: str) -> str | None:
    """The topic a frame reads in `part`: the shortest, unless it ends inside a word and the
    longest ends with that word (给科普基地建设定了数量: 科普基地建设, not 科普基地建 before
    设定)."""
    import jieba

    m = shortest.fullmatch(part)
    if m is None:
        return None
    ends = {0}
    for word in jieba.lcut(part):
        ends.add(max(ends) + len(word))
    if m.end("X") not in ends:
        longer = longest.fullmatch(part)
        word_end = min(e for e in ends if e > m.end("X"))
        if longer is not None and longer.end("X") == word_end:
            return longer.group("X")
    return m.group("X")


@cache
def aspect_evidence(aspect: str | None) -> re.Pattern[str] | None:
    """The pattern an evidence sentence must match for `aspect` (None: any sentence)."""
    if aspect is None:
        return None
    raw = resources.files("qa").joinpath("data", "topic_frames.json").read_text("utf-8")
    for entry in json.loads(raw)["aspects"]:
        if entry["aspect"] == aspect and "evidence" in entry:
            return re.compile(entry["evidence"])
    return None


# a figure asked of the topic, said after it (口袋公园建了多少个 → 口袋公园) or before it (今年要建多少
# 充电桩 → 充电桩)
_HOW_MANY_BEFORE = re.compile(
    r"^(?:要|计划|将)?(?:建|建设|新建|建成|接待|发|发放|新增|完成|改造|引进|培育|开行)?(?:了)?多少"
)


def without_how_many(part: str) -> str:
    """`part` without a how-many said after the topic or before it, and its unit unless the
    unit starts the topic (多少个充电桩 → 充电桩; 多少人才 → 人才)."""
    without = _HOW_MANY.sub("", part)
    part = without if len(without) >= 2 else part
    m = _HOW_MANY_BEFORE.match(part)
    if m is None:
        return part
    rest = part[m.end() :]
    unit = re.match(_UNIT, rest)
    if unit and len(rest) - unit.end() >= 2:
        return rest[unit.end() :]
    return rest if len(rest) >= 2 else part


_UNIT = r"(?:个|家|项|亩|万亩|套|座|所|处|条|公里|人|万人|名|亿元|万元|班|列)"
_HOW_MANY = re.compile(
    r"(?:的)?(?:要|将|计划|打算|准备)?(?:建|建成|新建|有|新增|达到|完成|改造|开行|建设|花|用|投入|投)?"
    rf"(?:了)?(?:多少|几)(?:{_UNIT}|钱)?$"
)
