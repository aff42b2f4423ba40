"""An entry's figures and links in the API: read as the service takes them, (number, what it
counts) and (url, title) pairs, with every item in error named in the message."""

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from followup.api.fields import check_text, quoted
from followup.reporting.api.messages import MESSAGES

FIGURE_EXAMPLE = '[{"value": 70, "counts": "professionals trained"}]'
LINK_EXAMPLE = '[{"url": "https://www.oas.org/", "title": "OAS"}]'

T = TypeVar("T")


class FigureSerializer(serializers.Serializer):
    value = serializers.FloatField(help_text=_("A number, such as 70 or 12.5."))
    counts = serializers.CharField(max_length=200, help_text=_("What the number counts."))


class LinkSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=500)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)


def _read_objects(data: Any, example: str, read: Callable[[dict[str, Any]], T]) -> list[T]:
    """`read` applied to each object of the list `data`; one ValidationError naming every
    object in error, so the client fixes them all at once."""
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise serializers.ValidationError(MESSAGES["not_a_list_of_objects"] % {"example": example})
    values: list[T] = []
    errors: list[Any] = []
    for item in data:
        try:
            values.append(read(item))
        except serializers.ValidationError as error:
            errors.extend(error.detail)
    if errors:
        raise serializers.ValidationError(errors)
    return values


def _text(value: Any, limit: int) -> str:
    """One text inside a figure or link, stripped (missing or null: empty); ValidationError
    if it is not a text or no column can hold it."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise serializers.ValidationError(MESSAGES["not_a_text"] % {"value": quoted(value)})
    check_text(value)
    text = value.strip()
    if len(text) > limit:
        raise serializers.ValidationError(
            MESSAGES["too_long"] % {"text": text[:30], "limit": limit}
        )
    return text


# Figures are stored as numbers with at most 14 digits before the point and 2 after.
_LARGEST_FIGURE = Decimal(10) ** 14
_CENTS = Decimal("0.01")


def _figure_value(raw: Any) -> Decimal:
    """A figure's value: a JSON number, or a text holding one; ValidationError otherwise."""
    number = quoted(raw)
    try:
        if isinstance(raw, bool) or not isinstance(raw, int | float | str):
            raise InvalidOperation
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise serializers.ValidationError(MESSAGES["not_a_number"] % {"number": number})
    if abs(value) >= _LARGEST_FIGURE or value != value.quantize(_CENTS):
        raise serializers.ValidationError(MESSAGES["too_many_digits"] % {"number": number})
    return value


def _figure(item: dict[str, Any]) -> tuple[Decimal, str]:
    value = _figure_value(item.get("value"))
    counts = _text(item.get("counts"), 200)
    if not counts:
        raise serializers.ValidationError(
            MESSAGES["counts_missing"] % {"number": quoted(item.get("value"))}
        )
    return value, counts


@extend_schema_field(FigureSerializer(many=True))
class FiguresField(serializers.Field):
    """Figures as [{"value": 70, "counts": "professionals trained"}], read as the service
    takes them: (number, what it counts) pairs. Every figure in error is named."""

    def to_internal_value(self, data: Any) -> list[tuple[Decimal, str]]:
        return _read_objects(data, FIGURE_EXAMPLE, _figure)

    def to_representation(self, value: Any) -> list[dict[str, Any]]:
        return [{"value": _number(figure.value), "counts": figure.counts} for figure in value.all()]


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


_validate_url = URLValidator(schemes=["http", "https"])


def _link(item: dict[str, Any]) -> tuple[str, str]:
    url = _text(item.get("url"), 500)
    try:
        _validate_url(url)
    except DjangoValidationError:
        raise serializers.ValidationError(MESSAGES["not_a_url"] % {"url": quoted(url)}) from None
    return url, _text(item.get("title"), 200)


@extend_schema_field(LinkSerializer(many=True))
class LinksField(serializers.Field):
    """Links as [{"url": "https://…", "title": "…"}], read as (url, title) pairs."""

    def to_internal_value(self, data: Any) -> list[tuple[str, str]]:
        return _read_objects(data, LINK_EXAMPLE, _link)

    def to_representation(self, value: Any) -> list[dict[str, str]]:
        return [{"url": link.url, "title": link.title} for link in value.all()]
