"""The CAM's 2016–2017 work plan (004), loaded through the import and its review, shows on the
printable calendar and in the feed with honest dates: a day as a day, "October 2016, date to
be determined" as the month of October, and the months of November 2016 to May 2017."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from followup.ingest import review
from followup.ingest.services import ingest_path
from followup.meetings.models import CalendarRow, WorkPlan
from followup.reporting.tests.factories import secretariat_user

pytestmark = [pytest.mark.django_db, pytest.mark.corpus]

WORK_PLAN = "004_19bb457573eb20b7.txt"


@pytest.fixture
def work_plan(corpus):
    secretariat = secretariat_user()
    document = ingest_path(corpus / WORK_PLAN, by=secretariat).document
    review.accept_clean(document, by=secretariat, kind="mandate")
    accepted, left = review.accept_clean(document, by=secretariat, kind="calendar_row")
    assert (accepted, left) == (11, 0)
    return WorkPlan.objects.get()


def test_the_calendar_page_shows_004_by_month(client, work_plan):
    content = client.get(reverse("meetings:calendar")).content.decode()

    headings = [
        line.split(">", 1)[1].split("</h2>")[0]
        for line in content.splitlines()
        if '<h2 id="month-' in line
    ]
    assert headings == [
        "October 2016",
        "November 2016",
        "December 2016",
        "January 2017",
        "February 2017",
        "March 2017",
        "April 2017",
        "May 2017",
    ]
    october = content[content.index("October 2016</h2>") : content.index("November 2016</h2>")]
    # The session of October 20 on its day; the working group's meeting in October, day open.
    assert (
        '<td class="calendar-date">Oct. 20, 2016<br><span class="as-written">OCTOBER 20, 2016'
        in (october)
    )
    assert (
        '<td class="calendar-date">Day to be determined<br>'
        '<span class="as-written">OCTOBER 2016 Date to be determined</span>'
    ) in october
    assert october.index("Election of vice chair") < october.index("Meeting of Working Group")


def test_the_work_plan_page_shows_004_as_written(client, work_plan):
    content = client.get(work_plan.get_absolute_url()).content.decode()

    assert content.count('<tr id="row-') == 11
    assert "Possible guests: PMA, IOM, IDB El Salvador" in content
    assert (
        '<span class="as-written">OCTOBER 2016 Date to be determined</span><br>'
        '<span class="when when-month">October 2016</span> '
        '<span class="precision">(day to be determined)</span>'
    ) in content


def test_the_feed_shows_004_with_honest_dates(client, work_plan):
    response = client.get(reverse("meetings:feed"), {"work_plan": work_plan.pk})

    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 11
    day, month = events[0], events[1]
    assert (day["DTSTART"].dt, day["DTEND"].dt) == (
        datetime.date(2016, 10, 20),
        datetime.date(2016, 10, 21),
    )
    assert str(day["X-FOLLOWUP-DATE-PRECISION"]) == "day"
    assert (month["DTSTART"].dt, month["DTEND"].dt) == (
        datetime.date(2016, 10, 1),
        datetime.date(2016, 11, 1),
    )
    assert str(month["STATUS"]) == "TENTATIVE"
    assert str(month["SUMMARY"]) == (
        "Meeting of Working Group to Implement the Inter-American Program for the Promotion and "
        "Protection of the Human Rights of Migrants, Including Migrant Workers and Their "
        "Families. (date to be set within October 2016)"
    )
    assert "As written in the work plan: OCTOBER 2016 Date to be determined" in str(
        month["DESCRIPTION"]
    )
    assert [
        (e["DTSTART"].dt.isoformat()[:7], str(e["X-FOLLOWUP-DATE-PRECISION"])) for e in events[2:]
    ] == [
        ("2016-11", "day"),
        ("2016-12", "month"),
        ("2017-01", "month"),
        ("2017-02", "month"),
        ("2017-03", "month"),
        ("2017-04", "month"),
        ("2017-04", "month"),
        ("2017-05", "month"),
        ("2017-05", "month"),
    ]


def test_a_meeting_planned_from_a_004_row_replaces_it_in_the_feed(client, work_plan):
    client.force_login(secretariat_user())
    row = CalendarRow.objects.get(date="2016-11-03")

    client.post(reverse("meetings:plan_from_row", args=[row.pk]))

    row.refresh_from_db()
    assert (row.meeting.kind, [m.symbol for m in row.meeting.mandates.all()]) == (
        "thematic",
        ["AG/RES. 2881 (XLVI-O/16)"],
    )
    uids = [
        str(e["UID"])
        for e in Calendar.from_ical(client.get(reverse("meetings:feed")).content).walk("VEVENT")
    ]
    assert f"meeting-{row.meeting.pk}@testserver" in uids
    assert f"calendar-row-{row.pk}@testserver" not in uids
