"""Shared fixtures. The bundled corpus is embedded once per session; the embedding cache
lives in .planqa/test-cache (git-ignored) so that a re-run embeds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.settings import BUNDLED_DATA_DIR, Settings

REPO = Path(__file__).resolve().parent.parent
TEST_CACHE = REPO / ".planqa" / "test-cache"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return BUNDLED_DATA_DIR


@pytest.fixture(scope="session")
def session_settings(tmp_path_factory) -> Settings:
    index_dir = tmp_path_factory.mktemp("bundled") / "index"
    return Settings(index_dir=index_dir, cache_dir=TEST_CACHE)


@pytest.fixture(scope="session")
def bundled_index(session_settings):
    """The real index of the bundled corpus with the bundled e5 model, built once."""
    import index

    return index.open_or_build(session_settings)
