"""The words around a topic in a part of a "which places…" question that are no part of it: the
frames of qa/data/topic_frames.json, the verbs and light words that lead it, the period, kind and
particles that trail it (`strip_topic`); and a part that holds no topic at all (`no_topic`)."""

from __future__ import annotations

import re

from qa.measures import ASPECT_ONLY, MEASURES_AFTER
from qa.periods import RELATIVE
from qa.place_questions import (
    _DOCUMENT_WORDS,
    _IN_THEM,
    _LEVEL_OF_DOCUMENTS,
    _SAYS,
    _SETTING,
    places_only,
)
from qa.set_aside import LEAVING_OUT
from qa.text import word_breaks
from qa.topic_alternatives import without_beneficiary
from qa.topic_frames import framed, frames, without_how_many
from qa.topic_roots import with_class_said

_LEAD = re.compile(
    # 中 after a document's name only (中试基地 is a topic's); the longest name first (政府工作报告里)
    # (a request to list them, and each place said as the subject: 请列出所有提到…, 各地对…; then
    # the documents, of a level too: 区级文件里)
    r"^(?:请|麻烦)?(?:帮我)?(?:列出|列举|找出|说说|看看)?(?:一下)?"
    r"(?:(?:所有|全部)(?=(?:都)?(?:提|涉及|写|讲|说|谈)))?(?:(?:各地|各个地方)(?=对|都|在|提|有))?"
    rf"(?:有关(?!于)|关于|对于)?(?:的)?(?:(?:{_LEVEL_OF_DOCUMENTS})?(?:政府工作报告|工作报告|工作要点|(?:政府)?公报|通知(?:文件)?(?=中|里)|{_DOCUMENT_WORDS})"
    r"(?:中|里|里面|当中)?)?"
    r"(?:都|也|还|均)?(?:只|仅|仅仅)?(?:逐条|逐项|分条)?"
    r"(?:有没有|有)?(?:提到|提及|谈到|说到|讲到|讲(?=了|过)|报(?:出)?(?=了)|涉及(?:到)?|提出|部署|布局|包含|包括|关注|重视|支持"
    r"|(?:能)?(?:找到|看到|查到)"
    r"|写到|写了|给出|列出|公布|回顾|总结|披露"
    rf"|{_SETTING}|有)?"
    r"(?:了|过(?!去))?(?:要)?(?:有关|关于|对于)?"
    # (the object of a 把 or 将 whose verb follows the topic: 把2025年高企数量目标定在200家)
    r"(?:(?:把|将)(?!来|近)(?=.{3}))?"
)
# a verb before the topic, not one of several joined before it (培育或引进高企)
_ACTION = re.compile(
    # (not 创建, 争创, 申报: 创建国家高新区 is asked of places not yet one)
    # (and what is done already: 已建成海外仓)
    r"^(?:已经|已)?(?:建设|发展|打造|推进|推动|开展|加强|培育|建立|实施|布局|新建|建成|开行|开通|贯彻落实|落实|深化|加快"
    r"|完善|促进"
    r"|推广|引进|启动|设立|出台|举办|发放|解决|清理|化解)(?=[^或和及与、（(].)"
)
# the light words a user leads a topic with, naming no subject: being (是), saying (说了, 提),
# intending (要, 打算), doing (办, 搞, 发过), governing (治理), at it (在), for someone (给老年人办)
_LIGHT = re.compile(
    r"^(?:是(?!否)|(?:说|讲|谈)(?:了|过)?|提(?![高升供前交出质])(?:了|过)?|(?:正)?在(?=[给为对办搞做干发说推抓提用治整])"
    r"|要|将|会|想|准备|打算|计划(?=[办搞做干弄建])|还|也|都|或者|或|(?:办|搞|做|干|弄)(?:好|实|细|强|大)?(?:了|过)?"
    r"|发(?![展现挥生布明放电])(?:了|过)?|(?:发|办|搞|做|建)(?:了|过)?(?:或者|或)(?=要|将|准备|打算|计划)|治理|整治|防治|[给为帮替][\u4e00-\u9fff]{1,6}?(?:办|搞|做|建(?![设成])|提供))(?=[^，,、和或及]{2})"
)
# how a figure went, said after the topic (实际完成情况, 执行情况)
_HOW_IT_WENT = r"(?:的)?(?:实际)?(?:完成|执行)(?:情况)?|(?:的)?实际(?:结果|情况|成效)"
_TAIL = re.compile(
    r"(?:(?:相关|有关)(?:的)?(?:研发|研究|技术|产业|项目|领域)?|(?:的)?(?:相关)?(?:内容|方面|工作|规划|问题|事项|表述|提法|说法|论述|部署)|的(?:具体)?(?:举措|措施)"
    r"|(?:这个|这一)?一?(?:词|词语|字眼|字样)|的(?:事情?|事儿)"
    rf"|{_HOW_IT_WENT}|(?:的)?(?:(?:已经|已)?(?:达到|实现|做到)(?:了)?的(?:实际|具体)?|实际|具体)"
    r"(?:数|数字|数据|数值)|(?:有|取得了?)(?:实际)?成绩)?"
    r"(?:最高|最多|最大|最强|最好)?"
    # 这类平台, 之类的东西, 这类博士后平台: the kind the topic is one of, said after it
    r"(?:这块|这一块|这方面|这一方面|(?:这|那)(?:件|个)?(?:事情?|事儿)"
    r"|(?:这|这一|之)类(?:的)?(?:[\u4e00-\u9fff]{1,8}?(?=$|吗|呢|么))?|这些"
    # the kind the topic is one of, said at length: 揭榜挂帅这种科研组织方式
    r"|(?:这|那)(?:种|样的|一类|个)(?:的)?(?:[\u4e00-\u9fff]{2,10}?)?(?=$|吗|呢|么))?"
    # (and a particle of speech: 谁要搞海水淡化啊; not the 吧 of 酒吧, 网吧)
    r"(?:吗|呢|么|啊|呀|嘛|哦|呗|啦|没有?|(?<![酒网水])吧)?$"
)
# …and said before a bracket of what it holds: 氢能这块（制氢、绿氢之类）
_KIND_BEFORE_REMARK = re.compile(
    r"(?:(?:这块|这一块|这方面|这一方面|方面|相关|有关)(?:的)?(?:内容|工作|事项)?"
    rf"|{_HOW_IT_WENT})(?=[（(])"  # (…零售总额实际完成情况（增速或总额）)
)
_ONLY_VERB = re.compile(
    rf"^(?:的)?(?:{_DOCUMENT_WORDS})?(?:中|里)?(?:被)?(?:出现|提到|提及|涉及|谈到|说到|写进去|写进|写入|写上|写)?(?:过|了)?$"
    # (or what the topic is to them: …是哪些地方的工作重点; or where they said it: 在文旅里提到了)
    r"|^(?:的)?(?:工作)?(?:重点|重点工作|重点任务|亮点)$"
    r"|^在[\u4e00-\u9fff]{1,6}?(?:中|里|里面|当中|方面|领域|上)(?:都|也)?(?:提到|提及|涉及|谈到|说到|写到|写了|出现)(?:过|了)?$"
)
_PUNCT = "？?！!。，,、；;：:“”\"'‘’《》（）()— "
# the year a topic is asked of is no part of it: 今年城镇新增就业目标, 现有高新技术企业 (qa.periods)
_PERIOD = re.compile(
    rf"^(?:在|到|至|截至|截止)?(?:{RELATIVE.pattern}|本年度|年度|全年(?!龄)|近年来|近几年|现有|目前|当前|(?:19|20)\d\d(?:年)?(?:或|和|及|、|/|至|到|-)?(?:19|20)\d\d年|(?:19|20)\d\d年"
    # (two years joined: 2024或2025年; years behind, counted: 过去五年, 近三年, 五年来)
    r"|(?:过去|近)[两三四五十]年|[两三四五十]年来"
    r"|“?十[一二三四五六七八九]五”?(?:期间|时期)?|规划期(?:内|间)?)(?:末|底)?"
    r"(?:(?:工作)?回顾(?:时|的时候|中|里|部分)?|时(?!间|期|代|候|速|段|点)|的时候)?"  # (looked back on)
    # (another period in brackets, or the years it stands for: 今年（或规划期）, 今年（2024/2025年）)
    r"(?:[（(](?:或|和|及)?[^（）()]{1,6}[)）]|[（(][\d/、，,或和及至到年\-—～~ ]{2,16}[)）])?"
    r"(?:(?:已经|已|实际)?(?:完成|实现|达到)了?)?(?:的)?(?=.{2})"  # (去年完成的植树造林面积)
)
# the whole of the place the topic is asked of, its level's peers bracketed (全市（全区）外贸总额; not
# 全域旅游, a topic), or the level asked said first (地级市今年…; not 城市, which starts 城市更新)
_SCOPE = re.compile(
    r"^全(?:省|市|区|县|州)(?:[（(](?:或)?全?(?:省|市|区|县|州)(?:[、或/]全?(?:省|市|区|县|州))*[)）]"
    r"|(?:[、或/]全?(?:省|市|区|县|州))+)?"  # (or joined: 全省/全市接待游客)
    r"(?:的)?(?=.{2})"
    # (or the place's own, each asked of itself: 谈到了本地机场; or its whole: 整体数字经济)
    r"|^(?:本地|当地|本(?:省|市|区|县|州)|自己|各自|整体|总体)(?:的)?(?!化)(?=.{2})"
    r"|^(?:各)?(?:地级市|地级城市|地市|市州|省份|区县|县区)(?:的)?(?![级区域])(?=.{2})"
)
# …or after it: 专精特新企业今年或规划期定了数量目标, 研发投入强度现在是多少
_PERIOD_SAID_AFTER = (
    rf"(?:{RELATIVE.pattern}|现在|目前|当前|规划期(?:内|末)?|(?:到|至)?(?:19|20)\d\d年(?:末|底)?"
    r"|“?十[一二三四五六七八九]五”?(?:期末|末|期间))"
)
_PERIOD_AFTER = re.compile(
    # (another in brackets too: 今年（或“十四五”末）)
    rf"(?<=.{{2}})(?:{_PERIOD_SAID_AFTER}(?:或|和|及)?|[（(](?:或者|或|和|及)?{_PERIOD_SAID_AFTER}(?:[)）]|$))+"
    r"(?:是|为)?$"
)
# a topic named as a target, its figure asked (单位GDP能耗下降目标|给了具体百分比)
_AIMED_AT = re.compile(r"(?:的)?(?:预期)?(?:目标|指标)(?:值)?$")


def _progressive(part: str) -> str:
    """The part without a 在 that says an act is going on (在防治松材线虫病; not 在线教育)."""
    import jieba.posseg

    words = jieba.posseg.lcut(part)
    doing = len(words) >= 3 and words[0].word == "在" and words[1].flag.startswith("v")
    return part[1:] if doing else part


def no_topic(part: str) -> bool:
    """A part of the question that holds only what places did or how many, no topic: 在建或提到,
    提了, 各多少."""
    if _ONLY_VERB.match(part) or re.fullmatch(
        r"(?:各|分别|都)?(?:实际)?(?:是|有|完成了?|达到了?)?(?:多少|几)\w{0,2}", part
    ):
        return True  # …的有哪些，各多少: how many, asked of the topic said before
    if ASPECT_ONLY.fullmatch(part):
        return True  # …，哪些地方给了具体人次: what is asked of the topic, no topic
    ahead = r"(?:今后|未来|以后|将来|往后|下一步|接下来)(?:几年|一个时期)?"  # (…没有给出今后的目标)
    if re.fullmatch(
        rf"(?:在|到|至)?(?:(?:19|20)\d\d年(?:度)?|{RELATIVE.pattern}|{ahead})(?:的)?", part
    ):
        return True  # (the year of the documents: 在2024年的政府工作报告中，哪些…)
    said_at = r"(?:在|从|就|以)?"
    tier = rf"{_LEVEL_OF_DOCUMENTS}(?:上|里|中|来看|看|而言|来说)?"
    if re.fullmatch(rf"{said_at}(?:{tier})?", part):
        return True  # (a level said as the tier asked: 在地级市层面，哪些城市…)
    scoped = re.fullmatch(rf"{said_at}(?P<within>[\u4e00-\u9fff]{{2,8}}?){tier}", part)
    if scoped and places_only(scoped["within"]):
        return True  # (…of a place: 重庆区县这一级，谁…)
    counted = (
        r"(?:这|那)?(?:几|[两三四五六七八九十]|\d+)个?(?:地级市|城市|省份|区县|地方|[省市区县])"
    )
    # (the places asked, counted or by level, maybe named: 四个地级市里, 地级市中, 荆州、长治两市中)
    # (or their documents said after them: 几个地级市的2024年预期目标里)
    theirs = rf"的(?:(?:19|20)\d\d年|{RELATIVE.pattern})?(?:的)?"
    theirs += rf"(?:{_DOCUMENT_WORDS}|(?:主要)?(?:预期)?目标)"
    asked = (
        rf"{said_at}(?P<named>.{{0,40}}?)(?:{counted}(?:{theirs})?{_IN_THEM}?"
        rf"|(?:各)?{_LEVEL_SAID_BARE}(?:{theirs})?{_IN_THEM})"
    )
    if (m := re.fullmatch(asked, part)) and (not m["named"] or places_only(m["named"])):
        return True
    if _LEFT_OUT.fullmatch(part):
        return True  # (the documents left out of those asked: 在政府工作报告里（不算规划和要点）)
    unbracketed = re.sub(r"[（(][^（）()]*(?:[)）]|$)", "", part)
    if unbracketed != part and len(unbracketed) >= 2 and no_topic(unbracketed):
        return True  # (a level with its documents bracketed: 省级（两份2025年省区政府工作报告）里)
    return bool(re.fullmatch(rf"(?:{_SAYS}|[或和及与、了过都也还])+", part))


_DOCUMENTS = rf"(?:{_LEVEL_OF_DOCUMENTS})?(?:{_DOCUMENT_WORDS})"
_LEVEL_SAID_BARE = "(?:地级市|地级城市|城市|省份|省区|区县|县区|市州|地市)"
_LEFT_OUT = re.compile(
    rf"{LEAVING_OUT}{_DOCUMENTS}(?:[、和及与或]{_DOCUMENTS})*(?:在内|外|以外|之外)?"
)


def strip_before(before: str) -> str:
    # "提到氢能的有" / "氢能在" / "规划中提到氢能的" / "CPI涨幅目标写了的" (the act said last)
    for _ in range(2):
        before = _SAID_IN.sub("", before.rstrip("？?！!。，, "))
        before = re.sub(r"(?<=..)(?:有没有|有无|是否|是不是)$", "", before)  # (普惠托育有没有哪里…)
        before = _IN_DOCUMENTS_LAST.sub("", before)
        before = _SAID_LAST.sub("", before)
    return before


# the documents said last, before the places (…规划中是); not the 里 of a unit (新建多少公里)
_IN_DOCUMENTS_LAST = re.compile(
    r"(?:的)?(?:规划|文件)?(?:中|(?<!公)里)?(?:是|有|在|被)?(?:都|也)?$"
)
# where the topic is said, before the places: 低空经济相关内容出现在哪些地方
_SAID_IN = re.compile(r"(?<=..)(?:出现|写|提|体现|反映|见)(?:在|于)$")
# an act of saying after the topic, before 的有哪些: CPI涨幅控制目标写了的有哪些
_SAID_LAST = re.compile(
    r"(?<=..)(?:都|也|有)?(?:提到|提及|提出|写|说|讲|谈|涉及|部署|给出|列出|定|设定|明确)"
    r"(?:了|过|吗|呢|没有)+$"
)


# a verb of saying the topic follows, and a second joined to the first (谁有布局或者提到了)
_SAID_FIRST = re.compile(
    r"^(?:(?:或者|或|和|以及|及|还|也)(?=提|涉|谈|写))?"
    r"(?:提到|提及|涉及|提出|谈到|写进去|写进|写入|写上|有(?!关)|设定|设置|设(?![施备计立想])|入选|获批|获评)(?:了|过)?"
)


def strip_topic(part: str) -> tuple[str, str | None]:
    """The topic inside a part of the question, and the aspect a frame around it named: the
    frames of qa/data/topic_frames.json, then the verbs and particles left around it."""
    part = part.strip(_PUNCT)
    aspect = None
    for _ in range(4):
        new = part
        for _ in range(4):  # (a frame again on what one leaves: 给了|已建成的|高标准农田面积)
            topic, frame_aspect = _first_frame(new) or (new, None)
            if topic == new:
                break
            # (a target's figure asked is a target: 能耗下降目标|给了具体百分比)
            target = aspect == "figure" and frame_aspect == "target"
            new, aspect = topic, frame_aspect if target else aspect or frame_aspect
        new = _progressive(_LEAD.sub("", new, count=1).strip(_PUNCT))
        new = _SAID_FIRST.sub("", new)
        while (light := _LIGHT.sub("", new, count=1)) != new:
            new = light
        new = _without_coverb(new)
        new = _ACTION.sub("", new, count=1)
        new = _SAID_FIRST.sub("", new)
        new = _PERIOD.sub("", new, count=1)
        new = _SCOPE.sub("", new, count=1)
        new = with_class_said(new)
        new = _PERIOD_AFTER.sub("", _TAIL.sub("", _KIND_BEFORE_REMARK.sub("", new))).strip(_PUNCT)
        new = without_how_many(re.sub(MEASURES_AFTER, "", new))  # (its measures: 高企的新增或总量)
        # (and the 预期 of a growth aimed at: GDP预期增长目标; the 总 of a total asked in a unit:
        # 接待游客的总人次)
        new = re.sub(
            r"的总?$|的(?=(?:增长速度|增长率|增速|增幅|涨幅)$)|预期(?=(?:增长|增速|增长率)$)",
            "",
            new,
        )
        if aspect:  # (the 到 of a year a target is set for: 高新技术企业到2025年的数量目标)
            new = re.sub(r"(?<=..)(?:到|至)$", "", new)
        if aspect == "figure" and (aimed := _AIMED_AT.sub("", new)) != new and len(aimed) >= 2:
            new, aspect = aimed, "target"  # (能耗下降目标给了具体百分比: a target's figure)
        if new == part:
            break
        part = new
    return part, aspect


def _first_frame(part: str) -> tuple[str, str | None] | None:
    """What the first frame that holds `part` leaves of it (two characters or more), and that
    frame's aspect; None when no frame does."""
    for shortest, longest, aspect in frames():
        topic = (framed(shortest, longest, part) or "").strip(_PUNCT)
        if len(topic) >= 2:
            return topic, aspect
    return None


# a coverb leading the topic, its verb after it: 给研发投入强度定了目标, 对PM2.5浓度提出了目标
_COVERB = re.compile(r"^(?:给|为|对)(?=.{2})")


def _without_coverb(part: str) -> str:
    """The topic without a coverb that leads it, when jieba cuts the coverb as a word of its own
    (对外开放, 对口支援 and 给排水 keep theirs), and it names no one a deed is done for (给企业减税
    降费 is a deed: qa.topic_terms finds it)."""
    if _COVERB.match(part) and 1 in word_breaks(part) and without_beneficiary(part) is None:
        return part[1:]
    return part


# the wording itself asked (“千万工程”这个说法, 原样出现, “揭榜挂帅”字样)
_WORDING = re.compile(r"说法|提法|词语|词汇|这个词|这一词|字样|字眼|原样|原文|原话|一字不差|字面")


def asks_wording(question: str) -> bool:
    """Whether `question` asks where a wording stands, not the thing it names."""
    return bool(_WORDING.search(question))
