"""The workspace pages: the list of resources one keeps, the form (values kept on error, exact
messages, the stale-edit lock), files, and the review buttons' outcomes."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from followup.knowledge import services
from followup.knowledge.models import Resource
from followup.knowledge.tests.factories import ResourceFactory, published, with_countries
from followup.program.models import Actor, Theme
from followup.reporting.tests.factories import focal_point_of, secretariat_user

pytestmark = pytest.mark.django_db

MANAGE = reverse("knowledge:resource_manage_list")
CREATE = reverse("knowledge:resource_create")


def edit_url(resource: Resource) -> str:
    return reverse("knowledge:resource_edit", args=[resource.pk])


def flashed(response) -> list[str]:
    """The messages this request added (those of earlier, unfollowed redirects come first)."""
    return [str(message) for message in get_messages(response.wsgi_request)][-1:]


@pytest.fixture
def iin(client):
    user = focal_point_of("iin")
    client.force_login(user)
    return user


def law_form(**fields) -> dict:
    return {
        "kind": "legislation",
        "title": "Ley de Migración",
        "language": "es",
        "date": "2011-05-25",
        "countries": ["MEX"],
        "themes": [Theme.objects.get(slug="legislation-policy").pk],
        "instrument_type": "law",
        "legal_status": "in_force",
        "official_reference": "DOF 25-05-2011",
    } | fields


# The form --------------------------------------------------------------------------------


def test_create_saves_a_draft_for_the_focal_points_actor(client, iin):
    response = client.post(CREATE, law_form())

    resource = Resource.objects.get()
    assert response.status_code == 302
    assert response["Location"] == edit_url(resource)
    assert (resource.owner.slug, resource.status, resource.created_by) == ("iin", "draft", iin)
    assert list(resource.countries.values_list("code", flat=True)) == ["MEX"]
    assert flashed(response) == [
        "Resource saved as a draft: “Ley de Migración”. Attach files or submit it below."
    ]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": ""}, "title", "Give the resource's title."),
        ({"kind": ""}, "kind", "Choose the kind of resource."),
        ({"kind": "poem"}, "kind", "“poem” is not a kind of resource."),
        (
            {"date": "May 2011"},
            "date",
            "“May 2011” is not a date; write 2016-10-20, 2016-10 or 2016.",
        ),
        ({"date": "2011-13"}, "date", "There is no month 13; months go from 01 to 12."),
        (
            {"kind": "course", "date": "2020", "ends": "2019"},
            "ends",
            "The end (2019) comes before the start (2020).",
        ),
        (
            {"countries": ["MEX", "XYZ"]},
            "countries",
            "“XYZ” is not an ISO 3166-1 alpha-3 country code (such as MEX or CAN).",
        ),
        ({"countries": []}, "countries", "Say which country this legislation belongs to."),
        (
            {"url": "not a link"},
            "url",
            "Write the full web address, such as https://www.example.org/law.pdf.",
        ),
        ({"owner": 999_999}, "owner", "Choose one of the actors you are a focal point of."),
    ],
)
def test_form_keeps_values_and_names_the_problem(client, iin, fields, field, message):
    response = client.post(CREATE, law_form(summary="Typed with care", **fields))

    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    body = response.content.decode()
    assert "Typed with care" in body
    assert escape(message) in body
    assert not Resource.objects.exists()


def test_focal_point_cannot_choose_another_actor(client, iin):
    cim = Actor.objects.get(slug="cim")

    response = client.post(CREATE, law_form(owner=cim.pk))

    assert response.context["form"].errors["owner"] == [
        "Choose one of the actors you are a focal point of."
    ]


def test_edit_form_shows_the_saved_values(client, iin):
    resource = with_countries(ResourceFactory(title="Guide for consuls"), "GTM", "MEX")

    form = client.get(edit_url(resource)).context["form"]

    assert (form["title"].value(), form["countries"].value(), form["revision"].value()) == (
        "Guide for consuls",
        ["GTM", "MEX"],
        1,
    )


def test_edit_saves_and_bumps_the_revision(client, iin):
    resource = ResourceFactory(title="Old title", kind=Resource.Kind.PRACTICE)

    response = client.post(
        edit_url(resource),
        {"revision": 1, "kind": "practice", "title": "New title", "language": "en"},
    )

    resource.refresh_from_db()
    assert response.status_code == 302, response.context["form"].errors
    assert (resource.title, resource.revision) == ("New title", 2)


def test_a_stale_edit_keeps_the_typed_text_and_shows_the_saved_version(client, iin):
    resource = ResourceFactory(title="Original")
    services.save_resource(resource, {"title": "Saved meanwhile"}, by=secretariat_user())

    response = client.post(
        edit_url(resource),
        {"revision": 1, "kind": "practice", "title": "My version", "language": "en"},
    )

    body = response.content.decode()
    assert response.status_code == 409
    assert response.context["form"].non_field_errors() == [
        "Someone else saved this resource while you were editing it. Your text is kept below; "
        "compare it with the saved version and save again."
    ]
    assert "My version" in body
    assert "Saved meanwhile" in body
    assert response.context["form"]["revision"].value() == "2"
    assert Resource.objects.get(pk=resource.pk).title == "Saved meanwhile"


# Files -----------------------------------------------------------------------------------


def test_upload_is_refused_by_content(client, iin):
    resource = ResourceFactory()

    response = client.post(
        reverse("knowledge:resource_attach", args=[resource.pk]),
        {
            "attach-revision": 1,
            "attach-file": SimpleUploadedFile("report.pdf", b"\x7fELF\x02\x01\x01\x00"),
        },
    )

    assert response.status_code == 302
    assert flashed(response) == ["“report.pdf” is not a PDF, DOCX, ODT, XLSX or plain-text file."]
    assert not resource.attachments.exists()


def test_upload_and_remove_a_file(client, iin):
    resource = ResourceFactory()

    attached = client.post(
        reverse("knowledge:resource_attach", args=[resource.pk]),
        {"attach-revision": 1, "attach-file": SimpleUploadedFile("notes.txt", b"Notes")},
    )
    attachment = resource.attachments.get()
    removed = client.post(
        reverse("knowledge:attachment_remove", args=[attachment.pk]), {"revision": 2}
    )

    assert flashed(attached) == ["File attached: “notes.txt”."]
    assert flashed(removed) == ["File removed: “notes.txt”."]
    assert not resource.attachments.exists()


def test_upload_with_a_stale_revision_is_refused(client, iin):
    resource = ResourceFactory(revision=4)

    response = client.post(
        reverse("knowledge:resource_attach", args=[resource.pk]),
        {"attach-revision": 3, "attach-file": SimpleUploadedFile("notes.txt", b"Notes")},
    )

    assert flashed(response)[0].startswith("Someone else saved this resource")
    assert not resource.attachments.exists()


# Review buttons ---------------------------------------------------------------------------


def test_submit_then_secretariat_returns_with_a_comment(client, iin):
    resource = ResourceFactory()
    submitted = client.post(
        reverse("knowledge:resource_submit", args=[resource.pk]), {"revision": 1}
    )
    client.force_login(secretariat_user())

    empty = client.post(reverse("knowledge:resource_return", args=[resource.pk]), {"comment": ""})
    returned = client.post(
        reverse("knowledge:resource_return", args=[resource.pk]), {"comment": "Add the link."}
    )

    assert flashed(submitted) == [
        "Resource submitted to the CAM secretariat for review. Thank you."
    ]
    assert flashed(empty) == ["Say what needs to change when returning a resource."]
    assert flashed(returned) == ["Resource returned to its focal points with your comment."]
    assert Resource.objects.get(pk=resource.pk).status == "returned"


def test_unpublish_needs_a_reason(client):
    client.force_login(secretariat_user())
    resource = published()

    response = client.post(reverse("knowledge:resource_unpublish", args=[resource.pk]), {})

    assert flashed(response) == ["Say why the resource is taken off the public pages."]
    assert Resource.objects.get(pk=resource.pk).status == "published"


def test_action_without_revision_is_a_bad_request(client, iin):
    resource = ResourceFactory()

    response = client.post(reverse("knowledge:resource_submit", args=[resource.pk]), {})

    assert response.status_code == 400


# The list --------------------------------------------------------------------------------


def test_focal_point_lists_their_actors_resources_in_every_state(client, iin):
    ResourceFactory(title="IIN draft")
    published(title="IIN published")
    ResourceFactory(title="CIM draft", owner=Actor.objects.get(slug="cim"))
    published(title="CIM published", owner=Actor.objects.get(slug="cim"))

    page = client.get(MANAGE).context["page"]

    assert sorted(resource.title for resource in page.object_list) == [
        "IIN draft",
        "IIN published",
    ]


def test_secretariat_sees_what_awaits_review_and_filters_by_status(client):
    client.force_login(secretariat_user())
    ResourceFactory(title="Waiting", status=Resource.Status.SUBMITTED)
    ResourceFactory(title="Still a draft")
    ResourceFactory(title="Gone", deleted_at="2024-01-01T00:00:00Z")

    everything = client.get(MANAGE)
    drafts = client.get(MANAGE, {"status": "draft"})
    deleted = client.get(MANAGE, {"status": "deleted"})

    assert [r.title for r in everything.context["awaiting"]] == ["Waiting"]
    assert "Submitted, awaiting review" in everything.content.decode()
    assert [r.title for r in drafts.context["page"].object_list] == ["Still a draft"]
    assert [r.title for r in deleted.context["page"].object_list] == ["Gone"]


def test_focal_point_cannot_list_deleted_resources(client, iin):
    ResourceFactory(title="Gone", deleted_at="2024-01-01T00:00:00Z")

    response = client.get(MANAGE, {"status": "deleted"})

    assert response.context["form"].errors["status"] == ["“deleted” is not a status of resources."]
    assert "Gone" not in response.content.decode()


@pytest.mark.parametrize("who", ["iin focal point", "secretariat"])
def test_manage_list_runs_the_same_queries_for_1_and_3_items(
    client, django_assert_num_queries, who
):
    # The session and user, permissions (two), actors; the count, the page with owners,
    # countries, themes and groups; the filter menus; the waiting list (secretariat) or
    # whether the focal point has an actor to add resources for; the session saved again.
    user = focal_point_of("iin") if who == "iin focal point" else secretariat_user()
    client.force_login(user)
    expected = 18 if who == "iin focal point" else 15

    def add(number: int) -> None:
        for _ in range(number):
            resource = with_countries(ResourceFactory(status=Resource.Status.SUBMITTED), "MEX")
            resource.themes.set(Theme.objects.all()[:2])

    add(1)
    with django_assert_num_queries(expected):
        client.get(MANAGE)
    add(2)
    with django_assert_num_queries(expected):
        response = client.get(MANAGE)
    assert len(response.context["page"].object_list) == 3
