"""A search's results as CSV or JSON, every hit and not only a page, streamed as they are read.

The request is the page's own (the same query string), so a download holds what the page
lists, over what the visitor may find. Titles and snippets are plain text here: the <mark>s
of the page are dropped and the text unescaped. The `public` column is for the secretariat
only, the one reader who can find anything else.
"""

import csv
import html
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import Http404, HttpRequest, StreamingHttpResponse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from followup.reporting.exports import spreadsheet_cells
from followup.search import queries
from followup.search.queries import Hit, SearchRequest
from followup.search.views import search_request_for

FILENAME = "follow-up-search.{fmt}"
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
}
# (JSON key, CSV header): the keys are stable, the headers follow the active language.
COLUMNS: tuple[tuple[str, Promise], ...] = (
    ("kind", _("kind")),
    ("title", _("title")),
    ("url", _("url")),
    ("date", _("date")),
    ("languages", _("languages")),
    ("snippet", _("snippet")),
)
PUBLIC_COLUMN = ("public", _("public"))

_MARK = re.compile(r"</?mark>")


def plain_text(marked: str) -> str:
    """A highlighted title or snippet (escaped text with <mark> tags) as the text it shows."""
    return html.unescape(_MARK.sub("", marked))


def hit_record(hit: Hit, request: HttpRequest, *, with_public: bool) -> dict[str, Any]:
    record: dict[str, Any] = {
        "kind": hit.facet_kind,
        "title": plain_text(hit.title),
        "url": request.build_absolute_uri(hit.url) if hit.url else "",
        "date": hit.date,
        "languages": list(hit.languages),
        "snippet": plain_text(hit.snippet),
    }
    if with_public:
        record["public"] = hit.public
    return record


def search_hits(search: SearchRequest) -> Iterator[Hit]:
    """Every hit of `search`; none when nothing in the text can be searched (the page shows
    none then, rather than everything)."""
    if queries.parse_request(search).unsearchable:
        return iter(())
    return queries.iter_hits(search)


class _Echo:
    """A write-only file whose `write` returns what it was given, for csv.writer to stream."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(records: Iterable[dict[str, Any]], with_public: bool) -> Iterator[str]:
    columns = [*COLUMNS, PUBLIC_COLUMN] if with_public else list(COLUMNS)
    writer = csv.writer(_Echo())
    # The byte order mark tells Excel the file is UTF-8.
    yield "\ufeff" + writer.writerow([str(header) for _, header in columns])
    for record in records:
        values = [_csv_value(record[key]) for key, _ in columns]
        # A cell starting like a formula ("=", "+", "-", "@") is kept as text.
        yield writer.writerow(spreadsheet_cells(values))


def _csv_value(value: Any) -> str | list[str]:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, list) else str(value)


def _json_chunks(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield "["
    separator = "\n"
    for record in records:
        # JSON says "none" as null where the CSV leaves the cell empty.
        record = {**record, "url": record["url"] or None, "date": record["date"] or None}
        yield separator + json.dumps(record, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


def _in_language(language: str, chunks: Iterator[str]) -> Iterator[str]:
    """The file is written while the response streams, after the view returned: keep the
    request's language, which chooses titles, kind names and the links' /en/ or /es/."""
    with translation.override(language):
        yield from chunks


def search_export(request: HttpRequest, fmt: str) -> StreamingHttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404
    search = search_request_for(request)
    with_public = search.include_unpublished
    records = (hit_record(hit, request, with_public=with_public) for hit in search_hits(search))
    chunks = _csv_lines(records, with_public) if fmt == "csv" else _json_chunks(records)
    response = StreamingHttpResponse(
        _in_language(translation.get_language() or "en", chunks),
        content_type=CONTENT_TYPES[fmt],
    )
    filename = FILENAME.format(fmt=fmt)
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=filename) or "attachment"
    )
    return response
