"""Review of submitted reports (return, accept, publish, reopen) and the report's history.

Each step is its own permission (see permissions.py), so the buttons a person sees and the
actions the server accepts come from the same predicates.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from followup.program.history import Change, FieldChange
from followup.reporting import permissions, services
from followup.reporting.forms import ReturnForm
from followup.reporting.models import Entry
from followup.reporting.views.workspace import _user, report_url, run_action


@login_required
@require_POST
def report_return(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    report = permissions.get_report_for(user, pk)
    if not permissions.can_return_report(user, report):
        raise PermissionDenied
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what needs to change when returning a report."))
        return redirect(report_url(report))
    return run_action(
        request,
        report,
        lambda: services.return_report(report, by=user, comment=form.cleaned_data["comment"]),
        _("Report returned to its focal points with your comment."),
    )


@login_required
@require_POST
def report_accept(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    report = permissions.get_report_for(user, pk)
    return run_action(
        request, report, lambda: services.accept_report(report, by=user), _("Report accepted.")
    )


@login_required
@require_POST
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    report = permissions.get_report_for(user, pk)
    return run_action(
        request,
        report,
        lambda: services.publish_report(report, by=user),
        _("Report published: it is now on the public pages."),
    )


@login_required
@require_POST
def report_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    report = permissions.get_report_for(user, pk)
    return run_action(
        request,
        report,
        lambda: services.reopen_report(report, by=user),
        _("Report reopened: its focal points can edit it although the cycle is closed."),
    )


def _changes(records: list[object], label: str) -> list[Change]:
    """History rows of one object, newest first, each with its field diff."""
    changes = []
    ordered = sorted(records, key=lambda record: record.history_date)  # type: ignore[attr-defined]
    previous = None
    for record in ordered:
        fields: list[FieldChange] = []
        if previous is not None:
            delta = record.diff_against(previous)  # type: ignore[attr-defined]
            fields = [FieldChange(str(c.field), str(c.old), str(c.new)) for c in delta.changes]
        user = record.history_user  # type: ignore[attr-defined]
        changes.append(
            Change(
                model=label,
                object_repr=str(record),
                admin_url=None,
                kind={"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}[record.history_type],  # type: ignore[attr-defined]
                when=record.history_date,  # type: ignore[attr-defined]
                who=user.get_username() if user else _("system"),
                reason=record.history_change_reason or "",  # type: ignore[attr-defined]
                fields=fields,
            )
        )
        previous = record
    return changes


@login_required
def report_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every change to the report and its entries (deleted ones included), for the secretariat."""
    user = _user(request)
    report = permissions.get_report_for(user, pk)
    if not permissions.is_secretariat(user):
        raise PermissionDenied
    changes = _changes(list(report.history.select_related("history_user")), str(_("report")))
    entries = list(Entry.objects.filter(report=report))
    for entry in entries:
        changes += _changes(list(entry.history.select_related("history_user")), entry.title)
    changes.sort(key=lambda change: change.when, reverse=True)
    deleted = [entry for entry in entries if entry.deleted_at]
    return render(
        request,
        "reporting/workspace/history.html",
        {"report": report, "changes": changes, "deleted": deleted},
    )


@login_required
@require_POST
def entry_restore(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    entry = get_object_or_404(Entry, pk=pk, deleted_at__isnull=False)
    report = permissions.get_report_for(user, entry.report_id)
    return run_action(
        request,
        report,
        lambda: services.restore_entry(entry, by=user),
        _("Entry restored: “%(title)s”.") % {"title": entry.title},
    )
