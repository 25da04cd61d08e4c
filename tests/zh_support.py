"""Checking the Chinese message of a UserError (its English text is str(exc))."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from corpus.errors import UserError


@contextmanager
def raises_zh(pattern: str) -> Iterator[pytest.ExceptionInfo[UserError]]:
    """Like pytest.raises(UserError, match=…), matched against the Chinese message."""
    with pytest.raises(UserError) as raised:
        yield raised
    message = raised.value.message("zh")
    assert re.search(pattern, message), message
