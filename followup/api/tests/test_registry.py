"""The registry endpoints (/api/v1/program/…): public, read-only, shaped like the JSON export."""

import pytest

from followup.api.tests.conftest import Api

pytestmark = pytest.mark.django_db


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_versions_list_both_versions_oldest_first(api: Api):
    versions = results(api.get("/api/v1/program/versions/"))

    assert [(v["slug"], v["adopted_by"], v["is_current"]) for v in versions] == [
        ("2005", "AG/RES. 2141 (XXXV-O/05)", False),
        ("2016", "AG/RES. 2883 (XLVI-O/16)", True),
    ]
    assert versions[1]["url"] == "http://testserver/api/v1/program/versions/2016/"
    assert sorted(versions[1]["title"]) == ["en", "es"]


def test_version_detail_has_its_objectives_and_activities(api: Api):
    version = api.get("/api/v1/program/versions/2016/").json()

    assert version["objectives"][0]["kind"] == "general"
    assert sorted(version["objectives"][0]["text"]) == ["en", "es"]
    activity = next(a for a in version["activities"] if a["code"] == "2016-iin-a")
    assert activity == {
        "code": "2016-iin-a",
        "version": "2016",
        "label": "a",
        "actor": "iin",
        "actor_category": None,
        "text": {
            "en": "Take into account in its work the particular situation of migrant children "
            "and adolescents who travel without an accompanying adult.",
            "es": "Tener en cuenta en sus actividades la situación particular de los niños, "
            "niñas y adolescentes migrantes que viajan no acompañados.",
        },
        "note": {"en": "", "es": ""},
        "mandates": ["AG/RES. 2883 (XLVI-O/16)"],
        "themes": ["human-rights"],
        "population_groups": ["children-adolescents", "unaccompanied-children"],
    }
    assert "iin" in version["actors"]


def test_unknown_version_answers_404(api: Api):
    response = api.get("/api/v1/program/versions/1999/")

    assert (response.status_code, response.json()) == (404, {"detail": "Not found."})


def test_actors_filter_by_country_in_any_case(api: Api):
    actors = results(api.get("/api/v1/program/actors/?country=mex"))

    assert [(a["slug"], a["category"], a["country"], a["name"]) for a in actors] == [
        ("mex", "member_state", "MEX", {"en": "Mexico", "es": "México"})
    ]


def test_actors_filter_by_category(api: Api):
    actors = results(api.get("/api/v1/program/actors/?category=specialized_organization"))

    assert {a["category"] for a in actors} == {"specialized_organization"}
    assert {"iin", "cim", "paho"} <= {a["slug"] for a in actors}
    assert {a["country"] for a in actors} == {None}


def test_actors_refuse_a_country_that_is_not_an_iso_code(api: Api):
    response = api.get("/api/v1/program/actors/?country=XXX")

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Invalid input.",
        "errors": {
            "country": ["“XXX” is not an ISO 3166-1 alpha-3 country code (such as MEX or CAN)."]
        },
    }


def test_actors_refuse_an_unknown_category(api: Api):
    response = api.get("/api/v1/program/actors/?category=ngo")

    assert response.status_code == 400
    assert response.json()["errors"] == {"category": ['"ngo" is not a valid choice.']}


def test_actor_detail_has_the_activities_of_the_actor_and_its_category(api: Api):
    actor = api.get("/api/v1/program/actors/iin/").json()

    assert actor["slug"] == "iin"
    assert actor["program_versions"] == ["2016", "2005"]
    assert {a["code"] for a in actor["activities"]} >= {"2016-iin-a", "2016-iin-b"}
    assert {a["actor"] or a["actor_category"] for a in actor["activities"]} <= {
        "iin",
        "specialized_organization",
    }


def test_mandates_are_found_by_any_spelling_of_their_symbol(api: Api):
    mandates = results(api.get("/api/v1/program/mandates/?symbol=ag/res 2816 (xliv-or/14)"))

    assert [m["symbol"] for m in mandates] == ["AG/RES. 2816 (XLIV-O/14)"]


def test_mandates_refuse_a_malformed_symbol(api: Api):
    response = api.get("/api/v1/program/mandates/?symbol=XYZ/RES. 1 (I-O/71)")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["symbol"]


def test_mandate_detail_has_its_operative_paragraphs_and_activities(api: Api):
    mandate = api.get("/api/v1/program/mandates/ag-res-2883-xlvi-o-16/").json()

    assert mandate["symbol"] == "AG/RES. 2883 (XLVI-O/16)"
    assert mandate["adopted_versions"] == ["2016"]
    assert "2016-iin-a" in mandate["activities"]
    paragraph = mandate["operative_paragraphs"][0]
    assert sorted(paragraph) == ["number", "text"]
    assert sorted(paragraph["text"]) == ["en", "es"]


def test_activities_filter_by_version_and_actor(api: Api):
    activities = results(api.get("/api/v1/program/activities/?version=2016&actor=iin"))

    assert [a["code"] for a in activities] == ["2016-iin-a", "2016-iin-b"]


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        (
            "version=1999",
            {"version": ["“1999” is not a Program version."]},
        ),
        ("actor=nobody", {"actor": ["“nobody” is not an actor of the Program."]}),
    ],
)
def test_activities_refuse_unknown_filters(api: Api, query: str, errors: dict):
    response = api.get(f"/api/v1/program/activities/?{query}")

    assert response.status_code == 400
    assert response.json()["errors"] == errors


def test_vocabularies_list_their_terms(api: Api):
    themes = results(api.get("/api/v1/program/themes/?limit=200"))
    groups = results(api.get("/api/v1/program/population-groups/?limit=200"))

    assert "health" in [t["slug"] for t in themes]
    assert "migrant-workers" in [g["slug"] for g in groups]
    assert sorted(themes[0]) == ["description", "label", "slug"]


def test_lists_are_paginated_with_a_ceiling(api: Api):
    page = api.get("/api/v1/program/actors/?limit=100000&offset=2").json()

    assert len(page["results"]) == min(200, page["count"] - 2)
    assert page["previous"] == "http://testserver/api/v1/program/actors/?limit=200"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/program/versions/",
        "/api/v1/program/actors/",
        "/api/v1/program/mandates/",
        "/api/v1/program/activities/",
        "/api/v1/program/themes/",
        "/api/v1/program/population-groups/",
    ],
)
def test_registry_lists_run_the_same_queries_for_one_or_three_items(
    api: Api, django_assert_num_queries, path: str
):
    api.get(f"{path}?limit=1")  # warm-up: content types and the like are cached

    with django_assert_num_queries(QUERIES[path]):
        one = results(api.get(f"{path}?limit=1"))
    with django_assert_num_queries(QUERIES[path]):
        three = results(api.get(f"{path}?limit=3"))

    assert (len(one), len(three)) == (1, min(3, len(three)))
    assert len(three) > 1


# A count and a page, plus one query per prefetched list (mandates, themes, groups).
QUERIES = {
    "/api/v1/program/versions/": 2,
    "/api/v1/program/actors/": 2,
    "/api/v1/program/mandates/": 2,
    "/api/v1/program/activities/": 5,
    "/api/v1/program/themes/": 2,
    "/api/v1/program/population-groups/": 2,
}


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/api/v1/program/versions/2016/", 7),
        ("/api/v1/program/actors/iin/", 7),
        ("/api/v1/program/mandates/ag-res-2883-xlvi-o-16/", 7),
    ],
)
def test_registry_details_run_a_fixed_number_of_queries(
    api: Api, django_assert_num_queries, path: str, queries: int
):
    api.get(path)

    with django_assert_num_queries(queries):
        assert api.get(path).status_code == 200
