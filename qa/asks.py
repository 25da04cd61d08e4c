"""What a question asks for: a number, a date, a person or organisation, a list, what X
consists of, what X means, yes/no, how/why. The kinds of ask are data (`ASKS`, first match
wins); composers and the abstention check read them from the frame (qa/frame.py)."""

from __future__ import annotations

import re

# how many items, then what they are (保障措施有几条？分别是什么): one ask, the list, whose
# length answers the count
COUNT_THEN_ITEMS = r"几[条项个类种点大][^。]*?(?:分别|各|都|具体)(?:是|有|包括|为)(?:什么|哪些)"
# things counted, then what they are (那2个科研协作项目具体是什么, 2个百亿级项目分别是哪两个)
_COUNTED_THEN_WHAT = (
    r"(?:\d+|[两三四五六七八九十]+)\s*(?:个方面|个|大|项|条|种|类|件)[^，,。？?]{1,15}?"
    r"(?:具体|分别|都)(?:是|有|包括|为)(?:什么|啥|哪)(?!时候|时间|日期|天|一天|年|月)"
)

# (kind, pattern): the first that matches names what the question asks for. Contact fields
# come before "who" (联系电话 asks for a number, not a person), definitions before lists
# (“X”是指什么 wants X's meaning), lists before numbers (哪几个方面 wants the items).
ASKS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        # a request to write something (a poem, a speech) asks for no passage of a document
        (
            "request",
            (
                r"^(?:请|帮我|帮忙|给我|替我|能不能|可以)?(?:写|起草|创作|编|作|拟)(?:一|个|篇|首|份|段|封)"
                r"|讲个笑话|^(?:please )?(?:write|compose|draft) (?:a|an|me)\b"
            ),
        ),
        ("email", r"邮箱|电子邮件|e-?mail"),
        ("phone", r"电话|联系方式|手机号|phone"),
        ("doc_number", r"文号|发文字号"),
        (
            "definition",
            (
                r"什么意思|指的是什么|是指什么|指什么|含义|全称|的简称|是什么的简称|(?:怎么|如何|怎样)理解"
                # what a named thing holds: “3815”战略发展目标具体内容是什么
                r"|[”」\"][^，,。？?]{0,10}?(?:的)?(?:具体)?内容(?:是什么|是啥|为何)"
            ),
        ),
        (
            "composition",
            (
                r"哪几(?![天年月日号])|哪些|包括什么|包括哪|有哪|分哪|几个方面|哪[一两二三四五六七八九十]个(?!单位|部门|机关|机构|公司|企业)"
                rf"|{_COUNTED_THEN_WHAT}"
                r"|哪[两三四五六七八九十](?:件|项|条|类|种|大|点|期|方面|家|所)"
                # the things a counted name counts: “五水综改”指哪五水, “两山”是哪两山
                r"|哪[两三四五六七八九十](?![个天年月日次届位号])[\u4e00-\u9fff]"
                rf"|{COUNT_THEN_ITEMS}"
            ),
        ),
        # which meeting: 哪次人代会, 在什么会议上 (before "who": 谁作的报告，在哪次会上 is split first)
        (
            "meeting",
            (
                r"哪一?(?:次|届)[^，。？?]{0,6}(?:人代会|会议|会上|大会|全会)|(?:什么|哪个)(?:会议|大会)"
                r"|\b(?:what|which) (?:meeting|session)\b"
            ),
        ),
        ("person", r"谁|哪一?位|联系人|叫什么名字|姓名|\bwho\b"),
        ("duration", r"多长时间|多久|几天内|多少天|多少个工作日|几个?小时|几分钟|几个月"),
        (
            "date",
            (
                r"什么时候|何时|哪天|哪一天|哪几天|哪几日|哪一?年|哪个?月|几月|几号|日期|时间|截止"
                r"|期限|年份|\bwhen\b|\bwhat (?:year|date)\b"
            ),
        ),
        (
            "org",
            (
                r"哪(?:个|家)(?:单位|部门|机关|机构|公司|企业)|发布机构|承办单位|牵头单位|发文机关"
                r"|(?:单位|部门|机关|机构|公司|企业)的?(?:名称|全称|名字)"
            ),
        ),
        # where something is or happens: 建在哪里, 在哪个口岸落地 (not 哪个区提到…, a place
        # finder question, nor 哪个城市的报告)
        (
            "place",
            (
                r"(?:在|建在|设在|落户|位于|放在|选在|定在)(?:哪里|哪儿|什么地方|哪(?![个一些次家种类年天月]))"
                r"|哪(?:个|一个)(?:县级市|县|区|市|镇|乡|街道|村|省份|省|城市|口岸|国家)(?![的]?(?:规划|报告|文件|政府))"
                r"|\bwhere\b"
            ),
        ),
        (
            "number",
            (
                r"多少|几[个家项件名人次天所座亩期条台]|百分之几|几个百分点|比重|占比|强度|增速|增幅"
                r"|\bhow (?:many|much|fast|quickly)\b"
                # "What is X's GDP growth target", "what share of…": a figure asked in English
                r"|\bwhat\b[^?]{0,60}?\b(?:targets?|rates?|shares?|percentages?|proportions?"
                r"|growth|amounts?|output|totals?|concentrations?|intensity|volume)\b"
            ),
        ),
        ("yesno", r"是否|有没有|吗[？?]?$"),
        ("how", r"如何|怎么|怎样|为什么|为何|\bhow\b"),
    )
)
QUESTION_WORD = re.compile(
    r"多少|多长|多久|几[个家项件名人次天所座亩期条台]?|什么|啥|哪|谁|何时|如何|怎么|咋|是否|吗|呢"
    r"|\b(?:how|what|when|who|which)\b",
    re.IGNORECASE,
)


# spoken forms of the question words, read as the written ones
COLLOQUIAL = (("啥", "什么"), ("咋样", "怎么样"), ("咋", "怎么"))


def written(text: str) -> str:
    """`text` with its spoken question words in their written forms (是啥意思 → 是什么意思)."""
    for spoken, form in COLLOQUIAL:
        text = text.replace(spoken, form)
    return text


_YES_NO_ONLY = re.compile(r"吗[？?。]?\s*$")
_ASKS_A_THING = re.compile(r"多少|几|什么|啥|哪|谁|何时|如何|怎么|是否")


def asks_of(text: str) -> str:
    """What `text` asks for: one of the kinds of ASKS, or "text" (a sentence answers it)."""
    text = written(text)
    # "…比全市平均高吗": a question ending in 吗 and asking nothing else is yes or no, though
    # it names a share or an intensity (比重, 强度) that would read as asking for the figure
    if _YES_NO_ONLY.search(text) and not _ASKS_A_THING.search(text):
        return "yesno"
    for kind, pattern in ASKS:
        if pattern.search(text):
            return kind
    return "text"
