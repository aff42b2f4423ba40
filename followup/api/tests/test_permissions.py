"""Who may do what through the API: every persona against every endpoint and method.

The rules are the pages' (reporting.permissions): a report or entry a persona may not see
answers 404 exactly like a missing one; an action refused on a report they can see answers
403; a write without credentials answers 401.
"""

from collections.abc import Callable
from typing import Any

import pytest

from followup.api.tests.conftest import PERSONAS, Api, World, persona

pytestmark = pytest.mark.django_db

ANON, IIN, CIM, REVIEWER, SECRETARIAT = PERSONAS

Request = tuple[str, Callable[[World], str], Callable[[World], Any]]


def no_body(world: World) -> None:
    return None


# name: (method, URL, body)
REQUESTS: dict[str, Request] = {
    "index": ("GET", lambda w: "/api/v1/", no_body),
    "openapi": ("GET", lambda w: "/api/v1/openapi.json", no_body),
    "versions": ("GET", lambda w: "/api/v1/program/versions/", no_body),
    "version": ("GET", lambda w: "/api/v1/program/versions/2016/", no_body),
    "actors": ("GET", lambda w: "/api/v1/program/actors/", no_body),
    "actor": ("GET", lambda w: "/api/v1/program/actors/iin/", no_body),
    "mandates": ("GET", lambda w: "/api/v1/program/mandates/", no_body),
    "mandate": ("GET", lambda w: "/api/v1/program/mandates/ag-res-2883-xlvi-o-16/", no_body),
    "activities": ("GET", lambda w: "/api/v1/program/activities/", no_body),
    "themes": ("GET", lambda w: "/api/v1/program/themes/", no_body),
    "population groups": ("GET", lambda w: "/api/v1/program/population-groups/", no_body),
    "cycles": ("GET", lambda w: "/api/v1/cycles/", no_body),
    "cycle": ("GET", lambda w: f"/api/v1/cycles/{w.iin_draft.cycle.slug}/", no_body),
    "reports": ("GET", lambda w: "/api/v1/reports/", no_body),
    "entries": ("GET", lambda w: "/api/v1/entries/", no_body),
    "iin draft": ("GET", lambda w: f"/api/v1/reports/{w.iin_draft.pk}/", no_body),
    "cim submitted": ("GET", lambda w: f"/api/v1/reports/{w.cim_submitted.pk}/", no_body),
    "cim accepted": ("GET", lambda w: f"/api/v1/reports/{w.cim_accepted.pk}/", no_body),
    "cim published": ("GET", lambda w: f"/api/v1/reports/{w.cim_published.pk}/", no_body),
    "iin draft entry": ("GET", lambda w: f"/api/v1/entries/{w.iin_entry.pk}/", no_body),
    "cim submitted entry": (
        "GET",
        lambda w: f"/api/v1/entries/{w.cim_submitted_entry.pk}/",
        no_body,
    ),
    "cim published entry": (
        "GET",
        lambda w: f"/api/v1/entries/{w.cim_published_entry.pk}/",
        no_body,
    ),
    "add entry to iin draft": (
        "POST",
        lambda w: f"/api/v1/reports/{w.iin_draft.pk}/entries/",
        lambda w: {"revision": w.iin_draft.revision, "kind": "carried_out", "title": "New"},
    ),
    "add entry to cim submitted": (
        "POST",
        lambda w: f"/api/v1/reports/{w.cim_submitted.pk}/entries/",
        lambda w: {"revision": w.cim_submitted.revision, "kind": "carried_out", "title": "New"},
    ),
    "change iin draft entry": (
        "PATCH",
        lambda w: f"/api/v1/entries/{w.iin_entry.pk}/",
        lambda w: {"revision": w.iin_draft.revision, "title": "Changed"},
    ),
    "change cim published entry": (
        "PATCH",
        lambda w: f"/api/v1/entries/{w.cim_published_entry.pk}/",
        lambda w: {"revision": w.cim_published.revision, "title": "Changed"},
    ),
    "delete iin draft entry": (
        "DELETE",
        lambda w: f"/api/v1/entries/{w.iin_entry.pk}/?revision={w.iin_draft.revision}",
        no_body,
    ),
    "submit iin draft": (
        "POST",
        lambda w: f"/api/v1/reports/{w.iin_draft.pk}/submit/",
        lambda w: {"revision": w.iin_draft.revision},
    ),
    "return cim submitted": (
        "POST",
        lambda w: f"/api/v1/reports/{w.cim_submitted.pk}/return/",
        lambda w: {"comment": "Add the figures."},
    ),
    "accept cim submitted": (
        "POST",
        lambda w: f"/api/v1/reports/{w.cim_submitted.pk}/accept/",
        no_body,
    ),
    "publish cim accepted": (
        "POST",
        lambda w: f"/api/v1/reports/{w.cim_accepted.pk}/publish/",
        no_body,
    ),
    "answer iin follow-up": (
        "PATCH",
        lambda w: f"/api/v1/followups/{w.followup.pk}/",
        lambda w: {"revision": w.iin_draft.revision, "outcome": "done"},
    ),
}

# name: expected status for (anonymous, IIN focal point, CIM focal point, reviewer, secretariat)
EXPECTED: dict[str, tuple[int, int, int, int, int]] = {
    **{
        name: (200, 200, 200, 200, 200)
        for name in [
            "index",
            "openapi",
            "versions",
            "version",
            "actors",
            "actor",
            "mandates",
            "mandate",
            "activities",
            "themes",
            "population groups",
            "cycles",
            "cycle",
            "reports",
            "entries",
            "cim published",
            "cim published entry",
        ]
    },
    "iin draft": (404, 200, 404, 404, 200),
    "cim submitted": (404, 404, 200, 200, 200),
    "cim accepted": (404, 404, 200, 200, 200),
    "iin draft entry": (404, 200, 404, 404, 200),
    "cim submitted entry": (404, 404, 200, 200, 200),
    "add entry to iin draft": (401, 201, 404, 404, 201),
    "add entry to cim submitted": (401, 404, 403, 403, 403),
    "change iin draft entry": (401, 200, 404, 404, 200),
    "change cim published entry": (401, 403, 403, 403, 403),
    "delete iin draft entry": (401, 204, 404, 404, 204),
    "submit iin draft": (401, 200, 404, 404, 200),
    "return cim submitted": (401, 404, 403, 200, 200),
    "accept cim submitted": (401, 404, 403, 403, 200),
    "publish cim accepted": (401, 404, 403, 403, 200),
    "answer iin follow-up": (401, 200, 404, 404, 200),
}


def test_the_matrix_covers_every_request():
    assert sorted(EXPECTED) == sorted(REQUESTS)


@pytest.mark.parametrize("who", PERSONAS)
@pytest.mark.parametrize("name", sorted(REQUESTS))
def test_permission_matrix(api: Api, world: World, who: str, name: str):
    method, url, body = REQUESTS[name]
    caller = api.as_(persona(who))

    response = caller.call(method, url(world), body(world))

    assert response.status_code == EXPECTED[name][PERSONAS.index(who)], response.content


MISSING = 10**9


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/api/v1/reports/{report}/", None),
        ("GET", "/api/v1/entries/{entry}/", None),
        ("POST", "/api/v1/reports/{report}/entries/", {"kind": "carried_out", "title": "New"}),
        ("PATCH", "/api/v1/entries/{entry}/", {"title": "Changed"}),
        ("DELETE", "/api/v1/entries/{entry}/", None),
        ("POST", "/api/v1/reports/{report}/submit/", {}),
        ("PATCH", "/api/v1/followups/{followup}/", {"outcome": "done"}),
    ],
)
def test_the_cim_focal_point_gets_404_for_the_iin_draft_like_for_a_missing_one(
    api: Api, world: World, method: str, path: str, body: Any
):
    cim = api.as_(persona(CIM))
    if body is not None:
        body = {**body, "revision": world.iin_draft.revision}
    ids = {"report": world.iin_draft.pk, "entry": world.iin_entry.pk, "followup": world.followup.pk}

    hidden = cim.call(method, path.format(**ids), body)
    missing = cim.call(method, path.format(**dict.fromkeys(ids, MISSING)), body)

    assert (hidden.status_code, hidden.json()) == (404, {"detail": "Not found."})
    assert (missing.status_code, missing.json()) == (404, {"detail": "Not found."})


def test_anonymous_writes_ask_for_credentials(api: Api, world: World):
    response = api.post(f"/api/v1/reports/{world.iin_draft.pk}/submit/", {"revision": 1})

    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication credentials were not provided."}
    assert response["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("accept cim submitted", "Only the secretariat can accept a report, once submitted."),
        ("publish cim accepted", "Only the secretariat can publish a report, once accepted."),
    ],
)
def test_a_reviewer_can_return_but_not_accept_or_publish(
    api: Api, world: World, name: str, message: str
):
    method, url, body = REQUESTS[name]
    reviewer = api.as_(persona(REVIEWER))

    response = reviewer.call(method, url(world), body(world))

    assert (response.status_code, response.json()) == (403, {"detail": message})


def test_a_focal_point_cannot_change_a_report_under_review(api: Api, world: World):
    method, url, body = REQUESTS["add entry to cim submitted"]

    response = api.as_(persona(CIM)).call(method, url(world), body(world))

    assert response.status_code == 403
    assert response.json() == {
        "detail": "Only the report's focal points and the secretariat can change it, and only "
        "while it is a draft or returned in an open cycle."
    }


@pytest.mark.parametrize(
    ("who", "visible"),
    [
        (ANON, {"iin previous", "cim published"}),
        (IIN, {"iin previous", "iin draft", "cim published"}),
        (CIM, {"iin previous", "cim submitted", "cim accepted", "cim published"}),
        (REVIEWER, {"iin previous", "cim submitted", "cim accepted", "cim published"}),
        (
            SECRETARIAT,
            {"iin previous", "iin draft", "cim submitted", "cim accepted", "cim published"},
        ),
    ],
)
def test_the_report_list_holds_what_each_persona_may_see(
    api: Api, world: World, who: str, visible: set[str]
):
    names = {
        world.iin_previous.pk: "iin previous",
        world.iin_draft.pk: "iin draft",
        world.cim_submitted.pk: "cim submitted",
        world.cim_accepted.pk: "cim accepted",
        world.cim_published.pk: "cim published",
    }

    listed = api.as_(persona(who)).get("/api/v1/reports/").json()["results"]

    assert {names[report["id"]] for report in listed} == visible


@pytest.mark.parametrize(
    ("who", "visible"),
    [
        (ANON, {"Regional course for judges", "CIM published entry"}),
        (IIN, {"Regional course for judges", "IIN draft entry", "CIM published entry"}),
        (CIM, {"Regional course for judges", "CIM submitted entry", "CIM published entry"}),
        (REVIEWER, {"Regional course for judges", "CIM submitted entry", "CIM published entry"}),
        (
            SECRETARIAT,
            {
                "Regional course for judges",
                "IIN draft entry",
                "CIM submitted entry",
                "CIM published entry",
            },
        ),
    ],
)
def test_the_entry_list_holds_what_each_persona_may_see(
    api: Api, world: World, who: str, visible: set[str]
):
    listed = api.as_(persona(who)).get("/api/v1/entries/").json()["results"]

    assert {entry["title"] for entry in listed} == visible


@pytest.mark.parametrize(
    ("who", "sees_comments"),
    [(ANON, False), (IIN, False), (CIM, True), (REVIEWER, True), (SECRETARIAT, True)],
)
def test_review_comments_are_for_those_who_see_unpublished_reports(
    api: Api, world: World, who: str, sees_comments: bool
):
    response = api.as_(persona(who)).get(f"/api/v1/reports/{world.cim_published.pk}/")

    comments = response.json()["comments"]
    if sees_comments:
        assert [(c["text"], c["author"]) for c in comments] == [
            ("Add the figures, please.", world.comment.author.username)
        ]
    else:
        assert comments is None
