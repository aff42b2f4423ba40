"""The iCalendar feeds, parsed back with the `icalendar` library as a calendar client would."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from followup.meetings.models import Meeting
from followup.meetings.tests.factories import CalendarRowFactory, MeetingFactory, WorkPlanFactory
from followup.program.models import Mandate

pytestmark = pytest.mark.django_db

PROGRAM = "AG/RES. 2883 (XLVI-O/16)"


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def parse(response):
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def meeting_feed(client, meeting, language="en"):
    return parse(client.get(url("meetings:meeting_ics", meeting.pk, language=language)))


def only_event(calendar):
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def dates_of(event):
    return event["DTSTART"].dt, event["DTEND"].dt


def test_a_day_is_an_all_day_event(client):
    meeting = MeetingFactory(
        title="Thematic meeting: Migration and Health", date="2016-11-03", location="Washington"
    )
    meeting.mandates.set([Mandate.objects.get(symbol=PROGRAM)])

    event = only_event(meeting_feed(client, meeting))

    assert dates_of(event) == (datetime.date(2016, 11, 3), datetime.date(2016, 11, 4))
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert str(event["SUMMARY"]) == "Thematic meeting: Migration and Health"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["X-FOLLOWUP-DATE-PRECISION"]) == "day"
    assert str(event["UID"]) == f"meeting-{meeting.pk}@testserver"
    assert str(event["URL"]) == f"http://testserver/en/meetings/{meeting.pk}/"
    assert str(event["LOCATION"]) == "Washington"
    assert event["CATEGORIES"].cats == ["Thematic meeting"]
    assert str(event["DESCRIPTION"]) == f"Mandates: {PROGRAM}"
    assert isinstance(event["DTSTAMP"].dt, datetime.datetime)


def test_a_meeting_over_several_days_ends_the_day_after_its_last(client):
    meeting = MeetingFactory(date="2016-10-30", ends="2016-11-02")

    event = only_event(meeting_feed(client, meeting))

    assert dates_of(event) == (datetime.date(2016, 10, 30), datetime.date(2016, 11, 3))


def test_a_month_spans_the_month_tentatively_and_says_the_day_is_not_set(client):
    meeting = MeetingFactory(title="Meeting of the Working Group", date="2016-10")

    event = only_event(meeting_feed(client, meeting))

    assert dates_of(event) == (datetime.date(2016, 10, 1), datetime.date(2016, 11, 1))
    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["X-FOLLOWUP-DATE-PRECISION"]) == "month"
    assert str(event["SUMMARY"]) == (
        "Meeting of the Working Group (date to be set within October 2016)"
    )
    assert str(event["DESCRIPTION"]).startswith("Date to be set within October 2016")


def test_a_month_in_spanish(client):
    meeting = MeetingFactory(title="Reunión del Grupo de Trabajo", date="2016-10")

    event = only_event(meeting_feed(client, meeting, language="es"))

    assert "octubre de 2016" in str(event["SUMMARY"])
    assert str(event["URL"]) == f"http://testserver/es/meetings/{meeting.pk}/"


def test_a_year_spans_the_year(client):
    meeting = MeetingFactory(title="Meeting of experts", date="2017")

    event = only_event(meeting_feed(client, meeting))

    assert dates_of(event) == (datetime.date(2017, 1, 1), datetime.date(2018, 1, 1))
    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["X-FOLLOWUP-DATE-PRECISION"]) == "year"
    assert str(event["SUMMARY"]) == "Meeting of experts (date to be set within 2017)"


def test_a_month_range_says_the_date_is_set_within_both_months(client):
    meeting = MeetingFactory(title="Forum", date="2016-10", ends="2016-11")

    event = only_event(meeting_feed(client, meeting))

    assert dates_of(event) == (datetime.date(2016, 10, 1), datetime.date(2016, 12, 1))
    assert str(event["SUMMARY"]) == "Forum (date to be set within October 2016 – November 2016)"


def test_an_end_vaguer_than_its_start_is_not_passed_off_as_set_days(client):
    # The services refuse such an end (test_services); one stored before that rule still
    # goes out with the vaguer precision.
    meeting = MeetingFactory(title="Forum", date="2016-10-20", ends="2016-11")

    event = only_event(meeting_feed(client, meeting))

    assert dates_of(event) == (datetime.date(2016, 10, 20), datetime.date(2016, 12, 1))
    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["X-FOLLOWUP-DATE-PRECISION"]) == "month"
    assert str(event["SUMMARY"]) == ("Forum (date to be set within Oct. 20, 2016 – November 2016)")
    assert str(event["DESCRIPTION"]).startswith(
        "Date to be set within Oct. 20, 2016 – November 2016"
    )


def test_a_date_to_be_determined_is_a_todo_without_any_date(client):
    meeting = MeetingFactory(title="Meeting of experts before the Summit", date="")

    calendar = meeting_feed(client, meeting)

    assert calendar.walk("VEVENT") == []
    [todo] = calendar.walk("VTODO")
    assert str(todo["SUMMARY"]) == "Meeting of experts before the Summit (date to be determined)"
    assert str(todo["X-FOLLOWUP-DATE-PRECISION"]) == "none"
    assert str(todo["UID"]) == f"meeting-{meeting.pk}@testserver"
    assert str(todo["STATUS"]) == "NEEDS-ACTION"
    assert "DTSTAMP" in todo
    for dated in ("DTSTART", "DUE", "DTEND", "COMPLETED"):
        assert dated not in todo


def test_a_cancelled_meeting_is_cancelled(client):
    meeting = MeetingFactory(date="2016-12-05", status=Meeting.Status.CANCELLED)
    undated = MeetingFactory(date="", status=Meeting.Status.CANCELLED)

    assert str(only_event(meeting_feed(client, meeting))["STATUS"]) == "CANCELLED"
    assert str(meeting_feed(client, undated).walk("VTODO")[0]["STATUS"]) == "CANCELLED"


def test_a_postponed_meeting_is_tentative(client):
    meeting = MeetingFactory(date="2016-12-05", status=Meeting.Status.POSTPONED)

    assert str(only_event(meeting_feed(client, meeting))["STATUS"]) == "TENTATIVE"


def test_meeting_feed_is_a_calendar_download(client):
    meeting = MeetingFactory()

    response = client.get(url("meetings:meeting_ics", meeting.pk))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="meeting-{meeting.pk}.ics"'
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["PRODID"]) == "-//OAS Committee on Migration Issues//Follow-up//EN"
    assert str(calendar["VERSION"]) == "2.0"


def test_feed_of_a_missing_meeting_is_404(client):
    assert client.get(url("meetings:meeting_ics", 999999)).status_code == 404


def test_whole_feed_holds_meetings_and_rows_without_a_meeting(client):
    plan = WorkPlanFactory(title="Work plan 2016–2017")
    meeting = MeetingFactory(date="2016-11-03", work_plan=plan)
    CalendarRowFactory(work_plan=plan, meeting=meeting, date="2016-11-03")
    row = CalendarRowFactory(
        work_plan=plan,
        date="2016-10",
        date_text="OCTOBER 2016 Date to be determined",
        activity="Meeting of the Working Group",
        notes="Possible guests: IOM",
    )
    row.mandates.set([Mandate.objects.get(symbol=PROGRAM)])

    response = client.get(url("meetings:feed"))

    assert response["Content-Disposition"] == 'attachment; filename="cam-calendar.ics"'
    calendar = parse(response)
    assert [str(e["UID"]) for e in calendar.walk("VEVENT")] == [
        f"calendar-row-{row.pk}@testserver",  # October comes before November 3
        f"meeting-{meeting.pk}@testserver",
    ]
    row_event = calendar.walk("VEVENT")[0]
    assert str(row_event["SUMMARY"]) == (
        "Meeting of the Working Group (date to be set within October 2016)"
    )
    assert str(row_event["STATUS"]) == "TENTATIVE"
    assert str(row_event["URL"]) == (
        f"http://testserver/en/meetings/work-plans/{plan.pk}/#row-{row.pk}"
    )
    assert str(row_event["DESCRIPTION"]).splitlines() == [
        "Date to be set within October 2016",
        "Meeting of the Working Group",
        f"Mandates: {PROGRAM}",
        "Possible guests: IOM",
        "As written in the work plan: OCTOBER 2016 Date to be determined",
        "Work plan: Work plan 2016–2017",
    ]
    assert row_event["CATEGORIES"].cats == ["Work plan activity"]


def test_a_row_on_a_set_day_stays_tentative(client):
    CalendarRowFactory(date="2016-10-20")

    event = only_event(parse(client.get(url("meetings:feed"))))

    assert dates_of(event) == (datetime.date(2016, 10, 20), datetime.date(2016, 10, 21))
    assert str(event["STATUS"]) == "TENTATIVE"  # a plan's intention until a meeting is set


def test_feed_of_one_work_plan(client):
    plan, other = WorkPlanFactory(), WorkPlanFactory()
    mine = CalendarRowFactory(work_plan=plan)
    CalendarRowFactory(work_plan=other)
    planned = MeetingFactory(title="Planned from the row")
    CalendarRowFactory(work_plan=plan, meeting=planned)
    MeetingFactory(title="Of no plan")

    response = client.get(url("meetings:feed"), {"work_plan": plan.pk})

    assert response["Content-Disposition"] == (
        f'attachment; filename="cam-work-plan-{plan.pk}.ics"'
    )
    calendar = parse(response)
    assert sorted(str(e["UID"]) for e in calendar.walk("VEVENT")) == sorted(
        [f"calendar-row-{mine.pk}@testserver", f"meeting-{planned.pk}@testserver"]
    )
    assert str(calendar["X-WR-CALNAME"]) == plan.title


# "²" passes str.isdigit() but not int(); the rest are numbers that are no id.
NOT_AN_ID = ["²", "-1", "1e3", "99999999999999999999"]


@pytest.mark.parametrize("wanted", ["999999", "abc", *NOT_AN_ID])
def test_feed_of_an_unknown_work_plan_is_404(client, wanted):
    WorkPlanFactory()

    assert client.get(url("meetings:feed"), {"work_plan": wanted}).status_code == 404


def test_feed_takes_a_work_plan_id_in_ascii_digits_only(client):
    plan = WorkPlanFactory()
    arabic_indic = str(plan.pk).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))

    response = client.get(url("meetings:feed"), {"work_plan": arabic_indic})

    assert response.status_code == 404  # int() would have read it as the plan's id


def test_uids_name_the_sites_host(client, settings):
    settings.ALLOWED_HOSTS = [".example.org"]
    meeting = MeetingFactory(date="2016-11-03")
    row = CalendarRowFactory(date="")

    def uids(host):
        feed = parse(client.get(url("meetings:feed"), headers={"host": host}))
        one = parse(client.get(url("meetings:meeting_ics", meeting.pk), headers={"host": host}))
        return sorted(str(c["UID"]) for c in [*feed.subcomponents, *one.subcomponents])

    production, staging = uids("Followup.Example.org"), uids("staging.followup.example.org")

    assert production == sorted(
        [
            f"meeting-{meeting.pk}@followup.example.org",
            f"meeting-{meeting.pk}@followup.example.org",
            f"calendar-row-{row.pk}@followup.example.org",
        ]
    )
    assert set(production).isdisjoint(staging)  # one subscriber's calendar keeps both apart


def test_uids_are_stable_across_feeds_and_edits(client):
    meeting = MeetingFactory.create(date="2016-10")
    row = CalendarRowFactory(date="")
    first = parse(client.get(url("meetings:feed")))

    meeting.date, meeting.title = "2016-10-20", "Renamed"
    meeting.save()
    second = parse(client.get(url("meetings:feed")))

    def uids(calendar):
        return sorted(str(c["UID"]) for c in calendar.subcomponents)

    assert (
        uids(first)
        == uids(second)
        == sorted([f"meeting-{meeting.pk}@testserver", f"calendar-row-{row.pk}@testserver"])
    )
