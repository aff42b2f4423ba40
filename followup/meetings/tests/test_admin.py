"""The back office shows meetings with their documents and work plans with their rows."""

import pytest
from django.urls import reverse

from followup.meetings import services
from followup.meetings.tests.factories import CalendarRowFactory, MeetingFactory, WorkPlanFactory
from followup.reporting.tests.factories import secretariat_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(client):
    user = secretariat_user()
    client.force_login(user)
    return user


def test_meeting_admin_shows_its_documents(client, secretariat):
    meeting = MeetingFactory(title="Thematic meeting on health")
    services.add_document(
        meeting, {"title": "Annotated agenda", "url": "https://www.oas.org/a.pdf"}, by=secretariat
    )

    listing = client.get(reverse("admin:meetings_meeting_changelist")).content.decode()
    change = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    assert "Thematic meeting on health" in listing
    assert change.status_code == 200
    assert 'value="Annotated agenda"' in change.content.decode()


def test_meeting_admin_history_lists_each_change(client, secretariat):
    meeting = services.create_meeting({"kind": "regular", "title": "Session"}, by=secretariat)
    services.save_meeting(meeting, {"status": "held"}, by=secretariat)

    response = client.get(reverse("admin:meetings_meeting_history", args=[meeting.pk]))

    assert response.status_code == 200
    assert "changed" in response.content.decode()


def test_work_plan_admin_shows_its_rows(client, secretariat):
    plan = WorkPlanFactory(title="Work plan 2016–2017")
    CalendarRowFactory(work_plan=plan, activity="Participation in the CIDI meeting")

    response = client.get(reverse("admin:meetings_workplan_change", args=[plan.pk]))

    assert response.status_code == 200
    assert "Participation in the CIDI meeting" in response.content.decode()
