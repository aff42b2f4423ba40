"""The figures the pages compute from observations, in plain Python over what one query read:
rankings, changes, regional totals and the defaults of the indicator page. The definitions are
the package's (see __init__.py); each function states the one it implements."""

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from followup.i18n import collation_key
from followup.statistics.areas import area_name, is_region


@dataclass(frozen=True)
class Observed:
    """One figure as the pages and downloads read it (never a model instance: a page reads
    thousands)."""

    area: str
    year: int
    value: float
    note: str = ""
    source: str = ""
    revision: int = 1


@dataclass(frozen=True)
class RankRow:
    rank: int
    area: str
    name: str
    value: float
    previous: float | None  # the country's figure in the previous year of the series
    change: float | None  # in per cent of `previous`


@dataclass(frozen=True)
class RegionalTotal:
    year: int
    value: float
    countries: int  # countries whose figures are added up
    of: int  # countries with a figure in any year of the series


def of_countries(figures: Iterable[Observed]) -> list[Observed]:
    return [figure for figure in figures if not is_region(figure.area)]


def of_regions(figures: Iterable[Observed]) -> list[Observed]:
    return [figure for figure in figures if is_region(figure.area)]


def default_year(figures: Iterable[Observed]) -> int | None:
    """The latest year with a country's figure; the latest with a region's if no country has
    one; None without figures."""
    figures = list(figures)
    years = {figure.year for figure in of_countries(figures)} or {f.year for f in figures}
    return max(years, default=None)


def previous_year(figures: Iterable[Observed], year: int) -> int | None:
    """The year of the series before `year` in which a country has a figure: for a series
    every five years, five years earlier. Regions' years do not count: regions are not
    ranked, so a region's figure alone would leave every country without a change."""
    years = {figure.year for figure in of_countries(figures)}
    return max((earlier for earlier in years if earlier < year), default=None)


def change(value: float, previous: float | None) -> float | None:
    """The change from `previous` in per cent of its size; None without a base to compare
    (no previous figure, or zero) or when figures near the float limits make it overflow."""
    if previous is None or previous == 0:
        return None
    percent = (value - previous) / abs(previous) * 100
    return percent if math.isfinite(percent) else None


def by_name(areas: Iterable[str]) -> list[str]:
    return sorted(areas, key=lambda area: (is_region(area), collation_key(area_name(area))))


def ranking(values: Mapping[str, float], previous: Mapping[str, float]) -> tuple[RankRow, ...]:
    """Countries from the largest figure down; equal figures share a rank and the next rank
    skips as many ("1, 2, 2, 4"); equal figures are listed by name. Regions are not ranked."""
    countries = {area: value for area, value in values.items() if not is_region(area)}
    order = sorted(countries, key=lambda area: (-countries[area], collation_key(area_name(area))))
    rows: list[RankRow] = []
    for position, area in enumerate(order):
        value = countries[area]
        tied = bool(rows) and rows[-1].value == value
        before = previous.get(area)
        rows.append(
            RankRow(
                rank=rows[-1].rank if tied else position + 1,
                area=area,
                name=area_name(area),
                value=value,
                previous=before,
                change=change(value, before),
            )
        )
    return tuple(rows)


def rank_of(area: str, values: Mapping[str, float]) -> int | None:
    """The country's rank among the countries of `values` (ties shared, as in `ranking`)."""
    if area not in values or is_region(area):
        return None
    mine = values[area]
    return 1 + sum(1 for code, value in values.items() if value > mine and not is_region(code))


def regional_totals(figures: Iterable[Observed]) -> tuple[RegionalTotal, ...]:
    """Per year, the sum of the countries' figures (never the regions'), with how many
    countries it covers out of those with a figure in any year of the series. A year whose
    sum is not a finite number (figures near the float limits add up to infinity) has no
    total: pages and files could not show it."""
    sums: dict[int, float] = defaultdict(float)
    counts: dict[int, int] = defaultdict(int)
    countries = set()
    for figure in of_countries(figures):
        sums[figure.year] += figure.value
        counts[figure.year] += 1
        countries.add(figure.area)
    return tuple(
        RegionalTotal(year, sums[year], counts[year], len(countries))
        for year in sorted(sums)
        if math.isfinite(sums[year])
    )


def largest(values: Mapping[str, float], count: int) -> tuple[str, ...]:
    """The `count` countries with the largest figures, largest first (ties by name)."""
    return tuple(row.area for row in ranking(values, {})[:count])


def in_year(figures: Iterable[Observed], year: int | None) -> dict[str, float]:
    return {figure.area: figure.value for figure in figures if figure.year == year}


def series_by_area(
    figures: Iterable[Observed], areas: Iterable[str]
) -> dict[str, dict[int, float]]:
    """Year → figure for each of `areas` (in their order; an area without figures is empty)."""
    series: dict[str, dict[int, float]] = {area: {} for area in areas}
    for figure in figures:
        if figure.area in series:
            series[figure.area][figure.year] = figure.value
    return series


def series_rows(series: Mapping[str, Mapping[int, float]]) -> list[tuple[int, list[float | None]]]:
    """The series as a table: a row per year with a figure in any of them, oldest first; a
    cell per series, in their order, None where a series has no figure that year."""
    years = sorted({year for values in series.values() for year in values})
    return [(year, [values.get(year) for values in series.values()]) for year in years]
