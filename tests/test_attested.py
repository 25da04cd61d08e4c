"""A topic the corpus does not hold is read as the part of it the corpus does, once the rest
is only words of asking (qa.attested); a topic nobody mentions keeps its own words."""

from __future__ import annotations

import re

import pytest

from qa.attested import Corpus, asks_only, attested_topic
from qa.topics import read_topic

# a few report sentences, as the index would hold them (normalised)
_TEXT = """技术合同成交额达到10亿元
新建高标准农田27.2万亩
建设10个口袋公园，打造城市方寸之美
发放消费券2.3亿元，带动消费超36亿元
推动市中医院共建国家区域医疗中心
探索通过揭榜挂帅的方式组织实施项目；实行揭榜挂帅制度
推进基地建设，发展量子通信和宇宙探测
加快推进无废城市建设
打造城市更新示范
以工程塑料、石墨烯、轻质材料等新材料为重点
新增发放创业担保贷款27亿元
推动汽车以旧换新8.2万辆
加强学生心理健康教育
外贸进出口总额增长10%左右
全社会研发投入强度达到3%
R&D经费支出占GDP比重达到5.5%
推进全域旅游
征集创业导师志愿者
入驻技术产权交易所"""


def _corpus(text: str = _TEXT) -> Corpus:
    # the words a corpus's vocabulary sounds out: here every two characters of the text
    from pypinyin import lazy_pinyin

    words = {text[i : i + 2] for i in range(len(text) - 1)}
    sounds: dict[tuple[str, ...], set[str]] = {}
    for word in words:
        if all("\u4e00" <= c <= "\u9fff" for c in word):
            sounds.setdefault(tuple(lazy_pinyin(word)), set()).add(word)
    return Corpus(
        holds=lambda piece: piece in text,
        matches=lambda topic: topic in text,
        sounding=lambda window: tuple(sounds.get(tuple(lazy_pinyin(window)), ())),
    )


@pytest.mark.parametrize(
    "topic, read",
    [
        ("技术合同成交额是", "技术合同成交额"),  # a verb of asking after the topic
        ("高标准农田定了具体建设面积", "高标准农田"),  # what is asked of it
        ("在争取国家区域医疗中心", "国家区域医疗中心"),  # seeking, before it
        ("几个口袋公园", "口袋公园"),  # whole words first: not 个口袋公园
        ("消费券发", "消费券"),  # a part jieba does not cut out (消费/券发)
        ("揭榜挂帅的方式有哪些", "揭榜挂帅"),  # and the generic head after 的
        ("无废成市建设", "无废城市建设"),  # a character typed for another of its sound
        ("口袋公园", "口袋公园"),  # held: as it is
        # a character jieba does not know (x) is a topic's, not a function word: not 石墨
        ("石墨烯这个方向", "石墨烯"),
        ("创业担保贷款给出发放", "创业担保贷款"),  # words of saying what is given
        ("以旧换新换了", "以旧换新"),  # the topic's own verb said again to ask of it
        ("以旧换新换", "以旧换新"),  # (jieba tags a last 换 as no verb: a word of its own)
        ("学生心理健康有人管", "学生心理健康"),  # 有人管吗: is anyone on it
        ("消费券的地方，哪些", "消费券"),  # 发消费券的地方，哪些…
        ("外贸进出口今年定了增长或总额", "外贸进出口"),  # what of it is asked: growth or total
        ("全域研发投入强度", "研发投入强度"),  # the scope is the place's, not the topic's
        ("全域研发投入强度（R&D占GDP比重）", "研发投入强度（R&D占GDP比重）"),  # one reading held
        ("全域旅游", "全域旅游"),  # …unless the corpus says it so
        ("在找或培养创业导师", "创业导师"),  # acts joined before it: what places do with it
        ("要建数据交易所", "要建数据交易所"),  # 数据 before it is its own, not a figure asked
    ],
)
def test_a_topic_the_corpus_lacks_is_read_as_the_part_it_holds(topic, read):
    assert attested_topic(topic, _corpus()) == read


@pytest.mark.parametrize(
    "topic",
    [
        "月球基地建设",  # 基地建设 is held, but 月球 is a topic's word
        "量子通信干线",  # 量子通信 is held, but 干线 is no word of asking
        "元宇宙",  # 宇宙 is held, but 元 is the topic's
        "城市更新试点城市",  # 城市更新 is held, but 试点城市 says more than it
    ],
)
def test_a_topic_nobody_mentions_keeps_its_own_words(topic):
    assert attested_topic(topic, _corpus()) == topic


def test_a_respelling_that_two_characters_could_make_is_not_guessed():
    text = _TEXT + "\n加快推进无废成市建设"  # 成市 and 城市 both held: which is 程市?
    assert attested_topic("无废程市建设", _corpus(text)) == "无废程市建设"


@pytest.mark.parametrize(
    "rest, asking",
    [
        ("定了具体", True),
        ("的事儿", True),
        ("几个", True),
        ("在争取", True),
        ("对接", True),  # taking part in it (对接RCEP)
        ("的实绩", True),  # what is asked of it: what was achieved
        ("今年要创建多少家", True),  # intending, and the act whose count is asked
        ("培育了几个", True),
        ("有提法", True),  # a wording asked for
        ("报了实际数", True),
        ("", True),
        ("月球", False),
        ("干线", False),
        ("元", False),
        ("试点城市", False),
    ],
)
def test_words_of_asking_are_function_words_and_the_listed_ones(rest, asking):
    assert asks_only(rest) is asking


def test_the_question_reads_its_aspect_from_the_words_set_aside():
    topic = read_topic("今年高标准农田定了具体建设面积的有哪些？", _corpus())
    assert (topic.text, topic.aspect) == ("高标准农田", "target")
    topic = read_topic("消费券发了多少钱，哪些地方有数？", _corpus())
    assert (topic.text, topic.aspect, topic.unit) == ("消费券", "figure", "金额")
    # without a corpus the question is read as before
    assert read_topic("今年高标准农田定了具体建设面积的有哪些？").text != "高标准农田"


def test_the_finder_reads_the_topic_against_its_own_index(bundled_index):
    from qa.districts import districts

    report = districts("哪些区给出了科技型企业的数量是多少？", bundled_index)
    assert report.topic == "科技型企业"
    assert report.aspect == "figure"


def test_a_quoted_name_is_respelt_but_never_shortened():
    from qa.attested import attested_name

    corpus = _corpus(_TEXT + "\n布局建设一批中试基地")
    assert attested_name("中试机地", corpus) == "中试基地"  # 机 typed for 基
    assert attested_name("揭榜挂帅的方式", corpus) == "揭榜挂帅的方式"  # held as it is
    assert attested_name("赛马机制", corpus) == "赛马机制"  # held by nothing: as quoted


def test_times_and_the_kind_of_a_topic_are_words_of_asking_too():
    corpus = _corpus(_TEXT + "\n新增保障性租赁住房2500套\n引进卫星终端项目")
    assert attested_topic("保障性租赁住房今年定了", corpus) == "保障性租赁住房"
    assert attested_topic("卫星产业相关", corpus) == "卫星"


def test_alternatives_the_finder_matches_are_held_as_one_part():
    # 新建或改造提升高标准农田 is no phrase of the text, but the finder meets each wording
    text = "新建高标准农田850万亩\n新建改造提升高标准农田67万亩"
    alternatives = {"新建或改造提升高标准农田", "新建高标准农田", "改造提升高标准农田"}
    corpus = Corpus(
        holds=lambda piece: piece in text,
        matches=lambda topic: topic in alternatives or topic in text,
    )
    read = attested_topic("新建或改造提升高标准农田具体面积", corpus)
    assert read == "新建或改造提升高标准农田"  # not 改造提升高标准农田 alone


def test_carrying_out_a_localiser_a_count_s_measure_and_a_target_s_kind_are_asking():
    text = "深入落实河湖长制和林长制\n中欧班列开行120列\n生猪出栏5000万头\n居民消费价格涨幅3%左右"
    abbreviations = {"cpi": "居民消费价格涨幅"}
    corpus = Corpus(
        holds=lambda piece: piece in text,
        matches=lambda topic: topic in text or abbreviations.get(topic.lower(), "@") in text,
    )
    assert attested_topic("推行了林长制", corpus) == "林长制"  # carrying it out
    assert attested_topic("里讲到了中欧班列", corpus) == "中欧班列"  # (报告)里: where it is said
    assert attested_topic("生猪出栏多少头", corpus) == "生猪出栏"  # the measure counted in
    # …and before the topic, never the start of it (亩高标准农田 is held, but 亩 is the count's)
    farmland = Corpus(holds=lambda p: p in "建成100万亩高标准农田", matches=lambda p: False)
    assert attested_topic("新建或改造多少亩高标准农田", farmland) == "高标准农田"
    # the documents asked of, before the topic
    assert attested_topic("工作报告里讲到中欧班列", corpus) == "中欧班列"
    assert attested_topic("居民消费价格涨幅的调控", corpus) == "居民消费价格涨幅"
    # a topic in Latin letters is no interjection, and is held by the wordings it stands for
    assert attested_topic("CPI调控", corpus) == "CPI"
    assert attested_topic("CPI的控制", corpus) == "CPI"
    # …but words of an English question around the topic it gives in Chinese are asking
    assert asks_only("which of them mention seawater desalination", before=True)
    assert not asks_only("CPI", before=True)
    # …but 上 before a topic is not a localiser set aside when it is the topic's own word
    assert asks_only("月球", before=True) is False


def test_a_noun_after_the_part_held_is_no_verb_said_again():
    # 发展核 is in 发展核心, and 电 ends 核电: the topic nobody mentions keeps its words
    corpus = _corpus(_TEXT + "\n发展核心技术")
    assert attested_topic("建核电站或发展核电", corpus) == "建核电站或发展核电"


def test_a_name_missed_by_one_character_is_the_name_the_documents_quote():
    from dataclasses import replace

    from qa.attested import attested_name
    from qa.vocabulary import Vocabulary

    quoted = Vocabulary(0, {}, {}, quoted=("智改数转", "枫桥经验", "浦江经验"))
    corpus = replace(_corpus(), quoted_like=quoted.quoted_like)
    assert attested_name("枫桥经检", corpus) == "枫桥经验"  # 检 slipped for 验, not a sound
    assert attested_topic("枫桥经检", corpus) == "枫桥经验"
    # two quoted names one character away: no guess
    assert attested_name("浦桥经验", corpus) == "浦桥经验"
    # a short name is too near too many: left as typed
    assert quoted.quoted_like("智改数") == ()


def test_a_phrase_missed_by_a_slip_that_breaks_a_word_is_the_one_the_documents_write():
    from dataclasses import replace

    from qa.attested import attested_name
    from qa.vocabulary import Vocabulary

    written = Vocabulary(0, {}, {}, text="持续优化营商环境。推进数字乡村建设。建设海西经济区。")
    assert written.written_like("营商坏境") == ("营商环境",)  # 坏境 is no word, 环境 one
    # …not a phrase of words that is only not written (数字乡镇: 乡镇 is a word), nor one whose
    # character is a common word's (洋 of 海洋)
    assert written.written_like("数字乡镇") == ()
    assert written.written_like("海洋经济") == ()
    corpus = replace(_corpus("持续优化营商环境。"), written_like=written.written_like)
    assert attested_name("营商坏境", corpus) == "营商环境"
    assert attested_topic("营商坏境", corpus) == "营商环境"


def test_an_index_is_never_read_with_the_words_of_another_that_had_its_id():
    import weakref

    from qa import vocabulary as vocabulary_module
    from tests.qa_support import FakeIndex, make_chunk

    old = FakeIndex([make_chunk("a", "发展低空经济。")])
    new = FakeIndex([make_chunk("b", "建设海水淡化项目。")])
    assert "低空经济" in vocabulary_module.vocabulary(old).text
    # an id is reused once its index is dropped: the cache must tell the new index apart
    stale = vocabulary_module._CACHE[(id(old), 1)][1]
    vocabulary_module._CACHE[(id(new), 1)] = (weakref.ref(old), stale)
    assert "海水淡化" in vocabulary_module.vocabulary(new).text


def _with_characters(text: str) -> Corpus:
    """`_corpus(text)` that also sounds out each character of `text` (元 for 原)."""
    from dataclasses import replace

    from pypinyin import lazy_pinyin

    characters: dict[str, set[str]] = {}
    for c in set(text):
        if "\u4e00" <= c <= "\u9fff":
            characters.setdefault(lazy_pinyin(c)[0], set()).add(c)
    return replace(
        _corpus(text),
        sounding_character=lambda c: tuple(characters.get(lazy_pinyin(c)[0], set()) - {c}),
    )


def test_a_slip_inside_a_word_jieba_does_not_know_is_read_as_the_word_the_corpus_holds():
    corpus = _with_characters(_TEXT + "\n培育元宇宙、人工智能等未来产业\n提高产业合作水平")
    assert attested_topic("原宇宙产业", corpus) == "元宇宙"  # 原 typed for 元; 产业 asks
    # a word of the question standing alone (搞) is no slip, even where a homophone (高) would
    # make three characters the corpus holds: what it makes must be a topic the corpus matches
    assert attested_topic("跟四川自贡搞产业合作", corpus) == "跟四川自贡搞产业合作"
    # a character inside a word jieba knows is typed as meant (以房养老 is no 以放养老, though
    # 放养老 is held in 发放养老服务补贴)
    pension = _with_characters("为困难老人发放养老服务补贴")
    assert attested_topic("以房养老", pension) == "以房养老"
    # a character the corpus holds with its neighbours is typed as meant (not 部署地三次…,
    # though 部署地 is held)
    third = _with_characters("开展第三次全国土壤普查\n部署地方工作")
    assert attested_topic("部署第三次全国土壤普查", third) == "部署第三次全国土壤普查"


def test_a_texts_word_breaks_are_where_jieba_cuts_it():
    from qa.text import word_breaks

    assert word_breaks("以房养老") == {0, 2, 4}  # 以房|养老
    assert word_breaks("营商环境") == {0, 2, 4}
    assert 1 not in word_breaks("植树造林")  # one word: no break after 植


def test_a_topic_nobody_mentions_is_cut_neither_inside_a_word_nor_at_a_numeral_said_again():
    # the finder reads a bracket's wordings as alternatives: a part held in one is matched
    text = "散居孤儿补贴标准提高\n探索宇宙奥秘\n培育瞪羚企业10家"

    def matches(topic: str) -> bool:
        return any(p and p in text for p in re.split(r"[（）()、]", topic))

    corpus = Corpus(holds=lambda piece: piece in text, matches=matches)
    # (儿补贴 is held in 孤儿补贴, but begins inside 育儿)
    topic = "发放育儿补贴（生育补贴）"
    assert attested_topic(topic, corpus) == topic
    # (元 before 宇宙 is said again in the bracket, but it is a numeral, no verb asked again)
    topic = "元宇宙（元宇宙产业、元宇宙应用场景）"
    assert attested_topic(topic, corpus) == topic
    # (…but one held as it is is read, though jieba cuts its first character off: 给瞪|羚企业)
    assert attested_topic("给瞪羚企业", corpus) == "瞪羚企业"
