"""The observations the filters select, whole, as CSV or JSON, streamed as they are read.

Rows come from the database in chunks (`iterator(chunk_size=...)` over value tuples) and
leave as text at once, so memory holds one chunk whatever the size of the export. The CSV's
columns are the JSON keys, the source document's flattened into three: they are the same in
every language, so scripts can rely on them.
"""

import csv
import json
from collections.abc import Iterator
from itertools import islice
from typing import Any

from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header

from followup.reporting.exports import spreadsheet_cells
from followup.statistics.api.records import Labels, observation_record, observation_rows
from followup.statistics.models import Observation

CHUNK_SIZE = 2000
LINES_PER_PIECE = 500
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
}
# The order of _csv_row's cells.
CSV_COLUMNS = (
    "id",
    "indicator",
    "area",
    "area_name",
    "year",
    "breakdown",
    "breakdown_label",
    "value",
    "unit",
    "note",
    "source",
    "illustrative",
    "source_document_id",
    "source_document_title",
    "source_document_filename",
    "revision",
    "updated_at",
)
_NO_DOCUMENT = {"id": "", "title": "", "filename": ""}


def export_filename(fmt: str, indicators: list[str]) -> str:
    """follow-up-statistics.csv, or with the indicator's code when there is exactly one."""
    suffix = f"-{indicators[0]}" if len(indicators) == 1 else ""
    return f"follow-up-statistics{suffix}.{fmt}"


def _records(observations: QuerySet[Observation]) -> Iterator[dict[str, Any]]:
    labels = Labels()
    for row in observation_rows(observations).iterator(chunk_size=CHUNK_SIZE):
        yield observation_record(row, labels)


def number_text(value: float) -> str:
    """A value as a spreadsheet reads it back: whole numbers without a trailing “.0”, while a
    float holds them exactly (the page downloads' rule, views/data.py machine_number)."""
    if value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(value)


class _Echo:
    """A write-only file whose `write` returns what it was given, for csv.writer to stream."""

    def write(self, value: str) -> str:
        return value


def _csv_row(record: dict[str, Any]) -> list[Any]:
    document = record["source_document"] or _NO_DOCUMENT
    # Texts people write are kept as text if they start like a spreadsheet formula.
    note, source, title, filename = spreadsheet_cells(
        [record["note"], record["source"], document["title"], document["filename"]]
    )
    return [
        record["id"],
        record["indicator"],
        record["area"],
        record["area_name"],
        record["year"],
        record["breakdown"],
        record["breakdown_label"],
        number_text(record["value"]),
        record["unit"],
        note,
        source,
        # As JSON writes it, so that both files read the same.
        "true" if record["illustrative"] else "false",
        document["id"],
        title,
        filename,
        record["revision"],
        record["updated_at"],
    ]


def _csv_lines(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    # The byte order mark tells Excel the file is UTF-8.
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)
    for record in records:
        yield writer.writerow(_csv_row(record))


def _json_chunks(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield "["
    separator = "\n"
    for record in records:
        yield separator + json.dumps(record, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


def _in_language(language: str, chunks: Iterator[str]) -> Iterator[str]:
    """The file is written while the response streams, after the view returned: keep the
    request's language, which names the areas and the breakdowns."""
    with translation.override(language):
        yield from _joined(chunks)


def _joined(lines: Iterator[str]) -> Iterator[str]:
    """Lines sent a few hundred at a time: each piece sent has a cost of its own."""
    while piece := "".join(islice(lines, LINES_PER_PIECE)):
        yield piece


def export_response(
    observations: QuerySet[Observation], fmt: str, filename: str
) -> StreamingHttpResponse:
    records = _records(observations)
    chunks = _csv_lines(records) if fmt == "csv" else _json_chunks(records)
    response = StreamingHttpResponse(
        _in_language(translation.get_language() or "en", chunks),
        content_type=CONTENT_TYPES[fmt],
    )
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=filename) or "attachment"
    )
    return response
