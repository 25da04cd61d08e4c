"""Stage 3: answers with citations, the district finder, and the CLI.

`qa.answer` and `qa.districts` are the functions (not the submodules of the same names):
they are bound here, after their submodules are loaded, so the names stay functions."""

from qa.answer import answer, answer_stream, resolve_follow_up
from qa.compare_places import compare
from qa.districts import districts

__all__ = ["answer", "answer_stream", "compare", "districts", "resolve_follow_up"]
