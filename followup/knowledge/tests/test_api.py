"""The knowledge base in the JSON API: what each persona reads and may write, filters, input
errors with the exact messages, the revision lock, and query counts."""

import pytest
from django.core.cache import cache

from followup.api.tests.conftest import Api, persona
from followup.knowledge.models import Resource
from followup.knowledge.tests.factories import ResourceFactory, published, with_countries
from followup.program.models import Actor, PopulationGroup, Theme

pytestmark = pytest.mark.django_db

LIST = "/api/v1/resources/"
SECRET = "Confidential draft of the IIN"
PERSONAS = ["anonymous", "iin focal point", "cim focal point", "reviewer", "secretariat"]


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
def draft() -> Resource:
    return ResourceFactory.create(title=SECRET)


def url(resource: Resource, action: str = "") -> str:
    return f"{LIST}{resource.pk}/{action + '/' if action else ''}"


# The matrix -------------------------------------------------------------------------------

CASES = [
    ("get", "list", None, [200, 200, 200, 200, 200]),
    ("get", "detail", None, [404, 200, 404, 404, 200]),
    ("post", "list", {"kind": "practice", "title": "New"}, [401, 201, 201, 403, 201]),
    ("patch", "detail", {"revision": 1, "title": "Changed"}, [401, 200, 404, 404, 200]),
    ("post", "submit", {"revision": 1}, [401, 200, 404, 404, 200]),
    ("post", "publish", {}, [401, 403, 404, 404, 200]),
]


@pytest.mark.parametrize(
    ("method", "target", "body", "statuses"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
@pytest.mark.parametrize("who", PERSONAS)
def test_api_permission_matrix(api, draft, who, method, target, body, statuses):
    address = LIST if target == "list" else url(draft, "" if target == "detail" else target)
    caller = api.as_(persona(who))

    response = caller.call(method.upper(), address, body)

    assert response.status_code == statuses[PERSONAS.index(who)]
    if who in ("anonymous", "cim focal point", "reviewer"):
        assert SECRET not in response.content.decode()


def test_every_route_is_in_the_matrix():
    from followup.knowledge.api import urlpatterns

    assert {p.name for p in urlpatterns} == {
        "resource_list",
        "resource_detail",
        "resource_submit",
        "resource_publish",
    }


# Reads ------------------------------------------------------------------------------------


def test_resource_as_read(api):
    law = with_countries(
        published(
            kind=Resource.Kind.LEGISLATION,
            title="Ley de Migración",
            language="es",
            date="2011-05-25",
            instrument_type="law",
            legal_status="in_force",
            official_reference="DOF 25-05-2011",
            url="https://example.org/ley",
        ),
        "MEX",
    )
    law.themes.set([Theme.objects.get(slug="legislation-policy")])
    law.actors.set([Actor.objects.get(slug="iom")])

    body = api.get(url(law)).json()

    assert {key: body[key] for key in body if key not in {"created_at", "updated_at"}} == {
        "api_url": f"http://testserver{url(law)}",
        "page_url": f"http://testserver/en/knowledge/{law.pk}/",
        "id": law.pk,
        "kind": "legislation",
        "title": "Ley de Migración",
        "summary": "Municipal shelters share one intake protocol.",
        "language": "es",
        "date": "2011-05-25",
        "ends": "",
        "url": "https://example.org/ley",
        "publisher": "",
        "instrument_type": "law",
        "legal_status": "in_force",
        "official_reference": "DOF 25-05-2011",
        "services": "",
        "service_languages": "",
        "contact": "",
        "countries": ["MEX"],
        "themes": ["legislation-policy"],
        "population_groups": [],
        "actors": ["iom"],
        "owner": "iin",
        "status": "published",
        "revision": 1,
        "published_at": None,
        "attachments": [],
    }


def test_anonymous_list_holds_published_resources_only(api, draft):
    published(title="Public guide")

    body = api.get(LIST).json()

    assert (body["count"], [r["title"] for r in body["results"]]) == (1, ["Public guide"])


def test_focal_point_list_holds_their_drafts(api, draft):
    body = api.as_(persona("iin focal point")).get(LIST).json()

    assert [r["title"] for r in body["results"]] == [SECRET]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=course", ["Course"]),
        ("country=gtm", ["Course"]),
        ("theme=health", ["Course"]),
        ("population_group=migrant-workers", ["Study"]),
        ("language=es", ["Study"]),
        ("actor=iom", ["Study"]),
    ],
)
def test_list_filters(api, query, expected):
    course = with_countries(published(kind=Resource.Kind.COURSE, title="Course"), "GTM")
    course.themes.set([Theme.objects.get(slug="health")])
    study = published(kind=Resource.Kind.PUBLICATION, title="Study", language="es")
    study.population_groups.set([PopulationGroup.objects.get(slug="migrant-workers")])
    study.actors.set([Actor.objects.get(slug="iom")])

    body = api.get(f"{LIST}?{query}").json()

    assert [r["title"] for r in body["results"]] == expected


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("kind=poem", "kind", '"poem" is not a valid choice.'),
        (
            "country=XX",
            "country",
            "“XX” is not an ISO 3166-1 alpha-3 country code (such as MEX or CAN).",
        ),
        ("theme=cooking", "theme", "“cooking” is not a theme."),
        ("population_group=pirates", "population_group", "“pirates” is not a population group."),
        ("actor=nobody", "actor", "“nobody” is not an actor of the Program."),
    ],
)
def test_a_bad_filter_answers_400_naming_it(api, query, field, message):
    response = api.get(f"{LIST}?{query}")

    assert response.status_code == 400
    assert response.json() == {"detail": "Invalid input.", "errors": {field: [message]}}


@pytest.mark.parametrize("who", ["anonymous", "iin focal point"])
def test_list_runs_the_same_queries_for_1_and_3_items(api, django_assert_num_queries, who):
    # The count and the page, with countries, themes, groups, actors and files; with a token,
    # the token with its user, its last use saved, the user's permissions (two) and actors.
    caller = api.as_(persona(who))
    expected = 7 if who == "anonymous" else 12

    def add(number: int) -> None:
        for _ in range(number):
            resource = with_countries(published(), "MEX", "GTM")
            resource.themes.set(Theme.objects.all()[:2])
            resource.actors.set(Actor.objects.all()[:2])

    add(1)
    with django_assert_num_queries(expected):
        caller.get(LIST)
    add(2)
    with django_assert_num_queries(expected):
        body = caller.get(LIST).json()
    assert body["count"] == 3


# Writes -----------------------------------------------------------------------------------


def test_focal_point_creates_a_draft_for_their_actor(api):
    response = api.as_(persona("iin focal point")).post(
        LIST,
        {
            "kind": "legislation",
            "title": "Ley 25.871 de Migraciones",
            "language": "es",
            "date": "2004-01",
            "countries": ["arg"],
            "themes": ["legislation-policy"],
            "legal_status": "in_force",
        },
    )

    body = response.json()
    assert response.status_code == 201
    assert (body["status"], body["owner"], body["countries"], body["revision"]) == (
        "draft",
        "iin",
        ["ARG"],
        1,
    )


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"kind": "poem", "title": "x"}, "kind", '"poem" is not a valid choice.'),
        ({"kind": "course"}, "title", "This field is required."),
        (
            {"kind": "course", "title": "x", "date": "May"},
            "date",
            "“May” is not a date; write 2016-10-20, 2016-10 or 2016.",
        ),
        (
            {"kind": "course", "title": "x", "date": "2020", "ends": "2019"},
            "ends",
            "The end (2019) comes before the start (2020).",
        ),
        (
            {"kind": "course", "title": "x", "countries": ["XYZ"]},
            "countries",
            "“XYZ” is not an ISO 3166-1 alpha-3 country code (such as MEX or CAN).",
        ),
        (
            {"kind": "legislation", "title": "x"},
            "countries",
            "Say which country this legislation belongs to.",
        ),
        (
            {"kind": "course", "title": "x", "owner": "cim"},
            "owner",
            "Choose one of the actors you are a focal point of.",
        ),
        (
            {"kind": "course", "title": "x", "themes": ["cooking"]},
            "themes",
            "“cooking” is not a theme.",
        ),
    ],
)
def test_bad_input_answers_400_naming_the_field(api, body, field, message):
    response = api.as_(persona("iin focal point")).post(LIST, body)

    assert response.status_code == 400
    assert response.json()["errors"][field] == [message]
    assert not Resource.objects.exists()


def test_reviewer_cannot_create(api):
    response = api.as_(persona("reviewer")).post(LIST, {"kind": "course", "title": "x"})

    assert response.json() == {
        "detail": "Only focal points of an actor and the secretariat can add resources to the "
        "knowledge base."
    }


def test_patch_needs_the_revision(api, draft):
    response = api.as_(persona("iin focal point")).patch(url(draft), {"title": "x"})

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "revision": [
            "Give the revision of the resource you read (its “revision”), so that no one's "
            "work is overwritten."
        ]
    }


def test_patch_with_a_stale_revision_answers_409(api, draft):
    iin = api.as_(persona("iin focal point"))
    iin.patch(url(draft), {"revision": 1, "title": "First"})

    response = iin.patch(url(draft), {"revision": 1, "title": "Second"})

    assert response.status_code == 409
    assert response.json() == {
        "detail": "Someone else saved this resource while you were editing it. Your text is "
        "kept below; compare it with the saved version and save again.",
        "current_revision": 2,
    }
    assert Resource.objects.get(pk=draft.pk).title == "First"


def test_patch_changes_only_the_fields_given(api, draft):
    with_countries(draft, "MEX")

    body = (
        api.as_(persona("iin focal point"))
        .patch(url(draft), {"revision": 1, "themes": ["health"]})
        .json()
    )

    assert (body["title"], body["countries"], body["themes"], body["revision"]) == (
        SECRET,
        ["MEX"],
        ["health"],
        2,
    )


def test_focal_point_cannot_patch_a_submitted_resource(api):
    resource = ResourceFactory(status=Resource.Status.SUBMITTED)

    response = api.as_(persona("iin focal point")).patch(url(resource), {"revision": 1})

    assert response.status_code == 403
    assert response.json()["detail"].startswith("Only the focal points of the resource's actor")


def test_submit_then_publish(api, draft):
    submitted = api.as_(persona("iin focal point")).post(url(draft, "submit"), {"revision": 1})
    stale = api.as_(persona("secretariat")).post(url(draft, "publish"), {"revision": 1})
    done = api.as_(persona("secretariat")).post(url(draft, "publish"), {"revision": 2})

    assert (submitted.json()["status"], stale.status_code, done.json()["status"]) == (
        "submitted",
        409,
        "published",
    )
    assert api.get(url(draft)).status_code == 200


def test_submit_needs_the_revision(api, draft):
    response = api.as_(persona("iin focal point")).post(url(draft, "submit"), {})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["revision"]
