"""Dates that keep their precision: `2016-10-20`, `2016-10` or `2016`.

Reports say "in October 2016" or "during 2019" as often as they give a day; storing such a date
as the first of the month would invent a precision the source never had. A partial date is kept
as its ISO text, which also sorts correctly as a string.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_PATTERN = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


class PartialDateError(ValidationError):
    pass


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text


def parse_partial_date(text: str) -> PartialDate:
    """Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; PartialDateError naming what is wrong."""
    cleaned = text.strip()
    match = _PATTERN.fullmatch(cleaned)
    if not match:
        raise PartialDateError(
            _("“%(text)s” is not a date; write 2016-10-20, 2016-10 or 2016.") % {"text": cleaned},
            code="invalid_date",
        )
    year, month, day = match["year"], match["month"], match["day"]
    if int(year) < 1900 or int(year) > 2100:
        raise PartialDateError(
            _("The year %(year)s is out of range (1900 to 2100).") % {"year": year},
            code="year_out_of_range",
        )
    if month and not 1 <= int(month) <= 12:
        raise PartialDateError(
            _("There is no month %(month)s; months go from 01 to 12.") % {"month": month},
            code="invalid_month",
        )
    if day:
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            raise PartialDateError(
                _("%(text)s does not exist in the calendar.") % {"text": cleaned},
                code="impossible_date",
            ) from None
    return PartialDate(int(year), int(month) if month else None, int(day) if day else None)


def validate_partial_date(text: str) -> None:
    parse_partial_date(text)


def check_range(start: str, end: str) -> None:
    """A range may be open-ended, but its end cannot come before its start."""
    if not start or not end:
        return
    first, last = parse_partial_date(start), parse_partial_date(end)
    if last.last_day() < first.first_day():
        raise PartialDateError(
            _("The end (%(end)s) comes before the start (%(start)s).")
            % {"end": end, "start": start},
            code="reversed_range",
        )
