"""Generative answers: any OpenAI-compatible chat endpoint through langchain-openai.

The passages the extractive chain retrieved are numbered [1]..[k] in a Chinese prompt that
requires a citation for every claim; the reply streams. Afterwards every [n] is checked: a
marker that points at no passage is removed, and a reply left with no valid citation is
flagged. An endpoint that is unreachable, slow or failing yields a notice and the extractive
answer instead of a traceback. langchain-openai is imported only here, on first use.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from corpus.errors import UserError
from index.types import Hit
from qa.types import Answer, Citation

log = logging.getLogger(__name__)

PASSAGES_IN_PROMPT = 5
PASSAGE_CHARS = 600  # per passage; keeps the prompt within small local models' context

SYSTEM_PROMPT = (
    "你是重庆市区县科技创新规划文件的问答助手。只能依据下面编号的段落回答问题，"
    "不得使用段落以外的知识。每一句陈述后面都必须用方括号标注所依据段落的编号，例如[1]或[2]。"
    "如果段落中没有答案，请回答“未在文件中找到相关内容”。回答使用简体中文，简洁准确，"
    "涉及数字时给出数字和单位。"
)
USER_PROMPT = "段落：\n{passages}\n\n问题：{question}\n\n请回答（每句注明来源编号）："


def prompt():
    from langchain_core.prompts import ChatPromptTemplate

    return ChatPromptTemplate.from_messages([("system", SYSTEM_PROMPT), ("human", USER_PROMPT)])


_MARKER = re.compile(r"\[(\d{1,3})\]|【(\d{1,3})】|［(\d{1,3})］")


def format_passages(hits: list[Hit]) -> str:
    lines = []
    for n, hit in enumerate(hits, 1):
        c = hit.chunk
        where = " › ".join(p for p in (c.district or "", c.title, *c.section) if p)
        text = " ".join(c.text.split())[:PASSAGE_CHARS]
        lines.append(f"[{n}] （{where}）{text}")
    return "\n".join(lines)


def chat_model(settings: Any):
    """ChatOpenAI for the endpoint in `settings` (llm_base_url, llm_model, llm_api_key,
    llm_timeout); UserError when it is not configured."""
    if settings is None or not getattr(settings, "llm_base_url", None):
        raise UserError("llm_needs_endpoint")
    if not getattr(settings, "llm_model", None):
        raise UserError("llm_needs_model")
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        # local servers (llama.cpp, Ollama, vLLM) accept any key; the client insists on one
        api_key=settings.llm_api_key or "not-needed",
        timeout=settings.llm_timeout,
        max_retries=0,  # a retry doubles the wait on a hung endpoint; we fall back instead
        temperature=0,
        streaming=True,
    )


def check_markers(text: str, n_passages: int) -> tuple[str, list[int]]:
    """(text with invalid markers removed, the valid passage numbers cited, in order).
    【n】 and ［n］ are normalised to [n]."""
    cited: list[int] = []

    def keep(m: re.Match[str]) -> str:
        n = int(next(g for g in m.groups() if g))
        if 1 <= n <= n_passages:
            if n not in cited:
                cited.append(n)
            return f"[{n}]"
        return ""

    return _MARKER.sub(keep, text), cited


def generate(
    question: str, extractive: Answer, settings: Any, llm: Any = True
) -> Iterator[str | Answer]:
    """Stream the chat model's answer over the extractive chain's passages, then yield the
    checked Answer. `llm` True: the endpoint in settings; else a LangChain chat model."""
    hits = _passages(extractive)
    model = chat_model(settings) if llm is True else llm
    chain = prompt() | model
    inputs = {"passages": format_passages(hits), "question": question}
    pieces: list[str] = []
    try:
        for message in chain.stream(inputs):
            piece = _text_of(message)
            if piece:
                pieces.append(piece)
                yield piece
    except Exception as exc:  # noqa: BLE001 - every endpoint failure ends in the fallback
        notice = _failure_notice(exc)
        # an endpoint may echo the request (Authorization: Bearer sk-…) in its error text
        error = redact_secrets(str(exc), getattr(settings, "llm_api_key", None))
        log.warning("LLM endpoint failed: %s", error)
        yield f"\n\n{notice}\n\n" if pieces else f"{notice}\n\n"
        yield extractive.answer
        yield replace(extractive, notice=notice, extra={**extractive.extra, "llm_error": error})
        return
    yield checked_answer(question, "".join(pieces), hits, extractive)


def checked_answer(question: str, raw: str, hits: list[Hit], extractive: Answer) -> Answer:
    """The generated text with markers checked; citations for the passages it cites."""
    text, cited = check_markers(raw.strip(), len(hits))
    removed = len(_MARKER.findall(raw)) - len(_MARKER.findall(text))
    citations = []
    for n in cited:
        c = hits[n - 1].chunk
        quote = supporting_sentence(c.text, _claims_citing(text, n))
        citations.append(Citation.from_chunk(n, c, quote))
    notice = None
    if not citations:
        notice = "注意：模型的回答没有引用任何检索到的段落，内容未经核实。"
    elif removed:
        notice = f"已删除{removed}个指向不存在段落的引用标记。"
    extra = {**extractive.extra, "removed_markers": removed, "uncited": not citations}
    return Answer(
        question,
        text,
        False,
        "generative",
        tuple(citations),
        extractive.hits,
        notice=notice,
        extra=extra,
    )


def _claims_citing(text: str, n: int) -> str:
    """The sentences of the answer that carry the marker [n]."""
    from qa.text import split_sentences

    return " ".join(s for s in split_sentences(text) if f"[{n}]" in s)


def _bigrams(text: str) -> set[str]:
    text = "".join(text.split())
    return {text[i : i + 2] for i in range(len(text) - 1)}


def supporting_sentence(passage: str, claim: str) -> str:
    """The passage sentence sharing the most character bigrams with the claim that cites it
    (the quote a reader checks the claim against)."""
    from qa.text import split_sentences

    sentences = split_sentences(passage) or [passage]
    wanted = _bigrams(_MARKER.sub("", claim))
    best = max(sentences, key=lambda s: len(_bigrams(s) & wanted))
    return best if len(best) <= 300 else best[:300] + "…"


def _passages(extractive: Answer) -> list[Hit]:
    # the same text twice (the plan in 000 and in the 003 gazette) would waste a number
    out: list[Hit] = []
    seen: set[str] = set()
    for h in extractive.hits:
        key = "".join(h.chunk.text.split())[:120]
        if key not in seen:
            seen.add(key)
            out.append(h)
        if len(out) >= PASSAGES_IN_PROMPT:
            break
    return out


def _text_of(message: Any) -> str:
    content = getattr(message, "content", message)
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content blocks
        return "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
    return str(content or "")


_SECRET_PATTERNS = (
    re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{4,}"),
    re.compile(
        r"(?i)\b(api[-_]?key|authorization|token|secret)([\"']?\s*[:=]\s*[\"']?)[^\s\"',}]{4,}"
    ),
    re.compile(r"\bsk-[A-Za-z0-9_-]{8,}"),
)


def redact_secrets(text: str, *secrets: str | None) -> str:
    """`text` with the given secrets and anything shaped like a credential (a Bearer token,
    an sk-… key, api_key=…) replaced by ***: for what is logged or shown of an error."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    text = _SECRET_PATTERNS[0].sub(lambda m: f"{m.group(1)} ***", text)
    text = _SECRET_PATTERNS[1].sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)
    return _SECRET_PATTERNS[2].sub("***", text)


class _RedactingFilter(logging.Filter):
    def __init__(self, secrets: tuple[str, ...]) -> None:
        super().__init__()
        self.secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact_secrets(message, *self.secrets)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class _StderrHandler(logging.Handler):
    """Writes to whatever sys.stderr is at the time (as logging's last-resort handler does),
    not the stream that was current when it was installed."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
        except Exception:  # noqa: BLE001 - logging must never raise
            self.handleError(record)


def install_log_redaction(settings: Any) -> None:
    """Log warnings to stderr (as Python's last-resort handler does: the message alone)
    through a filter that redacts the API key and anything shaped like a credential, so no
    library's log line carries a secret. Called once by the edges (CLI, UI)."""
    root = logging.getLogger()
    if any(isinstance(f, _RedactingFilter) for h in root.handlers for f in h.filters):
        return
    handler = _StderrHandler(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(message)s"))
    key = getattr(settings, "llm_api_key", None)
    handler.addFilter(_RedactingFilter((key,) if key else ()))
    root.addHandler(handler)


def _failure_notice(exc: Exception) -> str:
    name = type(exc).__name__
    if "Timeout" in name:
        why = "大模型服务响应超时"
    elif "Connection" in name:
        why = "无法连接大模型服务"
    elif getattr(exc, "status_code", None):
        why = f"大模型服务返回错误（HTTP {exc.status_code}）"
    else:
        why = f"大模型服务出错（{name}）"
    return f"{why}，以下为离线抽取式答案。"
