"""What the demo's indicators are, and how one is saved: once, by its code."""

from dataclasses import dataclass

from followup.statistics.models import Indicator


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name_en: str
    name_es: str
    unit: str
    definition_en: str
    definition_es: str
    aggregation: str = Indicator.Aggregation.SUM
    decimals: int = 0


def save_indicator(
    spec: IndicatorSpec, *, source: str = "", illustrative: bool = False
) -> Indicator:
    """The indicator of that code, created from `spec` unless it exists (then left as it is:
    the secretariat may have edited it)."""
    indicator, _created = Indicator.objects.get_or_create(
        code=spec.code,
        defaults={
            "name_en": spec.name_en,
            "name_es": spec.name_es,
            "unit": spec.unit,
            "decimals": spec.decimals,
            "aggregation": spec.aggregation,
            "definition_en": spec.definition_en,
            "definition_es": spec.definition_es,
            "source": source,
            "illustrative": illustrative,
        },
    )
    return indicator
