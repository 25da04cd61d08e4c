"""Generative mode through the real langchain-openai client against a small OpenAI-compatible
server on 127.0.0.1 (real HTTP, SSE streaming, scripted replies), including the error paths:
a citation of a passage that does not exist, no citation at all, HTTP 500, a hang, nobody
listening."""

from __future__ import annotations

import importlib
import socket

import pytest
from qa_support import ChatServer, FakeIndex, Script, make_chunk

import qa
from corpus.errors import UserError
from corpus.settings import Settings
from qa.calibration import Calibration
from qa.types import Answer

answer_module = importlib.import_module("qa.answer")
sentence_module = importlib.import_module("qa.compose_sentence")

GOALS = "到2025年，科技型企业达到2800家、高新技术企业达到200家。"
KEPU = "持续加强科普基地建设，累计建成国家级科普基地1个、市级科普基地3个。"
HECHUAN = "力争建成市级农业科技园区，全区高新技术企业新增20家以上。"


@pytest.fixture()
def fake_index(monkeypatch) -> FakeIndex:
    cal = Calibration(abstain_evidence=0.05, district_semantic=0.99)
    monkeypatch.setattr(sentence_module, "load_calibration", lambda: cal)
    return FakeIndex(
        [
            make_chunk("g1", GOALS),
            make_chunk("k1", KEPU, section=("第一章", "第一节 发展基础")),
            make_chunk("c1", HECHUAN, district="合川区", source="004_test.txt"),
        ]
    )


@pytest.fixture()
def server():
    with ChatServer() as s:
        yield s


def settings_for(server: ChatServer, timeout: float = 10.0) -> Settings:
    return Settings(
        llm_base_url=server.base_url, llm_model="stub-model", llm_api_key=None, llm_timeout=timeout
    )


def run(question, index, settings) -> tuple[list[str], Answer]:
    pieces = list(qa.answer_stream(question, index, settings=settings, llm=True))
    final = pieces[-1]
    assert isinstance(final, Answer)
    return [p for p in pieces[:-1] if isinstance(p, str)], final


def test_streams_and_keeps_valid_citations(fake_index, server):
    server.script = Script(reply="綦江区计划到2025年高新技术企业达到200家[1]。")
    texts, final = run("綦江区高新技术企业2025年目标是多少？", fake_index, settings_for(server))
    assert len(texts) > 1  # it streamed in pieces
    assert "".join(texts) == final.answer
    assert final.mode == "generative" and not final.abstained and final.notice is None
    assert [c.n for c in final.citations] == [1]
    assert final.citations[0].chunk_id == "g1"
    assert final.citations[0].quote == GOALS  # the passage sentence the claim rests on
    request = server.requests[-1]
    assert request["stream"] is True and request["model"] == "stub-model"
    prompt = "\n".join(m["content"] for m in request["messages"])
    assert "[1]" in prompt and "高新技术企业达到200家" in prompt and "必须" in prompt


def test_marker_to_a_nonexistent_passage_is_removed(fake_index, server):
    server.script = Script(reply="高新技术企业达到200家[1]，另有说法[9]。")
    _, final = run("綦江区高新技术企业2025年目标是多少？", fake_index, settings_for(server))
    assert "[9]" not in final.answer and "[1]" in final.answer
    assert [c.n for c in final.citations] == [1]
    assert final.extra["removed_markers"] == 1 and "1个" in (final.notice or "")


def test_reply_without_any_valid_citation_is_flagged(fake_index, server):
    server.script = Script(reply="高新技术企业大约有很多家[5]。")
    _, final = run("綦江区高新技术企业2025年目标是多少？", fake_index, settings_for(server))
    assert final.citations == () and final.extra["uncited"] is True
    assert "没有引用" in final.notice
    assert "[5]" not in final.answer


def test_http_500_falls_back_to_the_extractive_answer(fake_index, server):
    server.script = Script(status=500)
    texts, final = run("綦江区高新技术企业2025年目标是多少？", fake_index, settings_for(server))
    extractive = qa.answer("綦江区高新技术企业2025年目标是多少？", fake_index)
    assert final.mode == "extractive" and "HTTP 500" in final.notice
    assert final.answer == extractive.answer
    assert any("HTTP 500" in t for t in texts) and extractive.answer in "".join(texts)


def test_hanging_endpoint_times_out_into_the_fallback(fake_index, server):
    server.script = Script(hang=3.0)
    _, final = run("綦江区高新技术企业2025年目标是多少？", fake_index, settings_for(server, 0.5))
    assert final.mode == "extractive" and "超时" in final.notice
    assert final.citations  # the extractive answer's citations


def test_endpoint_down_falls_back(fake_index):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = Settings(llm_base_url=f"http://127.0.0.1:{port}/v1", llm_model="m", llm_timeout=2)
    _, final = run("綦江区高新技术企业2025年目标是多少？", fake_index, settings)
    assert final.mode == "extractive" and "无法连接" in final.notice


def test_unconfigured_endpoint_is_a_user_error(fake_index):
    with pytest.raises(UserError, match="PLANQA_LLM_BASE_URL"):
        qa.answer("綦江区高新技术企业2025年目标是多少？", fake_index, settings=Settings(), llm=True)


def test_cli_ask_llm_streams_and_prints_sources(fake_index, server, monkeypatch, capsys):
    import index
    from cli.main import main

    server.script = Script(reply="到2025年高新技术企业达到200家[1]。")
    monkeypatch.setattr(index, "open_or_build", lambda settings, progress=True: fake_index)
    monkeypatch.setenv("PLANQA_LLM_BASE_URL", server.base_url)
    monkeypatch.setenv("PLANQA_LLM_MODEL", "stub-model")
    assert main(["ask", "綦江区高新技术企业2025年目标是多少？", "--llm"]) == 0
    out = capsys.readouterr().out
    assert "到2025年高新技术企业达到200家[1]。" in out and "000_test.txt" in out
