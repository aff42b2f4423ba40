"""Figures written for a reader: grouped digits in the visitor's language ("61,000,000" in
English), the indicator's decimals and unit, and short forms for chart axes ("61 M", "65 bn").

Downloads never use these: CSV and JSON carry plain machine numbers (see views/data.py).
"""

import math
from collections.abc import Callable, Sequence

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from followup.statistics.models import Indicator

Unit = Indicator.Unit
NO_BREAK_SPACE = "\u00a0"


def _unbroken(text: str) -> str:
    """Short figures such as "45 %" and "65 bn" must not wrap between number and sign; the
    catalogues keep plain spaces, which translators can see."""
    return text.replace(" ", NO_BREAK_SPACE)


def _percent(number: str) -> str:
    return _unbroken(_("%(number)s %%") % {"number": number})


def format_number(value: float, decimals: int = 0) -> str:
    """The number with the language's grouping and decimal mark, rounded to `decimals`.
    A value that rounds to zero is written without a minus sign ("0", never "-0")."""
    rounded = round(value, decimals)
    if rounded == 0:
        rounded = 0.0
    return number_format(rounded, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def format_value(value: float, unit: str, decimals: int = 0) -> str:
    """A figure with its unit, as a sentence would write it: "61,000,000 persons",
    "US$ 65,000,000,000", "12.5 %", "3.1 per 1,000"."""
    number = format_number(value, decimals)
    if unit == Unit.PERSONS:
        # A float count: "1 person" only when it is exactly one.
        count = 1 if value == 1 else 2
        return ngettext("%(number)s person", "%(number)s persons", count) % {"number": number}
    if unit == Unit.US_DOLLARS:
        return _("US$ %(number)s") % {"number": number}
    if unit == Unit.PERCENT:
        return _percent(number)
    if unit == Unit.PER_THOUSAND:
        return _("%(number)s per 1,000") % {"number": number}
    return number


def value_formatter(indicator: Indicator) -> Callable[[float], str]:
    """format_value with the indicator's unit and decimals, for maps and charts."""

    def formatted(value: float) -> str:
        return format_value(value, indicator.unit, indicator.decimals)

    return formatted


def number_formatter(indicator: Indicator) -> Callable[[float], str]:
    """format_number with the indicator's decimals, for where the unit is said once (a map's
    title and legend)."""

    def formatted(value: float) -> str:
        return format_number(value, indicator.decimals)

    return formatted


def format_change(percent: float) -> str:
    """A change in per cent with its sign and one decimal: "+3.2 %", "−1.5 %", "0.0 %"."""
    number = format_number(abs(percent), 1)
    if round(percent, 1) > 0:
        return "+" + _percent(number)
    if round(percent, 1) < 0:
        # U+2212, the minus sign, reads better than a hyphen beside digits.
        return "\u2212" + _percent(number)
    return _percent(number)


def _scales() -> tuple[tuple[float, str], ...]:
    # Built at each call: the words depend on the active language ("65 bn", "65 mil M").
    return (
        (1e12, _("%(number)s tn")),
        (1e9, _("%(number)s bn")),
        (1e6, _("%(number)s M")),
        (1e3, _("%(number)s k")),
    )


def tick_labels(ticks: Sequence[float], step: float, unit: str = "") -> list[str]:
    """Labels of an axis whose ticks are `step` apart, in one scale for the whole axis (its
    largest tick's): "0", "20 bn", "40 bn"… with as many decimals as the step needs, so that
    no two ticks read alike. Percentages keep their sign ("20 %") and are never scaled."""
    factor, pattern = 1.0, "%(number)s"
    if unit == Unit.PERCENT:
        pattern = _("%(number)s %%")
    else:
        top = max((abs(tick) for tick in ticks), default=0.0)
        for scale, scaled_pattern in _scales():
            if top >= scale:
                factor, pattern = scale, scaled_pattern
                break
    scaled_step = step / factor
    decimals = max(0, -math.floor(math.log10(scaled_step) + 1e-9)) if scaled_step > 0 else 0
    return [
        format_number(0)
        if tick == 0
        else _unbroken(pattern % {"number": format_number(tick / factor, decimals)})
        for tick in ticks
    ]
