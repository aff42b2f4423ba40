"""The focal points' workspace: their reports, entries, the planned-vs-done checklist, submit.

Every object is fetched through `permissions` (404 when hidden) and every write goes through one
service; a rule refusing the action comes back as a message, never as an error page.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from followup.accounts.models import User
from followup.ingest.permissions import can_import
from followup.ingest.templatetags.provenance import accepted_proposals
from followup.reporting import permissions, services
from followup.reporting.forms import (
    AttachmentForm,
    EntryForm,
    FollowUpForm,
    OriginalReportForm,
    RevisionForm,
)
from followup.reporting.models import ActorReport, Attachment, Entry, PlannedFollowUp
from followup.reporting.services import ReportingError, StaleRevision


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
def workspace(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    visible = permissions.reports_visible_to(user).select_related("cycle", "actor")
    mine = visible.filter(actor__members__user=user).order_by("-cycle__opens_on", "actor__name_en")
    to_review = (
        visible.filter(status=ActorReport.Status.SUBMITTED).order_by(
            "cycle__deadline", "submitted_at"
        )
        if permissions.is_reviewer(user) or permissions.is_secretariat(user)
        else ActorReport.objects.none()
    )
    return render(
        request,
        "reporting/workspace/home.html",
        {
            "mine": mine,
            "to_review": to_review,
            "is_secretariat": permissions.is_secretariat(user),
            # The import pages belong to the ingest app, which decides who may use them.
            "can_import": can_import(user),
        },
    )


def _report_context(user: User, report: ActorReport) -> dict[str, object]:
    entries = (
        report.entries.filter(deleted_at__isnull=True)
        .prefetch_related(
            "countries",
            "themes",
            "population_groups",
            "activities",
            "figures",
            "links",
            "attachments",
        )
        .order_by("kind", "order", "pk")
    )
    followups = report.followups.select_related("planned").order_by("planned__order", "planned__pk")
    editable = permissions.can_edit_report(user, report)
    return {
        "report": report,
        # Where imported entries were read from, for the whole page in one query.
        "provenance": accepted_proposals(Entry, [entry.pk for entry in entries]),
        "entries_by_kind": [
            (label, [e for e in entries if e.kind == kind]) for kind, label in Entry.Kind.choices
        ],
        "followups": [
            (
                followup,
                FollowUpForm(
                    initial={
                        "revision": report.revision,
                        "outcome": followup.outcome
                        if followup.outcome != PlannedFollowUp.Outcome.PENDING
                        else None,
                        "reason": followup.reason,
                    },
                    prefix=f"f{followup.pk}",
                ),
            )
            for followup in followups
        ],
        "comments": report.comments.select_related("author"),
        "editable": editable,
        "can_submit": permissions.can_submit_report(user, report),
        "can_return": permissions.can_return_report(user, report),
        "can_accept": permissions.can_accept_report(user, report),
        "can_publish": permissions.can_publish_report(user, report),
        "can_reopen": permissions.can_reopen_report(user, report),
        "is_secretariat": permissions.is_secretariat(user),
        "revision_form": RevisionForm(initial={"revision": report.revision}),
        "original_form": OriginalReportForm(
            initial={"revision": report.revision, "language": report.original_language or "es"}
        ),
    }


@login_required
def report_page(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    report = permissions.get_report_for(user, pk)
    return render(request, "reporting/workspace/report.html", _report_context(user, report))


def _entry_form_page(
    request: HttpRequest, report: ActorReport, entry: Entry | None
) -> HttpResponse:
    user = _user(request)
    if not permissions.can_edit_report(user, report):
        raise PermissionDenied
    conflict: Entry | None = None
    status = 200
    if request.method == "POST" and request.headers.get("X-Autosave") == "1":
        return _autosave(request, report, entry)
    if request.method == "POST":
        form = EntryForm(request.POST, report=report)
        if form.is_valid():
            values = {k: v for k, v in form.cleaned_data.items() if k != "revision"}
            try:
                saved = services.save_entry(
                    report,
                    values,
                    by=user,
                    entry=entry,
                    expected_revision=form.cleaned_data["revision"],
                )
            except StaleRevision as error:
                # Both texts are kept: the form keeps what this person typed, and the saved
                # version is shown beside it to compare before saving again.
                form.add_error(None, str(error))
                conflict = entry
                status = 409
            except ValidationError as error:
                _add_model_errors(form, error)
                status = 400
            else:
                messages.success(request, _("Entry saved: “%(title)s”.") % {"title": saved.title})
                if "save_and_add" in request.POST:
                    return redirect("reporting:entry_create", pk=report.pk)
                return redirect(f"{report_url(report)}#entry-{saved.pk}")
        else:
            status = 400
    elif entry is not None:
        form = EntryForm(initial=EntryForm.initial_for(entry, report.revision), report=report)
    else:
        form = EntryForm(
            initial={"revision": report.revision, "language": request.LANGUAGE_CODE[:2]},
            report=report,
        )
    if conflict is not None:
        conflict.refresh_from_db()
        # The next save is made knowingly over the newer version.
        data = request.POST.copy()
        data["revision"] = str(report.revision)
        form.data = data
    return render(
        request,
        "reporting/workspace/entry_form.html",
        {"report": report, "entry": entry, "form": form, "conflict": conflict},
        status=status,
    )


def _autosave(request: HttpRequest, report: ActorReport, entry: Entry | None) -> JsonResponse:
    """The entry form's background save (static/followup/js/autosave.js): same rules as the
    Save button, answered in JSON so the page can say what happened without reloading."""
    form = EntryForm(request.POST, report=report)
    if not form.is_valid():
        return JsonResponse({"saved": False, "errors": form.errors.get_json_data()}, status=400)
    values = {k: v for k, v in form.cleaned_data.items() if k != "revision"}
    try:
        saved = services.save_entry(
            report,
            values,
            by=_user(request),
            entry=entry,
            expected_revision=form.cleaned_data["revision"],
        )
    except StaleRevision as error:
        return JsonResponse({"saved": False, "conflict": True, "message": str(error)}, status=409)
    except ValidationError as error:
        return JsonResponse({"saved": False, "message": " ".join(error.messages)}, status=400)
    report.refresh_from_db(fields=["revision"])
    return JsonResponse(
        {
            "saved": True,
            "revision": report.revision,
            "edit_url": reverse("reporting:entry_edit", args=[saved.pk]),
            "message": _("Draft saved at %(time)s.")
            % {"time": timezone.localtime().strftime("%H:%M")},
        }
    )


def _add_model_errors(form: EntryForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)


def report_url(report: ActorReport) -> str:
    return reverse("reporting:report_page", args=[report.pk])


@login_required
def entry_create(request: HttpRequest, pk: int) -> HttpResponse:
    report = permissions.get_report_for(_user(request), pk)
    return _entry_form_page(request, report, None)


def _entry_for(user: User, pk: int) -> Entry:
    entry = get_object_or_404(
        Entry.objects.select_related("report"), pk=pk, deleted_at__isnull=True
    )
    permissions.get_report_for(user, entry.report_id)  # 404 when the report is hidden
    return entry


@login_required
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    entry = _entry_for(user, pk)
    report = permissions.get_report_for(user, entry.report_id)
    return _entry_form_page(request, report, entry)


def run_action(
    request: HttpRequest, report: ActorReport, action: object, success: str
) -> HttpResponse:
    """Run a service for a POST action; its refusal comes back as a message on the report."""
    try:
        action()  # type: ignore[operator]
    except StaleRevision as error:
        messages.error(request, str(error))
    except ReportingError as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect(report_url(report))


def posted_revision(request: HttpRequest) -> int:
    form = RevisionForm(request.POST)
    if not form.is_valid():
        raise Http404  # a tampered or truncated form
    revision: int = form.cleaned_data["revision"]
    return revision


@login_required
@require_POST
def entry_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    entry = _entry_for(user, pk)
    report = entry.report
    revision = posted_revision(request)
    return run_action(
        request,
        report,
        lambda: services.delete_entry(entry, by=user, expected_revision=revision),
        _("Entry deleted. The secretariat can restore it if needed."),
    )


@login_required
@require_POST
def followup_update(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    followup = get_object_or_404(PlannedFollowUp.objects.select_related("report"), pk=pk)
    report = permissions.get_report_for(user, followup.report_id)
    form = FollowUpForm(request.POST, prefix=f"f{followup.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose what became of the planned activity."))
        return redirect(report_url(report))
    return run_action(
        request,
        report,
        lambda: services.record_followup(
            followup,
            outcome=form.cleaned_data["outcome"],
            reason=form.cleaned_data["reason"],
            by=user,
            expected_revision=form.cleaned_data["revision"],
        ),
        _("Saved what became of “%(title)s”.") % {"title": followup.planned.title},
    )


@login_required
@require_POST
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    report = permissions.get_report_for(user, pk)
    revision = posted_revision(request)
    return run_action(
        request,
        report,
        lambda: services.submit_report(report, by=user, expected_revision=revision),
        _("Report submitted to the CAM secretariat. Thank you."),
    )


@login_required
@require_POST
def report_original(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    report = permissions.get_report_for(user, pk)
    form = OriginalReportForm(request.POST, request.FILES)
    if not form.is_valid():
        _flash_errors(request, form)
        return redirect(report_url(report))
    upload = form.cleaned_data["file"]
    return run_action(
        request,
        report,
        lambda: services.attach_original(
            report,
            upload,
            language=form.cleaned_data["language"],
            by=user,
            expected_revision=form.cleaned_data["revision"],
        ),
        _("Complete report attached: “%(name)s”.") % {"name": upload.name},
    )


@login_required
@require_POST
def entry_attach(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    entry = _entry_for(user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        _flash_errors(request, form)
        return redirect(report_url(entry.report))
    upload = form.cleaned_data["file"]
    return run_action(
        request,
        entry.report,
        lambda: services.attach_file(
            entry, upload, by=user, expected_revision=form.cleaned_data["revision"]
        ),
        _("File attached: “%(name)s”.") % {"name": upload.name},
    )


def _flash_errors(request: HttpRequest, form: forms.Form) -> None:
    for errors in form.errors.values():
        messages.error(request, " ".join(str(error) for error in errors))


def _download(file: FieldFile, name: str, content_type: str | None = None) -> FileResponse:
    # Always a download, with the detected type: uploaded files are never rendered inline.
    response = FileResponse(file.open("rb"), as_attachment=True, filename=name)
    if content_type:
        response["Content-Type"] = content_type
    return response


def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """Files follow their report: public once published, else only for who may see the draft."""
    attachment = get_object_or_404(Attachment.objects.select_related("entry"), pk=pk)
    if not permissions.entries_visible_to(request.user).filter(pk=attachment.entry_id).exists():
        raise Http404
    return _download(attachment.file, attachment.name, attachment.content_type)


def original_download(request: HttpRequest, pk: int) -> FileResponse:
    report = permissions.get_report_for(request.user, pk)
    if not report.original_file:
        raise Http404
    return _download(report.original_file, report.original_file.name.rsplit("/", 1)[-1])
