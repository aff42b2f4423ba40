"""Routes of the migration statistics, mounted at the site root inside i18n_patterns: the
public pages and their data downloads under statistics/, the secretariat's imports and
indicators under workspace/statistics/."""

from django.urls import URLPattern, URLResolver, path

from followup.statistics.views import data, public, workspace

app_name = "statistics"

urlpatterns: list[URLPattern | URLResolver] = [
    path("statistics/", public.index, name="index"),
    path("statistics/indicators/<str:code>/", public.indicator, name="indicator"),
    path(
        "statistics/indicators/<str:code>/data.csv",
        data.indicator_data,
        {"fmt": "csv"},
        name="indicator_csv",
    ),
    path(
        "statistics/indicators/<str:code>/data.json",
        data.indicator_data,
        {"fmt": "json"},
        name="indicator_json",
    ),
    path("statistics/countries/<str:area>/", public.country, name="country"),
    path(
        "statistics/countries/<str:area>/data.csv",
        data.country_data,
        {"fmt": "csv"},
        name="country_csv",
    ),
    path(
        "statistics/countries/<str:area>/data.json",
        data.country_data,
        {"fmt": "json"},
        name="country_json",
    ),
    path("statistics/compare/", public.compare, name="compare"),
    path("statistics/compare/data.csv", data.compare_data, {"fmt": "csv"}, name="compare_csv"),
    path("statistics/compare/data.json", data.compare_data, {"fmt": "json"}, name="compare_json"),
    path("workspace/statistics/", workspace.manage, name="manage"),
    path("workspace/statistics/imports/new/", workspace.import_upload, name="import_upload"),
    path("workspace/statistics/imports/<int:pk>/", workspace.import_review, name="import_review"),
    path(
        "workspace/statistics/imports/<int:pk>/discard/",
        workspace.import_discard,
        name="import_discard",
    ),
    path(
        "workspace/statistics/indicators/new/", workspace.indicator_create, name="indicator_create"
    ),
    path(
        "workspace/statistics/indicators/<str:code>/edit/",
        workspace.indicator_edit,
        name="indicator_edit",
    ),
]
