import csv
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.core.signals import request_finished
from django.db import close_old_connections, connection
from django.http import FileResponse, StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from followup.program.models import Actor, PopulationGroup, ProgramActivity, Theme
from followup.reporting.exports import (
    ENTRY_COLUMNS,
    csv_response,
    entry_rows,
    json_response,
    xlsx_response,
)
from followup.reporting.models import ActorReport, Entry, EntryCountry, Figure, Link
from followup.reporting.tests.factories import CycleFactory, EntryFactory, ReportFactory

pytestmark = pytest.mark.django_db

HEADERS = [
    "cycle",
    "actor",
    "actor acronym",
    "report status",
    "kind",
    "title",
    "narrative",
    "language",
    "from",
    "until",
    "countries",
    "themes",
    "population groups",
    "Program activities",
    "partners",
    "figures",
    "links",
]


@pytest.fixture
def entry():
    report = ReportFactory(
        cycle=CycleFactory(label="2019–2020", slug="2019-2020"),
        status=ActorReport.Status.PUBLISHED,
    )
    entry = EntryFactory(
        report=report,
        kind=Entry.Kind.CARRIED_OUT,
        title='=HYPERLINK("http://evil.example")',
        narrative="Niños, niñas y adolescentes en movilidad.\nSecond line, with a comma.",
        language="es",
        starts="2019-07",
        ends="",
    )
    for code in ("PRY", "ECU"):
        EntryCountry.objects.create(entry=entry, code=code)
    entry.themes.set(Theme.objects.filter(slug__in=["human-rights", "cooperation"]))
    entry.population_groups.set(PopulationGroup.objects.filter(slug="children-adolescents"))
    entry.activities.set(ProgramActivity.objects.filter(code="2016-iin-a"))
    entry.partners.set(Actor.objects.filter(slug__in=["iom", "unhcr"]))
    Figure.objects.create(entry=entry, value=Decimal("70"), counts="professionals trained")
    Figure.objects.create(entry=entry, value=Decimal("4.50"), counts="municipalities")
    Link.objects.create(entry=entry, url="https://www.iin.oea.org/", title="IIN")
    return entry


def streamed(response: StreamingHttpResponse | FileResponse) -> bytes:
    """The body as a WSGI server would send it, closing the response afterwards as it does.

    Closing a response signals the end of a request, which makes Django drop the database
    connection; inside a test's transaction that would end the test's own connection (on
    PostgreSQL), so the signal is muted here as Django's test client does."""
    try:
        return b"".join(response.streaming_content)
    finally:
        request_finished.disconnect(close_old_connections)
        try:
            response.close()
        finally:
            request_finished.connect(close_old_connections)


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


EXPECTED_ROW = [
    "2019–2020",
    "Inter-American Children's Institute",
    "IIN",
    "published",
    "carried_out",
    '\'=HYPERLINK("http://evil.example")',
    "Niños, niñas y adolescentes en movilidad.\nSecond line, with a comma.",
    "es",
    "2019-07",
    "",
    "ECU; PRY",
    "human-rights; cooperation",
    "children-adolescents",
    "2016-iin-a",
    "iom; unhcr",
    "70 professionals trained; 4.5 municipalities",
    "https://www.iin.oea.org/",
]


def test_entry_columns_have_one_header_each_in_order():
    assert [str(column.header) for column in ENTRY_COLUMNS] == HEADERS
    assert len({column.key for column in ENTRY_COLUMNS}) == len(HEADERS)


def test_entry_rows_keep_many_valued_columns_as_lists(entry):
    (row,) = entry_rows(Entry.objects.filter(pk=entry.pk))

    values = dict(zip([column.key for column in ENTRY_COLUMNS], row, strict=True))
    assert values["countries"] == ["ECU", "PRY"]
    assert values["figures"] == ["70 professionals trained", "4.5 municipalities"]
    assert values["title"] == '=HYPERLINK("http://evil.example")'  # defused only in sheets


def test_csv_response_streams_a_bom_the_headers_and_the_rows(entry):
    response = csv_response(Entry.objects.filter(pk=entry.pk), "entries-2019-2020.csv")

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="entries-2019-2020.csv"'
    content = streamed(response)
    assert content.startswith(b"\xef\xbb\xbfcycle,actor,")
    assert csv_rows(content) == [HEADERS, EXPECTED_ROW]


def test_csv_response_quotes_as_rfc_4180_says(entry):
    content = streamed(csv_response(Entry.objects.filter(pk=entry.pk), "entries.csv"))

    lines = content.decode("utf-8-sig").split("\r\n")
    assert lines[1].startswith(
        "2019–2020,Inter-American Children's Institute,IIN,published,carried_out,"
        '"\'=HYPERLINK(""http://evil.example"")",'
        '"Niños, niñas y adolescentes en movilidad.\nSecond line, with a comma.",es,2019-07,,'
    )


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_response_defuses_cells_that_look_like_formulas(start):
    entry = EntryFactory(title=f"{start}1+2", narrative="Plain text.")

    (_headers, row) = csv_rows(streamed(csv_response(Entry.objects.filter(pk=entry.pk), "e.csv")))

    assert row[5] == f"'{start}1+2"
    assert row[6] == "Plain text."


def test_csv_response_names_the_actor_in_the_language_of_the_request(entry):
    with translation.override("es"):
        response = csv_response(Entry.objects.filter(pk=entry.pk), "entries.csv")

    rows = csv_rows(streamed(response))
    assert rows[1][1] == "Instituto Interamericano del Niño, la Niña y Adolescentes"


def test_xlsx_response_reopens_with_the_same_cells(entry):
    response = xlsx_response(Entry.objects.filter(pk=entry.pk), "entries-2019-2020.xlsx")

    assert isinstance(response, FileResponse)
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == 'attachment; filename="entries-2019-2020.xlsx"'
    workbook = openpyxl.load_workbook(io.BytesIO(streamed(response)))
    assert workbook.sheetnames == ["Entries"]
    sheet = workbook["Entries"]
    rows = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows == [HEADERS, EXPECTED_ROW]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet["F2"].data_type == "s"  # the formula-looking title stays text


def test_xlsx_response_drops_characters_xml_cannot_hold():
    entry = EntryFactory(title="Bell\x07 and vertical tab\x0b")

    response = xlsx_response(Entry.objects.filter(pk=entry.pk), "entries.xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(streamed(response)))["Entries"]
    assert sheet["F2"].value == "Bell and vertical tab"


def test_json_response_streams_an_array_of_entries(entry):
    response = json_response(Entry.objects.filter(pk=entry.pk), "entries-2019-2020.json")

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="entries-2019-2020.json"'
    content = streamed(response)
    assert "Niños".encode() in content  # not escaped to \u00f1
    assert json.loads(content) == [
        {
            "cycle": "2019–2020",
            "actor": "Inter-American Children's Institute",
            "actor_acronym": "IIN",
            "report_status": "published",
            "kind": "carried_out",
            "title": '=HYPERLINK("http://evil.example")',
            "narrative": "Niños, niñas y adolescentes en movilidad.\nSecond line, with a comma.",
            "language": "es",
            "from": "2019-07",
            "until": None,
            "countries": ["ECU", "PRY"],
            "themes": ["human-rights", "cooperation"],
            "population_groups": ["children-adolescents"],
            "activities": ["2016-iin-a"],
            "partners": ["iom", "unhcr"],
            "figures": ["70 professionals trained", "4.5 municipalities"],
            "links": ["https://www.iin.oea.org/"],
        }
    ]


def test_json_response_of_nothing_is_an_empty_array():
    assert json.loads(streamed(json_response(Entry.objects.none(), "entries.json"))) == []


def test_csv_response_of_nothing_has_the_headers_only():
    assert csv_rows(streamed(csv_response(Entry.objects.none(), "entries.csv"))) == [HEADERS]


def test_content_disposition_carries_a_non_ascii_filename():
    response = csv_response(Entry.objects.none(), "entradas-niñez.csv")

    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''entradas-ni%C3%B1ez.csv"
    )


def _entries_with_relations(count: int) -> list[Entry]:
    report = ReportFactory()
    themes = list(Theme.objects.filter(slug__in=["health", "education"]))
    entries = EntryFactory.create_batch(count, report=report)
    for entry in entries:
        EntryCountry.objects.create(entry=entry, code="MEX")
        entry.themes.set(themes)
        entry.partners.set(Actor.objects.filter(slug="iom"))
        Figure.objects.create(entry=entry, value=Decimal("12"), counts="countries")
        Link.objects.create(entry=entry, url="https://example.org/", title="")
    return entries


def _queries_to_export(build, entries: list[Entry]) -> int:
    queryset = Entry.objects.filter(pk__in=[entry.pk for entry in entries])
    with CaptureQueriesContext(connection) as queries:
        response = build(queryset, "entries")
        content = (
            streamed(response)
            if isinstance(response, StreamingHttpResponse)
            else b"".join(response)
        )
    assert content
    return len(queries)


@pytest.mark.parametrize("build", [csv_response, xlsx_response, json_response])
def test_exports_run_the_same_queries_for_1_and_30_entries(build):
    one = _queries_to_export(build, _entries_with_relations(1))
    thirty = _queries_to_export(build, _entries_with_relations(30))

    assert one == thirty == 8  # entries with report, cycle, actor; then one per relation
