"""The secretariat's side of the calendar: meetings, their documents and findings, work plans
and their rows.

Every page asks `permissions.can_manage_meetings` (others get 403, visitors the sign-in page),
every write goes through one service, and what the service refuses comes back beside the field
with what was typed kept (status 400), or as a message for a rule that refuses the action.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from followup.accounts.models import User
from followup.meetings import permissions, queries, services
from followup.meetings.forms import (
    CalendarRowForm,
    DocumentForm,
    EntryFindingForm,
    MeetingForm,
    RecommendationFindingForm,
    WorkPlanForm,
)
from followup.meetings.models import CalendarRow, Meeting, WorkPlan
from followup.meetings.services import MeetingError
from followup.workspace_forms import add_service_errors, posted


def _secretariat(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not permissions.can_manage_meetings(user):
        raise PermissionDenied
    return user


def _form_page(
    request: HttpRequest, template: str, context: dict[str, Any], *, invalid: bool
) -> HttpResponse:
    return render(
        request, f"meetings/workspace/{template}", context, status=400 if invalid else 200
    )


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    """Where the secretariat starts: every meeting and work plan, with their forms."""
    _secretariat(request)
    return render(
        request,
        "meetings/workspace/manage.html",
        {
            "meetings": Meeting.objects.order_by("-date", "title"),
            "work_plans": queries.work_plans_for_list(),
        },
    )


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    user = _secretariat(request)
    form = MeetingForm(posted(request), initial={"language": request.LANGUAGE_CODE[:2]})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.create_meeting(form.values(), by=user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Meeting saved: “%(title)s”.") % {"title": meeting.title})
            return redirect("meetings:meeting_edit", meeting.pk)
    return _form_page(
        request, "meeting_form.html", {"form": form, "meeting": None}, invalid=form.is_bound
    )


@login_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _secretariat(request)
    meeting = queries.meeting_for_page(pk)
    if request.method == "POST":
        form = MeetingForm(request.POST)
        if form.is_valid():
            try:
                services.save_meeting(meeting, form.values(), by=user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("Meeting saved: “%(title)s”.") % {"title": meeting.title}
                )
                return redirect("meetings:meeting_edit", meeting.pk)
    else:
        form = MeetingForm(initial=MeetingForm.initial_for(meeting))
    return _form_page(
        request, "meeting_form.html", {"form": form, "meeting": meeting}, invalid=form.is_bound
    )


@login_required
def document_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = _secretariat(request)
    meeting = get_object_or_404(Meeting, pk=pk)
    form = DocumentForm(posted(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.add_document(
                meeting, form.values(), upload=form.cleaned_data["file"], by=user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Document added: “%(title)s”.") % {"title": document.title})
            return redirect(meeting)
    return _form_page(
        request, "document_form.html", {"form": form, "meeting": meeting}, invalid=form.is_bound
    )


@login_required
@require_POST
def plan_from_row(request: HttpRequest, pk: int) -> HttpResponse:
    user = _secretariat(request)
    row = get_object_or_404(CalendarRow, pk=pk)
    try:
        meeting = services.plan_meeting_from_row(row, by=user)
    except (MeetingError, ValidationError) as error:
        text = str(error) if isinstance(error, MeetingError) else " ".join(error.messages)
        messages.error(request, text)
        return redirect(row.work_plan)
    messages.success(
        request,
        _("Meeting planned: “%(title)s”. Complete it below.") % {"title": meeting.title},
    )
    return redirect("meetings:meeting_edit", meeting.pk)


@login_required
def finding_entry(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a finding of the meeting as an entry of an actor's report."""
    user = _secretariat(request)
    meeting = queries.meeting_for_page(pk)
    form = EntryFindingForm(posted(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = services.record_finding_as_entry(
                meeting,
                actor=data["actor"],
                title=data["title"],
                narrative=data["narrative"],
                kind=data["kind"],
                by=user,
            )
        except MeetingError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Finding recorded in the report of %(actor)s: “%(title)s”.")
                % {"actor": entry.report.actor, "title": entry.title},
            )
            return redirect(meeting)
    return _form_page(
        request,
        "finding_entry_form.html",
        {"form": form, "meeting": meeting},
        invalid=form.is_bound,
    )


@login_required
def finding_recommendation(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a recommendation made at the meeting."""
    user = _secretariat(request)
    meeting = queries.meeting_for_page(pk)
    form = RecommendationFindingForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.record_finding_as_recommendation(meeting, by=user, **form.values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Recommendation recorded."))
            return redirect(meeting)
    return _form_page(
        request,
        "finding_recommendation_form.html",
        {"form": form, "meeting": meeting},
        invalid=form.is_bound,
    )


@login_required
def work_plan_create(request: HttpRequest) -> HttpResponse:
    user = _secretariat(request)
    form = WorkPlanForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.create_work_plan(form.values(), by=user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Work plan saved: “%(title)s”.") % {"title": plan.title})
            return redirect("meetings:work_plan_edit", plan.pk)
    return _form_page(
        request, "work_plan_form.html", {"form": form, "plan": None}, invalid=form.is_bound
    )


@login_required
def work_plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan's own fields, its rows with a link to edit each, and a form for a new row."""
    user = _secretariat(request)
    plan, rows = queries.work_plan_for_page(pk)
    if request.method == "POST":
        form = WorkPlanForm(request.POST)
        if form.is_valid():
            try:
                services.save_work_plan(plan, form.values(), by=user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("Work plan saved: “%(title)s”.") % {"title": plan.title}
                )
                return redirect("meetings:work_plan_edit", plan.pk)
    else:
        form = WorkPlanForm(initial=WorkPlanForm.initial_for(plan))
    return _form_page(
        request,
        "work_plan_form.html",
        {"form": form, "plan": plan, "rows": rows, "row_form": CalendarRowForm()},
        invalid=form.is_bound,
    )


@login_required
def row_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = _secretariat(request)
    plan = get_object_or_404(WorkPlan, pk=pk)
    form = CalendarRowForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.add_calendar_row(plan, form.values(), by=user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Calendar row added."))
            return redirect("meetings:work_plan_edit", plan.pk)
    return _form_page(
        request, "row_form.html", {"form": form, "plan": plan, "row": None}, invalid=form.is_bound
    )


@login_required
def row_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _secretariat(request)
    row = get_object_or_404(CalendarRow.objects.select_related("work_plan", "meeting"), pk=pk)
    if request.method == "POST":
        form = CalendarRowForm(request.POST)
        if form.is_valid():
            try:
                services.save_calendar_row(row, form.values(), by=user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Calendar row saved."))
                return redirect("meetings:work_plan_edit", row.work_plan_id)
    else:
        form = CalendarRowForm(initial=CalendarRowForm.initial_for(row))
    return _form_page(
        request,
        "row_form.html",
        {"form": form, "plan": row.work_plan, "row": row},
        invalid=form.is_bound,
    )
