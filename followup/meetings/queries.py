"""Reads of work plans, calendar rows and meetings shared by the pages and the feeds.

Each function fetches what its page shows in a fixed number of queries, whatever the number
of meetings and rows: relations are joined or prefetched here, never followed lazily.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from followup.meetings.models import CalendarRow, Meeting, WorkPlan
from followup.meetings.timing import Precision, Timing, timing_of
from followup.program.models import Mandate
from followup.reporting.models import Entry
from followup.reporting.templatetags.reporting_public import format_partial_date


@dataclass(frozen=True)
class MeetingFilters:
    kind: str = ""
    year: str = ""
    mandate: Mandate | None = None


def meetings_for_list() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("work_plan").prefetch_related("mandates")


def filter_meetings(meetings: QuerySet[Meeting], filters: MeetingFilters) -> QuerySet[Meeting]:
    if filters.kind:
        meetings = meetings.filter(kind=filters.kind)
    if filters.year:
        meetings = meetings.filter(date__startswith=filters.year)
    if filters.mandate is not None:
        meetings = meetings.filter(mandates=filters.mandate)
    return meetings


def meeting_years() -> list[str]:
    """The years meetings are dated in, latest first (for the year filter)."""
    years = (
        Meeting.objects.exclude(date="")
        .annotate(year=Substr("date", 1, 4))
        .order_by()
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(set(years), reverse=True)


def calendar_years() -> list[str]:
    """The years of meetings and calendar rows, latest first (for the calendar's filter)."""
    rows = (
        CalendarRow.objects.exclude(date="")
        .annotate(year=Substr("date", 1, 4))
        .order_by()
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted({*meeting_years(), *rows}, reverse=True)


def mandates_with_meetings() -> QuerySet[Mandate]:
    return Mandate.objects.filter(meetings__isnull=False).distinct()


@dataclass(frozen=True)
class MeetingsByTime:
    """Upcoming meetings (and those whose date is to be determined) soonest first; past ones
    latest first. A meeting dated "October 2016" is upcoming until October is over."""

    upcoming: list[Meeting]
    past: list[Meeting]


def split_by_time(meetings: Iterable[Meeting], today: datetime.date) -> MeetingsByTime:
    upcoming: list[tuple[Timing, Meeting]] = []
    past: list[tuple[Timing, Meeting]] = []
    for meeting in meetings:
        timing = timing_of(meeting.date, meeting.ends)
        is_past = timing.last is not None and timing.last < today
        (past if is_past else upcoming).append((timing, meeting))
    upcoming.sort(key=lambda pair: (pair[0].sort_key, pair[1].title))
    past.sort(key=lambda pair: (pair[0].sort_key, pair[1].title), reverse=True)
    return MeetingsByTime([m for _, m in upcoming], [m for _, m in past])


def work_plans_for_list() -> QuerySet[WorkPlan]:
    return WorkPlan.objects.annotate(row_count=Count("rows"))


def meeting_for_page(pk: int) -> Meeting:
    """A meeting with everything its page shows but the findings; Http404 if there is none."""
    return get_object_or_404(
        Meeting.objects.select_related("work_plan", "cycle").prefetch_related(
            "mandates", "participants", "documents", "calendar_rows__work_plan"
        ),
        pk=pk,
    )


def entries_of_meeting(meeting: Meeting, visible: QuerySet[Entry]) -> list[Entry]:
    """The report entries recorded from the meeting, among those the reader may see."""
    return list(
        visible.filter(meeting=meeting)
        .select_related("report__cycle", "report__actor")
        .order_by("report__actor__name_en", "order", "pk")
    )


def work_plan_for_page(pk: int) -> tuple[WorkPlan, list[CalendarRow]]:
    plan = get_object_or_404(WorkPlan, pk=pk)
    rows = list(plan.rows.select_related("meeting").prefetch_related("mandates"))
    return plan, rows


# The printable calendar and the feeds.


def calendar_records(
    *, work_plan: WorkPlan | None = None, year: str = ""
) -> tuple[list[Meeting], list[CalendarRow]]:
    """The meetings and the calendar rows not yet linked to a meeting (a row with its meeting
    is shown once, as the meeting), with what the calendar and the feeds read of them.
    `work_plan` keeps the plan's rows and the meetings they planned; `year` the dated records
    starting that year."""
    meetings = Meeting.objects.prefetch_related("mandates")
    rows = CalendarRow.objects.filter(meeting__isnull=True)
    if work_plan is not None:
        planned = CalendarRow.objects.filter(work_plan=work_plan, meeting__isnull=False)
        meetings = meetings.filter(Q(work_plan=work_plan) | Q(pk__in=planned.values("meeting_id")))
        rows = rows.filter(work_plan=work_plan)
    if year:
        meetings = meetings.filter(date__startswith=year)
        rows = rows.filter(date__startswith=year)
    rows = rows.select_related("work_plan").prefetch_related("mandates")
    return list(meetings), list(rows)


@dataclass(frozen=True)
class CalendarItem:
    timing: Timing
    meeting: Meeting | None = None
    row: CalendarRow | None = None

    @property
    def title(self) -> str:
        if self.meeting is not None:
            return self.meeting.title
        assert self.row is not None
        return self.row.activity

    @property
    def mandates(self) -> list[Mandate]:
        record = self.meeting if self.meeting is not None else self.row
        assert record is not None
        return list(record.mandates.all())


@dataclass
class CalendarGroup:
    """A month of the calendar, a year whose month is not set, or the undetermined dates."""

    label: str
    precision: Precision
    items: list[CalendarItem] = field(default_factory=list)


def _group_of(timing: Timing) -> tuple[tuple[int, int], str, Precision]:
    if timing.first is None:
        return (9999, 99), _("Date to be determined"), Precision.NONE
    if timing.precision == Precision.YEAR:
        label = _("%(year)s, month to be determined") % {"year": timing.first.year}
        return (timing.first.year, 13), label, Precision.YEAR
    month = f"{timing.first.year:04d}-{timing.first.month:02d}"
    return (timing.first.year, timing.first.month), format_partial_date(month), Precision.MONTH


def calendar_groups(meetings: list[Meeting], rows: list[CalendarRow]) -> list[CalendarGroup]:
    """Everything by month in date order; within a month the set days first, then what has
    only the month; a year's undated months after its last month; "to be determined" last."""
    items = [CalendarItem(timing_of(m.date, m.ends), meeting=m) for m in meetings]
    items += [CalendarItem(timing_of(r.date), row=r) for r in rows]
    items.sort(key=lambda item: (item.timing.sort_key, item.title))
    groups: dict[tuple[int, int], CalendarGroup] = {}
    for item in items:
        key, label, precision = _group_of(item.timing)
        groups.setdefault(key, CalendarGroup(label, precision)).items.append(item)
    return [groups[key] for key in sorted(groups)]
