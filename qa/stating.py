"""What a place's evidence sentence must state for a place question's aspect: the aspect's
pattern (a figure, a target), the topic's own figure in its clause, a bound on it; and the lead
a clause of a list stands under (主要预期目标是：…；固投增长10%左右；)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.bounds import Limit, figures_in, figures_said, holds_unit
from qa.periods import in_the_past
from qa.target_lists import AGAINST, LIST_COUNTED, TARGETS_LISTED, respective_figure, said_to_move
from qa.term_matcher import ACTS, TermMatcher, is_act
from qa.topic_roots import unbracketed
from qa.topic_terms import MOTION_SUFFIX, norm


@dataclass(frozen=True)
class Stating:
    """What an evidence sentence must state: the aspect's pattern, and with a bound (目标超过
    3万人) a figure of the topic beyond it: the first after the topic's words in a clause
    (城镇新增就业3.5万人以上，城镇调查失业率…), or a table row's last cell, where its target
    stands (2020: 19.36 | 2025: 30)."""

    aspect: re.Pattern[str]
    limit: Limit | None
    terms: TermMatcher | re.Pattern[str]
    # a figure or a target asked: the topic's own clause states one (not 粮食产量稳中有增)
    own_figure: bool = False
    # the unit the figure is asked in (接待游客的人次: a growth rate is no count of 人次)
    unit: str | None = None
    # a target is asked: outside a look back (which the caller leaves out), a figure in the
    # topic's own clause is one, however the plan words it (新改扩建农村公路600公里, 植树造林
    # 4.9万亩), unless the sentence speaks of the past
    ahead: bool = False
    # the topic as asked, normalised: a piece of it (外贸 of 外贸进出口) may be another's modifier
    topic: str = ""
    # a total asked: a figure after an addition (新增高新技术企业23家) is what was added, no total
    total: bool = False
    # a target in words counts in a list of targets (Topic.worded), one set against another's too,
    # and anywhere ahead when a requirement in words is asked (Topic.required)
    worded: bool = False
    against: bool = False
    required: bool = False

    def search(
        self, sentence: str, lead: str = "", first_year: int | None = None, under: str = ""
    ) -> bool:
        """`lead`: what the list the sentence is a clause of opens with (主要预期目标是：);
        `first_year`: the first year the sentence's document looks ahead to (a 2024 report's 2024),
        before which a year is the past; `under`: the heading right above (…主要目标)."""
        if self.ahead and _MET.search(sentence):
            return False  # 城镇新增就业5.3万人，超额完成省定目标: a target met, none set
        # (a target in words, in a list of targets: 居民收入增长与经济增长同步; a figure asked,
        # one set against another's: 固定资产投资增速保持在全国平均水平以上)
        normed = norm(sentence)
        listed = (
            (TARGETS_LISTED.search(under + lead + sentence) or self._named_whole(normed))
            and (self.worded or (self.against and self._set_against_another(sentence)))
            and said_to_move(self.topic, self.terms, normed)
        )
        if not (listed or self.aspect.search(lead + sentence)) and not (
            self.ahead and self._figure_follows(sentence) and not in_the_past(sentence, first_year)
        ):
            return False
        row = "|" in sentence
        said = "" if row else norm(sentence)
        if self.own_figure and not (row or listed) and not self._figure_in_own_clause(said):
            return False
        if row and self.unit and not holds_unit(sentence, self.unit):
            return False  # (a catalogue's row of 文化和旅游发展规划 | 决策时间: 2022年6月: no 元)
        if self.limit is None:
            return True
        if row:
            figures = figures_said(sentence)[-1:]
        else:  # each clause naming the topic (实施高标准农田建设…，新建高标准农田30万亩以上)
            figures = [
                found[0]
                for after in self._after_topic(said, r"[，,；;。]")
                if (found := figures_said(after, self.unit))
            ]
        return any(self.limit.passes(f, said_as) for f, said_as in figures)

    def _figure_follows(self, sentence: str) -> bool:
        """Whether a figure (in the unit asked) follows the topic's words closely in one of its
        clauses: 植树造林4.9万亩, 粮食播种面积…、产量稳定在91亿斤 (not 85个…服务区充电站: the
        figure counts something else)."""
        for after in self._after_topic(norm(sentence)):
            ahead = after[:_FOLLOWS]
            found = figures_in(ahead, self.unit)
            # past the other items of a list, a figure counts them all (数字经济、生物医药、人工
            # 智能4类), unless it is in the unit the topic is measured in (人工造林、封山育林35万亩),
            # not a share or a count any item has (园区总收入、规模工业增加值、亩均税收分别增长15%…)
            digit = re.search(r"\d", ahead)
            measured = self.unit not in (None, "%", "count")
            if found and digit and (measured or "、" not in ahead[: digit.start()]):
                return True
        return False

    def _named_whole(self, said: str) -> bool:
        """Whether a requirement is asked and normalised `said` names all the topic but what its
        brackets add (粮食安全 no 粮食产量; 优良天数 is all of 空气质量（优良天数、PM2.5）)."""
        said = said if self.required else ""
        while m := self.terms.search(said):
            if len(m.group(0)) >= len(unbracketed(self.topic)):
                return True
            said = said[m.end() :]
        return False

    def _set_against_another(self, sentence: str) -> bool:
        """Whether the topic's clause sets its figure against the country's, the province's or
        the economy's (保持在全国平均水平以上, 与经济增长同步)."""
        return any(AGAINST.match(after) for after in self._after_topic(norm(sentence)))

    def _figure_in_own_clause(self, said: str) -> bool:
        """`said`: the sentence normalised. A sentence found by meaning, without the topic's
        words, is kept if it states a figure in the unit asked."""
        if not self.terms.search(said):
            return self.unit is None or bool(figures_in(said, self.unit))
        return any(figures_in(part, self.unit) for part in self._after_topic(said, whole=True))

    def _after_topic(
        self, said: str, between: str = r"[，,；;。：:]", whole: bool = False
    ) -> list[str]:
        """What states the topic's figure in each clause naming it: what follows its words
        (`whole`: the clause), the item's own figure of a list said with 分别, the figure an act
        counts just before them (完成340万亩营造林任务), and the next clause when it goes on
        with the topic's acts or measure and a figure, its subject left out (推进高标准农田建设
        国家试点，新建提升100万亩以上). Not a clause whose figure is a part of the place's
        (开发区…) or another noun's the topic's words only modify (外贸航线10条), a number added
        when a total is asked (净增…97家), a level's growth when its value is (拥有量增长11.8%),
        nor another measure of the words when their growth is asked (投入强度达到2.41%)."""
        clauses = re.split(between, said)
        found = []
        for i, clause in enumerate(clauses):
            m = self.terms.search(clause)
            if m is None or _PART_AREA.search(clause[: m.start()]):
                continue
            if (
                self.total
                and (_ADDED.search(clause[: m.start()]) or _ADDED_AFTER.match(clause, m.end()))
                and not _TOTAL_SAID.search(clause, m.end())
            ):  # (…unless the next clause says the total: 新认定…52家，总数达到164家)
                found += [c for c in clauses[i + 1 : i + 2] if _TOTAL_SAID.match(c)]
                continue
            if not self.ahead and _moves_a_level(self.topic, clause[m.end() :]):
                continue  # (每万人口发明专利拥有量增长11.8%: no 拥有量 stated)
            piece = m.group(0)
            if (
                piece in self.topic
                and piece != self.topic
                and (
                    _OTHER_AMOUNT.match(clause, m.end())
                    if self.unit == "金额"
                    else self.unit in (None, "%", "count")
                    and _heads_another(clause[m.end() :], self.topic)
                )
            ):
                continue  # (a piece modifying another noun, or another's amount: 旅游业增加值…亿元)
            if (
                MOTION_SUFFIX.search(self.topic)
                and not MOTION_SUFFIX.search(piece)
                and _another_measure(clause[m.end() :])
            ):
                continue  # (研发投入增速 asked: 研发投入强度达到2.41% is no growth)
            own = respective_figure(clause, m.start())
            if not own and LIST_COUNTED.match(clause, m.end()):
                continue  # (老旧小区、棚户区改造等项目54个: the items together, not the topic)
            if not own or not figures_in(own, self.unit):  # (粮食播面和总产分别…亩、…斤)
                own = clause if whole else clause[m.end() :]
                counted = _COUNTED_BEFORE.search(clause, 0, m.start())
                if counted and not whole:
                    own = counted[1] + "，" + own
            if i + 1 < len(clauses) and (
                _GOES_ON.match(clauses[i + 1]) or _said_again(self.topic, clauses[i + 1])
            ):
                own += "，" + clauses[i + 1]
            found.append(own)
        return found


def _said_again(topic: str, clause: str) -> bool:
    """Whether `clause` opens with the topic's last words, its subject left out, as a total or
    not (新增高速公路通车里程…居全省第1位，通车总里程…突破700公里)."""
    opening = clause[: len(topic) + 1].replace("总", "", 1)
    return any(opening.startswith(topic[k:]) for k in range(1, len(topic) - 2))


# an act, its figure and its counter before the topic's words (完成340万亩营造林任务, 新增1713个养老床位)
_COUNTED_BEFORE = re.compile(
    rf"(?:{ACTS}|完成|实现|建设|打造|治理|实施|推进|开展|举办|组织)"
    r"((?:\d+(?:\.\d+)?|[一二三四五六七八九十两百千]+)(?:余|多)?[万亿]?(?:[\u4e00-\u9fff]{1,2})?(?:以上|左右)?)"
    # (…and a word of kind between: 新实施1500个工业技改项目)
    r"(?:[\u4e00-\u9fff]{1,2})?(?:的)?$"
)

# a number added in a year, said before the topic in its clause (净增科技型中小企业853家、高新技术
# 企业97家) or after it, a list's others between (净增600户; 接待游客、门票收入分别增长299%、377%;
# 地区生产总值增长5%: no 总量; a share's move: 比率上升3个百分点), unless the total follows
_ADDED = re.compile(r"新增|净增|新认定|认定|新培育|新引进|新获批|增加")
_ADDED_AFTER = re.compile(
    r"(?:[、和及与][\u4e00-\u9fff]{2,8}?)*(?:数量|数|比率|比例|占比)?(?:分别)?"
    r"(?:新增|净增|增加|增长|增速|增幅|认定|上升|提高|提升|下降|降低)"
)
_TOTAL_SAID = re.compile(r"总量|总数|总计|共有|存量")

# a part of a place whose figures are its own (开发区, 综合保税区); 高新区 may be the place itself
_PART_AREA = re.compile(
    r"(?:综合保税区|综保区|保税区|开发区|经开区|园区|片区|港区|自贸区|试验区)(?:全年|今年)?(?:的)?$"
)

# nouns that measure what stands before them, no other thing (进出口总额, 高标准农田面积)
_MEASURES = frozenset(
    {"规模", "面积", "里程", "容量", "收入", "营收", "目标", "指标", "任务", "增速", "增幅", "比重"}
    | {"占比", "水平", "能力", "强度", "浓度", "密度"}
)
# an amount of another measure than the topic's, whose words were left out (旅游收入: 旅游业增加值)
_OTHER_AMOUNT = re.compile(
    r"[^，,；;。\d]{0,6}?(?:增加值|产值|投资|销售额|人次|贷款|融资|资金|补贴)"
)
# …and the endings such nouns share (保有量, 拥有量, 覆盖率, 总数, 成交额, 产值)
_MEASURE_ENDS = ("量", "数", "率", "额", "值")


def _heads_another(after: str, topic: str = "") -> bool:
    """Whether the topic's words only modify another noun, whose figure follows (外贸航线10条,
    外贸企业50家), not a measure of the topic (进出口总额) nor the `topic`'s head (小巨人企业)."""
    import jieba.posseg

    pieces = jieba.posseg.lcut(after[:8])
    if not pieces:
        return False
    word, flag = pieces[0].word, pieces[0].flag
    if len(word) < 2 or flag not in ("n", "nz", "nt", "nr", "ns") or is_act(word) or word in topic:
        return False  # (新建 is a county to jieba)
    if word in _MEASURES or word in _ENTERED or word.endswith(_MEASURE_ENDS):
        return False
    named = _BEFORE_FIGURE.match(after)  # (…nor a noun ending in a measure: 核心产业增加值增长15%)
    return not (named and named[0].endswith((*_MEASURES, *_MEASURE_ENDS)))


_BEFORE_FIGURE = re.compile(
    r"[\u4e00-\u9fffA-Za-z]{2,16}?(?=(?:增长|增速|增幅|下降|降低|达到?|突破|超过|提升到|提高到|为)?[\d０-９])"
)


# how a counted thing is entered on a register, which jieba calls a noun (科技型中小企业入库100家)
_ENTERED = frozenset(["入库", "入统", "入规", "上市", "挂牌", "备案", "入选", "评价", "认定"])


# a measure that is a level, whose value a growth does not state (拥有量, 覆盖率, 比重, 强度)
_LEVEL = re.compile(r"(?:拥有量|保有量|率|比重|比例|占比|强度|浓度|密度|指数)$")


def _moves_a_level(topic: str, after: str) -> bool:
    """Whether the figure after a level's words is how it moved, not its value (拥有量增长11.8%,
    PM2.5浓度改善5.1%; not 强度提高到3%, a value reached, nor 提升0.9个百分点、达62.1%)."""
    return bool(_LEVEL.search(topic)) and bool(_MOVED.match(after))


_MOVED = re.compile(
    r"(?:同比|比上年|较上年)?(?:年均)?(?:增长|提高|提升|下降|降低|增加|减少|改善|上升)(?![到至])"
    r"(?!.*(?:达到?|[到至])\d)"
)


def _another_measure(after: str) -> bool:
    """Whether the topic's words, asked how they move, are followed by another measure of
    them, whose figure is not their growth (研发经费投入 of 研发经费投入强度达到2.41%; not
    进出口总额增长10%)."""
    import jieba.posseg

    pieces = jieba.posseg.lcut(after[:8])
    word = pieces[0].word if pieces else ""
    if len(word) < 2 or word in ("增速", "增幅"):
        return False
    if word not in _MEASURES and not word.endswith(_MEASURE_ENDS):
        return False
    digit = re.search(r"\d", after)
    return not re.search(
        r"增长|增速|增幅|提高|提升|下降|降低", after[: digit.start() if digit else None]
    )


# a clause going on with the last one's subject: acts or a measure, its figure, nothing counted
# after (新建提升100万亩以上, 完成5万亩; not 新建20家中试基地)
_GOES_ON = re.compile(
    rf"(?:(?:{ACTS}|提升|完成|达到|达|力争|确保|全年|再)+"
    # …or the topic's measure (粮食播种面积稳定在427万亩以上，总产量29亿斤以上)
    r"|(?:总)?(?:产量|面积|规模|总量|里程)(?:稳定在|保持在|达到|达|突破|超过|为)?)"
    r"(?:\d+(?:\.\d+)?|[一二三四五六七八九十两百千]+)[万亿]?(?:[亩个家座处所吨人户套项条斤]|公里|千米)?"
    r"(?:以上|左右|多)?(?=$|、)"
)

# how far after the topic's words its figure may stand (播种面积稳定在1062万亩以上、产量稳定在91亿斤)
_FOLLOWS = 28


# a result against a target, which a report states of the year behind it
_MET = re.compile(r"(?:超额|圆满)完成")
