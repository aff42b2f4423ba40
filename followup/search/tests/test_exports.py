"""Downloads of a search: every hit, streamed in batches, as plain text, with cells that a
spreadsheet would run as formulas kept as text."""

import csv
import io
import json

import pytest
from django.http import StreamingHttpResponse

from followup.reporting.models import ActorReport, EntryCountry
from followup.reporting.tests.factories import EntryFactory, ReportFactory
from followup.search import queries
from followup.search.exports import plain_text

pytestmark = pytest.mark.django_db

CSV = "/en/search/export.csv"
JSON = "/en/search/export.json"


@pytest.fixture
def report():
    return ReportFactory(status=ActorReport.Status.PUBLISHED)


def content(response) -> str:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode("utf-8-sig")


def csv_rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content(response))))


def test_every_hit_is_exported_whatever_the_batch_size(client, report, monkeypatch):
    monkeypatch.setattr(queries, "EXPORT_BATCH", 2)
    for number in range(5):
        EntryFactory(report=report, title=f"Quetzal {number}", starts=f"201{number}")

    response = client.get(CSV, {"q": "quetzal", "sort": "date"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="follow-up-search.csv"'
    assert [row["title"] for row in csv_rows(response)] == [
        "Quetzal 4",
        "Quetzal 3",
        "Quetzal 2",
        "Quetzal 1",
        "Quetzal 0",
    ]


def test_a_csv_row_holds_plain_text_and_an_absolute_address(client, report):
    entry = EntryFactory(
        report=report,
        title="Quetzal & <b>partners</b>",
        narrative="Met in Tapachula.",
        starts="2019-05",
    )

    [row] = csv_rows(client.get(CSV, {"q": "quetzal"}))

    assert row == {
        "kind": "entry",
        "title": "Quetzal & <b>partners</b>",
        "url": f"http://testserver/en/reports/{report.cycle.slug}/iin/#entry-{entry.pk}",
        "date": "2019-05",
        "languages": "en",
        "snippet": "Met in Tapachula.",
    }


def test_cells_that_start_like_a_formula_are_kept_as_text(client, report):
    EntryFactory(
        report=report, title='=HYPERLINK("http://evil.example","quetzal")', narrative="+1 quetzal"
    )

    [row] = csv_rows(client.get(CSV, {"q": "quetzal"}))

    assert row["title"] == '\'=HYPERLINK("http://evil.example","quetzal")'
    assert row["snippet"] == "'+1 quetzal"


def test_the_json_export_is_one_array_with_stable_keys(client, report, monkeypatch):
    monkeypatch.setattr(queries, "EXPORT_BATCH", 2)
    for number in range(3):
        EntryFactory(report=report, title=f"Quetzal {number}", starts=f"201{number}")

    response = client.get(JSON, {"q": "quetzal", "sort": "date"})

    records = json.loads(content(response))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert [record["title"] for record in records] == ["Quetzal 2", "Quetzal 1", "Quetzal 0"]
    assert set(records[0]) == {"kind", "title", "url", "date", "languages", "snippet"}
    assert records[0]["languages"] == ["en"]


def test_an_export_follows_the_filters_of_the_page(client, report):
    mexican = EntryFactory(report=report, title="Quetzal in Mexico")
    EntryCountry.objects.create(entry=mexican, code="MEX")
    EntryFactory(report=report, title="Quetzal elsewhere")

    rows = csv_rows(client.get(CSV, {"q": "quetzal", "country": "MEX"}))

    assert [row["title"] for row in rows] == ["Quetzal in Mexico"]


def test_a_query_with_nothing_searchable_exports_nothing(client, report):
    EntryFactory(report=report, title="Quetzal")

    assert json.loads(content(client.get(JSON, {"q": "😀"}))) == []
    assert csv_rows(client.get(CSV, {"q": "😀"})) == []


def test_the_export_keeps_the_language_of_the_page(client, report):
    EntryFactory(report=report, title="Quetzal")

    [record] = json.loads(content(client.get("/es/search/export.json", {"q": "quetzal"})))

    assert record["url"].startswith("http://testserver/es/reports/")


def test_an_unknown_format_is_not_found(client):
    assert client.get("/en/search/export.xlsx").status_code == 404


def test_plain_text_drops_the_marks_and_unescapes():
    assert plain_text("<mark>Ni&ntilde;os</mark> &amp; &lt;mark&gt;") == "Niños & <mark>"
