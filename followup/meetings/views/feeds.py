"""The iCalendar feeds: the whole calendar (optionally one work plan's) and one meeting.

The feed's words (summaries saying a day is not set, categories) are in the language of the
address, like the pages: /en/meetings/calendar.ics or /es/meetings/calendar.ics.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from followup.meetings import ical, queries
from followup.meetings.models import WorkPlan

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def feed(request: HttpRequest) -> HttpResponse:
    """All meetings and the calendar rows not yet linked to one; `?work_plan=<pk>` for one
    plan (an unknown plan is a 404, not a silently complete feed)."""
    plan: WorkPlan | None = None
    wanted = request.GET.get("work_plan", "")
    if wanted:
        plan = WorkPlan.objects.filter(pk=int(wanted)).first() if wanted.isdigit() else None
        if plan is None:
            raise Http404
    meetings, rows = queries.calendar_records(work_plan=plan)
    stamp = timezone.now()
    absolute = request.build_absolute_uri
    items = [ical.meeting_item(m, absolute=absolute, stamp=stamp) for m in meetings]
    items += [ical.row_item(r, absolute=absolute, stamp=stamp) for r in rows]
    name = plan.title if plan is not None else _("Calendar of the CAM")
    filename = f"cam-work-plan-{plan.pk}.ics" if plan is not None else "cam-calendar.ics"
    return _calendar_response(ical.build_calendar(items, name=str(name)), filename)


def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = queries.meeting_for_page(pk)
    item = ical.meeting_item(meeting, absolute=request.build_absolute_uri, stamp=timezone.now())
    content = ical.build_calendar([item], name=meeting.title)
    return _calendar_response(content, f"meeting-{meeting.pk}.ics")
