"""Field units: "label: value" lines of a passage (征集时间:2022年10月25日—10月31日,
[ 发布机构 ] | 高新区科技创新局, 邮 箱:496230550@qq.com). A question naming a field's label —
or asking for the kind of value a contact field holds (a phone, an e-mail) — is answered with
the field's value, quoted from its line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from qa.types import Answer, Citation
from qa.values import carries, measure_of

_PAIR = re.compile(r"^(?P<label>[^:：|\[\]【】]{2,10}?)\s*[:：]\s*(?P<value>\S.{0,80})$")
_NEXT_PAIR = re.compile(r"[；;]\s*(?=[^；;:：]{2,10}[:：])")
_BRACKET = re.compile(r"^[\[【]\s*(?P<label>[^\]】]{2,10}?)\s*[\]】]$")
# the labels that hold what a contact question asks for, whatever the label says
_LABELS_FOR = {
    "phone": re.compile(r"电话|联系方式|手机"),
    "email": re.compile(r"邮箱|邮件|e-?mail", re.IGNORECASE),
}


_DOC_NUMBER = re.compile(r"[〔\[（(]\s*\d{4}\s*[〕\]）)]\s*\d+\s*号")


def _holds_kind(asks: str, value: str, measure: str | None) -> bool:
    """Whether a field's value is the kind of value asked, in the measure asked (a phone
    number for 电话; any value for asks of no kind)."""
    if asks == "doc_number":
        return bool(_DOC_NUMBER.search(value))
    return carries(asks, value, measure)


@dataclass(frozen=True)
class Field:
    label: str
    value: str
    line: str  # the line holding it, as the chunk has it (the citation's quote)
    chunk: Any
    inline: bool = False  # a bracketed pair at a paragraph's end: it is that paragraph's


# "…营造激励创新的社会环境。（牵头单位：区市场监管局；责任单位：区级有关单位）": the fields a
# work plan gives each task, in brackets after it
_INLINE = re.compile(r"[（(](?P<pairs>[^（）()：:]{2,8}[：:][^（）()]+)[）)]")
_INLINE_PAIR = re.compile(r"^(?P<label>[^：:；;]{2,8})[：:](?P<value>[^；;]+)$")
# a label naming who does something: 牵头单位 answers 由谁牵头, 责任部门 answers 哪个部门负责
_WHO_LABEL = re.compile(r"^(?P<act>.+?)(?:单位|部门|机构|人)$")
# …and a label naming when: 发布日期 answers 哪天发布的, 截止时间 answers 什么时候截止
_WHEN_LABEL = re.compile(r"^(?P<act>.+?)(?:日期|时间)$")
_ACT_LABELS = {"person": _WHO_LABEL, "org": _WHO_LABEL, "date": _WHEN_LABEL}


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
        for m in _INLINE.finditer(line):
            if m.start() == 0 and m.end() == len(line):
                continue  # a bracketed line is a line's field, read below
            for pair in re.split(r"[；;]", m.group("pairs")):
                p = _INLINE_PAIR.match(pair.strip())
                if p:
                    label, value = _flat(p.group("label")), p.group("value").strip()
                    out.append(Field(label, value, line, chunk, inline=True))
        # "成文日期: 2021-07-26；发布日期: 2021-08-06": several pairs on one line
        for piece in _NEXT_PAIR.split(line.strip("()（）")):
            m = _PAIR.match(piece.strip())
            if m:
                value = re.split(r"[；;]", m.group("value"))[0].strip().rstrip("。")
                out.append(Field(_flat(m.group("label")), value, line, chunk))
    return out


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def field_answer(
    question: str, asks: str, hits: list[Any], title: Any, quoted: Sequence[str] = ()
) -> Answer | None:
    """The value of the field the question names (or, for a phone or e-mail question, the
    field holding one) among the top passages; None when no field fits. A field answers only
    when its value is the kind asked; a field labelled with a term the question quotes
    (`quoted`: “三审三校”:是指…) is that term's definition and answers only what describes."""
    flat_q = _flat(question)
    measure = measure_of(question)
    describes = asks in ("definition", "composition", "text")
    for hit in hits[:5]:
        found = [f for f in fields_of(hit.chunk) if _names(f, flat_q, asks)]
        # a task's own bracketed fields: those of the paragraph the question is about
        inline = [f for f in found if f.inline]
        if inline:
            best = max(inline, key=lambda f: _overlap(flat_q, f.line))
            found = [best] if _overlap(flat_q, best.line) >= 2 else []
        for f in found:
            if not _holds_kind(asks, f.value, measure):
                continue  # the field is named but does not hold the kind of value asked
            if not describes and f.label.strip('“”"') in quoted:
                continue  # “三审三校”：是指… defines the term: no 多少/何时/谁/文号 answer
            chunk = f.chunk
            # a label repeated in the passage is a list (联系人: A / 联系人: B): every value
            same = [f] if f.inline else [g for g in fields_of(chunk) if g.label == f.label]
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


def _names(f: Field, flat_q: str, asks: str) -> bool:
    """Whether the question asks for this field: it names the label, asks what a contact
    label holds, or asks who or when of the act a who- or when-label names (由谁牵头 ->
    牵头单位, 哪天发布的 -> 发布日期)."""
    if len(f.label) >= 2 and f.label in flat_q:
        return True
    if asks in _LABELS_FOR and _LABELS_FOR[asks].search(f.label):
        return True
    return names_act(f.label, flat_q, asks)


def names_act(label: str, flat_q: str, asks: str) -> bool:
    """Whether a who- or when-label's act (牵头 of 牵头单位, 发布 of 发布日期) is what the
    question asks who or when of."""
    pattern = _ACT_LABELS.get(asks)
    act = pattern.match(label) if pattern is not None else None
    return act is not None and len(act.group("act")) >= 2 and act.group("act") in flat_q


def _overlap(flat_q: str, line: str) -> int:
    """Two-character pieces of the question (Chinese only) that the line holds."""
    q = re.sub(r"[^\u4e00-\u9fff]", "", flat_q)
    return sum(1 for i in range(len(q) - 1) if q[i : i + 2] in line)
