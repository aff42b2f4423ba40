"""Who may do what with follow-up: the rules of permissions.py, then every workspace page and
action × every persona, on an IIN draft with a document that could leak, a submitted and a
published IIN follow-up, and one returned to the IIN in a cycle that has closed since.

Expected: anonymous visitors are sent to sign in; the CIM focal point and the reviewer get 404
for what they may not see (a draft's existence is not revealed) and 403 for what they see but
may not change; the IIN focal point writes its own follow-up while it is in its hands; the
secretariat does everything, except steps that need another state (403 for everyone).
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from followup.program.models import Actor
from followup.recommendations import permissions, services
from followup.recommendations.tests.factories import (
    PERSONAS,
    make_cycle,
    make_follow_up,
    make_recommendation,
    make_source,
)
from followup.reporting.tests.factories import secretariat_user

pytestmark = pytest.mark.django_db

SECRET = "Confidential draft answer of the IIN"


@pytest.fixture
def world():
    cycle = make_cycle("2030–2031", datetime.date(2030, 1, 1))
    source = make_source()
    recommendation = make_recommendation(source, number=1, addressees=["iin"])
    unanswered = make_recommendation(source, number=2, addressees=["iin"])
    draft = make_follow_up(
        recommendation, "iin", cycle, level_code="partial", status="draft", narrative=SECRET
    )
    attachment = services.add_attachment(
        draft, SimpleUploadedFile("plan.txt", SECRET.encode()), by=secretariat_user()
    )
    draft.refresh_from_db()
    other = make_recommendation(source, number=3, addressees=["iin"])
    submitted = make_follow_up(other, "iin", cycle, status="submitted", narrative="Sent.")
    third = make_recommendation(source, number=4, addressees=["iin"])
    public = make_follow_up(third, "iin", cycle, status="published", narrative="Public.")
    closed_cycle = make_cycle("2019–2020", datetime.date(2019, 1, 1), status="closed")
    late = make_follow_up(recommendation, "iin", closed_cycle, status="returned", narrative=SECRET)
    return {
        "cycle": cycle,
        "source": source,
        "recommendation": recommendation,
        "unanswered": unanswered,
        "draft": draft,
        "attachment": attachment,
        "submitted": submitted,
        "published": public,
        "closed": late,
        "iin": Actor.objects.get(slug="iin"),
    }


# (method, url name, target) → expected status per persona, in PERSONAS order:
# anonymous, addressee focal point (IIN), other focal point (CIM), reviewer, secretariat.
CASES = [
    ("get", "answer_list", None, [302, 200, 200, 200, 200]),
    ("post", "follow_up_open", None, [302, 302, 403, 403, 302]),
    ("get", "follow_up_page", "draft", [302, 200, 404, 404, 200]),
    ("post", "follow_up_page", "draft", [302, 302, 404, 404, 302]),
    ("get", "follow_up_page", "submitted", [302, 200, 404, 404, 200]),
    ("post", "follow_up_page", "submitted", [302, 403, 404, 404, 302]),
    ("get", "follow_up_page", "published", [302, 200, 200, 200, 200]),
    ("post", "follow_up_page", "published", [302, 403, 403, 403, 302]),
    # Returned in a cycle that has closed since: only the secretariat still writes in it.
    ("get", "follow_up_page", "closed", [302, 200, 404, 404, 200]),
    ("post", "follow_up_page", "closed", [302, 403, 404, 404, 302]),
    ("post", "follow_up_attach", "closed", [302, 403, 404, 404, 302]),
    ("post", "follow_up_attach", "draft", [302, 302, 404, 404, 302]),
    ("post", "follow_up_attach", "submitted", [302, 403, 404, 404, 302]),
    ("get", "follow_up_file", "attachment", [302, 200, 404, 404, 200]),
    ("post", "follow_up_file_remove", "attachment", [302, 302, 404, 404, 302]),
    ("get", "review_queue", None, [302, 403, 403, 403, 200]),
    ("post", "follow_up_return", "submitted", [302, 403, 404, 404, 302]),
    # A draft has not been submitted, so no one can return it.
    ("post", "follow_up_return", "draft", [302, 403, 404, 404, 403]),
    ("post", "follow_up_publish", "submitted", [302, 403, 404, 404, 302]),
    ("post", "follow_up_publish", "published", [302, 403, 403, 403, 403]),
    ("post", "follow_up_unpublish", "published", [302, 403, 403, 403, 302]),
    ("post", "follow_up_unpublish", "draft", [302, 403, 404, 404, 403]),
    ("get", "source_manage_list", None, [302, 403, 403, 403, 200]),
    ("get", "source_create", None, [302, 403, 403, 403, 200]),
    ("post", "source_create", None, [302, 403, 403, 403, 302]),
    ("get", "source_edit", "source", [302, 403, 403, 403, 200]),
    ("post", "source_edit", "source", [302, 403, 403, 403, 302]),
    ("get", "recommendation_create", None, [302, 403, 403, 403, 200]),
    ("post", "recommendation_create", None, [302, 403, 403, 403, 302]),
    ("get", "recommendation_edit", "recommendation", [302, 403, 403, 403, 200]),
    ("post", "recommendation_edit", "recommendation", [302, 403, 403, 403, 302]),
]


def posted(world, target) -> dict:
    """Data every form accepts, so that the status says who may, not whether the data was
    right."""
    follow_up = (
        world.get(target) if target in ("draft", "submitted", "published", "closed") else None
    )
    return {
        "revision": follow_up.revision if follow_up else world["draft"].revision,
        "narrative": "An answer.",
        "comment": "Add the decree.",
        "reason": "Outdated.",
        "recommendation": world["unanswered"].pk,
        "addressee": world["iin"].pk,
        "cycle": world["cycle"].pk,
        "kind": "report",
        "title": "Annual report of the IACHR",
        "language": "en",
        "source": world["source"].pk,
        "text": "Guarantee access to asylum.",
        "all_member_states": "on",
    }


@pytest.mark.parametrize(
    ("method", "name", "target", "statuses"), CASES, ids=[f"{c[1]}-{c[2]}" for c in CASES]
)
@pytest.mark.parametrize("persona", list(PERSONAS))
def test_page_permission_matrix(client, world, persona, method, name, target, statuses):
    if persona != "anonymous":
        client.force_login(PERSONAS[persona]())
    args = [world[target].pk] if target else []

    response = getattr(client, method)(
        reverse(f"recommendations:{name}", args=args), posted(world, target)
    )
    response.close()  # a file download stays open until closed

    assert response.status_code == statuses[list(PERSONAS).index(persona)]
    if response.status_code in (403, 404) or persona == "anonymous":
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert SECRET not in body.decode(errors="replace")


def test_every_workspace_route_is_in_the_matrix():
    from followup.recommendations import urls_workspace

    assert {pattern.name for pattern in urls_workspace.urlpatterns} == {case[1] for case in CASES}


# The rules themselves ------------------------------------------------------------------------


@pytest.fixture
def users():
    return {name: make() for name, make in PERSONAS.items()}


def test_follow_ups_visible_to_each_persona(world, users):
    visible = {
        name: set(permissions.follow_ups_visible_to(user).values_list("status", flat=True))
        for name, user in users.items()
    }

    assert visible == {
        "anonymous": {"published"},
        "addressee focal point": {"draft", "submitted", "returned", "published"},
        "other focal point": {"published"},
        "reviewer": {"published"},
        "secretariat": {"draft", "submitted", "returned", "published"},
    }


def test_answering_actors_are_the_focal_points_own(users):
    answering = {
        name: set(permissions.answering_actors(user).values_list("slug", flat=True))
        for name, user in users.items()
        if name != "secretariat"
    }

    assert answering == {
        "anonymous": set(),
        "addressee focal point": {"iin"},
        "other focal point": {"cim"},
        "reviewer": set(),
    }
    assert permissions.answering_actors(users["secretariat"]).count() == Actor.objects.count()


def test_only_the_addressees_focal_point_opens_and_only_where_addressed(world, users):
    iin, cim = world["iin"], Actor.objects.get(slug="cim")
    for_cim = make_recommendation(addressees=["cim"])

    allowed = {
        name: permissions.can_open_follow_up(user, world["unanswered"], iin)
        for name, user in users.items()
    }

    assert allowed == {
        "anonymous": False,
        "addressee focal point": True,
        "other focal point": False,
        "reviewer": False,
        "secretariat": True,
    }
    assert permissions.can_open_follow_up(users["addressee focal point"], for_cim, iin) is False
    assert permissions.can_open_follow_up(users["other focal point"], for_cim, cim) is True


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("draft", {"edit": True, "submit": True, "return": False, "publish": False}),
        ("submitted", {"edit": False, "submit": False, "return": False, "publish": False}),
        ("published", {"edit": False, "submit": False, "return": False, "publish": False}),
    ],
)
def test_the_addressees_focal_point_acts_while_it_is_in_their_hands(world, users, target, expected):
    user, follow_up = users["addressee focal point"], world[target]

    assert {
        "edit": permissions.can_edit_follow_up(user, follow_up),
        "submit": permissions.can_submit_follow_up(user, follow_up),
        "return": permissions.can_return_follow_up(user, follow_up),
        "publish": permissions.can_publish_follow_up(user, follow_up),
    } == expected


@pytest.mark.parametrize("status", ["draft", "returned"])
def test_only_the_secretariat_edits_and_submits_once_the_cycle_closed(world, users, status):
    closed = world["closed"].cycle
    follow_up = make_follow_up(world["unanswered"], "iin", closed, status=status, narrative="Late.")

    allowed = {
        name: (
            permissions.can_edit_follow_up(user, follow_up),
            permissions.can_submit_follow_up(user, follow_up),
        )
        for name, user in users.items()
    }

    assert allowed == {
        "anonymous": (False, False),
        "addressee focal point": (False, False),
        "other focal point": (False, False),
        "reviewer": (False, False),
        "secretariat": (True, True),
    }


def test_history_is_for_the_addressee_and_the_secretariat(world, users):
    readers = {
        name: permissions.can_read_history(user, world["published"]) for name, user in users.items()
    }

    assert readers == {
        "anonymous": False,
        "addressee focal point": True,
        "other focal point": False,
        "reviewer": False,
        "secretariat": True,
    }


def test_the_secretariat_reviews_by_state(world, users):
    user = users["secretariat"]

    assert [
        (
            permissions.can_return_follow_up(user, world[target]),
            permissions.can_publish_follow_up(user, world[target]),
            permissions.can_unpublish_follow_up(user, world[target]),
        )
        for target in ("draft", "submitted", "published")
    ] == [(False, True, False), (True, True, False), (False, False, True)]


def test_comments_are_for_the_addressee_and_the_secretariat(world, users):
    readers = {
        name: permissions.can_read_comments(user, world["draft"]) for name, user in users.items()
    }

    assert readers == {
        "anonymous": False,
        "addressee focal point": True,
        "other focal point": False,
        "reviewer": False,
        "secretariat": True,
    }


def test_cycles_for_answers_are_open_ones_except_for_the_secretariat(world, users):
    closed = make_cycle("2020–2021", datetime.date(2020, 1, 1), status="closed")

    assert list(permissions.cycles_for_answers(users["addressee focal point"])) == [world["cycle"]]
    assert set(permissions.cycles_for_answers(users["secretariat"])) == {
        world["cycle"],
        world["closed"].cycle,
        closed,
    }
    assert permissions.can_answer_in_cycle(users["addressee focal point"], closed) is False
    assert permissions.can_answer_in_cycle(users["secretariat"], closed) is True


def test_scales_and_the_review_queue_are_the_secretariats(users):
    assert {name: permissions.can_manage_scales(user) for name, user in users.items()} == {
        "anonymous": False,
        "addressee focal point": False,
        "other focal point": False,
        "reviewer": False,
        "secretariat": True,
    }
    assert [name for name, user in users.items() if permissions.can_review_follow_ups(user)] == [
        "secretariat"
    ]
