"""Serializer fields shared by the domain apps' API modules.

Registry records are referred to by natural key (slug, code, canonical symbol), as in the JSON
export; records without one (a recommendation, a meeting, a report entry) by id. These fields
read and write such keys with a message naming any unknown value.
"""

import json
from collections.abc import Callable, Iterable
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


# Records without a natural key (a recommendation, a meeting, a report entry) are given by id;
# these fields read ids with a message naming any that matches nothing.

NOT_AN_ID = _("“%(value)s” is not an id; give a whole number, such as 12.")
NOT_A_LIST_OF_IDS = _("Give a list of ids, such as [12, 15].")

Choices = QuerySet[Any] | Callable[[Any], QuerySet[Any]]


def _id(value: Any) -> int:
    """A JSON whole number (or a text holding one) as an id; ValidationError otherwise."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise serializers.ValidationError(NOT_AN_ID % {"value": quoted(value)})
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or not 0 < int(text) < 2**31:
        raise serializers.ValidationError(NOT_AN_ID % {"value": quoted(value)})
    return int(text)


@extend_schema_field({"type": "integer"})
class ObjectIdField(serializers.Field):
    """A record given and shown by its id, resolved to the record; `message` names an id that
    matches none of `queryset`."""

    def __init__(self, queryset: QuerySet[Any], *, message: str | Promise, **kwargs: Any) -> None:
        self.queryset, self.unknown_message = queryset, message
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> Model:
        pk = _id(data)
        found = self.queryset.filter(pk=pk).first()
        if found is None:
            raise serializers.ValidationError(self.unknown_message % {"value": pk})
        return found

    def get_attribute(self, instance: Any) -> Any:
        # The id is on the row itself: reading it never loads the related record.
        source = str(self.source)
        column = f"{source}_id"
        if "." not in source and isinstance(instance, Model) and hasattr(instance, column):
            return getattr(instance, column)
        return super().get_attribute(instance)

    def to_representation(self, value: Model | int) -> int:
        return int(value.pk) if isinstance(value, Model) else int(value)


@extend_schema_field({"type": "array", "items": {"type": "integer"}})
class IdListField(serializers.Field):
    """Records given and shown as a list of ids. Written, they are resolved in one query among
    `queryset` (or what `queryset(field)` answers, for choices that depend on the user), every
    unknown id named; read, a prefetched list or a related manager is shown as its ids."""

    def __init__(
        self, queryset: Choices | None = None, *, message: str | Promise = "", **kwargs: Any
    ) -> None:
        # Read-only fields need neither the choices nor the message.
        self.queryset, self.unknown_message = queryset, message
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> list[Model]:
        assert self.queryset is not None, "a writable IdListField needs its queryset"
        if not isinstance(data, list):
            raise serializers.ValidationError(NOT_A_LIST_OF_IDS)
        ids = list(dict.fromkeys(_id(item) for item in data))
        choices = self.queryset(self) if callable(self.queryset) else self.queryset
        found = {obj.pk: obj for obj in choices.filter(pk__in=ids)}
        unknown = [pk for pk in ids if pk not in found]
        if unknown:
            raise serializers.ValidationError(
                [self.unknown_message % {"value": pk} for pk in unknown]
            )
        return [found[pk] for pk in ids]

    def to_representation(self, value: Any) -> list[int]:
        records: Iterable[Model] = value.all() if hasattr(value, "all") else value
        return [int(obj.pk) for obj in records]
