"""The search page and its downloads, under the language prefix (/en/search/)."""

from django.urls import URLPattern, URLResolver, path

from followup.search import exports, views

app_name = "search"

urlpatterns: list[URLPattern | URLResolver] = [
    path("search/", views.search, name="search"),
    path("search/export.<str:fmt>", exports.search_export, name="export"),
]
