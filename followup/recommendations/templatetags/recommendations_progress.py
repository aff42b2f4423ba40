"""Template helpers of the recommendations' public pages: shares as percentages, and links to
pages another app may not have yet."""

import math

from django import template
from django.db.models import Model
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _

register = template.Library()


def format_share(value: float | None) -> str:
    """A share implemented as a whole percentage ("45 %", halves rounded up), or "no data".
    The no-break space keeps the sign beside its number."""
    if value is None:
        return _("no data")
    return f"{math.floor(value + 0.5)}\u00a0%"


@register.filter
def share(value: float | None) -> str:
    return format_share(value)


@register.filter
def page_url(record: Model | None) -> str:
    """The record's page, or "" when there is none or its route is not mounted (yet)."""
    if record is None:
        return ""
    try:
        url: str = record.get_absolute_url()  # type: ignore[attr-defined]
    except (AttributeError, NoReverseMatch):
        return ""
    return url
