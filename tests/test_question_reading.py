"""How a "which places…" question is read around its topic: coverbs, an act said last, the
level or kind of the documents said first, the places set aside, brackets, and the frames of
targets and figures. Pure functions on question text (no index)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "topic", "aspect"),
    [
        # a coverb leads the topic, its verb follows it
        ("哪些地方给研发投入强度定了具体数值目标？", "研发投入强度", "target"),
        ("哪些地方对PM2.5浓度提出了今年的目标？", "PM2.5浓度", "target"),
        ("对新增上市企业数量提出具体目标的地方有哪些？", "新增上市企业", "target"),
        # …but a word that starts with one keeps it
        ("哪些地方提到了对外开放？", "对外开放", None),
        ("哪些地方对对口支援定了目标？", "对口支援", "target"),
        # an act of saying after the topic, before 的有哪些
        ("今年CPI涨幅控制目标写了的有哪些？", "CPI涨幅", "target"),
        # the level of the documents said first
        ("区级文件里提到智慧城市建设的有哪些？", "智慧城市建设", None),
        # a target asked as its value, or as where a figure is to go
        ("森林覆盖率目标值是多少，哪些地方写了？", "森林覆盖率", "target"),
        ("今年打算把森林覆盖率提到多少，哪些地方写了？", "森林覆盖率", "target"),
        ("哪些地方写了森林覆盖率要达到多少？", "森林覆盖率", "target"),
        ("哪些地方把粮食产量目标定在了具体数字上？", "粮食产量", "target"),
        ("粮食产量稳定在多少以上，哪些地方写了？", "粮食产量", "target"),
        ("哪些地方提出了粮食产量稳定在多少斤以上？", "粮食产量", "target"),
        ("哪些地方给粮食生产定了任务？", "粮食生产", "target"),
        ("社会消费品零售总额增长目标设定为多少，哪些地方有？", "社会消费品零售总额增长", "target"),
        ("今年GDP预期增长目标，各地是多少？", "GDP增长", "target"),
        # the year a target is set for, said after the topic
        ("哪些地方规划了研发投入强度到2025年的目标？", "研发投入强度", "target"),
        ("高新技术企业到2025年的数量目标，谁定了？", "高新技术企业", "target"),
        # a result asked in other words
        ("居民人均可支配收入的去年实绩，哪些地方写了？", "居民人均可支配收入", "figure"),
        ("哪些地方的报告回顾了去年粮食产量的具体数字？", "粮食产量", "figure"),
        # what is said about the topic, and where
        ("有关低空经济的表述，哪些地方有？", "低空经济", None),
        ("低空经济相关内容出现在哪些地方的文件里？", "低空经济", None),
        ("哪些城市的报告里有氢能？", "氢能", None),
        ("哪些地方有关于低空经济的具体举措？", "低空经济", None),
        ("低空经济有提到吗？哪些地方？", "低空经济", None),
        ("低空经济这个新赛道，谁在布局？", "低空经济", None),
        ("有没有哪个城市把低空经济当成重点产业？", "低空经济", None),
        ("城市更新是哪些地方的工作重点？", "城市更新", None),
        ("各地对城市更新的部署，谁有？", "城市更新", None),
        ("有哪些地方的文件里能找到城市更新？", "城市更新", None),
        ("城市更新一词出现在哪些地方的报告中？", "城市更新", None),
        ("请列出提到城市更新的地方。", "城市更新", None),
        ("列出所有提到城市更新的城市", "城市更新", None),
        # whether the documents say it, asked first, the places after (有没有 is no negation)
        ("政府工作报告里有没有提到科技特派员？是哪些地方？", "科技特派员", None),
        ("规划里有没有提到人工智能？哪些区？", "人工智能", None),
        ("政府公报里有没有提到中国空间站？", "中国空间站", None),
        # the documents named first by their kind, the question after them
        ("在科技创新“十四五”规划这类规划文件里，哪些地方提到了科普基地？", "科普基地", None),
        ("在数字经济规划这类文件中，谁提到了算力？", "算力", None),
        ("以“工作要点”形式发布的文件里，有没有提到建设科普基地？", "科普基地", None),
        # …unless they are the group asked
        ("几个区的科技规划里，哪些写进了碳达峰碳中和？", "碳达峰碳中和", None),
        # the whole of a place the topic is asked of (not 全域, a topic's own)
        ("全市（全区）外贸进出口总额，今年定了量化目标的有哪些？", "外贸进出口总额", "target"),
        ("全省粮食产量目标，哪些地方定了？", "粮食产量", "target"),
        ("哪些地方提到了全域旅游？", "全域旅游", None),
        # names like the topic's said not to count, in a bracket at the end
        (
            "学习运用浙江“千万工程”经验的有哪些地方？（像“千村引领、万村提升”这种名字相近的不算）",
            "千万工程",
            None,
        ),
        ("哪些地方提到了“数字乡村”？（“数字乡村振兴”之类的不算）", "数字乡村", None),
        # a quoted topic's other name in brackets after it
        (
            "科研项目搞“揭榜挂帅”（揭榜制）这种组织方式，哪些地方提到了？",
            "揭榜挂帅（揭榜制）",
            None,
        ),
        ("哪些城市提到了“城市大脑”（城市智脑）？", "城市大脑（城市智脑）", None),
        # what places have for it, or do about it
        ("哪些地方对城市更新有明确部署？", "城市更新", None),
        ("哪些地方在低空经济上有动作？", "低空经济", None),
        ("低空经济这个提法，谁用了？", "低空经济", None),
        ("哪些地方写到了城市更新的事？", "城市更新", None),
        ("哪些地方的报告涉及到城市更新？", "城市更新", None),
        # the year of the documents said first
        ("在2024年的政府工作报告中，哪些提到了低空经济？", "低空经济", None),
        # each place's figure, the topic between
        ("各地今年城镇新增就业目标分别是多少？", "城镇新增就业", "target"),
        # (所有, 全部 and 各地 inside a topic are its own)
        ("哪些地方提到了所有制改革？", "所有制改革", None),
        ("哪些地方提到了全部门协同？", "全部门协同", None),
        # how large, acts joined before how many, a year before it, a target put forward
        ("新能源装机已经达到多大规模，哪些地方报了实际数字？", "新能源装机", "figure"),
        ("保障性租赁住房今年要筹集或新建多少套，哪些地方写了数？", "保障性租赁住房", "target"),
        ("新型研发机构数量，哪些地方定了要达到或新增多少家？", "新型研发机构", "target"),
        (
            "生活垃圾回收利用率到2025年要到多少，哪些城市的规划有数？",
            "生活垃圾回收利用率",
            "target",
        ),
        ("有哪些地方提出要新增城镇就业多少万人？", "新增城镇就业", "target"),
        ("几个地级市中，谁交代了目前高新技术企业的总数？", "高新技术企业", "figure"),
        # a request the question opens with
        ("我想了解一下，提及智慧农业的都有哪些地方", "智慧农业", None),
        # how much said as 某个数 or 某个水平, by a year, a target set down, a figure disclosed
        ("哪些地方要在2025年前把技术合同成交额提到某个数？", "技术合同成交额", "target"),
        ("到2025年，哪些地方要把研发投入强度提高到某个水平", "研发投入强度", "target"),
        (
            "哪些地方定下了今年的棚户区改造（城中村改造）任务数",
            "棚户区改造（城中村改造）",
            "target",
        ),
        ("哪些地方去年的城镇新增就业实际完成数有披露？", "城镇新增就业", "figure"),
        # who said it, asked in more words
        ("都有谁在说科技成果转化？", "科技成果转化", None),
        ("有讲全民健身的地方吗，都有哪些", "全民健身", None),
        # whether any did, asked after the topic; a target set (设) before it
        ("低空经济是否有地方提到？", "低空经济", None),
        ("普惠托育有没有哪里定了量化目标？", "普惠托育", "target"),
        ("德阳、绵阳有没有设高新技术企业数量的目标？", "高新技术企业", "target"),
        (
            "地区生产总值增长目标，綦江、合川、重庆高新区分别定了没有？",
            "地区生产总值增长",
            "target",
        ),
        # a quote inside a bracket of what the topic includes is no topic of its own
        (
            "每万人发明专利拥有量（含“高价值发明专利”口径）定了到期目标的是哪些地方？",
            "每万人发明专利拥有量（含高价值发明专利口径）",
            "target",
        ),
        # …nor one in a bracket after the question, when the question quotes nothing
        ("哪些地方提到开展第四次全国文物普查？（文物“四普”）", "第四次全国文物普查", None),
        (
            "万人发明专利拥有量，哪些地方设了目标？（只算“发明专利”口径）",
            "万人发明专利拥有量",
            "target",
        ),
        # the documents of a year said as its work (年度工作安排里) are no part of the topic
        ("年度工作安排里给新增研发/创新平台定了数量的有哪些地方？", "新增研发/创新平台", "target"),
        ("年度工作安排里给高新技术企业定了数量目标的有哪些地方？", "高新技术企业", "target"),
        # a target said as what is to be reached
        ("哪些地方给高新技术企业数量定了今后要达到的目标？", "高新技术企业", "target"),
        ("森林覆盖率，哪些城市定了今年要实现的目标？", "森林覆盖率", "target"),
        # a figure said as the actual one, but for an indicator 实际 names (实际使用外资)
        ("哪些地方报了去年的实际旅游收入？", "旅游收入", "figure"),
        ("哪些地方公布了去年实际使用外资的金额？", "实际使用外资", "figure"),
        # more verbs of saying
        ("哪些报告点到了低空经济？", "低空经济", None),
        # a level said as the tier asked is no topic, nor are the kinds of deed in a field
        ("在地级市层面，哪些城市的报告提到了氢能？", "氢能", None),
        ("省级层面，哪些省份提到了延迟退休改革？", "延迟退休改革", None),
        ("哪些地方提到生育支持或者生育友好方面的政策？", "生育支持或者生育友好", None),
        # examples closing the question are the topic's
        (
            "哪些地方对空气质量设了量化目标（优良天数、PM2.5、重污染天数之类）？",
            "空气质量（优良天数、PM2.5、重污染天数之类）",
            "target",
        ),
        # a growth target set, said with its verb: the growth is the measure, not the topic's
        ("实际使用外资设了增长目标的地方？", "实际使用外资", "target"),
        ("外贸进出口今年定了增长或总额目标的地方有哪些？", "外贸进出口", "target"),
        ("社会消费品零售总额定了今年增长目标的是哪些地方？", "社会消费品零售总额", "target"),
        ("GDP增速目标，哪些地方定了？", "GDP增速", "target"),  # (no verb: its own)
        # a target said as the future's, or set with 提了
        ("哪些地方给高新技术企业数量定了未来目标？", "高新技术企业", "target"),
        ("哪些地方对专精特新企业提了数量目标？", "专精特新企业", "target"),
        # a measure said first, a target set after the places (设了目标): a target's measure
        ("新型研发机构的数量，哪些地方设了目标？", "新型研发机构", "target"),
        # what is to be reached, with another wording in brackets
        (
            "高新技术企业数量，哪些地方设定了今后要达到（或新增）的数字目标？",
            "高新技术企业",
            "target",
        ),
        # a period quoted is the target's, no topic; alone it is what is asked
        ("战略性新兴产业占比的“十四五”目标，谁定了？", "战略性新兴产业占比", "target"),
        ("战略性新兴产业占比的十四五末目标，谁定了？", "战略性新兴产业占比", "target"),
        ("哪些地方提到“十四五”？", "十四五", None),
        # what has been reached, asked as 已经实现多少
        (
            "技术合同成交额（交易额）已经实现多少？哪些地方有数据？",
            "技术合同成交额（交易额）",
            "figure",
        ),
        # another act bracketed after the act a how-many counts
        ("高标准农田今年要新建（改造）多少？哪些地方定了数？", "高标准农田", "target"),
        ("5G基站实际建成（或新增）了多少，哪些地方报了数字？", "5G基站", "figure"),
        # a fall given after the topic is the topic's, as one given before it
        ("PM2.5浓度给了具体下降目标的有哪些地方？", "PM2.5浓度下降", "target"),
        # a place named before the tier asked is no topic
        ("重庆区县这一级，谁的文件提到了独角兽企业？", "独角兽企业", None),
        ("在重庆区县一级，哪些区提到了碳达峰碳中和？", "碳达峰碳中和", None),
        # a quoted name with its other names bracketed after the matter it names
        (
            "“烂尾楼”问题（保交楼、问题楼盘），哪些地方的报告提到了？",
            "烂尾楼（保交楼、问题楼盘）",
            None,
        ),
        # a bracket after the target naming what it is a target of; not what counts as one
        (
            "空气质量方面给出量化目标（优良天数比率或PM2.5浓度）的有哪些地方？",
            "空气质量（优良天数比率或PM2.5浓度）",
            "target",
        ),
        ("高新技术企业数量目标（总量或新增都行），哪些地方定了？", "高新技术企业", "target"),
        # the years a target is set for, either of several (今年或十四五末)
        ("哪些地方给高新技术企业数量定了今年或“十四五”末的目标？", "高新技术企业", "target"),
        ("哪些地方给专精特新企业数量定了2024年或到2025年的目标？", "专精特新企业", "target"),
        # a target said as what is to be held (要稳定在多少的目标)
        ("粮食产量给出了今年要稳定在多少的数字目标的地方？", "粮食产量", "target"),
        ("哪些地方给PM2.5浓度定了要控制在多少的目标？", "PM2.5浓度", "target"),
        # the documents left out of those asked are no topic
        ("在政府工作报告里（不算规划和工作要点），谁提到了揭榜挂帅？", "揭榜挂帅", None),
        ("在规划里（除工作要点以外），谁提到了科技特派员？", "科技特派员", None),
        # (…but not with what else counts)
        ("哪些地方提到了“碳达峰”（碳达峰试点也算）？", "碳达峰", None),
        # places named one by one, then counted by 座
        ("三亚、郴州、连云港这三座城市中，哪些提到发展研学旅游？", "研学旅游", None),
        # a count in any unit things are counted in (头数, 件数, 人数), as 个数 and 套数 are
        ("去年生猪出栏量给出具体头数的是哪些地方？", "生猪出栏量", "figure"),
        ("今年给生猪出栏定了具体头数目标的有哪些地方？", "生猪出栏", "target"),
        ("今年城镇新增就业设了具体人数目标的有哪些地方？", "城镇新增就业", "target"),
        ("给工业技改定了项目数量目标的有哪些地方？", "工业技改", "target"),
        ("今年保障性住房设了具体套数目标的有哪些地方？", "保障性住房", "target"),
    ],
)
def test_the_words_around_a_topic_are_no_part_of_it(question, topic, aspect):
    from qa.topics import read_topic

    read = read_topic(question)
    assert (read.text, read.aspect) == (topic, aspect)


def test_a_dash_inside_a_name_joins_it_and_one_between_clauses_breaks_them():
    from qa.text import with_plain_breaks

    assert with_plain_breaks("哪些城市提到了中国—东盟博览会？") == "哪些城市提到了中国—东盟博览会？"
    assert (
        with_plain_breaks("绿色工厂要建多少家——哪些地方给了数？")
        == "绿色工厂要建多少家，哪些地方给了数？"
    )
    assert (
        with_plain_breaks("绿色工厂要建多少家 — 哪些地方给了数？")
        == "绿色工厂要建多少家，哪些地方给了数？"
    )


def test_a_topic_met_but_another_not_or_both_said_in_more_ways():
    from qa.topics import read_topic

    only = read_topic("哪些地方只提了数字经济，没提人工智能？")
    assert only.text == "数字经济" and [t.text for t in only.none_of] == ["人工智能"]
    assert not only.negated
    # a comma before the places that did not is no second topic
    plain = read_topic("数字经济，没提到的地方有哪些？")
    assert (plain.text, plain.none_of, plain.negated) == ("数字经济", (), True)
    both = read_topic("同时提到数字经济与人工智能的是哪些地方？")
    assert both.all_of == ("数字经济", "人工智能")


@pytest.mark.parametrize(
    ("question", "level"),
    [
        ("区级文件里提到智慧城市建设的有哪些？", "county"),
        ("省级文件中，谁提了耐心资本？", "province"),
        ("抽水蓄能电站，市级层面谁在推？", "city"),
        ("哪些地方提到了人工智能？", None),
        # the places of the level bracketed after it, or the level said as the scope
        ("省级（省、自治区）报告里，谁提到紧密型县域医共体？", "province"),
        ("省一级（重庆市、广西）的政府工作报告里，谁提到了低空经济？", "province"),
        ("以地级市为范围，谁提到了跨境电商？", "city"),
        ("就省份而言，哪些提到了低空经济？", "province"),
        # …or looked at alone
        ("仅看地级市，哪些提到了低空经济？", "city"),
        ("从省级层面看，哪些提到了人工智能？", "province"),
        # the documents of a level said as a tier (这一级, 层面) or of 地市州
        ("省这一级的报告里，谁提到了核电？", "province"),
        ("地市州一级的报告里，谁提到发展银发经济？", "city"),
        ("市州层面的报告中，谁提到了跨境电商？", "city"),
        # …and where the places said it, after which of them, or whose documents
        ("地级市里，哪些在报告中谈到了机场？", "city"),
        ("地级市中，有哪些在今年的报告里提出发展低空经济？", "city"),
        ("地级市一级，谁的报告提到了低空经济？", "city"),
        ("各省份中，谁的报告里出现了低空经济？", "province"),
        # …or the level of a place's own places (重庆的区里), or of their documents
        ("重庆的区里谁提到了专精特新企业？", "county"),
        ("重庆的区县科技规划里，谁提到了5G？", "county"),
        # 州 joined to a level, a level's places bracketed before its tier, a group of a level
        ("地级市和州的报告里，哪些提到了数据要素？", "city"),
        ("地级市（州）这一层，哪份报告提到了“一带一路”？", "city"),
        ("几个地级市中，谁交代了目前高新技术企业的总数？", "city"),
        # (a place named that ends in 州 is no level: 郴州和赣州)
        ("郴州和赣州，谁提到了脐橙？", None),
        ("哪些州提到了巩固拓展脱贫攻坚成果？", "city"),
        # a tier's governments, or the tier said with 的
        ("省级政府里，哪些提出了农村居民人均可支配收入增长目标？", "province"),
        ("区一级的规划里有没有提北斗导航的？", "county"),
        # places named one by one are the places asked, whatever level counts them or their
        # names end in; levels named so are levels
        ("重庆市、广西、攀枝花中，谁提到了中老班列？", None),
        ("重庆高新区、聊城、陕西，谁提到了大学科技园？", None),
        ("芜湖、防城港、重庆市三个城市中，谁提到了预制菜？", None),
        ("地级市、自治州的报告里谁提到了海绵城市建设？", "city"),
        # a level asked after a request
        ("帮我查下各省报告里谁提了平台经济", "province"),
        ("我想知道城市里哪些提到了低空经济", "city"),
        # the level said first as the scope, counted or of a place named (its tier alone)
        ("两个省的报告里，高新技术企业已经有多少家？谁给了数？", "province"),
        ("重庆区县这一级，哪些地方提到要办科普活动？", "county"),
        ("这三个市的规划中，氢能有哪些地方提到？", "city"),
        ("地级市和自治州这一级，哪些提到创建国家卫生城市？", "city"),
        # (tiers joined, or the place's tier said with 的)
        ("省、自治区一级的报告里，低空经济被谁提到了？", "province"),
        ("在重庆的区一级文件中，提到博士后科研工作站的有哪些？", "county"),
        # (the documents counted)
        ("省级的两份报告里，谁提到了城中村改造？", "province"),
        # (a name before a level that is no place is no scope)
        ("高新区这一级，哪些地方提到了孵化器？", None),
        # (nor is a topic said first that ends as a place does)
        ("给老小区、老楼装电梯这事，哪些地方说到了？", None),
    ],
)
def test_the_level_of_the_documents_or_a_tier_said_after_the_topic_is_the_level_asked(
    question, level
):
    from qa.place_questions import question_levels

    assert question_levels(question) == ((level,) if level else ())


def test_documents_named_with_who_issued_them_or_as_a_gazette_are_the_kind_asked():
    from qa.asked_documents import documents_asked

    # the documents of places of a level, or where they said it
    assert documents_asked("哪几个区的工作要点里提到了科普基地？") == ("work_points",)
    assert documents_asked("哪个区县在政府工作报告里提到了数字乡村？") == ("work_report",)
    assert documents_asked("绵阳、郴州、铜仁，谁在政府工作报告里设了森林覆盖率目标？") == (
        "work_report",
    )
    assert documents_asked("“十四五”科技规划文本里，谁提到了“一带一路”？") == ("plan",)
    # (a bare 报告 or 规划 users say of any document: 哪些区的规划 counts 合川's work points)
    assert documents_asked("哪些城市的报告里有中医药相关内容？") == ()
    assert documents_asked("哪几个区的规划里提到了科普基地？") == ()

    assert documents_asked("政府公报里，有没有提到厨余垃圾或生活垃圾分类的？") == ("gazette",)
    assert documents_asked("区政府下发的通知里，有提到第三次全国土壤普查的吗？") == ("notice",)
    assert documents_asked("以通知形式发的文件里，谁提到了创业导师？") == ("notice",)
    assert documents_asked("哪些地方提到了垃圾分类？") == ()
    assert documents_asked("以“工作要点”形式发布的文件里，有没有提到建设科普基地？") == (
        "work_points",
    )
    assert documents_asked("哪个地方的政府公报里提到了第三次全国土壤普查？") == ("gazette",)
    # …or looked at alone, no part of the topic
    from qa.asked_documents import without_documents_first

    looked_at = "只看政府工作报告，哪些地方提到了人工智能？"
    assert documents_asked(looked_at) == ("work_report",)
    assert without_documents_first(looked_at) == "哪些地方提到了人工智能？"
    of_a_kind = "只看“十四五”科技创新规划类文件，哪些地方提到了“专精特新”企业？"
    assert documents_asked(of_a_kind) == ("plan",)
    assert without_documents_first(of_a_kind) == "哪些地方提到了“专精特新”企业？"


def test_places_set_aside_by_their_own_documents_in_a_bracket_or_as_the_others():
    from qa.set_aside import without_exception, without_others

    text, names = without_exception("除了攀枝花自己的报告，还有哪些地方的文件提到了攀枝花？")
    assert names == ("攀枝花",) and text.startswith("有哪些地方")
    text, names = without_exception("哪些地方的文件提到了宜宾（不算宜宾自己的报告）？")
    assert (text, names) == ("哪些地方的文件提到了宜宾？", ("宜宾",))
    # a bracket setting aside no place is kept
    assert without_exception("哪些地方提到了氢能（不算氢燃料电池）？")[1] == ()
    assert without_others("其他地方的文件里，谁提到了宜宾？") == (
        "地方的文件里，谁提到了宜宾？",
        True,
    )
    assert without_others("哪些地方提到了宜宾？")[1] is False


def test_a_bracket_saying_which_places_are_included_is_no_place_named():
    from qa.asked_documents import without_level_remarks

    said = "重庆这几个区（含重庆高新区）的文件里，哪些提到了人工智能？"
    assert without_level_remarks(said) == "重庆这几个区的文件里，哪些提到了人工智能？"
    # a bound's own figure is another remark, kept as before
    assert "（含" not in without_level_remarks("增长10%以上（含10%）的有哪些？")


def test_a_head_in_brackets_says_the_last_word_before_it_otherwise():
    from qa.topic_brackets import bracket_readings

    assert bracket_readings("进出口总额（总值）") == ["进出口总额", "进出口总值"]
    # a short name, or a deed of its own, stands alone
    assert bracket_readings("钠离子电池（钠电）") == ["钠离子电池", "钠电"]
    assert bracket_readings("减税降费（减负）") == ["减税降费", "减负"]
    # its measure said of it (其) names no other topic
    assert bracket_readings("居民人均可支配收入（或其增速）") == ["居民人均可支配收入"]
    # a wording of its own is kept whole
    assert bracket_readings("充电桩（充电设施）") == ["充电桩", "充电设施"]
    # …and a short name of all of it, though it ends as the name does
    assert bracket_readings("农作物耕种收综合机械化率（农机化率）") == [
        "农作物耕种收综合机械化率",
        "农机化率",
    ]
    assert bracket_readings("新增市场主体（经营主体）") == ["新增市场主体", "新增经营主体"]


def test_an_event_a_technique_or_a_treatment_after_a_thing_is_not_required():
    from qa.topic_terms import expand_terms

    assert "马拉松" in expand_terms("马拉松比赛")
    assert "区块链" in expand_terms("区块链技术")
    assert "餐厨垃圾" in expand_terms("厨余垃圾或餐厨垃圾的处理")
    # (a thing of two characters keeps its word: 数字技术 is no 数字)
    assert "数字" not in expand_terms("数字技术")
    # a thing's spread is not required either, one of several acts joined too; not a process's
    assert "农村户厕" in expand_terms("农村户厕普及")
    assert "农村卫生厕所" in expand_terms("农村卫生厕所改造或普及")
    assert "数字化" not in expand_terms("数字化推广")


def test_a_deed_done_together_is_met_by_naming_the_partner():
    from qa.topic_terms import expand_terms

    assert "新加坡" in expand_terms("和新加坡的合作")
    assert "秀山县" in expand_terms("与秀山县的对口协同")
    assert expand_terms("合作") == ("合作",)


def test_an_act_of_building_or_treating_before_or_after_a_thing_is_not_required():
    from qa.topic_terms import expand_terms

    assert "高标准农田" in expand_terms("新建高标准农田", measured=True)
    assert "黑臭水体" in expand_terms("黑臭水体治理")
    # (…nor one of fostering: 专精特新企业培育, 瞪羚企业的培育)
    assert "专精特新企业" in expand_terms("专精特新企业培育")
    assert "瞪羚企业" in expand_terms("瞪羚企业的培育")
    assert "进出口" in expand_terms("进出口总额", measured=True, amount=True)
    # a resource developed for use is met by the resource; a use of its own (综合利用) is not
    assert "盐碱地" in expand_terms("盐碱地改良利用")
    assert "页岩气" in expand_terms("页岩气的开发利用")
    assert "盐碱地" not in expand_terms("盐碱地综合利用")
    # a thing of fewer than four characters keeps its 治理
    assert "环境" not in expand_terms("环境治理")


def test_kinds_of_one_class_share_the_head_the_last_says():
    from qa.topic_terms import expand_terms

    terms = expand_terms("新能源或可再生能源装机", measured=True)
    assert {"新能源装机", "可再生能源装机"} <= set(terms) and "新能源" not in terms
    assert "平台经济规模" in expand_terms("数字经济或平台经济规模", measured=True)
    # (kinds of no one class keep their own words)
    assert "高校" in expand_terms("高校或科研院所")
    # (nor names of one thing, the first in the last)
    assert "数据交易" in expand_terms("数据交易或数据交易中心")


def test_a_figure_per_unit_of_the_topic_is_not_the_topics():
    from qa.term_matcher import term_matcher

    gdp = term_matcher(("地区生产总值", "gdp"), own_figure=True)
    assert gdp.search("地区生产总值增长6%") and gdp.search("gdp增长5%")
    assert not gdp.search("单位gdp能耗降低4.3%")
    assert not gdp.search("万元地区生产总值用水量下降3%")


def test_a_designation_alone_is_the_first_alternatives_thing():
    from qa.topic_terms import expand_terms

    terms = expand_terms("国家中医药传承创新发展试验区或示范试点")
    assert "国家中医药传承创新发展示范试点" in terms
    assert "示范试点" not in terms  # (in every report, of anything)
    # (a designation of a city, too)
    cities = expand_terms("全国城市更新试点或示范城市")
    assert "全国城市更新示范城市" in cities and "示范城市" not in cities


@pytest.mark.parametrize(
    ("question", "topic", "behind"),
    [
        ("2024年城镇新增就业的实际完成数，哪些地方有？", "城镇新增就业", True),
        # (过去 is a period, not 过 of an act)
        ("哪些地方给出了过去一年新增就业的数据？", "新增就业", True),
        ("过去五年累计建成多少5G基站，哪些地方给出了数字？", "5G基站", False),
        ("粮食总产量，哪些地方写了去年的实绩？", "粮食总产量", True),
        # (where it stands is a figure reached, not a target: a plan's base-year column counts)
        ("哪些地方报告了森林覆盖率的现状数值？", "森林覆盖率", True),
        # what is done already (已经做到, 实际做到了)
        ("研发投入强度已经做到多少，哪些地方报了实际数？", "研发投入强度", True),
        ("技术合同成交额实际做到了多少，哪些地方给出了金额？", "技术合同成交额", True),
        # (已达到的数值, 已经达到的实际数)
        ("万人发明专利拥有量，哪些地方报了已达到的数值？", "万人发明专利拥有量", True),
        ("哪些地方报告了研发投入强度已经达到的实际数？", "研发投入强度", True),
        # (a result said before the topic: 已经实现的, 实际完成的)
        ("哪些地方报告了已经实现的高新技术企业数量？", "高新技术企业", True),
        ("哪些城市公布了实际完成的造林面积？", "造林面积", True),
        # (…said between the topic and its measures: the figures reached of each)
        ("研发经费投入已实现的强度或增幅，哪些地方给了具体数？", "研发经费投入强度或增幅", True),
        # (a level reached is the figure itself)
        ("森林覆盖率已经达到的水平，哪些地方报了？", "森林覆盖率", True),
        ("哪些地方给出了研发投入强度（R&D经费占GDP比重）已经达到的水平？", "研发投入强度", True),
        # (the topic whole, not from inside a word; no period word as the topic)
        ("5G基站建设，谁报告了去年已完成的数量？", "5G基站建设", True),
        # (the actual result said after the topic)
        ("去年空气优良天数（比例）的实际结果，哪些地方报告了？", "空气优良天数", True),
    ],
)
def test_a_figure_reached_is_asked_in_more_words(question, topic, behind):
    from qa.topics import read_topic

    read = read_topic(question)
    assert (read.text, read.aspect, read.behind) == (topic, "figure", behind)


@pytest.mark.parametrize(
    "question",
    [
        "是否有地方提到低空经济？",
        "有提到低空经济的城市吗？",
        "低空经济出现在哪几份报告里？",
        "各地今年城镇新增就业目标分别是多少？",
        # all the places listed, how many of them, or which after a yes-or-no
        "列出提到低空经济的所有城市。",
        "提到低空经济的地方有几个？",
        "低空经济在几个地方的报告中出现？分别是哪些？",
        "有提到低空经济的城市吗？都有哪些？",
        # whose documents did, the documents asked whether any did, and who reported
        "上一年城镇新增就业人数有具体数字的报告有哪些？",
        "两份省级政府工作报告中，有没有给今年社零增长定目标的？",
        "谁报告了研发经费占GDP比重已经达到的实际水平？",
    ],
)
def test_more_forms_ask_which_places(question):
    from qa.place_questions import is_district_question

    assert is_district_question(question)


def test_a_negation_said_with_an_adverb_is_read_whole():
    from qa.topics import read_topic

    read = read_topic("有哪些地方完全没有提到低空经济？")
    assert (read.text, read.negated) == ("低空经济", True)
    # …or as not found, or not a word said of it
    for question in ("谁的报告里找不到低空经济？", "哪些地方对低空经济只字未提？"):
        read = read_topic(question)
        assert (read.text, read.negated) == ("低空经济", True), question


@pytest.mark.parametrize(
    ("question", "topic", "side", "figure"),
    [
        # a bound said with 了, as 突破, or as 左右 with no word before it
        ("哪些地方的常住人口城镇化率超过了60%？", "常住人口城镇化率", "above", 60.0),
        ("去年哪些地方的GDP突破了5000亿元？", "GDP", "above", 5e11),
        ("哪些地方提出今年GDP增长6%左右？", "GDP增长", "equal", 6.0),
        ("CPI涨幅3%左右，哪些地方这么定的？", "CPI涨幅", "equal", 3.0),
    ],
)
def test_a_bound_is_read_in_more_wordings(question, topic, side, figure):
    from qa.topics import read_topic

    read = read_topic(question)
    assert (read.text, read.limit.side, read.limit.figure) == (topic, side, figure)


def test_a_figure_beyond_a_bound_asked_of_last_year_is_a_result():
    from qa.topics import read_topic

    past = read_topic("哪些地方去年GDP增速超过了6%？")
    assert (past.text, past.aspect, past.behind) == ("GDP增速", "figure", True)
    assert not read_topic("GDP增速目标高于5.5%的城市有哪些？").behind


def test_an_amount_before_the_topic_is_no_unit_it_is_per():
    from qa.term_matcher import term_matcher

    assert term_matcher(("消费券",), own_figure=True).search("平台发放8909.72万元消费券")


@pytest.mark.parametrize(
    "question",
    [
        "在聊城与德州之间，谁提到了低空经济？",
        "聊城跟德州比，谁提到了低空经济？",
        "对比聊城和德州，哪个提到了低空经济？",
        "河南、山东两省，谁提到了低空经济？",
        # (which of them said with their level again: 哪几个区, 哪个城市, 哪些省)
        "聊城、德州两个城市中，哪个城市提到了低空经济？",
        "綦江、大渡口、合川三个区里，哪几个区提到了低空经济？",
        "河南和山东，哪个省的报告提到了低空经济？",
        # (listed after what says so, asked how many or which document, the topic said first)
        "下面几个城市：聊城、德州、菏泽，哪些提到了低空经济？",
        "对于聊城、德州、菏泽，哪个提到了低空经济？",
        "聊城、德州、菏泽三个城市，有几个提到了低空经济？",
        "河南、山东两地的报告，哪一份提到了低空经济？",
        "低空经济在聊城、德州两个城市里，谁提到了？",
        "低空经济，聊城、德州两个城市谁提了？",
        # (apart by spaces; asked whether they did, in any wording)
        "聊城 德州 菏泽 哪个提到了低空经济？",
        "低空经济，聊城和德州提没提？",
        "低空经济，聊城、德州提了吗？",
        "聊城、德州提到低空经济没有？",
        "聊城和德州有没有提到低空经济？",
        "聊城和德州在政府工作报告里提没提低空经济？",
        "聊城、德州、菏泽这几个地方有提到低空经济吗？",
        "请问聊城、德州两个市都提了低空经济吗？",
        "聊城和德州都提到了低空经济吗？",
        "聊城和德州是不是都提到了低空经济？",
        "聊城、德州都提到了低空经济？",
        "低空经济 聊城 德州 菏泽 有没有提",
        "聊城、德州、山东三处中，谁提到了低空经济？",  # (counted as 处)
    ],
)
def test_places_named_in_more_ways_are_the_group_asked_not_the_topic(question):
    from qa.asking import without_negation
    from qa.place_questions import is_district_question, place_question
    from qa.topics import read_topic

    assert is_district_question(question)
    assert place_question(without_negation(question)[0]).group("named")
    topic = read_topic(question)
    assert (topic.text, topic.negated) == ("低空经济", False)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # each place's own, said of the topic, is the place asked
        ("地级市里，哪些在报告中谈到了本地机场？", "机场"),
        ("哪些地方提到要发展本地的中医药产业？", "中医药产业"),
        # acts joined to the frame's act: the thing they are done to
        ("地级市里，哪些在建设或争创国家儿童友好城市？", "国家儿童友好城市"),
        ("哪些地方在建或者争取国家区域医疗中心？", "国家区域医疗中心"),
        # (acts alone after the frame's are no topic: the one said first is)
        ("抽水蓄能电站，有哪些地方在规划或建设？", "抽水蓄能电站"),
    ],
)
def test_the_place_itself_and_acts_joined_are_no_part_of_the_topic(question, topic):
    from qa.topics import read_topic

    assert read_topic(question).text == topic


def test_a_generic_act_alone_is_no_alternative_of_the_topic():
    from qa.topic_terms import expand_terms

    terms = expand_terms("推进或谋划抽水蓄能项目")
    assert {"抽水蓄能项目", "抽水蓄能"} <= set(terms)
    assert "推进" not in terms  # (in every report)
    # (an act that names a field is one: 禁毒)
    assert {"禁毒", "毒品治理"} <= set(expand_terms("禁毒或者毒品治理"))


def test_a_scope_said_once_for_the_sentence_and_a_designation_gained_meet_the_topic():
    from qa.term_matcher import term_matcher

    water = term_matcher(("农村自来水普及率",))
    assert water.search("全面打好农村“五网”基础设施建设三年攻坚行动收官战，自来水普及率达90%")
    assert not water.search("城市自来水普及率达99%。农村污水治理率达40%")
    park = term_matcher(("创建国家公园",))
    assert park.search("力争香格里拉国家公园、西双版纳热带国家植物园挂牌")


def test_a_longer_topic_is_meant_only_by_a_sentence_naming_which_thing_it_is():
    from qa.meaning import names_enough

    named = names_enough("中医药综合改革示范区")
    assert not named("依托全市唯一的医疗器械放管服改革示范区，建立小试、中试公共服务平台")
    assert named("深化中医药改革，建设示范区")


def test_a_bracket_holds_a_generic_word_or_a_word_inside_a_name():
    from qa.topic_brackets import bracket_readings
    from qa.topic_terms import expand_terms

    # a generic word the name may be said with: never the name's first word with it
    assert "科技特派员制度" in expand_terms("科技特派员（制度）")
    assert not {"科技", "科技制度"} & set(expand_terms("科技特派员（制度）"))
    # (or several, each said with it, none alone)
    said = set(expand_terms("两重（项目/建设）", named=True, verbatim=True))
    assert {"两重项目", "两重建设"} <= said and not {"项目", "建设"} & said
    # a word a name may hold, after a modifier no name ends in
    assert bracket_readings("科技型（中小）企业") == ["科技型企业", "科技型中小企业"]
    # …but an act, a place or another name said in place of what stands before it
    assert bracket_readings("新建（改造）高标准农田") == ["新建高标准农田", "改造高标准农田"]
    assert bracket_readings("西部（重庆）科学城") == ["西部科学城", "重庆科学城"]
    assert bracket_readings("居民消费价格（CPI）涨幅") == ["居民消费价格涨幅", "CPI涨幅"]
    # several short words inside a name: each is said with the rest of it, none alone
    terms = set(expand_terms("城乡（城镇、农村）居民人均可支配收入"))
    assert {"城镇居民人均可支配收入", "农村居民人均可支配收入"} <= terms and "城镇" not in terms
    assert "光伏装机" in bracket_readings("新能源（光伏、风电等）装机")[1]
    assert "光伏" not in bracket_readings("新能源（光伏、风电等）装机")[1].split("、")
    # (not long names, which are the topic again: 全社会研发投入（研发经费投入增速或研发投入强度）)
    longer = bracket_readings("研发投入（研发经费投入增速或研发投入强度）目标")
    assert "研发经费投入增速或研发投入强度目标" in longer


def test_a_figure_of_an_economys_total_is_an_amount_and_no_common_word_meets_it():
    from qa.topic_frames import figure_asked
    from qa.topic_terms import expand_terms

    topic = "地区生产总值（经济总量）"
    asked = f"去年的{topic}具体是多少，哪些地方的报告给出了？"
    assert figure_asked(asked, topic, "figure")[1] == "金额"
    assert figure_asked("去年的地区生产总值增速是多少", "地区生产总值", "figure")[1] is None
    terms = expand_terms(topic, measured=True, amount=True)
    assert "经济总量" in terms and "经济" not in terms
    # the topic's own measure still goes (旅游收入: 实现国内旅游消费663.8亿元)
    assert "旅游" in expand_terms("旅游收入", measured=True, amount=True)


@pytest.mark.parametrize(
    ("question", "topic", "aspect"),
    [
        # (an aim said, 要提高…: the topic without it, see the test below)
        ("哪些地方提到要提高研发投入强度，但没有给出具体目标数值？", "研发投入强度", "target"),
        ("哪些地方提到了研发投入强度，却没有给出具体百分比目标？", "研发投入强度", "target"),
        ("今年对PM2.5提出了要求，但没有给出具体浓度数值的是哪些地方？", "PM2.5", "figure"),
        ("哪些地方谈到了单位GDP能耗，却没给出具体的下降目标数值？", "单位GDP能耗", "target"),
    ],
)
def test_a_topic_met_but_no_figure_of_it_given_said_with_its_measures(question, topic, aspect):
    from qa.topics import read_topic

    read = read_topic(question)
    assert (read.text, [(t.text, t.aspect) for t in read.none_of]) == (topic, [(topic, aspect)])


def test_an_aim_said_without_its_figure_is_a_target_in_words():
    # (要提高研发投入强度，但没给数值目标: met by an aim in words however worded, 研发经费投入强度
    # 进一步提升, and not by a figure reached)
    from qa.measures import with_worded_targets
    from qa.topics import read_topic

    for question, topic in (
        ("哪些地方提出要提高研发投入强度，但没给具体数值目标？", "研发投入强度"),
        ("哪些报告说要提升研发经费投入强度，但没给出具体的强度数值目标？", "研发经费投入强度"),
        ("哪些地方提出要扩大有效投资，但没给增速目标？", "有效投资"),
        # (or after the topic, the way it is to go: PM2.5要继续下降, 能耗要持续降低)
        ("提了PM2.5要继续下降、但没给具体降幅数字的有哪些地方？", "PM2.5"),
        ("提到单位GDP能耗要持续降低，但没有给出具体降幅的是哪些地方？", "单位GDP能耗"),
    ):
        read = with_worded_targets(read_topic(question), question)
        assert (read.text, read.aspect, read.required) == (topic, "target", True), question
    # (a topic not led by an aim stays as said: 提到了研发投入强度，却没…)
    read = read_topic("哪些地方提到了研发投入强度，却没有给出具体百分比目标？")
    assert read.aspect is None
    # (nor one whose words end in a way things go: 提到GDP要稳步增长、但没提数字经济)
    assert (
        read_topic("提到GDP要稳步增长、但没提数字经济的是哪些地方？").none_of[0].text == "数字经济"
    )


def test_a_figure_lacking_from_a_years_planned_work_is_its_targets():
    # (今年的工作安排里…、但没给具体数量: the number a plan of the year ahead gives is a target)
    from qa.topics import read_topic

    for question, topic in (
        ("今年的工作安排里写了改造老旧小区、但没给具体数量的有哪些地方？", "改造老旧小区"),
        ("今年安排了老旧小区改造，但没写具体改造数量的是哪些地方？", "老旧小区改造"),
    ):
        lacks = read_topic(question).none_of
        assert [(t.text, t.aspect) for t in lacks] == [(topic, "target")], question
    # (没写出 is not writing: 写出 is no part of what is lacking)
    read = read_topic("今年工作安排里提到PM2.5治理、却没写出PM2.5浓度目标数值的，是哪些地方？")
    assert [(t.text, t.aspect) for t in read.none_of] == [("PM2.5浓度", "target")]


def test_the_documents_asked_whether_any_did_are_of_their_level():
    from qa.place_questions import question_levels
    from qa.topics import read_topic

    question = "两份省级政府工作报告中，有没有给今年社会消费品零售总额定目标的？"
    assert question_levels(question) == ("province",)
    assert (read_topic(question).text, read_topic(question).aspect) == (
        "社会消费品零售总额",
        "target",
    )


@pytest.mark.parametrize(
    ("question", "names"),
    [
        (
            "谁提出要建设国家公园？国家文化公园、考古遗址公园不算。",
            ("国家文化公园", "考古遗址公园"),
        ),
        ("把咖啡当作农业产业来写的是哪里（咖啡屋之类的消费场景不算）？", ("咖啡屋", "消费场景")),
        ("哪些地方提到了海绵城市建设？“海绵钛”不算。", ("海绵钛",)),
        # …or not to be confused with the topic, in a bracket or a sentence of its own
        ("哪些地方提到“首发经济”？（别和“首店经济”混为一谈）", ("首店经济",)),
        ("哪些地方提到了碳普惠？不要与碳交易混淆。", ("碳交易",)),
        # places and documents set aside are no names of the topic's
        ("哪些地方提到了宜宾（不算宜宾自己的报告）？", ()),
        ("在政府工作报告里（不算规划），谁提到了揭榜挂帅？", ()),
    ],
)
def test_the_names_said_not_to_count_are_read_as_names(question, names):
    from qa.set_aside import names_not_counted
    from qa.topics import read_topic

    assert names_not_counted(question) == names
    assert not any(n in read_topic(question).text for n in names)  # (a remark, not the topic)


def test_a_place_set_aside_with_buan_and_a_near_name_that_does_not_count():
    from qa.set_aside import without_exception

    text, names = without_exception(
        "不算重庆高新区自己的规划，还有哪些地方的文件提到了重庆高新区？"
    )
    assert names == ("重庆高新区",) and text.endswith("有哪些地方的文件提到了重庆高新区？")
    # a name like the topic's said not to count, in a clause of its own: no topic
    text, names = without_exception("哪些地方提到了海绵城市建设？“海绵钛”不算。")
    assert (text, names) == ("哪些地方提到了海绵城市建设？", ())


def test_an_act_names_no_thing_a_sentence_must_name_to_mean_the_topic():
    from qa.meaning import names_enough

    named = names_enough("独角兽企业培育")
    assert not named("制定培育科技型领军企业的专项政策")
    assert named("持续完善吸引和培育独角兽企业")


def test_a_share_named_after_a_modifier_of_the_topic_is_the_topics_figure():
    import re

    from qa.stating import Stating
    from qa.term_matcher import term_matcher

    terms = term_matcher(("数字经济规模", "数字经济"), own_figure=True)
    stating = Stating(re.compile(r"达\d"), None, terms, True, ahead=True, topic="数字经济规模")
    assert stating.search("数字经济核心产业增加值占GDP比重达6%。")
    # (a noun the topic's words only modify has a figure of its own)
    assert not stating.search("数字经济企业达6家。")


def test_a_ranked_topic_is_not_meant_by_its_thing_under_another_rank():
    from qa.meaning import names_enough

    named = names_enough("国家区域医疗中心")
    assert not named("积极争创省级区域医疗中心，大力引进国家级名医、培育名科")
    assert named("争创国家区域医疗中心，引进优质医疗资源")
    assert named("建设国家级区域医疗中心")


def test_a_character_mistyped_as_one_of_like_shape_still_meets_a_long_term():
    from qa.term_matcher import term_pattern

    metaverse = term_pattern(("元宇宙",))
    assert metaverse.search("瞄准量子科技、人工智能、元字宙、区块链等")
    assert not metaverse.search("宇宙演化规律")
    assert term_pattern(("制造业单项冠军",)).search("培育国家制追业单项冠军企业10家")
    # (a term of two characters is written as it is: 自己 is not met in 自已)
    assert not term_pattern(("自己",)).search("自已")


def test_a_time_shared_by_alternatives_names_no_class():
    from qa.topic_terms import expand_terms

    assert "夜间" not in expand_terms("夜间经济或夜间消费")
    assert "中试" in expand_terms("中试熟化、中试基地")


def test_a_thing_written_as_the_whole_of_a_share_is_no_figure_of_it():
    from qa.meaning import means_topic, names_enough
    from qa.shares import figure_of_another

    # a part's share of the thing is no figure of the thing
    said = "规模以上工业增加值中高技术制造业增加值占比达到20%"
    assert figure_of_another(said, 0, len("规模以上工业增加值"))
    assert not figure_of_another("规模以上工业增加值增长8%", 0, len("规模以上工业增加值"))
    named = names_enough("规模以上工业增加值", figure=True)
    row = "规模以上工业产值中高技术产业产值占比 | 单位: % | 2020: 33.8 | 2025: ≥50"
    assert not means_topic(row, "规模以上工业增加值", named)
    assert named("全市规模以上工业增加值力争增长8%")
    # a bare measure ending the topic may go unsaid
    assert names_enough("新能源装机规模", figure=True)("新增新能源装机300万千瓦")
    # (…nor the base of a share)
    share = names_enough("数字经济占GDP的比重", figure=True)
    assert share("数字经济核心产业增加值占地区生产总值比重达到10%")


def test_a_total_said_with_other_measures_that_count_is_not_the_only_figure_asked():
    from qa.topics import read_topic

    either = read_topic("已经取得的高新技术企业数量（总量、新增或增幅），哪些地方报了实际数字？")
    assert (either.text, either.aspect, either.total) == ("高新技术企业", "figure", False)
    assert read_topic("哪些地方交代了目前高新技术企业的总数？").total


def test_a_contraction_of_the_first_alternative_is_another_name_of_it():
    from qa.topic_terms import expand_terms

    assert "智算" in expand_terms("智能算力或智算")
    assert "智能智算" not in expand_terms("智能算力或智算")
    # (a head alone is still the first one's thing's)
    assert "中试熟化平台" in expand_terms("中试熟化基地或平台")


def test_a_growth_asked_in_words_is_set_by_a_clause_saying_it_moves():
    from qa.target_lists import said_to_move
    from qa.term_matcher import term_matcher

    terms = term_matcher(("利用外资",), named=False, own_figure=True)
    assert not said_to_move(
        "实际利用外资增长", terms, "创新利用外资模式，引进境外基金投资制造业项目"
    )
    assert not said_to_move("实际利用外资增长", terms, "外贸外资促稳提质，利用外资量稳质升")
    assert said_to_move("实际利用外资增长", terms, "利用外资稳中有增")
    assert said_to_move("利用外资", terms, "创新利用外资模式")  # (no growth asked)


def test_a_joiner_splits_a_topic_only_where_it_is_a_word_of_its_own():
    from qa.topic_terms import expand_terms

    assert {"高校", "科研院所"} <= set(expand_terms("高校和科研院所"))
    assert {"产学研合作", "协同创新"} <= set(expand_terms("产学研合作与协同创新"))
    # (the 及 of 普及 joins nothing: no 科学普, no 5G普)
    assert "科学普" not in expand_terms("科学普及")
    assert not any(t.endswith("普") for t in expand_terms("农村卫生厕所普及率"))


@pytest.mark.parametrize(
    "question, level",
    [
        ("省级报告中，给高新技术企业数量定了目标的是哪个？", "province"),
        ("地级市报告里，提到低空经济的是哪一个？", "city"),
        ("地级市里，提到低空经济的有哪些？", "city"),
    ],
)
def test_which_one_of_the_places_that_did_is_a_place_question(question, level):
    from qa.place_questions import is_district_question, question_level

    assert is_district_question(question)
    assert question_level(question) == level


@pytest.mark.parametrize(
    "topic, kept, dropped",
    [
        ("区域医疗中心（国家级或省级都算）", "区域医疗中心", "省级都算"),
        ("城市更新项目（新建改建均可）", "城市更新项目", "新建改建均可"),
    ],
)
def test_a_bracket_saying_what_counts_is_a_remark_not_a_wording(topic, kept, dropped):
    from qa.topic_brackets import bracket_readings

    readings = bracket_readings(topic)
    assert kept in readings
    assert not any(dropped in r or r == "国家级" for r in readings)


def test_a_bracket_holding_what_a_name_goes_on_to_is_the_longer_name():
    from qa.topic_brackets import bracket_readings

    assert bracket_readings("区域消费中心（城市）") == ["区域消费中心", "区域消费中心城市"]
    assert bracket_readings("海绵城市（示范）") == ["海绵城市", "海绵城市示范"]


@pytest.mark.parametrize(
    "question, topic, unit",
    [
        ("社会物流总费用与GDP的比率，谁定了下降目标？", "社会物流总费用", None),
        ("哪些地方给研发经费与地区生产总值之比定了目标？", "研发经费", None),
    ],
)
def test_a_ratio_of_a_thing_to_its_base_asks_the_thing(question, topic, unit):
    from qa.topics import read_topic

    read = read_topic(question)
    assert (read.text, read.unit) == (topic, unit)


@pytest.mark.parametrize(
    "question, topic, wording",
    [
        ("粮食产量目标：只说“稳中有增”的不算，给出具体数字的有哪些？", "粮食产量", "稳中有增"),
        ("研发投入目标：只写“持续提升”的不算，写了数字的有哪些地方？", "研发投入", "持续提升"),
    ],
)
def test_a_clause_saying_what_does_not_count_before_the_question_is_no_topic(
    question, topic, wording
):
    from qa.set_aside import names_not_counted
    from qa.topics import read_topic

    read = read_topic(question)
    assert (read.text, read.aspect) == (topic, "target")
    assert names_not_counted(question) == (wording,)


@pytest.mark.parametrize(
    "question, none_of",
    [
        ("哪些地方报告了高新技术企业的新增或总量实绩，却没有给出今后的数量目标？", "高新技术企业"),
        ("哪些地方报了5G基站的增量和总量，但没有给出未来的目标？", "5G基站"),
    ],
)
def test_measures_after_a_topic_and_a_time_ahead_are_no_topic(question, none_of):
    from qa.topics import read_topic

    read = read_topic(question)
    assert read.text == none_of
    assert [(t.text, t.aspect) for t in read.none_of] == [(none_of, "target")]


@pytest.mark.parametrize(
    "question, inclusive",
    [
        ("地级市里，哪些把今年GDP增速目标定在6%以上（不含6%）？", False),
        ("哪些地方的高新技术企业目标定在200家以上（含本数）？", True),
    ],
)
def test_a_bracket_after_a_bound_says_whether_the_bound_itself_passes(question, inclusive):
    from qa.topics import read_topic

    read = read_topic(question)
    assert read.limit is not None and read.limit.side == "above"
    assert read.limit.inclusive is inclusive
    assert "含" not in read.text


@pytest.mark.parametrize(
    "question, topic",
    [
        ("去年接待游客人次给出了具体数字的有哪些地方？", "接待游客"),
        ("哪些地方报了入境游客人次？", "入境游客"),
    ],
)
def test_a_topic_ending_in_a_unit_asks_its_figure_in_that_unit(question, topic):
    from qa.topics import read_topic

    read = read_topic(question)
    assert (read.text, read.unit) == (topic, "人次")


@pytest.mark.parametrize(
    "topic, kept",
    [
        ("殡葬事务", "殡葬"),
        ("信访事项", "信访"),
        ("中试环节", "中试"),
        ("冷链运输环节", "冷链运输"),
    ],
)
def test_affairs_and_stages_after_a_thing_are_a_generic_word(topic, kept):
    from qa.topic_terms import expand_terms

    assert kept in expand_terms(topic)


def _met(topic: str, said: str) -> bool:
    """Whether a sentence meets the topic through its expanded terms, as the place finder reads."""
    from qa.term_matcher import term_matcher
    from qa.topic_terms import expand_terms, norm

    return bool(term_matcher(tuple(expand_terms(topic))).search(norm(said)))


@pytest.mark.parametrize(
    ("topic", "said"),
    [
        ("5A级旅游景区", "推进古城5A创建。"),
        ("国家4A级景区", "新增国家AAAA级景区2家，4A景区总数达到10家。"),
        ("12345热线", "整合后的“12345”政务服务热线接通率达到98%。"),
        ("12345政务服务热线", "推进“12345+一网慧管”。"),
    ],
)
def test_a_thing_named_by_its_code_is_met_by_the_code(topic, said):
    assert _met(topic, said)


def test_a_code_that_names_more_than_the_thing_is_not_enough():
    assert not _met("5G基站", "5G网络覆盖所有行政村。")
    assert not _met("12345热线", "增长123456元。")


@pytest.mark.parametrize(
    ("topic", "said", "met"),
    [
        ("创建国家卫生城市", "全力推动文明城、卫生城、双拥模范城等创建活动。", True),
        ("全国文明城市", "巩固文明城创建成果。", True),
        # (a county's title is another: 卫生县城 is no 卫生城; nor is a city's other business)
        ("国家卫生城市", "力争会理、德昌成功创建国家卫生县城。", False),
        ("智慧城市", "推进智慧城管平台建设。", False),
    ],
)
def test_a_citys_title_is_met_cut_short(topic, said, met):
    assert _met(topic, said) is met


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("谁今年明确支持辖下县市创建“四好农村路”示范县？", "四好农村路示范县"),
        ("“两业融合”试点是哪些城市在做？", "两业融合试点"),
        ("哪些地方提到了“无废城市”建设？", "无废城市"),  # (a deed, no designation)
    ],
)
def test_a_designation_a_quoted_name_goes_on_to_is_part_of_it(question, topic):
    from qa.topics import read_topic

    assert read_topic(question).text == topic


@pytest.mark.parametrize(
    ("question", "plain", "not_counted"),
    [
        ("国家实验室（不是一般的重点实验室）有谁提到？", "国家实验室有谁提到？", ("重点实验室",)),
        ("谁提到了碳排放“双控”（不是只讲能耗双控）？", "谁提到了碳排放“双控”？", ("能耗双控",)),
        ("哪些地方提到了智慧农业（而不是智慧城市）？", "哪些地方提到了智慧农业？", ("智慧城市",)),
        # (a measure said not to be asked says which figure is: it stays in the question)
        ("哪些地方报了GDP总量（不是增速）？", "哪些地方报了GDP总量（不是增速）？", ()),
    ],
)
def test_a_bracket_saying_the_topic_is_not_another_thing_sets_that_aside(
    question, plain, not_counted
):
    from qa.set_aside import names_not_counted, without_exception

    assert without_exception(question) == (plain, ())
    assert names_not_counted(question) == not_counted


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("专门提到抽水蓄能的有哪些？", "抽水蓄能"),
        ("哪些地方特别提到了首发经济？", "首发经济"),
        ("哪些报告专门提到了低空经济？", "低空经济"),
        ("谁重点部署了算力基础设施？", "算力基础设施"),
    ],
)
def test_how_a_document_says_the_topic_is_no_part_of_it(question, topic):
    from qa.place_questions import is_district_question
    from qa.topics import read_topic

    assert is_district_question(question)
    assert read_topic(question).text == topic


@pytest.mark.parametrize(
    ("question", "topic", "aspect"),
    [
        ("研发投入强度给出了实际达到值的有哪些？", "研发投入强度", "figure"),
        ("粮食产量报了实际完成值的有哪些地方？", "粮食产量", "figure"),
        ("技术合同成交额设了目标的有谁？", "技术合同成交额", "target"),
        ("农作物耕种收综合机械化率定了目标的有谁", "农作物耕种收综合机械化率", "target"),
    ],
)
def test_a_figure_reached_or_set_is_asked_in_more_words(question, topic, aspect):
    from qa.place_questions import is_district_question
    from qa.topics import read_topic

    assert is_district_question(question)
    read = read_topic(question)
    assert (read.text, read.aspect) == (topic, aspect)


def test_who_did_a_deed_is_a_place_only_when_asked_as_which_of_them():
    from qa.place_questions import is_district_question

    assert is_district_question("技术合同成交额设了目标的有谁？")
    assert not is_district_question("这项工作牵头的是谁？")  # (a person)


@pytest.mark.parametrize(
    ("topic", "said", "met"),
    [
        ("农村公路新建改造", "年度目标：新改建农村公路1万公里以上。", True),
        ("非遗保护传承", "完善四级非遗保护名录，建设非遗工坊10个。", True),
        ("老旧小区新建改造", "改造老旧小区79个。", True),
        ("农村公路新建改造", "加强农村公路养护。", False),
        ("老旧小区新建改造", "老旧小区物业服务全覆盖。", False),
    ],
)
def test_two_acts_after_a_thing_are_each_an_act_of_it(topic, said, met):
    assert _met(topic, said) is met


@pytest.mark.parametrize(
    ("topic", "said", "met"),
    [
        ("新能源（风光等清洁能源）装机", "新增清洁能源装机容量1GW。", True),
        ("新型储能（电化学等新型储能技术）", "建设电化学储能电站。", False),
        ("锰（锰渣、锰污染）", "推动锰矿渣资源化利用。", True),
        ("锂（锂矿、锂电池）", "建设磷酸铁锂正极材料项目。", True),
        ("锰（锰渣、锰污染）", "推进矿渣综合利用。", False),
    ],
)
def test_a_bracket_of_examples_names_the_class_they_are_of(topic, said, met):
    assert _met(topic, said) is met


def test_a_figure_per_unit_of_the_economy_is_no_figure_of_the_economy():
    from qa.shares import figure_of_another

    said = "单位地区生产总值能耗降低2.8%左右"
    assert figure_of_another(said, said.index("生产总值"), said.index("能耗"))
    assert figure_of_another(said, said.index("地区"), said.index("能耗"))
    growth = "地区生产总值增长6%左右"
    assert not figure_of_another(growth, growth.index("生产总值"), growth.index("增长"))


@pytest.mark.parametrize(
    ("topic", "said", "stated"),
    [
        ("PM2.5平均浓度", "PM2.5浓度改善5.1%，优良天数增加22天。", False),
        ("PM2.5平均浓度", "全市PM2.5平均浓度23微克/立方米。", True),
        ("森林覆盖率", "森林覆盖率上升0.5个百分点。", False),
        ("森林覆盖率", "森林覆盖率达到56.13%。", True),
    ],
)
def test_how_a_level_moved_is_not_its_value(topic, said, stated):
    import re

    from qa.stating import Stating
    from qa.term_matcher import term_matcher
    from qa.topic_terms import expand_terms

    terms = term_matcher(expand_terms(topic, moving=True, measured=True), own_figure=True)
    stating = Stating(re.compile(r"\d"), None, terms, True, topic=topic)
    assert bool(stating.search(said)) is stated


def test_a_total_asked_by_an_alternatives_name_is_not_met_by_a_growth():
    from qa.measures import total_named
    from qa.stating import Stating
    from qa.term_matcher import term_matcher
    from qa.topic_frames import aspect_evidence
    from qa.topic_terms import expand_terms
    from qa.topics import read_topic

    assert total_named("接待游客总量或旅游总收入")
    assert not total_named("高新技术企业总量或新增数")  # (measures of one thing)
    assert read_topic("去年接待游客总量或旅游总收入给出具体数字的有哪些？").total
    terms = term_matcher(tuple(expand_terms("接待游客")))
    total = Stating(aspect_evidence("figure"), None, terms, True, total=True)
    # (a growth said of a list the topic is the first of, with 分别: no total)
    assert not total.search("接待游客、门票收入分别增长299%、377%。")
    assert total.search("全年接待游客3558.2万人次。")


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("空气质量优良天数比例，谁给了具体数值？", "%"),
        ("空气质量优良天数比率（优良率）去年达到多少，哪些地方报了具体数？", "%"),
        # (a share offered as one of two wordings in a bracket asks either unit)
        ("空气质量优良天数（或优良天数比例）实际达到多少，哪些地方有数？", None),
    ],
)
def test_a_share_said_right_after_the_topic_asks_its_figure_in_percent(question, unit):
    from qa.topics import read_topic

    assert read_topic(question).unit == unit


def test_a_target_of_the_total_asked_is_not_met_by_a_number_added():
    from qa.stating import Stating
    from qa.term_matcher import term_matcher
    from qa.topic_frames import aspect_evidence
    from qa.topic_terms import expand_terms
    from qa.topics import read_topic

    for question in (
        "政府工作报告中，给高新技术企业定了总量目标的有哪些？",
        "哪些地方给规上工业企业定了总数目标？",
    ):
        read = read_topic(question)
        assert (read.aspect, read.total) == ("target", True), question
    terms = term_matcher(tuple(expand_terms("高新技术企业")))
    total = Stating(aspect_evidence("target"), None, terms, True, ahead=True, total=True)
    assert not total.search("新增国家高新技术企业10户以上，备案入库科技型中小企业220户以上。")
    assert total.search("高新技术企业突破700家。")


def test_a_figure_after_a_lists_head_counts_its_items_together():
    from qa.stating import Stating
    from qa.target_lists import LIST_COUNTED
    from qa.term_matcher import term_matcher
    from qa.topic_frames import aspect_evidence
    from qa.topic_terms import expand_terms

    terms = term_matcher(tuple(expand_terms("老旧小区改造")), own_figure=True)
    target = Stating(aspect_evidence("target"), None, terms, True, ahead=True)
    assert not target.search("实施海绵城市和老旧小区、棚户区改造等项目54个。")
    assert target.search("改造老旧小区113个。")
    # (a 等 of a word is no list's: 中等职业学校)
    assert LIST_COUNTED.match("、棚户区改造等项目54个")
    assert not LIST_COUNTED.match("建设中等职业学校3所")


def test_a_requirement_in_words_asked_is_met_by_one_said_anywhere_ahead():
    from qa.measures import with_worded_targets
    from qa.stating import Stating
    from qa.term_matcher import term_matcher
    from qa.topic_frames import aspect_evidence
    from qa.topic_terms import expand_terms
    from qa.topics import read_topic

    def read(question):
        return with_worded_targets(read_topic(question), question)

    for question in (
        "政府工作报告提到了高标准农田，但对今年的建设只写了定性要求、没给亩数的，是哪些地方？",
        "对粮食产量提出了今年要求、但没有给出具体数字的是哪个地方？",
    ):
        asked = read(question)
        assert (asked.aspect, asked.worded, asked.required) == ("target", True, True), question
    # (a target written into the year's targets without its figure: an aim said anywhere ahead
    # too, 持续提高全社会研发投入强度; a target in words alone, one in their list)
    for question in (
        "研发投入强度写进了今年目标、却没给具体数值的是哪些地方？",
        "把高新技术企业写进了发展目标、却没给具体数量的，是哪些地方？",
    ):
        assert read(question).required, question
    listed = read("哪些地方对居民收入增长提出了目标？")
    assert (listed.worded, listed.required) == (True, False)
    terms = term_matcher(tuple(expand_terms("高标准农田")), own_figure=True)

    def stating(required):
        return Stating(
            aspect_evidence("target"),
            None,
            terms,
            True,
            ahead=True,
            topic="高标准农田",
            worded=True,
            against=True,
            required=required,
        )

    said = "加强耕地保护，完成高标准农田年度建设任务，打通农田灌溉“最后一公里”。"
    assert stating(True).search(said)
    assert not stating(False).search(said)
    # (the whole topic named: 粮食 of 粮食产量 is no requirement of it)
    grain = term_matcher(tuple(expand_terms("粮食产量", measured=True)), own_figure=True)
    required = Stating(
        aspect_evidence("target"),
        None,
        grain,
        True,
        ahead=True,
        topic="粮食产量",
        worded=True,
        against=True,
        required=True,
    )
    assert not required.search("夯实粮食安全根基。")
    assert required.search("稳定粮食播种面积，确保粮食产量只增不减。")


def test_a_stock_asked_is_a_figure_reached_and_a_recognition_after_the_topic_an_addition():
    import re

    from qa.stating import Stating
    from qa.term_matcher import term_matcher
    from qa.topic_terms import expand_terms
    from qa.topics import read_topic

    # (存量: what there is now, not a target: 力争…达到120家 is none)
    read = read_topic("哪些地方给出了高新技术企业的总量（存量）？")
    assert (read.aspect, read.behind, read.total) == ("figure", True, True)
    terms = term_matcher(
        expand_terms("高新技术企业", False, True, True, False, False), False, True, ()
    )
    total = Stating(re.compile(""), None, terms, True, None, topic="高新技术企业", total=True)
    assert not total.search("实现科技型中小企业入库70家、高新技术企业认定备案10家。")
    assert total.search("全市高新技术企业达到98家。")


@pytest.mark.parametrize(
    ("question", "topic", "aspect"),
    [
        # a clause of what alone was given, before what was not: the figure asked
        ("提到5G基站、但只报了已建成数、没有定新建目标的有哪些地方？", "5G基站", "figure"),
        ("提到充电桩、但只报了已建成数、没有定新建目标的有哪些地方？", "充电桩", "figure"),
        # a requirement, then what alone it gave: a target in words lacking its figure
        (
            "对空气质量优良天数提了要求、但只有定性说法没给数值的有哪些？",
            "空气质量优良天数",
            "target",
        ),
        ("对粮食产量提出了要求，但只写了定性表述、没给数字的是哪些地方？", "粮食产量", "target"),
        # what a year's work plans but sets no figure for: met ahead, in words
        (
            "今年的工作安排里提到培育专精特新企业、却没定数量目标的有哪些？",
            "专精特新企业",
            "target",
        ),
        ("今年的工作部署里提到了海绵城市建设，但没给具体数量的有哪些？", "海绵城市建设", "target"),
        # (an aim said before the topic is still no part of it, in one character too: 降)
        ("提到今年要降低单位GDP能耗、却没给出降幅数值目标的有哪些？", "单位GDP能耗", "target"),
        ("提到今年要降PM2.5、却没给出浓度数值目标的地方有哪些？", "PM2.5", "target"),
        ("提到要降能耗、但没给具体降幅目标的有哪些地方？", "能耗", "target"),
        # a topic written into the year's targets or tasks; a measure alone lacking, its figure
        ("粮食产量写进了主要预期目标、却没给具体数值的是哪些地方？", "粮食产量", "target"),
        (
            "政府工作报告把高标准农田建设写进了今年任务，却没给面积的，是哪些地方？",
            "高标准农田建设",
            "target",
        ),
        ("把老旧小区改造写进了今年任务、却没给改造数量的有哪些地方？", "老旧小区改造", "target"),
    ],
)
def test_what_was_said_of_a_topic_before_the_target_it_lacks(question, topic, aspect):
    from qa.topics import read_topic

    read = read_topic(question)
    assert (read.text, read.aspect) == (topic, aspect), question
    assert [(t.text, t.aspect) for t in read.none_of] == [(topic, "target")], question


def test_a_plus_ending_a_name_may_be_typed_as_the_numeral_of_its_shape():
    from qa.term_matcher import term_pattern

    for name, said in (
        ("人工智能+", "深入推进人工智能十行动"),
        ("互联网+", "推进互联网十政务服务"),
    ):
        pattern = term_pattern((name,))
        assert pattern.search(said) and pattern.search(said.replace("十", "+")), name
    # (not where the numeral counts: 人工智能十大场景)
    assert not term_pattern(("人工智能+",)).search("发布人工智能十大应用场景")


def test_a_requirement_names_all_the_topic_but_what_its_brackets_add():
    import re

    from qa.stating import Stating
    from qa.term_matcher import term_matcher
    from qa.topic_frames import aspect_evidence
    from qa.topic_terms import expand_terms

    for topic, said in (
        ("空气质量（优良天数、PM2.5）", "推动PM2.5持续下降。"),
        ("高标准农田（新建或改造提升）", "完成高标准农田年度建设任务。"),
    ):
        terms = term_matcher(tuple(expand_terms(topic, measured=True)), own_figure=True)
        required = Stating(
            aspect_evidence("target") or re.compile(""),
            None,
            terms,
            True,
            ahead=True,
            topic=topic,
            worded=True,
            against=True,
            required=True,
        )
        assert required.search(said), topic


def test_a_kind_of_document_quoted_before_its_class_is_the_kind_asked():
    from qa.asked_documents import documents_asked

    for question, kind in (
        ("在科技工作“工作要点”类文件里，哪些地方给科技型企业定了新增数量目标？", "work_points"),
        ("在“实施方案”这类文件里，哪些地方提到了低空经济？", "action_plan"),
    ):
        assert documents_asked(question) == (kind,), question


def test_kinds_bracketed_before_what_does_not_count_stay_the_topics():
    from qa.set_aside import names_not_counted, without_exception

    for question, kinds, aside in (
        (
            "谁提到了新型储能（储能电站、电化学储能等；抽水蓄能不算）？",
            "储能电站、电化学储能等",
            "抽水蓄能",
        ),
        (
            "哪些地方涉及卫星产业（卫星制造、发射卫星之类，单纯北斗导航应用不算）？",
            "卫星制造、发射卫星之类",
            "北斗导航应用",
        ),
    ):
        text, _ = without_exception(question)
        assert f"（{kinds}）" in text and aside not in text, question
        assert aside in "".join(names_not_counted(question)), question
    # (not a gloss before what also counts: （统筹老年人和儿童服务，写成“一老”也算）)
    assert (
        "统筹"
        in without_exception("哪些地方提到“一老一小”（统筹老年人和儿童服务，写成“一老”也算）？")[0]
    )


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # a move said also to count is a form of the figure, no topic of its own
        (
            "全社会研发投入强度给出了具体数值目标的有哪些地方？“提高几个百分点”也算。",
            "全社会研发投入强度",
        ),
        ("森林覆盖率定了目标的有哪些？“增长0.5个百分点”也算。", "森林覆盖率"),
        # targets set in a year's work targets, or a thing made the target
        ("哪些地方在年度工作目标里给新增高新技术企业定了具体数量？", "新增高新技术企业"),
        ("在主要工作目标任务中给粮食产量定了数的有哪些？", "粮食产量"),
        ("规划里，哪些把研发投入强度定为目标？", "研发投入强度"),
        ("哪些地方把森林覆盖率确定为约束性指标？", "森林覆盖率"),
        # a target's measure said after the verb that sets it
        ("今年单位GDP能耗给出具体下降幅度目标的有哪些地方？", "单位GDP能耗"),
        ("PM2.5浓度定了具体降低幅度目标的有哪些？", "PM2.5浓度"),
        # a topic written into the year's targets
        ("城镇新增就业写进了主要预期目标的有哪些地方？", "城镇新增就业"),
    ],
)
def test_what_frames_a_target_is_not_the_topics(question, topic):
    from qa.topics import read_topic

    read = read_topic(question)
    assert (read.text, read.aspect) == (topic, "target"), question


def test_each_places_documents_said_first_are_the_kind_asked():
    from qa.asked_documents import documents_asked

    for question, kind in (
        ("各地“十四五”科技创新规划里，给“专精特新”企业定了数量目标的有哪些？", "plan"),
        ("各个区县“十四五”规划里，给研发投入强度定了目标的有哪些？", "plan"),
    ):
        assert documents_asked(question) == (kind,), question
    assert documents_asked("各地都提到了低空经济吗？") == ()


def test_an_amount_asked_in_yuan_is_an_amount():
    from qa.measures import unit_asked

    assert unit_asked("去年社会消费品零售总额（多少亿元），哪些地方给出了？") == "金额"
    assert unit_asked("技术合同成交额达到多少万元，哪些地方写了？") == "金额"
    assert unit_asked("哪些地方提到了元宇宙？") is None


def test_an_addition_or_a_total_either_counting_asks_no_total():
    from qa.topics import read_topic

    for question in (
        "哪些地方给专精特新企业定了数量目标（年度新增或规划期总量都算）？",
        "哪些地方给高新技术企业定了数量目标（当年新增或期末总量都算）？",
    ):
        assert not read_topic(question).total, question
    assert read_topic("哪些地方给高新技术企业总数定了目标？").total


def test_a_move_said_not_to_count_asks_the_level_itself():
    from qa.set_aside import with_names_set_aside
    from qa.stating import _ADDED_AFTER
    from qa.topics import read_topic

    for question, topic in (
        (
            "空气质量优良天数比率的实际数值，哪些地方报出来了？只说比率升了几个百分点的不算。",
            "空气质量优良天数比率",
        ),
        ("哪些地方给出了城镇化率的实际值？（只说提高了1.2个百分点的不算）", "城镇化率"),
    ):
        text = question.split("只说")[0].rstrip("（(")
        assert with_names_set_aside(read_topic(text), question).total, question
    assert not with_names_set_aside(
        read_topic("哪些地方给出了城镇化率？"), "哪些地方给出了城镇化率？"
    ).total
    # (and a level's move after its words states no level: 比率上升3个百分点)
    assert _ADDED_AFTER.match("比率上升3个百分点") and _ADDED_AFTER.match("提高1.2个百分点")


def test_a_plan_named_by_its_period_is_the_kind_asked_quoted_or_not():
    from qa.asked_documents import documents_asked

    assert documents_asked("哪些地方的“十四五”规划写到了“揭榜挂帅”？") == ("plan",)
    assert documents_asked("哪些区的“十四五”科技创新规划提到了知识产权证券化？") == ("plan",)
    assert documents_asked("哪些区的规划提到了知识产权证券化？") == ()  # (a bare 规划: any)


def test_a_total_said_in_the_clause_after_an_addition_is_the_topics_total():
    from qa.stating import Stating
    from qa.term_matcher import term_matcher
    from qa.topic_frames import aspect_evidence
    from qa.topic_terms import expand_terms

    terms = term_matcher(tuple(expand_terms("高新技术企业")))
    total = Stating(aspect_evidence("figure"), None, terms, True, total=True)
    assert total.search("新认定高新技术企业52家，总数达到164家。")
    assert total.search("净增高新技术企业120家，总量突破800家。")
    assert not total.search("新认定高新技术企业52家，科技型中小企业达到300家。")


def test_a_name_the_topic_includes_before_the_topics_head_is_no_modifier_of_another():
    from qa.stating import _heads_another

    assert not _heads_another("企业50家以上", "专精特新企业（含小巨人）")
    assert not _heads_another("企业100家", "高新技术企业")
    assert _heads_another("企业50家", "外贸")  # (外贸企业: another noun's figure)
