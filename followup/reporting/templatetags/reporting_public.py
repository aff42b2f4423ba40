"""Template helpers of the public reporting pages: dates in their precision, country names.

A partial date is shown as precisely as it was reported: "2019", "October 2016", or a full
date; inventing a day for "October 2016" would claim a precision the report never had. Month
and day precision use Django's formats of the active language (YEAR_MONTH_FORMAT and
DATE_FORMAT), like every other date on the site, so Spanish reads "octubre de 2016" and
"20 de octubre de 2016" with Django's own month names.
"""

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from followup.countries import country_name as _country_name
from followup.dates import PartialDateError, parse_partial_date

register = template.Library()


def format_partial_date(text: str) -> str:
    """`2016-10-20`, `2016-10` or `2016` in the active language; an empty text stays empty and
    a text that is no date (never stored, but imported data may hold one) is kept as is."""
    if not text:
        return ""
    try:
        parsed = parse_partial_date(text)
    except PartialDateError:
        return text
    if parsed.precision == "year":
        return str(parsed.year)
    if parsed.precision == "month":
        return date_format(parsed.first_day(), "YEAR_MONTH_FORMAT")
    return date_format(parsed.first_day(), "DATE_FORMAT")


def format_date_range(starts: str, ends: str) -> str:
    """A single date, a range with an en dash, or an open-ended "until …"."""
    start, end = format_partial_date(starts), format_partial_date(ends)
    if start and end and start != end:
        return f"{start} – {end}"
    if end and not start:
        return _("until %(end)s") % {"end": end}
    return start


@register.filter
def partial_date(text: str) -> str:
    return format_partial_date(text)


@register.filter
def date_range(starts: str, ends: str) -> str:
    return format_date_range(starts, ends)


@register.filter
def country_name(code: str) -> str:
    """The country's common name in the active language ("Bolivia", not the ISO long form)."""
    return _country_name(code)
