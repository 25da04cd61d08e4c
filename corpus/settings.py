"""The one settings object: read from PLANQA_* environment variables at the edge (CLI, app)
and passed down. Core code never reads os.environ."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from corpus.errors import UserError

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
    port: int = Field(7860, ge=1, le=65535)
    # a JSON file of indicator name groups ({"same": [[…]], "different": [[a, b]]}) read after
    # qa/data/indicator_names.json, by `planqa indicators`, `ask` and the 指标对比 tab
    indicator_groups: Path | None = None
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout: float = Field(60.0, gt=0)
    # index tuning (None = the index stage's measured defaults; see benchmarks/results/index*.md)
    hnsw_threshold: int | None = Field(
        None, ge=1
    )  # chunks above which the dense index is HNSW, not exact
    hnsw_m: int | None = Field(None, ge=1)
    hnsw_ef_construction: int | None = Field(None, ge=1)
    hnsw_ef_search: int | None = Field(None, ge=1)
    rrf_k: int | None = Field(None, ge=1)
    dense_weight: float | None = Field(None, ge=0)
    bm25_weight: float | None = Field(None, ge=0)


def load_settings(**overrides) -> Settings:
    """Settings from the environment and `overrides`; a bad value is a UserError naming the
    variable, e.g. "bad setting PLANQA_RRF_K='-10': Input should be greater than or equal to
    1" (the edges call this, so that no bad number reaches a division).

    Both edges (the CLI and the UI) start here with their flags as overrides; an override that
    is None or empty (a flag not given) leaves the environment's value."""
    overrides = {k: v for k, v in overrides.items() if v is not None and v != ""}
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        error = exc.errors()[0]
        name = "PLANQA_" + "_".join(str(x) for x in error.get("loc", ())).upper()
        # a secret is never echoed, even when it is the bad value
        value = (
            "'***'" if re.search(r"KEY|TOKEN|SECRET|PASSWORD", name) else repr(error.get("input"))
        )
        raise UserError("bad_setting", name=name, value=value, why=error.get("msg")) from None
