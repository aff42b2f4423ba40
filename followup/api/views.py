"""The API's own endpoints: the index of resources, the OpenAPI document, the JSON 404."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from drf_spectacular.renderers import OpenApiJsonRenderer2
from drf_spectacular.utils import OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

# What the index lists: a name for each collection and the route that serves it.
RESOURCES = {
    "openapi": "api:openapi",
    "program_versions": "api:version_list",
    "actors": "api:actor_list",
    "mandates": "api:mandate_list",
    "activities": "api:activity_list",
    "themes": "api:theme_list",
    "population_groups": "api:population_group_list",
    "cycles": "api:cycle_list",
    "reports": "api:report_list",
    "entries": "api:entry_list",
    "resources": "api:resource_list",
    "recommendations": "api:recommendation_list",
    "recommendation_sources": "api:recommendation_source_list",
    "status_scales": "api:status_scale_list",
    "follow_ups": "api:follow_up_list",
    "work_plans": "api:work_plan_list",
    "meetings": "api:meeting_list",
    "search": "api:search",
    "statistics": "api:observation_list",
    "statistical_indicators": "api:indicator_list",
}


class Index(APIView):
    @extend_schema(
        tags=["api"],
        summary=_("The resources of the API"),
        responses=OpenApiResponse(
            response={
                "type": "object",
                "additionalProperties": {"type": "string", "format": "uri"},
            },
            description=_("Each resource's name and its address."),
        ),
    )
    def get(self, request: Request) -> Response:
        return Response(
            {name: request.build_absolute_uri(reverse(route)) for name, route in RESOURCES.items()}
        )


class OpenApiDocument(SpectacularAPIView):
    """The OpenAPI 3 document of this API, as plain `application/json`."""

    renderer_classes = [OpenApiJsonRenderer2]


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The site's 404 handler (`handler404` in followup/urls.py): an address under /api/ that
    matches no route answers in JSON like the API's own 404s; any other page, in HTML."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)
