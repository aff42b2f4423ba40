"""The pages' figures as CSV and JSON files: their exact content, their names, their answer to
bad input, and their query counts."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from followup.statistics.models import Observation
from followup.statistics.tests.factories import IndicatorFactory, ObservationFactory
from followup.statistics.tests.public_world import AMERICAS_NOTE, build_world
from followup.statistics.views.data import json_text

pytestmark = pytest.mark.django_db

HEADER = "indicator,area,area_name,year,breakdown,value,unit,note,source,revision,illustrative\r\n"


@pytest.fixture
def world():
    return build_world()


def url(name, *args, language="en", query=""):
    with translation.override(language):
        return reverse(f"statistics:{name}", args=args) + query


def csv_text(response) -> str:
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")  # for Excel
    return content[1:]


def lines(*rows: str) -> str:
    return HEADER + "".join(row + "\r\n" for row in rows)


def stock_document() -> dict:
    return {
        "code": "MIG_STOCK",
        "name": "International migrant stock",
        "unit": "persons",
        "unit_label": "persons",
        "decimals": 0,
        "aggregation": "sum",
        "definition": "People living in a country other than that of their birth.",
        "source": "UN DESA",
        "source_url": "https://www.un.org/development/desa/pd/",
        "illustrative": False,
        "url": "http://testserver/en/statistics/indicators/MIG_STOCK/",
    }


def observation(area, name, year, value, **fields):
    return {
        "indicator": fields.get("indicator", "MIG_STOCK"),
        "area": area,
        "area_name": name,
        "year": year,
        "breakdown": fields.get("breakdown", ""),
        "value": value,
        "unit": fields.get("unit", "persons"),
        "note": fields.get("note", ""),
        "source": fields.get("source", "UN DESA"),
        "revision": fields.get("revision", 1),
        "illustrative": fields.get("illustrative", False),
    }


# The indicator's figures


def test_indicator_csv_holds_every_area_and_year_of_the_total(client, world):
    response = client.get(url("indicator_csv", "MIG_STOCK"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="statistics-mig_stock.csv"'
    assert csv_text(response) == lines(
        "MIG_STOCK,ARG,Argentina,2020,,800,persons,,UN DESA,1,false",
        "MIG_STOCK,BRA,Brazil,2015,,0,persons,,UN DESA,1,false",
        "MIG_STOCK,BRA,Brazil,2020,,300,persons,,UN DESA,1,false",
        "MIG_STOCK,CAN,Canada,2015,,2000,persons,,UN DESA,1,false",
        "MIG_STOCK,CAN,Canada,2020,,1200,persons,,UN DESA,1,false",
        "MIG_STOCK,CHL,Chile,2015,,400,persons,,UN DESA,1,false",
        "MIG_STOCK,MEX,Mexico,2015,,1000,persons,,UN DESA,1,false",
        "MIG_STOCK,MEX,Mexico,2020,,1200,persons,,UN DESA,1,false",
        "MIG_STOCK,USA,United States,2015,,5000,persons,,UN DESA,1,false",
        "MIG_STOCK,USA,United States,2020,,5000,persons,,UN DESA,1,false",
        f"MIG_STOCK,XAM,The Americas,2020,,61000000,persons,{AMERICAS_NOTE},IOM,1,false",
    )


def test_indicator_csv_follows_the_breakdown_year_and_countries(client, world):
    response = client.get(
        url("indicator_csv", "MIG_STOCK", query="?breakdown=sex%3Afemale&year=2020&countries=MEX")
    )

    assert response["Content-Disposition"] == (
        'attachment; filename="statistics-mig_stock-sex-female-2020.csv"'
    )
    assert csv_text(response) == lines(
        "MIG_STOCK,MEX,Mexico,2020,sex:female,600,persons,,UN DESA,1,false"
    )


def test_indicator_csv_of_chosen_countries_in_every_year(client, world):
    response = client.get(url("indicator_csv", "MIG_STOCK", query="?countries=CHL,ARG"))

    assert csv_text(response) == lines(
        "MIG_STOCK,ARG,Argentina,2020,,800,persons,,UN DESA,1,false",
        "MIG_STOCK,CHL,Chile,2015,,400,persons,,UN DESA,1,false",
    )


def test_indicator_csv_writes_decimals_revisions_and_names_in_the_language(client, world):
    Observation.objects.filter(indicator=world.share, area="MEX").update(
        value=0.95, revision=2, note="=corrected", source="INEGI"
    )

    response = client.get(url("indicator_csv", "MIG_SHARE", language="es"))

    assert csv_text(response) == lines(
        "MIG_SHARE,MEX,México,2020,,0.95,percent,'=corrected,INEGI,2,false",
        "MIG_SHARE,USA,Estados Unidos,2020,,15.3,percent,,UN DESA,1,false",
    )


def test_indicator_csv_keeps_negative_figures_numbers(client):
    net = IndicatorFactory.create(code="NET")
    ObservationFactory.create(indicator=net, area="VEN", year=2020, value=-5.5)

    response = client.get(url("indicator_csv", "NET"))

    assert csv_text(response) == lines(
        "NET,VEN,Venezuela,2020,,-5.5,persons,,Test statistics office,1,false"
    )


def test_indicator_json_holds_the_indicator_figures_and_totals(client, world):
    response = client.get(url("indicator_json", "MIG_STOCK", query="?year=2020&countries=MEX,XAM"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="statistics-mig_stock-2020.json"'
    )
    assert json.loads(response.content) == {
        "indicator": stock_document(),
        "breakdown": "",
        "breakdown_label": "Total",
        "year": 2020,
        "countries": ["MEX", "XAM"],
        "observations": [
            observation("MEX", "Mexico", 2020, 1200),
            observation("XAM", "The Americas", 2020, 61_000_000, note=AMERICAS_NOTE, source="IOM"),
        ],
        # The region's recorded figure is never added up.
        "regional_totals": [{"year": 2020, "value": 1200, "countries": 1, "of": 1}],
    }


def test_indicator_json_totals_every_country_by_default(client, world):
    response = client.get(url("indicator_json", "MIG_STOCK"))

    document = json.loads(response.content)
    assert document["regional_totals"] == [
        {"year": 2015, "value": 8400, "countries": 5, "of": 6},
        {"year": 2020, "value": 8500, "countries": 5, "of": 6},
    ]
    assert len(document["observations"]) == 11


def strict_json(response) -> dict:
    """The document, failing on NaN and Infinity, which Python's json reads but JSON lacks."""

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(response.content, parse_constant=refuse)


def test_indicator_json_leaves_out_a_regional_total_that_overflows(client):
    big = IndicatorFactory.create(code="BIG")
    for area in ["MEX", "USA", "CAN"]:
        ObservationFactory.create(indicator=big, area=area, year=2020, value=1.5e308)
    ObservationFactory.create(indicator=big, area="MEX", year=2019, value=-1.5e308)

    response = client.get(url("indicator_json", "BIG"))

    document = strict_json(response)
    assert document["regional_totals"] == [
        {"year": 2019, "value": -1.5e308, "countries": 1, "of": 3}
    ]
    assert sorted(row["value"] for row in document["observations"]) == [-1.5e308] + [1.5e308] * 3


def test_indicator_data_write_a_stored_value_that_is_not_finite_as_null(client):
    big = IndicatorFactory.create(code="BIG")
    ObservationFactory.create(indicator=big, area="MEX", year=2020, value=float("inf"))
    ObservationFactory.create(indicator=big, area="USA", year=2020, value=1.0)

    document = strict_json(client.get(url("indicator_json", "BIG")))
    text = csv_text(client.get(url("indicator_csv", "BIG")))

    assert [row["value"] for row in document["observations"]] == [None, 1]
    assert document["regional_totals"] == []
    assert ",2020,,,persons," in text


def test_json_text_nulls_any_number_that_is_not_finite():
    document = {"a": float("nan"), "b": [1.5, float("-inf")], "c": {"d": float("inf")}}

    assert json_text(document) == '{"a": null, "b": [1.5, null], "c": {"d": null}}'
    assert json_text({"a": 1e308}) == '{"a": 1e+308}'


def test_indicator_json_of_a_rate_has_no_totals(client, world):
    response = client.get(url("indicator_json", "MIG_SHARE"))

    document = json.loads(response.content)
    assert "regional_totals" not in document
    assert document["observations"] == [
        observation("MEX", "Mexico", 2020, 0.9, indicator="MIG_SHARE", unit="percent"),
        observation("USA", "United States", 2020, 15.3, indicator="MIG_SHARE", unit="percent"),
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?year=abc", "“abc” is not a year: write four digits, such as 2015.\n"),
        (
            "?breakdown=sex%3Aother",
            "“other” is not a sex in a breakdown: write female or male.\n",
        ),
        (
            "?countries=MEX,ZZZ",
            "“ZZZ” is neither an ISO 3166-1 alpha-3 country code (such as MEX or CAN) nor a "
            "region code (XAM, XLC, XWD).\n",
        ),
    ],
)
@pytest.mark.parametrize("name", ["indicator_csv", "indicator_json"])
def test_indicator_data_refuses_bad_filters_with_a_plain_message(
    client, world, name, query, message
):
    response = client.get(url(name, "MIG_STOCK", query=query))

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == message


def test_indicator_data_mark_illustrative_figures_even_with_their_own_source(client):
    generated = IndicatorFactory.create(code="DEMO_X", illustrative=True, source="Generated")
    ObservationFactory.create(indicator=generated, area="MEX", year=2020, value=5, source="INEGI")

    text = csv_text(client.get(url("indicator_csv", "DEMO_X")))
    document = json.loads(client.get(url("indicator_json", "DEMO_X")).content)

    assert text == lines("DEMO_X,MEX,Mexico,2020,,5,persons,,INEGI,1,true")
    assert [row["illustrative"] for row in document["observations"]] == [True]


@pytest.mark.parametrize("code", ["MIG%00", "%00", "MIG%20STOCK", "M%C3%89X"])
@pytest.mark.parametrize("name", ["indicator_csv", "indicator_json"])
def test_indicator_data_of_a_malformed_code_is_not_found_without_a_query(
    client, world, name, code, django_assert_num_queries
):
    # PostgreSQL refuses text with NUL: such a code must not reach the database.
    with django_assert_num_queries(0):
        response = client.get(url(name, "MIG_STOCK").replace("MIG_STOCK", code))

    assert response.status_code == 404


def test_indicator_data_of_a_year_without_figures_is_empty_not_an_error(client, world):
    response = client.get(url("indicator_csv", "MIG_STOCK", query="?year=1999"))

    assert csv_text(response) == HEADER


def test_indicator_data_of_an_unknown_indicator_is_not_found(client, world):
    assert client.get(url("indicator_csv", "NOPE")).status_code == 404
    assert client.get(url("indicator_json", "NOPE")).status_code == 404


# A country's figures


def test_country_csv_holds_its_totals_of_every_indicator(client, world):
    response = client.get(url("country_csv", "MEX"))

    assert response["Content-Disposition"] == 'attachment; filename="statistics-mex.csv"'
    assert csv_text(response) == lines(
        "MIG_SHARE,MEX,Mexico,2020,,0.9,percent,,UN DESA,1,false",
        "MIG_STOCK,MEX,Mexico,2015,,1000,persons,,UN DESA,1,false",
        "MIG_STOCK,MEX,Mexico,2020,,1200,persons,,UN DESA,1,false",
    )


def test_country_json_holds_the_area_its_indicators_and_figures(client, world):
    response = client.get(url("country_json", "XAM"))

    assert response["Content-Disposition"] == 'attachment; filename="statistics-xam.json"'
    assert json.loads(response.content) == {
        "area": {"code": "XAM", "name": "The Americas", "region": True},
        "indicators": [stock_document()],
        "observations": [
            observation("XAM", "The Americas", 2020, 61_000_000, note=AMERICAS_NOTE, source="IOM")
        ],
    }


def test_country_data_of_a_country_without_figures_is_empty(client, world):
    response = client.get(url("country_json", "PER"))

    assert json.loads(response.content) == {
        "area": {"code": "PER", "name": "Peru", "region": False},
        "indicators": [],
        "observations": [],
    }


def test_country_data_of_an_unknown_area_is_not_found(client, world):
    assert client.get(url("country_csv", "ZZZ")).status_code == 404


# The comparison's figures


def test_compare_csv_holds_the_areas_in_the_order_chosen(client, world):
    query = "?indicator=MIG_STOCK&countries=USA&countries=CHL&year_from=2015&year_to=2015"

    response = client.get(url("compare_csv", query=query))

    assert response["Content-Disposition"] == (
        'attachment; filename="statistics-compare-mig_stock.csv"'
    )
    assert csv_text(response) == lines(
        "MIG_STOCK,USA,United States,2015,,5000,persons,,UN DESA,1,false",
        "MIG_STOCK,CHL,Chile,2015,,400,persons,,UN DESA,1,false",
    )


def test_compare_json_holds_the_choices_and_figures(client, world):
    response = client.get(url("compare_json", query="?indicator=MIG_STOCK&countries=CHL,ARG"))

    assert json.loads(response.content) == {
        "indicator": stock_document(),
        "areas": [{"code": "CHL", "name": "Chile"}, {"code": "ARG", "name": "Argentina"}],
        "year_from": None,
        "year_to": None,
        "observations": [
            observation("CHL", "Chile", 2015, 400),
            observation("ARG", "Argentina", 2020, 800),
        ],
    }


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Choose an indicator.\nChoose at least two countries to compare.\n"),
        (
            "?indicator=NOPE&countries=MEX,USA",
            "“NOPE” is not an indicator: choose one from the list.\n",
        ),
        ("?indicator=MIG_STOCK&countries=MEX", "Choose at least two countries to compare.\n"),
        (
            "?indicator=MIG_STOCK&countries=MEX,USA&year_from=2020&year_to=2015",
            "The first year, 2020, comes after the last year, 2015.\n",
        ),
    ],
)
@pytest.mark.parametrize("name", ["compare_csv", "compare_json"])
def test_compare_data_refuses_bad_choices_with_a_plain_message(client, world, name, query, message):
    response = client.get(url(name, query=query))

    assert response.status_code == 400
    assert response.content.decode() == message


# Queries


def grow(world):
    """Twenty countries and twenty indicators from the world's two of each."""
    for index, code in enumerate(["COL", "PER", "ECU", "URY", "PRY", "BOL", "VEN", "GTM"]):
        for year in (2015, 2020):
            ObservationFactory.create(indicator=world.stock, area=code, year=year, value=index)
    for number in range(18):
        indicator = IndicatorFactory.create(code=f"MORE_{number}")
        ObservationFactory.create(indicator=indicator, area="MEX", year=2020, value=number)


DOWNLOADS = {
    # The indicator; its figures.
    "indicator csv": (("indicator_csv", "MIG_STOCK"), ""),
    "indicator json": (("indicator_json", "MIG_STOCK"), "?countries=MEX,USA,COL"),
    # The area's totals; their indicators.
    "country csv": (("country_csv", "MEX"), ""),
    "country json": (("country_json", "MEX"), ""),
    # The indicators; the figures compared.
    "compare csv": (("compare_csv",), "?indicator=MIG_STOCK&countries=MEX,USA,COL"),
    "compare json": (("compare_json",), "?indicator=MIG_STOCK&countries=MEX,USA,COL"),
}


@pytest.mark.parametrize("download", list(DOWNLOADS))
def test_download_query_count_is_the_same_with_2_and_with_20_countries_and_indicators(
    client, world, django_assert_num_queries, download
):
    route, query = DOWNLOADS[download]
    with django_assert_num_queries(2):
        small = client.get(url(*route, query=query))
    grow(world)

    with django_assert_num_queries(2):
        large = client.get(url(*route, query=query))

    assert small.status_code == large.status_code == 200
    assert len(large.content) > len(small.content)
