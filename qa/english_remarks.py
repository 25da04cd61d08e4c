"""What an English "which places…" question says beside its topic: a place whose own documents
are set aside ("Apart from Mianyang's own report, which places mention Mianyang?") and a topic
the places must not mention ("Which places mention hydrogen but NOT energy storage?"); put into
a Chinese question that qa.set_aside and qa.topics read as they read a user's (除了绵阳自己的
报告，…; …但没提储能)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOCUMENTS = r"(?:government\s+)?(?:work\s+)?(?:documents?|reports?|plans?|files?|texts?)"
_ASIDE = re.compile(
    r"^(?:apart\s+from|aside\s+from|except(?:\s+for)?|other\s+than|besides|excluding"
    r"|not\s+counting|leaving\s+out)\s+(?P<place>[^,]+?)(?:'s|’s|s')?\s+own\s+"
    rf"{_DOCUMENTS}\s*,\s*",
    re.IGNORECASE,
)
_BUT_NOT = re.compile(
    r"\s*,?\s+(?:but|yet|and)\s+(?:do\s+not|does\s+not|don't|doesn't|did\s+not|not|never)\s+"
    r"(?:(?:mention|talk\s+about|discuss|refer\s+to|cover|write\s+about)(?:s|ed)?\s+)?",
    re.IGNORECASE,
)
# whose documents, said after which places: Which places' documents mention…
_WHOSE = re.compile(rf"^((?:which|what)\s+places?)(?:'|’)?s?\s+{_DOCUMENTS}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Remarks:
    question: str  # the question without them
    aside: str  # the place whose own documents are set aside, as asked; "" for none


def read_remarks(question: str) -> Remarks:
    """The question without the place it sets aside, and that place."""
    text = question.strip()
    m = _ASIDE.match(text)
    aside = m["place"].strip() if m else ""
    text = text[m.end() :] if m else text
    return Remarks(_WHOSE.sub(r"\1", text[:1].upper() + text[1:]), aside)


def but_not(topic: str) -> tuple[str, str]:
    """(the topic, the topic the places must not mention, "" for none)."""
    parts = _BUT_NOT.split(topic, maxsplit=1)
    return (parts[0].strip(), parts[1].strip()) if len(parts) == 2 else (topic, "")


def chinese_question(topic: str, aside: str = "", without: str = "") -> str:
    """The question in Chinese, from its parts in Chinese: 除了绵阳自己的报告，哪些地方提到了绵阳;
    哪些地方提到了氢能但没提储能; the topic alone when nothing else is said."""
    if not aside and not without:
        return topic
    lead = f"除了{aside}自己的报告，" if aside else ""
    tail = f"但没提{without}" if without else ""
    return f"{lead}哪些地方提到了{topic}{tail}"
