"""Work plans and their calendar rows."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from followup.accounts.models import User
from followup.dates import PartialDateError, check_range, parse_partial_date
from followup.meetings import permissions
from followup.meetings.models import CalendarRow, WorkPlan
from followup.meetings.services.common import (
    normalize_dates,
    require,
    require_text,
    save_with_history,
    set_fields,
)

WORK_PLAN_FIELDS = ("title", "period_start", "period_end")
ROW_FIELDS = ("date", "date_text", "activity", "notes", "order", "meeting")


def _check_period(plan: WorkPlan) -> None:
    errors: dict[str, list[str]] = {}
    for field in ("period_start", "period_end"):
        text = getattr(plan, field)
        if not text:
            continue
        try:
            parsed = parse_partial_date(text)
        except PartialDateError as error:
            errors[field] = error.messages
            continue
        if parsed.precision != "year":
            errors[field] = [_("Write a year, such as 2016.")]
    if errors:
        raise ValidationError(errors)
    try:
        check_range(plan.period_start, plan.period_end)
    except PartialDateError as error:
        raise ValidationError({"period_end": error.messages}) from None


@transaction.atomic
def save_work_plan(plan: WorkPlan, values: Mapping[str, Any], *, by: User) -> WorkPlan:
    """Create (`plan.pk` is None) or change a work plan: `title`, `period_start` and
    `period_end` (years; the end may not come before the start)."""
    require(permissions.can_manage_meetings(by))
    set_fields(plan, values, WORK_PLAN_FIELDS)
    require_text(plan.title, "title", _("Give the work plan's title."))
    _check_period(plan)
    plan.full_clean()
    save_with_history(plan, by, "created" if plan.pk is None else "changed")
    return plan


def create_work_plan(values: Mapping[str, Any], *, by: User) -> WorkPlan:
    return save_work_plan(WorkPlan(), values, by=by)


@transaction.atomic
def save_calendar_row(row: CalendarRow, values: Mapping[str, Any], *, by: User) -> CalendarRow:
    """Create (`row.pk` is None, `row.work_plan` set) or change a calendar row: `date` (a day,
    a month, a year or empty when to be determined), `date_text` (as the plan writes it),
    `activity`, `notes`, `order`, `meeting` (or None), `mandates` (records; replaces)."""
    require(permissions.can_manage_meetings(by))
    creating = row.pk is None
    set_fields(row, values, ROW_FIELDS)
    require_text(row.activity, "activity", _("Say what the activity is."))
    normalize_dates(row, "date")
    if creating and "order" not in values:
        row.order = row.work_plan.rows.count()
    row.full_clean()
    save_with_history(row, by, "created" if creating else "changed")
    if "mandates" in values:
        row.mandates.set(values["mandates"])
    return row


def add_calendar_row(plan: WorkPlan, values: Mapping[str, Any], *, by: User) -> CalendarRow:
    """A new row at the end of the plan (unless `order` is given); `values` as for
    `save_calendar_row`."""
    return save_calendar_row(CalendarRow(work_plan=plan), values, by=by)
