"""iCalendar (RFC 5545) feeds of the CAM's meetings and work-plan calendar rows.

Dates stay honest in other people's calendars:
- a day is an all-day event (DTSTART;VALUE=DATE, DTEND the day after the last day);
- a month (or a year) is an all-day event over the whole month (or year), TENTATIVE, whose
  summary says the day is not set ("date to be set within October 2016");
- a date to be determined is a VTODO without any date, so no fake day shows up anywhere.
Every component says its precision in `X-FOLLOWUP-DATE-PRECISION` (day, month, year, none).

UIDs are stable (`meeting-<pk>@<host>`, `calendar-row-<pk>@<host>`) so a calendar that
subscribed updates the event instead of adding a copy; PRODID is stable for the same reason.
The host is the site's own (followup.example.org): the staging and production sites number
their meetings alike, and one subscriber's calendar must not take one's meeting 12 for the
other's.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from icalendar import Calendar, Component, Event, Todo

from followup.meetings.models import CalendarRow, Meeting
from followup.meetings.timing import Precision, Timing, timing_of

PRODID = "-//OAS Committee on Migration Issues//Follow-up//EN"
PRECISION_PROPERTY = "X-FOLLOWUP-DATE-PRECISION"
ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class FeedItem:
    """What the feed says of one meeting or calendar row."""

    uid: str
    title: str
    timing: Timing
    url: str
    description: str
    category: str
    location: str
    cancelled: bool
    confirmed: bool  # a meeting convened or held on a set day, not a plan's intention
    stamp: datetime.datetime  # when the feed was made (METHOD:PUBLISH, RFC 5545 3.8.7.2)
    modified: datetime.datetime | None


def _mandates_line(symbols: list[str]) -> str:
    return _("Mandates: %(symbols)s") % {"symbols": ", ".join(symbols)} if symbols else ""


def _when_not_set(timing: Timing) -> str:
    """ "date to be set within October 2016" (or within the whole range the dates give), or
    empty when the days are set."""
    if timing.precision in (Precision.MONTH, Precision.YEAR):
        return _("date to be set within %(period)s") % {"period": timing.label}
    if timing.precision == Precision.NONE:
        return _("date to be determined")
    return ""


def meeting_item(
    meeting: Meeting, *, absolute: Callable[[str], str], stamp: datetime.datetime, host: str
) -> FeedItem:
    """A meeting with its mandates prefetched; `host` names the site in its UID."""
    timing = timing_of(meeting.date, meeting.ends)
    lines = [
        _mandates_line([mandate.symbol for mandate in meeting.mandates.all()]),
        *meeting.agenda_items,
        meeting.outcomes,
    ]
    return FeedItem(
        uid=f"meeting-{meeting.pk}@{host}",
        title=meeting.title,
        timing=timing,
        url=absolute(meeting.get_absolute_url()),
        description="\n".join(line for line in lines if line),
        category=str(meeting.get_kind_display()),
        location=meeting.location,
        cancelled=meeting.status == Meeting.Status.CANCELLED,
        confirmed=meeting.status in (Meeting.Status.PLANNED, Meeting.Status.HELD),
        stamp=stamp,
        modified=meeting.updated_at,
    )


def row_item(
    row: CalendarRow, *, absolute: Callable[[str], str], stamp: datetime.datetime, host: str
) -> FeedItem:
    """A calendar row with its work plan selected and its mandates prefetched; `host` names
    the site in its UID."""
    lines = [
        _mandates_line([mandate.symbol for mandate in row.mandates.all()]),
        row.notes,
        _("As written in the work plan: %(text)s") % {"text": row.date_text}
        if row.date_text
        else "",
        _("Work plan: %(title)s") % {"title": row.work_plan.title},
    ]
    activity_lines = row.activity.splitlines()
    return FeedItem(
        uid=f"calendar-row-{row.pk}@{host}",
        title=activity_lines[0].strip() if activity_lines else row.activity,
        timing=timing_of(row.date),
        url=absolute(f"{row.work_plan.get_absolute_url()}#row-{row.pk}"),
        description="\n".join(line for line in [row.activity, *lines] if line),
        category=str(_("Work plan activity")),
        location="",
        cancelled=False,
        confirmed=False,
        stamp=stamp,
        modified=None,
    )


def _component(item: FeedItem) -> Component:
    timing = item.timing
    note = _when_not_set(timing)
    summary = (
        _("%(title)s (%(note)s)") % {"title": item.title, "note": note} if note else item.title
    )
    component: Component
    if timing.first is None or timing.last is None:
        component = Todo()
        component.add("status", "CANCELLED" if item.cancelled else "NEEDS-ACTION")
    else:
        component = Event()
        component.add("dtstart", timing.first)
        component.add("dtend", timing.last + ONE_DAY)
        component.add("transp", "TRANSPARENT")  # an all-day mark, not a busy day
        if item.cancelled:
            status = "CANCELLED"
        elif item.confirmed and timing.precision == Precision.DAY:
            status = "CONFIRMED"
        else:
            status = "TENTATIVE"
        component.add("status", status)
    component.add("uid", item.uid)
    component.add("dtstamp", item.stamp)
    if item.modified is not None:
        component.add("last-modified", item.modified)
    component.add("summary", summary)
    description = "\n".join(part for part in (capfirst(note), item.description) if part)
    if description:
        component.add("description", description)
    component.add("url", item.url)
    component.add("categories", [item.category])
    if item.location:
        component.add("location", item.location)
    component.add(PRECISION_PROPERTY, timing.precision.value)
    return component


def build_calendar(items: Iterable[FeedItem], *, name: str) -> bytes:
    """The calendar file, its components in date order (undetermined dates last)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    for item in sorted(items, key=lambda item: (item.timing.sort_key, item.uid)):
        calendar.add_component(_component(item))
    return bytes(calendar.to_ical())
