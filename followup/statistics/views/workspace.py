"""The secretariat's side of the statistics: files imported into figures, and the indicators.

An import takes three steps: upload a CSV or XLSX file (checked by content and stored as a
pending batch), say how its columns are read and preview what importing would do, then import.
Every step goes through services/ (the same functions the `followup stats import` command
calls), so the page and the command check files alike.

Import pages ask `permissions.can_import_statistics`, the new indicator page
`permissions.can_add_indicators`, an indicator's page `permissions.can_manage_indicators`, the
list any of them; others get 403, visitors the sign-in page. The list answers GET and HEAD
only, the forms GET, HEAD and POST, discarding POST only (405 otherwise).
What a service refuses comes back on the page with what was typed kept (status 400).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from followup.accounts.models import User
from followup.statistics import permissions, queries, services
from followup.statistics.areas import area_name
from followup.statistics.breakdowns import breakdown_label
from followup.statistics.forms import COLUMN_FIELDS, IndicatorForm, MappingForm, UploadForm
from followup.statistics.models import ImportBatch, Indicator
from followup.statistics.services import ColumnMapping, ImportRefused, Preview
from followup.uploads import human_size
from followup.workspace_forms import add_service_errors, posted

IMPORTS_PER_PAGE = 25
# The list is open to whoever may do any of its tasks.
MANAGE = (
    permissions.can_import_statistics,
    permissions.can_add_indicators,
    permissions.can_manage_indicators,
)


def _user_who(request: HttpRequest, *checks: Callable[[User], bool]) -> User:
    """The signed-in user if any check passes; 403 otherwise (login_required comes first)."""
    user = request.user
    if not isinstance(user, User) or not any(check(user) for check in checks):
        raise PermissionDenied
    return user


def _number(value: float) -> str:
    """A figure as read, with grouping: 1,234 and 1,234.5, never 1234.0."""
    shown: float | int = int(value) if value.is_integer() and abs(value) < 1e15 else value
    return number_format(shown, force_grouping=True)


@login_required
@require_safe
def manage(request: HttpRequest) -> HttpResponse:
    """Where the secretariat starts: the latest imports and every indicator."""
    user = _user_who(request, *MANAGE)
    imports = ImportBatch.objects.select_related("uploaded_by")
    page = Paginator(imports, IMPORTS_PER_PAGE).get_page(request.GET.get("page"))
    # One grouped count for every indicator, whatever their number.
    indicators = Indicator.objects.annotate(observation_count=Count("observations")).order_by(
        "code"
    )
    return render(
        request,
        "statistics/workspace/manage.html",
        {
            "page": page,
            "indicators": indicators,
            "can_import": permissions.can_import_statistics(user),
            "can_add_indicators": permissions.can_add_indicators(user),
            "can_manage_indicators": permissions.can_manage_indicators(user),
            "Status": ImportBatch.Status,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    user = _user_who(request, permissions.can_import_statistics)
    form = UploadForm(posted(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.upload_file(form.cleaned_data["file"], by=user)
        except ValidationError as error:
            form.add_error("file", error.messages)
        else:
            return redirect("statistics:import_review", batch.pk)
    return render(
        request,
        "statistics/workspace/import_upload.html",
        {"form": form, "limit": human_size(int(settings.UPLOAD_MAX_BYTES))},
        status=400 if form.is_bound else 200,
    )


@dataclass(frozen=True)
class SampleRow:
    """A valid figure of the preview, as the page shows it."""

    row: int
    indicator: str
    area: str
    area_name: str
    year: int
    breakdown: str
    value: str
    note: str
    source: str


def _sample_rows(preview: Preview) -> list[SampleRow]:
    codes = dict(
        Indicator.objects.filter(
            pk__in={figure.indicator_id for figure in preview.sample}
        ).values_list("pk", "code")
    )
    return [
        SampleRow(
            row=figure.row,
            indicator=codes.get(figure.indicator_id, ""),
            area=figure.area,
            area_name=area_name(figure.area),
            year=figure.year,
            breakdown=str(breakdown_label(figure.breakdown)),
            value=_number(figure.value),
            note=figure.note,
            source=figure.source,
        )
        for figure in preview.sample
    ]


@dataclass(frozen=True)
class RowProblems:
    """The rows with errors, from a preview or from an import refused for them."""

    errors: tuple[services.RowError, ...]  # the first ones
    error_count: int
    rows_with_errors: int


def _preview(form: MappingForm, batch: ImportBatch, mapping: ColumnMapping) -> Preview | None:
    """The preview of the mapping, or None with the service's objections on the form."""
    try:
        preview = services.preview_batch(batch, mapping)
    except ValidationError as error:  # MappingError, ReadError
        add_service_errors(form, error)
        return None
    if preview.has_errors:
        form.offer_valid_rows_only(preview.rows_with_errors)
    return preview


def _batch_for_review(pk: int) -> ImportBatch:
    return get_object_or_404(ImportBatch.objects.select_related("uploaded_by"), pk=pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The file's columns and their mapping; Preview shows what importing would do, Import
    does it. A batch imported or discarded shows what came of it, read-only."""
    user = _user_who(request, permissions.can_import_statistics)
    batch = _batch_for_review(pk)
    context: dict[str, Any] = {"batch": batch, "size": human_size(batch.size)}
    if batch.status != ImportBatch.Status.PENDING:
        if request.method == "POST":
            messages.error(request, _("This file's import is over: nothing was changed."))
            return redirect("statistics:import_review", batch.pk)
        mapping = ColumnMapping.from_json(batch.mapping)
        return render(
            request,
            "statistics/workspace/import_review.html",
            {**context, "used_mapping": _mapping_rows(mapping)},
        )
    try:
        columns = services.batch_columns(batch)
    except services.ReadError as error:
        return render(
            request,
            "statistics/workspace/import_review.html",
            {**context, "read_error": " ".join(error.messages)},
            status=400,
        )
    form = MappingForm(
        posted(request), columns=columns, initial=MappingForm.initial_for(batch.mapping)
    )
    preview: Preview | None = None
    problems: RowProblems | None = None
    if request.method == "POST" and form.is_valid():
        mapping = form.mapping()
        if request.POST.get("action") != "import":
            preview = _preview(form, batch, mapping)
            if preview is not None and preview.has_errors:
                problems = RowProblems(
                    preview.errors, preview.error_count, preview.rows_with_errors
                )
        else:
            try:
                result = services.import_batch(
                    batch, mapping, by=user, valid_rows_only=form.cleaned_data["valid_rows_only"]
                )
            except ImportRefused as error:
                if error.code != "has_errors":  # imported or discarded meanwhile
                    messages.error(request, " ".join(error.messages))
                    return redirect("statistics:import_review", batch.pk)
                # The refusal lists the rows with errors: show them, and the choice to leave
                # them out, without reading the file again for a preview.
                form.add_error(None, error.messages)
                form.offer_valid_rows_only(error.rows_with_errors)
                problems = RowProblems(error.errors, error.error_count, error.rows_with_errors)
            except ValidationError as error:  # MappingError, ReadError
                add_service_errors(form, error)
            else:
                messages.success(request, _imported_message(result))
                return redirect("statistics:manage")
    return render(
        request,
        "statistics/workspace/import_review.html",
        {
            **context,
            "columns": columns,
            "form": form,
            "preview": preview,
            "problems": problems,
            "sample": _sample_rows(preview) if preview is not None else [],
        },
        status=400 if form.errors else 200,
    )


def _imported_message(result: services.ImportResult) -> str:
    return _(
        "“%(file)s” imported. Figures added: %(created)s; revised: %(revised)s; unchanged: "
        "%(unchanged)s; rows left out: %(rejected)s."
    ) % {
        "file": result.batch.filename,
        "created": number_format(result.created, force_grouping=True),
        "revised": number_format(result.revised, force_grouping=True),
        "unchanged": number_format(result.unchanged, force_grouping=True),
        "rejected": number_format(result.rejected, force_grouping=True),
    }


def _mapping_rows(mapping: ColumnMapping) -> list[tuple[str, str]]:
    """The mapping an import used, as (what, where) pairs for the read-only page."""
    labels = {name: MappingForm.base_fields[name].label for name in COLUMN_FIELDS}
    rows = [(str(labels[name]), getattr(mapping, name)) for name in COLUMN_FIELDS]
    rows = [(label, column) for label, column in rows if column]
    if mapping.indicator_code:
        rows.append((_("Indicator for the whole file"), mapping.indicator_code))
    if not mapping.year:
        rows.append((_("Year"), _("Years are columns (wide layout)")))
    if mapping.default_source:
        rows.append((_("Source for rows without one"), mapping.default_source))
    if mapping.decimal_comma:
        rows.append((_("Decimal separator"), _("comma")))
    return rows


@login_required
@require_POST
def import_discard(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user_who(request, permissions.can_import_statistics)
    batch = get_object_or_404(ImportBatch, pk=pk)
    try:
        services.discard_batch(batch, by=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("statistics:import_review", batch.pk)
    messages.success(
        request,
        _("“%(file)s” discarded: nothing was imported from it.") % {"file": batch.filename},
    )
    return redirect("statistics:manage")


def _indicator_page(request: HttpRequest, form: IndicatorForm, code: str) -> HttpResponse:
    """`code` is the indicator's code as saved ("" for a new one): validating the form writes
    what was typed on its instance, and the page must still post to the saved code."""
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("Indicator saved: %(indicator)s.") % {"indicator": saved})
        return redirect("statistics:manage")
    return render(
        request,
        "statistics/workspace/indicator_form.html",
        {"form": form, "code": code},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def indicator_create(request: HttpRequest) -> HttpResponse:
    _user_who(request, permissions.can_add_indicators)
    return _indicator_page(request, IndicatorForm(posted(request)), "")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def indicator_edit(request: HttpRequest, code: str) -> HttpResponse:
    _user_who(request, permissions.can_manage_indicators)
    indicator = queries.get_indicator(code)
    form = IndicatorForm(posted(request), instance=indicator)
    return _indicator_page(request, form, indicator.code)
