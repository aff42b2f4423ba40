"""Every page and action of the meetings app × every persona.

The calendar is public: everyone reads work plans, rows, meetings, their documents and feeds.
Only the secretariat writes; visitors are sent to sign in, a focal point and a reviewer get 403
and nothing is written.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from followup.meetings import permissions, services
from followup.meetings.models import CalendarRow, Meeting, MeetingDocument, WorkPlan
from followup.meetings.tests.factories import (
    PERSONAS,
    CalendarRowFactory,
    MeetingFactory,
    WorkPlanFactory,
)
from followup.program.models import Actor
from followup.recommendations.models import Recommendation
from followup.reporting.models import Entry
from followup.reporting.tests.factories import CycleFactory, ReportFactory, secretariat_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    iin = Actor.objects.get(slug="iin")
    cycle = CycleFactory()
    ReportFactory(cycle=cycle, actor=iin)
    plan = WorkPlanFactory()
    meeting = MeetingFactory(work_plan=plan, cycle=cycle)
    document = services.add_document(
        meeting,
        {"title": "Minutes"},
        upload=SimpleUploadedFile("minutes.txt", b"Minutes."),
        by=secretariat_user(),
    )
    return {
        "meeting": meeting,
        "plan": plan,
        "row": CalendarRowFactory(work_plan=plan),
        "document": document,
        "iin": iin,
    }


# Forms whose `kind` is another list than the meeting's.
KINDS = {"document_add": "agenda", "finding_entry": "carried_out"}


def form_data(world, name):
    return {
        "title": "Regular session",
        "language": "en",
        "status": "planned",
        "date": "2016-10-20",
        "url": "https://www.oas.org/a.pdf",
        "activity": "Event on gender",
        "actor": world["iin"].pk,
        "text": "Ratify the Convention.",
        "all_member_states": "on",
        "period_start": "2016",
        "kind": KINDS.get(name, "regular"),
    }


# (method, url name, target) → expected status for anonymous, focal point, reviewer,
# secretariat.
READ = [200, 200, 200, 200]
WRITE_PAGE = [302, 403, 403, 200]
WRITE = [302, 403, 403, 302]
CASES = [
    ("get", "list", None, READ),
    ("get", "calendar", None, READ),
    ("get", "feed", None, READ),
    ("get", "meeting_detail", "meeting", READ),
    ("get", "meeting_ics", "meeting", READ),
    ("get", "work_plan_detail", "plan", READ),
    ("get", "document_download", "document", READ),
    ("get", "manage", None, WRITE_PAGE),
    ("get", "meeting_create", None, WRITE_PAGE),
    ("post", "meeting_create", None, WRITE),
    ("get", "meeting_edit", "meeting", WRITE_PAGE),
    ("post", "meeting_edit", "meeting", WRITE),
    ("get", "document_add", "meeting", WRITE_PAGE),
    ("post", "document_add", "meeting", WRITE),
    ("get", "finding_entry", "meeting", WRITE_PAGE),
    ("post", "finding_entry", "meeting", WRITE),
    ("get", "finding_recommendation", "meeting", WRITE_PAGE),
    ("post", "finding_recommendation", "meeting", WRITE),
    ("get", "work_plan_create", None, WRITE_PAGE),
    ("post", "work_plan_create", None, WRITE),
    ("get", "work_plan_edit", "plan", WRITE_PAGE),
    ("post", "work_plan_edit", "plan", WRITE),
    ("get", "row_create", "plan", WRITE_PAGE),
    ("post", "row_create", "plan", WRITE),
    ("get", "row_edit", "row", WRITE_PAGE),
    ("post", "row_edit", "row", WRITE),
    ("get", "plan_from_row", "row", [302, 405, 405, 405]),
    ("post", "plan_from_row", "row", WRITE),
]
RECORDS = [Meeting, WorkPlan, CalendarRow, MeetingDocument, Entry, Recommendation]


def counts():
    return [model.objects.count() for model in RECORDS]


@pytest.mark.parametrize(
    ("method", "name", "target", "statuses"),
    CASES,
    ids=[f"{c[0]}-{c[1]}" for c in CASES],
)
@pytest.mark.parametrize("persona", list(PERSONAS))
def test_page_permission_matrix(client, world, persona, method, name, target, statuses):
    if persona != "anonymous":
        client.force_login(PERSONAS[persona]())
    args = [world[target].pk] if target else []
    before = counts()

    response = getattr(client, method)(
        reverse(f"meetings:{name}", args=args), form_data(world, name)
    )

    expected = statuses[list(PERSONAS).index(persona)]
    assert response.status_code == expected
    if persona != "secretariat":
        assert counts() == before
    # Closed last: closing sends request_finished, which on PostgreSQL closes the test's
    # connection (a download stays open until closed).
    response.close()
    if persona == "anonymous" and expected == 302:
        assert response["Location"].startswith(reverse("accounts:login"))


def test_every_route_is_in_the_matrix():
    from followup.meetings import urls

    assert {pattern.name for pattern in urls.urlpatterns} == {case[1] for case in CASES}


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_permission_predicates(persona):
    user = PERSONAS[persona]()

    assert permissions.can_read_meetings(user) is True
    assert permissions.can_manage_meetings(user) is (persona == "secretariat")


def test_an_inactive_secretariat_member_manages_nothing():
    user = secretariat_user()
    user.is_active = False

    assert permissions.can_manage_meetings(user) is False
