"""A country's (or a region's) profile: each indicator's total over the years, its latest
figure and the country's rank among the countries that year.

Reads in three queries whatever the number of indicators and years: the area's totals (the
index (area, breakdown, indicator, year)), their indicators, and every country's total in
each indicator's latest year, for the ranks.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q

from followup.statistics.areas import area_name, is_region
from followup.statistics.breakdowns import TOTAL
from followup.statistics.models import Indicator, Observation
from followup.statistics.queries.figures import Observed, rank_of


@dataclass(frozen=True)
class IndicatorFigures:
    indicator: Indicator
    figures: tuple[Observed, ...]  # the area's totals, oldest first


def totals_of_area(area: str) -> list[IndicatorFigures]:
    """The area's totals, for each indicator it has any for, by indicator code."""
    by_indicator: dict[int, list[Observed]] = defaultdict(list)
    rows = (
        Observation.objects.filter(area=area, breakdown=TOTAL)
        .order_by("indicator_id", "year")
        .values_list("indicator_id", "year", "value", "note", "source", "revision")
    )
    for indicator, year, value, note, source, revision in rows:
        by_indicator[indicator].append(Observed(area, year, value, note, source, revision))
    if not by_indicator:
        return []
    indicators = Indicator.objects.filter(pk__in=by_indicator).order_by("code")
    return [IndicatorFigures(i, tuple(by_indicator[i.pk])) for i in indicators]


@dataclass(frozen=True)
class ProfileIndicator:
    indicator: Indicator
    figures: tuple[Observed, ...]  # oldest first
    rank: int | None  # among the countries with a figure in the latest year; None for a region
    ranked: int  # countries with a figure in the latest year

    @property
    def latest(self) -> Observed:
        return self.figures[-1]


@dataclass(frozen=True)
class Profile:
    area: str
    name: str
    region: bool
    indicators: tuple[ProfileIndicator, ...]

    @property
    def has_illustrative(self) -> bool:
        return any(item.indicator.illustrative for item in self.indicators)


def profile(area: str) -> Profile:
    """The profile of an area whose code is known to be valid (areas.normalize_area)."""
    totals = totals_of_area(area)
    latest = {item.indicator.pk: item.figures[-1].year for item in totals}
    values: dict[int, dict[str, float]] = defaultdict(dict)
    if totals and not is_region(area):
        same_year = reduce(or_, (Q(indicator_id=pk, year=year) for pk, year in latest.items()))
        rows = (
            Observation.objects.filter(same_year, breakdown=TOTAL)
            .order_by()
            .values_list("indicator_id", "area", "value")
        )
        for indicator, code, value in rows:
            if not is_region(code):
                values[indicator][code] = value
    return Profile(
        area=area,
        name=area_name(area),
        region=is_region(area),
        indicators=tuple(
            ProfileIndicator(
                item.indicator,
                item.figures,
                rank_of(area, values[item.indicator.pk]),
                len(values[item.indicator.pk]),
            )
            for item in totals
        ),
    )
