"""Meetings and calendar rows in the search index: public, linked to their pages, and
following the writes made through the services."""

import pytest

from followup.meetings import services
from followup.meetings.tests.factories import CalendarRowFactory, WorkPlanFactory
from followup.program.models import Actor, Mandate
from followup.reporting.tests.factories import secretariat_user
from followup.search.queries import SearchRequest, search

pytestmark = pytest.mark.django_db


def hits(text, **filters):
    results = search(SearchRequest(text=text, per_page=50, **filters))
    return {(hit.kind, hit.object_id): hit for hit in results.hits}


def test_a_meeting_is_found_by_its_agenda_outcomes_mandates_and_participants(
    django_capture_on_commit_callbacks,
):
    secretariat = secretariat_user()
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.create_meeting(
            {
                "kind": "thematic",
                "title": "Thematic meeting on migration and health",
                "date": "2016-11-03",
                "agenda": "Access to vaccination for migrants in transit",
                "outcomes": "PAHO will publish guidelines on remittances.",
                "mandates": [Mandate.objects.get(symbol="AG/RES. 2881 (XLVI-O/16)")],
                "participants": [Actor.objects.get(slug="paho")],
            },
            by=secretariat,
        )

    for text in ("vaccination", "guidelines", "AG/RES. 2881", "Pan American Health"):
        found = hits(text)
        assert ("meeting", meeting.pk) in found, text
    hit = hits("vaccination")[("meeting", meeting.pk)]
    assert hit.url == meeting.get_absolute_url()
    assert hit.title.startswith("Thematic meeting on migration")


def test_a_meeting_follows_its_edits(django_capture_on_commit_callbacks):
    secretariat = secretariat_user()
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.create_meeting({"kind": "event", "title": "Forum"}, by=secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        services.save_meeting(meeting, {"outcomes": "Declaration on statelessness"}, by=secretariat)

    assert ("meeting", meeting.pk) in hits("statelessness")


def test_a_calendar_row_leads_to_its_place_in_the_work_plan(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        plan = WorkPlanFactory()
        row = CalendarRowFactory(work_plan=plan, activity="Consultations on migration")

    hit = hits("consultations")[("calendar", row.pk)]

    assert hit.url == f"{plan.get_absolute_url()}#row-{row.pk}"
