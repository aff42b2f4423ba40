"""The back office lists imported documents and the records accepted from them."""

import pytest
from django.urls import reverse

from followup.reporting.tests.factories import secretariat_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "admin:ingest_sourcedocument_changelist",
        "admin:recommendations_recommendation_changelist",
        "admin:meetings_workplan_changelist",
    ],
)
def test_the_secretariat_sees_imports_and_their_records_in_the_back_office(client, document, name):
    client.force_login(secretariat_user())

    assert client.get(reverse(name)).status_code == 200


def test_an_imported_document_is_not_added_or_edited_by_hand(client, document):
    client.force_login(secretariat_user())

    assert client.get(reverse("admin:ingest_sourcedocument_add")).status_code == 403
    page = client.get(reverse("admin:ingest_sourcedocument_change", args=[document.pk]))
    assert page.status_code == 200
    assert 'name="title"' not in page.content.decode()  # read-only
