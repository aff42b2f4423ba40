"""Entries as CSV, XLSX and JSON files, streamed so that no export has a row limit.

One ordered definition of the columns (`ENTRY_COLUMNS`) serves the three formats. Values are
the stable codes (status `published`, kind `carried_out`, countries `MEX`, theme and activity
slugs), so a file downloaded in Spanish holds the same data as one downloaded in English; only
the CSV and XLSX headers and the actor's name follow the active language.

The caller chooses what is exported: pass a queryset already filtered through
`permissions.entries_visible_to(user)`; nothing here checks who is asking.
"""

import csv
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from followup.reporting.models import Entry

CHUNK_SIZE = 500
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Fixed rather than translated: scripts that read the workbook look the sheet up by name.
XLSX_SHEET = "Entries"
LIST_SEPARATOR = "; "

Value = str | list[str]


@dataclass(frozen=True)
class Column:
    key: str  # the JSON key, stable across languages
    header: Promise | str  # the CSV/XLSX header, in the active language
    value: Callable[[Entry], Value]
    width: int = 16  # XLSX column width, in characters


def _slugs(items: Iterable[Any]) -> list[str]:
    return [item.slug for item in items]


ENTRY_COLUMNS: tuple[Column, ...] = (
    Column("cycle", _("cycle"), lambda e: e.report.cycle.label, 11),
    Column("actor", _("actor"), lambda e: e.report.actor.name, 30),
    Column("actor_acronym", _("actor acronym"), lambda e: e.report.actor.acronym, 10),
    Column("report_status", _("report status"), lambda e: e.report.status, 12),
    Column("kind", _("kind"), lambda e: e.kind, 14),
    Column("title", _("title"), lambda e: e.title, 40),
    Column("narrative", _("narrative"), lambda e: e.narrative, 80),
    Column("language", _("language"), lambda e: e.language, 9),
    Column("from", _("from"), lambda e: e.starts, 11),
    Column("until", _("until"), lambda e: e.ends, 11),
    Column("countries", _("countries"), lambda e: [c.code for c in e.countries.all()]),
    Column("themes", _("themes"), lambda e: _slugs(e.themes.all()), 24),
    Column(
        "population_groups", _("population groups"), lambda e: _slugs(e.population_groups.all())
    ),
    Column(
        "activities",
        _("Program activities"),
        lambda e: [activity.code for activity in e.activities.all()],
    ),
    Column("partners", _("partners"), lambda e: _slugs(e.partners.all())),
    Column("figures", _("figures"), lambda e: [str(f) for f in e.figures.all()], 30),
    Column("links", _("links"), lambda e: [link.url for link in e.links.all()], 30),
)


def _with_related(queryset: QuerySet[Entry]) -> QuerySet[Entry]:
    """One query for the entries and one per relation, per chunk of CHUNK_SIZE entries."""
    return queryset.select_related("report__cycle", "report__actor").prefetch_related(
        "countries",
        "themes",
        "population_groups",
        "activities",
        "partners",
        "figures",
        "links",
    )


def entry_rows(queryset: QuerySet[Entry]) -> Iterator[list[Value]]:
    """Each entry as its values in ENTRY_COLUMNS order (lists for many-valued columns); the
    number of queries depends on the number of chunks, never on the number of rows."""
    for entry in _with_related(queryset).iterator(chunk_size=CHUNK_SIZE):
        yield [column.value(entry) for column in ENTRY_COLUMNS]


def entry_headers() -> list[str]:
    return [str(column.header) for column in ENTRY_COLUMNS]


def _flat(value: Value) -> str:
    return LIST_SEPARATOR.join(value) if isinstance(value, list) else value


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _defused(text: str) -> str:
    """Spreadsheets run a cell that starts like a formula; a leading apostrophe keeps it text
    (OWASP's advice against CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def spreadsheet_cells(row: list[Value]) -> list[str]:
    return [_defused(_flat(value)) for value in row]


def _in_language(language: str, rows: Iterator[Any]) -> Iterator[Any]:
    """Rows are produced while the response streams, after the view returned; keep the
    language the request asked for (it chooses the actor's name)."""
    with translation.override(language):
        yield from rows


def _filename_header(filename: str) -> str:
    return content_disposition_header(as_attachment=True, filename=filename) or "attachment"


class _Echo:
    """A write-only file whose `write` returns what it was given, for csv.writer to stream."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(headers: list[str], queryset: QuerySet[Entry]) -> Iterator[str]:
    # The byte order mark tells Excel the file is UTF-8, so "Niños" opens as "Niños".
    writer = csv.writer(_Echo())  # dialect "excel": RFC 4180 quoting and CRLF line ends
    yield "\ufeff" + writer.writerow(headers)
    for row in entry_rows(queryset):
        yield writer.writerow(spreadsheet_cells(row))


def csv_response(queryset: QuerySet[Entry], filename: str) -> StreamingHttpResponse:
    language = translation.get_language() or "en"
    response = StreamingHttpResponse(
        _in_language(language, _csv_lines(entry_headers(), queryset)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = _filename_header(filename)
    return response


def _xlsx_text(text: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # XML cannot hold most control characters; openpyxl refuses them rather than dropping them.
    return str(ILLEGAL_CHARACTERS_RE.sub("", text))


def xlsx_response(queryset: QuerySet[Entry], filename: str) -> FileResponse:
    """The workbook is written row by row (openpyxl's write-only mode) into a temporary file
    that stays in memory while small and moves to disk when large."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(XLSX_SHEET)
    for index, column in enumerate(ENTRY_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    bold = Font(bold=True)
    header_cells = []
    for header in entry_headers():
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in entry_rows(queryset):
        sheet.append([_xlsx_text(cell) for cell in spreadsheet_cells(row)])
    # Not a `with` block: FileResponse reads the file after we return, and closes it.
    spooled = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    try:
        workbook.save(spooled)
    except BaseException:
        spooled.close()
        raise
    spooled.seek(0)
    return FileResponse(
        spooled, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE
    )


def _json_value(key: str, value: Value) -> Value | None:
    if key in {"from", "until"}:
        return value or None  # a partial date such as "2019-07", or null
    return value


def _json_chunks(queryset: QuerySet[Entry]) -> Iterator[str]:
    keys = [column.key for column in ENTRY_COLUMNS]
    yield "["
    separator = "\n"
    for row in entry_rows(queryset):
        record = {key: _json_value(key, value) for key, value in zip(keys, row, strict=True)}
        yield separator + json.dumps(record, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


def json_response(queryset: QuerySet[Entry], filename: str) -> StreamingHttpResponse:
    """A JSON array written one entry at a time; keys are the columns' stable keys."""
    language = translation.get_language() or "en"
    response = StreamingHttpResponse(
        _in_language(language, _json_chunks(queryset)),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = _filename_header(filename)
    return response
