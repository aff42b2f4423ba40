"""The comparison of several areas for one indicator: their totals over a range of years, in
one query (the unique index (indicator, breakdown, area, year))."""

from collections.abc import Sequence
from dataclasses import dataclass

from followup.statistics.breakdowns import TOTAL
from followup.statistics.models import Indicator
from followup.statistics.queries.figures import Observed, series_by_area, series_rows
from followup.statistics.queries.indicators import figures_of

MIN_AREAS = 2
MAX_AREAS = 8


@dataclass(frozen=True)
class Comparison:
    indicator: Indicator
    areas: tuple[str, ...]  # in the order chosen
    year_from: int | None
    year_to: int | None
    figures: tuple[Observed, ...]  # by area and year
    series: dict[str, dict[int, float]]  # area → year → figure, in the order of `areas`

    @property
    def table(self) -> list[tuple[int, list[float | None]]]:
        return series_rows(self.series)


def comparison(
    indicator: Indicator,
    areas: Sequence[str],
    *,
    year_from: int | None = None,
    year_to: int | None = None,
) -> Comparison:
    """The areas' totals from `year_from` to `year_to` (either open when None)."""
    figures = figures_of(indicator, TOTAL, areas=areas, year_from=year_from, year_to=year_to)
    return Comparison(
        indicator=indicator,
        areas=tuple(areas),
        year_from=year_from,
        year_to=year_to,
        figures=tuple(figures),
        series=series_by_area(figures, areas),
    )
