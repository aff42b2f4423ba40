import csv
import io
import json

import pytest
from django.urls import reverse

from followup.reporting.models import ActorReport
from followup.reporting.tests.factories import EntryFactory, ReportFactory, secretariat_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_and_draft():
    published = ReportFactory(status=ActorReport.Status.PUBLISHED)
    EntryFactory(report=published, title="Published course")
    draft = ReportFactory(
        cycle=published.cycle, actor=published.actor.__class__.objects.get(slug="cim")
    )
    EntryFactory(report=draft, title="Secret draft plan")
    return published.cycle


def _csv_titles(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    title = rows[0].index("title")
    return [row[title] for row in rows[1:]]


def test_the_public_cycle_export_holds_published_entries_only(client, published_and_draft):
    response = client.get(reverse("reporting:cycle_export", args=[published_and_draft.slug, "csv"]))

    assert response.status_code == 200
    assert _csv_titles(response) == ["Published course"]


def test_the_secretariat_exports_drafts_too(client, published_and_draft):
    client.force_login(secretariat_user())

    response = client.get(
        reverse("reporting:cycle_export", args=[published_and_draft.slug, "json"])
    )

    titles = sorted(item["title"] for item in json.loads(b"".join(response.streaming_content)))
    assert titles == ["Published course", "Secret draft plan"]


def test_the_filtered_export_follows_the_entry_list_filters(client, published_and_draft):
    response = client.get(
        reverse("reporting:entry_export", args=["csv"]),
        {"cycle": published_and_draft.slug, "kind": "planned"},
    )

    assert _csv_titles(response) == []


def test_an_unknown_format_is_404_and_a_bad_filter_is_400(client, published_and_draft):
    assert client.get(reverse("reporting:entry_export", args=["pdf"])).status_code == 404
    assert (
        client.get(reverse("reporting:entry_export", args=["csv"]), {"country": "XXX"}).status_code
        == 400
    )


def test_the_xlsx_export_downloads(client, published_and_draft):
    response = client.get(
        reverse("reporting:cycle_export", args=[published_and_draft.slug, "xlsx"])
    )

    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    response.close()
