"""Serializer fields shared by the domain apps' API modules.

Records refer to each other by natural key (slug, code, canonical symbol), never by database
id, as in the JSON export; these fields read and write such keys with a message naming any
unknown value.
"""

import json
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_choice_field
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from followup.countries import CountryError, normalize_code
from followup.dates import PartialDateError, parse_partial_date

NOT_A_LIST = _('Give a list of texts, such as ["%(example)s"].')


def check_text(text: str) -> None:
    """Refuse what no database column can hold (NUL, lone surrogates), with the messages of
    DRF's text fields."""
    try:
        ProhibitNullCharactersValidator()(text)
    except DjangoValidationError as error:
        raise serializers.ValidationError(error.messages) from None
    ProhibitSurrogateCharactersValidator()(text)


@extend_schema_field(OpenApiTypes.STR)
class NaturalKeyField(serializers.SlugRelatedField):
    """A related record given by its natural key (read-only); documented as a text."""


def natural_key(key: str = "slug", **kwargs: Any) -> Any:
    """A related record (or, with many=True, records) given by its natural key; read-only."""
    return NaturalKeyField(slug_field=key, read_only=True, **kwargs)


def text_list(data: Any, example: str) -> list[str]:
    """`data` as a list of distinct non-empty texts, in the order given; ValidationError if it
    is not a list of texts."""
    if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
        raise serializers.ValidationError(NOT_A_LIST % {"example": example})
    for item in data:
        check_text(item)
    return list(dict.fromkeys(item.strip() for item in data if item.strip()))


def quoted(value: Any, limit: int = 60) -> str:
    """A JSON value as the user typed it, shortened, for quoting it in a message."""
    text = value if isinstance(value, str) else json.dumps(value)
    return text if len(text) <= limit else text[:limit] + "…"


class ExistingKeyField(serializers.CharField):
    """One natural key of an existing object, resolved to the object (a query filter)."""

    def __init__(
        self, queryset: QuerySet[Any], *, message: str | Promise, key: str = "slug", **kwargs: Any
    ) -> None:
        self.queryset, self.key, self.unknown_message = queryset, key, message
        super().__init__(**kwargs)

    def run_validation(self, data: Any = serializers.empty) -> Any:
        # The text is checked first (type, NUL characters), so nothing odd reaches the query.
        value = super().run_validation(data)
        if value in ("", None):
            return value
        found = self.queryset.filter(**{self.key: value}).first()
        if found is None:
            raise serializers.ValidationError(self.unknown_message % {"value": value})
        return found


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class KeyListField(serializers.Field):
    """A list of natural keys read and written as texts, resolved in one query.

    `queryset` may be a callable taking the field, for choices that depend on the object being
    written (such as the activities of a report's Program version). Unknown keys are all named,
    each in its own message; the objects come back in the order given, without repeats.
    """

    def __init__(
        self,
        queryset: QuerySet[Any] | Callable[["KeyListField"], QuerySet[Any]],
        *,
        message: str | Promise,
        example: str,
        key: str = "slug",
        **kwargs: Any,
    ) -> None:
        self.queryset, self.key = queryset, key
        self.unknown_message, self.example = message, example
        super().__init__(**kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        return self.queryset(self) if callable(self.queryset) else self.queryset

    def to_internal_value(self, data: Any) -> list[Model]:
        keys = text_list(data, self.example)
        matching = self.get_queryset().filter(**{f"{self.key}__in": keys})
        found = {getattr(obj, self.key): obj for obj in matching}
        unknown = [key for key in keys if key not in found]
        if unknown:
            raise serializers.ValidationError(
                [self.unknown_message % {"value": key} for key in unknown]
            )
        return [found[key] for key in keys]

    def to_representation(self, value: Any) -> list[str]:
        return [getattr(obj, self.key) for obj in value.all()]


class PartialDateField(serializers.CharField):
    """`2016-10-20`, `2016-10` or `2016`, kept at the precision given."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, allow_blank=True, max_length=10, **kwargs)

    def to_internal_value(self, data: Any) -> str:
        text = super().to_internal_value(data)
        if not text:
            return ""
        try:
            return str(parse_partial_date(text))
        except PartialDateError as error:
            raise serializers.ValidationError(error.messages) from None


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class CountriesField(serializers.Field):
    """Countries as ISO 3166-1 alpha-3 codes; every unknown code is named."""

    def to_internal_value(self, data: Any) -> list[str]:
        codes, errors = [], []
        for code in text_list(data, "MEX"):
            try:
                codes.append(normalize_code(code))
            except CountryError as error:
                errors.extend(error.messages)
        if errors:
            raise serializers.ValidationError(errors)
        return list(dict.fromkeys(codes))

    def to_representation(self, value: Any) -> list[str]:
        return [country.code for country in value.all()]


class CountryCodeField(serializers.CharField):
    """One ISO 3166-1 alpha-3 code, in any case; given back in upper case."""

    def to_internal_value(self, data: Any) -> str:
        try:
            return normalize_code(super().to_internal_value(data))
        except CountryError as error:
            raise serializers.ValidationError(error.messages) from None


class NamedChoiceField(serializers.ChoiceField):
    """A choice field whose set of choices is a named component of the OpenAPI document.

    Several choice sets share a field name ("status" of cycles and of reports, "kind" of
    entries, mandates and objectives); named here, each keeps its own name whatever the
    serializers that show it.
    """

    def __init__(self, choices: Any, *, schema_name: str, **kwargs: Any) -> None:
        self.schema_name = schema_name
        super().__init__(choices, **kwargs)


class NamedChoiceFieldSchema(OpenApiSerializerFieldExtension):
    target_class = NamedChoiceField
    match_subclasses = True

    def get_name(self) -> str:
        name: str = self.target.schema_name
        return name

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        schema: dict[str, Any] = build_choice_field(self.target)
        schema.pop("x-spec-enum-id", None)
        return schema
