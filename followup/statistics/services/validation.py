"""Reading a table's rows into figures, row by row, with a message for every bad cell.

Each message names the row (as the file numbers it, the header being row 1), the column and
the value, and says what would be right. A row may have several errors; a row with any is
left out whole. Of two rows giving the same figure (indicator, area, year, breakdown), the
later is the error, and its message names the earlier.

This runs once per cell of a million-row file, so the codes, years and breakdowns a file
repeats are checked once and remembered, figures travel as plain tuples (`FigureRow`), and
a `Figure` is only built for the few a preview shows.
"""

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from followup.statistics.areas import normalize_area
from followup.statistics.breakdowns import breakdown_label, normalize_breakdown
from followup.statistics.models import Observation
from followup.statistics.services.mapping import (
    FIRST_YEAR,
    ColumnMapping,
    last_year,
    year_columns,
)
from followup.statistics.services.reading import UNCOMPUTED, Table

# The values a figure may have. Far beyond any count of people or dollars, and far from the
# limits of a float, so that sums, scales and ticks of charts stay finite and readable.
MAX_VALUE = 1e15
MIN_VALUE = 1e-9  # in absolute value, but zero

# (indicator id, breakdown, area, year): the unique key of an observation, in the order of
# the table's unique index.
Key = tuple[int, str, str, int]
# (key, value, note, source, row number)
FigureRow = tuple[Key, float, str, str, int]

# Plain numbers, then numbers with thousands grouped by the other separator or a space. Digits
# are ASCII ones: \d would take "１２" or "١٢", which float() reads but years refuse.
_SPACES = " \u00a0\u202f"
_PLAIN = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
_PLAIN_COMMA = re.compile(r"[+-]?([0-9]+(,[0-9]*)?|,[0-9]+)([eE][+-]?[0-9]+)?")
_GROUPED = re.compile(rf"[+-]?[0-9]{{1,3}}([,{_SPACES}][0-9]{{3}})+(\.[0-9]*)?")
_GROUPED_COMMA = re.compile(rf"[+-]?[0-9]{{1,3}}([.{_SPACES}][0-9]{{3}})+(,[0-9]*)?")


@dataclass(frozen=True)
class RowError:
    row: int  # the row's number as seen in the file (the header is row 1)
    column: str
    value: str
    message: str  # names the row, the column and the value


@dataclass(frozen=True)
class Figure:
    row: int
    indicator_id: int
    area: str
    year: int
    breakdown: str
    value: float
    note: str
    source: str

    @classmethod
    def from_row(cls, figure: FigureRow) -> "Figure":
        (indicator_id, breakdown, area, year), value, note, source, row = figure
        return cls(row, indicator_id, area, year, breakdown, value, note, source)


Checked = tuple[int, list[FigureRow], list[RowError]]  # a row: its number, figures, errors
_NO_ERRORS: list[RowError] = []  # shared by every valid row; never appended to
_Refuse = Callable[[str, str, str], None]  # records an error: column, value, problem


def row_error(row: int, column: str, value: str, problem: str) -> RowError:
    message = _("Row %(row)s, column “%(column)s”: %(problem)s") % {
        "row": row,
        "column": column,
        "problem": problem,
    }
    return RowError(row, column, value, message)


def read_figures(
    table: Table, mapping: ColumnMapping, indicators: Mapping[str, int]
) -> Iterator[Checked]:
    """Each row of `table` (read with a mapping check_mapping accepted) with its figures and
    its errors. `indicators` maps every indicator code to its id."""
    checker = _Checker(table.columns, mapping, indicators)
    for number, cells in table.rows:
        yield checker.check(number, cells)


class _Checker:
    def __init__(
        self, columns: tuple[str, ...], mapping: ColumnMapping, indicators: Mapping[str, int]
    ) -> None:
        self.mapping = mapping
        self.indicators = indicators
        self.codes = {indicator_id: code for code, indicator_id in indicators.items()}
        self.fixed_indicator = (
            indicators.get(mapping.indicator_code.upper()) if mapping.indicator_code else None
        )

        def index(column: str) -> int | None:
            return columns.index(column) if column else None

        self.area_at = columns.index(mapping.area)
        self.indicator_at = index(mapping.indicator)
        # Long layout only.
        self.year_at = columns.index(mapping.year) if mapping.year else -1
        self.value_at = columns.index(mapping.value) if mapping.value else -1
        self.breakdown_at = index(mapping.breakdown)
        self.note_at = index(mapping.note)
        self.source_at = index(mapping.source)
        self.last_year = last_year()
        # Wide layout: (position, header, year) of each column headed by a year, all of them
        # in the years accepted (check_mapping refuses the others).
        used = {getattr(mapping, field) for field in ("area", "indicator", "breakdown")}
        used |= {mapping.note, mapping.source}
        self.year_cells = [
            (columns.index(header), header, int(header))
            for header in year_columns(columns)
            if header not in used
        ]
        self.note_limit = Observation._meta.get_field("note").max_length or 0
        self.source_limit = Observation._meta.get_field("source").max_length or 0
        self.breakdown_limit = Observation._meta.get_field("breakdown").max_length or 0
        if mapping.decimal_comma:
            self.plain, self.grouped = _PLAIN_COMMA, _GROUPED_COMMA
        else:
            self.plain, self.grouped = _PLAIN, _GROUPED
        # What each text seen in a column came to: (the value, or None and the problem).
        self.areas: dict[str, tuple[str | None, str]] = {}
        self.indicator_ids: dict[str, tuple[int | None, str]] = {}
        self.years: dict[str, tuple[int | None, str]] = {}
        self.breakdowns: dict[str, tuple[str | None, str]] = {}
        # The row that gave each figure so far, to name it when a later row repeats it.
        self.seen: dict[Key, int] = {}

    def check(self, number: int, cells: list[str]) -> Checked:
        mapping = self.mapping
        errors: list[RowError] | None = None

        def refuse(column: str, value: str, problem: str) -> None:
            nonlocal errors
            if errors is None:
                errors = []
            errors.append(row_error(number, column, value.removeprefix(UNCOMPUTED), problem))

        text = cells[self.area_at]
        cached_area = self.areas.get(text)
        if cached_area is None:
            cached_area = self.areas[text] = _area(text)
        area, problem = cached_area
        if area is None:
            refuse(mapping.area, text, problem)

        indicator_id = self.fixed_indicator
        if self.indicator_at is not None:
            text = cells[self.indicator_at]
            cached_indicator = self.indicator_ids.get(text)
            if cached_indicator is None:
                cached_indicator = self.indicator_ids[text] = self._indicator(text)
            indicator_id, problem = cached_indicator
            if indicator_id is None:
                refuse(mapping.indicator, text, problem)

        breakdown: str | None = ""
        if self.breakdown_at is not None:
            text = cells[self.breakdown_at]
            cached_breakdown = self.breakdowns.get(text)
            if cached_breakdown is None:
                cached_breakdown = self.breakdowns[text] = self._breakdown(text)
            breakdown, problem = cached_breakdown
            if breakdown is None:
                refuse(mapping.breakdown, text, problem)

        note = cells[self.note_at] if self.note_at is not None else ""
        if note.startswith(UNCOMPUTED):
            refuse(mapping.note, note, _uncomputed(note))
        elif len(note) > self.note_limit:
            refuse(mapping.note, _shortened(note), _too_long(note, self.note_limit))
        source = cells[self.source_at] if self.source_at is not None else ""
        if source.startswith(UNCOMPUTED):
            refuse(mapping.source, source, _uncomputed(source))
        elif len(source) > self.source_limit:
            refuse(mapping.source, _shortened(source), _too_long(source, self.source_limit))
        source = source or mapping.default_source

        if mapping.year:
            figures = self._long(number, cells, refuse)
        else:
            figures = self._wide(number, cells, refuse)
        if errors is not None:
            return number, [], errors
        # Every part of the key is known once no error was found.
        assert indicator_id is not None
        assert area is not None
        assert breakdown is not None
        rows: list[FigureRow] = []
        seen = self.seen
        for column, year, value, text in figures:
            key = (indicator_id, breakdown, area, year)
            first = seen.get(key)
            if first is not None:
                refuse(column, text, self._duplicate(key, first))
                continue
            seen[key] = number
            rows.append((key, value, note, source, number))
        # A duplicate leaves the whole row out, as any other error does.
        if errors is not None:
            for key, *_rest in rows:
                del seen[key]
            return number, [], errors
        return number, rows, _NO_ERRORS

    def _long(
        self, number: int, cells: list[str], refuse: _Refuse
    ) -> list[tuple[str, int, float, str]]:
        """The row's one figure as (value column, year, value, value text); none if bad."""
        mapping = self.mapping
        text = cells[self.year_at]
        cached_year = self.years.get(text)
        if cached_year is None:
            cached_year = self.years[text] = self._year(text)
        year, problem = cached_year
        if year is None:
            refuse(mapping.year, text, problem)
        text = cells[self.value_at]
        if not text:
            refuse(mapping.value, text, _("There is no value; give one or leave the row out."))
            return []
        value = self._value(text)
        if value is None:
            refuse(mapping.value, text, self._not_a_number(text))
            return []
        if not _accepted(value):
            refuse(mapping.value, text, _out_of_bounds(value, text))
            return []
        return [] if year is None else [(mapping.value, year, value, text)]

    def _wide(
        self, number: int, cells: list[str], refuse: _Refuse
    ) -> list[tuple[str, int, float, str]]:
        """A figure for each column headed by a year that holds a value; empty cells are
        years without a figure."""
        figures = []
        for position, header, year in self.year_cells:
            text = cells[position]
            if not text:
                continue
            value = self._value(text)
            if value is None:
                refuse(header, text, self._not_a_number(text))
            elif not _accepted(value):
                refuse(header, text, _out_of_bounds(value, text))
            else:
                figures.append((header, year, value, text))
        return figures

    def _value(self, text: str) -> float | None:
        """The number `text` writes, None if it writes none; it may be out of bounds."""
        if self.plain.fullmatch(text):
            number = float(text.replace(",", ".") if self.mapping.decimal_comma else text)
        elif self.grouped.fullmatch(text):
            if self.mapping.decimal_comma:
                cleaned = re.sub(rf"[.{_SPACES}]", "", text).replace(",", ".")
            else:
                cleaned = re.sub(rf"[,{_SPACES}]", "", text)
            number = float(cleaned)
        else:
            return None
        return number

    def _not_a_number(self, text: str) -> str:
        if text.startswith(UNCOMPUTED):
            return _uncomputed(text)
        if self.mapping.decimal_comma:
            return _("“%(value)s” is not a number; write it like 1234,5 or 1.234,5.") % {
                "value": text
            }
        if _PLAIN_COMMA.fullmatch(text) or _GROUPED_COMMA.fullmatch(text):
            return _(
                "“%(value)s” is not a number; write it like 1234.5, or say that the file "
                "writes numbers with a decimal comma."
            ) % {"value": text}
        return _("“%(value)s” is not a number; write it like 1234.5 or 1,234.5.") % {"value": text}

    def _indicator(self, text: str) -> tuple[int | None, str]:
        if not text:
            return None, _("There is no indicator code.")
        if text.startswith(UNCOMPUTED):
            return None, _uncomputed(text)
        indicator_id = self.indicators.get(text.upper())
        if indicator_id is None:
            return None, _(
                "“%(code)s” is not an indicator code; define the indicator first or correct "
                "the code."
            ) % {"code": text}
        return indicator_id, ""

    def _year(self, text: str) -> tuple[int | None, str]:
        if not text:
            return None, _("There is no year.")
        if text.startswith(UNCOMPUTED):
            return None, _uncomputed(text)
        if not text.isascii() or not text.isdigit():
            return None, _("“%(value)s” is not a year; write a whole number such as 2019.") % {
                "value": text
            }
        year = int(text)
        if not FIRST_YEAR <= year <= self.last_year:
            return None, self._out_of_range(year)
        return year, ""

    def _out_of_range(self, year: int) -> str:
        return _("%(year)s is outside the years accepted, %(first)s to %(last)s.") % {
            "year": year,
            "first": FIRST_YEAR,
            "last": self.last_year,
        }

    def _breakdown(self, text: str) -> tuple[str | None, str]:
        if text.startswith(UNCOMPUTED):
            return None, _uncomputed(text)
        try:
            breakdown = normalize_breakdown(text)
        except ValidationError as error:
            return None, error.messages[0]
        if len(breakdown) > self.breakdown_limit:
            return None, _too_long(breakdown, self.breakdown_limit)
        return breakdown, ""

    def _duplicate(self, key: Key, first: int) -> str:
        indicator_id, breakdown, area, year = key
        return _(
            "row %(first)s already gives %(indicator)s for %(area)s in %(year)s "
            "(%(breakdown)s); a file gives each figure once."
        ) % {
            "first": first,
            "indicator": self.codes.get(indicator_id, indicator_id),
            "area": area,
            "year": year,
            "breakdown": breakdown_label(breakdown),
        }


def _area(text: str) -> tuple[str | None, str]:
    if not text:
        return None, _("There is no country or region code.")
    if text.startswith(UNCOMPUTED):
        return None, _uncomputed(text)
    try:
        return normalize_area(text), ""
    except ValidationError as error:
        return None, error.messages[0]


def _accepted(value: float) -> bool:
    # Written so that NaN, for which every comparison is false, is refused.
    return value == 0 or MIN_VALUE <= abs(value) <= MAX_VALUE


def _out_of_bounds(value: float, text: str) -> str:
    if abs(value) < MIN_VALUE:
        return _(
            "“%(value)s” is too close to zero: a value other than zero must be at least "
            "%(limit)s or at most -%(limit)s."
        ) % {"value": text, "limit": number_format(Decimal(str(MIN_VALUE)))}
    return _("“%(value)s” is too large: a value must lie between -%(limit)s and %(limit)s.") % {
        "value": text,
        "limit": number_format(int(MAX_VALUE), force_grouping=True),
    }


def _uncomputed(text: str) -> str:
    return _(
        "“%(formula)s” is a formula without a computed value; open and save the file in "
        "Excel, or paste the values in place of the formulas."
    ) % {"formula": text.removeprefix(UNCOMPUTED)}


def _too_long(text: str, limit: int) -> str:
    return _("The text is %(length)s characters long; the limit is %(limit)s.") % {
        "length": len(text),
        "limit": limit,
    }


def _shortened(text: str) -> str:
    """A long cell as an error quotes it: its beginning."""
    return text if len(text) <= 60 else text[:59] + "…"
