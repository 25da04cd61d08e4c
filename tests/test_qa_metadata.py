"""Questions about a document's own metadata are answered from its Document record."""

from __future__ import annotations

import pytest

import qa
from qa.metadata import metadata_kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("綦江区土壤普查的通知文号是什么？", "doc_number"),
        ("厨余垃圾收运管理的通知是哪天印发的？", "date"),
        ("哪个部门发布了征集创业导师志愿者的通知？", "issuer"),
        ("厨余垃圾收运管理通知由哪些单位联合发文？", "issuer"),
        ("这期綦江区政府公报是第几期？", "issue"),
        ("防城港的政府工作报告是谁作的？", "speaker"),
        ("今年的报告人是谁？", "speaker"),
        ("长治2024年政府工作报告是哪位市长作的？", "speaker"),
        ("内蒙古2025年政府工作报告是在哪次会议上作的？", "meeting"),
        ("这份报告是在市人大哪次会议上作的？", "meeting"),
        # a meeting a sentence of the report names is asked of the text
        ("去年圆满完成的是哪一次人代会确定的目标任务？", None),
        ("綦江区到2025年科技型企业达到多少家？", None),
    ],
)
def test_metadata_kind(question, kind):
    assert metadata_kind(question) == kind


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "value", "doc_title"),
    [
        ("綦江区土壤普查的通知文号是什么？", "綦江府发[2022]29号", "土壤普查"),
        ("厨余垃圾收运管理的通知是哪天印发的？", "2022年11月11日", "厨余垃圾"),
        ("哪个部门发布了征集创业导师志愿者的通知？", "人力资源和社会保障局", "创业导师"),
        # two issuers: "A、B" in the record, "A B" on the signature line cited
        ("厨余垃圾收运管理通知由哪些单位联合发文？", "机关事务管理中心", "厨余垃圾"),
        ("这期綦江区政府公报是第几期？", "2022年第11期(总第129期)", "公报"),
    ],
)
def test_metadata_question_answered_from_document(bundled_index, question, value, doc_title):
    a = qa.answer(question, bundled_index)
    assert not a.abstained
    assert a.extra.get("metadata") == metadata_kind(question)
    assert value in a.answer
    (c,) = a.citations
    assert doc_title in c.title
    assert value in c.quote or value in c.title


@pytest.mark.slow
def test_a_document_without_the_value_is_declined_with_the_reason(bundled_index):
    # 大渡口区's plan states no date: a sentence of its body holding "2025年" is no answer
    a = qa.answer("大渡口区的科技创新规划是什么时候发布的", bundled_index)
    assert a.abstained
    assert a.extra["missing_field"] == "date"
    assert a.answer.startswith("《大渡口区“十四五”科技创新规划》中没有注明印发日期")


@pytest.mark.slow
@pytest.mark.parametrize(
    "question, value",
    [
        ("重庆高新区的科技创新发展规划是哪一年印发的？", "2021年7月26日"),
        ("綦江区科技创新规划哪年发布的", "2022年8月27日"),
        ("2022年度綦江区政府重大行政决策事项目录的通知落款日期是哪天", "2022年10月11日"),
    ],
)
def test_when_a_document_was_issued_is_read_from_its_record(bundled_index, question, value):
    a = qa.answer(question, bundled_index)
    assert a.extra.get("metadata") == "date" and value in a.answer, a.answer


@pytest.mark.slow
@pytest.mark.parametrize(
    "question, value",
    [
        ("重庆高新区的科技创新十四五规划是哪天正式发布的？", "2021-08-06"),
        ("重庆高新区科技创新发展规划什么时候成文的", "2021-07-26"),
    ],
)
def test_a_page_labelling_the_act_asked_when_of_answers_with_that_date(
    bundled_index, question, value
):
    # the page heads the plan with 成文日期 and 发布日期: 发布 asks the second, not the
    # signature's date the record holds
    a = qa.answer(question, bundled_index)
    assert value in a.answer and value in a.citations[0].quote, a.answer


@pytest.mark.slow
def test_phone_question_prefers_a_sentence_with_a_number(bundled_index):
    a = qa.answer("创业导师志愿者报名的联系电话是多少？", bundled_index)
    assert "87260841" in a.answer


@pytest.mark.slow
def test_a_phone_question_quotes_only_lines_holding_a_phone_number(bundled_index):
    # the notice's long opening sentence scores higher by cosine; it must not be the answer,
    # nor be added as a second sentence
    a = qa.answer("报名创业导师志愿者打什么电话？", bundled_index)
    assert not a.abstained and a.citations
    assert all("87260841" in c.quote for c in a.citations), [c.quote for c in a.citations]


@pytest.mark.slow
def test_an_attachment_is_dated_by_the_notice_that_prints_it(bundled_index):
    # 004's 工作要点 is a document of its own; its date is its notice's signature date, and
    # the citation is that notice's line
    a = qa.answer("合川区科技创新工作要点是哪天印发的？", bundled_index)
    assert a.extra.get("metadata") == "date"
    assert "2022年4月26日" in a.answer and "工作要点" in a.answer
    (c,) = a.citations
    assert (c.doc_id, c.line_start, c.quote) == ("004_d29d0fa2820130c5", 15, "2022年4月26日")


@pytest.mark.slow
@pytest.mark.parametrize(
    "question, reason",
    [("帮我写一首关于春天的诗", "request"), ("'; DROP TABLE documents; --", "not_words")],
)
def test_input_no_passage_answers_is_declined_before_retrieval(bundled_index, question, reason):
    a = qa.answer(question, bundled_index)
    assert a.abstained and a.extra["declined"] == reason and not a.citations


def test_who_delivered_a_report_is_read_from_its_record():
    from types import SimpleNamespace

    from qa_support import FakeIndex, make_chunk

    from qa.metadata import metadata_answer

    chunk = make_chunk("h", "政府工作报告\n市长\u2003黄\u2003江\n各位代表：", line_start=1)
    hits = [SimpleNamespace(chunk=chunk)]

    def index_with(speaker):
        doc = SimpleNamespace(
            doc_id=chunk.doc_id,
            title="2024年防城港市政府工作报告",
            speaker=speaker,
            duplicate_of=None,
            attached_to=None,
            source=chunk.source,
            district=None,
            doc_number=None,
            issuer=None,
            date=None,
            date_raw=None,
        )
        index = FakeIndex([chunk])
        index.documents = {doc.doc_id: doc}
        return index

    a = metadata_answer("防城港的政府工作报告是谁作的？", index_with("市长 黄江"), hits)
    assert a is not None and not a.abstained and "由市长 黄江作报告" in a.answer
    assert a.citations[0].quote == "市长\u2003黄\u2003江"
    declined = metadata_answer("报告是谁作的？", index_with(None), hits)
    assert declined is not None and declined.abstained and "没有注明报告人" in declined.answer


def test_the_meeting_a_report_was_delivered_at_is_read_from_its_record():
    from types import SimpleNamespace

    from qa_support import FakeIndex, make_chunk

    from qa.metadata import metadata_answer

    head = "政府工作报告\n——2024年1月在防城港市第七届人民代表大会第五次会议上\n市长 黄江"
    chunk = make_chunk("h", head, line_start=1)
    hits = [SimpleNamespace(chunk=chunk)]

    def index_with(meeting):
        doc = SimpleNamespace(
            doc_id=chunk.doc_id, title="2024年防城港市政府工作报告", meeting=meeting,
            speaker=None, duplicate_of=None, attached_to=None, source=chunk.source,
            district=None, doc_number=None, issuer=None, date=None, date_raw=None,
        )  # fmt: skip
        index = FakeIndex([chunk])
        index.documents = {doc.doc_id: doc}
        return index

    question = "防城港的政府工作报告是在哪次会议上作的？"
    a = metadata_answer(question, index_with("防城港市第七届人民代表大会第五次会议"), hits)
    assert a is not None and not a.abstained
    assert "是在防城港市第七届人民代表大会第五次会议上作的报告" in a.answer
    declined = metadata_answer(question, index_with(None), hits)
    assert declined is not None and declined.abstained and "没有注明会议" in declined.answer


def test_a_meeting_asked_of_the_text_must_be_named_by_the_answer():
    from qa.asks import asks_of
    from qa.values import carries

    question = "去年圆满完成的是哪一次人代会确定的目标任务？"
    assert asks_of(question) == "meeting"
    assert carries(
        "meeting", "圆满完成州十三届人民代表大会第二次会议确定的目标任务", None, question
    )
    assert carries("meeting", "认真落实自治区党委十二届七次全会精神", None, question)
    assert not carries("meeting", "主动接受市人大法律监督和市政协民主监督", None, question)
