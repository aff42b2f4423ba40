"""Figures in the statistics' templates, written in the visitor's language (formatting.py)."""

from django import template

from followup.statistics.areas import area_name as name_of_area
from followup.statistics.formatting import format_change, format_number, format_value
from followup.statistics.models import Indicator

register = template.Library()


@register.filter
def figure(value: float | None, indicator: Indicator) -> str:
    """The figure with the indicator's decimals and unit: "61,000,000 persons"; "" for None."""
    if value is None:
        return ""
    return format_value(value, indicator.unit, indicator.decimals)


@register.filter
def number(value: float | None, indicator: Indicator) -> str:
    """The figure with the indicator's decimals only, for a column whose header gives the
    unit; "" for None."""
    if value is None:
        return ""
    return format_number(value, indicator.decimals)


@register.filter
def change(value: float | None) -> str:
    return "" if value is None else format_change(value)


@register.filter
def area_name(code: str) -> str:
    return name_of_area(code)
