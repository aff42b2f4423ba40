import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from followup.meetings import services
from followup.meetings.models import Meeting, MeetingDocument
from followup.meetings.services import MeetingError
from followup.meetings.tests.factories import CalendarRowFactory, MeetingFactory, WorkPlanFactory
from followup.program.models import Actor, Mandate
from followup.recommendations.models import Source
from followup.reporting.models import ActorReport, Entry
from followup.reporting.tests.factories import (
    CycleFactory,
    ReportFactory,
    focal_point_of,
    secretariat_user,
)

pytestmark = pytest.mark.django_db

PROGRAM = "AG/RES. 2883 (XLVI-O/16)"
CAM_RESOLUTION = "AG/RES. 2738 (XLII-O/12)"


@pytest.fixture
def secretariat():
    return secretariat_user()


def mandate(symbol=PROGRAM):
    return Mandate.objects.get(symbol=symbol)


def actor(slug):
    return Actor.objects.get(slug=slug)


def errors_of(excinfo):
    return excinfo.value.message_dict


# Work plans.


def test_create_work_plan_records_who_made_it(secretariat):
    plan = services.create_work_plan(
        {"title": " Work plan 2016–2017 ", "period_start": "2016", "period_end": "2017"},
        by=secretariat,
    )

    assert (plan.title, plan.period) == ("Work plan 2016–2017", "2016–2017")
    assert plan.history.get().history_user == secretariat


def test_work_plan_with_a_reversed_period_is_refused(secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.create_work_plan(
            {"title": "Plan", "period_start": "2017", "period_end": "2016"}, by=secretariat
        )

    assert errors_of(excinfo) == {"period_end": ["The end (2016) comes before the start (2017)."]}


def test_work_plan_period_must_be_years(secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.create_work_plan(
            {"title": "Plan", "period_start": "2016-10", "period_end": "20x7"}, by=secretariat
        )

    assert errors_of(excinfo) == {
        "period_start": ["Write a year, such as 2016."],
        "period_end": ["“20x7” is not a date; write 2016-10-20, 2016-10 or 2016."],
    }


def test_work_plan_needs_its_title(secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.create_work_plan({"title": "  "}, by=secretariat)

    assert errors_of(excinfo) == {"title": ["Give the work plan's title."]}


def test_only_the_secretariat_writes_work_plans():
    with pytest.raises(PermissionDenied):
        services.create_work_plan({"title": "Plan"}, by=focal_point_of("iin"))


def test_save_work_plan_changes_it(secretariat):
    plan = WorkPlanFactory(title="Draft title")

    services.save_work_plan(plan, {"title": "Work plan 2016–2017"}, by=secretariat)

    plan.refresh_from_db()
    assert plan.title == "Work plan 2016–2017"
    assert plan.history.latest().history_user == secretariat


# Calendar rows.


def test_add_calendar_row_goes_at_the_end_with_its_mandates(secretariat):
    plan = WorkPlanFactory()
    CalendarRowFactory(work_plan=plan, order=0)

    row = services.add_calendar_row(
        plan,
        {
            "date": " 2016-10 ",
            "date_text": "OCTOBER 2016 Date to be determined",
            "activity": "Meeting of the Working Group",
            "mandates": [mandate()],
        },
        by=secretariat,
    )

    assert (row.date, row.order) == ("2016-10", 1)
    assert [m.symbol for m in row.mandates.all()] == [PROGRAM]
    assert row.history.latest().history_user == secretariat


def test_calendar_row_with_an_impossible_date_is_refused(secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.add_calendar_row(
            WorkPlanFactory(), {"date": "2017-02-30", "activity": "Event"}, by=secretariat
        )

    assert errors_of(excinfo) == {"date": ["2017-02-30 does not exist in the calendar."]}


def test_calendar_row_to_be_determined_keeps_no_date(secretariat):
    row = services.add_calendar_row(
        WorkPlanFactory(), {"date": "", "activity": "Meeting of experts"}, by=secretariat
    )

    assert row.date == ""


def test_calendar_row_needs_its_activity(secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.add_calendar_row(WorkPlanFactory(), {"date": "2016"}, by=secretariat)

    assert errors_of(excinfo) == {"activity": ["Say what the activity is."]}


def test_save_calendar_row_replaces_its_mandates(secretariat):
    row = CalendarRowFactory()
    row.mandates.set([mandate()])

    services.save_calendar_row(
        row, {"activity": "Event on gender", "mandates": [mandate(CAM_RESOLUTION)]}, by=secretariat
    )

    row.refresh_from_db()
    assert row.activity == "Event on gender"
    assert [m.symbol for m in row.mandates.all()] == [CAM_RESOLUTION]


# Meetings.


def test_create_meeting_with_its_relations(secretariat):
    plan = WorkPlanFactory()

    meeting = services.create_meeting(
        {
            "kind": Meeting.Kind.WORKING_GROUP,
            "title": "Working group meeting",
            "language": "en",
            "status": Meeting.Status.PLANNED,
            "date": "2016-10-20",
            "ends": "2016-10-21",
            "location": "Washington, D.C.",
            "agenda": "  Election of vice chair \n\n Consideration of the work plan ",
            "mandates": [mandate()],
            "participants": [actor("iachr"), actor("cim")],
            "work_plan": plan,
        },
        by=secretariat,
    )

    meeting.refresh_from_db()
    assert meeting.agenda_items == ["Election of vice chair", "Consideration of the work plan"]
    assert (meeting.date, meeting.ends, meeting.work_plan) == ("2016-10-20", "2016-10-21", plan)
    assert sorted(a.slug for a in meeting.participants.all()) == ["cim", "iachr"]
    assert [m.symbol for m in meeting.mandates.all()] == [PROGRAM]
    assert meeting.history.latest().history_user == secretariat


def test_meeting_agenda_may_be_given_as_a_list(secretariat):
    meeting = services.create_meeting(
        {"kind": "regular", "title": "Regular session", "agenda": ["Opening", " ", "Work plan"]},
        by=secretariat,
    )

    assert meeting.agenda == "Opening\nWork plan"


def test_meeting_ending_before_it_starts_is_refused(secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.create_meeting(
            {"kind": "regular", "title": "Session", "date": "2016-10-20", "ends": "2016-10-19"},
            by=secretariat,
        )

    assert errors_of(excinfo) == {
        "ends": ["The end (2016-10-19) comes before the start (2016-10-20)."]
    }
    assert not Meeting.objects.exists()


def test_meeting_to_be_determined_with_an_end_date_is_refused(secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.create_meeting(
            {"kind": "regular", "title": "Session", "date": "", "ends": "2016-10-19"},
            by=secretariat,
        )

    assert errors_of(excinfo) == {"ends": ["Give the first day before the last one."]}


def test_meeting_on_an_impossible_date_is_refused(secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.create_meeting(
            {"kind": "regular", "title": "Session", "date": "2017-02-29", "ends": "2017-13"},
            by=secretariat,
        )

    assert errors_of(excinfo) == {
        "date": ["2017-02-29 does not exist in the calendar."],
        "ends": ["There is no month 13; months go from 01 to 12."],
    }


def test_meeting_in_a_month_may_end_in_a_later_month(secretariat):
    meeting = services.create_meeting(
        {"kind": "event", "title": "Forum", "date": "2016-10", "ends": "2016-11"}, by=secretariat
    )

    assert (meeting.date, meeting.ends) == ("2016-10", "2016-11")


DAY_THEN_VAGUER = (
    "The start gives the day (%s) but the end (%s) does not: give the last day too, or leave "
    "the end empty for a one-day meeting."
)
MONTH_THEN_YEAR = (
    "The start gives the month (%s) but the end (%s) does not: give the last month too, or "
    "leave the end empty."
)


@pytest.mark.parametrize(
    ("date", "ends", "message"),
    [
        ("2016-10-20", "2016-11", DAY_THEN_VAGUER % ("2016-10-20", "2016-11")),
        ("2016-10-20", "2016-10", DAY_THEN_VAGUER % ("2016-10-20", "2016-10")),
        ("2016-10-20", "2017", DAY_THEN_VAGUER % ("2016-10-20", "2017")),
        ("2016-10", "2017", MONTH_THEN_YEAR % ("2016-10", "2017")),
    ],
)
def test_meeting_ending_vaguer_than_it_starts_is_refused(secretariat, date, ends, message):
    with pytest.raises(ValidationError) as excinfo:
        services.create_meeting(
            {"kind": "regular", "title": "Session", "date": date, "ends": ends}, by=secretariat
        )

    assert errors_of(excinfo) == {"ends": [message]}
    assert not Meeting.objects.exists()


def test_meeting_known_by_the_month_may_end_on_a_set_day(secretariat):
    meeting = services.create_meeting(
        {"kind": "event", "title": "Forum", "date": "2016-10", "ends": "2016-10-25"},
        by=secretariat,
    )

    assert (meeting.date, meeting.ends) == ("2016-10", "2016-10-25")


def test_meeting_needs_a_kind_of_the_list(secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.create_meeting({"kind": "party", "title": "Session"}, by=secretariat)

    assert errors_of(excinfo) == {"kind": ["Value 'party' is not a valid choice."]}


def test_meeting_needs_its_title(secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.create_meeting({"kind": "regular", "title": ""}, by=secretariat)

    assert errors_of(excinfo) == {"title": ["Give the meeting's title."]}


def test_only_the_secretariat_writes_meetings():
    with pytest.raises(PermissionDenied):
        services.create_meeting({"kind": "regular", "title": "x"}, by=focal_point_of("iin"))


def test_save_meeting_leaves_what_is_not_given(secretariat):
    meeting = MeetingFactory(location="Washington, D.C.")
    meeting.mandates.set([mandate()])

    services.save_meeting(
        meeting, {"status": Meeting.Status.HELD, "outcomes": "Agreed."}, by=secretariat
    )

    meeting.refresh_from_db()
    assert (meeting.status, meeting.outcomes, meeting.location) == (
        "held",
        "Agreed.",
        "Washington, D.C.",
    )
    assert [m.symbol for m in meeting.mandates.all()] == [PROGRAM]


# Documents.


def test_add_document_by_link(secretariat):
    meeting = MeetingFactory()

    document = services.add_document(
        meeting,
        {"kind": "agenda", "title": "Draft agenda", "url": "https://www.oas.org/agenda.pdf"},
        by=secretariat,
    )

    assert (document.kind, document.url, document.uploaded_by) == (
        "agenda",
        "https://www.oas.org/agenda.pdf",
        secretariat,
    )
    assert meeting.history.latest().history_change_reason == "document added"


def test_add_document_as_a_file_checked_by_content(secretariat):
    upload = SimpleUploadedFile("minutes.txt", b"Minutes of the thematic meeting.")

    document = services.add_document(
        MeetingFactory(), {"kind": "report", "title": ""}, upload=upload, by=secretariat
    )

    assert (document.title, document.content_type, document.size) == (
        "minutes.txt",
        "text/plain",
        32,
    )
    with document.file.open("rb") as stored:
        assert stored.read() == b"Minutes of the thematic meeting."


def test_add_document_refuses_a_file_that_is_no_document(secretariat):
    upload = SimpleUploadedFile("minutes.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\xff\xff")

    with pytest.raises(ValidationError) as excinfo:
        services.add_document(MeetingFactory(), {"title": "Minutes"}, upload=upload, by=secretariat)

    assert errors_of(excinfo) == {
        "file": ["“minutes.pdf” is not a PDF, DOCX, ODT, XLSX or plain-text file."]
    }
    assert not MeetingDocument.objects.exists()


def test_add_document_needs_a_link_or_a_file(secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.add_document(MeetingFactory(), {"title": "Agenda"}, by=secretariat)

    assert errors_of(excinfo) == {"url": ["Give the document's web address or choose its file."]}


def test_add_document_takes_a_link_or_a_file_not_both(secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.add_document(
            MeetingFactory(),
            {"title": "Agenda", "url": "https://www.oas.org/a.pdf"},
            upload=SimpleUploadedFile("a.txt", b"Agenda"),
            by=secretariat,
        )

    assert errors_of(excinfo) == {"url": ["Give the web address or the file, not both."]}


def test_a_linked_document_needs_its_title(secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.add_document(
            MeetingFactory(), {"url": "https://www.oas.org/a.pdf"}, by=secretariat
        )

    assert errors_of(excinfo) == {"title": ["Give the document's title."]}


# Planning a meeting from a calendar row.


@pytest.mark.parametrize(
    ("activity", "kind"),
    [
        ("Meeting of Working Group to Implement the Program", "working_group"),
        ("Progress report of the Working Group", "working_group"),
        ("Thematic meeting:  Migration and Health, with PAHO specialists", "thematic"),
        ("Event: Food Security, Migration, and Climate Change", "event"),
        ("Participation in CIDI meeting on Migration", "regular"),
        ("Prevention of trafficking", "regular"),
    ],
)
def test_kind_for_activity(activity, kind):
    assert services.kind_for_activity(activity) == kind


def test_plan_meeting_from_row_copies_it_and_links_the_row(secretariat):
    row = CalendarRowFactory(
        date="2016-11-03",
        activity="Thematic meeting: Migration and Health, with PAHO specialists",
        notes="Note: Consider participation by IOM.",
    )
    row.mandates.set([mandate("AG/RES. 2881 (XLVI-O/16)")])

    meeting = services.plan_meeting_from_row(row, by=secretariat)

    row.refresh_from_db()
    assert row.meeting == meeting
    assert (meeting.kind, meeting.title, meeting.date, meeting.work_plan) == (
        "thematic",
        "Thematic meeting: Migration and Health, with PAHO specialists",
        "2016-11-03",
        row.work_plan,
    )
    assert [m.symbol for m in meeting.mandates.all()] == ["AG/RES. 2881 (XLVI-O/16)"]
    assert row.history.latest().history_user == secretariat


def test_plan_meeting_from_a_row_listing_an_agenda(secretariat):
    row = CalendarRowFactory(
        date="2016-10-20",
        activity="1. Election of vice chair\n2. Consideration of 2016-2017 Work Plan\n"
        "3. Installation of the Working Group",
    )

    meeting = services.plan_meeting_from_row(row, by=secretariat)

    # Named after its date in the site's format (Django's DATE_FORMAT for English).
    assert (meeting.kind, meeting.title) == ("regular", "Meeting of Oct. 20, 2016")
    assert meeting.agenda_items == [
        "Election of vice chair",
        "Consideration of 2016-2017 Work Plan",
        "Installation of the Working Group",
    ]


def test_plan_meeting_from_a_row_to_be_determined(secretariat):
    row = CalendarRowFactory(date="", activity="Meeting of experts before the Summit")

    meeting = services.plan_meeting_from_row(row, by=secretariat)

    assert (meeting.date, meeting.kind) == ("", "regular")


def test_a_row_gets_one_meeting_only(secretariat):
    row = CalendarRowFactory()
    services.plan_meeting_from_row(row, by=secretariat)

    with pytest.raises(MeetingError) as excinfo:
        services.plan_meeting_from_row(row, by=secretariat)

    assert str(excinfo.value) == "This calendar row already has its meeting."
    assert Meeting.objects.count() == 1


# Findings recorded as report entries.


@pytest.fixture
def meeting_with_cycle():
    cycle = CycleFactory(label="2019–2020", slug="2019-2020")
    return MeetingFactory(title="Informal meeting with the IIN", kind="informal", cycle=cycle)


def test_finding_recorded_as_an_entry_of_the_actors_report(secretariat, meeting_with_cycle):
    report = ReportFactory(cycle=meeting_with_cycle.cycle, actor=actor("iin"))

    entry = services.record_finding_as_entry(
        meeting_with_cycle,
        actor=actor("iin"),
        title=" Course on migrant children ",
        narrative="The IIN trained officials of twelve countries.",
        kind=Entry.Kind.CARRIED_OUT,
        by=secretariat,
    )

    entry.refresh_from_db()
    assert (entry.report, entry.meeting, entry.title, entry.kind) == (
        report,
        meeting_with_cycle,
        "Course on migrant children",
        "carried_out",
    )
    assert list(meeting_with_cycle.entries.all()) == [entry]
    assert entry.history.latest().history_user == secretariat
    report.refresh_from_db()
    assert report.revision == 2  # saved through reporting's service, which bumps it


def test_finding_needs_the_meetings_cycle(secretariat):
    with pytest.raises(MeetingError) as excinfo:
        services.record_finding_as_entry(
            MeetingFactory(),
            actor=actor("iin"),
            title="x",
            narrative="",
            kind="carried_out",
            by=secretariat,
        )

    assert str(excinfo.value) == (
        "Say which reporting cycle this meeting's findings feed (edit the meeting) before "
        "recording one in a report."
    )


def test_finding_needs_the_actors_report(secretariat, meeting_with_cycle):
    with pytest.raises(MeetingError) as excinfo:
        services.record_finding_as_entry(
            meeting_with_cycle,
            actor=actor("cim"),
            title="x",
            narrative="",
            kind="carried_out",
            by=secretariat,
        )

    assert str(excinfo.value) == (
        "Inter-American Commission of Women (CIM) has no report in the 2019–2020 cycle: "
        "invite it to report and open the cycle first."
    )
    assert not Entry.objects.exists()


def test_finding_is_refused_by_a_submitted_report(secretariat, meeting_with_cycle):
    ReportFactory(
        cycle=meeting_with_cycle.cycle, actor=actor("iin"), status=ActorReport.Status.SUBMITTED
    )

    with pytest.raises(MeetingError) as excinfo:
        services.record_finding_as_entry(
            meeting_with_cycle,
            actor=actor("iin"),
            title="x",
            narrative="",
            kind="carried_out",
            by=secretariat,
        )

    assert str(excinfo.value) == (
        "The report of Inter-American Children's Institute (IIN) for 2019–2020 is submitted: "
        "it takes no new entry until it is returned or reopened."
    )


def test_finding_is_refused_by_a_closed_cycle(secretariat, meeting_with_cycle):
    cycle = meeting_with_cycle.cycle
    cycle.status = "closed"
    cycle.save()
    ReportFactory(cycle=cycle, actor=actor("iin"))

    with pytest.raises(MeetingError) as excinfo:
        services.record_finding_as_entry(
            meeting_with_cycle,
            actor=actor("iin"),
            title="x",
            narrative="",
            kind="carried_out",
            by=secretariat,
        )

    assert str(excinfo.value) == (
        "The 2019–2020 cycle is not open: reopen the report of Inter-American Children's "
        "Institute (IIN) first."
    )


def test_finding_needs_a_title(secretariat, meeting_with_cycle):
    with pytest.raises(ValidationError) as excinfo:
        services.record_finding_as_entry(
            meeting_with_cycle,
            actor=actor("iin"),
            title=" ",
            narrative="",
            kind="carried_out",
            by=secretariat,
        )

    assert errors_of(excinfo) == {"title": ["Give the finding a title."]}


def test_finding_of_an_unknown_kind_is_refused(secretariat, meeting_with_cycle):
    ReportFactory(cycle=meeting_with_cycle.cycle, actor=actor("iin"))

    with pytest.raises(ValidationError) as excinfo:
        services.record_finding_as_entry(
            meeting_with_cycle,
            actor=actor("iin"),
            title="x",
            narrative="",
            kind="rumour",
            by=secretariat,
        )

    assert errors_of(excinfo) == {"kind": ["Value 'rumour' is not a valid choice."]}


# Findings recorded as recommendations.


def test_recommendations_of_a_meeting_share_its_own_source(secretariat):
    meeting = MeetingFactory(title="Meeting of experts before the Summit", date="2017-03")
    meeting.mandates.set([mandate()])

    first = services.record_finding_as_recommendation(
        meeting, text="Ratify the Convention.", all_member_states=True, by=secretariat
    )
    second = services.record_finding_as_recommendation(
        meeting, text="Train consular staff.", addressees=[actor("iom")], by=secretariat
    )

    assert first.source == second.source
    source = first.source
    assert (source.kind, source.title, source.date, source.issued_by.slug) == (
        Source.Kind.FORUM,
        "Meeting of experts before the Summit",
        "2017-03",
        "cam",
    )
    assert list(meeting.recommendations.order_by("pk")) == [first, second]
    assert [m.symbol for m in first.mandates.all()] == [PROGRAM]
    assert [a.slug for a in second.addressees.all()] == ["iom"]
    assert first.history.latest().history_user == secretariat


def test_a_renamed_meeting_keeps_its_one_source(secretariat):
    meeting = MeetingFactory(title="Meeting of experts")
    first = services.record_finding_as_recommendation(
        meeting, text="Ratify the Convention.", all_member_states=True, by=secretariat
    )
    services.save_meeting(
        meeting, {"title": "Meeting of experts before the Summit"}, by=secretariat
    )

    second = services.record_finding_as_recommendation(
        meeting, text="Train consular staff.", all_member_states=True, by=secretariat
    )

    assert second.source == first.source
    assert list(Source.objects.values_list("title", flat=True)) == ["Meeting of experts"]


def test_a_meeting_never_takes_another_meetings_source_of_the_same_title(secretariat):
    one, other = MeetingFactory(title="Informal meeting"), MeetingFactory(title="Informal meeting")
    mine = services.record_finding_as_recommendation(
        one, text="Ratify the Convention.", all_member_states=True, by=secretariat
    )

    theirs = services.record_finding_as_recommendation(
        other, text="Train consular staff.", all_member_states=True, by=secretariat
    )

    assert theirs.source != mine.source
    assert Source.objects.count() == 2


def test_a_source_given_once_is_not_the_meetings_own(secretariat):
    meeting = MeetingFactory()
    report = Source.objects.create(kind=Source.Kind.REPORT, title="Report on migrant women")
    services.record_finding_as_recommendation(
        meeting, text="Collect data by sex.", source=report, all_member_states=True, by=secretariat
    )

    own = services.record_finding_as_recommendation(
        meeting, text="Train consular staff.", all_member_states=True, by=secretariat
    )

    assert (own.source.kind, own.source.title) == (Source.Kind.FORUM, meeting.title)


def test_recommendation_of_a_meeting_may_name_another_source(secretariat):
    source = Source.objects.create(kind=Source.Kind.REPORT, title="Report on migrant women")

    recommendation = services.record_finding_as_recommendation(
        MeetingFactory(),
        text="Collect data by sex.",
        source=source,
        all_member_states=True,
        by=secretariat,
    )

    assert recommendation.source == source
    assert Source.objects.count() == 1


def test_recommendation_of_a_meeting_needs_an_addressee(secretariat):
    meeting = MeetingFactory()

    with pytest.raises(ValidationError) as excinfo:
        services.record_finding_as_recommendation(meeting, text="Do more.", by=secretariat)

    assert errors_of(excinfo) == {
        "addressees": [
            "Say who the recommendation is addressed to: all member states, or named states "
            "and actors."
        ]
    }
    assert not Source.objects.exists()  # the meeting's source went with the refusal


def test_recommendation_of_a_meeting_needs_its_text(secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.record_finding_as_recommendation(
            MeetingFactory(), text="", all_member_states=True, by=secretariat
        )

    assert errors_of(excinfo) == {"text": ["Give the recommendation's text."]}
