"""The statistics' endpoints: observations (filtered, paged, or whole as CSV or JSON), one
observation with its history, and the indicators with their coverage.

Everything here is public open data (permissions.can_read_statistics) and read-only: figures
change only through imports, in the workspace or with `followup stats import`. A filter the
API cannot apply answers 400 naming the parameter and the value, and so does a parameter it
does not know.
"""

import operator
import re
from functools import reduce
from typing import Any

from django.db.models import Count, Max, Min, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, generics
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from followup.api.errors import LIST, READ
from followup.api.pagination import Pagination
from followup.statistics.api.exports import export_filename, export_response
from followup.statistics.api.messages import TAGS
from followup.statistics.api.records import (
    Labels,
    observation_history,
    observation_record,
    observation_rows,
)
from followup.statistics.api.serializers import (
    IndicatorSerializer,
    ObservationDetailSerializer,
    ObservationFilters,
    ObservationSerializer,
)
from followup.statistics.models import CODE_PATTERN, Indicator, Observation

# ?format=, which DRF reads on every endpoint.
FORMAT = api_settings.URL_FORMAT_OVERRIDE
FILTERS: list[OpenApiParameter | type[ObservationFilters]] = [
    ObservationFilters,
    OpenApiParameter(
        "countries",
        {"type": "array", "items": {"type": "string"}},
        description=_("Another name for country, as the site's downloads write it."),
        explode=True,
    ),
]
ORDER_NOTE = _(
    "Ordered by indicator (in the order they were defined), breakdown (the total first), "
    "area code and year."
)


def filter_observations(filters: dict[str, Any]) -> QuerySet[Observation]:
    observations = Observation.objects.all()
    if filters.get("indicator"):
        observations = observations.filter(indicator__code__in=filters["indicator"])
    if filters.get("country"):
        observations = observations.filter(area__in=filters["country"])
    if "year" in filters:
        observations = observations.filter(year=filters["year"])
    if "year_from" in filters:
        observations = observations.filter(year__gte=filters["year_from"])
    if "year_to" in filters:
        observations = observations.filter(year__lte=filters["year_to"])
    if filters.get("years"):
        spans = (Q(year__range=span) for span in filters["years"])
        observations = observations.filter(reduce(operator.or_, spans))
    if "breakdown" in filters:
        observations = observations.filter(breakdown=filters["breakdown"])
    return observations


def requested_filters(request: Request, *also_allowed: str) -> dict[str, Any]:
    """The validated filters of this request (only those given); ValidationError otherwise,
    for a parameter that is neither a filter nor one of `also_allowed` too."""
    context = {"also_allowed": [name for name in (*also_allowed, FORMAT) if name]}
    serializer = ObservationFilters(data=request.query_params, context=context)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


# Observations -------------------------------------------------------------------------------


@extend_schema(tags=TAGS)
class ObservationList(generics.GenericAPIView):
    serializer_class = ObservationSerializer
    pagination_class = Pagination

    @extend_schema(
        summary=_("Observations: migration statistics by indicator, area, year and breakdown"),
        description=ORDER_NOTE,
        parameters=FILTERS,
        responses={200: ObservationSerializer(many=True), **LIST},
    )
    def get(self, request: Request) -> Response:
        paging = (Pagination.limit_query_param, Pagination.offset_query_param)
        rows = observation_rows(filter_observations(requested_filters(request, *paging)))
        page = self.paginate_queryset(rows)
        assert page is not None  # the view always pages
        labels = Labels()
        records = [observation_record(row, labels) for row in page]
        return self.get_paginated_response(self.get_serializer(records, many=True).data)


class ExportView(APIView):
    """A whole export. Its format is its address's, so the Accept header chooses nothing: an
    error answers in JSON, like every error of the API."""

    fmt = ""

    def perform_content_negotiation(
        self, request: Request, force: bool = False
    ) -> tuple[BaseRenderer, str]:
        renderer = JSONRenderer()
        return renderer, renderer.media_type

    def get(self, request: Request) -> Any:
        # Not paged: `limit` and `offset` would be ignored, so they are refused.
        filters = requested_filters(request)
        filename = export_filename(self.fmt, filters.get("indicator", []))
        return export_response(filter_observations(filters), self.fmt, filename)


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        summary=_("Observations as a CSV file"),
        description=_(
            "Every observation the filters select, not a page, streamed as it is read and offered "
            "for download; the filters and the order are the observations list's. One row per "
            "observation, with the list's fields as columns (the source document in "
            "source_document_id, source_document_title and source_document_filename); UTF-8 with "
            "a byte order mark."
        ),
        parameters=FILTERS,
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR, description=_("The observations, one per row.")
            ),
            **LIST,
        },
        operation_id="statistics_export_csv",
    )
)
class ObservationCsvExport(ExportView):
    fmt = "csv"


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        summary=_("Observations as a JSON file"),
        description=_(
            "Every observation the filters select, not a page, streamed as it is read and offered "
            "for download; the filters and the order are the observations list's. A JSON array "
            "of the list's items."
        ),
        parameters=FILTERS,
        responses={200: ObservationSerializer(many=True), **LIST},
        operation_id="statistics_export_json",
    )
)
class ObservationJsonExport(ExportView):
    fmt = "json"


@extend_schema(
    tags=TAGS,
    summary=_("An observation with its history"),
    parameters=[
        OpenApiParameter("id", int, OpenApiParameter.PATH, description=_("The observation's id."))
    ],
    responses={200: ObservationDetailSerializer, **READ},
)
class ObservationDetail(generics.GenericAPIView):
    serializer_class = ObservationDetailSerializer

    def get(self, request: Request, pk: int) -> Response:
        row = observation_rows(Observation.objects.filter(pk=pk)).first()
        if row is None:
            raise exceptions.NotFound
        record = observation_record(row, Labels())
        record["history"] = observation_history(record)
        return Response(self.get_serializer(record).data)


# Indicators ---------------------------------------------------------------------------------


def indicators_with_counts() -> QuerySet[Indicator]:
    return Indicator.objects.annotate(
        observation_count=Count("observations"),
        area_count=Count("observations__area", distinct=True),
        first_year=Min("observations__year"),
        last_year=Max("observations__year"),
    ).order_by("code")


@extend_schema(
    tags=TAGS,
    summary=_("Statistical indicators"),
    description=_("Each with its number of observations, areas, and its first and last year."),
)
class IndicatorList(generics.ListAPIView):
    serializer_class = IndicatorSerializer
    pagination_class = Pagination

    def get_queryset(self) -> QuerySet[Indicator]:
        return indicators_with_counts()


@extend_schema(
    tags=TAGS,
    summary=_("A statistical indicator"),
    parameters=[
        OpenApiParameter("code", str, OpenApiParameter.PATH, description=_("The indicator's code."))
    ],
    responses={200: IndicatorSerializer, **READ},
)
class IndicatorDetail(generics.GenericAPIView):
    serializer_class = IndicatorSerializer

    def get(self, request: Request, code: str) -> Response:
        # A text that cannot be a code never reaches the database (nor a NUL character).
        if not re.fullmatch(CODE_PATTERN, code):
            raise exceptions.NotFound
        indicator = indicators_with_counts().filter(code=code).first()
        if indicator is None:
            raise exceptions.NotFound
        return Response(self.get_serializer(indicator).data)
