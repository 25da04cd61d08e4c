"""Whether a question asks which places do something, of which level of places
(哪些城市 → city, 哪些区县 → county, 哪些地方 → each document's own place) and of which kind of
document (哪些报告 → work reports), or which did not (哪些区没有提到…); the topic it asks about is
read by qa.topics."""

from __future__ import annotations

import re

from qa.asking import REQUEST, without_negation

# what a place's documents are called in a question: 哪些地方的材料里给出了…
_DOCUMENT_WORDS = (
    "政府工作报告|工作报告|工作要点|规划|文件|报告|政府|材料|资料|文本|政策|计划|通知|公报"
)
# how a question says a place set a target: 哪些地方设定了…的目标
_SETTING = "设定|设置|设立|设了|定了|制定|确定|明确|规定"
# the documents asked for by kind: 哪些报告, 哪几份规划
_DOCUMENTS_ASKED = (
    r"(?:(?![在里中的这那几份个])[\u4e00-\u9fff“”]){0,10}?(?:政府工作报告|工作报告|报告|规划|工作要点|要点|实施方案|方案"
    r"|通知|公报|文件|文本|材料|资料)"
)
# what a question says a place's documents did with the topic, one vocabulary for every form
# below: 提到, 提了, 写进, 给…定了目标, 有, 在搞, 出现 (not 谁的…最高, 哪个部门负责)
_SAYS = (  # (said how: 专门提到, 重点部署)
    rf"(?:专门|特别|单独|着重|重点)?(?:提到|提及|提出|提(?![高升供前交出质醒示拔])|点到|点名|涉及|谈到|谈及|说到|写|说|谈|讲(?![话座解师堂])|部署|布局"
    r"|关注|重视|出现|列|公布|报(?:告|出)?(?=了|过)|交代|披露"
    rf"|给|把|将|对|为|{_SETTING}|定|设|有|在(?:搞|做|弄|干|抓|推|建|用|布局|发展|试点|说|讲|谈|提)|要|用|采用|推行|实行|开展"
    # doing it: 哪些在争创国家高新区, 谁在治理锰污染; or chosen for it: 哪些入选了…试点
    r"|入选|获批|获评|(?:在)?(?:争创|创建|申报|建设|打造|推进|推动|实施|培育|发展|落实|治理|办|搞|做(?=了|过|或)|上项目|上马))"
)
# 区 must not start a longer word: "哪些区域创新平台", "哪些区块链企业" ask about things
_PLACE = (
    r"(?:自治区|直辖市|地级市|地级城市|地州市|区县|县区|区\(县\)|区（县）|地区|行政区|城市|地市|市州"
    # (a region of a level: 两个省级地区中，谁…)
    r"|(?:省|市|区县|区|县)级(?:地区|地方|行政区)"
    r"|省份|省区|省(?![级内外钱心])"
    # 哪些地方, not parts of a thing judged (哪些地方需要改进); 跟哪些地方合作: _OBJECT_OF
    r"|地方(?!(?:还|仍|也)?(?:需要|需|应该|应当|值得|存在|有待|不足|不够|可以|做得|没做|要改))|地儿"
    r"|市(?![场民级内外值])|区(?![域块间位内外级划])|县(?![城域级])|州(?![长委级])"
    # 哪些报告提到…: the documents, each standing for its own place (after the places: 哪些区在
    # 规划里… asks for districts)
    rf"|{_DOCUMENTS_ASKED}(?=(?:[（(][^（）()]{{1,10}}[)）])?(?:中|里)?(?:都|也)?{_SAYS}"
    # (or asked where the topic is: 低空经济出现在哪几份报告里)
    r"|(?:中|里|当中|里面)[？?。]*$))"
)
# the level a question asks about: 哪些城市 → city, 哪些省 → province, 哪些区县 → county
_LEVEL_WORDS = (
    ("province", ("省份", "省区", "省", "自治区", "直辖市")),
    ("city", ("城市", "地市", "市州", "自治州", "市")),
    ("county", ("区县", "县区", "区(县)", "区（县）", "行政区", "区", "县")),
)
# places of several levels asked at once: 哪些城市或省区, 哪些市和省
_JOINED = r"(?:或者|或|和|及|与|、|/)"
_WHICH = (
    rf"(?:有哪些|有哪几个|有几个|是哪些|是哪个|哪些|哪个|哪几个|哪一个|哪几份|哪份|哪几|(?<=在)几个){_PLACE}"
    rf"(?:{_JOINED}{_PLACE})*"
)
# the places named after the topic: 把抽水蓄能写进报告的城市有哪些
_PLACE_NOUN = r"(?:地级市|自治区|自治州|直辖市|城市|区县|地市州|地州市|地市|市州|省份|省区|地方|地区|区|县|市|省)"
# …or with no "which" at all, the places asked being what the question ends in (在创建儿童友好
# 城市的地方？, 目标在5万人及以上的城市？); not the places a document names (提到的地方)
_WHICH_AFTER = (
    rf"(?<!提到|提及|说到|涉及|包括|包含|列出)(?<!指)的(?:所有|全部)?{_PLACE_NOUN}(?:{_JOINED}{_PLACE_NOUN})*"
    # (…的地方是？: which are they, the question mark says; or how many: …的地方有几个)
    r"(?:(?:都)?(?:有|是)(?:哪些|哪几个|哪个|几个)|(?:都)?(?:是|有)?"
    r"(?=(?:吗|呢)?[？?！!。\s]*(?:$|(?:都)?(?:有|是)(?:哪些|哪几个)))"
    r"|(?:吗|呢)[，,]\s*(?:都)?(?:有|是)(?:哪些|哪几个))"
)
# the places named as a group, then who among them: 这几个区的规划里，谁提到了5G
_AMONG = (
    rf"(?:(?:这|那|各|所有|全部)(?:些|几个|[两三四五六七八九十\d]+个)?|[几两三四五六七八九十\d]+个)(?P<among>{_PLACE})"
    r"[^，,。？?；;]{0,24}?[，,]?(?:里|中|当中|里面)?(?:有)?(?:谁|哪个|哪一个|哪几个|哪些|哪家)"
    rf"(?=(?:都|也|还)?(?:有|在)?(?:规划|文件|报告)?(?:中|里)?{_SAYS})"
)
# the level of the documents named as a group: 四份市级报告, 几份区里的规划; 市、省政府工作报告 and
# 市和省的报告 name two levels
# the places of a level, bracketed after it: 省级（省、自治区）报告里, 省级层面（省和直辖市）
_LEVEL_PLACES = r"(?:[（(][^（）()]{1,40}[)）])?"
# …said as a tier: 省级, 省这一级, 市州层面
_TIER = r"(?:(?:这|那)?(?:一|个)?(?:级|层面|层级|层)(?:层面)?)"
_LEVEL_OF_DOCUMENTS = (
    r"(?<![、和及与])(?:地级市|地市州|地州市|市州|地市|自治区|自治州|直辖市|市|省|区县|区|县)"
    r"(?:[、和及与](?:自治区|自治州|直辖市|市|州|省|区县|区|县))*"
    rf"(?:{_TIER}{_LEVEL_PLACES}(?:的)?|(?:里)?的|(?=政府))"
)
# documents named as a group, then which of them (or whether any): 三份报告里，哪些(有没有)把CPI列进了目标
_AMONG_DOCUMENTS = (
    # (the level said bare before the group: 重庆区县这几份科技文件里，哪些…)
    r"(?:(?P<documents_of>区县|县区|区|县|城市|市|省份|省)(?=这|那|各|所有|全部))?"
    rf"(?:这|那|各|所有|全部)?(?:些|几|[两三四五六七八九十\d]+)?(?:份|个|篇)?(?:{_LEVEL_OF_DOCUMENTS})?"
    rf"{_DOCUMENTS_ASKED}(?:[（(][^（）()]{{0,20}}[）)])?"  # 规划（不算工作要点）中
    r"(?:(?:里|中|当中|里面)[，,]?|[，,]|(?=有))(?:有)?(?:哪些|哪几份|哪几个|哪份|哪个|谁|没有(?:哪份|哪个)?(?=.*的[？?]*$))"
    rf"(?=(?:都|也|还)?{_SAYS})"
)
_YEAR_SAID = r"(?:(?:今年|去年|明年|本年度?|(?:19|20)\d\d年)(?:的)?)?"  # 在今年的报告里
_YEAR_WORK = "工作安排|工作部署|工作"  # (a year's work said: 在2025年工作里, 今年工作安排中)
# whose documents, said after who asks (云南和河南谁的报告提到了…, 谁家规划里有…)
_WHOSE_DOCUMENT = rf"(?:[的在]?{_YEAR_SAID}(?:{_DOCUMENT_WORDS}|{_YEAR_WORK})(?:中|里面?|当中)?)?"
# places named one by one, then which of them: 吉安、抚州、巴中里，哪个提到了抽水蓄能
# a place named in full (广西壮族自治区), not a kind of document (省政府工作报告)
_NAME = r"(?:(?!报告|规划|文件|要点|方案|在|哪|谁|有没有|是否|是不是)[\u4e00-\u9fff]){2,8}?"
_THEIR_DOCUMENTS = r"的(?:规划|文件|报告|政府工作报告)"
# how many of them (这三个, 三地, 三者), and in them (里, 当中): what follows places named one by one
# (or the level after the count: 河南、山东两省; or their documents: 这三份规划)
_HOW_MANY_NAMED = r"(?:这|那)?(?:[几两三四五六七八九十](?:[个座地处者家]|[份篇](?:规划|文件|报告)?|(?=[省市区县州])))?"
_IN_THEM = r"(?:里头|里面|里|当中|之中|之间|中)"
_AMONG_NAMED = (
    # (after a request, or what says they are listed: 对于…, 下面几个区：…)
    rf"(?:^{REQUEST})?"
    rf"(?:在|从|对比|比较|对于|关于|(?:下面|以下|下列)(?:这)?(?:几个|[两三四五六七八九十]个)?{_PLACE}?[：:])?"
    rf"(?P<named>{_NAME}(?:[、和与及跟 ]{_NAME})+ ?)"
    # (their documents: 綦江和重庆高新区的规划，哪个…; 綦江、大渡口三个区的规划里，哪个…)
    rf"(?:{_THEIR_DOCUMENTS})?{_HOW_MANY_NAMED}(?:{_PLACE})?"
    rf"(?:{_THEIR_DOCUMENTS})?(?:(?:{_IN_THEM}|相比|比)[，,]?|[，,：:])?(?:有)?"
    # (the group named, any deed asked of it: 承德和攀枝花，谁牵头搞了…, …哪些是…试点城市; not a
    # comparison: 谁更高)
    rf"(?:(?:哪个|哪些|哪几个|哪几家|哪一个|哪一家|哪家|哪一份|哪份|哪几份|有几个|谁|哪里)(?:{_PLACE_NOUN})?"
    rf"{_WHOSE_DOCUMENT}"
    rf"(?=(?:都|也|还)?(?:{_SAYS}|(?!更|最|比较|相比|多|少|高|低|地方|{_PLACE})[\u4e00-\u9fff]{{2}}))"
    # whether each did: 攀枝花和承德，是不是都说…; 铜仁和郴州提没提, 湖南、内蒙古提了吗
    rf"|(?:都|也)?(?:在{_DOCUMENTS_ASKED}(?:里|中))?(?:(?:是不是|是否|有没有)(?:都|也)?(?={_SAYS})"
    r"|(?<=都)(?=提|写|说|讲|定|设|给|报|公布|列|明确)|(?:分别)?(?=(?:提|写|说|讲|定|设|给|报|公布|列|明确)"
    r"(?:[\u4e00-\u9fff“”A-Za-z0-9.]*?(?:吗|没有|没)|了?)[？?。]*$))"
    # whose figure: 芜湖、山东、湖南，谁的职业技能培训目标…
    r"|(?:谁|哪个|哪家)的(?=[\u4e00-\u9fff]{2}))"
)
# the documents or places a topic was written into: 零基预算改革写进了哪些报告
_WRITTEN_INTO = (
    r"(?:写进|写入|写到|列入|纳入|列进)了?(?:哪些|哪几份|哪几个|哪个|哪份)"
    rf"(?:{_DOCUMENTS_ASKED}|城市|地方|省份|省|区县|区)"
)
# the place asked as the subject of what a document says or does, with no place noun: 富硒产业谁在搞,
# 哪里在建科普基地, 咖啡哪里提了 (not 是谁作的, 由谁牵头, 建在哪里)
_WHO_SAYS = (
    rf"(?<![是由在于到去从])(?:谁家|哪家|谁|哪里|哪儿|哪(?=有)){_WHOSE_DOCUMENT}(?:都|也|还)?"
    # (or doing anything at the question's end: 护眼灯谁家在装？)
    rf"(?={_SAYS}|在[\u4e00-\u9fff]{{1,2}}[？?！!。]*$)"
    r"(?!.*的[？?]?$)(?!.*得(?:更|最))"  # (谁提到得更多 compares; it asks no places)
)
# the places asked as whoever did what a clause says, a comma apart or not (给了具体金额的，有哪些):
# 在创建儿童友好城市的有哪些, 有具体数据的是哪里, 定了目标的是哪个, 设了目标的有谁, “金凤凰”人才
# 政策是哪里的 (not 说的是哪儿, 指的是哪里: what a name refers to; nor 牵头的是谁, a person)
_WHO_DID = (  # (or whose documents: 有具体数字的报告有哪些)
    rf"(?<![说指讲])的(?:{_DOCUMENT_WORDS})?[，,]?(?:都)?(?:(?:有|是)(?:哪些|哪几个|哪一个|哪个|哪家|哪里|哪儿)(?:地方|地区)?|有谁)"
    r"(?=$|[，,？?]|[呀啊呢][？?]*$)"
    r"|是哪(?:里|儿)的(?=$|[？?])"
)
# whether any place did: 有地方在发展邮轮经济吗, 有没有城市提到…, 油茶种植面积有没有地方定目标
_ANY_DID = rf"(?:(?:^|(?<=[，,\s]))(?:是否)?有(?:没有)?|有没有|是否有)(?:哪个)?{_PLACE}(?=.)"
# every place asked its figure (各地实际完成了多少; 各地今年…目标分别是多少), or whether it did (各市有没有写)
_EACH = (
    rf"各(?:地方|地|{_PLACE_NOUN})(?=(?:的)?(?:实际|分别|都)?(?:完成了?|是|有|达到了?|定了?|给了?)?"
    r"(?:多少|几)"
    r"|[^，,？?。]{2,30}?(?:分别|各)(?:是|为|有|定了?|达到了?)?(?:多少|几)"
    rf"|(?:都)?(?:有没有|是否){_SAYS})"
)
# levels named bare, then which of them: 城市里哪些提到了…, 城市和省份里，哪些在讲…
_AMONG_LEVELS = (
    # (a level said as a tier, its places in brackets: 省级层面（省和直辖市）谁…, 区一级有哪些…)
    # (or after the topic said first: 抽水蓄能电站，市级层面谁在推)
    # (…or as the scope: 以地级市为范围，谁…; 就省份而言，哪些…)
    # (…or looked at alone: 仅看地级市，哪些…, 只看地级市（市州）：哪些…; 从城市层面看，谁…;
    # or a place's own: 重庆的区里谁…)
    rf"(?:^(?:{REQUEST})?|(?<=[，,])|(?<=..的))(?:在|从|就|以|各|(?P<look>(?:仅|只|单|光)看))?"
    rf"(?P<levels>{_PLACE_NOUN}(?:{_JOINED}{_PLACE_NOUN})*)(?:[（(][^（）()]{{1,6}}[)）])?"
    # (…as this tier: 城市这一级，地级市（州）这一层; or their documents: 重庆的区县科技规划里，谁…)
    rf"(?:{_LEVEL_PLACES}{_TIER}{_LEVEL_PLACES}(?:(?:的)?(?:{_DOCUMENTS_ASKED}|政府))?(?:{_IN_THEM}|来看|看|的)?"
    rf"|(?:的)?(?:{_DOCUMENTS_ASKED})?{_IN_THEM}"
    r"|(?:为)?范围(?:内|里)?|而言|来说|来看|(?(look)(?=[，,：:])|(?!)))[，,：:]?(?:有)?"
    # (…or whether any did: 城市里有没有提到科创板的; or which document: 哪份报告)
    r"(?:谁|哪个|哪一个|哪几个|哪些|哪家|哪份|哪几份|(?<=有)没有(?:哪个|哪些|哪家)?)"
    rf"(?:{_PLACE_NOUN}|{_DOCUMENTS_ASKED})?{_WHOSE_DOCUMENT}"  # (地级市里，哪些城市的报告…)
    rf"(?=(?:都|也|还)?(?:有|在)?(?:在{_YEAR_SAID}(?:{_DOCUMENTS_ASKED}|{_YEAR_WORK}|安排|部署)(?:中|里|里面|当中)"
    rf"|在?(?=[今去明]年|本年|(?:19|20)\d\d年){_YEAR_SAID})?{_SAYS})"  # (哪些在今年工作安排里给…, 哪些今年给…)
)
_DISTRICT_QUESTION = re.compile(
    rf"{_AMONG_LEVELS}|{_AMONG}|{_AMONG_DOCUMENTS}|{_AMONG_NAMED}|{_WRITTEN_INTO}|{_WHICH}|{_WHICH_AFTER}"
    rf"|{_WHO_SAYS}|{_WHO_DID}|{_ANY_DID}|{_EACH}"
)


def asks_prefectures(text: str) -> bool:
    """Whether a place question asks for 地级市 (cities below a province, not 重庆市)."""
    m = _DISTRICT_QUESTION.search(without_negation(text)[0])
    return m is not None and "地级" in (m.group("among") or m.group(0))


def question_level(text: str) -> str | None:
    """The level of places a "which places…" question asks about, or None (哪些地区, or
    places of several levels: 哪些城市或省区)."""
    levels = question_levels(text)
    return levels[0] if len(levels) == 1 else None


def question_levels(text: str) -> tuple[str, ...]:
    """Every level of places a "which places…" question asks about, in its order: 哪些城市或
    省区 -> city, province; none for 哪些地区 (any level)."""
    text, _ = without_negation(text)
    m = _DISTRICT_QUESTION.search(text)
    if not m:
        return ()
    asked = m.group("among") or m.group("levels") or _level_words(m)
    said = re.sub(r"(?<=[级面层])[（(][^（）()]*[)）]", "", text[max(0, m.start() - 1) : m.end()])
    # (not the documents a tier's bracket lists: 省级（两份省区政府工作报告）里 asks the provinces)
    of_documents = re.search(rf"({_LEVEL_OF_DOCUMENTS}){_DOCUMENTS_ASKED}", said)
    if of_documents:  # 四份市级报告里，哪些…: the cities' (市政府…: 市; 省级（省、自治区）的: 省)
        asked = re.sub(rf"(?:{_TIER}{_LEVEL_PLACES}|里)?(?:的)?$", "", of_documents.group(1))
    asked = m.group("documents_of") or asked
    levels: list[str] = []
    for word in re.split(_JOINED, asked):
        word = re.sub(r"(?:^|(?<=[些个几]))州$", "市州", word)  # 州 alone (哪些州), not 郴州
        word = re.sub(r"级(?:地区|地方|行政区)$", "", word)  # 省级地区: 省
        if word.endswith("地区"):  # any level
            return ()
        level = next(
            (lv for lv, words in _LEVEL_WORDS if any(word.endswith(w) for w in words)), None
        )
        if level and level not in levels:
            levels.append(level)
    opening = None if levels or m["named"] else _OPENING_LEVEL.match(text)
    if opening and (opening["within"] is None or places_only(opening["within"])):
        return question_levels(f"哪些{opening['level']}")  # (the level said first)
    return tuple(levels)


_OPENING_TIERS = r"(?:地级市|地市州|地州市|市州|地市|区县|城市|省份|自治[区州]|直辖市|[市省区县])"
# the documents of a level said first, counted or of a place, the question after the topic: 区级文件
# 里提到…的有哪些, 两个省的报告里，…谁给了数; or its tier or places alone: 重庆区县这一级, 地级市里，…
_OPENING_LEVEL = re.compile(
    rf"(?:在|从)?(?P<within>(?![这那几两三四五六七八九十\d]|地级|地市){_NAME}(?=(?:的)?(?:区|县|市|城市|省|地)))?(?:的)?"
    rf"(?:这|那)?(?:(?:几|[两三四五六七八九十\d]+)个)?(?P<level>{_OPENING_TIERS}(?:{_JOINED}{_OPENING_TIERS})*)"
    rf"(?:(?:{_TIER}(?:的)?|的)?(?:(?:这|那)?(?:几|[两三四五六七八九十\d]+)(?:份|个|篇))?{_DOCUMENTS_ASKED}(?:里|中|当中|里面)|(?:{_TIER}|里|中|当中|之中)[，,])"
)


# a place asked as the object of what a document says ("联合哪个城市申建…", "与哪些城市合作",
# "一圈两带三区具体指哪些地方") is a fact of that document, not which places mention something
_OBJECT_OF = re.compile(
    r"(?:联合|与|和|同|跟|向|到|去|对口|结对|帮扶|援助|来自|支援|指|包括|包含|涵盖|覆盖|辐射|分布在|位于)了?$"
)


def place_question(text: str) -> re.Match[str] | None:
    """Where `text` asks which places: the first form of _DISTRICT_QUESTION it holds, passing
    over things named one by one before 谁 that are no places (数据交易所、数据交易中心，谁在建:
    the things are the topic, 谁在建 the question)."""
    m = _DISTRICT_QUESTION.search(text)
    while m is not None and m.group("named") and not _names_places(m):
        # (from the next name on: 托育机构 綦江区、重庆高新区哪个…, the topic a space before them)
        first = re.match(r".+?[、和与及跟 ]", m.group("named"))  # (a group has two names or more)
        m = _DISTRICT_QUESTION.search(text, m.start("named") + (first.end() if first else 1))
    return m


def _names_places(m: re.Match[str]) -> bool:
    """Whether what _AMONG_NAMED read as named one by one is places (綦江和重庆高新区，哪个)."""
    said = re.split(
        rf"[，,]|{_HOW_MANY_NAMED}{_IN_THEM}?(?:有)?(?:哪|谁)|(?:分别|都|也)+$",
        m.string[m.start("named") : m.end()],
    )[0]
    return places_only(m.group("named")) or places_only(said)


def is_district_question(text: str) -> bool:
    """Whether a question asks which places do something (哪些区的规划提到了氢能), or did not."""
    text, _ = without_negation(text)
    m = place_question(text)
    # (…提到的是哪里: 到 is no object there)
    return m is not None and (
        m[0].startswith(("的", "是")) or not _OBJECT_OF.search(text[: m.start()])
    )


def places_only(text: str) -> bool:
    """Whether `text` only names places (綦江、合川、大渡口; 綦江、高新区、合川, where 高新区
    stands as a place): the group a question asks among."""
    from corpus import places
    from corpus.gazetteer import listed_districts

    # (芜湖、亳州、宜宾里: the group, 里 where in it; but 中 may end a name: 巴中, 汉中)
    group = re.sub(rf"{_HOW_MANY_NAMED}(?:{_THEIR_DOCUMENTS})?{_IN_THEM}?$", "", text)
    counted = re.sub(rf"(?:这|那)?(?:几|[两三四五六七八九十])个?{_PLACE_NOUN}$", "", text)  # 两个市
    for said in dict.fromkeys((group, text, counted)):
        names = [n for n in re.split(r"[、和与及跟，,\s]", said) if n]
        if names and all(places.resolve(n) is not None for n in names):
            return True
        if len(names) >= 2 and len(listed_districts(said)) == len(names):
            return True
    return False


def _level_words(m: re.Match[str]) -> str:
    """The words of a match saying the level asked; none of places named one by one, which are
    the places asked whatever level counts them or their names end in (重庆市、广西、攀枝花中;
    芜湖、重庆市三个城市), but levels named so (地级市、自治州)."""
    levels = rf"(?:{_PLACE_NOUN}|地级|自治|州|{_JOINED})+"
    if m["named"] is None or re.fullmatch(levels, m["named"]):
        return re.sub(r"(?:都)?(?:有|是)(?:哪些|哪几个|哪个)$", "", m.group(0))
    return ""
