"""Scoring text units (sentences, table rows) against a question with the index's own
embedder and its BM25 tokenizer, so that the qa stage judges passages the way retrieval does.

`Searchable` is the seam: the part of `index.Index` qa uses. Tests pass a tiny fake that has
the same methods; everything else passes the real index.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from corpus.model import Chunk, Document
from index.types import Filters, Hit


class Searchable(Protocol):
    documents: Sequence[Document]
    chunks: Sequence[Chunk]

    def search(
        self, query: str, k: int = 10, filters: Filters | None = None, mode: str = "hybrid"
    ) -> list[Hit]: ...

    def districts(self) -> list[str]: ...

    def chunks_for(self, district: str | None = None, doc_id: str | None = None) -> list[Chunk]: ...

    def embed_query(self, text: str) -> np.ndarray: ...

    def embed_texts(self, texts: list[str]) -> np.ndarray: ...


def tokens(text: str) -> set[str]:
    """Content tokens of `text` (the BM25 tokenizer: jieba search mode, stop words removed)."""
    from index.tokenize import tokenize

    return set(tokenize(text))


# Words every question about these plans carries; they say nothing about which passage
# answers it ("綦江区的规划中…是多少").
_QUESTION_NOISE = frozenset(
    [
        "规划",
        "十四五",
        "多少",
        "什么",
        "哪些",
        "哪个",
        "如何",
        "怎么",
        "怎样",
        "是否",
        "提出",
        "提到",
        "要求",
        "主要",
        "目标",
        "内容",
        "方面",
        "有关",
        "关于",
        "相关",
        "预期",
        "达到",
        "计划",
        "情况",
        "一下",
        "介绍",
        "说明",
        "问题",
        "文件",
        "重庆",
        "重庆市",
        "到底",
        "具体",
        "哪里",
        "安排",
        "措施",
        "举措",
        "做法",
        "打算",
        "准备",
        "规定",
        "条件",
        "有没有",
        "怎么样",
        "什么样",
        # interrogatives: they ask for the kind of answer, the passage never holds them
        "时候",
        "什么时候",
        "何时",
        "哪天",
        "几天",
        "哪几天",
        "第几",
        "几期",
        "多少钱",
        "多大",
        "多久",
        "多长",
        "能不能",
        "可不可以",
        "是不是",
        "哪儿",
        "哪两类",
        "哪几类",
    ]
)


def question_tokens(question: str) -> set[str]:
    # a year stands apart: jieba would read 2024年省企业 as 年省 and 企业
    question = re.sub(r"(\d{4}\s*年)", r"\1 ", question)
    return {t for t in tokens(question) if t not in _QUESTION_NOISE}


def lexical_overlap(q_tokens: set[str], text: str) -> float:
    """Share of the question's content tokens that occur in `text` (0..1)."""
    if not q_tokens:
        return 0.0
    from index.normalize import normalize_text

    norm = normalize_text(text).lower()
    return sum(1 for t in q_tokens if t in norm) / len(q_tokens)


def _unit_rows(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    if m.ndim == 1:
        m = m[None, :]
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


def cosine_to_query(index: Searchable, query: str, texts: list[str]) -> np.ndarray:
    """Cosine similarity of each text (passage role) to the query (query role)."""
    if not texts:
        return np.zeros(0, dtype=np.float32)
    q = _unit_rows(index.embed_query(query))[0]
    p = _unit_rows(index.embed_texts(list(texts)))
    return p @ q
