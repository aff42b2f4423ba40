"""What indicators and observations look like in the API, and the observations' filters.

Observations are read from plain rows (records.py) and these serializers give them their
documented shape; indicators are model instances annotated with their counts.
"""

import re
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from followup.api.fields import NamedChoiceField
from followup.i18n import CONTENT_LANGUAGES
from followup.statistics.api.messages import MESSAGES
from followup.statistics.areas import normalize_area
from followup.statistics.breakdowns import TOTAL, normalize_breakdown
from followup.statistics.models import CODE_PATTERN, Indicator

UNIT = _("The indicator's unit: persons, usd (US dollars), percent, per_1000 or number.")
BREAKDOWN_HELP = _(
    "Empty for the total; otherwise dimension:value pairs joined by “;”, such as sex:female, "
    "age:15-24 or origin:VEN."
)
ILLUSTRATIVE_HELP = _("True for generated demonstration figures, which are not real statistics.")
AREA_HELP = _(
    "A country's ISO 3166-1 alpha-3 code, or a region's: XAM (the Americas), XLC (Latin "
    "America and the Caribbean) or XWD (World)."
)


def _absolute(request: Any, route: str, *args: Any) -> str:
    return str(request.build_absolute_uri(reverse(route, args=args)))


@extend_schema_field(
    {
        "type": "object",
        "properties": {"en": {"type": "string"}, "es": {"type": "string"}},
        "required": ["en", "es"],
    }
)
class TextsField(serializers.Field):
    """The `<name>_en` / `<name>_es` columns as one {"en", "es"} object, as in the registry."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: Any) -> dict[str, str]:
        return {
            language: getattr(value, f"{self.field_name}_{language}")
            for language in CONTENT_LANGUAGES
        }


# Observations -------------------------------------------------------------------------------


class SourceDocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("The imported document's id."))
    title = serializers.CharField()
    filename = serializers.CharField()


class ObservationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    indicator = serializers.CharField(help_text=_("The indicator's code."))
    area = serializers.CharField(help_text=AREA_HELP)
    area_name = serializers.CharField(help_text=_("The country's or region's name."))
    year = serializers.IntegerField()
    breakdown = serializers.CharField(help_text=BREAKDOWN_HELP)
    breakdown_label = serializers.CharField(
        help_text=_("The breakdown in words, such as “Total” or “Sex: female”.")
    )
    value = serializers.FloatField()
    unit = NamedChoiceField(Indicator.Unit.choices, schema_name="IndicatorUnitEnum", help_text=UNIT)
    note = serializers.CharField()
    source = serializers.CharField(  # type: ignore[assignment]  # DRF pops declared fields
        help_text=_("Who published the figure: its own source, or else the indicator's.")
    )
    illustrative = serializers.BooleanField(help_text=ILLUSTRATIVE_HELP)
    source_document = SourceDocumentSerializer(
        allow_null=True,
        help_text=_("The imported document that states the figure, if any."),
    )
    revision = serializers.IntegerField(
        help_text=_("1 for a figure never corrected; one more at each correction.")
    )
    updated_at = serializers.DateTimeField(help_text=_("When the figure was last set."))


class ObservationRevisionSerializer(serializers.Serializer):
    revision = serializers.IntegerField()
    value = serializers.FloatField()
    note = serializers.CharField()
    source = serializers.CharField()  # type: ignore[assignment]  # DRF pops declared fields
    illustrative = serializers.BooleanField(help_text=ILLUSTRATIVE_HELP)
    source_document = SourceDocumentSerializer(allow_null=True)
    recorded_at = serializers.DateTimeField(help_text=_("When this figure was set."))
    replaced_at = serializers.DateTimeField(help_text=_("When a correction replaced it."))


class ObservationDetailSerializer(ObservationSerializer):
    history = ObservationRevisionSerializer(
        many=True, help_text=_("The figures this one replaced, newest first.")
    )


# Indicators ---------------------------------------------------------------------------------


class IndicatorSerializer(serializers.Serializer):
    api_url = serializers.HyperlinkedIdentityField(
        view_name="api:indicator_detail", lookup_field="code"
    )
    page_url = serializers.SerializerMethodField(help_text=_("The indicator's page on the site."))
    observations_url = serializers.SerializerMethodField(
        help_text=_("The indicator's observations in the API.")
    )
    code = serializers.CharField(read_only=True)
    name = TextsField()
    unit = NamedChoiceField(Indicator.Unit.choices, schema_name="IndicatorUnitEnum", read_only=True)
    decimals = serializers.IntegerField(read_only=True, help_text=_("Decimals shown on pages."))
    aggregation = NamedChoiceField(
        Indicator.Aggregation.choices,
        schema_name="IndicatorAggregationEnum",
        read_only=True,
        help_text=_("sum: a region's figure is the sum of its countries'; none: rates and shares."),
    )
    definition = TextsField()
    source = serializers.CharField(read_only=True)  # type: ignore[assignment]  # DRF pops declared fields
    source_url = serializers.CharField(read_only=True)
    illustrative = serializers.BooleanField(read_only=True, help_text=ILLUSTRATIVE_HELP)
    observations = serializers.IntegerField(source="observation_count", read_only=True)
    areas = serializers.IntegerField(
        source="area_count", read_only=True, help_text=_("Countries and regions with figures.")
    )
    first_year = serializers.IntegerField(read_only=True, allow_null=True)
    last_year = serializers.IntegerField(read_only=True, allow_null=True)

    def get_page_url(self, indicator: Indicator) -> str:
        return _absolute(self.context["request"], "statistics:indicator", indicator.code)

    def get_observations_url(self, indicator: Indicator) -> str:
        address = _absolute(self.context["request"], "api:observation_list")
        return f"{address}?{urlencode({'indicator': indicator.code})}"


# Filters ------------------------------------------------------------------------------------
# An empty parameter (`?year=`, as a form sends a field left empty) filters nothing.


class CodesField(serializers.ListField):
    """Codes given as a repeated parameter, comma-separated, or both; without repeats, in
    the order given."""

    MAX_LENGTH = 1000

    def __init__(self, **kwargs: Any) -> None:
        child = serializers.CharField(max_length=self.MAX_LENGTH, allow_blank=True)
        super().__init__(child=child, required=False, **kwargs)

    def to_internal_value(self, data: Any) -> list[str]:
        # The texts are checked here, not by the child field, whose messages would come keyed
        # by the value's position ({"0": [...]}) instead of the flat list every error has.
        if isinstance(data, str | Mapping) or not hasattr(data, "__iter__"):
            self.fail("not_a_list", input_type=type(data).__name__)
        values = [str(value) for value in data]
        problems: list[str] = []
        if any(len(value) > self.MAX_LENGTH for value in values):
            problems.append(
                serializers.CharField.default_error_messages["max_length"].format(
                    max_length=self.MAX_LENGTH
                )
            )
        # PostgreSQL cannot hold a NUL character, nor be asked about one.
        if any("\x00" in value for value in values):
            problems.append(str(ProhibitNullCharactersValidator.message))
        if problems:
            raise serializers.ValidationError(problems)
        codes = (code.strip() for value in values for code in value.split(","))
        return list(dict.fromkeys(code for code in codes if code))  # "" and ",," drop out


@extend_schema_field({"type": "integer", "minimum": 1000, "maximum": 9999})
class YearField(serializers.Field):
    """A year of four digits, read as text so that the message can quote what was given."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)

    def validate_empty_values(self, data: Any) -> tuple[bool, Any]:
        return super().validate_empty_values(serializers.empty if data == "" else data)

    def to_internal_value(self, data: Any) -> int:
        text = str(data).strip()
        # [0-9], not \d: \d also matches other scripts' digits ("٢٠١٦").
        if not re.fullmatch(r"[0-9]{4}", text):
            raise serializers.ValidationError(MESSAGES["not_a_year"] % {"value": text})
        return int(text)


class YearsField(CodesField):
    """Years and spans of years, repeated or comma-separated: 2016, 2000-2020 or
    2000,2010-2015; read as (first, last) pairs."""

    MAX_SPANS = 50  # each span is a condition of the query

    def to_internal_value(self, data: Any) -> list[tuple[int, int]]:  # type: ignore[override]
        spans, problems = [], []
        for text in super().to_internal_value(data):
            # [0-9], not \d: \d also matches other scripts' digits; "–" as word processors write.
            match = re.fullmatch(r"([0-9]{4})(?:\s*[-–]\s*([0-9]{4}))?", text)
            if match is None:
                problems.append(MESSAGES["not_years"] % {"value": text})
                continue
            first, last = int(match[1]), int(match[2] or match[1])
            if first > last:
                problems.append(MESSAGES["span_reversed"] % {"value": text})
            spans.append((first, last))
        if len(spans) > self.MAX_SPANS:
            problems.append(MESSAGES["too_many_spans"] % {"limit": self.MAX_SPANS})
        if problems:
            raise serializers.ValidationError(problems)
        return list(dict.fromkeys(spans))


class BreakdownField(serializers.CharField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, max_length=100, **kwargs)

    def validate_empty_values(self, data: Any) -> tuple[bool, Any]:
        return super().validate_empty_values(serializers.empty if data == "" else data)


class ObservationFilters(serializers.Serializer):
    """The filters. A parameter that is none of them, nor one the view names in its context's
    `also_allowed` (paging, ?format=), answers 400: ignored, it would give every figure as if
    it had filtered them."""

    # Other names of a filter: the site's downloads write `countries`.
    ALIASES = {"countries": "country"}

    indicator = CodesField(
        help_text=_(
            "Indicator codes, repeated (indicator=A&indicator=B) or separated by commas "
            "(indicator=A,B)."
        )
    )
    country = CodesField(
        help_text=_(
            "ISO 3166-1 alpha-3 country codes, or region codes (XAM the Americas, XLC Latin "
            "America and the Caribbean, XWD World); repeated or separated by commas."
        )
    )
    year = YearField(help_text=_("Figures of that year, such as 2016."))
    year_from = YearField(help_text=_("Figures of that year and later."))
    year_to = YearField(help_text=_("Figures of that year and earlier."))
    years = YearsField(
        help_text=_(
            "Years and spans of years, repeated or separated by commas: years=2016, "
            "years=2000-2020 or years=2000,2010-2015."
        )
    )
    breakdown = BreakdownField(
        help_text=_(
            "“total” for the totals only, or one breakdown, such as sex:female or "
            "age:15-24;sex:female. Every breakdown when left out."
        ),
    )

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        if isinstance(data, QueryDict):
            data = data.copy()
            for alias, name in self.ALIASES.items():
                for value in data.pop(alias, []):
                    data.appendlist(name, value)
        accepted = [*self.fields, *self.ALIASES, *self.context.get("also_allowed", ())]
        unknown = [name for name in data if name not in accepted]
        if unknown:
            message = MESSAGES["unknown_parameter"] % {"names": ", ".join(accepted)}
            raise serializers.ValidationError({name: [message] for name in unknown})
        return dict(super().to_internal_value(data))

    def validate_indicator(self, codes: list[str]) -> list[str]:
        """The indicators' codes as defined (in capitals), checked in one query; every
        unknown code named."""
        # A text that cannot be a code never reaches the database (nor a NUL character).
        wanted = {code: code.upper() for code in codes if re.fullmatch(CODE_PATTERN, code.upper())}
        found = set(
            Indicator.objects.filter(code__in=set(wanted.values())).values_list("code", flat=True)
        )
        unknown = [code for code in codes if wanted.get(code) not in found]
        if unknown:
            raise serializers.ValidationError(
                [MESSAGES["unknown_indicator"] % {"value": code} for code in unknown]
            )
        return list(dict.fromkeys(wanted[code] for code in codes))

    def validate_country(self, codes: list[str]) -> list[str]:
        areas, errors = [], []
        for code in codes:
            try:
                areas.append(normalize_area(code))
            except DjangoValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise serializers.ValidationError(errors)
        return list(dict.fromkeys(areas))

    def validate_breakdown(self, text: str) -> str:
        # normalize_breakdown caches what it accepts: given the text without spaces and in
        # lower case, the ways of writing one breakdown that reach its cache stay few.
        # A refusal is not cached, and quotes the text as given.
        compact = "".join(text.split()).casefold()
        if compact == "total":
            return TOTAL
        try:
            return normalize_breakdown(compact)
        except DjangoValidationError:
            pass
        try:
            return normalize_breakdown(text)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        first, last = data.get("year_from"), data.get("year_to")
        if first is not None and last is not None and first > last:
            raise serializers.ValidationError(
                {"year_from": [MESSAGES["years_reversed"] % {"first": first, "last": last}]}
            )
        return data
