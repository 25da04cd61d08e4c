"""The UI served for real: `ui.shell.launch(prevent_thread_lock=True)` on a free port of 127.0.0.1
with the session's bundled index, driven through gradio_client (the same HTTP API the page
uses). Answers, reports and documents are compared with what qa and index return directly,
so a wiring mistake fails here."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from app_support import QUESTION, serve
from qa_support import ChatServer, Script

import app
import qa
from ui import districts, evaluation

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)


def message_text(message: dict) -> str:
    """A chat message's text (gradio_client returns content as a list of typed parts),
    without the markup of an answer's [n] links."""
    content = message["content"]
    if not isinstance(content, str):
        content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return re.sub(r"<[^>]*>", "", content)


def ask(client, question: str, districts=(), doc_ids=(), llm=False):
    history, cards, box, _kept = client.predict(
        question, [], list(districts), list(doc_ids), llm, api_name="/ask"
    )
    return history, cards, box


# --- 问答 --------------------------------------------------------------------------------


def test_ask_answers_with_citation_cards(client, bundled_index):
    history, cards, box = ask(client, QUESTION)
    assert [m["role"] for m in history] == ["user", "assistant"]
    assert message_text(history[0]) == QUESTION
    expected = qa.answer(QUESTION, bundled_index)
    assert not expected.abstained
    assert message_text(history[1]) == expected.answer  # the UI shows what qa answered
    assert "200" in message_text(history[1])
    assert cards.count('class="pq-card"') == len(expected.citations) >= 1
    for c in expected.citations:
        assert f'data-chunk="{c.chunk_id}"' in cards
    assert 'data-district="綦江区"' in cards
    assert "<mark>" in cards  # the question's words are highlighted in the quote
    # the box is emptied as the question is taken and left alone after it (tests/test_ask_tab.py):
    # the last step's box is an update with no value
    assert box == {"__type__": "update"}


def test_ask_respects_the_district_filter(client):
    _, cards, _ = ask(client, "高新技术企业的目标是什么？", districts=["合川区"])
    districts = set(re.findall(r'data-district="([^"]*)"', cards))
    assert districts == {"合川区"}


def test_several_users_at_once_each_get_their_own_answer(app_url, bundled_index):
    """More simultaneous questions than the concurrency limit: all are queued and answered,
    each with the answer to its own question."""
    from gradio_client import Client

    questions = [QUESTION, "合川区2022年要新增多少家高新技术企业？", "大渡口区如何推进科普工作？"]
    jobs = [
        (q, Client(app_url, verbose=False).submit(q, [], [], [], False, api_name="/ask"))
        for q in questions
    ]
    for q, job in jobs:
        history, cards, *_ = job.result(timeout=300)
        assert message_text(history[0]) == q
        assert message_text(history[1]) == qa.answer(q, bundled_index).answer
        assert 'class="pq-card"' in cards


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "请输入问题"), ("   ", "请输入问题"), ("问" * 3000, "问题太长"), ("。。。", "只有标点")],
)
def test_bad_questions_get_a_readable_message(client, question, message):
    history, cards, _ = ask(client, question)
    assert message in message_text(history[-1])
    assert "pq-error" in cards and message in cards


def test_generative_answer_streams_through_the_page(session_settings, bundled_index):
    """With an LLM endpoint configured (a scripted OpenAI-compatible server), the chat
    message grows piece by piece and ends with the checked answer and its citations."""
    from gradio_client import Client

    reply = "根据规划，綦江区到2025年高新技术企业数预期达到200家[1]。"
    with ChatServer() as llm:
        llm.script = Script(reply=reply)
        demo, url = serve(
            session_settings, bundled_index, llm_base_url=llm.base_url, llm_model="stub-model"
        )
        try:
            job = Client(url, verbose=False).submit(QUESTION, [], [], [], True, api_name="/ask")
            final = job.result(timeout=120)
            states = [message_text(out[0][-1]) for out in job.outputs()]
        finally:
            demo.close()
    streamed = [s for s in states if s and s != "正在检索…"]
    assert len(set(streamed)) >= 3, states  # the stub sends 4 characters at a time
    assert message_text(final[0][-1]).startswith("根据规划")
    assert "200家[1]" in message_text(final[0][-1])
    assert 'class="pq-card"' in final[1]
    assert llm.requests and llm.requests[0]["model"] == "stub-model"


# --- 哪些区提到 --------------------------------------------------------------------------


def test_districts_endpoint_lists_every_district(client, bundled_index):
    table, chart, summary = client.predict("氢能", api_name="/districts")
    rows = table["data"]
    assert table["headers"] == districts.DISTRICT_HEADERS
    assert sorted(r[0] for r in rows) == sorted(bundled_index.districts())
    report = qa.districts("氢能", bundled_index)
    mentioned = {r[0] for r in rows if r[1].startswith("✔")}
    assert mentioned == set(report.mentioned)
    assert "綦江区" in mentioned
    assert all(r[3] for r in rows if r[0] in mentioned)  # every mention comes with evidence
    # the chart comes as an update: its data and the order of its bars (the table's)
    assert chart["sort"] == [r[0] for r in rows]
    bars = {row[0]: (row[1], row[2]) for row in chart["value"]["data"]}  # 地区 -> (处数, 提到)
    assert set(bars) == set(bundled_index.districts())
    assert {d for d, (_, said) in bars.items() if said == "提到"} == mentioned
    assert "个区县提到“氢能”" in summary


@pytest.mark.parametrize(("topic", "message"), [("", "请输入主题"), ("氢" * 800, "主题太长")])
def test_bad_topics_get_a_readable_message(client, topic, message):
    table, _, summary = client.predict(topic, api_name="/districts")
    assert table["data"] == [] or table["data"] == [["", "", "", ""]]
    assert message in summary and "pq-error" in summary


# --- 文档 --------------------------------------------------------------------------------


def test_document_endpoint_reads_a_document_section_by_section(client, bundled_index):
    document = next(d for d in bundled_index.documents if d.district == "合川区")
    page = client.predict(document.doc_id, api_name="/document")
    chunks = bundled_index.chunks_for(doc_id=document.doc_id)
    assert document.title in page
    assert page.count('class="pq-chunk ') == len(chunks)
    positions = [page.find(c.text.splitlines()[0][:20]) for c in chunks]
    assert -1 not in positions and positions == sorted(positions)  # in document order
    assert "没有编号为" in client.predict("no-such-doc", api_name="/document")


# --- 评测 --------------------------------------------------------------------------------


def gold_line(**item) -> str:
    return json.dumps(item, ensure_ascii=False)


def _served_file(output):
    """The local path of a download button's output (gradio_client gives the update)."""
    value = output.get("value") if isinstance(output, dict) else output
    return value.get("path") if isinstance(value, dict) else value


def test_malformed_gold_upload_names_the_line(client, tmp_path):
    from gradio_client import handle_file

    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        gold_line(id="a", kind="fact", question="綦江区高新技术企业目标？") + "\n{not json\n",
        encoding="utf-8",
    )
    message, metrics, chart, failed, md, js = client.predict(
        evaluation.EVAL_SOURCE_UPLOAD, handle_file(str(bad)), True, api_name="/evaluate"
    )
    assert "bad.jsonl 第 2 行" in message and "pq-error" in message
    assert str(tmp_path) not in message and "/tmp/" not in message
    assert (metrics, chart, failed) == ("", "", "")
    assert _served_file(md) is None and _served_file(js) is None


def test_binary_gold_upload_is_refused_without_parsing(client, tmp_path):
    from gradio_client import handle_file

    blob = tmp_path / "gold.jsonl"
    blob.write_bytes(b"\x80\x04\x95\x00\x00cos\nsystem\n")  # a pickle header: never loaded
    message, *_ = client.predict(
        evaluation.EVAL_SOURCE_UPLOAD, handle_file(str(blob)), True, api_name="/evaluate"
    )
    assert "不是文本文件" in message


def test_eval_on_an_uploaded_gold_set_shows_metrics_baselines_and_failures(client, tmp_path):
    from gradio_client import handle_file

    gold = tmp_path / "mini.jsonl"
    gold.write_text(
        "\n".join(
            [
                gold_line(
                    id="f01",
                    kind="fact",
                    question=QUESTION,
                    answer="200家",
                    answer_keywords=["200"],
                    districts=["綦江区"],
                    evidence=[
                        {
                            "source": "000_28d192e06e44a9e3.txt",
                            "line": 243,
                            "quote": "高新技术企业数",
                        }
                    ],
                ),
                # expects a keyword no answer can contain: must show up as a failure
                gold_line(
                    id="f02",
                    kind="fact",
                    question=QUESTION,
                    answer="不可能",
                    answer_keywords=["九九九九九"],
                    evidence=[],
                ),
            ]
        ),
        encoding="utf-8",
    )
    message, metrics, chart, failed, md, js = client.predict(
        evaluation.EVAL_SOURCE_UPLOAD, handle_file(str(gold)), True, api_name="/evaluate"
    )
    assert "评测 2 道题" in message
    for header in (*evaluation.METRIC_HEADERS, "BM25 关键词检索", "纯向量检索", "朴素切分"):
        assert f"<th>{header}</th>" in metrics
    assert "召回率@5" in metrics and ">recall@5<" in metrics and "关键词准确率" in metrics
    assert "<td>f02</td>" in failed and "<td>f01</td>" not in failed
    assert 'data-system="planqa"' in chart and 'data-system="bm25"' in chart
    assert "f02" in Path(_served_file(md)).read_text(encoding="utf-8")
    report = json.loads(Path(_served_file(js)).read_text(encoding="utf-8"))
    assert [i["id"] for i in report["items"]] == [
        "f01",
        "f02",
    ]


# --- what is served ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/etc/passwd", str(Path(app.__file__).resolve()), "app.py"])
def test_no_file_outside_the_app_is_served(app_url, path):
    for prefix in ("/gradio_api/file=", "/file="):
        url = app_url.rstrip("/") + prefix + path
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(url, timeout=10)
        assert err.value.code in (403, 404)


def test_binds_to_loopback_by_default(monkeypatch):
    monkeypatch.delenv("PLANQA_HOST", raising=False)
    monkeypatch.delenv("PLANQA_PORT", raising=False)
    from corpus.settings import load_settings

    settings = load_settings(host=None, port=None)  # flags not given
    assert (settings.host, settings.port) == ("127.0.0.1", 7860)
    assert load_settings(port=8123).port == 8123


def test_both_edges_check_the_port_with_the_same_rule(capsys):
    from cli.main import main as cli_main

    assert cli_main(["serve", "--port", "70000"]) == 2
    cli_message = capsys.readouterr().err
    assert app.main(["--port", "70000"]) == 2
    assert capsys.readouterr().err == cli_message
    assert "PLANQA_PORT" in cli_message
