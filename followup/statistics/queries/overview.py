"""The statistics' front page: every indicator with its latest year and how many countries
have figures, the countries with figures, and the regions' latest recorded figures.

Reads in three queries whatever the number of indicators, areas and years: the indicators;
each (indicator, area) pair's latest year of totals, probing the unique index once per
indicator; and the regions' totals, through the index (area, breakdown, indicator, year).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Max

from followup.statistics.areas import REGIONS, area_name, is_region
from followup.statistics.breakdowns import TOTAL
from followup.statistics.models import Indicator, Observation
from followup.statistics.queries.figures import Observed, by_name


@dataclass(frozen=True)
class IndicatorSummary:
    indicator: Indicator
    latest_year: int | None  # of any total, a country's or a region's
    countries: int  # with a total in any year


@dataclass(frozen=True)
class RegionFigure:
    indicator: Indicator
    figure: Observed  # the latest recorded total


@dataclass(frozen=True)
class RegionFigures:
    area: str
    name: str
    figures: tuple[RegionFigure, ...]  # one per indicator, by indicator code


@dataclass(frozen=True)
class Overview:
    indicators: tuple[IndicatorSummary, ...]
    countries: tuple[str, ...]  # with a total of any indicator, by name
    regions: tuple[RegionFigures, ...]


def all_indicators() -> list[Indicator]:
    return list(Indicator.objects.order_by("code"))


def latest_years(indicators: list[Indicator]) -> dict[int, dict[str, int]]:
    """Indicator pk → area → latest year with a total."""
    latest: dict[int, dict[str, int]] = defaultdict(dict)
    if not indicators:
        return latest
    rows = (
        Observation.objects.filter(indicator__in=[i.pk for i in indicators], breakdown=TOTAL)
        .order_by()
        .values("indicator", "area")
        .annotate(latest=Max("year"))
        .values_list("indicator", "area", "latest")
    )
    for indicator, area, year in rows:
        latest[indicator][area] = year
    return latest


def areas_with_totals(indicators: list[Indicator]) -> list[str]:
    """The countries, then the regions, with a total of any of `indicators`, by name."""
    latest = latest_years(indicators)
    return by_name(set().union(*latest.values()))


def overview() -> Overview:
    indicators = all_indicators()
    latest = latest_years(indicators)
    by_pk = {indicator.pk: indicator for indicator in indicators}
    recorded: dict[str, dict[int, Observed]] = defaultdict(dict)
    rows = (
        Observation.objects.filter(area__in=list(REGIONS), breakdown=TOTAL)
        .order_by("area", "indicator_id", "year")
        .values_list("area", "indicator_id", "year", "value", "note", "source", "revision")
    )
    for area, indicator, year, value, note, source, revision in rows:
        # Oldest first, so that the latest year's figure stays.
        recorded[area][indicator] = Observed(area, year, value, note, source, revision)
    return Overview(
        indicators=tuple(
            IndicatorSummary(
                indicator,
                max(latest[indicator.pk].values(), default=None),
                sum(1 for area in latest[indicator.pk] if not is_region(area)),
            )
            for indicator in indicators
        ),
        countries=tuple(
            by_name({area for areas in latest.values() for area in areas if not is_region(area)})
        ),
        regions=tuple(
            RegionFigures(
                area,
                area_name(area),
                tuple(
                    RegionFigure(by_pk[indicator], figure)
                    for indicator, figure in sorted(
                        recorded[area].items(), key=lambda item: by_pk[item[0]].code
                    )
                ),
            )
            for area in REGIONS
            if recorded[area]
        ),
    )
