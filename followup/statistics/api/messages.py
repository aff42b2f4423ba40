"""The messages of the statistics API, each said once; tests assert these exact texts."""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "unknown_indicator": _("“%(value)s” is not an indicator code."),
    "not_a_year": _("“%(value)s” is not a year; write one such as 2016."),
    "unknown_parameter": _("There is no such parameter here; the parameters are %(names)s."),
    "years_reversed": _("year_from (%(first)s) is after year_to (%(last)s)."),
    "not_years": _("“%(value)s” is not a year nor a span of years; write 2016 or 2000-2020."),
    "span_reversed": _("In “%(value)s” the first year is after the last."),
    "too_many_spans": _("Give at most %(limit)s years or spans of years."),
}
TAGS = ["statistics"]
