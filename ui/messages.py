"""A user mistake (a UserError's text) as one readable Chinese line for the page."""

import re
from collections.abc import Callable

# qa raises UserError in English (the CLI's language); the UI speaks Chinese. Known messages
# are translated, anything else is shown as it is behind a Chinese lead-in.
_MESSAGE_TRANSLATIONS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"^the (question|topic) is empty$"), lambda m: f"请输入{_what(m)}。"),
    (
        re.compile(r"^the (question|topic) is (\d+) characters long; the limit is (\d+)$"),
        lambda m: f"{_what(m)}太长（{m[2]} 字），请控制在 {m[3]} 字以内。",
    ),
    (
        re.compile(r"^the (question|topic) contains control characters \((.*)\)$"),
        lambda m: f"{_what(m)}中含有不可见的控制字符（{m[2]}），请删除后重试。",
    ),
    (
        re.compile(r"^the (question|topic) has no words in it.*$"),
        lambda m: f"{_what(m)}只有标点或符号，请输入文字。",
    ),
    # index faults (index.store): the index on disk is never replaced without a word
    (
        re.compile(r"^index at .+ is damaged \((.+)\); rebuild it with `(.+)`$"),
        lambda m: f"索引已损坏（{m[1]}），不会自动覆盖；请运行 `{m[2]}` 重建。",
    ),
    (
        re.compile(r"^another build into .+ is running \((.+)\);.*$"),
        lambda m: f"另一个构建正在写入这个索引（{m[1]}），请等它完成后再试。",
    ),
    (
        re.compile(
            r"^could not write the index to .+: (.+); (the previous index is unchanged|.+)$"
        ),
        lambda m: f"索引写入失败（{m[1]}）；原有索引保持不变。",
    ),
    # eval.load_gold: "FILE:LINE: what is wrong"
    (
        re.compile(r"^(\S+?):(\d+): (.+)$"),
        lambda m: f"金标准文件 {m[1]} 第 {m[2]} 行有误：{m[3]}",
    ),
)


def _what(m: re.Match[str]) -> str:
    return "问题" if m[1] == "question" else "主题"


def user_message(exc: BaseException | str) -> str:
    """A readable one-line Chinese message for a user mistake (a UserError's text)."""
    text = str(exc).strip()
    for pattern, render in _MESSAGE_TRANSLATIONS:
        m = pattern.match(text)
        if m:
            return render(m)
    return f"无法完成：{text}"
