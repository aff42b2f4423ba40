"""The one search interface: a request in, a page of ranked hits and facet counts out.

Pages, the API, exports and the `followup search` command all call `search` and `facets`.
The engine (FTS5 or PostgreSQL) only finds and ranks; visibility, filters, sorting, paging and
facets are the same SQL on both databases, over `search_document` and `search_tag`.
"""

import math
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import connection
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from followup.search import index
from followup.search.concepts import concept_table, tag_token
from followup.search.engines import get_engine
from followup.search.models import SearchDocument
from followup.search.query import All, Expression, ParsedQuery, Tag, parse
from followup.search.query import Any as AnyOf
from followup.search.snippets import highlight, snippet
from followup.search.sources import kind_labels

FACETS = ("kind", "country", "theme", "group", "actor", "year", "language")
SORTS = ("relevance", "date")
PER_PAGE = 20
MAX_PER_PAGE = 100
# Past any real result list, and small enough that the offset fits every database's integer.
MAX_PAGE = 1_000_000
EXPORT_BATCH = 500
FACET_SAMPLE = 10_000

_DOC = "search_searchdocument"
_TAG = "search_searchtag"


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    # facet → values: values of one facet are alternatives, facets combine.
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    # Keys of concepts ("theme:12") the reader removed from the widened query.
    excluded: frozenset[str] = frozenset()
    include_unpublished: bool = False


@dataclass(frozen=True)
class Hit:
    kind: str
    facet_kind: str
    kind_label: str
    object_id: int
    title: SafeString
    snippet: SafeString
    url: str | None
    date: str
    languages: tuple[str, ...]
    public: bool
    score: float


@dataclass(frozen=True)
class SearchResults:
    request: SearchRequest
    query: ParsedQuery
    hits: list[Hit]
    total: int
    # True when no document had all the words and these have any of them.
    any_words: bool
    expression: Expression | None

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.request.per_page))


def parse_request(request: SearchRequest) -> ParsedQuery:
    return parse(request.text, concept_table(), request.excluded)


def search(request: SearchRequest) -> SearchResults:
    index.flush()  # this thread's own writes are searchable at once
    page = min(max(1, request.page), MAX_PAGE)
    request = replace(request, page=page, per_page=_per_page(request.per_page))
    query = parse_request(request)
    if query.unsearchable:
        return SearchResults(request, query, [], 0, False, None)
    expression = _filtered(request, query.expression)
    ids, total = _page(request, query, expression)
    any_words = False
    if total == 0 and query.any_expression is not None:
        expression, any_words = _filtered(request, query.any_expression), True
        ids, total = _page(request, query, expression)
    hits = _hits(ids, query)
    return SearchResults(request, query, hits, total, any_words, expression)


def _per_page(per_page: int) -> int:
    return max(1, min(per_page, MAX_PER_PAGE))


def _filtered(request: SearchRequest, expression: Expression | None) -> Expression | None:
    """The query's expression with each facet filter as one more required part: values of a
    facet are alternatives. None only when there is neither a word nor a filter."""
    parts: list[Expression] = [] if expression is None else [expression]
    for facet in FACETS:
        values = request.filters.get(facet)
        if values:
            tags = tuple(dict.fromkeys(Tag(tag_token(facet, value)) for value in values))
            parts.append(tags[0] if len(tags) == 1 else AnyOf(tags))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else All(tuple(parts))


def _ordered(
    request: SearchRequest, query: ParsedQuery, expression: Expression | None
) -> tuple[str, list[Any]]:
    """SQL selecting `id, score` of every result, in the order the reader asked for."""
    public_only = not request.include_unpublished
    if expression is None:
        where = " WHERE public = %s" if public_only else ""
        params: list[Any] = [True] if public_only else []
        return f"SELECT id, 0 AS score FROM {_DOC}{where} ORDER BY date DESC, id DESC", params
    engine = get_engine()
    if request.sort == "date" or query.is_empty:
        sql, params = engine.match(expression, ranked=False, public_only=public_only)
        return (
            f"SELECT d.id, 0 AS score FROM ({sql}) m JOIN {_DOC} d ON d.id = m.id "
            "ORDER BY d.date DESC, d.id DESC",
            params,
        )
    # Relevance: the engine's own ranked query, nothing joined, so a page costs what the
    # engine's ranking costs.
    sql, params = engine.match(expression, ranked=True, public_only=public_only)
    return f"{sql} ORDER BY score DESC, id DESC", params


def _matching(request: SearchRequest, expression: Expression | None) -> tuple[str, list[Any]]:
    """SQL selecting `id` of every result, unranked and unordered (for counting)."""
    public_only = not request.include_unpublished
    if expression is None:
        where = " WHERE public = %s" if public_only else ""
        return f"SELECT id FROM {_DOC}{where}", [True] if public_only else []
    return get_engine().match(expression, ranked=False, public_only=public_only)


def _page(
    request: SearchRequest, query: ParsedQuery, expression: Expression | None
) -> tuple[list[tuple[int, float]], int]:
    ordered, params = _ordered(request, query, expression)
    offset = (request.page - 1) * request.per_page
    matching, matching_params = _matching(request, expression)
    with connection.cursor() as cursor:
        cursor.execute(f"{ordered} LIMIT %s OFFSET %s", [*params, request.per_page, offset])
        rows = cursor.fetchall()
        if offset == 0 and len(rows) < request.per_page:
            return [(row[0], float(row[1])) for row in rows], len(rows)
        # Counting without ranking is a fraction of the ranked query's cost.
        cursor.execute(f"SELECT COUNT(*) FROM ({matching}) c", matching_params)
        total = int(cursor.fetchone()[0])
    return [(row[0], float(row[1])) for row in rows], total


def _hits(ids: list[tuple[int, float]], query: ParsedQuery) -> list[Hit]:
    documents = SearchDocument.objects.in_bulk([pk for pk, _ in ids])
    labels = kind_labels()
    return [_hit(documents[pk], score, query, labels) for pk, score in ids if pk in documents]


def _hit(document: SearchDocument, score: float, query: ParsedQuery, labels: dict[str, str]) -> Hit:
    language = (get_language() or "en")[:2]
    titles: dict[str, str] = document.titles
    title_language = language if language in titles else next(iter(titles), language)
    sections = [(section[0], section[1]) for section in document.texts]
    # The reader's language first, so a bilingual record's snippet is in it when both match.
    sections.sort(key=lambda section: section[0] != language)
    return Hit(
        kind=document.kind,
        facet_kind=document.facet_kind,
        kind_label=labels.get(document.facet_kind, document.facet_kind),
        object_id=document.object_id,
        title=highlight(titles.get(title_language, ""), title_language, query.highlight),
        snippet=snippet(sections, query.highlight),
        url=document_url(document),
        date=document.date,
        languages=tuple(sorted({s[0] for s in sections} | set(titles))),
        public=document.public,
        score=score,
    )


def document_url(document: SearchDocument) -> str | None:
    if not document.route:
        return None
    name, args = document.route
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return None
    return f"{url}#{document.anchor}" if document.anchor else url


def facet_counts(results: SearchResults) -> dict[str, dict[str, int]]:
    """facet → value → number of documents over every page of `results`.

    Exact up to FACET_SAMPLE results. Beyond, the counts are those of the first FACET_SAMPLE
    results scaled to the total (see `facet_counts_estimated`): grouping the tags of a quarter
    of a million documents takes a second, an estimate a few milliseconds, and a reader
    narrowing 250,000 results needs proportions, not the last digit.
    """
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    query = results.query
    if query.unsearchable:
        return counts
    # From the request, not `results.expression`: a caller may count under other filters.
    words = query.any_expression if results.any_words else query.expression
    expression = _filtered(results.request, words)
    matching, params = _matching(results.request, expression)
    sql = (
        f"SELECT t.facet, t.value, COUNT(*) FROM {_TAG} t "
        f"WHERE t.document_id IN (SELECT id FROM ({matching}) m LIMIT %s) "
        "GROUP BY t.facet, t.value"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, FACET_SAMPLE])
        for facet, value, count in cursor.fetchall():
            counts.setdefault(facet, {})[value] = int(count)
        sampled = sum(counts["kind"].values())  # every document has one kind
        if sampled < FACET_SAMPLE:
            return counts
        if expression == results.expression:
            total = results.total  # counted with the page already
        else:
            cursor.execute(f"SELECT COUNT(*) FROM ({matching}) c", params)
            total = int(cursor.fetchone()[0])
    scale = total / sampled
    return {
        facet: {value: max(1, round(count * scale)) for value, count in values.items()}
        for facet, values in counts.items()
    }


def facet_counts_estimated(results: SearchResults) -> bool:
    return results.total > FACET_SAMPLE


def iter_hits(request: SearchRequest) -> Iterator[Hit]:
    """Every hit of a request in order, for exports with no row limit: the ranked ids come
    from one streamed query, the documents in batches."""
    index.flush()
    query = parse_request(request)
    if query.unsearchable:
        return
    expression = _filtered(request, query.expression)
    if query.any_expression is not None:
        matching, params = _matching(request, expression)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM ({matching}) m LIMIT 1", params)
            if cursor.fetchone() is None:
                expression = _filtered(request, query.any_expression)
    ordered, params = _ordered(request, query, expression)
    labels = kind_labels()
    with connection.chunked_cursor() as cursor:
        cursor.execute(ordered, params)
        while rows := cursor.fetchmany(EXPORT_BATCH):
            documents = SearchDocument.objects.in_bulk([row[0] for row in rows])
            for pk, score in rows:
                if pk in documents:
                    yield _hit(documents[pk], float(score), query, labels)
