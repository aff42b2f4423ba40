"""Version 1 of the JSON API, at /api/v1/. Each domain app owns its routes and serializers
(`<app>/api.py`); this module only mounts them."""

from django.urls import URLPattern, URLResolver, include, path

from followup.api import views
from followup.knowledge import api as knowledge_api
from followup.meetings import api as meetings_api
from followup.program import api as program_api
from followup.recommendations import api as recommendations_api
from followup.reporting import api as reporting_api
from followup.search import api as search_api
from followup.statistics import api as statistics_api

app_name = "api"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.Index.as_view(), name="index"),
    path("openapi.json", views.OpenApiDocument.as_view(), name="openapi"),
    path("program/", include(program_api.urlpatterns)),
    path("", include(reporting_api.urlpatterns)),
    path("", include(knowledge_api.urlpatterns)),
    path("", include(recommendations_api.urlpatterns)),
    path("", include(meetings_api.urlpatterns)),
    path("", include(search_api.urlpatterns)),
    path("", include(statistics_api.urlpatterns)),
]
