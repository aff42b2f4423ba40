"""GET /api/v1/search: the page's twin in JSON. (Who finds unpublished documents is in
test_permissions.py.)"""

import pytest
from django.core.cache import cache

from followup.program.models import Actor, Theme
from followup.reporting.models import ActorReport, EntryCountry
from followup.reporting.tests.factories import CycleFactory, EntryFactory, ReportFactory
from followup.search.tests.test_views import HOSTILE

pytestmark = pytest.mark.django_db

URL = "/api/v1/search"


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    """The API throttles by counting requests in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def quetzal():
    report = ReportFactory(status=ActorReport.Status.PUBLISHED)
    workshop = EntryFactory(
        report=report,
        title="Quetzal workshop & <b>partners</b>",
        narrative="Officials met in Tapachula.",
        starts="2019-05",
    )
    EntryCountry.objects.create(entry=workshop, code="MEX")
    workshop.themes.set([Theme.objects.get(slug="health")])
    EntryFactory(report=report, title="Taller quetzal", language="es", starts="2020-02")
    return workshop


def test_the_answer_has_the_query_the_hits_and_the_facets(client, quetzal):
    response = client.get(URL, {"q": "quetzal", "country": "MEX"})

    assert response.status_code == 200
    body = response.json()
    report = quetzal.report
    iin = Actor.objects.get(slug="iin")
    health = Theme.objects.get(slug="health")
    assert body["query"] == {
        "text": "quetzal",
        "truncated": False,
        "any_words": False,
        "concepts": [],
    }
    assert (body["count"], body["page"], body["pages"]) == (1, 1, 1)
    assert body["results"] == [
        {
            "kind": "entry",
            "facet_kind": "entry",
            "kind_label": "Report entry",
            "object_id": quetzal.pk,
            "title": "Quetzal workshop & <b>partners</b>",
            "title_html": "<mark>Quetzal</mark> workshop &amp; &lt;b&gt;partners&lt;/b&gt;",
            "snippet_html": "Officials met in Tapachula.",
            "url": f"http://testserver/en/reports/{report.cycle.slug}/iin/#entry-{quetzal.pk}",
            "date": "2019-05",
            "languages": ["en"],
            "public": True,
        }
    ]
    assert body["facets"] == {
        "kind": [{"value": "entry", "label": "Report entry", "count": 1}],
        # Counted without the country filter: the other values are alternatives to add.
        "country": [{"value": "MEX", "label": "Mexico", "count": 1}],
        "theme": [{"value": str(health.pk), "label": "Health", "count": 1}],
        "group": [],
        "actor": [{"value": str(iin.pk), "label": "IIN", "count": 1}],
        "year": [{"value": "2019", "label": "2019", "count": 1}],
        "language": [{"value": "en", "label": "English", "count": 1}],
    }


def test_the_concepts_a_query_names_are_listed_and_can_be_removed(client, quetzal):
    health = Theme.objects.get(slug="health")

    widened = client.get(URL, {"q": "health", "kind": "entry"}).json()
    narrowed = client.get(URL, {"q": "health", "kind": "entry", "x": f"theme:{health.pk}"}).json()

    assert widened["query"]["concepts"] == [
        {"key": f"theme:{health.pk}", "facet": "theme", "value": str(health.pk), "label": "Health"}
    ]
    assert [hit["object_id"] for hit in widened["results"]] == [quetzal.pk]
    assert (narrowed["query"]["concepts"], narrowed["count"]) == ([], 0)


def test_titles_and_links_follow_accept_language(client, quetzal):
    body = client.get(URL, {"q": "health", "kind": "entry"}, HTTP_ACCEPT_LANGUAGE="es").json()

    assert body["query"]["concepts"][0]["label"] == "Salud"
    assert body["results"][0]["url"].startswith("http://testserver/es/reports/")


def test_results_come_in_pages_of_per_page(client, quetzal):
    first = client.get(URL, {"q": "quetzal", "per_page": "1", "sort": "date"}).json()
    second = client.get(URL, {"q": "quetzal", "per_page": "1", "sort": "date", "page": "2"}).json()

    assert (first["count"], first["pages"], second["page"]) == (2, 2, 2)
    assert [hit["title"] for hit in first["results"] + second["results"]] == [
        "Taller quetzal",
        "Quetzal workshop & <b>partners</b>",
    ]


def test_the_query_says_when_it_was_cut_or_widened_to_any_word(client, quetzal):
    cut = client.get(URL, {"q": "quetzal " + "word " * 40}).json()
    any_word = client.get(URL, {"q": "quetzal xylophone"}).json()

    assert cut["query"]["truncated"] is True
    assert (any_word["query"]["any_words"], any_word["count"]) == (True, 2)


@pytest.mark.parametrize(
    ("per_page", "message"),
    [
        ("abc", "A valid integer is required."),
        ("101", "Ensure this value is less than or equal to 100."),
        ("0", "Ensure this value is greater than or equal to 1."),
    ],
)
def test_a_bad_per_page_is_refused_naming_the_field(client, per_page, message):
    response = client.get(URL, {"q": "quetzal", "per_page": per_page})

    assert response.status_code == 400
    assert response.json() == {"detail": "Invalid input.", "errors": {"per_page": [message]}}


def test_per_page_may_be_100(client):
    body = client.get(URL, {"kind": "activity", "per_page": "100"}).json()

    assert (body["count"], len(body["results"]), body["pages"]) == (28, 28, 1)


@pytest.mark.parametrize("params", HOSTILE)
def test_no_query_string_breaks_the_api(client, params):
    response = client.get(URL, params)

    assert response.status_code == 200
    assert set(response.json()) == {"query", "count", "page", "pages", "results", "facets"}


def test_an_unknown_token_is_refused(client):
    response = client.get(URL, {"q": "quetzal"}, HTTP_AUTHORIZATION="Bearer fu_nothing")

    assert response.status_code == 401
    assert response.json() == {"detail": "This API token is unknown or revoked."}


@pytest.mark.parametrize("hits", [1, 3])
def test_the_api_reads_a_fixed_number_of_queries(client, django_assert_num_queries, hits):
    report = ReportFactory(status=ActorReport.Status.PUBLISHED, cycle=CycleFactory())
    for number in range(hits):
        made = EntryFactory(report=report, title=f"Quetzal {number}")
        made.themes.set([Theme.objects.get(slug="health")])
    client.get(URL, {"q": "quetzal"})  # indexes the new entries, fills the concept cache

    # The page, the documents, the facet counts, the labels of themes and actors.
    with django_assert_num_queries(5):
        body = client.get(URL, {"q": "quetzal"}).json()

    assert body["count"] == hits


def test_the_search_is_in_the_openapi_document(client):
    document = client.get("/api/v1/openapi.json").json()

    operation = document["paths"]["/api/v1/search"]["get"]
    assert [parameter["name"] for parameter in operation["parameters"]] == [
        "actor",
        "country",
        "group",
        "kind",
        "language",
        "page",
        "per_page",
        "q",
        "sort",
        "theme",
        "x",
        "year",
    ]
