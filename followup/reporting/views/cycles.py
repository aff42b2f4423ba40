"""The secretariat's management of reporting cycles: create, open, close."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from followup.program.models import ProgramVersion
from followup.reporting import permissions, services
from followup.reporting.forms import CycleForm
from followup.reporting.models import ReportingCycle
from followup.reporting.services import ReportingError
from followup.reporting.views.workspace import _user


def _require_manager(request: HttpRequest) -> None:
    if not permissions.can_manage_cycles(_user(request)):
        raise PermissionDenied


@login_required
def cycle_manage(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    user = _user(request)
    form = CycleForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            version = ProgramVersion.objects.filter(is_current=True).first()
            try:
                if version is None:
                    raise ReportingError(_("There is no current Program version to report on."))
                cycle = services.create_cycle(version=version, by=user, **form.cleaned_data)
            except ReportingError as error:
                form.add_error(None, str(error))
                status = 400
            else:
                messages.success(
                    request,
                    _("Cycle %(label)s created; open it when actors may report.")
                    % {"label": cycle.label},
                )
                return redirect("reporting:cycle_manage")
        else:
            status = 400
    cycles = ReportingCycle.objects.select_related("version").annotate(
        invited=Count("invitations", distinct=True),
        submitted=Count("reports", filter=~Q(reports__status="draft"), distinct=True),
    )
    return render(
        request, "reporting/workspace/cycles.html", {"form": form, "cycles": cycles}, status=status
    )


def _cycle_action(request: HttpRequest, slug: str, action: str) -> HttpResponse:
    _require_manager(request)
    user = _user(request)
    cycle = get_object_or_404(ReportingCycle, slug=slug)
    try:
        if action == "open":
            services.open_cycle(cycle, by=user)
            messages.success(
                request,
                _("Cycle %(label)s is open: each actor asked has a draft report.")
                % {"label": cycle.label},
            )
        else:
            services.close_cycle(cycle, by=user)
            messages.success(
                request,
                _("Cycle %(label)s is closed: its reports are locked.") % {"label": cycle.label},
            )
    except ReportingError as error:
        messages.error(request, str(error))
    return redirect("reporting:cycle_manage")


@login_required
@require_POST
def cycle_open(request: HttpRequest, slug: str) -> HttpResponse:
    return _cycle_action(request, slug, "open")


@login_required
@require_POST
def cycle_close(request: HttpRequest, slug: str) -> HttpResponse:
    return _cycle_action(request, slug, "close")
