"""Who finds unpublished documents: the secretariat only, on the page, in its facet counts, in
the downloads and in the API. Each persona is asked for the same search over a published
entry and the entries of a draft and a submitted report, which a wrong rule would leak."""

import csv
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import Client

from followup.accounts.models import User
from followup.accounts.services import issue_api_token
from followup.program.models import Actor
from followup.reporting.models import ActorReport, EntryCountry
from followup.reporting.tests.factories import (
    EntryFactory,
    ReportFactory,
    focal_point_of,
    reviewer_user,
    secretariat_user,
)
from followup.search.permissions import can_find_unpublished

pytestmark = pytest.mark.django_db

PUBLIC = ["Quetzal published"]
EVERYTHING = ["Quetzal draft", "Quetzal published", "Quetzal submitted"]

# persona → what it finds
MATRIX = {
    "anonymous": PUBLIC,
    "iin focal point": PUBLIC,  # not even their own actor's draft: the workspace lists it
    "reviewer": PUBLIC,
    "secretariat": EVERYTHING,
}


def make_persona(name: str) -> User | None:
    makers = {
        "anonymous": lambda: None,
        "iin focal point": lambda: focal_point_of("iin"),
        "reviewer": reviewer_user,
        "secretariat": secretariat_user,
    }
    return makers[name]()


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def entries():
    published = ReportFactory(status=ActorReport.Status.PUBLISHED)
    draft = ReportFactory(actor=published.actor)  # IIN's own draft, in a later cycle
    submitted = ReportFactory(
        cycle=published.cycle,
        actor=Actor.objects.get(slug="cim"),
        status=ActorReport.Status.SUBMITTED,
    )
    for report, title in [
        (published, "Quetzal published"),
        (draft, "Quetzal draft"),
        (submitted, "Quetzal submitted"),
    ]:
        made = EntryFactory(report=report, title=title)
        EntryCountry.objects.create(entry=made, code="MEX")


def signed_in(client: Client, user: User | None) -> Client:
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize(("persona", "expected"), MATRIX.items())
def test_the_page_shows_unpublished_hits_to_the_secretariat_only(
    client, entries, persona, expected
):
    response = signed_in(client, make_persona(persona)).get("/en/search/", {"q": "quetzal"})

    found = sorted(
        hit.title.replace("<mark>", "").replace("</mark>", "")
        for hit in response.context["results"].hits
    )
    assert found == expected
    country = {
        v.value: v.count
        for f in response.context["facets"]
        for v in f.values
        if f.name == "country"
    }
    assert country == {"MEX": len(expected)}
    assert ("unpublished</span>" in response.content.decode()) == (expected == EVERYTHING)


@pytest.mark.parametrize(("persona", "expected"), MATRIX.items())
def test_the_export_holds_unpublished_hits_for_the_secretariat_only(
    client, entries, persona, expected
):
    client = signed_in(client, make_persona(persona))

    response = client.get("/en/search/export.csv", {"q": "quetzal"})

    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert sorted(row["title"] for row in rows) == expected
    assert ("public" in rows[0]) == (expected == EVERYTHING)


@pytest.mark.parametrize(("persona", "expected"), MATRIX.items())
def test_the_api_gives_unpublished_hits_to_the_secretariat_token_only(
    client, entries, persona, expected
):
    user = make_persona(persona)
    headers = {}
    if user is not None:
        headers["HTTP_AUTHORIZATION"] = "Bearer " + issue_api_token(user, name="tests")[1]

    response = client.get("/api/v1/search", {"q": "quetzal"}, **headers)

    assert response.status_code == 200
    body = response.json()
    assert sorted(hit["title"] for hit in body["results"]) == expected
    assert body["facets"]["country"] == [
        {"value": "MEX", "label": "Mexico", "count": len(expected)}
    ]


def test_the_api_reads_the_signed_in_session_too(client, entries):
    client.force_login(secretariat_user())

    body = client.get("/api/v1/search", {"q": "quetzal"}).json()

    assert body["count"] == 3


def test_an_inactive_secretariat_member_finds_public_documents_only():
    user = secretariat_user()
    user.is_active = False
    user.save()

    assert can_find_unpublished(user) is False


def test_only_the_secretariat_role_may_find_unpublished_documents():
    found = {name: can_find_unpublished(make_persona(name) or AnonymousUser()) for name in MATRIX}

    assert found == {
        "anonymous": False,
        "iin focal point": False,
        "reviewer": False,
        "secretariat": True,
    }
