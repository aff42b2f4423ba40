"""The query strings of the public pages and their downloads, read into typed values with a
message per problem that names the value at fault.

Pages show the problems above what they can still show (status 200, the entered values kept
in the form); downloads answer 400 with the messages as plain text, because a file built from
half the filters asked for would pass for the whole answer.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.http import Http404, QueryDict
from django.utils.translation import gettext as _

from followup.countries import CountryError
from followup.statistics.areas import normalize_area
from followup.statistics.breakdowns import TOTAL, BreakdownError, normalize_breakdown
from followup.statistics.models import Indicator, Observation
from followup.statistics.queries import MAX_AREAS, MIN_AREAS

# Four ASCII digits, as the API asks: \d would also take other scripts' digits ("٢٠٢٠").
YEAR = re.compile(r"[0-9]{4}")
# No breakdown is longer than the column that stores it, so a longer text cannot be one; it
# is refused before normalize_breakdown, whose cache would otherwise keep it.
MAX_BREAKDOWN = Observation._meta.get_field("breakdown").max_length or 100


@dataclass(frozen=True)
class Problem:
    field: str  # the parameter at fault
    message: str


def _year(text: str, name: str, problems: list[Problem]) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not YEAR.fullmatch(text):
        problems.append(
            Problem(
                name,
                _("“%(value)s” is not a year: write four digits, such as 2015.") % {"value": text},
            )
        )
        return None
    return int(text)


def _areas(values: list[str], problems: list[Problem]) -> tuple[str, ...]:
    """Area codes given as repeated parameters or separated by commas, each once, in the
    order given; an unknown code is a problem naming it."""
    areas: list[str] = []
    for value in values:
        for piece in value.split(","):
            if not piece.strip():
                continue
            try:
                area = normalize_area(piece)
            except CountryError as error:
                problems.append(Problem("countries", error.messages[0]))
                continue
            if area not in areas:
                areas.append(area)
    return tuple(areas)


def area_or_404(area: str) -> str:
    """The code of a country or region in a page's address; Http404 for any other."""
    try:
        return normalize_area(area)
    except CountryError:
        raise Http404 from None


def _too_many(count: int) -> Problem:
    return Problem(
        "countries",
        _("Choose at most %(maximum)s countries: %(count)s were chosen.")
        % {"maximum": MAX_AREAS, "count": count},
    )


@dataclass(frozen=True)
class FigureQuery:
    """?breakdown=sex:female&year=2020&countries=MEX&countries=USA, every part optional."""

    breakdown: str = TOTAL
    year: int | None = None
    areas: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()


def _breakdown(text: str, problems: list[Problem]) -> str:
    """The breakdown asked for, the total when none or when it is not one. Without its spaces,
    which no breakdown holds, so that "sex: female" padded in any way is one text to
    normalize_breakdown (and one entry of its cache)."""
    compact = "".join(text.split())
    if len(compact) > MAX_BREAKDOWN:
        problems.append(
            Problem(
                "breakdown",
                _(
                    "The breakdown asked for is %(count)s characters long: a breakdown has "
                    "at most %(maximum)s."
                )
                % {"count": len(compact), "maximum": MAX_BREAKDOWN},
            )
        )
        return TOTAL
    try:
        return normalize_breakdown(compact)
    except BreakdownError as error:
        problems.append(Problem("breakdown", error.messages[0]))
        return TOTAL


def read_figure_query(query: QueryDict, *, limit_areas: bool = True) -> FigureQuery:
    """The indicator page's choices. With `limit_areas`, more than MAX_AREAS areas is a
    problem and the first MAX_AREAS are kept (a chart draws no more)."""
    problems: list[Problem] = []
    breakdown = _breakdown(query.get("breakdown", ""), problems)
    year = _year(query.get("year", ""), "year", problems)
    areas = _areas(query.getlist("countries"), problems)
    if limit_areas and len(areas) > MAX_AREAS:
        problems.append(_too_many(len(areas)))
        areas = areas[:MAX_AREAS]
    return FigureQuery(breakdown, year, areas, tuple(problems))


@dataclass(frozen=True)
class ComparisonQuery:
    """?indicator=MIG_STOCK&countries=MEX&countries=USA&year_from=2000&year_to=2020."""

    indicator: Indicator | None = None
    areas: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    problems: tuple[Problem, ...] = ()
    # What was typed, to show again in the form whatever became of it.
    entered: dict[str, str] = field(default_factory=dict)
    entered_countries: frozenset[str] = frozenset()

    @property
    def is_complete(self) -> bool:
        return self.indicator is not None and not self.problems


COMPARISON_FIELDS = ("indicator", "countries", "year_from", "year_to")


def read_comparison_query(
    query: QueryDict, indicators: Mapping[str, Indicator], *, required: bool = False
) -> ComparisonQuery:
    """The comparison's choices. A query naming none of its fields is a form not yet sent,
    without problems, unless `required` (a download must say what it holds)."""
    entered = {name: query.get(name, "").strip() for name in ("indicator", "year_from", "year_to")}
    countries = frozenset(
        piece.strip().upper() for value in query.getlist("countries") for piece in value.split(",")
    )
    if not required and not any(name in query for name in COMPARISON_FIELDS):
        return ComparisonQuery(entered=entered, entered_countries=countries)
    problems: list[Problem] = []
    code = query.get("indicator", "").strip()
    indicator = indicators.get(code.upper())
    if not code:
        problems.append(Problem("indicator", _("Choose an indicator.")))
    elif indicator is None:
        problems.append(
            Problem(
                "indicator",
                _("“%(code)s” is not an indicator: choose one from the list.") % {"code": code},
            )
        )
    areas = _areas(query.getlist("countries"), problems)
    if len(areas) < MIN_AREAS:
        problems.append(Problem("countries", _("Choose at least two countries to compare.")))
    elif len(areas) > MAX_AREAS:
        problems.append(_too_many(len(areas)))
    year_from = _year(query.get("year_from", ""), "year_from", problems)
    year_to = _year(query.get("year_to", ""), "year_to", problems)
    if year_from is not None and year_to is not None and year_from > year_to:
        problems.append(
            Problem(
                "year_to",
                _("The first year, %(first)s, comes after the last year, %(last)s.")
                % {"first": year_from, "last": year_to},
            )
        )
    return ComparisonQuery(
        indicator, areas, year_from, year_to, tuple(problems), entered, countries
    )
