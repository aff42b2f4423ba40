"""Keeping the index in step with the domain apps.

Saves and deletes of a source's models mark records dirty (see `signals.py`); the marked records
are re-read and re-indexed when the transaction commits, so a report published with its entries'
countries replaced in the same transaction is indexed once, as committed. A searching thread
first indexes what it marked itself, so it reads its own writes. Re-indexing always reads the
database's current state, which makes it safe to repeat: `rebuild` is the cure for an index
that missed something (a crash between commit and indexing).
"""

import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.db import connection, transaction

from followup.search.analysis import terms_text
from followup.search.concepts import HIDDEN_TOKEN, tag_token
from followup.search.engines import EngineRow, get_engine
from followup.search.models import SearchDocument, SearchTag
from followup.search.sources import Document, Source, all_sources, get_source

BATCH = 500

_pending = threading.local()


def _dirty() -> dict[str, set[int]]:
    if not hasattr(_pending, "kinds"):
        _pending.kinds = defaultdict(set)
    kinds: dict[str, set[int]] = _pending.kinds
    return kinds


def mark_dirty(kind: str, pks: Iterable[int]) -> None:
    ids = {pk for pk in pks if pk is not None}
    if not ids:
        return
    _dirty()[kind].update(ids)
    # One callback per change: a rolled-back transaction drops its callbacks, and a flag saying
    # "already scheduled" would then keep this thread from ever indexing again.
    transaction.on_commit(flush)


def flush() -> None:
    """Index every record marked dirty in this thread."""
    pending = _dirty()
    while pending:
        kind, pks = pending.popitem()
        refresh(get_source(kind), sorted(pks))


def refresh(source: Source, pks: Sequence[int]) -> None:
    """Re-index these records of `source` from the database; those gone leave the index."""
    for start in range(0, len(pks), BATCH):
        chunk = pks[start : start + BATCH]
        documents: list[tuple[int, Document]] = []
        for obj in source.queryset().filter(pk__in=chunk):
            document = source.document(obj)
            if document is not None:
                documents.append((obj.pk, document))
        with transaction.atomic():
            _remove(source.kind, chunk)
            write(source.kind, documents)


def rebuild() -> dict[str, int]:
    """Empty the index and fill it again from every source; returns documents per kind."""
    counts: dict[str, int] = {}
    with transaction.atomic():
        SearchTag.objects.all().delete()
        SearchDocument.objects.all().delete()
        get_engine().clear(connection)
        for source in all_sources():
            counts[source.kind] = 0
            for batch in _batches(source):
                write(source.kind, batch)
                counts[source.kind] += len(batch)
    _dirty().clear()
    return counts


def _batches(source: Source) -> Iterator[list[tuple[int, Document]]]:
    batch: list[tuple[int, Document]] = []
    for obj in source.queryset().iterator(chunk_size=BATCH):
        document = source.document(obj)
        if document is not None:
            batch.append((obj.pk, document))
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _remove(kind: str, object_ids: Sequence[int]) -> None:
    ids = list(
        SearchDocument.objects.filter(kind=kind, object_id__in=object_ids).values_list(
            "id", flat=True
        )
    )
    if ids:
        get_engine().delete(connection, ids)
        SearchTag.objects.filter(document_id__in=ids).delete()
        SearchDocument.objects.filter(id__in=ids).delete()


def write(kind: str, documents: Sequence[tuple[int, Document]]) -> None:
    """Add documents (none of them already indexed) with their tags and analysed text."""
    if not documents:
        return
    rows = SearchDocument.objects.bulk_create(
        [_row(kind, object_id, document) for object_id, document in documents]
    )
    tags: list[SearchTag] = []
    engine_rows: list[EngineRow] = []
    for row, (_, document) in zip(rows, documents, strict=True):
        pairs = facet_values(kind, document)
        tags += [SearchTag(document_id=row.pk, facet=f, value=v) for f, v in pairs]
        engine_rows.append(_engine_row(row.pk, document, pairs))
    SearchTag.objects.bulk_create(tags)
    get_engine().write(connection, engine_rows)


def _row(kind: str, object_id: int, document: Document) -> SearchDocument:
    route: list[Any] | None = None
    if document.route is not None:
        route = [document.route[0], list(document.route[1])]
    return SearchDocument(
        kind=kind,
        object_id=object_id,
        public=document.public,
        date=document.date,
        facet_kind=document.facet_kind or kind,
        route=route,
        anchor=document.anchor,
        titles=document.titles,
        texts=[list(section) for section in document.texts],
    )


def facet_values(kind: str, document: Document) -> list[tuple[str, str]]:
    pairs = [("kind", document.facet_kind or kind)]
    pairs += [("language", language) for language in document.languages]
    if document.date:
        pairs.append(("year", document.date[:4]))
    pairs += [("country", code) for code in sorted(set(document.countries))]
    pairs += [("theme", str(pk)) for pk in sorted(set(document.themes))]
    pairs += [("group", str(pk)) for pk in sorted(set(document.groups))]
    pairs += [("actor", str(pk)) for pk in sorted(set(document.actors))]
    return pairs


def _engine_row(document_id: int, document: Document, pairs: list[tuple[str, str]]) -> EngineRow:
    title = " ".join(terms_text(text, language) for language, text in document.titles.items())
    body = " ".join(terms_text(text, language) for language, text in document.texts)
    # Every facet value is also a token, so filters run inside the engine's own query.
    tokens = [tag_token(facet, value) for facet, value in pairs]
    if not document.public:
        tokens.append(HIDDEN_TOKEN)
    return EngineRow(document_id, title, body, " ".join(tokens))
