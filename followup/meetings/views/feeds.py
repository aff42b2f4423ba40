"""The iCalendar feeds: the whole calendar (optionally one work plan's) and one meeting.

The feed's words (summaries saying a day is not set, categories) are in the language of the
address, like the pages: /en/meetings/calendar.ics or /es/meetings/calendar.ics.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from followup.meetings import ical, queries
from followup.meetings.filters import FeedFilterForm

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _uid_host(request: HttpRequest) -> str:
    """The site's host (and port, when not the default) as its UIDs name it; lowercased, as
    a host name is the same site whatever its case."""
    return request.get_host().lower()


def feed(request: HttpRequest) -> HttpResponse:
    """All meetings and the calendar rows not yet linked to one; `?work_plan=<pk>` for one
    plan (an unknown plan is a 404, not a silently complete feed)."""
    form = FeedFilterForm(request.GET)
    if not form.is_valid():
        raise Http404
    plan = form.selected_work_plan()
    meetings, rows = queries.calendar_records(work_plan=plan)
    stamp, host = timezone.now(), _uid_host(request)
    absolute = request.build_absolute_uri
    items = [ical.meeting_item(m, absolute=absolute, stamp=stamp, host=host) for m in meetings]
    items += [ical.row_item(r, absolute=absolute, stamp=stamp, host=host) for r in rows]
    name = plan.title if plan is not None else _("Calendar of the CAM")
    filename = f"cam-work-plan-{plan.pk}.ics" if plan is not None else "cam-calendar.ics"
    return _calendar_response(ical.build_calendar(items, name=str(name)), filename)


def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = queries.meeting_for_page(pk)
    item = ical.meeting_item(
        meeting,
        absolute=request.build_absolute_uri,
        stamp=timezone.now(),
        host=_uid_host(request),
    )
    content = ical.build_calendar([item], name=meeting.title)
    return _calendar_response(content, f"meeting-{meeting.pk}.ics")
