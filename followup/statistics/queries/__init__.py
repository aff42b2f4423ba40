"""Reads of the public statistics pages and their downloads, the same for every visitor
(statistics are open data: permissions.can_read_statistics).

Definitions, shared by the pages, the charts, the map and the CSV and JSON files:

- A page shows one breakdown of an indicator, the total ("") unless another is chosen.
- The default year of the indicator page is the latest year with a country's figure (a
  region's when no country has one).
- The ranking orders the countries with a figure in the year from the largest down; equal
  figures share a rank and the next rank skips as many (1, 2, 2, 4). Regions are not ranked.
- The change of a country is from its figure in the previous year of the series (the latest
  earlier year in which any country has a figure, so five years earlier for a series every
  five years; a year with regions' figures only does not count), in per cent of that figure;
  none when it has no figure then, or it was zero.
- The regional total of a year, for an indicator that adds up across countries, is the sum
  of the countries' figures that year, never the regions'. Its coverage says how many
  countries it adds up, out of those with a figure in any year of the series: a total of
  12 countries out of 35 says so. A year whose sum overflows (figures near the float limits)
  has no total.
- Figures recorded for a region (XAM, XLC, XWD) are shown apart, as recorded, with their
  source and note.
- The default countries of the time series are the five with the largest figures in the
  year shown.

Every read runs a fixed number of queries whatever the number of areas, years and
indicators, with values_list rows rather than model instances (see each module).

Modules: `figures` (the computations), `indicators` (the indicator page), `profiles` (the
country profile), `program` (the Program in a country), `overview` (the front page),
`comparison`.
"""

from followup.statistics.queries.comparison import MAX_AREAS, MIN_AREAS, Comparison, comparison
from followup.statistics.queries.figures import Observed, RankRow, RegionalTotal
from followup.statistics.queries.indicators import (
    IndicatorPage,
    breakdowns_of,
    figures_of,
    get_indicator,
    indicator_page,
)
from followup.statistics.queries.overview import (
    Overview,
    all_indicators,
    areas_with_totals,
    overview,
)
from followup.statistics.queries.profiles import Profile, ProfileIndicator, profile, totals_of_area
from followup.statistics.queries.program import ProgramInCountry, program_in_country

__all__ = [
    "MAX_AREAS",
    "MIN_AREAS",
    "Comparison",
    "IndicatorPage",
    "Observed",
    "Overview",
    "Profile",
    "ProfileIndicator",
    "ProgramInCountry",
    "RankRow",
    "RegionalTotal",
    "all_indicators",
    "areas_with_totals",
    "breakdowns_of",
    "comparison",
    "figures_of",
    "get_indicator",
    "indicator_page",
    "overview",
    "profile",
    "program_in_country",
    "totals_of_area",
]
