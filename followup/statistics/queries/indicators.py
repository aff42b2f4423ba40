"""An indicator's page: its figures for one breakdown, the year on the map and in the ranking,
the regional totals, the regions' recorded figures and the time series of chosen countries.

Reads in three queries whatever the number of countries and years: the indicator, the
breakdowns it has figures for, and its figures for the breakdown shown (the unique index
(indicator, breakdown, area, year) serves both of the latter).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from followup.statistics.breakdowns import TOTAL, breakdown_label
from followup.statistics.models import CODE_PATTERN, Indicator, Observation
from followup.statistics.queries.figures import (
    Observed,
    RankRow,
    RegionalTotal,
    by_name,
    default_year,
    in_year,
    largest,
    of_regions,
    previous_year,
    ranking,
    regional_totals,
    series_by_area,
    series_rows,
)

DEFAULT_SERIES = 5


def get_indicator(code: str) -> Indicator:
    """The indicator with this code, in any case; Http404 otherwise, without asking the
    database about a code no indicator can have (PostgreSQL refuses text with NUL)."""
    code = code.strip().upper()
    if not re.fullmatch(CODE_PATTERN, code):
        raise Http404
    return get_object_or_404(Indicator, code=code)


def breakdowns_of(indicator: Indicator) -> tuple[str, ...]:
    """The breakdowns the indicator has figures for, the total first."""
    found = (
        Observation.objects.filter(indicator=indicator)
        .order_by("breakdown")
        .values_list("breakdown", flat=True)
        .distinct()
    )
    return tuple(found)


def figures_of(
    indicator: Indicator,
    breakdown: str = TOTAL,
    *,
    areas: Sequence[str] = (),
    year_from: int | None = None,
    year_to: int | None = None,
) -> list[Observed]:
    """The indicator's figures for a breakdown, by area and year; narrowed to `areas` and to
    the years from `year_from` to `year_to` when given."""
    found = Observation.objects.filter(indicator=indicator, breakdown=breakdown)
    if areas:
        found = found.filter(area__in=areas)
    if year_from is not None:
        found = found.filter(year__gte=year_from)
    if year_to is not None:
        found = found.filter(year__lte=year_to)
    return [
        Observed(*row)
        for row in found.order_by("area", "year").values_list(
            "area", "year", "value", "note", "source", "revision"
        )
    ]


@dataclass(frozen=True)
class IndicatorPage:
    indicator: Indicator
    breakdown: str
    breakdowns: tuple[str, ...]  # with figures, the total first
    years: tuple[int, ...]  # with figures for the breakdown, oldest first
    year: int | None  # on the map and in the ranking
    previous_year: int | None  # of the ranking's change
    ranking: tuple[RankRow, ...]
    totals: tuple[RegionalTotal, ...]  # only for indicators that add up across countries
    recorded: tuple[Observed, ...]  # the regions' own figures
    areas: tuple[str, ...]  # with figures for the breakdown: countries by name, then regions
    chosen: tuple[str, ...]  # the areas of the time series
    series: dict[str, dict[int, float]]  # area → year → figure, for the chosen areas
    notices: tuple[str, ...]  # what was asked for and could not be shown, and why

    @property
    def breakdown_label(self) -> str:
        return breakdown_label(self.breakdown)

    @property
    def breakdown_choices(self) -> list[tuple[str, str]]:
        return [(breakdown, breakdown_label(breakdown)) for breakdown in self.breakdowns]

    @property
    def map_values(self) -> dict[str, float]:
        return {row.area: row.value for row in self.ranking}

    @property
    def table(self) -> list[tuple[int, list[float | None]]]:
        return series_rows(self.series)


def indicator_page(
    indicator: Indicator,
    *,
    breakdown: str = TOTAL,
    year: int | None = None,
    areas: Sequence[str] = (),
) -> IndicatorPage:
    """The page for a breakdown, a year and the areas of the time series.

    Defaults, also used when what was asked for has no figures (with a notice saying so): the
    total (or the first breakdown of an indicator without totals); the year of
    figures.default_year; the DEFAULT_SERIES largest countries of the year, or the regions
    when no country has a figure."""
    notices = []
    breakdowns = breakdowns_of(indicator)
    # The total, unless the indicator has figures for breakdowns only.
    default = TOTAL if TOTAL in breakdowns or not breakdowns else breakdowns[0]
    if breakdown not in breakdowns:
        if breakdown not in (TOTAL, default) and breakdowns:
            notices.append(
                _(
                    "This indicator has no figures for the breakdown “%(breakdown)s”: "
                    "“%(shown)s” is shown."
                )
                % {"breakdown": breakdown_label(breakdown), "shown": breakdown_label(default)}
            )
        breakdown = default
    figures = figures_of(indicator, breakdown)
    years = tuple(sorted({figure.year for figure in figures}))
    shown = default_year(figures)
    if year is not None and year in years:
        shown = year
    elif year is not None:
        notices.append(
            _("This indicator has no figures for %(year)s.") % {"year": year}
            if shown is None
            else _("This indicator has no figures for %(year)s: %(shown)s is shown.")
            % {"year": year, "shown": shown}
        )
    before = previous_year(figures, shown) if shown is not None else None
    values = in_year(figures, shown)
    # An indicator known only for regions (the corpus's figures) draws the regions instead.
    chosen = (
        tuple(areas)
        or largest(values, DEFAULT_SERIES)
        or tuple(sorted({figure.area for figure in of_regions(figures)}))
    )
    return IndicatorPage(
        indicator=indicator,
        breakdown=breakdown,
        breakdowns=breakdowns,
        years=years,
        year=shown,
        previous_year=before,
        ranking=ranking(values, in_year(figures, before)),
        totals=(
            regional_totals(figures) if indicator.aggregation == Indicator.Aggregation.SUM else ()
        ),
        recorded=tuple(of_regions(figures)),
        areas=tuple(by_name({figure.area for figure in figures})),
        chosen=chosen,
        series=series_by_area(figures, chosen),
        notices=tuple(notices),
    )
