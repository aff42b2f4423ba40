"""Recommendations and their follow-up in the JSON API: what each persona reads and may write,
filters, input errors with the exact messages, the revision lock, the review steps, query
counts, and the routes in the OpenAPI document."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.test import Client
from drf_spectacular.drainage import GENERATOR_STATS
from openapi_spec_validator import validate

from followup.api.tests.conftest import Api, persona
from followup.knowledge.tests.factories import published as published_resource
from followup.meetings.tests.factories import MeetingFactory
from followup.program.models import Actor, Mandate, PopulationGroup
from followup.recommendations.models import (
    FollowUp,
    FollowUpComment,
    Recommendation,
    Source,
    StatusLevel,
    StatusScale,
)
from followup.recommendations.tests.factories import (
    make_cycle,
    make_follow_up,
    make_recommendation,
    make_source,
)
from followup.reporting.models import ActorReport, ReportingCycle
from followup.reporting.tests.factories import EntryFactory, ReportFactory, focal_point_of

pytestmark = pytest.mark.django_db

FOLLOW_UPS = "/api/v1/follow-ups/"
RECOMMENDATIONS = "/api/v1/recommendations/"
SOURCES = "/api/v1/recommendation-sources/"
SCALES = "/api/v1/status-scales/"
SECRET = "Confidential draft narrative of the IIN"
PERSONAS = ["anonymous", "iin focal point", "cim focal point", "reviewer", "secretariat"]
REVISION_MESSAGE = (
    "Give the revision of the follow-up you read (its “revision”), so that no one's work is "
    "overwritten."
)
STALE_MESSAGE = (
    "Someone else saved this follow-up while you were editing it. Your text is kept below; "
    "compare it with the saved version and save again."
)


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    """The API throttles by counting requests in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api(client) -> Api:
    return Api(client)


@dataclass
class Ledger:
    """A recommendation addressed to the IIN with a draft, a submitted and a published
    follow-up (one per cycle), and a second one addressed to the IIN with none yet."""

    cycle: ReportingCycle
    recommendation: Recommendation
    unanswered: Recommendation
    draft: FollowUp
    submitted: FollowUp
    published: FollowUp


@pytest.fixture
def ledger() -> Ledger:
    source = make_source(title="Forced migration of Venezuelans", reference="Resolution 2/18")
    recommendation = make_recommendation(source, number=1, addressees=["iin"])
    unanswered = make_recommendation(source, number=2, addressees=["iin"], text="Register them.")
    cycle = make_cycle("2030–2031", datetime.date(2030, 1, 1))
    draft = make_follow_up(
        recommendation, "iin", cycle, "partial", FollowUp.Status.DRAFT, narrative=SECRET
    )
    submitted = make_follow_up(
        recommendation,
        "iin",
        make_cycle("2029–2030", datetime.date(2029, 1, 1)),
        "partial",
        FollowUp.Status.SUBMITTED,
        narrative="Submitted narrative",
    )
    published = make_follow_up(
        recommendation,
        "iin",
        make_cycle("2028–2029", datetime.date(2028, 1, 1)),
        "total",
        narrative="Published narrative",
    )
    return Ledger(cycle, recommendation, unanswered, draft, submitted, published)


def url(record: FollowUp | Recommendation | Source, action: str = "") -> str:
    base = {FollowUp: FOLLOW_UPS, Recommendation: RECOMMENDATIONS, Source: SOURCES}
    return f"{base[type(record)]}{record.pk}/{action + '/' if action else ''}"


def saved(follow_up: FollowUp) -> FollowUp:
    return FollowUp.objects.get(pk=follow_up.pk)


# The matrix -------------------------------------------------------------------------------


# (method, target, body, statuses for PERSONAS); targets are resolved by `address`.
CASES = [
    ("get", "follow-ups", None, [200, 200, 200, 200, 200]),
    ("get", "draft", None, [404, 200, 404, 404, 200]),
    ("get", "published", None, [200, 200, 200, 200, 200]),
    ("post", "follow-ups", "open", [401, 201, 403, 403, 201]),
    ("patch", "draft", {"revision": 1, "narrative": "Changed"}, [401, 200, 404, 404, 200]),
    ("patch", "published", {"revision": 1, "narrative": "x"}, [401, 403, 403, 403, 200]),
    ("post", "draft/submit", {"revision": 1}, [401, 200, 404, 404, 200]),
    ("post", "submitted/return", {"comment": "Add figures."}, [401, 403, 404, 404, 200]),
    ("post", "draft/publish", {}, [401, 403, 404, 404, 200]),
    ("get", "recommendations", None, [200, 200, 200, 200, 200]),
    ("get", "recommendation", None, [200, 200, 200, 200, 200]),
    ("post", "recommendations", "recommendation", [401, 403, 403, 403, 201]),
    ("patch", "recommendation", {"group": "Panel 2"}, [401, 403, 403, 403, 200]),
    ("get", "sources", None, [200, 200, 200, 200, 200]),
    ("get", "source", None, [200, 200, 200, 200, 200]),
    ("post", "sources", {"title": "Forum of 2019"}, [401, 403, 403, 403, 201]),
    ("patch", "source", {"reference": "Res. 2/18"}, [401, 403, 403, 403, 200]),
    ("get", "status-scales", None, [200, 200, 200, 200, 200]),
]


def address(ledger: Ledger, target: str) -> str:
    record, _slash, action = target.partition("/")
    if record in ("draft", "submitted", "published"):
        return url(getattr(ledger, record), action)
    return {
        "follow-ups": FOLLOW_UPS,
        "recommendations": RECOMMENDATIONS,
        "recommendation": url(ledger.recommendation),
        "sources": SOURCES,
        "source": url(ledger.recommendation.source),
        "status-scales": SCALES,
    }[record]


def body_for(ledger: Ledger, body):
    if body == "open":
        return {"recommendation": ledger.unanswered.pk, "addressee": "iin", "cycle": "2030-2031"}
    if body == "recommendation":
        return {"source": ledger.recommendation.source_id, "text": "x", "addressees": ["MEX"]}
    return body


@pytest.mark.parametrize(
    ("method", "target", "body", "statuses"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
@pytest.mark.parametrize("who", PERSONAS)
def test_api_permission_matrix(api, ledger, who, method, target, body, statuses):
    caller = api.as_(persona(who))

    response = caller.call(method.upper(), address(ledger, target), body_for(ledger, body))

    assert response.status_code == statuses[PERSONAS.index(who)]
    if who in ("anonymous", "cim focal point", "reviewer"):
        assert SECRET not in response.content.decode()


def test_every_route_is_in_the_matrix():
    from followup.recommendations.api import urlpatterns

    assert {p.name for p in urlpatterns} == {
        "recommendation_list",
        "recommendation_detail",
        "recommendation_source_list",
        "recommendation_source_detail",
        "status_scale_list",
        "follow_up_list",
        "follow_up_detail",
        "follow_up_submit",
        "follow_up_return",
        "follow_up_publish",
    }


def test_a_focal_point_of_another_actor_is_told_why_it_cannot_write(api, ledger):
    response = api.as_(persona("cim focal point")).patch(
        url(ledger.published), {"revision": 1, "narrative": "x"}
    )

    assert response.json() == {
        "detail": "Only the focal points of the addressee, while the follow-up is a draft or "
        "returned, and the secretariat can change it."
    }
    assert saved(ledger.published).narrative == "Published narrative"


# Reads: follow-ups ------------------------------------------------------------------------


def test_follow_up_as_read(api, ledger):
    entry = EntryFactory(
        report=ReportFactory(cycle=ledger.cycle, status=ActorReport.Status.PUBLISHED)
    )
    hidden_entry = EntryFactory(report=ReportFactory())  # an IIN draft report's
    resource = published_resource(title="Guide")
    follow_up = ledger.published
    follow_up.entries.set([entry, hidden_entry])
    follow_up.resources.set([resource])
    follow_up.links.create(url="https://example.org/decree", title="Decree")
    follow_up.responsible_institution = "Ministry of Foreign Affairs"
    follow_up.save()

    body = api.get(url(follow_up)).json()

    assert {key: body[key] for key in body if key not in {"created_at", "published_at"}} == {
        "api_url": f"http://testserver{url(follow_up)}",
        "id": follow_up.pk,
        "recommendation": ledger.recommendation.pk,
        "recommendation_url": f"http://testserver{url(ledger.recommendation)}",
        "addressee": {
            "slug": "iin",
            "name": {
                "en": "Inter-American Children's Institute",
                "es": "Instituto Interamericano del Niño, la Niña y Adolescentes",
            },
            "country": None,
        },
        "cycle": {"slug": "2028-2029", "label": "2028–2029"},
        "scale": "iachr-compliance",
        "level": {
            "code": "total",
            "label": {"en": "Total compliance", "es": "Cumplimiento total"},
            "implemented": True,
            "applicable": True,
        },
        "status": "published",
        "responsible_institution": "Ministry of Foreign Affairs",
        "narrative": "Published narrative",
        "links": [{"url": "https://example.org/decree", "title": "Decree"}],
        "entries": [entry.pk],
        "resources": [resource.pk],
        "revision": 1,
        "submitted_at": None,
    }
    assert body["published_at"] is not None


def test_a_state_addressee_shows_its_country(api, ledger):
    state = make_recommendation(all_member_states=True)
    follow_up = make_follow_up(state, "mex", ledger.cycle)

    body = api.get(url(follow_up)).json()

    assert body["addressee"] == {
        "slug": "mex",
        "name": {"en": "Mexico", "es": "México"},
        "country": "MEX",
    }


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", ["published"]),
        ("cim focal point", ["published"]),
        ("reviewer", ["published"]),
        ("iin focal point", ["draft", "submitted", "published"]),
        ("secretariat", ["draft", "submitted", "published"]),
    ],
)
def test_follow_up_list_holds_what_the_caller_may_see(api, ledger, who, expected):
    body = api.as_(persona(who)).get(FOLLOW_UPS).json()

    assert [r["status"] for r in body["results"]] == expected
    assert body["count"] == len(expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("addressee=iin", ["draft", "submitted", "published"]),
        ("addressee=mex", ["mexico"]),
        ("addressee=MEX", ["mexico"]),
        ("cycle=2029-2030", ["submitted"]),
        ("status=published", ["mexico", "published"]),
        ("level=total", ["published"]),
        ("recommendation={state}", ["mexico"]),
    ],
)
def test_follow_up_list_filters(api, ledger, query, expected):
    state = make_recommendation(all_member_states=True)
    make_follow_up(state, "mex", ledger.cycle, narrative="mexico")
    names = {ledger.draft.pk: "draft", ledger.submitted.pk: "submitted"}
    names[ledger.published.pk] = "published"

    body = api.as_(persona("secretariat")).get(f"{FOLLOW_UPS}?{query.format(state=state.pk)}")

    assert [names.get(r["id"], r["narrative"]) for r in body.json()["results"]] == expected


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("addressee=xyz", "addressee", "No actor or state “xyz”."),
        ("cycle=1999", "cycle", "“1999” is not a reporting cycle."),
        ("status=lost", "status", '"lost" is not a valid choice.'),
        ("level=great", "level", "“great” is not a level of any status scale."),
        ("recommendation=999999", "recommendation", "“999999” is not a recommendation."),
        (
            "recommendation=abc",
            "recommendation",
            "“abc” is not an id; give a whole number, such as 12.",
        ),
    ],
)
def test_a_bad_follow_up_filter_answers_400_naming_it(api, query, field, message):
    response = api.get(f"{FOLLOW_UPS}?{query}")

    assert response.status_code == 400
    assert response.json() == {"detail": "Invalid input.", "errors": {field: [message]}}


# Reads: recommendations, sources, scales --------------------------------------------------


def test_recommendation_as_read(api):
    source = make_source(title="Regional forum", reference="", date="2019-10")
    recommendation = make_recommendation(
        source,
        number=3,
        group="Panel 1: Access to justice",
        addressees=["iin", "mex"],
        themes=["health"],
        text="Train judges.",
    )
    recommendation.population_groups.set([PopulationGroup.objects.get(slug="migrant-workers")])
    mandate = Mandate.objects.get(symbol="AG/RES. 2883 (XLVI-O/16)")
    recommendation.mandates.set([mandate])

    body = api.get(url(recommendation)).json()

    assert {key: body[key] for key in body if key != "created_at"} == {
        "api_url": f"http://testserver{url(recommendation)}",
        "page_url": f"http://testserver/en/recommendations/{recommendation.pk}/",
        "id": recommendation.pk,
        "source": source.pk,
        "source_url": f"http://testserver{url(source)}",
        "group": "Panel 1: Access to justice",
        "number": 3,
        "text": "Train judges.",
        "language": "en",
        "date": "",
        "effective_date": "2019-10",
        "themes": ["health"],
        "population_groups": ["migrant-workers"],
        "all_member_states": False,
        "addressees": ["iin", "mex"],
        "mandates": [mandate.symbol],
        "meeting": None,
        "follow_ups_url": f"http://testserver{FOLLOW_UPS}?recommendation={recommendation.pk}",
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("source={forum}", ["State text", "Panel text"]),
        ("group=Panel 2", ["Panel text"]),
        ("theme=health", ["Panel text"]),
        ("population_group=migrant-workers", ["State text"]),
        ("addressee=iin", ["Panel text", "IACHR text"]),
        ("addressee=ARG", ["State text"]),
        ("addressee=cim", []),
        ("q=panel", ["Panel text"]),
        ("q=forum", ["State text", "Panel text"]),
    ],
)
def test_recommendation_list_filters(api, query, expected):
    forum = make_source(title="Forum", reference="", date="2019")
    make_recommendation(forum, number=1, group="Panel 2", addressees=["iin"], themes=["health"])
    Recommendation.objects.filter(number=1).update(text="Panel text")
    state = make_recommendation(forum, number=2, all_member_states=True, text="State text")
    state.population_groups.set([PopulationGroup.objects.get(slug="migrant-workers")])
    make_recommendation(make_source(date="2018"), addressees=["iin"], text="IACHR text")

    body = api.get(f"{RECOMMENDATIONS}?{query.format(forum=forum.pk)}").json()

    assert [r["text"] for r in body["results"]] == expected


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("addressee=nobody", "addressee", "No actor or state “nobody”."),
        ("theme=cooking", "theme", "“cooking” is not a theme."),
        ("population_group=pirates", "population_group", "“pirates” is not a population group."),
        ("source=999999", "source", "“999999” is not a source of recommendations."),
    ],
)
def test_a_bad_recommendation_filter_answers_400_naming_it(api, query, field, message):
    response = api.get(f"{RECOMMENDATIONS}?{query}")

    assert response.status_code == 400
    assert response.json() == {"detail": "Invalid input.", "errors": {field: [message]}}


def test_source_as_read(api):
    source = make_source(url="https://www.oas.org/res-2-18.pdf")

    body = api.get(url(source)).json()

    assert body == {
        "api_url": f"http://testserver{url(source)}",
        "page_url": f"http://testserver/en/recommendations/sources/{source.pk}/",
        "id": source.pk,
        "kind": "resolution",
        "title": source.title,
        "reference": source.reference,
        "issued_by": "iachr",
        "issuer": "",
        "date": "2018-03-02",
        "url": "https://www.oas.org/res-2-18.pdf",
        "language": "en",
    }


def test_status_scales_with_their_levels(api):
    body = api.get(SCALES).json()

    (scale,) = body["results"]
    assert (scale["slug"], scale["is_current"], scale["name"]["en"]) == (
        "iachr-compliance",
        True,
        "IACHR levels of compliance",
    )
    assert [
        (level["code"], level["implemented"], level["applicable"]) for level in scale["levels"]
    ] == [
        ("total", True, True),
        ("substantial-partial", False, True),
        ("partial", False, True),
        ("pending", False, True),
        ("non-compliance", False, True),
        ("not-applicable", False, False),
    ]


# Query counts -----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "iin focal point"])
def test_follow_up_list_runs_the_same_queries_for_1_and_3_items(
    api, django_assert_num_queries, who
):
    # The count and the page, with links, entries and resources; with a token, the token with
    # its user, its last use saved, the user's permissions (two) and actors (once for the
    # visible follow-ups, once for the visible entries' reports).
    caller = api.as_(persona(who))
    cycle = make_cycle("2030–2031", datetime.date(2030, 1, 1))
    entry = EntryFactory.create(
        report=ReportFactory(cycle=cycle, status=ActorReport.Status.PUBLISHED)
    )
    resource = published_resource()

    def add(number: int) -> None:
        for _ in range(number):
            follow_up = make_follow_up(make_recommendation(addressees=["iin"]), "iin", cycle)
            follow_up.entries.set([entry])
            follow_up.resources.set([resource])
            follow_up.links.create(url="https://example.org/")

    expected = 5 if who == "anonymous" else 12
    add(1)
    with django_assert_num_queries(expected):
        caller.get(FOLLOW_UPS)
    add(2)
    with django_assert_num_queries(expected):
        body = caller.get(FOLLOW_UPS).json()
    assert body["count"] == 3


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        # The count and the page, with themes, groups, addressees and mandates.
        (RECOMMENDATIONS, 6),
        (SOURCES, 2),
        (SCALES, 3),
    ],
)
def test_lists_run_the_same_queries_for_1_and_3_items(
    api, django_assert_num_queries, address, expected
):
    def add(number: int) -> None:
        for _ in range(number):
            recommendation = make_recommendation(addressees=["iin", "mex"], themes=["health"])
            recommendation.mandates.set(Mandate.objects.all()[:2])
            StatusScale.objects.create(
                slug=f"scale-{recommendation.pk}",
                name_en="Scale",
                name_es="Escala",
                adopted_on=datetime.date(2020, 1, 1),
            ).levels.create(code="done", label_en="Done", label_es="Hecho")

    add(1)
    with django_assert_num_queries(expected):
        api.get(address)
    add(2)
    with django_assert_num_queries(expected):
        body = api.get(address).json()
    assert body["count"] == (3 if address != SCALES else 4)


# Writes: opening a follow-up --------------------------------------------------------------


def test_focal_point_opens_a_follow_up_with_its_fields_in_one_call(api, ledger):
    focal_point = persona("iin focal point")
    entry = EntryFactory(report=ReportFactory(cycle=ledger.cycle))
    resource = published_resource(title="Guide")

    response = api.as_(focal_point).post(
        FOLLOW_UPS,
        {
            "recommendation": ledger.unanswered.pk,
            "addressee": "iin",
            "cycle": "2030-2031",
            "level": "partial",
            "responsible_institution": "IIN Directorate",
            "narrative": "Two registration drives.",
            "entries": [entry.pk],
            "resources": [resource.pk],
            "links": [{"url": "https://example.org/drives", "title": "Drives"}],
        },
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["status"], body["level"]["code"], body["narrative"]) == (
        "draft",
        "partial",
        "Two registration drives.",
    )
    assert (body["entries"], body["resources"], body["links"]) == (
        [entry.pk],
        [resource.pk],
        [{"url": "https://example.org/drives", "title": "Drives"}],
    )
    follow_up = FollowUp.objects.get(pk=body["id"])
    assert body["revision"] == follow_up.revision
    assert [
        (h.history_change_reason, h.history_user) for h in follow_up.history.order_by("pk")
    ] == [
        ("opened", focal_point.user),
        (
            "saved: level,responsible_institution,narrative,entries,resources,links",
            focal_point.user,
        ),
    ]


def test_secretariat_opens_a_follow_up_for_a_state_by_its_iso_code(api, ledger):
    state = make_recommendation(all_member_states=True)

    response = api.as_(persona("secretariat")).post(
        FOLLOW_UPS, {"recommendation": state.pk, "addressee": "mex", "cycle": "2030-2031"}
    )

    assert response.status_code == 201
    assert (response.json()["addressee"]["slug"], response.json()["level"]) == ("mex", None)


def test_open_refuses_an_unknown_addressee_naming_it(api, ledger):
    response = api.as_(persona("secretariat")).post(
        FOLLOW_UPS,
        {"recommendation": ledger.unanswered.pk, "addressee": "xyz", "cycle": "2030-2031"},
    )

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Invalid input.",
        "errors": {"addressee": ["No actor or state “xyz”."]},
    }
    assert FollowUp.objects.count() == 3


@pytest.mark.parametrize("who", ["secretariat", "cim focal point"])
def test_open_refuses_a_recommendation_not_addressed_to_the_actor(api, ledger, who):
    response = api.as_(persona(who)).post(
        FOLLOW_UPS,
        {"recommendation": ledger.unanswered.pk, "addressee": "cim", "cycle": "2030-2031"},
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "addressee": [
            "“Recommendation 2: Register them.” is not addressed to Inter-American Commission "
            "of Women."
        ]
    }
    assert FollowUp.objects.count() == 3


def test_focal_point_cannot_open_for_another_actor(api, ledger):
    response = api.as_(persona("cim focal point")).post(
        FOLLOW_UPS,
        {"recommendation": ledger.unanswered.pk, "addressee": "iin", "cycle": "2030-2031"},
    )

    assert (response.status_code, response.json()) == (
        403,
        {
            "detail": "Only the focal points of the addressee and the secretariat can open its "
            "follow-up."
        },
    )


def test_open_refuses_a_level_of_another_scale_and_opens_nothing(api, ledger):
    other = StatusScale.objects.create(
        slug="cam-2030",
        name_en="CAM scale",
        name_es="Escala CAM",
        adopted_on=datetime.date(2030, 1, 1),
    )
    StatusLevel.objects.create(
        scale=other, code="advanced", label_en="Advanced", label_es="Avanzado"
    )

    response = api.as_(persona("iin focal point")).post(
        FOLLOW_UPS,
        {
            "recommendation": ledger.unanswered.pk,
            "addressee": "iin",
            "cycle": "2030-2031",
            "level": "advanced",
        },
    )

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Invalid input.",
        "errors": {
            "level": ["“advanced” is not a level of the scale “IACHR levels of compliance”."]
        },
    }
    assert not FollowUp.objects.filter(recommendation=ledger.unanswered).exists()


def test_open_refuses_a_second_follow_up_in_the_same_cycle(api, ledger):
    response = api.as_(persona("iin focal point")).post(
        FOLLOW_UPS,
        {"recommendation": ledger.recommendation.pk, "addressee": "iin", "cycle": "2030-2031"},
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "non_field_errors": [
            "Inter-American Children's Institute already has a follow-up of “Recommendation 1: "
            "Guarantee access to asylum procedures at every border…” for 2030–2031."
        ]
    }


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"addressee": "iin", "cycle": "2030-2031"}, "recommendation", "This field is required."),
        (
            {"recommendation": 999999, "addressee": "iin", "cycle": "2030-2031"},
            "recommendation",
            "“999999” is not a recommendation.",
        ),
        (
            {"recommendation": "{r}", "addressee": "iin", "cycle": "1999"},
            "cycle",
            "“1999” is not a reporting cycle.",
        ),
        (
            {"recommendation": "{r}", "addressee": "iin", "cycle": "2030-2031", "level": "great"},
            "level",
            "“great” is not a level of the scale “IACHR levels of compliance”.",
        ),
        (
            {"recommendation": "{r}", "addressee": "iin", "cycle": "2030-2031", "entries": ["x"]},
            "entries",
            "“x” is not an id; give a whole number, such as 12.",
        ),
        (
            {"recommendation": "{r}", "addressee": "iin", "cycle": "2030-2031", "entries": 3},
            "entries",
            "Give a list of ids, such as [12, 15].",
        ),
        (
            {
                "recommendation": "{r}",
                "addressee": "iin",
                "cycle": "2030-2031",
                "links": [{"url": "nowhere"}],
            },
            "links",
            "“nowhere” is not a web address (http:// or https://).",
        ),
    ],
)
def test_open_answers_400_naming_the_field(api, ledger, body, field, message):
    if body.get("recommendation") == "{r}":
        body["recommendation"] = ledger.unanswered.pk

    response = api.as_(persona("iin focal point")).post(FOLLOW_UPS, body)

    assert response.status_code == 400
    assert response.json()["errors"] == {field: [message]}
    assert FollowUp.objects.count() == 3


def test_focal_point_cannot_open_in_a_closed_cycle(api, ledger):
    ReportingCycle.objects.filter(pk=ledger.cycle.pk).update(status=ReportingCycle.Status.CLOSED)

    response = api.as_(persona("iin focal point")).post(
        FOLLOW_UPS,
        {"recommendation": ledger.unanswered.pk, "addressee": "iin", "cycle": "2030-2031"},
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "cycle": [
            "The reporting cycle 2030–2031 is closed; only the CAM secretariat can record "
            "follow-up in it."
        ]
    }


def test_a_body_that_is_not_json_is_refused(api, ledger):
    focal_point = persona("iin focal point")
    form = {"recommendation": str(ledger.unanswered.pk), "addressee": "iin", "cycle": "2030-2031"}

    response = api.client.post(FOLLOW_UPS, form, **focal_point.headers())  # multipart

    assert response.status_code == 415
    assert response.json() == {
        "detail": 'Unsupported media type "multipart/form-data; boundary=BoUnDaRyStRiNg" '
        "in request."
    }


def test_a_session_write_needs_the_csrf_token(ledger):
    client = Client(enforce_csrf_checks=True)
    client.force_login(focal_point_of("iin"))
    body = {"revision": 1, "narrative": "By session"}

    refused = client.patch(url(ledger.draft), body, content_type="application/json")
    client.get("/en/")  # sets the CSRF cookie, as a page of the site would
    token = client.cookies["csrftoken"].value
    accepted = client.patch(
        url(ledger.draft), body, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )

    assert (refused.status_code, refused.json()) == (
        403,
        {"detail": "CSRF Failed: CSRF cookie not set."},
    )
    assert (accepted.status_code, saved(ledger.draft).narrative) == (200, "By session")


# Writes: changing a follow-up -------------------------------------------------------------


def test_patch_changes_only_the_fields_given(api, ledger):
    response = api.as_(persona("iin focal point")).patch(
        url(ledger.draft), {"revision": 1, "level": "pending"}
    )

    body = response.json()
    assert (body["level"]["code"], body["narrative"], body["revision"]) == ("pending", SECRET, 2)


def test_patch_ignores_unknown_and_read_only_fields(api, ledger):
    response = api.as_(persona("iin focal point")).patch(
        url(ledger.draft),
        {"revision": 1, "status": "published", "colour": "red", "narrative": "Changed"},
    )

    assert response.status_code == 200
    assert (saved(ledger.draft).status, saved(ledger.draft).narrative) == ("draft", "Changed")


def test_patch_needs_the_revision(api, ledger):
    response = api.as_(persona("iin focal point")).patch(url(ledger.draft), {"narrative": "x"})

    assert response.status_code == 400
    assert response.json()["errors"] == {"revision": [REVISION_MESSAGE]}


def test_patch_with_a_stale_revision_answers_409(api, ledger):
    iin = api.as_(persona("iin focal point"))
    iin.patch(url(ledger.draft), {"revision": 1, "narrative": "First"})

    response = iin.patch(url(ledger.draft), {"revision": 1, "narrative": "Second"})

    assert response.status_code == 409
    assert response.json() == {"detail": STALE_MESSAGE, "current_revision": 2}
    assert saved(ledger.draft).narrative == "First"


def test_patch_clears_the_level_with_null(api, ledger):
    response = api.as_(persona("iin focal point")).patch(
        url(ledger.draft), {"revision": 1, "level": None}
    )

    assert response.json()["level"] is None


def test_patch_refuses_an_entry_of_another_actor(api, ledger):
    cim = Actor.objects.get(slug="cim")
    entry = EntryFactory(
        report=ReportFactory(actor=cim, status=ActorReport.Status.PUBLISHED), title="CIM course"
    )

    response = api.as_(persona("iin focal point")).patch(
        url(ledger.draft), {"revision": 1, "entries": [entry.pk]}
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "entries": [
            "“CIM course” is not an entry of a report of Inter-American Children's Institute."
        ]
    }


def test_patch_refuses_evidence_the_caller_cannot_see(api, ledger):
    draft_entry = EntryFactory(report=ReportFactory(actor=Actor.objects.get(slug="cim")))
    draft_resource = published_resource()
    draft_resource.status = "draft"
    draft_resource.owner = Actor.objects.get(slug="cim")
    draft_resource.save()

    response = api.as_(persona("iin focal point")).patch(
        url(ledger.draft),
        {"revision": 1, "entries": [draft_entry.pk], "resources": [draft_resource.pk]},
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "entries": [f"“{draft_entry.pk}” is not a report entry you can see."],
        "resources": [f"“{draft_resource.pk}” is not a knowledge-base resource you can see."],
    }


# Writes: the review -----------------------------------------------------------------------


def test_submit_return_submit_publish(api, ledger):
    iin = api.as_(persona("iin focal point"))
    secretariat = api.as_(persona("secretariat"))

    submitted = iin.post(url(ledger.draft, "submit"), {"revision": 1})
    returned = secretariat.post(url(ledger.draft, "return"), {"comment": " Add the figures. "})
    again = iin.post(url(ledger.draft, "submit"), {"revision": 3})
    done = secretariat.post(url(ledger.draft, "publish"), {"revision": 4})

    assert [r.json()["status"] for r in (submitted, returned, again, done)] == [
        "submitted",
        "returned",
        "submitted",
        "published",
    ]
    assert list(FollowUpComment.objects.values_list("text", flat=True)) == ["Add the figures."]
    assert api.get(url(ledger.draft)).json()["narrative"] == SECRET


def test_submit_needs_the_revision(api, ledger):
    response = api.as_(persona("iin focal point")).post(url(ledger.draft, "submit"), {})

    assert response.status_code == 400
    assert response.json()["errors"] == {"revision": [REVISION_MESSAGE]}


def test_submit_refuses_a_follow_up_without_a_status(api, ledger):
    FollowUp.objects.filter(pk=ledger.draft.pk).update(level=None)

    response = api.as_(persona("iin focal point")).post(
        url(ledger.draft, "submit"), {"revision": 1}
    )

    assert (response.status_code, response.json()) == (
        400,
        {"detail": "Choose a status before submitting the follow-up."},
    )


def test_publish_with_a_stale_revision_answers_409(api, ledger):
    response = api.as_(persona("secretariat")).post(url(ledger.draft, "publish"), {"revision": 7})

    assert (response.status_code, response.json()) == (
        409,
        {"detail": STALE_MESSAGE, "current_revision": 1},
    )


@pytest.mark.parametrize("body", [{}, {"comment": ""}, {"comment": "  "}, {"comment": None}])
def test_return_needs_a_comment(api, ledger, body):
    response = api.as_(persona("secretariat")).post(url(ledger.submitted, "return"), body)

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Invalid input.",
        "errors": {"comment": ["Say what needs to change when returning a follow-up."]},
    }
    assert saved(ledger.submitted).status == "submitted"


# Writes: recommendations and sources ------------------------------------------------------


def test_secretariat_records_a_recommendation(api):
    source = make_source(date="2018-03-02")

    secretariat = persona("secretariat")

    response = api.as_(secretariat).post(
        RECOMMENDATIONS,
        {
            "source": source.pk,
            "number": 4,
            "text": "Issue humanitarian visas.",
            "addressees": ["iin", "MEX", "mex"],
            "themes": ["health"],
            "mandates": [Mandate.objects.order_by("symbol").first().symbol],
        },
    )

    body = response.json()
    assert response.status_code == 201, body
    assert (body["addressees"], body["themes"], body["effective_date"]) == (
        ["iin", "mex"],
        ["health"],
        "2018-03-02",
    )
    history = Recommendation.objects.get(pk=body["id"]).history.order_by("history_id")
    assert {(h.history_change_reason, h.history_user) for h in history} == {
        ("created", secretariat.user)
    }


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"text": "x", "addressees": ["iin"]}, "source", "This field is required."),
        (
            {"source": 999999, "text": "x", "addressees": ["iin"]},
            "source",
            "“999999” is not a source of recommendations.",
        ),
        (
            {"source": "{s}", "text": "x", "addressees": ["iin", "xyz", "abc"]},
            "addressees",
            ["No actor or state “xyz”.", "No actor or state “abc”."],
        ),
        (
            {"source": "{s}", "text": "x"},
            "addressees",
            "Say who the recommendation is addressed to: all member states, or named states and "
            "actors.",
        ),
        (
            {"source": "{s}", "text": "x", "all_member_states": True, "date": "May"},
            "date",
            "“May” is not a date; write 2016-10-20, 2016-10 or 2016.",
        ),
        (
            {"source": "{s}", "text": "x", "all_member_states": True, "mandates": ["AG/RES. 1"]},
            "mandates",
            "“AG/RES. 1” is not a mandate of the registry.",
        ),
        (
            {"source": "{s}", "text": "x", "all_member_states": True, "meeting": 999999},
            "meeting",
            "“999999” is not a meeting.",
        ),
    ],
)
def test_recommendation_bad_input_answers_400_naming_the_field(api, body, field, message):
    if body.get("source") == "{s}":
        body["source"] = make_source().pk

    response = api.as_(persona("secretariat")).post(RECOMMENDATIONS, body)

    assert response.status_code == 400
    assert response.json()["errors"] == {field: message if isinstance(message, list) else [message]}
    assert not Recommendation.objects.exists()


def test_patch_recommendation_changes_only_the_fields_given(api, ledger):
    response = api.as_(persona("secretariat")).patch(
        url(ledger.recommendation), {"all_member_states": True, "addressees": []}
    )

    body = response.json()
    assert (body["all_member_states"], body["addressees"], body["number"]) == (True, [], 1)


def test_patch_recommendation_links_it_to_its_meeting(api, ledger):
    meeting = MeetingFactory()

    body = api.as_(persona("secretariat")).patch(
        url(ledger.recommendation), {"meeting": meeting.pk}
    )

    assert body.json()["meeting"] == meeting.pk
    assert Recommendation.objects.get(pk=ledger.recommendation.pk).meeting == meeting


def test_focal_point_cannot_record_recommendations(api, ledger):
    response = api.as_(persona("iin focal point")).patch(url(ledger.recommendation), {"text": "x"})

    assert response.json() == {
        "detail": "Only the secretariat can record recommendations and their sources."
    }


def test_secretariat_records_a_source(api):
    response = api.as_(persona("secretariat")).post(
        SOURCES,
        {
            "kind": "forum",
            "title": "Forum",
            "issued_by": "cim",
            "date": "2019-10",
            "language": "es",
        },
    )

    body = response.json()
    assert (response.status_code, body["kind"], body["issued_by"], body["date"]) == (
        201,
        "forum",
        "cim",
        "2019-10",
    )


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({}, "title", "This field is required."),
        (
            {"title": "x", "issued_by": "nobody"},
            "issued_by",
            "“nobody” is not an actor of the Program.",
        ),
        ({"title": "x", "kind": "poem"}, "kind", '"poem" is not a valid choice.'),
        ({"title": "x", "url": "nowhere"}, "url", "Enter a valid URL."),
    ],
)
def test_source_bad_input_answers_400_naming_the_field(api, body, field, message):
    response = api.as_(persona("secretariat")).post(SOURCES, body)

    assert response.status_code == 400
    assert response.json()["errors"] == {field: [message]}


# The OpenAPI document ---------------------------------------------------------------------


def test_every_route_and_method_is_in_the_openapi_document(api):
    GENERATOR_STATS.reset()

    document = api.get("/api/v1/openapi.json").json()

    documented = {
        (path, method)
        for path, item in document["paths"].items()
        for method in item
        if path.startswith(("/api/v1/recommendation", "/api/v1/follow-ups/", "/api/v1/status-"))
    }
    assert documented == {
        ("/api/v1/recommendations/", "get"),
        ("/api/v1/recommendations/", "post"),
        ("/api/v1/recommendations/{id}/", "get"),
        ("/api/v1/recommendations/{id}/", "patch"),
        ("/api/v1/recommendation-sources/", "get"),
        ("/api/v1/recommendation-sources/", "post"),
        ("/api/v1/recommendation-sources/{id}/", "get"),
        ("/api/v1/recommendation-sources/{id}/", "patch"),
        ("/api/v1/status-scales/", "get"),
        ("/api/v1/follow-ups/", "get"),
        ("/api/v1/follow-ups/", "post"),
        ("/api/v1/follow-ups/{id}/", "get"),
        ("/api/v1/follow-ups/{id}/", "patch"),
        ("/api/v1/follow-ups/{id}/submit/", "post"),
        ("/api/v1/follow-ups/{id}/return/", "post"),
        ("/api/v1/follow-ups/{id}/publish/", "post"),
    }
    validate(document)
    assert dict(GENERATOR_STATS._warn_cache) == {}
    patch = document["paths"]["/api/v1/follow-ups/{id}/"]["patch"]["responses"]
    assert sorted(patch) == ["200", "400", "401", "403", "404", "409", "415"]
    assert patch["409"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ApiError"
    }
    assert dict(GENERATOR_STATS._error_cache) == {}
