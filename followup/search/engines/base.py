"""What an engine does: store analysed text per document, and find and rank documents.

Everything else (filters, facets, visibility, pages) is plain SQL over `search_document` and
`search_tag`, shared by both engines; an engine only supplies the `match` subquery, which
selects `id` and `score` (higher is better) of the documents matching an expression.
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

    def match(self, expression: Expression, *, ranked: bool) -> tuple[str, list[Any]]:
        """SQL selecting `id` (and `score` when ranked) of the matching documents."""
        ...

    def raw_top(self, expression: Expression, limit: int) -> tuple[str, list[Any]]:
        """The engine's own ranked query, with nothing of ours around it (for benchmarks)."""
        ...
