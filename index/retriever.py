"""A LangChain `BaseRetriever` over an `Index`, so that any LangChain chain can use it. It only
delegates to `Index.search`."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from index.types import Filters, Hit


def hit_to_document(hit: Hit) -> LCDocument:
    """The hit as a LangChain Document: the passage as content, the CLI's result fields
    (`Hit.to_dict`) as metadata."""
    metadata = hit.to_dict()
    return LCDocument(id=hit.chunk.chunk_id, page_content=metadata.pop("text"), metadata=metadata)


class PlanRetriever(BaseRetriever):
    """Ranked passages from a planqa index. `k`, `filters` and `mode` can also be passed to
    `invoke(query, k=3, filters=Filters(districts=("綦江区",)))`."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: Any  # index.core.Index (Any: pydantic need not know the class)
    k: int = 4
    filters: Filters | None = None
    mode: str = "hybrid"

    def _get_relevant_documents(
        self,
        query: str,
        *,
        run_manager: CallbackManagerForRetrieverRun,
        k: int | None = None,
        filters: Filters | None = None,
        mode: str | None = None,
    ) -> list[LCDocument]:
        hits = self.index.search(
            query,
            k=self.k if k is None else k,
            filters=self.filters if filters is None else filters,
            mode=self.mode if mode is None else mode,
        )
        return [hit_to_document(h) for h in hits]
