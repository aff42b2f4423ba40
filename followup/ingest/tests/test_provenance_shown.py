"""An accepted record keeps where it was read from, and its page says so."""

import datetime

import pytest
from django.urls import reverse

from followup.ingest import review
from followup.ingest.models import Proposal, SourceDocument
from followup.reporting.models import ActorReport
from followup.reporting.tests.factories import secretariat_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported_entry(document):
    proposal = Proposal.objects.create(
        document=document,
        position=0,
        kind="entry",
        data={"actor": "iin", "period": "2009", "kind": "carried_out", "title": "A course"},
        first_block=1,
        last_block=1,
    )
    entry = review.accept(proposal, by=secretariat_user())
    report = entry.report
    report.status = ActorReport.Status.PUBLISHED
    report.published_at = datetime.datetime(2010, 1, 5, tzinfo=datetime.UTC)
    report.save()
    return entry


def _page(client, entry):
    return client.get(
        reverse("reporting:report_detail", args=[entry.report.cycle.slug, "iin"])
    ).content.decode()


def test_the_public_report_page_says_where_an_imported_entry_comes_from(client, imported_entry):
    page = _page(client, imported_entry)

    assert "Imported from Annual report 2009, paragraph 2" in page
    assert "/source/" not in page  # the source pages are the secretariat's


def test_the_secretariat_gets_a_link_to_the_passage(client, imported_entry):
    client.force_login(secretariat_user())

    page = _page(client, imported_entry)

    document = SourceDocument.objects.get()
    assert f"/workspace/imports/{document.pk}/source/?from=1&amp;to=1#b-1" in page


def test_the_workspace_report_page_links_an_imported_entry_to_its_passage(client, imported_entry):
    client.force_login(secretariat_user())

    page = client.get(reverse("reporting:report_page", args=[imported_entry.report.pk]))

    document = SourceDocument.objects.get()
    assert f"/workspace/imports/{document.pk}/source/?from=1&amp;to=1#b-1" in page.content.decode()
