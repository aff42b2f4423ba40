"""The search page: one box over mandates, activities, report entries, recommendations,
meetings and resources, with facets to narrow the results.

The query string is parsed by `SearchForm` (which never refuses anything), the search runs
through `queries` with what `permissions` lets the visitor find, and every link of the page
(facets, chips, sorting, pages, downloads) asks for the same search with one thing changed.
The page reads a fixed number of queries whatever the number of hits.
"""

from dataclasses import dataclass, replace

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from followup.i18n import current_content_language
from followup.search import permissions, queries
from followup.search.facets import FACET_LABELS, Facet, facets, link_request, value_counts
from followup.search.forms import SearchForm, query_pairs, query_string
from followup.search.queries import SearchRequest, SearchResults

# Page numbers shown on each side of the current one.
PAGE_RADIUS = 2


@dataclass(frozen=True)
class Chip:
    """Something the search does that the reader can undo (or, for a removed concept, redo)."""

    label: str
    facet: str
    url: str


def search_request_for(request: HttpRequest) -> SearchRequest:
    """The search asked for by the query string, over what the visitor may find."""
    form = SearchForm(request.GET)
    return form.search_request(include_unpublished=permissions.can_find_unpublished(request.user))


def search(request: HttpRequest) -> HttpResponse:
    results = queries.search(search_request_for(request))
    all_facets = facets(results, value_counts(results))
    base = link_request(results)
    return render(
        request,
        "search/search.html",
        {
            "results": results,
            "query": results.query,
            "browsing": results.query.is_empty,
            "facets": [facet for facet in all_facets if facet.values],
            "facets_estimated": queries.facet_counts_estimated(results),
            "filter_chips": filter_chips(all_facets),
            "concept_chips": concept_chips(results),
            "removed_chips": removed_chips(results),
            "sorts": sort_links(base),
            "pages": page_links(results),
            "previous_url": _page_url(base, results.request.page - 1),
            "next_url": _page_url(base, results.request.page + 1),
            "last_url": query_string(query_pairs(base, page=results.pages)),
            "export_query": query_string(query_pairs(base)),
            # What a new query keeps: the filters and the order, not the removed concepts.
            "kept_pairs": query_pairs(replace(base, text="", excluded=frozenset())),
            "unfiltered_url": query_string(query_pairs(replace(base, filters={}))),
            "first_number": (results.request.page - 1) * results.request.per_page + 1,
        },
    )


def filter_chips(all_facets: list[Facet]) -> list[Chip]:
    return [
        Chip(value.label, facet.label, value.url)
        for facet in all_facets
        for value in facet.selected
    ]


def concept_chips(results: SearchResults) -> list[Chip]:
    """The concepts the query was widened to; each chip's link searches without it."""
    base = link_request(results)
    language = current_content_language()
    return [
        Chip(
            concept.label(language),
            str(FACET_LABELS[concept.facet]),
            query_string(query_pairs(replace(base, excluded=base.excluded | {concept.key}))),
        )
        for concept in results.query.concepts
    ]


def removed_chips(results: SearchResults) -> list[Chip]:
    """Concepts the reader removed that this query would otherwise widen to; each chip's link
    brings it back. Removed keys the query does not name are not shown."""
    base = link_request(results)
    if not base.excluded:
        return []
    language = current_content_language()
    widened = queries.parse_request(replace(base, excluded=frozenset())).concepts
    return [
        Chip(
            concept.label(language),
            str(FACET_LABELS[concept.facet]),
            query_string(query_pairs(replace(base, excluded=base.excluded - {concept.key}))),
        )
        for concept in widened
        if concept.key in base.excluded
    ]


@dataclass(frozen=True)
class SortLink:
    value: str
    url: str
    current: bool


def sort_links(base: SearchRequest) -> list[SortLink]:
    return [
        SortLink(sort, query_string(query_pairs(replace(base, sort=sort))), sort == base.sort)
        for sort in queries.SORTS
    ]


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: a gap in the numbers ("…")
    url: str
    current: bool


def page_links(results: SearchResults) -> list[PageLink]:
    """First, last, and the pages around the current one, with gaps between; none when all
    results fit on one page."""
    last, current = results.pages, results.request.page
    if last == 1:
        return []
    base = link_request(results)
    shown = {1, last, *range(max(1, current - PAGE_RADIUS), min(last, current + PAGE_RADIUS) + 1)}
    links: list[PageLink] = []
    previous = 0
    for number in sorted(shown):
        if number > previous + 1:
            links.append(PageLink(None, "", False))
        links.append(PageLink(number, _page_url(base, number), number == current))
        previous = number
    return links


def _page_url(base: SearchRequest, number: int) -> str:
    return query_string(query_pairs(base, page=number))
