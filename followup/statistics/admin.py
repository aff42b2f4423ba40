"""Statistics in the back office. Indicators are edited here as in the workspace; imports and
figures are only shown: figures change through imports (the workspace or `followup stats
import`), which check the file, validate every row and keep each superseded value.

The figures' list must stay quick with a million rows: no full count beside the filtered one,
the indicator fetched in the same query, no sorting on unindexed columns, and the year filter
reading the years through an index.
"""

import re
from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from followup.statistics.models import ImportBatch, Indicator, Observation, ObservationRevision


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_es", "unit", "aggregation", "illustrative"]
    list_filter = ["unit", "illustrative"]
    search_fields = ["code", "name_en", "name_es"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # As in the workspace: figures are filed under the code, which must not change.
        if obj is not None and obj.observations.exists():
            return ["code"]
        return []


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = [
        "filename",
        "status",
        "uploaded_by",
        "uploaded_at",
        "rows_read",
        "created",
        "revised",
        "unchanged",
        "rejected",
    ]
    list_filter = ["status"]
    list_select_related = ["uploaded_by"]
    search_fields = ["filename", "sha256"]
    date_hierarchy = "uploaded_at"


def whole_number(text: str | None) -> int | None:
    """The number in a filter's parameter, None for anything else: ASCII digits only (the
    str.isdigit of "²" or "٢" would pass, and int() then fail) and at most 18, which every
    database's integer holds."""
    if text is None or not re.fullmatch(r"[0-9]{1,18}", text):
        return None
    return int(text)


class YearFilter(admin.SimpleListFilter):
    """The years that have figures. Django's own filter would read the year of every row;
    once an indicator is chosen this reads only its rows, through the unique index that
    starts with the indicator."""

    title = _("year")
    parameter_name = "year"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        figures = Observation.objects.order_by()
        indicator = whole_number(request.GET.get("indicator__id__exact"))
        if indicator is not None:
            figures = figures.filter(indicator_id=indicator)
        years = figures.values_list("year", flat=True).distinct().order_by("-year")
        return [(str(year), str(year)) for year in years]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        year = whole_number(self.value())
        if year is not None:
            return queryset.filter(year=year)
        return queryset


REVISION_FIELDS = ("revision", "value", "note", "source", "batch", "recorded_at", "superseded_by")


class RevisionInline(admin.TabularInline):
    model = ObservationRevision
    fk_name = "observation"
    fields = REVISION_FIELDS
    readonly_fields = REVISION_FIELDS
    extra = 0
    can_delete = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[ObservationRevision]:
        return super().get_queryset(request).select_related("batch", "superseded_by")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Observation)
class ObservationAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "area", "year", "breakdown", "value", "revision", "updated_at"]
    list_filter = ["indicator", YearFilter]
    list_select_related = ["indicator"]
    raw_id_fields = ["indicator", "batch", "source_document"]
    search_fields = ["area"]  # see get_search_results
    search_help_text = _("A country or region code, such as MEX.")
    show_full_result_count = False
    sortable_by = ()
    ordering = ["-pk"]
    inlines = [RevisionInline]

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        # An exact code, looked up through the index that starts with the area: a partial or
        # case-insensitive match would read every row.
        code = search_term.strip().upper()
        if not code:
            return queryset, False
        return queryset.filter(area=code), False
