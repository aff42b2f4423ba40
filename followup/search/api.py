"""Search in the JSON API: `GET /api/v1/search`, the search page's twin.

The parameters are the page's and are read the same way (`SearchForm`): text is never an error,
unknown filter values match nothing. Only `per_page` is refused when it is not a number from 1
to MAX_PER_PAGE (400 naming it), since a client asking for 500 would otherwise silently get
fewer. Anonymous callers find public documents; a signed-in caller who may find unpublished
ones (the secretariat, with its personal token) finds those too.
"""

from typing import Any

from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from followup.api.filters import query_filters
from followup.i18n import current_content_language
from followup.search import permissions, queries
from followup.search.exports import plain_text
from followup.search.facets import facets, value_counts
from followup.search.forms import SearchForm
from followup.search.queries import MAX_PER_PAGE, PER_PAGE, SORTS, SearchResults

TAGS = ["search"]


# What is refused -----------------------------------------------------------------------------


class SearchPaging(serializers.Serializer):
    per_page = serializers.IntegerField(
        required=False, default=PER_PAGE, min_value=1, max_value=MAX_PER_PAGE
    )


# What the answer looks like ------------------------------------------------------------------


class ConceptSerializer(serializers.Serializer):
    key = serializers.CharField(help_text=_("Give it as “x” to search without this concept."))
    facet = serializers.CharField()
    value = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]


class QuerySerializer(serializers.Serializer):
    text = serializers.CharField(help_text=_("The text searched for, cut when too long."))
    truncated = serializers.BooleanField(
        help_text=_("True when the text was cut to its first words.")
    )
    any_words = serializers.BooleanField(
        help_text=_("True when no document has all the words and the results have some.")
    )
    concepts = ConceptSerializer(
        many=True,
        help_text=_(
            "Themes, population groups, actors and countries the text names: documents "
            "tagged with them, or using their other names, are found too."
        ),
    )


class HitSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text=_("The kind of record, such as mandate or entry."))
    facet_kind = serializers.CharField(help_text=_("The value of the “kind” filter."))
    kind_label = serializers.CharField()
    object_id = serializers.IntegerField()
    title = serializers.CharField()
    title_html = serializers.CharField(help_text=_("The title, escaped, with <mark>s."))
    snippet_html = serializers.CharField(help_text=_("An extract, escaped, with <mark>s."))
    url = serializers.URLField(allow_null=True)
    date = serializers.CharField(help_text=_("YYYY, YYYY-MM or YYYY-MM-DD; may be empty."))
    languages = serializers.ListField(child=serializers.CharField())
    public = serializers.BooleanField()


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    count = serializers.IntegerField()


class FacetsSerializer(serializers.Serializer):
    kind = FacetValueSerializer(many=True)
    country = FacetValueSerializer(many=True)
    theme = FacetValueSerializer(many=True)
    group = FacetValueSerializer(many=True)
    actor = FacetValueSerializer(many=True)
    year = FacetValueSerializer(many=True)
    language = FacetValueSerializer(many=True)


class SearchResponseSerializer(serializers.Serializer):
    query = QuerySerializer()
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = HitSerializer(many=True)
    facets = FacetsSerializer(
        help_text=_("Each filter's values over every page of the results, with their counts.")
    )


def _values_parameter(name: str, description: Any) -> OpenApiParameter:
    return OpenApiParameter(name, str, many=True, explode=True, description=description)


PARAMETERS = [
    OpenApiParameter(
        "q",
        str,
        description=_(
            "The words to search for, in English or Spanish. Every word must appear (if none "
            "has them all, documents with some of them are given). Quotes, AND, OR and other "
            "signs are read as plain text. Empty: every document, newest first."
        ),
    ),
    _values_parameter("kind", _("Kind of record, such as mandate, activity or entry.")),
    _values_parameter("country", _("ISO 3166-1 alpha-3 code, such as MEX.")),
    _values_parameter("theme", _("Id of a theme.")),
    _values_parameter("group", _("Id of a population group.")),
    _values_parameter("actor", _("Id of an actor.")),
    _values_parameter("year", _("Year, such as 2019.")),
    _values_parameter("language", _("Language of the text: en or es.")),
    OpenApiParameter(
        "sort", str, enum=list(SORTS), default=SORTS[0], description=_("Order of the results.")
    ),
    OpenApiParameter("page", int, default=1, description=_("The page of results.")),
    OpenApiParameter(
        "per_page",
        int,
        default=PER_PAGE,
        description=_("Results per page, from 1 to 100."),
    ),
    _values_parameter(
        "x", _("Key of a concept (see query.concepts) to search without, such as theme:12.")
    ),
]


class Search(APIView):
    @extend_schema(
        tags=TAGS,
        summary=_("Search everything you may see"),
        description=_(
            "Mandates, Program activities, report entries, recommendations, meetings and "
            "resources. A filter's values are alternatives; filters combine. The language of "
            "titles and links follows Accept-Language. The same results, every one of them, "
            "download from the search page: /en/search/export.csv and /en/search/export.json "
            "with these parameters."
        ),
        parameters=PARAMETERS,
        responses=SearchResponseSerializer,
    )
    def get(self, request: Request) -> Response:
        per_page = query_filters(request, SearchPaging).get("per_page", PER_PAGE)
        search = SearchForm(request.query_params).search_request(
            include_unpublished=permissions.can_find_unpublished(request.user),
            per_page=per_page,
        )
        results = queries.search(search)
        return Response(SearchResponseSerializer(answer(request, results)).data)


def answer(request: Request, results: SearchResults) -> dict[str, Any]:
    language = current_content_language()
    query = results.query
    return {
        "query": {
            "text": query.text,
            "truncated": query.truncated,
            "any_words": results.any_words,
            "concepts": [
                {
                    "key": concept.key,
                    "facet": concept.facet,
                    "value": concept.value,
                    "label": concept.label(language),
                }
                for concept in query.concepts
            ],
        },
        "count": results.total,
        "page": results.request.page,
        "pages": results.pages,
        "results": [
            {
                "kind": hit.kind,
                "facet_kind": hit.facet_kind,
                "kind_label": hit.kind_label,
                "object_id": hit.object_id,
                "title": plain_text(hit.title),
                "title_html": str(hit.title),
                "snippet_html": str(hit.snippet),
                "url": request.build_absolute_uri(hit.url) if hit.url else None,
                "date": hit.date,
                "languages": list(hit.languages),
                "public": hit.public,
            }
            for hit in results.hits
        ],
        "facets": {
            facet.name: [
                {"value": value.value, "label": value.label, "count": value.count}
                for value in facet.values
            ]
            for facet in facets(results, value_counts(results))
        },
    }


urlpatterns = [path("search", Search.as_view(), name="search")]
