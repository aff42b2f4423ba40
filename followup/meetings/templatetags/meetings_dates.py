"""Dates of meetings and calendar rows on the pages, as precisely as they are known (see
timing.py): `{% with timing=meeting|timing %}{{ timing.label }}{% endwith %}`."""

from django import template

from followup.meetings.models import CalendarRow, Meeting
from followup.meetings.timing import Timing, timing_of

register = template.Library()


@register.filter
def timing(record: Meeting | CalendarRow) -> Timing:
    return timing_of(record.date, getattr(record, "ends", ""))
