"""Breakdowns of an observation by sex, age group or country of origin, written as
`dimension:value` pairs joined by `;` in dimension order ("age:15-24;sex:female"). The empty
breakdown is the total.

One text column rather than a column per dimension keeps an observation's key to four
columns, lets a source add a dimension without a migration, and makes "the total" a plain
equality test on every page (see docs/architecture.md).
"""

import re
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from followup.countries import CountryError, country_name, normalize_code

TOTAL = ""

DIMENSIONS = {
    "sex": gettext_lazy("Sex"),
    "age": gettext_lazy("Age group"),
    "origin": gettext_lazy("Country of origin"),
}
SEXES = {"female": gettext_lazy("female"), "male": gettext_lazy("male")}
# ASCII digits only: "١٥-٢٤" would otherwise be stored as a key apart from "15-24".
_AGE_GROUP = re.compile(r"[0-9]{1,3}(-[0-9]{1,3}|\+)")
# What people write for "no breakdown" in a source file.
_TOTAL_WORDS = {"", "total", "all", "todos", "todas"}


class BreakdownError(ValidationError):
    pass


@lru_cache(maxsize=4096)
def normalize_breakdown(text: str) -> str:
    """The canonical form of a breakdown; BreakdownError naming the faulty part otherwise.
    Cached, and bounded: an import reads the same few breakdowns many times, while a page's
    query string may bring any text."""
    cleaned = text.strip()
    if cleaned.casefold() in _TOTAL_WORDS:
        return TOTAL
    parts: dict[str, str] = {}
    for part in cleaned.split(";"):
        dimension, separator, value = (piece.strip() for piece in part.partition(":"))
        dimension = dimension.casefold()
        if not separator or dimension not in DIMENSIONS or not value:
            raise BreakdownError(
                _(
                    "“%(part)s” is not a breakdown: write dimension:value, with the dimension "
                    "one of %(dimensions)s (for example sex:female or age:15-24)."
                )
                % {"part": part.strip(), "dimensions": ", ".join(DIMENSIONS)},
                code="bad_breakdown",
            )
        if dimension in parts:
            raise BreakdownError(
                _("The breakdown “%(text)s” gives %(dimension)s twice.")
                % {"text": cleaned, "dimension": dimension},
                code="bad_breakdown",
            )
        parts[dimension] = _normalized_value(dimension, value)
    return ";".join(f"{dimension}:{parts[dimension]}" for dimension in sorted(parts))


def _normalized_value(dimension: str, value: str) -> str:
    if dimension == "sex":
        if value.casefold() not in SEXES:
            raise BreakdownError(
                _("“%(value)s” is not a sex in a breakdown: write female or male.")
                % {"value": value},
                code="bad_breakdown",
            )
        return value.casefold()
    if dimension == "age":
        if not _AGE_GROUP.fullmatch(value):
            raise BreakdownError(
                _("“%(value)s” is not an age group: write 15-24 or 65+.") % {"value": value},
                code="bad_breakdown",
            )
        return value
    try:
        return normalize_code(value)
    except CountryError as error:
        raise BreakdownError(error.messages[0], code="bad_breakdown") from None


def breakdown_label(breakdown: str) -> str:
    """ "Total", or the breakdown for a person: "Age group 15-24, Sex female"."""
    if breakdown == TOTAL:
        return _("Total")
    labels = []
    for part in breakdown.split(";"):
        dimension, _separator, value = part.partition(":")
        if dimension == "sex":
            shown = str(SEXES.get(value, value))
        elif dimension == "origin":
            shown = country_name(value)
        else:
            shown = value
        labels.append(
            _("%(dimension)s: %(value)s")
            % {"dimension": DIMENSIONS.get(dimension, dimension), "value": shown}
        )
    return ", ".join(labels)
