"""The messages of the statistics API, each said once; tests assert these exact texts."""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "unknown_indicator": _("“%(value)s” is not an indicator code."),
    "not_a_year": _("“%(value)s” is not a year; write one such as 2016."),
    "unknown_parameter": _("There is no such parameter here; the parameters are %(names)s."),
    "years_reversed": _("year_from (%(first)s) is after year_to (%(last)s)."),
}
TAGS = ["statistics"]
