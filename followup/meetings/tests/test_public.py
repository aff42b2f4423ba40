"""The public pages of the CAM's calendar, in English and Spanish, with their query counts."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from followup.meetings import services
from followup.meetings.models import Meeting
from followup.meetings.queries import split_by_time
from followup.meetings.tests.factories import CalendarRowFactory, MeetingFactory, WorkPlanFactory
from followup.program.models import Actor, Mandate
from followup.recommendations.models import Recommendation, Source
from followup.reporting.models import ActorReport
from followup.reporting.tests.factories import EntryFactory, ReportFactory, secretariat_user

pytestmark = pytest.mark.django_db

PROGRAM = "AG/RES. 2883 (XLVI-O/16)"
DRAFT_FINDING = "Draft finding of the IIN meeting, not yet published"


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def page(client, name, *args, language="en", **params):
    response = client.get(url(name, *args, language=language), params)
    assert response.status_code == 200
    return response.content.decode()


def program_mandate():
    return Mandate.objects.get(symbol=PROGRAM)


@pytest.fixture
def meeting():
    """A held meeting with everything its page shows: mandates, participants, agenda,
    documents (a link and a file), outcomes, and findings (a published entry, a draft one and a
    recommendation)."""
    plan = WorkPlanFactory(title="Work plan 2016–2017")
    meeting = MeetingFactory(
        kind=Meeting.Kind.INFORMAL,
        title="Informal meeting with the IIN",
        status=Meeting.Status.HELD,
        date="2016-10-20",
        location="Washington, D.C.",
        agenda="Presentation of the IIN's report\nQuestions of the delegations",
        outcomes="The IIN will share its course with the member states.",
        work_plan=plan,
    )
    meeting.mandates.set([program_mandate()])
    meeting.participants.set([Actor.objects.get(slug="iin")])
    CalendarRowFactory(
        work_plan=plan, meeting=meeting, date="2016-10-20", notes="Possible guests: IOM"
    )
    secretariat = secretariat_user()
    services.add_document(
        meeting,
        {"kind": "agenda", "title": "Annotated agenda", "url": "https://www.oas.org/agenda.pdf"},
        by=secretariat,
    )
    services.add_document(
        meeting,
        {"kind": "report", "title": "Minutes"},
        upload=SimpleUploadedFile("minutes.txt", b"Minutes of the meeting."),
        by=secretariat,
    )
    published = ReportFactory(actor=Actor.objects.get(slug="iin"), status="published")
    EntryFactory(report=published, meeting=meeting, title="Course on migrant children")
    draft = ReportFactory(actor=Actor.objects.get(slug="iin"))
    EntryFactory(report=draft, meeting=meeting, title=DRAFT_FINDING)
    source = Source.objects.create(kind=Source.Kind.FORUM, title=meeting.title)
    Recommendation.objects.create(
        source=source, text="Share the course on migrant children.", meeting=meeting
    )
    return meeting


def test_meeting_page_shows_everything_about_the_meeting(client, meeting):
    content = page(client, "meetings:meeting_detail", meeting.pk)

    assert "<h1>Informal meeting with the IIN</h1>" in content
    assert "<dt>Kind</dt><dd>Informal meeting with a Program actor</dd>" in content
    assert '<span class="when when-day">Oct. 20, 2016</span>' in content
    assert "<dt>Place</dt><dd>Washington, D.C.</dd>" in content
    assert 'meeting-status-held">Held</span>' in content
    assert f'href="{program_mandate().get_absolute_url()}">{PROGRAM}</a>' in content
    assert f'href="{url("program:actor_detail", "iin")}">Inter-American Children' in content
    assert (
        '<ol class="agenda"><li>Presentation of the IIN&#x27;s report</li>'
        "<li>Questions of the delegations</li></ol>"
    ) in content
    assert '<a href="https://www.oas.org/agenda.pdf" rel="external noopener">Annotated agenda' in (
        content
    )
    document = meeting.documents.get(title="Minutes")
    assert f'href="{url("meetings:document_download", document.pk)}" download>Minutes' in content
    assert "The IIN will share its course with the member states." in content
    assert f'href="{meeting.work_plan.get_absolute_url()}#row-' in content
    assert "Possible guests: IOM" in content


def test_meeting_page_links_its_findings_both_ways(client, meeting):
    entry = meeting.entries.get(title="Course on migrant children")
    recommendation = meeting.recommendations.get()

    content = page(client, "meetings:meeting_detail", meeting.pk)

    report = entry.report
    entry_url = url("reporting:report_detail", report.cycle.slug, report.actor.slug)
    assert f'href="{entry_url}#entry-{entry.pk}">Course on migrant children</a>' in content
    assert f'href="{recommendation.get_absolute_url()}">Share the course' in content
    # …and back: the recommendation's page names the meeting it came from.
    back = client.get(recommendation.get_absolute_url()).content.decode()
    assert f'href="{meeting.get_absolute_url()}">Informal meeting with the IIN</a>' in back
    assert entry.meeting == meeting


def test_meeting_page_hides_findings_of_unpublished_reports(client, meeting):
    content = page(client, "meetings:meeting_detail", meeting.pk)

    assert DRAFT_FINDING not in content


def test_secretariat_sees_a_draft_finding_linked_to_the_workspace(client, meeting):
    client.force_login(secretariat_user())
    draft = meeting.entries.get(title=DRAFT_FINDING)

    content = page(client, "meetings:meeting_detail", meeting.pk)

    assert f'href="{url("reporting:report_page", draft.report.pk)}#entry-{draft.pk}"' in content
    assert f'href="{url("meetings:meeting_edit", meeting.pk)}"' in content


def test_meeting_page_offers_its_calendar_file(client, meeting):
    content = page(client, "meetings:meeting_detail", meeting.pk)

    ics = url("meetings:meeting_ics", meeting.pk)
    assert (
        '<link rel="alternate" type="text/calendar" '
        f'title="Informal meeting with the IIN (iCalendar)" href="{ics}">'
    ) in content
    assert f'<a href="{ics}" type="text/calendar" download>' in content
    assert f'href="{url("meetings:feed")}"' in content
    assert "css/meetings.css" in content
    assert url("meetings:meeting_edit", meeting.pk) not in content  # not for the public


def test_meeting_page_in_spanish(client, meeting):
    content = page(client, "meetings:meeting_detail", meeting.pk, language="es")

    assert '<html lang="es">' in content
    assert '<span class="when when-day">20 de octubre de 2016</span>' in content
    assert "<dt>Mandatos</dt>" in content
    assert (
        f'href="{url("program:actor_detail", "iin", language="es")}">Instituto Interamericano'
        in (content)
    )
    # The meeting's own words stay in their language, marked as such.
    assert '<h1 lang="en">Informal meeting with the IIN</h1>' in content


@pytest.mark.parametrize(
    ("date", "shown"),
    [
        (
            "2016-10",
            '<span class="when when-month">October 2016</span> <span class="precision">'
            "(day to be determined)</span>",
        ),
        (
            "2017",
            '<span class="when when-year">2017</span> <span class="precision">'
            "(month to be determined)</span>",
        ),
        ("", '<span class="when when-none">To be determined</span>'),
    ],
)
def test_meeting_date_is_shown_with_its_precision(client, date, shown):
    meeting = MeetingFactory(date=date)

    assert shown in page(client, "meetings:meeting_detail", meeting.pk)


def test_missing_meeting_is_404(client):
    assert client.get(url("meetings:meeting_detail", 999999)).status_code == 404


def test_document_download_is_an_attachment_of_its_detected_type(client, meeting):
    document = meeting.documents.get(title="Minutes")

    response = client.get(url("meetings:document_download", document.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == b"Minutes of the meeting."


def test_a_linked_document_has_no_download(client, meeting):
    document = meeting.documents.get(title="Annotated agenda")

    assert client.get(url("meetings:document_download", document.pk)).status_code == 404


# The list of meetings.


@pytest.fixture
def timeline():
    today = timezone.localdate()
    return {
        "past": MeetingFactory(title="Regular session of last year", date="2016-10-20"),
        "this_month": MeetingFactory(
            title="Working group this month", date=today.strftime("%Y-%m"), kind="working_group"
        ),
        "undetermined": MeetingFactory(title="Meeting of experts, date open", date=""),
        "future": MeetingFactory(
            title="Event next year", date=f"{today.year + 1}-03-01", kind="event"
        ),
    }


def section(content, heading_id):
    start = content.index(f'id="{heading_id}"')
    end = content.index("</section>", start)
    return content[start:end]


def test_meeting_list_splits_upcoming_and_past(client, timeline):
    content = page(client, "meetings:list")

    upcoming, past = section(content, "upcoming-heading"), section(content, "past-heading")
    # A month not over yet is upcoming; a date to be determined is too, after the dated ones.
    assert upcoming.index("Working group this month") < upcoming.index("Event next year")
    assert upcoming.index("Event next year") < upcoming.index("Meeting of experts, date open")
    assert "Regular session of last year" not in upcoming
    assert "Regular session of last year" in past
    assert '<link rel="alternate" type="text/calendar" title="Calendar of the CAM' in content


def test_meeting_list_filters_by_kind_year_and_mandate(client, timeline):
    timeline["past"].mandates.set([program_mandate()])

    by_kind = page(client, "meetings:list", kind="event")
    by_year = page(client, "meetings:list", year="2016")
    by_mandate = page(client, "meetings:list", mandate=program_mandate().slug)

    assert "Event next year" in by_kind
    assert "Regular session of last year" not in by_kind
    assert "Regular session of last year" in by_year
    assert "Event next year" not in by_year
    assert "Regular session of last year" in by_mandate
    assert "Event next year" not in by_mandate


def test_meeting_list_explains_a_filter_it_does_not_understand(client, timeline):
    content = page(client, "meetings:list", kind="party", year="1850")

    assert "“party” is not a kind of meeting." in content
    assert "No meeting is dated in “1850”." in content
    assert "Event next year" in content  # the list is still shown, unfiltered


def test_meeting_list_shows_the_work_plans(client):
    plan = WorkPlanFactory(title="Work plan 2016–2017")
    CalendarRowFactory.create_batch(2, work_plan=plan)

    content = page(client, "meetings:list")

    assert f'<a href="{plan.get_absolute_url()}">Work plan 2016–2017</a>' in content
    assert "2 calendar rows" in content


def test_meeting_list_in_spanish(client, timeline):
    content = page(client, "meetings:list", language="es")

    assert '<html lang="es">' in content
    assert "Regular session of last year" in content


def test_meeting_list_query_count_does_not_grow(client, django_assert_num_queries):
    def add_one():
        meeting = MeetingFactory(work_plan=WorkPlanFactory())
        meeting.mandates.set([program_mandate()])
        CalendarRowFactory(work_plan=meeting.work_plan)

    add_one()
    with django_assert_num_queries(5) as one:
        client.get(url("meetings:list"))
    add_one()
    add_one()

    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url("meetings:list"))


# Work plans.


def test_work_plan_page_shows_its_calendar_as_written(client):
    plan = WorkPlanFactory(title="Work plan 2016–2017")
    day = CalendarRowFactory(work_plan=plan, date="2016-10-20", date_text="OCTOBER 20, 2016")
    month = CalendarRowFactory(
        work_plan=plan,
        date="2016-10",
        date_text="OCTOBER 2016 Date to be determined",
        activity="Meeting of the Working Group",
        notes="Possible guests: IOM",
    )
    month.mandates.set([program_mandate()])
    day.meeting = MeetingFactory(title="Regular session of October")
    day.save()

    content = page(client, "meetings:work_plan_detail", plan.pk)

    assert f'<tr id="row-{month.pk}">' in content
    assert '<span class="as-written">OCTOBER 2016 Date to be determined</span>' in content
    assert (
        '<span class="when when-month">October 2016</span> '
        '<span class="precision">(day to be determined)</span>'
    ) in content
    assert f">{PROGRAM}</a>" in content
    assert "Possible guests: IOM" in content
    assert f'href="{day.meeting.get_absolute_url()}">The meeting: Regular session of October' in (
        content
    )
    feed = f"{url('meetings:feed')}?work_plan={plan.pk}"
    assert f'type="text/calendar" title="Work plan 2016–2017 (iCalendar)" href="{feed}"' in content


def test_work_plan_page_in_spanish(client):
    plan = WorkPlanFactory()
    CalendarRowFactory(work_plan=plan, date="2016-10")

    content = page(client, "meetings:work_plan_detail", plan.pk, language="es")

    assert '<span class="when when-month">octubre de 2016</span>' in content


def test_missing_work_plan_is_404(client):
    assert client.get(url("meetings:work_plan_detail", 999999)).status_code == 404


# The printable calendar.


def month_headings(content):
    return [
        line.split(">", 1)[1].split("</h2>")[0]
        for line in content.splitlines()
        if '<h2 id="month-' in line
    ]


def test_calendar_groups_by_month_with_undetermined_dates_last(client):
    plan = WorkPlanFactory()
    CalendarRowFactory(work_plan=plan, date="", activity="Meeting of experts")
    CalendarRowFactory(work_plan=plan, date="2017", activity="Forum of the year")
    CalendarRowFactory(work_plan=plan, date="2016-10", activity="Working Group, day open")
    CalendarRowFactory(work_plan=plan, date="2016-12", activity="CIDI meeting")
    MeetingFactory(title="Regular session", date="2016-10-20")

    content = page(client, "meetings:calendar")

    assert month_headings(content) == [
        "October 2016",
        "December 2016",
        "2017, month to be determined",
        "Date to be determined",
    ]
    october = content[content.index("October 2016</h2>") : content.index("December 2016</h2>")]
    assert october.index("Oct. 20, 2016") < october.index("Day to be determined")
    assert october.index("Regular session") < october.index("Working Group, day open")
    assert "@media print" in client.get("/static/followup/css/meetings.css").getvalue().decode()


def test_calendar_shows_a_planned_row_once_as_its_meeting(client):
    meeting = MeetingFactory(title="Thematic meeting on health", date="2016-11-03")
    CalendarRowFactory(meeting=meeting, date="2016-11-03", activity="Row of the plan")

    content = page(client, "meetings:calendar")

    assert "Thematic meeting on health" in content
    assert "Row of the plan" not in content


def test_calendar_filters_by_work_plan_and_year(client):
    plan, other = WorkPlanFactory(title="Plan A"), WorkPlanFactory(title="Plan B")
    CalendarRowFactory(work_plan=plan, date="2016-10", activity="A in 2016")
    CalendarRowFactory(work_plan=plan, date="2017-01", activity="A in 2017")
    CalendarRowFactory(work_plan=other, date="2016-11", activity="B in 2016")

    by_plan = page(client, "meetings:calendar", work_plan=plan.pk)
    by_year = page(client, "meetings:calendar", work_plan=plan.pk, year="2017")

    assert "A in 2016" in by_plan
    assert "A in 2017" in by_plan
    assert "B in 2016" not in by_plan
    assert "A in 2017" in by_year
    assert "A in 2016" not in by_year
    assert f'href="{url("meetings:feed")}?work_plan={plan.pk}"' in by_plan


def test_calendar_explains_an_unknown_work_plan(client):
    CalendarRowFactory(activity="Still listed")

    content = page(client, "meetings:calendar", work_plan="999999")

    assert "“999999” is not a work plan." in content
    assert "Still listed" in content


# "²" passes str.isdigit() but not int(); the rest are numbers that are no id or year.
NOT_A_NUMBER_WE_TAKE = ["²", "-1", "1e3", "99999999999999999999"]


@pytest.mark.parametrize("value", NOT_A_NUMBER_WE_TAKE)
def test_calendar_explains_a_work_plan_or_year_that_is_no_number_it_takes(client, value):
    CalendarRowFactory(activity="Still listed")

    content = page(client, "meetings:calendar", work_plan=value, year=value)

    assert f"“{value}” is not a work plan." in content
    assert f"Nothing in the calendar is dated in “{value}”." in content
    assert "Still listed" in content


def test_calendar_takes_a_work_plan_id_in_ascii_digits_only(client):
    plan, other = WorkPlanFactory(), WorkPlanFactory()
    CalendarRowFactory(work_plan=other, activity="Of the other plan")
    arabic_indic = str(plan.pk).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))

    content = page(client, "meetings:calendar", work_plan=arabic_indic)

    assert f"“{arabic_indic}” is not a work plan." in content  # not read as plan.pk
    assert "Of the other plan" in content


@pytest.mark.parametrize("value", NOT_A_NUMBER_WE_TAKE)
def test_meeting_list_explains_a_year_or_mandate_that_is_no_number_it_takes(
    client, timeline, value
):
    content = page(client, "meetings:list", year=value, mandate=value, kind=value)

    assert f"No meeting is dated in “{value}”." in content
    assert f"“{value}” is not a mandate any meeting rests on." in content
    assert f"“{value}” is not a kind of meeting." in content
    assert "Event next year" in content


def test_calendar_in_spanish(client):
    CalendarRowFactory(date="2016-10")
    MeetingFactory(date="2016-10-20")

    content = page(client, "meetings:calendar", language="es")

    assert month_headings(content) == ["octubre de 2016"]
    assert "20 de octubre de 2016" in content


def test_calendar_query_count_does_not_grow(client, django_assert_num_queries):
    def add_one(month):
        plan = WorkPlanFactory()
        row = CalendarRowFactory(work_plan=plan, date=f"2016-{month:02d}")
        row.mandates.set([program_mandate()])
        meeting = MeetingFactory(date=f"2016-{month:02d}-15")
        meeting.mandates.set([program_mandate()])

    add_one(1)
    with django_assert_num_queries(7) as one:
        client.get(url("meetings:calendar"))
    add_one(2)
    add_one(3)

    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url("meetings:calendar"))


def test_meeting_page_query_count_does_not_grow(client, meeting, django_assert_num_queries):
    with django_assert_num_queries(8) as before:
        client.get(url("meetings:meeting_detail", meeting.pk))
    meeting.participants.add(Actor.objects.get(slug="cim"), Actor.objects.get(slug="iachr"))
    report = ReportFactory(actor=Actor.objects.get(slug="cim"), status=ActorReport.Status.PUBLISHED)
    EntryFactory.create_batch(2, report=report, meeting=meeting)

    with django_assert_num_queries(len(before.captured_queries)):
        client.get(url("meetings:meeting_detail", meeting.pk))


def test_a_month_not_over_yet_is_upcoming():
    october = MeetingFactory.create(date="2016-10")

    assert split_by_time([october], datetime.date(2016, 10, 31)).upcoming == [october]
    assert split_by_time([october], datetime.date(2016, 11, 1)).past == [october]
