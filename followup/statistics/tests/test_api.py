"""Statistics in the JSON API: public and read-only for every persona; observations as listed,
filtered, ordered and paged; whole CSV and JSON exports streamed from plain rows; one
observation with its history; indicators with their coverage; every bad filter answered 400
with the exact message; query counts that do not grow with the rows."""

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from django.core.cache import cache

from followup.api.tests.conftest import PERSONAS, Api, persona
from followup.ingest.models import SourceDocument
from followup.statistics.api import urlpatterns
from followup.statistics.api.exports import number_text
from followup.statistics.models import Indicator, Observation, ObservationRevision
from followup.statistics.tests.factories import IndicatorFactory, ObservationFactory
from followup.statistics.views.data import machine_number

pytestmark = pytest.mark.django_db

LIST = "/api/v1/statistics/"
CSV = "/api/v1/statistics/export.csv"
JSON = "/api/v1/statistics/export.json"
INDICATORS = "/api/v1/statistics/indicators/"
WHEN = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)


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
def stock() -> Indicator:
    return IndicatorFactory.create(
        code="MIG_STOCK", name_en="Immigrant stock", name_es="Población inmigrante"
    )


@pytest.fixture
def remittances() -> Indicator:
    return IndicatorFactory.create(
        code="REMIT", name_en="Remittances", unit=Indicator.Unit.US_DOLLARS, source=""
    )


@pytest.fixture
def document() -> SourceDocument:
    return SourceDocument.objects.create(
        sha256="b" * 64,
        filename="work-plan.txt",
        media_type="text/plain",
        size=10,
        kind=SourceDocument.Kind.WORK_PLAN,
        title="CAM work plan 2016–2017",
    )


def figure(indicator: Indicator, area: str, year: int, value: float, **fields) -> Observation:
    return ObservationFactory.create(
        indicator=indicator, area=area, year=year, value=value, updated_at=WHEN, **fields
    )


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def keys(items: list[dict]) -> list[tuple]:
    return [(item["indicator"], item["area"], item["year"], item["breakdown"]) for item in items]


def streamed(response) -> str:
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content).decode()


# Who may do what ----------------------------------------------------------------------------


def test_every_route_is_in_the_matrix():
    assert {pattern.name for pattern in urlpatterns} == {
        "observation_list",
        "observation_export_csv",
        "observation_export_json",
        "observation_detail",
        "indicator_list",
        "indicator_detail",
    }


@pytest.mark.parametrize("who", PERSONAS)
def test_every_persona_reads_everything_and_writes_nothing(api, stock, who):
    observation = figure(stock, "MEX", 2020, 5.0)
    caller = api.as_(persona(who))
    addresses = [LIST, CSV, JSON, f"{LIST}{observation.pk}/", INDICATORS, f"{INDICATORS}MIG_STOCK/"]

    reads = [caller.get(address).status_code for address in addresses]
    writes = [caller.post(address, {}).status_code for address in addresses]
    deletes = [caller.delete(address).status_code for address in addresses]

    assert reads == [200] * 6
    assert writes == [405] * 6
    assert deletes == [405] * 6


# Observations -------------------------------------------------------------------------------


def test_an_observation_as_listed(api, stock, document):
    observation = figure(
        stock,
        "XAM",
        2016,
        61e6,
        note="Doubled in 20 years.",
        source="CAM work plan",
        source_document=document,
        revision=2,
    )

    [item] = results(api.get(LIST))

    assert item == {
        "id": observation.pk,
        "indicator": "MIG_STOCK",
        "area": "XAM",
        "area_name": "The Americas",
        "year": 2016,
        "breakdown": "",
        "breakdown_label": "Total",
        "value": 61000000.0,
        "unit": "persons",
        "note": "Doubled in 20 years.",
        "source": "CAM work plan",
        "illustrative": False,
        "source_document": {
            "id": document.pk,
            "title": "CAM work plan 2016–2017",
            "filename": "work-plan.txt",
        },
        "revision": 2,
        "updated_at": "2024-05-06T03:08:09-04:00",
    }


def test_a_figure_without_its_own_source_gives_the_indicators(api, stock):
    figure(stock, "MEX", 2020, 5.0, breakdown="sex:female")

    [item] = results(api.get(LIST))

    assert (item["source"], item["source_document"]) == ("Test statistics office", None)
    assert (item["area_name"], item["breakdown_label"]) == ("Mexico", "Sex: female")


def test_a_figure_of_an_illustrative_indicator_says_so_everywhere(api, stock):
    """Even with a source of its own, a demonstration's figure must not pass for a real one."""
    demo = IndicatorFactory.create(code="DEMO_X", illustrative=True, source="Generated demo data")
    observation = figure(demo, "MEX", 2020, 5.0, source="UN DESA", revision=2)
    ObservationRevision.objects.create(
        observation=observation, revision=1, value=4.0, recorded_at=WHEN
    )
    figure(stock, "MEX", 2020, 6.0)

    listed = results(api.get(LIST))
    detail = api.get(f"{LIST}{observation.pk}/").json()
    exported = json.loads(streamed(api.get(JSON)))
    rows = list(csv.DictReader(io.StringIO(streamed(api.get(CSV)).removeprefix("\ufeff"))))

    # In the order the indicators were defined: the `stock` fixture's first.
    assert [(item["indicator"], item["illustrative"]) for item in listed] == [
        ("MIG_STOCK", False),
        ("DEMO_X", True),
    ]
    assert (detail["source"], detail["illustrative"]) == ("UN DESA", True)
    assert [item["illustrative"] for item in detail["history"]] == [True]
    assert exported == listed
    assert [(row["indicator"], row["illustrative"]) for row in rows] == [
        (item["indicator"], "true" if item["illustrative"] else "false") for item in listed
    ]


def test_names_follow_the_language_asked_for(api, stock):
    figure(stock, "MEX", 2020, 5.0)

    [item] = results(api.get(LIST, HTTP_ACCEPT_LANGUAGE="es"))

    assert item["area_name"] == "México"


def test_observations_are_ordered_by_indicator_breakdown_area_and_year(api, stock, remittances):
    figure(remittances, "MEX", 2020, 1.0)
    figure(stock, "MEX", 2021, 1.0)
    figure(stock, "GTM", 2021, 1.0, breakdown="sex:male")
    figure(stock, "MEX", 2020, 1.0)
    figure(stock, "GTM", 2022, 1.0)
    figure(stock, "GTM", 2021, 1.0, breakdown="sex:female")

    assert keys(results(api.get(LIST))) == [
        ("MIG_STOCK", "GTM", 2022, ""),
        ("MIG_STOCK", "MEX", 2020, ""),
        ("MIG_STOCK", "MEX", 2021, ""),
        ("MIG_STOCK", "GTM", 2021, "sex:female"),
        ("MIG_STOCK", "GTM", 2021, "sex:male"),
        ("REMIT", "MEX", 2020, ""),
    ]


def test_observations_are_paged(api, stock):
    for year in range(2010, 2015):
        figure(stock, "MEX", year, 1.0)

    body = api.get(LIST, data={"limit": 2, "offset": 2}).json()

    assert body["count"] == 5
    assert [item["year"] for item in body["results"]] == [2012, 2013]
    assert body["next"] == "http://testserver/api/v1/statistics/?limit=2&offset=4"


@pytest.fixture
def spread(stock, remittances) -> None:
    """Figures across indicators, areas, years and breakdowns."""
    figure(stock, "MEX", 2015, 1.0)
    figure(stock, "MEX", 2020, 2.0)
    figure(stock, "MEX", 2020, 3.0, breakdown="sex:female")
    figure(stock, "GTM", 2018, 4.0)
    figure(stock, "XAM", 2016, 5.0)
    figure(remittances, "MEX", 2020, 6.0)
    figure(remittances, "CAN", 2012, 7.0)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("indicator=REMIT", {6.0, 7.0}),
        ("indicator=remit", {6.0, 7.0}),
        ("indicator=REMIT&indicator=MIG_STOCK", {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0}),
        ("indicator=REMIT,MIG_STOCK", {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0}),
        ("country=GTM", {4.0}),
        ("country=gtm,can", {4.0, 7.0}),
        ("country=XAM", {5.0}),
        ("country=MEX&country=XAM", {1.0, 2.0, 3.0, 5.0, 6.0}),
        ("year=2020", {2.0, 3.0, 6.0}),
        ("year_from=2016", {2.0, 3.0, 4.0, 5.0, 6.0}),
        ("year_to=2016", {1.0, 5.0, 7.0}),
        ("year_from=2016&year_to=2018", {4.0, 5.0}),
        ("years=2016", {5.0}),
        ("years=2012,2020", {2.0, 3.0, 6.0, 7.0}),
        ("years=2013-2018", {1.0, 4.0, 5.0}),
        ("years=2010 – 2016&years=2020", {1.0, 2.0, 3.0, 5.0, 6.0, 7.0}),
        ("years=2016-2016,2016", {5.0}),
        ("years=2017-2019&year_from=2018", {4.0}),
        ("breakdown=total", {1.0, 2.0, 4.0, 5.0, 6.0, 7.0}),
        ("breakdown=Sex: Female", {3.0}),
        ("indicator=MIG_STOCK&country=MEX&year=2020&breakdown=total", {2.0}),
        ("indicator=MIG_STOCK&year=1999", set()),
        (
            "indicator=&country=,&year=&year_from=&year_to=&years=&breakdown=",
            {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0},
        ),
    ],
)
def test_filters_select_the_figures(api, spread, query, expected):
    values = {item["value"] for item in results(api.get(f"{LIST}?{query}"))}

    assert values == expected


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("indicator=NOPE", {"indicator": ["“NOPE” is not an indicator code."]}),
        (
            "indicator=MIG_STOCK,NOPE&indicator=a b",
            {"indicator": ["“NOPE” is not an indicator code.", "“a b” is not an indicator code."]},
        ),
        (
            "country=ZZZ",
            {
                "country": [
                    "“ZZZ” is neither an ISO 3166-1 alpha-3 country code (such as MEX or CAN) "
                    "nor a region code (XAM, XLC, XWD)."
                ]
            },
        ),
        ("year=2020.5", {"year": ["“2020.5” is not a year; write one such as 2016."]}),
        ("year_from=abc", {"year_from": ["“abc” is not a year; write one such as 2016."]}),
        ("year_to=-1", {"year_to": ["“-1” is not a year; write one such as 2016."]}),
        (
            "year_from=2020&year_to=2010",
            {"year_from": ["year_from (2020) is after year_to (2010)."]},
        ),
        (
            "years=2000-20,abc,2020-2010,٢٠١٦",
            {
                "years": [
                    "“2000-20” is not a year nor a span of years; write 2016 or 2000-2020.",
                    "“abc” is not a year nor a span of years; write 2016 or 2000-2020.",
                    "In “2020-2010” the first year is after the last.",
                    "“٢٠١٦” is not a year nor a span of years; write 2016 or 2000-2020.",
                ]
            },
        ),
        (
            "years=" + ",".join(str(year) for year in range(1950, 2001)),
            {"years": ["Give at most 50 years or spans of years."]},
        ),
        (
            "breakdown=gender:female",
            {
                "breakdown": [
                    "“gender:female” is not a breakdown: write dimension:value, with the "
                    "dimension one of sex, age, origin (for example sex:female or age:15-24)."
                ]
            },
        ),
        (
            "breakdown=sex:other",
            {"breakdown": ["“other” is not a sex in a breakdown: write female or male."]},
        ),
    ],
)
@pytest.mark.parametrize("address", [LIST, CSV, JSON])
def test_a_bad_filter_answers_400_naming_the_parameter_and_value(
    api, stock, address, query, errors
):
    response = api.get(f"{address}?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Invalid input.", "errors": errors}


@pytest.mark.parametrize(
    ("name", "field"),
    [("indicator", "indicator"), ("country", "country"), ("countries", "country")],
)
def test_a_null_character_in_codes_is_refused_without_reaching_the_database(
    api, stock, name, field, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = api.get(LIST, data={name: ["MEX", "MIG\x00STOCK"]})

    # A flat list of messages, as the error schema says, not one keyed by position.
    assert response.json() == {
        "detail": "Invalid input.",
        "errors": {field: ["Null characters are not allowed."]},
    }


@pytest.mark.parametrize("address", [LIST, CSV, JSON])
@pytest.mark.parametrize("name", ["indicator", "country"])
def test_a_code_too_long_is_refused_with_a_flat_list_of_messages(api, stock, address, name):
    response = api.get(address, data={name: ["ZZZ", "A" * 1001, "A" * 1000]})

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Invalid input.",
        "errors": {name: ["Ensure this field has no more than 1000 characters."]},
    }


def test_a_code_too_long_and_a_null_character_are_both_named(api, stock):
    response = api.get(LIST, data={"country": ["A" * 1001, "M\x00X"]})

    assert response.json()["errors"] == {
        "country": [
            "Ensure this field has no more than 1000 characters.",
            "Null characters are not allowed.",
        ]
    }


# Parameters ---------------------------------------------------------------------------------

UNKNOWN = "There is no such parameter here; the parameters are %s."
LIST_PARAMETERS = (
    "indicator, country, year, year_from, year_to, years, breakdown, countries, limit, offset, "
    "format"
)
EXPORT_PARAMETERS = (
    "indicator, country, year, year_from, year_to, years, breakdown, countries, format"
)


def test_countries_is_another_name_for_country(api, stock):
    for area, value in (("MEX", 1.0), ("CAN", 2.0), ("GTM", 3.0)):
        figure(stock, area, 2020, value)
    query = "countries=mex,CAN&country=CAN"

    listed = results(api.get(f"{LIST}?{query}"))
    exported = json.loads(streamed(api.get(f"{JSON}?{query}")))
    rows = list(csv.DictReader(io.StringIO(streamed(api.get(f"{CSV}?{query}")).lstrip("\ufeff"))))

    assert [item["area"] for item in listed] == ["CAN", "MEX"]
    assert exported == listed
    assert [row["area"] for row in rows] == ["CAN", "MEX"]


def test_a_bad_code_under_countries_is_named_under_country(api, stock):
    response = api.get(f"{LIST}?countries=ZZZ")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["country"]


@pytest.mark.parametrize(
    ("address", "query", "names", "parameters"),
    [
        (LIST, "area=ZZZ", ["area"], LIST_PARAMETERS),
        (LIST, "area=ZZZ&Country=MEX&country=MEX", ["area", "Country"], LIST_PARAMETERS),
        (LIST, "country[0]=MEX", ["country[0]"], LIST_PARAMETERS),
        (CSV, "area=ZZZ", ["area"], EXPORT_PARAMETERS),
        (JSON, "year=2020&page=2", ["page"], EXPORT_PARAMETERS),
        # Exports are not paged: a limit would be ignored, so it is refused.
        (CSV, "limit=10", ["limit"], EXPORT_PARAMETERS),
        (JSON, "offset=10", ["offset"], EXPORT_PARAMETERS),
    ],
)
def test_an_unknown_parameter_answers_400_naming_it(api, stock, address, query, names, parameters):
    response = api.get(f"{address}?{query}")

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Invalid input.",
        "errors": {name: [UNKNOWN % parameters] for name in names},
    }


@pytest.mark.parametrize(
    ("address", "query"),
    [
        (LIST, "limit=1&offset=1&format=json"),
        (LIST, "format=json&indicator="),
        (CSV, "format=json"),
        (JSON, "year="),
    ],
)
def test_paging_and_format_parameters_are_accepted(api, stock, address, query):
    figure(stock, "MEX", 2020, 1.0)

    assert api.get(f"{address}?{query}").status_code == 200


def test_the_indicators_list_is_left_as_other_apis_lists(api, stock):
    assert api.get(f"{INDICATORS}?area=ZZZ").status_code == 200


def test_the_list_runs_the_same_queries_for_3_and_30_figures(
    api, stock, remittances, document, django_assert_num_queries
):
    def add(count: int, start: int) -> None:
        for year in range(start, start + count):
            figure(stock, "MEX", year, 1.0, source_document=document)
            figure(remittances, "GTM", year, 1.0)

    query = f"{LIST}?indicator=MIG_STOCK,REMIT&limit=200"
    add(3, 1900)
    # The indicators checked, the count, the page (joined with indicator and document).
    with django_assert_num_queries(3):
        api.get(query)
    add(27, 1950)
    with django_assert_num_queries(3):
        assert api.get(query).json()["count"] == 60


# Exports ------------------------------------------------------------------------------------


def test_the_csv_export_has_every_figure_with_the_lists_fields(api, stock, document):
    figure(stock, "MEX", 2020, 1234.0)
    figure(stock, "XAM", 2016, 0.25, note="=SUM(A1)", source="OAS", source_document=document)

    response = api.get(CSV)
    text = streamed(response)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="follow-up-statistics.csv"'
    assert text.startswith("\ufeffid,indicator,area,area_name,year,")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [(row["area"], row["value"]) for row in rows] == [("MEX", "1234"), ("XAM", "0.25")]
    assert rows[1] == {
        "id": str(Observation.objects.get(area="XAM").pk),
        "indicator": "MIG_STOCK",
        "area": "XAM",
        "area_name": "The Americas",
        "year": "2016",
        "breakdown": "",
        "breakdown_label": "Total",
        "value": "0.25",
        "unit": "persons",
        "note": "'=SUM(A1)",
        "source": "OAS",
        "illustrative": "false",
        "source_document_id": str(document.pk),
        "source_document_title": "CAM work plan 2016–2017",
        "source_document_filename": "work-plan.txt",
        "revision": "1",
        "updated_at": "2024-05-06T03:08:09-04:00",
    }


def test_the_json_export_holds_the_lists_items_whole(api, stock, remittances, document):
    for year in range(2000, 2060):
        figure(stock, "MEX", year, float(year), source_document=document)
    figure(remittances, "GTM", 2020, 5.5)

    response = api.get(f"{JSON}?indicator=MIG_STOCK&year_from=2001")
    exported = json.loads(streamed(response))

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="follow-up-statistics-MIG_STOCK.json"'
    )
    listed = []
    for offset in (0, 50):
        listed += results(api.get(f"{LIST}?indicator=MIG_STOCK&year_from=2001&offset={offset}"))
    assert len(exported) == 59
    assert exported == listed


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1e15, "1000000000000000"),
        (-1e15, "-1000000000000000"),
        (2.0**53 - 1, "9007199254740991"),
        (2.0**53, "9007199254740992.0"),
        (61e6, "61000000"),
        (0.25, "0.25"),
    ],
)
def test_the_csv_writes_whole_numbers_as_the_page_downloads_do(value, text):
    assert number_text(value) == text
    assert number_text(value) == str(machine_number(value))


def test_an_export_follows_the_language_asked_for(api, stock):
    figure(stock, "MEX", 2020, 5.0)

    exported = json.loads(streamed(api.get(JSON, HTTP_ACCEPT_LANGUAGE="es")))

    assert exported[0]["area_name"] == "México"


def test_an_export_answers_whatever_the_accept_header(api, stock):
    figure(stock, "MEX", 2020, 5.0)

    response = api.get(CSV, HTTP_ACCEPT="text/csv")
    refused = api.get(f"{CSV}?year=soon", HTTP_ACCEPT="text/csv")

    assert "MIG_STOCK,MEX" in streamed(response)
    assert (refused.status_code, refused["Content-Type"]) == (400, "application/json")


@pytest.mark.parametrize("address", [CSV, JSON])
def test_an_export_builds_no_model_instance(api, stock, monkeypatch, address):
    """A million rows must not become a million objects: the export reads plain values."""
    figure(stock, "MEX", 2020, 5.0)

    def refuse(*args, **kwargs):
        raise AssertionError("the export built an Observation")

    monkeypatch.setattr(Observation, "from_db", classmethod(refuse))

    assert "MEX" in streamed(api.get(address))


@pytest.mark.parametrize("address", [CSV, JSON])
def test_an_export_runs_the_same_queries_for_3_and_30_figures(
    api, stock, document, django_assert_num_queries, address
):
    def add(count: int, start: int) -> None:
        for year in range(start, start + count):
            figure(stock, "MEX", year, 1.0, source_document=document)

    add(3, 1900)
    with django_assert_num_queries(2):  # the indicator checked, the rows
        streamed(api.get(f"{address}?indicator=MIG_STOCK"))
    add(27, 1950)
    with django_assert_num_queries(2):
        assert streamed(api.get(f"{address}?indicator=MIG_STOCK")).count("MIG_STOCK") == 30


# One observation ----------------------------------------------------------------------------


def test_an_observation_shows_its_history_newest_first(api, stock, document):
    observation = figure(stock, "MEX", 2020, 30.0, revision=3, note="Final")
    for revision, value, day in ((1, 10.0, 1), (2, 20.0, 2)):
        ObservationRevision.objects.create(
            observation=observation,
            revision=revision,
            value=value,
            note=f"Draft {revision}",
            source_document=document if revision == 1 else None,
            recorded_at=datetime(2023, 1, day, tzinfo=UTC),
        )

    body = api.get(f"{LIST}{observation.pk}/").json()

    assert (body["value"], body["revision"], body["note"]) == (30.0, 3, "Final")
    assert body["history"] == [
        {
            "revision": 2,
            "value": 20.0,
            "note": "Draft 2",
            "source": "Test statistics office",
            "illustrative": False,
            "source_document": None,
            "recorded_at": "2023-01-01T19:00:00-05:00",
            "replaced_at": "2024-05-06T03:08:09-04:00",
        },
        {
            "revision": 1,
            "value": 10.0,
            "note": "Draft 1",
            "source": "Test statistics office",
            "illustrative": False,
            "source_document": {
                "id": document.pk,
                "title": "CAM work plan 2016–2017",
                "filename": "work-plan.txt",
            },
            "recorded_at": "2022-12-31T19:00:00-05:00",
            "replaced_at": "2023-01-01T19:00:00-05:00",
        },
    ]


def test_an_observation_never_corrected_has_no_history(api, stock, django_assert_num_queries):
    observation = figure(stock, "MEX", 2020, 30.0)

    with django_assert_num_queries(2):
        body = api.get(f"{LIST}{observation.pk}/").json()

    assert body["history"] == []


def test_a_missing_observation_answers_404(api):
    response = api.get(f"{LIST}999999/")

    assert (response.status_code, response.json()) == (404, {"detail": "Not found."})


# Indicators ---------------------------------------------------------------------------------


def test_an_indicator_with_its_coverage(api, stock):
    stock.definition_en, stock.source_url = "People born abroad.", "https://example.org/"
    stock.save()
    figure(stock, "MEX", 2012, 1.0)
    figure(stock, "MEX", 2018, 1.0, breakdown="sex:female")
    figure(stock, "GTM", 2015, 1.0)

    body = api.get(f"{INDICATORS}MIG_STOCK/").json()

    assert body == {
        "api_url": "http://testserver/api/v1/statistics/indicators/MIG_STOCK/",
        "page_url": "http://testserver/en/statistics/indicators/MIG_STOCK/",
        "observations_url": "http://testserver/api/v1/statistics/?indicator=MIG_STOCK",
        "code": "MIG_STOCK",
        "name": {"en": "Immigrant stock", "es": "Población inmigrante"},
        "unit": "persons",
        "decimals": 0,
        "aggregation": "sum",
        "definition": {"en": "People born abroad.", "es": ""},
        "source": "Test statistics office",
        "source_url": "https://example.org/",
        "illustrative": False,
        "observations": 3,
        "areas": 2,
        "first_year": 2012,
        "last_year": 2018,
    }


def test_indicators_are_listed_by_code_with_their_counts(
    api, stock, remittances, django_assert_num_queries
):
    IndicatorFactory(code="ASYLUM")
    figure(remittances, "MEX", 2020, 1.0)

    with django_assert_num_queries(2):  # the count, the page with its counts
        listed = results(api.get(INDICATORS))

    assert [(i["code"], i["observations"], i["first_year"]) for i in listed] == [
        ("ASYLUM", 0, None),
        ("MIG_STOCK", 0, None),
        ("REMIT", 1, 2020),
    ]


@pytest.mark.parametrize("code", ["NOPE", "mig stock", "MIG%00STOCK"])
def test_an_unknown_indicator_answers_404(api, stock, code):
    response = api.get(f"{INDICATORS}{code}/")

    assert (response.status_code, response.json()) == (404, {"detail": "Not found."})


# The OpenAPI document -----------------------------------------------------------------------


def test_the_document_describes_the_exports_media_types(api):
    paths = api.get("/api/v1/openapi.json").json()["paths"]

    csv_answer = paths["/api/v1/statistics/export.csv"]["get"]["responses"]["200"]
    json_answer = paths["/api/v1/statistics/export.json"]["get"]["responses"]["200"]
    assert list(csv_answer["content"]) == ["text/csv"]
    assert json_answer["content"]["application/json"]["schema"]["type"] == "array"
    parameters = paths["/api/v1/statistics/"]["get"]["parameters"]
    assert {p["name"] for p in parameters} == {
        "indicator",
        "country",
        "year",
        "year_from",
        "year_to",
        "years",
        "breakdown",
        "countries",
        "limit",
        "offset",
    }
    assert all(p.get("description") for p in parameters)


def test_the_document_marks_illustrative_figures(api):
    schemas = api.get("/api/v1/openapi.json").json()["components"]["schemas"]

    for name in ("Observation", "ObservationDetail", "ObservationRevision"):
        assert schemas[name]["properties"]["illustrative"] == {
            "type": "boolean",
            "description": "True for generated demonstration figures, which are not real "
            "statistics.",
        }
        assert "illustrative" in schemas[name]["required"]
