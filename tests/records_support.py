"""Small records for the UI's unit tests: a document and a citation of the 綦江 plan, any
field overridden by keyword."""

from __future__ import annotations

from corpus.model import Document
from qa.types import Citation

QUOTE = "到2025年，綦江区高新技术企业数预期达到200家。"


def document(doc_id: str = "d1", **kw) -> Document:
    fields = {
        "doc_id": doc_id,
        "title": "规划",
        "district": "綦江区",
        "issuer": "区政府",
        "doc_number": "綦江府发〔2022〕26号",
        "date": "2022-08-27",
        "date_raw": None,
        "doc_type": "plan",
        "source": f"{doc_id}.txt",
        "line_start": 1,
        "line_end": 50,
    }
    return Document(**{**fields, **kw})


def citation(n: int = 1, quote: str = QUOTE, **kw) -> Citation:
    fields = {
        "n": n,
        "chunk_id": f"c{n}",
        "doc_id": "000_a",
        "title": "重庆市綦江区科技创新发展“十四五”规划",
        "district": "綦江区",
        "section": ("第一章 总体要求", "第五节 发展目标"),
        "quote": quote,
        "source": "000_a.txt",
        "line_start": 120,
        "line_end": 135,
    }
    return Citation(**{**fields, **kw})
