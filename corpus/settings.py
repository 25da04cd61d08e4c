"""The one settings object: read from PLANQA_* environment variables at the edge (CLI, app)
and passed down. Core code never reads os.environ."""

from __future__ import annotations

from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

BUNDLED_DATA_DIR = Path(__file__).resolve().parent / "data"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLANQA_", frozen=True, extra="ignore")

    data_dir: Path = BUNDLED_DATA_DIR
    index_dir: Path = Path(".planqa/index")
    # embedding cache, keyed by embedder id + text hash; shared by every index built here
    cache_dir: Path = Path(".planqa/cache")
    embedder: str = "e5-bundled"  # or "st:NAME_OR_PATH"
    # where vectors and BM25 live: "local" (FAISS + bm25s in the index dir),
    # "milvus:./planqa.db" (milvus-lite, embedded) or "milvus:http://HOST:19530" (a server)
    store: str = "local"
    milvus_token: SecretStr | None = None  # "user:password" or an API key; never printed
    # documents uploaded through the UI's 文档 tab are stored here and nowhere else
    upload_dir: Path = Path(".planqa/uploads")
    host: str = "127.0.0.1"
    port: int = 7860
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout: float = 60.0
    # index tuning (None = the index stage's measured defaults; see benchmarks/results/index*.md)
    hnsw_threshold: int | None = None  # chunks above which the dense index is HNSW, not exact
    hnsw_m: int | None = None
    hnsw_ef_construction: int | None = None
    hnsw_ef_search: int | None = None
    rrf_k: int | None = None
    dense_weight: float | None = None
    bm25_weight: float | None = None
