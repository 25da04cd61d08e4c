"""Field units: "label: value" lines of a passage (征集时间:2022年10月25日—10月31日,
[ 发布机构 ] | 高新区科技创新局, 邮 箱:496230550@qq.com). A question naming a field's label —
or asking for the kind of value a contact field holds (a phone, an e-mail) — is answered with
the field's value, quoted from its line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from qa.types import Answer, Citation

_PAIR = re.compile(r"^(?P<label>[^:：|\[\]【】]{2,10}?)\s*[:：]\s*(?P<value>\S.{0,80})$")
_NEXT_PAIR = re.compile(r"[；;]\s*(?=[^；;:：]{2,10}[:：])")
_BRACKET = re.compile(r"^[\[【]\s*(?P<label>[^\]】]{2,10}?)\s*[\]】]$")
# the labels that hold what a contact question asks for, whatever the label says
_LABELS_FOR = {
    "phone": re.compile(r"电话|联系方式|手机"),
    "email": re.compile(r"邮箱|邮件|e-?mail", re.IGNORECASE),
}
_VALUE_FOR = {
    "phone": re.compile(r"0\d{2,3}[-－—]?\d{7,8}|(?<!\d)\d{8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)"),
    "email": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
}


@dataclass(frozen=True)
class Field:
    label: str
    value: str
    line: str  # the line holding it, as the chunk has it (the citation's quote)
    chunk: Any


def fields_of(chunk: Any) -> list[Field]:
    """The label-value pairs of a chunk's lines."""
    out: list[Field] = []
    for line in chunk.text.splitlines():
        line = line.strip()
        if "|" in line:
            cells = [c.strip() for c in line.strip("|").split("|")]
            for i, cell in enumerate(cells[:-1]):
                m = _BRACKET.match(cell)
                if m and cells[i + 1] and not _BRACKET.match(cells[i + 1]):
                    out.append(Field(_flat(m.group("label")), cells[i + 1], line, chunk))
            continue
        # "成文日期: 2021-07-26；发布日期: 2021-08-06": several pairs on one line
        for piece in _NEXT_PAIR.split(line.strip("()（）")):
            m = _PAIR.match(piece.strip())
            if m:
                value = re.split(r"[；;]", m.group("value"))[0].strip().rstrip("。")
                out.append(Field(_flat(m.group("label")), value, line, chunk))
    return out


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def field_answer(question: str, asks: str, hits: list[Any], title: Any) -> Answer | None:
    """The value of the field the question names (or, for a phone or e-mail question, the
    field holding one) among the top passages; None when no field fits."""
    flat_q = _flat(question)
    for hit in hits[:5]:
        for f in fields_of(hit.chunk):
            named = len(f.label) >= 2 and f.label in flat_q
            by_kind = asks in _LABELS_FOR and bool(_LABELS_FOR[asks].search(f.label))
            if not (named or by_kind):
                continue
            if asks in _VALUE_FOR and not _VALUE_FOR[asks].search(f.value):
                continue  # the field is named but does not hold the kind of value asked
            chunk = f.chunk
            # a label repeated in the passage is a list (联系人: A / 联系人: B): every value
            same = [g for g in fields_of(chunk) if g.label == f.label]
            values = "；".join(dict.fromkeys(g.value for g in same))
            quote = "\n".join(dict.fromkeys(g.line for g in same))
            text = f"据《{title(chunk)}》，{f.label}：{values}[1]。"
            citation = Citation.from_chunk(1, chunk, quote)
            return Answer(
                question,
                text,
                False,
                "extractive",
                (citation,),
                tuple(hits),
                extra={"field": f.label},
            )
    return None
