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
from followup.search.concepts import concept_table
from followup.search.engines import get_engine
from followup.search.models import SearchDocument
from followup.search.query import Expression, ParsedQuery, parse
from followup.search.snippets import highlight, snippet
from followup.search.sources import kind_labels

FACETS = ("kind", "country", "theme", "group", "actor", "year", "language")
SORTS = ("relevance", "date")
PER_PAGE = 20
MAX_PER_PAGE = 100
# Past any real result list, and small enough that the offset fits every database's integer.
MAX_PAGE = 1_000_000
EXPORT_BATCH = 500

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
    expression = query.expression
    ids, total = _page(request, expression)
    any_words = False
    if total == 0 and query.any_expression is not None:
        expression, any_words = query.any_expression, True
        ids, total = _page(request, expression)
    hits = _hits(ids, query)
    return SearchResults(request, query, hits, total, any_words, expression)


def _per_page(per_page: int) -> int:
    return max(1, min(per_page, MAX_PER_PAGE))


def _conditions(request: SearchRequest) -> tuple[list[str], list[Any]]:
    conditions: list[str] = []
    params: list[Any] = []
    if not request.include_unpublished:
        conditions.append("d.public = %s")
        params.append(True)
    for facet in FACETS:
        values = request.filters.get(facet)
        if values:
            marks = ", ".join(["%s"] * len(values))
            conditions.append(
                f"d.id IN (SELECT document_id FROM {_TAG} WHERE facet = %s AND value IN ({marks}))"
            )
            params += [facet, *values]
    return conditions, params


def _matching(
    request: SearchRequest, expression: Expression | None, *, ranked: bool
) -> tuple[str, list[Any]]:
    """SQL selecting `id` (and `date`, `score` when ranked) of the visible, filtered documents
    that match `expression`; every document when it is None."""
    conditions, params = _conditions(request)
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    if expression is None:
        columns = "d.id, d.date, 0 AS score" if ranked else "d.id"
        return f"SELECT {columns} FROM {_DOC} d{where}", params
    match_sql, match_params = get_engine().match(expression, ranked=ranked)
    columns = "d.id, d.date, m.score" if ranked else "d.id"
    sql = f"SELECT {columns} FROM ({match_sql}) m JOIN {_DOC} d ON d.id = m.id{where}"
    return sql, match_params + params


def _ordered(request: SearchRequest, expression: Expression | None) -> tuple[str, str, list[Any]]:
    """(ranked SQL, its ORDER BY, parameters)."""
    inner, params = _matching(request, expression, ranked=True)
    if request.sort == "date" or expression is None:
        order = "r.date DESC, r.score DESC, r.id DESC"
    else:
        order = "r.score DESC, r.date DESC, r.id DESC"
    return inner, order, params


def _page(
    request: SearchRequest, expression: Expression | None
) -> tuple[list[tuple[int, float]], int]:
    inner, order, params = _ordered(request, expression)
    offset = (request.page - 1) * request.per_page
    # The total comes with the page, counted while the engine ranks: one pass, not two.
    sql = (
        f"SELECT r.id, r.score, COUNT(*) OVER () FROM ({inner}) r "
        f"ORDER BY {order} LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, request.per_page, offset])
        rows = cursor.fetchall()
        if rows:
            return [(row[0], float(row[1])) for row in rows], int(rows[0][2])
        if offset == 0:
            return [], 0
        cursor.execute(f"SELECT COUNT(*) FROM ({inner}) r", params)
        return [], int(cursor.fetchone()[0])


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
    """facet → value → number of documents over every page of `results`."""
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    if results.query.unsearchable:
        return counts
    inner, params = _matching(results.request, results.expression, ranked=False)
    sql = (
        f"SELECT t.facet, t.value, COUNT(*) FROM {_TAG} t "
        f"WHERE t.document_id IN ({inner}) GROUP BY t.facet, t.value"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, count in cursor.fetchall():
            counts.setdefault(facet, {})[value] = int(count)
    return counts


def iter_hits(request: SearchRequest) -> Iterator[Hit]:
    """Every hit of a request in order, for exports with no row limit: the ranked ids come
    from one streamed query, the documents in batches."""
    index.flush()
    query = parse_request(request)
    if query.unsearchable:
        return
    expression = query.expression
    if (
        query.any_expression is not None
        and _page(replace(request, page=1, per_page=1), expression)[1] == 0
    ):
        expression = query.any_expression
    inner, order, params = _ordered(request, expression)
    labels = kind_labels()
    with connection.chunked_cursor() as cursor:
        cursor.execute(f"SELECT r.id, r.score FROM ({inner}) r ORDER BY {order}", params)
        while rows := cursor.fetchmany(EXPORT_BATCH):
            documents = SearchDocument.objects.in_bulk([row[0] for row in rows])
            for pk, score in rows:
                if pk in documents:
                    yield _hit(documents[pk], float(score), query, labels)
