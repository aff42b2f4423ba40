"""The secretariat's dashboard: who has reported in a cycle, who is late, and which Program
activities have gone without reported action.

Only the secretariat (`permissions.is_secretariat`) gets in: a visitor who is not signed in is
sent to sign in, anyone else signed in is refused (403).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from followup.reporting import permissions, queries
from followup.reporting.filters import (
    CountryFilterField,
    FilterForm,
    country_select,
    population_group_filter,
    theme_filter,
)
from followup.reporting.models import ReportingCycle

View = Callable[..., HttpResponse]


def secretariat_required(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not permissions.is_secretariat(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


class CycleForm(FilterForm):
    """The cycle to show, among `cycles` (read once by the view, which also picks the default
    from them)."""

    cycle = forms.ChoiceField(
        label=_("Reporting cycle"),
        error_messages={"invalid_choice": _("“%(value)s” is not a reporting cycle.")},
    )

    def __init__(self, data: QueryDict, *, cycles: list[ReportingCycle]) -> None:
        super().__init__(data)
        self.cycles = {cycle.slug: cycle for cycle in cycles}
        field = self.fields["cycle"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(cycle.slug, cycle.label) for cycle in cycles]

    def clean_cycle(self) -> ReportingCycle:
        return self.cycles[self.cleaned_data["cycle"]]


class CoverageForm(CycleForm):
    theme = theme_filter()
    group = population_group_filter()
    country = CountryFilterField(label=_("Country"))

    def __init__(self, data: QueryDict, *, cycles: list[ReportingCycle]) -> None:
        super().__init__(data, cycles=cycles)
        self.fields["country"].widget = country_select(str(_("All countries")))

    def filters(self) -> queries.CoverageFilters:
        data = self.cleaned_data
        return queries.CoverageFilters(
            theme=data["theme"], population_group=data["group"], country=data["country"]
        )


def _pick_cycle(query: QueryDict) -> tuple[QueryDict, list[ReportingCycle]]:
    """Every cycle, and the query string with the default cycle filled in when none was
    picked, so the picker shows which cycle the page is about."""
    cycles = list(queries.all_cycles())
    default = queries.default_cycle(cycles)
    data = query.copy()
    if default is not None and not data.get("cycle"):
        data["cycle"] = default.slug
    return data, cycles


@secretariat_required
def dashboard(request: HttpRequest) -> HttpResponse:
    data, cycles = _pick_cycle(request.GET)
    form = CycleForm(data, cycles=cycles)
    progress = None
    status = 200
    if cycles:
        if form.is_valid():
            progress = queries.cycle_progress(form.cleaned_data["cycle"], timezone.localdate())
        else:
            status = 400
    return render(
        request,
        "reporting/dashboard/dashboard.html",
        {"form": form, "progress": progress, "has_cycles": bool(cycles)},
        status=status,
    )


@secretariat_required
def coverage(request: HttpRequest) -> HttpResponse:
    data, cycles = _pick_cycle(request.GET)
    form = CoverageForm(data, cycles=cycles)
    matrix = None
    status = 200
    if cycles:
        if form.is_valid():
            matrix = queries.coverage(
                form.cleaned_data["cycle"], form.filters(), timezone.localdate()
            )
        else:
            status = 400
    return render(
        request,
        "reporting/dashboard/coverage.html",
        {
            "form": form,
            "matrix": matrix,
            "cycle": form.cleaned_data.get("cycle") if matrix is not None else None,
            "has_cycles": bool(cycles),
            "gap_threshold": queries.GAP_THRESHOLD,
        },
        status=status,
    )
