"""Which column of a file holds what: the column mapping, guessed from the header row and
checked before anything is read.

Two layouts are read. The long one has a row per figure, with a year column and a value
column. The wide one, as the World Bank and most yearbooks publish, has a row per country
(and indicator, breakdown) and a column per year headed by the year: its mapping leaves
`year` and `value` empty.
"""

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from followup.statistics.models import Indicator, Observation

# The fields that name a column, in the order they are guessed: a column is taken by the
# first field it fits.
COLUMN_FIELDS = ("indicator", "area", "year", "value", "breakdown", "note", "source")
# ASCII digits only: \d would take "٢٠١٩" for a year, beside a column "2019".
_YEAR_HEADER = re.compile(r"[0-9]{4}")
FIRST_YEAR = 1900  # the first year a figure may be for; the last is this one

# Header names as `_normalized` writes them (lower case, no accents, letters and digits
# only), best first: "Country Code" wins over "Country", which may hold names.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "indicator": (
        "indicatorcode",
        "codigoindicador",
        "codigodelindicador",
        "indicator",
        "indicador",
        "seriescode",
    ),
    "area": (
        "iso3",
        "iso3code",
        "isocode",
        "countrycode",
        "codigopais",
        "codigodelpais",
        "countryiso3",
        "iso",
        "code",
        "codigo",
        "area",
        "country",
        "pais",
    ),
    "year": ("year", "ano", "anio", "yr"),
    "value": ("value", "valor", "obsvalue", "cifra"),
    "breakdown": ("breakdown", "desglose", "disaggregation", "desagregacion"),
    "note": ("note", "notes", "nota", "notas", "comment", "comments", "comentario"),
    "source": ("source", "fuente"),
}


class MappingError(ValidationError):
    """The mapping cannot read the file; `message_dict` keys the messages by field name."""


@dataclass(frozen=True)
class ColumnMapping:
    area: str = ""  # column with the country or region code (required)
    # Column with the year; "" for the wide layout, where every column headed by a year
    # holds that year's values.
    year: str = ""
    value: str = ""  # column with the value (required unless wide layout)
    indicator: str = ""  # column with the indicator code ...
    indicator_code: str = ""  # ... or one indicator code for the whole file
    breakdown: str = ""
    note: str = ""
    source: str = ""
    default_source: str = ""  # source text for rows without one
    decimal_comma: bool = False  # values written "1.234,5" rather than "1,234.5"

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ColumnMapping":
        """The mapping saved by `as_json`; keys it does not know are ignored."""
        values: dict[str, Any] = {}
        for field in fields(cls):
            if field.name not in data:
                continue
            raw = data[field.name]
            if field.name == "decimal_comma":
                values[field.name] = bool(raw)
            else:
                values[field.name] = "" if raw is None else str(raw).strip()
        return cls(**values)

    @property
    def is_wide(self) -> bool:
        return not self.year


def year_columns(columns: Sequence[str]) -> tuple[str, ...]:
    """The columns a wide file heads with a year."""
    return tuple(column for column in columns if _YEAR_HEADER.fullmatch(column))


def last_year() -> int:
    """The last year a figure may be for: no statistics describe a year still to come."""
    return timezone.localdate().year


def _normalized(header: str) -> str:
    decomposed = unicodedata.normalize("NFKD", header.casefold())
    return "".join(character for character in decomposed if character.isalnum())


def guess_mapping(columns: Sequence[str]) -> ColumnMapping:
    """The mapping a person would most likely choose, from English or Spanish headers
    ("Country code", "País", "ISO3", "Año", "Valor", "Indicador", "Fuente"…). Columns it
    cannot place stay unmapped; check_mapping says what is missing."""
    by_name: dict[str, str] = {}
    for column in columns:
        by_name.setdefault(_normalized(column), column)
    taken: set[str] = set()
    guessed: dict[str, Any] = {}
    for field in COLUMN_FIELDS:
        for synonym in _SYNONYMS[field]:
            found = by_name.get(synonym)
            if found is not None and found not in taken:
                guessed[field] = found
                taken.add(found)
                break
    return ColumnMapping(**guessed)


def check_mapping(mapping: ColumnMapping, columns: Sequence[str]) -> None:
    """MappingError, with a message per field, unless the mapping can read a file with these
    columns: the columns it names exist and are used once, the country or region and the
    indicator are given, and either a year and a value column or columns headed by years, all
    of them years accepted."""
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    used: dict[str, str] = {}
    for field in COLUMN_FIELDS:
        column = getattr(mapping, field)
        if not column:
            continue
        if column not in columns:
            refuse(field, _("The file has no column “%(column)s”.") % {"column": column})
        elif column in used:
            refuse(
                field,
                _("The column “%(column)s” is already chosen for another field.")
                % {"column": column},
            )
        used.setdefault(column, field)

    if not mapping.area:
        refuse("area", _("Choose the column that holds the country or region code."))
    _check_indicator(mapping, refuse)
    if mapping.year and not mapping.value:
        refuse("value", _("Choose the column that holds the values."))
    if not mapping.year:
        if mapping.value:
            refuse("year", _("Choose the column that holds the year."))
        else:
            _check_year_columns([column for column in columns if column not in used], refuse)
    limit = Observation._meta.get_field("source").max_length
    if limit is not None and len(mapping.default_source) > limit:
        refuse(
            "default_source",
            _("The source is %(length)s characters long; the limit is %(limit)s.")
            % {"length": len(mapping.default_source), "limit": limit},
        )
    if errors:
        raise MappingError(errors)


def _check_year_columns(columns: Sequence[str], refuse: Callable[[str, str], None]) -> None:
    """The wide layout's columns headed by years: at least one, and none for a year a figure
    cannot be for. Refused here, once for the file, rather than on every row that has a value
    in such a column, which would leave every row out."""
    years = year_columns(columns)
    if not years:
        refuse(
            "year",
            _(
                "Choose the column that holds the year, or use a file with a column per year "
                "headed by the year (such as 2019)."
            ),
        )
    last = last_year()
    outside = [column for column in years if not FIRST_YEAR <= int(column) <= last]
    if outside:
        refuse(
            "year",
            ngettext(
                "%(count)s column is headed by a year outside the years accepted, %(first)s "
                "to %(last)s: %(columns)s. Delete it from the file or correct its header.",
                "%(count)s columns are headed by years outside the years accepted, %(first)s "
                "to %(last)s: %(columns)s. Delete them from the file or correct their headers.",
                len(outside),
            )
            % {
                "count": len(outside),
                "first": FIRST_YEAR,
                "last": last,
                "columns": ", ".join(f"“{column}”" for column in outside),
            },
        )


def _check_indicator(mapping: ColumnMapping, refuse: Callable[[str, str], None]) -> None:
    if mapping.indicator and mapping.indicator_code:
        refuse(
            "indicator",
            _("Choose an indicator column or one indicator for the whole file, not both."),
        )
    elif not mapping.indicator and not mapping.indicator_code:
        refuse(
            "indicator",
            _(
                "Choose the column that holds the indicator code, or one indicator for the "
                "whole file."
            ),
        )
    elif (
        mapping.indicator_code
        and not Indicator.objects.filter(code=mapping.indicator_code.upper()).exists()
    ):
        refuse(
            "indicator_code",
            _("There is no indicator “%(code)s”.") % {"code": mapping.indicator_code},
        )
