"""The secretariat's pages: what is saved, and bad input kept as typed with its problem named."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from followup.meetings.models import CalendarRow, Meeting, WorkPlan
from followup.meetings.tests.factories import CalendarRowFactory, MeetingFactory, WorkPlanFactory
from followup.program.models import Actor, Mandate
from followup.recommendations.models import Recommendation
from followup.reporting.models import Entry
from followup.reporting.tests.factories import CycleFactory, ReportFactory, secretariat_user

pytestmark = pytest.mark.django_db

PROGRAM = "AG/RES. 2883 (XLVI-O/16)"


@pytest.fixture
def secretariat(client):
    user = secretariat_user()
    client.force_login(user)
    return user


def meeting_data(**changes):
    return {
        "kind": "working_group",
        "title": "Meeting of the Working Group",
        "language": "en",
        "status": "planned",
        "date": "2016-10",
        "ends": "",
        "location": "Washington, D.C.",
        "agenda": "Installation\nWork plan",
        "mandates": [Mandate.objects.get(symbol=PROGRAM).pk],
        "participants": [Actor.objects.get(slug="iachr").pk],
        **changes,
    }


def test_create_a_meeting(client, secretariat):
    response = client.post(reverse("meetings:meeting_create"), meeting_data())

    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:meeting_edit", args=[meeting.pk])
    assert (meeting.kind, meeting.date, meeting.agenda_items) == (
        "working_group",
        "2016-10",
        ["Installation", "Work plan"],
    )
    assert [a.slug for a in meeting.participants.all()] == ["iachr"]
    assert meeting.history.latest().history_user == secretariat


def test_a_reversed_range_keeps_what_was_typed_and_names_the_problem(client, secretariat):
    response = client.post(
        reverse("meetings:meeting_create"),
        meeting_data(date="2016-10-20", ends="2016-10-18", title="Typed title"),
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "The end (2016-10-18) comes before the start (2016-10-20)." in content
    assert 'value="Typed title"' in content
    assert 'value="2016-10-18"' in content
    assert "Installation\nWork plan</textarea>" in content
    assert not Meeting.objects.exists()


def test_an_impossible_date_is_named_beside_its_field(client, secretariat):
    response = client.post(reverse("meetings:meeting_create"), meeting_data(date="2016-02-30"))

    content = response.content.decode()
    assert response.status_code == 400
    assert (
        '<p class="error" id="id_date_error_1">2016-02-30 does not exist in the calendar.</p>'
        in (content)
    )


def test_a_meeting_needs_its_kind_and_title(client, secretariat):
    response = client.post(reverse("meetings:meeting_create"), meeting_data(kind="", title=""))

    content = response.content.decode()
    assert response.status_code == 400
    assert "Choose the kind of meeting." in content
    assert "Give the meeting&#x27;s title." in content


def test_edit_a_meeting(client, secretariat):
    meeting = MeetingFactory()

    response = client.post(
        reverse("meetings:meeting_edit", args=[meeting.pk]),
        meeting_data(status="held", outcomes="Agreed on the calendar."),
    )

    meeting.refresh_from_db()
    assert response.status_code == 302
    assert (meeting.status, meeting.outcomes) == ("held", "Agreed on the calendar.")


def test_edit_page_shows_the_meeting_as_saved(client, secretariat):
    meeting = MeetingFactory(title="Saved title", date="2016-11-03", agenda="One\nTwo")

    content = client.get(reverse("meetings:meeting_edit", args=[meeting.pk])).content.decode()

    assert 'value="Saved title"' in content
    assert 'value="2016-11-03"' in content
    assert "One\nTwo</textarea>" in content


def test_add_a_document_by_file(client, secretariat):
    meeting = MeetingFactory()

    response = client.post(
        reverse("meetings:document_add", args=[meeting.pk]),
        {"kind": "report", "title": "", "url": "", "file": SimpleUploadedFile("m.txt", b"Minutes")},
    )

    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.documents.get().title == "m.txt"


def test_a_document_refused_by_content_keeps_the_title(client, secretariat):
    meeting = MeetingFactory()

    response = client.post(
        reverse("meetings:document_add", args=[meeting.pk]),
        {
            "kind": "report",
            "title": "Minutes of the session",
            "file": SimpleUploadedFile("m.pdf", b"\x00\x01\x02binary"),
        },
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "“m.pdf” is not a PDF, DOCX, ODT, XLSX or plain-text file." in content
    assert 'value="Minutes of the session"' in content
    assert not meeting.documents.exists()


def test_a_document_needs_a_link_or_a_file(client, secretariat):
    meeting = MeetingFactory()

    response = client.post(
        reverse("meetings:document_add", args=[meeting.pk]), {"kind": "agenda", "title": "x"}
    )

    assert response.status_code == 400
    assert "Give the document&#x27;s web address or choose its file." in response.content.decode()


def test_plan_the_meeting_of_a_row(client, secretariat):
    row = CalendarRowFactory(activity="Event: Migration and Gender in the Americas", date="2017-02")

    response = client.post(reverse("meetings:plan_from_row", args=[row.pk]))

    row.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:meeting_edit", args=[row.meeting.pk])
    assert (row.meeting.kind, row.meeting.date) == ("event", "2017-02")


def test_planning_a_row_twice_says_it_has_its_meeting(client, secretariat):
    row = CalendarRowFactory(meeting=MeetingFactory())

    response = client.post(reverse("meetings:plan_from_row", args=[row.pk]), follow=True)

    assert "This calendar row already has its meeting." in response.content.decode()
    assert Meeting.objects.count() == 1


def test_record_a_finding_in_an_actors_report(client, secretariat):
    cycle = CycleFactory()
    report = ReportFactory(cycle=cycle, actor=Actor.objects.get(slug="iin"))
    meeting = MeetingFactory(cycle=cycle)

    response = client.post(
        reverse("meetings:finding_entry", args=[meeting.pk]),
        {
            "actor": report.actor.pk,
            "kind": "planned",
            "title": "Course for consular staff",
            "narrative": "The IIN will open it in 2017.",
        },
    )

    entry = Entry.objects.get()
    assert response.status_code == 302
    assert (entry.report, entry.meeting, entry.kind) == (report, meeting, "planned")


def test_a_finding_without_a_report_keeps_the_text_and_says_why(client, secretariat):
    meeting = MeetingFactory(cycle=CycleFactory(label="2019–2020", slug="2019-2020"))

    response = client.post(
        reverse("meetings:finding_entry", args=[meeting.pk]),
        {
            "actor": Actor.objects.get(slug="cim").pk,
            "kind": "carried_out",
            "title": "Typed finding",
            "narrative": "Typed narrative.",
        },
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert (
        "Inter-American Commission of Women (CIM) has no report in the 2019–2020 cycle: invite "
        "it to report and open the cycle first."
    ) in content
    assert 'value="Typed finding"' in content
    assert "Typed narrative.</textarea>" in content


def test_record_a_recommendation(client, secretariat):
    meeting = MeetingFactory()

    response = client.post(
        reverse("meetings:finding_recommendation", args=[meeting.pk]),
        {"text": "Ratify the Convention.", "addressees": [Actor.objects.get(slug="iom").pk]},
    )

    recommendation = Recommendation.objects.get()
    assert response.status_code == 302
    assert recommendation.meeting == meeting
    assert recommendation.source.title == meeting.title


def test_a_recommendation_without_addressee_keeps_the_text(client, secretariat):
    meeting = MeetingFactory()

    response = client.post(
        reverse("meetings:finding_recommendation", args=[meeting.pk]),
        {"text": "Typed recommendation."},
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "Say who the recommendation is addressed to" in content
    assert "Typed recommendation.</textarea>" in content


def test_create_a_work_plan_and_add_rows(client, secretariat):
    response = client.post(
        reverse("meetings:work_plan_create"),
        {"title": "Work plan 2016–2017", "period_start": "2016", "period_end": "2017"},
    )
    plan = WorkPlan.objects.get()
    assert response["Location"] == reverse("meetings:work_plan_edit", args=[plan.pk])

    client.post(
        reverse("meetings:row_create", args=[plan.pk]),
        {
            "date": "2016-10",
            "date_text": "OCTOBER 2016 Date to be determined",
            "activity": "Meeting of the Working Group",
            "mandates": [Mandate.objects.get(symbol=PROGRAM).pk],
        },
    )
    client.post(
        reverse("meetings:row_create", args=[plan.pk]),
        {"date": "2016-11-03", "activity": "Thematic meeting: Migration and Health"},
    )

    assert [(row.date, row.order) for row in plan.rows.all()] == [("2016-10", 0), ("2016-11-03", 1)]
    content = client.get(reverse("meetings:work_plan_edit", args=[plan.pk])).content.decode()
    assert "Meeting of the Working Group" in content


def test_a_reversed_period_keeps_the_work_plan_as_typed(client, secretariat):
    response = client.post(
        reverse("meetings:work_plan_create"),
        {"title": "Typed plan", "period_start": "2017", "period_end": "2016"},
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "The end (2016) comes before the start (2017)." in content
    assert 'value="Typed plan"' in content


def test_a_row_with_a_bad_date_keeps_the_activity(client, secretariat):
    plan = WorkPlanFactory()

    response = client.post(
        reverse("meetings:row_create", args=[plan.pk]),
        {"date": "October 2016", "activity": "Typed activity"},
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "“October 2016” is not a date; write 2016-10-20, 2016-10 or 2016." in content
    assert "Typed activity</textarea>" in content
    assert not CalendarRow.objects.exists()


def test_edit_a_row_keeps_its_place(client, secretariat):
    row = CalendarRowFactory(order=4, date="2016-12")

    response = client.post(
        reverse("meetings:row_edit", args=[row.pk]), {"date": "2016-12-05", "activity": "CIDI"}
    )

    row.refresh_from_db()
    assert response.status_code == 302
    assert (row.date, row.activity, row.order) == ("2016-12-05", "CIDI", 4)


def test_manage_page_lists_meetings_and_work_plans(client, secretariat):
    meeting, plan = MeetingFactory(title="Listed meeting"), WorkPlanFactory(title="Listed plan")

    content = client.get(reverse("meetings:manage")).content.decode()

    assert f'href="{reverse("meetings:meeting_edit", args=[meeting.pk])}">Listed meeting' in content
    assert f'href="{reverse("meetings:work_plan_edit", args=[plan.pk])}">Listed plan' in content
