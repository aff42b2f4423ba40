"""Work plans and meetings in the JSON API: what each persona reads and may write, dates with
their precision, filters, input errors with the exact messages, query counts, and the routes
in the OpenAPI document."""

from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from drf_spectacular.drainage import GENERATOR_STATS

from followup.api.tests.conftest import Api, persona
from followup.meetings.models import CalendarRow, Meeting, MeetingDocument, WorkPlan
from followup.meetings.tests.factories import (
    CalendarRowFactory,
    MeetingFactory,
    WorkPlanFactory,
)
from followup.program.models import Actor, Mandate
from followup.recommendations.tests.factories import make_recommendation
from followup.reporting.models import ActorReport
from followup.reporting.tests.factories import CycleFactory, EntryFactory, ReportFactory

pytestmark = pytest.mark.django_db

MEETINGS = "/api/v1/meetings/"
WORK_PLANS = "/api/v1/work-plans/"
PERSONAS = ["anonymous", "iin focal point", "cim focal point", "reviewer", "secretariat"]
SYMBOL = "AG/RES. 2883 (XLVI-O/16)"


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    """The API throttles by counting requests in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api(client) -> Api:
    return Api(client)


@pytest.fixture
def meeting() -> Meeting:
    return MeetingFactory.create(title="Thematic meeting on migrant children", date="2016-11-03")


def url(record: Meeting | WorkPlan) -> str:
    return f"{MEETINGS if isinstance(record, Meeting) else WORK_PLANS}{record.pk}/"


def secretariat(api: Api) -> Api:
    return api.as_(persona("secretariat"))


# The matrix -------------------------------------------------------------------------------

CASES = [
    ("get", "meetings", None, [200, 200, 200, 200, 200]),
    ("get", "meeting", None, [200, 200, 200, 200, 200]),
    ("post", "meetings", {"kind": "regular", "title": "New"}, [401, 403, 403, 403, 201]),
    ("patch", "meeting", {"location": "Washington"}, [401, 403, 403, 403, 200]),
    ("get", "work-plans", None, [200, 200, 200, 200, 200]),
    ("get", "work-plan", None, [200, 200, 200, 200, 200]),
]


@pytest.mark.parametrize(
    ("method", "target", "body", "statuses"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
@pytest.mark.parametrize("who", PERSONAS)
def test_api_permission_matrix(api, meeting, who, method, target, body, statuses):
    plan = WorkPlanFactory()
    address = {
        "meetings": MEETINGS,
        "meeting": url(meeting),
        "work-plans": WORK_PLANS,
        "work-plan": url(plan),
    }[target]

    response = api.as_(persona(who)).call(method.upper(), address, body)

    assert response.status_code == statuses[PERSONAS.index(who)]


def test_every_route_is_in_the_matrix():
    from followup.meetings.api import urlpatterns

    assert {p.name for p in urlpatterns} == {
        "work_plan_list",
        "work_plan_detail",
        "meeting_list",
        "meeting_detail",
    }


def test_a_focal_point_is_told_why_it_cannot_record_a_meeting(api, meeting):
    response = api.as_(persona("iin focal point")).patch(url(meeting), {"title": "x"})

    assert response.json() == {"detail": "Only the secretariat can record meetings."}
    assert Meeting.objects.get(pk=meeting.pk).title == "Thematic meeting on migrant children"


@pytest.mark.parametrize("address", ["/api/v1/meetings/999999/", "/api/v1/work-plans/999999/"])
def test_a_missing_record_answers_404(api, address):
    assert api.get(address).status_code == 404


# Reads ------------------------------------------------------------------------------------


def test_meeting_as_read(api, meeting):
    plan = WorkPlanFactory()
    cycle = CycleFactory(slug="2016-2017")
    meeting.ends = "2016-11-04"
    meeting.location = "Washington, D.C."
    meeting.agenda = "Opening\n\n  Children on the move  \n"
    meeting.outcomes = "A joint course."
    meeting.work_plan, meeting.cycle = plan, cycle
    meeting.save()
    meeting.mandates.set([Mandate.objects.get(symbol=SYMBOL)])
    meeting.participants.set(Actor.objects.filter(slug__in=["iin", "iachr"]))
    link = MeetingDocument.objects.create(
        meeting=meeting, kind="agenda", title="Agenda", url="https://www.oas.org/agenda.pdf"
    )
    stored = MeetingDocument.objects.create(
        meeting=meeting, kind="report", title="Minutes", file="meetings/2016/minutes.pdf"
    )
    seen = EntryFactory(report=ReportFactory(status=ActorReport.Status.PUBLISHED), meeting=meeting)
    EntryFactory(report=ReportFactory(), meeting=meeting)  # an IIN draft's: hidden
    recommendation = make_recommendation(addressees=["iin"], meeting=meeting)

    body = api.get(url(meeting)).json()

    assert {key: body[key] for key in body if key not in {"created_at", "updated_at"}} == {
        "api_url": f"http://testserver{url(meeting)}",
        "page_url": f"http://testserver/en/meetings/{meeting.pk}/",
        "ics_url": f"http://testserver/en/meetings/{meeting.pk}.ics",
        "id": meeting.pk,
        "kind": "thematic",
        "title": "Thematic meeting on migrant children",
        "language": "en",
        "status": "planned",
        "date": "2016-11-03",
        "date_precision": "day",
        "ends": "2016-11-04",
        "location": "Washington, D.C.",
        "mandates": [SYMBOL],
        "agenda": ["Opening", "Children on the move"],
        "participants": ["iachr", "iin"],
        "documents": [
            {"title": "Agenda", "kind": "agenda", "url": "https://www.oas.org/agenda.pdf"},
            {
                "title": "Minutes",
                "kind": "report",
                "url": f"http://testserver/en/meetings/documents/{stored.pk}/",
            },
        ],
        "outcomes": "A joint course.",
        "work_plan": plan.pk,
        "cycle": "2016-2017",
        "findings": {"entries": [seen.pk], "recommendations": [recommendation.pk]},
    }
    assert link.pk < stored.pk


def test_findings_show_the_entries_of_a_focal_points_drafts_to_them(api, meeting):
    draft = EntryFactory(report=ReportFactory(), meeting=meeting)

    body = api.as_(persona("iin focal point")).get(url(meeting)).json()

    assert body["findings"]["entries"] == [draft.pk]


@pytest.mark.parametrize(
    ("date", "precision"),
    [("2016-11-03", "day"), ("2016-11", "month"), ("2017", "year"), ("", "tbd")],
)
def test_date_precision(api, date, precision):
    meeting = MeetingFactory(date=date)

    body = api.get(url(meeting)).json()

    assert (body["date"], body["date_precision"]) == (date, precision)


def test_work_plan_as_read_with_its_rows(api, meeting):
    plan = WorkPlanFactory(title="Work plan 2016–2017", period_start="2016", period_end="2017")
    second = CalendarRowFactory(
        work_plan=plan, order=2, date="", date_text="TBD", activity="Event", notes=""
    )
    first = CalendarRowFactory(
        work_plan=plan,
        order=1,
        date="2016-10",
        date_text="OCTOBER 2016",
        activity="Thematic meeting",
        notes="Guests: IOM",
        meeting=meeting,
    )
    first.mandates.set([Mandate.objects.get(symbol=SYMBOL)])

    body = api.get(url(plan)).json()

    assert body == {
        "api_url": f"http://testserver{url(plan)}",
        "page_url": f"http://testserver/en/meetings/work-plans/{plan.pk}/",
        "id": plan.pk,
        "title": "Work plan 2016–2017",
        "period_start": "2016",
        "period_end": "2017",
        "rows": [
            {
                "id": first.pk,
                "order": 1,
                "date": "2016-10",
                "date_precision": "month",
                "date_text": "OCTOBER 2016",
                "activity": "Thematic meeting",
                "notes": "Guests: IOM",
                "mandates": [SYMBOL],
                "meeting": meeting.pk,
            },
            {
                "id": second.pk,
                "order": 2,
                "date": "",
                "date_precision": "tbd",
                "date_text": "TBD",
                "activity": "Event",
                "notes": "",
                "mandates": [],
                "meeting": None,
            },
        ],
    }


def test_work_plan_list_counts_the_rows(api):
    plan = WorkPlanFactory()
    CalendarRowFactory.create_batch(2, work_plan=plan)

    body = api.get(WORK_PLANS).json()

    assert [(r["id"], r["row_count"]) for r in body["results"]] == [(plan.pk, 2)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=regular", ["Regular session"]),
        ("year=2017", ["Regular session"]),
        ("status=held", ["Thematic meeting"]),
        (f"mandate={SYMBOL}", ["Thematic meeting"]),
        ("mandate=ag/res 2883 (XLVI-OR/16)", ["Thematic meeting"]),
        ("", ["Regular session", "Thematic meeting", "Working group"]),
    ],
)
def test_meeting_list_filters(api, query, expected):
    thematic = MeetingFactory(title="Thematic meeting", date="2016-11", status="held")
    thematic.mandates.set([Mandate.objects.get(symbol=SYMBOL)])
    MeetingFactory(title="Regular session", kind="regular", date="2017-02-01")
    MeetingFactory(title="Working group", kind="working_group", date="")

    body = api.get(f"{MEETINGS}?{query}").json()

    assert [r["title"] for r in body["results"]] == expected


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("kind=party", "kind", '"party" is not a valid choice.'),
        ("year=16", "year", "“16” is not a year; write one such as 2016."),
        ("status=lost", "status", '"lost" is not a valid choice.'),
        (
            "mandate=nonsense",
            "mandate",
            "“nonsense” does not start with a body and kind, as in AG/RES. or AG/DEC.",
        ),
        (
            "mandate=AG/RES. 1 (I-O/71)",
            "mandate",
            "“AG/RES. 1 (I-O/71)” is not a mandate of the registry.",
        ),
    ],
)
def test_a_bad_filter_answers_400_naming_it(api, query, field, message):
    response = api.get(f"{MEETINGS}?{query}")

    assert response.status_code == 400
    assert response.json() == {"detail": "Invalid input.", "errors": {field: [message]}}


# "²" passes str.isdigit() but not int(); "٢٠١٦" matches \d{4} but no stored date.
@pytest.mark.parametrize("value", ["²", "-1", "1e3", "99999999999999999999", "٢٠١٦"])
def test_a_year_filter_takes_four_ascii_digits_only(api, value):
    MeetingFactory(date="2016-11-03")

    response = api.get(f"{MEETINGS}?{urlencode({'year': value})}")

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "year": [f"“{value}” is not a year; write one such as 2016."]
    }


@pytest.mark.parametrize("value", ["²", "-1", "1e3", "99999999999999999999"])
def test_choice_filters_answer_400_for_a_number(api, value):
    response = api.get(f"{MEETINGS}?{urlencode({'kind': value, 'status': value})}")

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "kind": [f'"{value}" is not a valid choice.'],
        "status": [f'"{value}" is not a valid choice.'],
    }


# Query counts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        # The count and the page, with mandates, participants, documents, entries and
        # recommendations.
        (MEETINGS, 7),
        # The count and the page with its row counts.
        (WORK_PLANS, 2),
    ],
)
def test_lists_run_the_same_queries_for_1_and_3_items(
    api, django_assert_num_queries, address, expected
):
    def add(number: int) -> None:
        for _ in range(number):
            meeting = MeetingFactory(work_plan=WorkPlanFactory(), cycle=CycleFactory())
            meeting.mandates.set(Mandate.objects.all()[:2])
            meeting.participants.set(Actor.objects.all()[:2])
            MeetingDocument.objects.create(meeting=meeting, title="Agenda", url="https://a.org/")
            EntryFactory(report=ReportFactory(status=ActorReport.Status.PUBLISHED), meeting=meeting)
            make_recommendation(addressees=["iin"], meeting=meeting)
            CalendarRowFactory(work_plan=meeting.work_plan, meeting=meeting)

    add(1)
    with django_assert_num_queries(expected):
        api.get(address)
    add(2)
    with django_assert_num_queries(expected):
        body = api.get(address).json()
    assert body["count"] == 3


def test_work_plan_runs_the_same_queries_for_1_and_3_rows(api, django_assert_num_queries):
    # The plan, its rows and their mandates.
    plan = WorkPlanFactory()

    def add(number: int) -> None:
        for _ in range(number):
            CalendarRowFactory(work_plan=plan).mandates.set(Mandate.objects.all()[:2])

    add(1)
    with django_assert_num_queries(3):
        api.get(url(plan))
    add(2)
    with django_assert_num_queries(3):
        body = api.get(url(plan)).json()
    assert len(body["rows"]) == 3


# Writes -----------------------------------------------------------------------------------


def test_secretariat_records_a_meeting(api):
    plan = WorkPlanFactory()
    CycleFactory(slug="2016-2017")
    who = persona("secretariat")

    response = api.as_(who).post(
        MEETINGS,
        {
            "kind": "informal",
            "title": "  Informal meeting with the IACHR  ",
            "date": "2016-10",
            "mandates": [SYMBOL],
            "agenda": ["Findings", "  ", "Next steps"],
            "participants": ["iachr"],
            "work_plan": plan.pk,
            "cycle": "2016-2017",
        },
    )

    body = response.json()
    assert response.status_code == 201, body
    assert (body["title"], body["date_precision"], body["agenda"], body["cycle"]) == (
        "Informal meeting with the IACHR",
        "month",
        ["Findings", "Next steps"],
        "2016-2017",
    )
    meeting = Meeting.objects.get(pk=body["id"])
    assert {(h.history_change_reason, h.history_user) for h in meeting.history.all()} == {
        ("created", who.user)
    }


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        (
            {"kind": "regular", "title": "x", "date": "2016-11-03", "ends": "2016-10"},
            "ends",
            "The end (2016-10) comes before the start (2016-11-03).",
        ),
        (
            {"kind": "regular", "title": "x", "ends": "2016-10"},
            "ends",
            "Give the first day before the last one.",
        ),
        (
            {"kind": "regular", "title": "x", "date": "2016-10-20", "ends": "2016-11"},
            "ends",
            "The start gives the day (2016-10-20) but the end (2016-11) does not: give the "
            "last day too, or leave the end empty for a one-day meeting.",
        ),
        (
            {"kind": "regular", "title": "x", "date": "May"},
            "date",
            "“May” is not a date; write 2016-10-20, 2016-10 or 2016.",
        ),
        ({"kind": "party", "title": "x"}, "kind", '"party" is not a valid choice.'),
        ({"kind": "regular"}, "title", "This field is required."),
        ({"kind": "regular", "title": "  "}, "title", "This field may not be blank."),
        (
            {"kind": "regular", "title": "x", "participants": ["nobody"]},
            "participants",
            "“nobody” is not an actor of the Program.",
        ),
        (
            {"kind": "regular", "title": "x", "mandates": ["AG/RES. 1"]},
            "mandates",
            "“AG/RES. 1” is not a mandate of the registry.",
        ),
        (
            {"kind": "regular", "title": "x", "cycle": "1999"},
            "cycle",
            "“1999” is not a reporting cycle.",
        ),
        (
            {"kind": "regular", "title": "x", "work_plan": 999999},
            "work_plan",
            "“999999” is not a work plan.",
        ),
        (
            {"kind": "regular", "title": "x", "work_plan": "first"},
            "work_plan",
            "“first” is not an id; give a whole number, such as 12.",
        ),
    ],
)
def test_bad_input_answers_400_naming_the_field(api, body, field, message):
    response = secretariat(api).post(MEETINGS, body)

    assert response.status_code == 400
    assert response.json() == {"detail": "Invalid input.", "errors": {field: [message]}}
    assert not Meeting.objects.exists()


def test_patch_refuses_an_end_before_the_saved_start(api, meeting):
    response = secretariat(api).patch(url(meeting), {"ends": "2016-11-01"})

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "ends": ["The end (2016-11-01) comes before the start (2016-11-03)."]
    }
    assert Meeting.objects.get(pk=meeting.pk).ends == ""


def test_patch_changes_only_the_fields_given_and_ignores_unknown_ones(api, meeting):
    meeting.participants.set(Actor.objects.filter(slug="iin"))

    response = secretariat(api).patch(
        url(meeting), {"status": "held", "outcomes": "A course.", "colour": "red", "id": 7}
    )

    body = response.json()
    assert (body["id"], body["status"], body["outcomes"], body["participants"]) == (
        meeting.pk,
        "held",
        "A course.",
        ["iin"],
    )


def test_patch_clears_the_work_plan_and_cycle_with_null(api, meeting):
    meeting.work_plan, meeting.cycle = WorkPlanFactory(), CycleFactory()
    meeting.save()

    body = secretariat(api).patch(url(meeting), {"work_plan": None, "cycle": None}).json()

    assert (body["work_plan"], body["cycle"]) == (None, None)


def test_a_body_that_is_not_json_is_refused(api):
    who = persona("secretariat")

    response = api.client.post(MEETINGS, {"kind": "regular", "title": "x"}, **who.headers())

    assert response.status_code == 415
    assert not Meeting.objects.exists()


def test_rows_keep_to_their_plan(api):
    plan, other = WorkPlanFactory(), WorkPlanFactory()
    CalendarRowFactory(work_plan=other, activity="Someone else's")

    body = api.get(url(plan)).json()

    assert body["rows"] == []
    assert CalendarRow.objects.count() == 1


# The OpenAPI document ---------------------------------------------------------------------


def test_every_route_and_method_is_in_the_openapi_document(api):
    GENERATOR_STATS.reset()

    document = api.get("/api/v1/openapi.json").json()

    documented = {
        (path, method)
        for path, item in document["paths"].items()
        for method in item
        if path.startswith(("/api/v1/meetings/", "/api/v1/work-plans/"))
    }
    assert documented == {
        ("/api/v1/meetings/", "get"),
        ("/api/v1/meetings/", "post"),
        ("/api/v1/meetings/{id}/", "get"),
        ("/api/v1/meetings/{id}/", "patch"),
        ("/api/v1/work-plans/", "get"),
        ("/api/v1/work-plans/{id}/", "get"),
    }
    assert dict(GENERATOR_STATS._warn_cache) == {}
