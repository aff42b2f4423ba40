"""The public knowledge base: the browsing page with its filters and counts, a resource's page
and its files."""

import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from followup.knowledge import services
from followup.knowledge.models import Resource
from followup.knowledge.tests.factories import ResourceFactory, published, with_countries
from followup.program.models import Actor, PopulationGroup, Theme
from followup.reporting.tests.factories import focal_point_of, reviewer_user, secretariat_user

pytestmark = pytest.mark.django_db

LIST = reverse("knowledge:resource_list")


def page_text(body: str) -> str:
    """What a reader sees: tags dropped, entities read, white space collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def titles(response) -> list[str]:
    return [item.title for item in response.context["page"].object_list]


@pytest.fixture
def library():
    law = with_countries(
        published(
            kind=Resource.Kind.LEGISLATION,
            title="Ley de Migración",
            language="es",
            date="2011-05-25",
        ),
        "MEX",
    )
    law.themes.set([Theme.objects.get(slug="legislation-policy")])
    course = published(kind=Resource.Kind.COURSE, title="Course on migrant children", date="2019")
    course.population_groups.set([PopulationGroup.objects.get(slug="children-adolescents")])
    ResourceFactory(title="Draft never listed", kind=Resource.Kind.COURSE)
    return {"law": law, "course": course}


def test_list_shows_published_resources_by_date_newest_first(client, library):
    response = client.get(LIST)

    assert response.status_code == 200
    assert titles(response) == ["Course on migrant children", "Ley de Migración"]


def test_list_counts_resources_of_each_kind(client, library):
    response = client.get(LIST)

    counts = {kind: number for kind, _label, number in response.context["kinds"] if number}
    assert counts == {"legislation": 1, "course": 1}
    assert len(response.context["kinds"]) == len(Resource.Kind.choices)


def test_counts_follow_the_other_filters_but_not_the_kind(client, library):
    response = client.get(LIST, {"kind": "course", "language": "es"})

    counts = {kind: number for kind, _label, number in response.context["kinds"] if number}
    assert titles(response) == []
    assert counts == {"legislation": 1}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "legislation"}, ["Ley de Migración"]),
        ({"country": "mex"}, ["Ley de Migración"]),
        ({"theme": "legislation-policy"}, ["Ley de Migración"]),
        ({"group": "children-adolescents"}, ["Course on migrant children"]),
        ({"language": "en"}, ["Course on migrant children"]),
        ({"kind": "course", "country": "MEX"}, []),
    ],
)
def test_list_filters(client, library, query, expected):
    assert titles(client.get(LIST, query)) == expected


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"kind": "poem"}, "kind", "“poem” is not a kind of resource."),
        (
            {"country": "XX"},
            "country",
            "“XX” is not an ISO 3166-1 alpha-3 country code (such as MEX or CAN).",
        ),
        ({"theme": "cooking"}, "theme", "“cooking” is not a theme of the Program."),
        (
            {"group": "pirates"},
            "group",
            "“pirates” is not a population group of the Program.",
        ),
        ({"language": "xx"}, "language", "“xx” is not a language of the resources."),
    ],
)
def test_a_bad_filter_is_explained_and_ignored(client, library, query, field, message):
    response = client.get(LIST, {**query, "kind": query.get("kind", "legislation")})

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    expected = 2 if field == "kind" else 1  # the other filter still applies
    assert len(titles(response)) == expected


def test_list_paginates_by_25(client):
    for number in range(26):
        published(title=f"Resource {number:02d}")

    first, second = client.get(LIST), client.get(LIST, {"page": 2})

    assert (len(titles(first)), len(titles(second))) == (25, 1)


@pytest.mark.parametrize(
    ("maker", "shown"),
    [
        (None, False),
        (reviewer_user, False),
        (lambda: focal_point_of("iin"), True),
        (secretariat_user, True),
    ],
)
def test_manage_link_is_for_who_may_add_resources(client, maker, shown):
    if maker:
        client.force_login(maker())

    body = client.get(LIST).content.decode()

    assert (reverse("knowledge:resource_manage_list") in body) is shown


@pytest.mark.parametrize("signed_in", [False, True])
def test_list_page_runs_the_same_queries_for_1_and_3_items(
    client, django_assert_num_queries, signed_in
):
    # Anonymous: the count, the counts by kind, the filter menus (themes, groups), the page
    # with its countries, themes and groups. Signed in, for the "Manage resources" link: the
    # session, the user, their permissions (two), their actors and whether one exists; and
    # the session saved again (SESSION_SAVE_EVERY_REQUEST: a savepoint, an update, a release).
    if signed_in:
        client.force_login(focal_point_of("iin"))
    expected = 17 if signed_in else 8

    def add(number: int) -> None:
        for _ in range(number):
            resource = with_countries(published(), "MEX", "GTM")
            resource.themes.set(Theme.objects.all()[:2])
            resource.population_groups.set(PopulationGroup.objects.all()[:2])

    add(1)
    with django_assert_num_queries(expected):
        client.get(LIST)
    add(2)
    with django_assert_num_queries(expected):
        response = client.get(LIST)
    assert len(titles(response)) == 3


# A resource's page -------------------------------------------------------------------------


def test_detail_shows_every_field_labelled(client):
    iin = Actor.objects.get(slug="iin")
    law = with_countries(
        published(
            kind=Resource.Kind.LEGISLATION,
            title="Ley 25.871 de Migraciones",
            summary="Migrating is a human right.",
            language="es",
            date="2004-01",
            url="https://example.org/ley-25871",
            publisher="Congreso de la Nación Argentina",
            instrument_type="law",
            legal_status="in_force",
            official_reference="Ley 25.871",
        ),
        "ARG",
    )
    law.actors.set([iin])

    body = client.get(law.get_absolute_url()).content.decode()
    text = page_text(body)

    for expected in [
        "Kind National legislation",
        "Date January 2004",
        "Language Spanish",
        "Published by Congreso de la Nación Argentina",
        "Official link https://example.org/ley-25871",
        "Maintained by Inter-American Children's Institute",
        "Type of instrument Law",
        "Legal status In force",
        "Official reference Ley 25.871",
        "Countries Argentina",
        "Actors concerned Inter-American Children's Institute",
    ]:
        assert expected in text
    assert reverse("program:actor_detail", args=["iin"]) in body
    assert "Not public" not in text
    assert "The institution" not in text


def test_detail_of_an_institution_shows_its_services_and_contact(client):
    institution = published(
        kind=Resource.Kind.INSTITUTION,
        title="Dirección Nacional de Migraciones",
        services="Residence applications",
        service_languages="Spanish",
        contact="Av. Antártida Argentina 1355",
    )

    text = page_text(client.get(institution.get_absolute_url()).content.decode())

    assert "Services offered Residence applications" in text
    assert "Languages of service Spanish" in text
    assert "Institutional contact Av. Antártida Argentina 1355" in text
    assert "Legal information" not in text


def test_owner_sees_a_draft_marked_not_public(client):
    draft = ResourceFactory(title="Our draft")
    client.force_login(focal_point_of("iin"))

    body = client.get(draft.get_absolute_url()).content.decode()

    assert "Not public: this resource is Draft." in body


def test_return_comments_are_for_the_owner_and_the_secretariat_only(client):
    secretariat = secretariat_user()
    resource = ResourceFactory(status=Resource.Status.SUBMITTED)
    services.return_resource(resource, by=secretariat, comment="Add the official link.")
    services.publish_resource(resource, by=secretariat)

    public = client.get(resource.get_absolute_url()).content.decode()
    client.force_login(focal_point_of("iin"))
    owner = client.get(resource.get_absolute_url()).content.decode()

    assert "Add the official link." not in public
    assert "Add the official link." in owner


def test_attachment_downloads_as_a_file_with_its_detected_type(client):
    resource = published()
    attachment = services.attach_file(
        resource, SimpleUploadedFile("guide.html", b"<b>Guide</b>"), by=secretariat_user()
    )

    response = client.get(reverse("knowledge:attachment_download", args=[attachment.pk]))
    content = b"".join(response.streaming_content)

    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"] == 'attachment; filename="guide.html"'
    assert content == b"<b>Guide</b>"


def test_detail_page_query_count_does_not_grow(client, django_assert_num_queries):
    # The resource with its owner; its countries, themes, groups, actors and files.
    resource = published()
    with django_assert_num_queries(6):
        client.get(resource.get_absolute_url())
    with_countries(resource, "MEX", "GTM")
    resource.themes.set(Theme.objects.all()[:3])
    resource.actors.set(Actor.objects.all()[:3])

    with django_assert_num_queries(6):
        client.get(resource.get_absolute_url())
