"""Downloads of entries as CSV, XLSX and JSON, streamed whatever their number.

The entries are always read through `permissions`: the public gets published entries, the
secretariat everything of a cycle it can see. The formats themselves live in `exports.py`.
"""

from collections.abc import Callable

from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render

from followup.reporting import exports, permissions, queries
from followup.reporting.filters import EntryFilterForm
from followup.reporting.models import Entry, ReportingCycle

Builder = Callable[[QuerySet[Entry], str], StreamingHttpResponse | FileResponse]
FORMATS: dict[str, Builder] = {
    "csv": exports.csv_response,
    "xlsx": exports.xlsx_response,
    "json": exports.json_response,
}


def _builder(fmt: str) -> Builder:
    if fmt not in FORMATS:
        raise Http404
    return FORMATS[fmt]


def entry_export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The published entries that the entry list shows for the same filters."""
    build = _builder(fmt)
    form = EntryFilterForm(request.GET)
    if not form.is_valid():
        return render(
            request, "reporting/public/entry_list.html", {"form": form, "page": None}, status=400
        )
    return build(queries.filtered_entries(form.filters()), f"follow-up-entries.{fmt}")


def cycle_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    """A cycle's entries as the person may see them: published ones for the public, every
    report's for the secretariat (drafts included), their own actors' for a focal point."""
    build = _builder(fmt)
    cycle = get_object_or_404(ReportingCycle, slug=slug)
    entries = permissions.entries_visible_to(request.user).filter(report__cycle=cycle)
    return build(
        entries.order_by("report__actor__name_en", "order", "pk"), f"follow-up-{cycle.slug}.{fmt}"
    )
