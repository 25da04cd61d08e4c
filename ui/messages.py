"""A user mistake as one readable Chinese line for the page: the Chinese entry of the error
catalogue (corpus/data/messages.json) for the UserError's code."""

from __future__ import annotations

from corpus.errors import UserError


def user_message(exc: BaseException, replace: tuple[str, str] | None = None) -> str:
    """The Chinese one-line message for a user mistake, with `replace` applied (a temporary
    path → the file's name); anything that is not a UserError behind a Chinese lead-in."""
    text = exc.message("zh") if isinstance(exc, UserError) else f"无法完成：{exc}"
    return text.replace(*replace) if replace else text
