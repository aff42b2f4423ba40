"""The API's index and its OpenAPI document, kept honest by walking the URLconf."""

import json
import re

import pytest
from django.http import Http404
from django.urls import URLPattern, URLResolver
from drf_spectacular.drainage import GENERATOR_STATS
from openapi_spec_validator import validate

from followup.api import urls as api_urls
from followup.api.tests.conftest import Api
from followup.api.views import page_not_found

pytestmark = pytest.mark.django_db

PREFIX = "/api/v1/"
# Routes that are not API operations themselves.
NOT_OPERATIONS = {"openapi.json"}


def routes(patterns: list, prefix: str = "") -> list[tuple[str, URLPattern]]:
    """Every route under `patterns` as (route text, pattern), through nested includes."""
    found = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += routes(pattern.url_patterns, route)
        else:
            found.append((route, pattern))
    return found


def openapi_path(route: str) -> str:
    """`reports/<int:pk>/` as the document writes it: `/api/v1/reports/{id}/`."""
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: "{id}" if m[1] == "pk" else f"{{{m[1]}}}", route)
    return PREFIX + path


def operations_of(pattern: URLPattern) -> set[str]:
    view = pattern.callback.view_class
    return {method for method in ("get", "post", "patch", "delete") if hasattr(view, method)}


@pytest.fixture
def document(api: Api) -> dict:
    GENERATOR_STATS.reset()
    response = api.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_index_lists_each_resource_with_its_address(api: Api):
    response = api.get("/api/v1/")

    assert response.status_code == 200
    assert response.json() == {
        "openapi": "http://testserver/api/v1/openapi.json",
        "program_versions": "http://testserver/api/v1/program/versions/",
        "actors": "http://testserver/api/v1/program/actors/",
        "mandates": "http://testserver/api/v1/program/mandates/",
        "activities": "http://testserver/api/v1/program/activities/",
        "themes": "http://testserver/api/v1/program/themes/",
        "population_groups": "http://testserver/api/v1/program/population-groups/",
        "cycles": "http://testserver/api/v1/cycles/",
        "reports": "http://testserver/api/v1/reports/",
        "entries": "http://testserver/api/v1/entries/",
        "resources": "http://testserver/api/v1/resources/",
        "recommendations": "http://testserver/api/v1/recommendations/",
        "recommendation_sources": "http://testserver/api/v1/recommendation-sources/",
        "status_scales": "http://testserver/api/v1/status-scales/",
        "follow_ups": "http://testserver/api/v1/follow-ups/",
        "work_plans": "http://testserver/api/v1/work-plans/",
        "meetings": "http://testserver/api/v1/meetings/",
        "search": "http://testserver/api/v1/search",
        "statistics": "http://testserver/api/v1/statistics/",
        "statistical_indicators": "http://testserver/api/v1/statistics/indicators/",
    }


def test_openapi_document_is_served_as_json(api: Api):
    response = api.get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_openapi_document_is_valid(document):
    assert document["openapi"].startswith("3.0.")
    validate(document)  # picks the 3.0 or 3.1 validator from the document's version


def test_openapi_document_is_generated_without_warnings(document):
    assert dict(GENERATOR_STATS._warn_cache) == {}
    assert dict(GENERATOR_STATS._error_cache) == {}


def test_openapi_document_has_every_route_and_method_of_the_api(document):
    expected = {
        (openapi_path(route), method)
        for route, pattern in routes(api_urls.urlpatterns)
        if route not in NOT_OPERATIONS
        for method in operations_of(pattern)
    }

    documented = {(path, method) for path, item in document["paths"].items() for method in item}

    assert documented == expected
    assert len(expected) == 59


def test_openapi_document_describes_the_personal_token(document):
    assert document["components"]["securitySchemes"]["personalToken"]["scheme"] == "bearer"


def test_every_route_has_a_namespaced_name():
    names = sorted(str(pattern.name) for _route, pattern in routes(api_urls.urlpatterns))

    assert names == sorted(
        [
            "index",
            "openapi",
            "version_list",
            "version_detail",
            "actor_list",
            "actor_detail",
            "mandate_list",
            "mandate_detail",
            "activity_list",
            "theme_list",
            "population_group_list",
            "cycle_list",
            "cycle_detail",
            "report_list",
            "report_detail",
            "report_entry_create",
            "report_submit",
            "report_return",
            "report_accept",
            "report_publish",
            "entry_list",
            "entry_detail",
            "followup_detail",
            "resource_list",
            "resource_detail",
            "resource_submit",
            "resource_publish",
            "search",
            "recommendation_list",
            "recommendation_detail",
            "recommendation_source_list",
            "recommendation_source_detail",
            "status_scale_list",
            "follow_up_list",
            "follow_up_detail",
            "follow_up_submit",
            "follow_up_return",
            "follow_up_publish",
            "work_plan_list",
            "work_plan_detail",
            "meeting_list",
            "meeting_detail",
            "observation_list",
            "observation_export_csv",
            "observation_export_json",
            "observation_detail",
            "indicator_list",
            "indicator_detail",
        ]
    )


def test_an_unknown_api_address_answers_404_in_json(rf):
    response = page_not_found(rf.get("/api/v1/nothing/"), Http404())

    assert response.status_code == 404
    assert json.loads(response.content) == {"detail": "Not found."}


def test_an_unknown_page_answers_the_html_404(rf):
    response = page_not_found(rf.get("/en/nothing/"), Http404())

    assert response.status_code == 404
    assert response["Content-Type"] == "text/html; charset=utf-8"
