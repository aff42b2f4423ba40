"""A small set of figures whose rankings, changes and totals are worked out by hand, shared by
the tests of the public pages, their queries and their downloads.

MIG_STOCK (persons, added up across countries), totals:

    area   2015    2020
    USA    5,000   5,000    rank 1 in 2020, change 0.0 %
    CAN    2,000   1,200    rank 2 (tied), change −40.0 %
    MEX    1,000   1,200    rank 2 (tied), change +20.0 %
    ARG      —       800    rank 4, no 2015 figure: no change
    BRA      0       300    rank 5, 2015 figure zero: no change
    CHL      400     —
    XAM      —    61,000,000  recorded for the Americas (not added up)

    Sum of the countries: 2015 = 8,400 (5 of 6 countries), 2020 = 8,500 (5 of 6).
    Default year 2020; default countries of the chart: USA, CAN, MEX, ARG, BRA.
    Mexico also has sex:female 600 in 2020.

MIG_SHARE (percent, one decimal, not added up): MEX 2020 = 0.9, USA 2020 = 15.3.
"""

from dataclasses import dataclass

from followup.statistics.models import Indicator
from followup.statistics.tests.factories import IndicatorFactory, ObservationFactory

STOCK_TOTALS = {
    ("USA", 2015): 5000,
    ("USA", 2020): 5000,
    ("CAN", 2015): 2000,
    ("CAN", 2020): 1200,
    ("MEX", 2015): 1000,
    ("MEX", 2020): 1200,
    ("ARG", 2020): 800,
    ("BRA", 2015): 0,
    ("BRA", 2020): 300,
    ("CHL", 2015): 400,
}
AMERICAS_NOTE = "Stated in the Program's 2016 report."


@dataclass
class World:
    stock: Indicator
    share: Indicator


def build_world() -> World:
    stock = IndicatorFactory.create(
        code="MIG_STOCK",
        name_en="International migrant stock",
        name_es="Población inmigrante",
        unit=Indicator.Unit.PERSONS,
        aggregation=Indicator.Aggregation.SUM,
        definition_en="People living in a country other than that of their birth.",
        definition_es="Personas que viven en un país distinto del de su nacimiento.",
        source="UN DESA",
        source_url="https://www.un.org/development/desa/pd/",
    )
    for (area, year), value in STOCK_TOTALS.items():
        ObservationFactory.create(indicator=stock, area=area, year=year, value=value)
    ObservationFactory.create(
        indicator=stock,
        area="XAM",
        year=2020,
        value=61_000_000,
        note=AMERICAS_NOTE,
        source="IOM",
    )
    ObservationFactory.create(
        indicator=stock, area="MEX", year=2020, breakdown="sex:female", value=600
    )
    share = IndicatorFactory.create(
        code="MIG_SHARE",
        name_en="Immigrants as a share of the population",
        name_es="Inmigrantes como proporción de la población",
        unit=Indicator.Unit.PERCENT,
        decimals=1,
        aggregation=Indicator.Aggregation.NONE,
        source="UN DESA",
    )
    ObservationFactory.create(indicator=share, area="MEX", year=2020, value=0.9)
    ObservationFactory.create(indicator=share, area="USA", year=2020, value=15.3)
    return World(stock, share)
