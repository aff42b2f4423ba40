"""Writing through the API: entries, the review steps and follow-ups, each through its service,
with the revision lock, and input errors that name the field with the project's messages."""

from decimal import Decimal

import pytest

from followup.api.tests.conftest import Api, World, persona
from followup.reporting.models import ActorReport, Entry, PlannedFollowUp, ReviewComment

pytestmark = pytest.mark.django_db

REVISION_MESSAGE = (
    "Give the revision of the report you read (its “revision”), so that no one's work is "
    "overwritten."
)
STALE_MESSAGE = (
    "Someone else saved this report while you were editing it. Your text is kept below; "
    "compare it with the saved version and save again."
)


@pytest.fixture
def iin(api: Api) -> Api:
    return api.as_(persona("iin focal point"))


@pytest.fixture
def secretariat(api: Api) -> Api:
    return api.as_(persona("secretariat"))


def entry_url(world: World) -> str:
    return f"/api/v1/reports/{world.iin_draft.pk}/entries/"


def payload(world: World, **fields) -> dict:
    return {"revision": world.revision(world.iin_draft), "kind": "carried_out", "title": "New"} | (
        fields
    )


def test_create_entry_with_every_field(iin: Api, world: World):
    response = iin.post(
        entry_url(world),
        payload(
            world,
            kind="best_practice",
            title="Online course on migrant children",
            narrative="Second edition, for public officials.",
            language="es",
            starts="2019-07",
            ends="2019-12-15",
            activities=["2016-iin-a"],
            themes=["health", "education"],
            population_groups=["children-adolescents"],
            partners=["iom"],
            countries=["ecu", "PRY", "ECU"],
            figures=[
                {"value": 120, "counts": "officials trained"},
                {"value": "2.5", "counts": "x"},
            ],
            links=[{"url": "https://www.iin.oea.org/", "title": "IIN"}],
        ),
    )

    assert response.status_code == 201, response.content
    body = response.json()
    entry = Entry.objects.get(pk=body["id"])
    assert body["report_revision"] == 2 == world.revision(world.iin_draft)
    assert (body["kind"], body["language"], body["starts"], body["ends"]) == (
        "best_practice",
        "es",
        "2019-07",
        "2019-12-15",
    )
    assert body["themes"] == ["health", "education"]
    assert body["countries"] == ["ECU", "PRY"]
    assert body["figures"] == [
        {"value": 120, "counts": "officials trained"},
        {"value": 2.5, "counts": "x"},
    ]
    assert [(f.value, f.counts) for f in entry.figures.all()] == [
        (Decimal("120.00"), "officials trained"),
        (Decimal("2.50"), "x"),
    ]
    assert list(entry.partners.values_list("slug", flat=True)) == ["iom"]
    assert list(entry.activities.values_list("code", flat=True)) == ["2016-iin-a"]
    assert iin.who is not None
    assert entry.history.first().history_user == iin.who.user  # the token's owner


def test_text_is_stored_and_returned_as_typed(iin: Api, world: World):
    typed = '<script>alert("x")</script> & <b>bold</b>'

    response = iin.post(entry_url(world), payload(world, title=typed, narrative=typed))

    assert (response.json()["title"], response.json()["narrative"]) == (typed, typed)
    assert Entry.objects.get(pk=response.json()["id"]).title == typed


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (
            {"countries": ["XXX"]},
            {
                "countries": [
                    "“XXX” is not an ISO 3166-1 alpha-3 country code (such as MEX or CAN)."
                ]
            },
        ),
        ({"countries": "MEX"}, {"countries": ['Give a list of texts, such as ["MEX"].']}),
        (
            {"figures": [{"value": "seventy", "counts": "people"}]},
            {"figures": ["“seventy” is not a number."]},
        ),
        (
            {"figures": [{"value": 1.234, "counts": "people"}]},
            {"figures": ["1.234 has too many digits (at most 14 before the point, 2 after)."]},
        ),
        (
            {"figures": [{"value": "x" * 100, "counts": "people"}]},
            {"figures": [f"“{'x' * 60}…” is not a number."]},
        ),
        ({"figures": [{"value": 70, "counts": 5}]}, {"figures": ["“5” is not a text."]}),
        (
            {"figures": [{"value": 70}]},
            {"figures": ["Say what 70 counts, such as “professionals trained”."]},
        ),
        (
            {"figures": {"value": 70}},
            {
                "figures": [
                    "Give a list of objects, such as "
                    '[{"value": 70, "counts": "professionals trained"}].'
                ]
            },
        ),
        (
            {"links": [{"url": "javascript:alert(1)"}]},
            {"links": ["“javascript:alert(1)” is not a web address (http:// or https://)."]},
        ),
        (
            {"links": [{"url": "https://www.oas.org/", "title": ["OAS"]}]},
            {"links": ['“["OAS"]” is not a text.']},
        ),
        ({"themes": ["health", "nope"]}, {"themes": ["“nope” is not a theme."]}),
        (
            {"population_groups": ["nope"]},
            {"population_groups": ["“nope” is not a population group."]},
        ),
        (
            {"activities": ["2005-cim-a", "made-up"]},
            {
                "activities": [
                    "“2005-cim-a” is not an activity of this cycle's Program version.",
                    "“made-up” is not an activity of this cycle's Program version.",
                ]
            },
        ),
        ({"partners": ["iin"]}, {"partners": ["The reporting actor cannot be its own partner."]}),
        ({"partners": ["nobody"]}, {"partners": ["“nobody” is not an actor of the Program."]}),
        (
            {"starts": "20-10-2016"},
            {"starts": ["“20-10-2016” is not a date; write 2016-10-20, 2016-10 or 2016."]},
        ),
        ({"starts": "2016-13"}, {"starts": ["There is no month 13; months go from 01 to 12."]}),
        (
            {"starts": "2019-07", "ends": "2018"},
            {"ends": ["The end (2018) comes before the start (2019-07)."]},
        ),
        ({"kind": "rumour"}, {"kind": ['"rumour" is not a valid choice.']}),
        ({"title": "   "}, {"title": ["This field may not be blank."]}),
        ({"title": "a\x00b"}, {"title": ["Null characters are not allowed."]}),
        ({"revision": None}, {"revision": [REVISION_MESSAGE]}),
    ],
)
def test_create_entry_names_the_field_in_error(iin: Api, world: World, fields, errors):
    response = iin.post(entry_url(world), payload(world, **fields))

    assert response.status_code == 400
    assert response.json() == {"detail": "Invalid input.", "errors": errors}
    assert world.iin_draft.entries.count() == 1


def test_create_entry_requires_the_revision(iin: Api, world: World):
    body = payload(world)
    del body["revision"]

    response = iin.post(entry_url(world), body)

    assert response.status_code == 400
    assert response.json()["errors"] == {"revision": [REVISION_MESSAGE]}


def test_create_entry_with_a_stale_revision_is_a_conflict(iin: Api, world: World):
    stale = payload(world)
    iin.post(entry_url(world), payload(world))

    response = iin.post(entry_url(world), stale)

    assert response.status_code == 409
    assert response.json() == {"detail": STALE_MESSAGE, "current_revision": 2}
    assert world.iin_draft.entries.count() == 2


def test_create_entry_refuses_a_body_that_is_not_json(iin: Api, world: World):
    assert iin.who is not None
    form = {"revision": "1", "kind": "carried_out", "title": "x"}

    response = iin.client.post(entry_url(world), form, **iin.who.headers())  # multipart

    assert response.status_code == 415
    assert response.json() == {
        "detail": 'Unsupported media type "multipart/form-data; boundary=BoUnDaRyStRiNg" '
        "in request."
    }


def test_patch_changes_only_the_fields_given(iin: Api, world: World):
    response = iin.patch(
        f"/api/v1/entries/{world.iin_entry.pk}/",
        {"revision": world.iin_draft.revision, "title": "Changed", "countries": ["mex"]},
    )

    assert response.status_code == 200, response.content
    world.iin_entry.refresh_from_db()
    assert (world.iin_entry.title, world.iin_entry.narrative) == (
        "Changed",
        "Officials from twelve countries took the online course.",
    )
    assert response.json()["countries"] == ["MEX"]
    assert response.json()["report_revision"] == 2


def test_patch_checks_the_date_range_against_the_saved_start(iin: Api, world: World):
    world.iin_entry.starts = "2019-07"
    world.iin_entry.save()

    response = iin.patch(
        f"/api/v1/entries/{world.iin_entry.pk}/",
        {"revision": world.iin_draft.revision, "ends": "2019-06"},
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "ends": ["The end (2019-06) comes before the start (2019-07)."]
    }


def test_patch_requires_the_revision(iin: Api, world: World):
    response = iin.patch(f"/api/v1/entries/{world.iin_entry.pk}/", {"title": "Changed"})

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Invalid input.",
        "errors": {"revision": [REVISION_MESSAGE]},
    }


def test_patch_with_a_stale_revision_is_a_conflict(iin: Api, world: World):
    iin.patch(f"/api/v1/entries/{world.iin_entry.pk}/", {"revision": 1, "title": "First"})

    response = iin.patch(f"/api/v1/entries/{world.iin_entry.pk}/", {"revision": 1, "title": "2"})

    assert (response.status_code, response.json()) == (
        409,
        {"detail": STALE_MESSAGE, "current_revision": 2},
    )
    world.iin_entry.refresh_from_db()
    assert world.iin_entry.title == "First"


def test_delete_hides_the_entry_until_restored(iin: Api, world: World):
    response = iin.delete(f"/api/v1/entries/{world.iin_entry.pk}/?revision=1")

    assert response.status_code == 204
    world.iin_entry.refresh_from_db()
    assert world.iin_entry.deleted_at is not None
    assert iin.get(f"/api/v1/entries/{world.iin_entry.pk}/").status_code == 404
    assert world.revision(world.iin_draft) == 2


def test_delete_takes_the_revision_from_a_body_too(iin: Api, world: World):
    response = iin.call("DELETE", f"/api/v1/entries/{world.iin_entry.pk}/", {"revision": 1})

    assert response.status_code == 204


@pytest.mark.parametrize(
    ("query", "status", "body"),
    [
        ("", 400, {"detail": "Invalid input.", "errors": {"revision": [REVISION_MESSAGE]}}),
        ("?revision=7", 409, {"detail": STALE_MESSAGE, "current_revision": 1}),
        (
            "?revision=two",
            400,
            {"detail": "Invalid input.", "errors": {"revision": ["A valid integer is required."]}},
        ),
    ],
)
def test_delete_needs_the_current_revision(iin: Api, world: World, query, status, body):
    response = iin.delete(f"/api/v1/entries/{world.iin_entry.pk}/{query}")

    assert (response.status_code, response.json()) == (status, body)
    world.iin_entry.refresh_from_db()
    assert world.iin_entry.deleted_at is None


def test_submit_sends_the_report_for_review(iin: Api, world: World):
    response = iin.post(f"/api/v1/reports/{world.iin_draft.pk}/submit/", {"revision": 1})

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["revision"]) == ("submitted", 2)
    world.iin_draft.refresh_from_db()
    assert world.iin_draft.submitted_at is not None


def test_submit_passes_on_the_rule_that_refused_it(iin: Api, world: World):
    world.iin_entry.delete()

    response = iin.post(f"/api/v1/reports/{world.iin_draft.pk}/submit/", {"revision": 1})

    assert (response.status_code, response.json()) == (
        400,
        {"detail": "Add at least one entry before submitting the report."},
    )


def test_submit_with_a_stale_revision_is_a_conflict(iin: Api, world: World):
    response = iin.post(f"/api/v1/reports/{world.iin_draft.pk}/submit/", {"revision": 3})

    assert (response.status_code, response.json()["current_revision"]) == (409, 1)
    assert ActorReport.objects.get(pk=world.iin_draft.pk).status == ActorReport.Status.DRAFT


def test_return_sends_the_report_back_with_the_comment(api: Api, world: World):
    reviewer = api.as_(persona("reviewer"))

    response = reviewer.post(
        f"/api/v1/reports/{world.cim_submitted.pk}/return/", {"comment": "Add the figures."}
    )

    assert response.status_code == 200
    assert response.json()["status"] == "returned"
    assert [c["text"] for c in response.json()["comments"]] == ["Add the figures."]
    assert ReviewComment.objects.filter(report=world.cim_submitted).count() == 1


@pytest.mark.parametrize(
    ("body", "status", "answer"),
    [
        ({"comment": "  "}, 400, {"detail": "Say what needs to change when returning a report."}),
        ({}, 400, {"detail": "Invalid input.", "errors": {"comment": ["This field is required."]}}),
    ],
)
def test_return_needs_a_comment(api: Api, world: World, body, status, answer):
    reviewer = api.as_(persona("reviewer"))

    response = reviewer.post(f"/api/v1/reports/{world.cim_submitted.pk}/return/", body)

    assert (response.status_code, response.json()) == (status, answer)


def test_accept_then_publish(secretariat: Api, world: World):
    accepted = secretariat.post(f"/api/v1/reports/{world.cim_submitted.pk}/accept/")
    published = secretariat.post(f"/api/v1/reports/{world.cim_submitted.pk}/publish/")

    assert (accepted.status_code, accepted.json()["status"]) == (200, "accepted")
    assert (published.status_code, published.json()["status"]) == (200, "published")
    assert published.json()["published_at"] is not None


def test_accept_refuses_a_report_that_is_not_submitted(secretariat: Api, world: World):
    response = secretariat.post(f"/api/v1/reports/{world.iin_draft.pk}/accept/")

    assert (response.status_code, response.json()) == (
        403,
        {"detail": "Only the secretariat can accept a report, once submitted."},
    )


def test_followup_records_what_became_of_the_plan(iin: Api, world: World):
    response = iin.patch(
        f"/api/v1/followups/{world.followup.pk}/",
        {"revision": 1, "outcome": "partly", "reason": "Half the judges came."},
    )

    assert response.status_code == 200, response.content
    assert response.json() == {
        "id": world.followup.pk,
        "planned": world.iin_planned.pk,
        "planned_title": "Regional course for judges",
        "outcome": "partly",
        "reason": "Half the judges came.",
        "report_revision": 2,
    }


@pytest.mark.parametrize(
    ("body", "status", "answer"),
    [
        (
            {"revision": 1, "outcome": "not_done"},
            400,
            {"detail": "Give the reason when a planned activity was not fully done."},
        ),
        (
            {"revision": 1, "outcome": "pending"},
            400,
            {"detail": "Say whether it was done, partly done, not done or dropped."},
        ),
        (
            {"revision": 1, "outcome": "maybe"},
            400,
            {"detail": "Invalid input.", "errors": {"outcome": ['"maybe" is not a valid choice.']}},
        ),
        (
            {"outcome": "done"},
            400,
            {"detail": "Invalid input.", "errors": {"revision": [REVISION_MESSAGE]}},
        ),
        ({"revision": 5, "outcome": "done"}, 409, {"detail": STALE_MESSAGE, "current_revision": 1}),
    ],
)
def test_followup_refusals(iin: Api, world: World, body, status, answer):
    response = iin.patch(f"/api/v1/followups/{world.followup.pk}/", body)

    assert (response.status_code, response.json()) == (status, answer)
    assert world.followup.outcome == PlannedFollowUp.Outcome.DONE


def test_a_malformed_json_body_is_a_bad_request(iin: Api, world: World):
    assert iin.who is not None

    response = iin.client.post(
        entry_url(world), data="{", content_type="application/json", **iin.who.headers()
    )

    assert response.status_code == 400
    assert list(response.json()) == ["detail"]
    assert response.json()["detail"].startswith("JSON parse error")
