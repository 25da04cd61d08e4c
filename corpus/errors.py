"""One error type for user mistakes, with a code and one message catalogue; what a build
says about a file it skipped is coded in the same catalogue (FileNotice).

Every UserError names a code of `corpus/data/messages.json`, where the message stands in
English and in Chinese with the same {placeholders}. Both edges render the same entry: the
UI in Chinese, the CLI in both. A reworded message is one edit in the catalogue, and a code
that is not in it fails at once (tests/test_errors.py reads every raise site)."""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

Language = Literal["en", "zh"]
CATALOGUE_PATH = Path(__file__).resolve().parent / "data" / "messages.json"
_SEPARATOR = {"en": ", ", "zh": "、"}


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """{code: {"en": template, "zh": template}}."""
    entries = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    return {code: entry for code, entry in entries.items() if not code.startswith("_")}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class Term(NamedTuple):
    """A word a message inserts, in both languages (what was empty: a question, a topic)."""

    en: str
    zh: str


class Message:
    """A catalogue entry and the values of its placeholders, rendered in the language of the
    edge that shows it. `Message("skip_empty")` is why a file was skipped; a UserError is
    a Message that stops what was asked. A value that is a list is joined; a value that is
    itself a Message is rendered in the same language."""

    def __init__(self, code: str, /, **params: Any) -> None:
        if code not in catalogue():
            raise KeyError(f"message code {code!r} is not in {CATALOGUE_PATH.name}")
        self.code = code
        self.params = params

    def message(self, language: Language = "en") -> str:
        values = {name: _render(value, language) for name, value in self.params.items()}
        return catalogue()[self.code][language].format_map(values)

    def both(self) -> str:
        """The Chinese message, then the English one: the CLI's one line."""
        return f"{self.message('zh')} ({self.message('en')})"

    def __repr__(self) -> str:
        params = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"{type(self).__name__}({self.code!r}{params})"


class UserError(Message, Exception):
    """Bad input or usage: shown to the user as one line (exit code 2 on the CLI).

    `UserError("question_empty", what="question")`: the code, then the values of its
    placeholders. A value that is a list is joined; a value that is itself a UserError is
    rendered in the same language (a gold line's error inside the gold file's)."""

    def __init__(self, code: str, /, **params: Any) -> None:
        Message.__init__(self, code, **params)
        Exception.__init__(self, self.message("en"))

    __repr__ = Exception.__repr__


@dataclass(frozen=True)
class FileNotice:
    """What reading said about one file of a build, as data: the file's name (as the user
    named it, below the folder named) and a Message, `why`. A skipped file (empty, binary,
    damaged, of another type) is left out of the build; one read with repairs (a few invalid
    bytes) is kept. Each edge renders it in its language, as it renders a UserError."""

    name: str
    why: Message
    skipped: bool = True

    @property
    def code(self) -> str:
        return self.why.code

    def message(self, language: Language = "en") -> str:
        said = Message(
            "file_skipped" if self.skipped else "file_repaired", name=self.name, why=self.why
        )
        return said.message(language)

    def both(self) -> str:
        return f"{self.message('zh')} ({self.message('en')})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "code": self.code,
            "skipped": self.skipped,
            "message": self.message("en"),
            "message_zh": self.message("zh"),
        }


def _render(value: Any, language: Language) -> str:
    if isinstance(value, (Message, FileNotice)):
        return value.message(language)
    if isinstance(value, Term):
        return value.en if language == "en" else value.zh
    if isinstance(value, (list, tuple, set, frozenset)):
        return _SEPARATOR[language].join(_render(v, language) for v in value)
    return str(value)
