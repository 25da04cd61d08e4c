"""Shared fixtures. The bundled corpus is embedded once per session; the embedding cache
lives in .planqa/test-cache (git-ignored) so that a re-run embeds nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.settings import BUNDLED_DATA_DIR, Settings

REPO = Path(__file__).resolve().parent.parent
TEST_CACHE = REPO / ".planqa" / "test-cache"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return BUNDLED_DATA_DIR


@pytest.fixture(scope="session")
def documents():
    """The bundled corpus read once per session (the corpus tests share it)."""
    import corpus

    return corpus.load()


@pytest.fixture(scope="session")
def chunks(documents):
    import corpus

    return corpus.chunk(documents)


@pytest.fixture(scope="session")
def session_settings(tmp_path_factory) -> Settings:
    index_dir = tmp_path_factory.mktemp("bundled") / "index"
    return Settings(index_dir=index_dir, cache_dir=TEST_CACHE)


@pytest.fixture(scope="session")
def bundled_index(session_settings):
    """The real index of the bundled corpus with the bundled e5 model, built once."""
    import index

    return index.open_or_build(session_settings)


@pytest.fixture(scope="session")
def bundled_milvus_index(tmp_path_factory):
    """The same index on the Milvus store (an embedded milvus-lite .db), from the same
    embedding cache: nothing is embedded again."""
    import index

    root = tmp_path_factory.mktemp("bundled-milvus")
    settings = Settings(
        index_dir=root / "index", cache_dir=TEST_CACHE, store=f"milvus:{root / 'planqa.db'}"
    )
    return index.open_or_build(settings, progress=False)


@pytest.fixture(params=("local", "milvus"))
def any_index(request):
    """The bundled index on each store in turn."""
    name = "bundled_index" if request.param == "local" else "bundled_milvus_index"
    return request.getfixturevalue(name)


@pytest.fixture(scope="module")
def app_url(session_settings, bundled_index) -> Iterator[str]:
    """The UI served in this process (127.0.0.1, a free port) on the session's index."""
    from app_support import serve

    demo, url = serve(session_settings, bundled_index)
    try:
        yield url
    finally:
        demo.close()
