"""When a meeting or a calendar row takes place, as precisely as the CAM knows it.

A work plan says "October 2016, date to be determined" as often as it gives a day. Pages,
the printable calendar and the iCalendar feeds all read the date through `timing_of`, so
none of them invents a day: a month stays a month, a year a year, and no date stays "to be
determined".
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

from followup.dates import PartialDateError, parse_partial_date
from followup.reporting.templatetags.reporting_public import format_date_range


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    NONE = "none"  # to be determined


_VAGUEST_FIRST = [Precision.YEAR, Precision.MONTH, Precision.DAY]


@dataclass(frozen=True)
class Timing:
    """`first` and `last` are the first and last days the date may cover (both None when it is
    to be determined); `start` and `end` are the texts as stored; `precision` is the vaguer
    of the two."""

    precision: Precision
    start: str
    end: str
    first: datetime.date | None
    last: datetime.date | None

    @property
    def is_determined(self) -> bool:
        return self.first is not None

    @property
    def label(self) -> str:
        """ "20 October 2016", "October 2016", "2017", a range, or "To be determined"."""
        if not self.is_determined:
            return _("To be determined")
        return format_date_range(self.start, self.end)

    @property
    def precision_note(self) -> str:
        """What is not known yet, said plainly: empty when the day is set."""
        if self.precision == Precision.MONTH:
            return _("day to be determined")
        if self.precision == Precision.YEAR:
            return _("month to be determined")
        if self.precision == Precision.NONE:
            return _("date to be determined")
        return ""

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Days first within their month, then what has only the month; months before what has
        only the year; undetermined dates last."""
        if self.first is None:
            return (9999, 99, 99)
        if self.precision == Precision.YEAR:
            return (self.first.year, 13, 0)
        if self.precision == Precision.MONTH:
            return (self.first.year, self.first.month, 32)
        return (self.first.year, self.first.month, self.first.day)


def timing_of(start: str, end: str = "") -> Timing:
    """The timing of a stored date and optional end. A date that does not parse (never saved
    by the services, but imported data may hold one) counts as to be determined."""
    try:
        first = parse_partial_date(start) if start else None
        last = parse_partial_date(end) if end else first
    except PartialDateError:
        return Timing(Precision.NONE, start, end, None, None)
    if first is None or last is None:
        return Timing(Precision.NONE, start, end, None, None)
    # The vaguer of the two: the services refuse an end vaguer than its start, but a record
    # saved before that rule, or written around the services, must not pass for a set day.
    precision = min(Precision(first.precision), Precision(last.precision), key=_VAGUEST_FIRST.index)
    return Timing(precision, start, end, first.first_day(), last.last_day())
