"""A topic read with the question still in it (冷链物流在哪些文件里, 非物质文化遗产保护，文件里
谈到, 哪些政府工作报告专门部署了优化营商环境): the run of the topic's own words between the
words that ask."""

from __future__ import annotations

import re

from qa.attested import SHORTEST_TOPIC, function_flag, question_words
from qa.periods import RELATIVE

# what in a topic shows it was read with the question still in it: a question word, a clause
_STILL_ASKING = re.compile(r"哪|谁|什么|[，,；;]")
# words that end a run of the topic's words: a question word, the documents, the act of saying
_BREAK = re.compile(
    r"(?:哪\w*|谁|什么|多少|几|文件|报告|规划|政府工作报告|材料|里|中|内|有|是|专门"
    r"|提到|提及|提出|点到|点名|涉及|谈到|谈及|说到|讲到|写进|写入|写到|写了|部署|出现|讲|说|谈|写"
    # a count (四个区, 一节或一条)
    r"|[一二三四五六七八九十几两\d]+[个节条项份些章段])"
)


_TIME = re.compile(
    rf"(?:{RELATIVE.pattern}|(?:19|20)?\d+年|年[底末内初中]|现在|目前|当前|近期|以来|期间|时期|今后|未来)"
)


def words_asked_about(topic: str) -> str:
    """A topic read with the question still in it (冷链物流在哪些文件里, 非物质文化遗产保护，文件里
    谈到, 哪些政府工作报告专门部署了优化营商环境): its longest run of words between the words that
    ask (question words, the documents, saying, function words and adverbs), without words of
    asking at its ends; the topic itself when it shows no question or has no such run."""
    # (a comma before 或 joins one more wording: 产教融合，或者市域产教联合体; so does one before a
    # restatement: 县域医共体，也就是紧密型医疗卫生共同体, either wording)
    topic = re.sub(r"[，,]\s*(?:或者|或是|或)(?=[\u4e00-\u9fffA-Za-z“\"])", "或", topic)
    topic = re.sub(
        r"(?:[，,]\s*)?(?:也就是说|也就是|也即|亦即)|[，,]\s*(?:即|就是)(?=[\u4e00-\u9fff])",
        "、",
        topic,
    )
    if not _STILL_ASKING.search(topic):
        return topic
    import jieba.posseg

    runs: list[list[tuple[str, str]]] = [[]]
    for piece in jieba.posseg.lcut(topic):
        word, flag = piece.word, piece.flag
        # (a bracket inside the topic is one of its readings: 科技支撑（助力）乡村振兴)
        joining = flag.startswith("c") or word in ("的", "、", "（", "）", "(", ")")
        # (a time is a year's word, not 老年, which jieba also tags as one)
        adverb = len(word) >= 2 and (flag[:1] == "d" or (flag[:1] == "t" and _TIME.fullmatch(word)))
        if _BREAK.fullmatch(word) or adverb or (function_flag(word, flag) and not joining):
            runs.append([])
        else:
            runs[-1].append((word, flag))
    before, after = question_words(before=True), question_words()
    trimmed = []
    for run in runs:
        # (an act joined to the next is the topic's: 建设或提升孵化器)
        while run and (
            (run[0][0] in before and not (len(run) > 1 and _joining(run[1][0])))
            or run[0][0] == "的"
            or _joining(run[0][0])
        ):
            run = run[1:]
        # (a bracket ending it is a remark on it: 地区生产总值总量（绝对数）)
        if run and run[-1][0] in ("）", ")"):
            openings = [i for i, (w, _) in enumerate(run) if w in ("（", "(")]
            run = run[: openings[-1] if openings else -1]
        # (nor does a topic end in a verb of one character: 国家碳计量中心落|在哪儿)
        while run and (
            run[-1][0] in after
            or run[-1][0] == "的"
            or _joining(run[-1][0])
            or (len(run[-1][0]) == 1 and run[-1][1].startswith("v"))
        ):
            run = run[:-1]
        trimmed.append("".join(word for word, _ in run))
    best = max(trimmed, key=len)
    return best if len(best) >= SHORTEST_TOPIC else topic


def _joining(word: str) -> bool:
    """A word that joins two of the topic's (qa.place_questions' 或, 和, 及…)."""
    from qa.place_questions import _JOINED

    return word == "以及" or re.fullmatch(_JOINED, word) is not None
