"""What an engine does: store analysed text per document, and find and rank documents.

Filters are part of the expression (every facet value is also an index token), and
visibility is the engine's too, so the engine's own query finds, filters and ranks in one
pass; paging, facet counts and fetching the hits are plain SQL shared by both engines.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from followup.search.query import Expression


@dataclass(frozen=True)
class EngineRow:
    """A document's analysed text: terms separated by spaces (see `analysis.terms_text`)."""

    document_id: int
    title: str
    body: str
    tags: str


class Engine(Protocol):
    vendor: str

    def create(self, schema_editor: BaseDatabaseSchemaEditor) -> None: ...

    def drop(self, schema_editor: BaseDatabaseSchemaEditor) -> None: ...

    def write(self, connection: BaseDatabaseWrapper, rows: Sequence[EngineRow]) -> None: ...

    def delete(self, connection: BaseDatabaseWrapper, ids: Sequence[int]) -> None: ...

    def clear(self, connection: BaseDatabaseWrapper) -> None: ...

    def match(
        self, expression: Expression, *, ranked: bool, public_only: bool
    ) -> tuple[str, list[Any]]:
        """SQL selecting `id` (and `score` when ranked, higher is better) of the matching
        documents, only those the public may find when `public_only`."""
        ...

    def raw_top(self, expression: Expression, limit: int) -> tuple[str, list[Any]]:
        """The engine's own ranked query, with nothing of ours around it (for benchmarks)."""
        ...
