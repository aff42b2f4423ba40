"""Public pages of the CAM's calendar: meetings, work plans, the printable calendar and the
meetings' documents. Everyone reads them (permissions.py); findings recorded as report entries
show only where the reader may see the entry."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from followup.meetings import permissions, queries
from followup.meetings.filters import CalendarFilterForm, MeetingFilterForm
from followup.meetings.models import MeetingDocument
from followup.reporting.permissions import entries_visible_to


def _can_manage(request: HttpRequest) -> bool:
    return permissions.can_manage_meetings(request.user)


def meeting_list(request: HttpRequest) -> HttpResponse:
    """Upcoming meetings (those to be determined among them) and past ones, with the filters
    understood, and the work plans."""
    form = MeetingFilterForm(request.GET)
    form.is_valid()
    meetings = queries.filter_meetings(queries.meetings_for_list(), form.filters())
    by_time = queries.split_by_time(meetings, timezone.localdate())
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "form": form,
            "upcoming": by_time.upcoming,
            "past": by_time.past,
            "work_plans": queries.work_plans_for_list(),
            "can_manage": _can_manage(request),
        },
    )


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = queries.meeting_for_page(pk)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "entries": queries.entries_of_meeting(meeting, entries_visible_to(request.user)),
            "recommendations": meeting.recommendations.select_related("source"),
            "can_manage": _can_manage(request),
        },
    )


def work_plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan, rows = queries.work_plan_for_page(pk)
    return render(
        request,
        "meetings/work_plan_detail.html",
        {"plan": plan, "rows": rows, "can_manage": _can_manage(request)},
    )


def calendar(request: HttpRequest) -> HttpResponse:
    """Every meeting and calendar row by month, printable; filtered by work plan and year."""
    form = CalendarFilterForm(request.GET)
    form.is_valid()
    plan = form.selected_work_plan()
    meetings, rows = queries.calendar_records(work_plan=plan, year=form.selected_year())
    return render(
        request,
        "meetings/calendar.html",
        {
            "form": form,
            "groups": queries.calendar_groups(meetings, rows),
            "work_plan": plan,
        },
    )


def document_download(request: HttpRequest, pk: int) -> FileResponse:
    """A meeting's uploaded file, always as a download with the type detected on upload:
    uploaded files are never rendered inline."""
    document = get_object_or_404(MeetingDocument, pk=pk)
    if not document.file:
        raise Http404
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.file.name.rsplit("/", 1)[-1]
    )
    response["Content-Type"] = document.content_type
    return response
