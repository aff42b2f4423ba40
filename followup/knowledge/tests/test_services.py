"""Every use case of the knowledge base, allowed and refused, with its history."""

import os

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from followup.knowledge import services
from followup.knowledge.models import Resource, ResourceComment
from followup.knowledge.services import KnowledgeError, StaleRevision
from followup.program.models import Actor, PopulationGroup, Theme
from followup.reporting.tests.factories import focal_point_of, reviewer_user, secretariat_user

pytestmark = pytest.mark.django_db


def law(**values) -> dict:
    return {
        "kind": Resource.Kind.LEGISLATION,
        "title": "Ley de Migración",
        "language": "es",
        "date": "2011-05-25",
        "countries": ["mex"],
        "instrument_type": "law",
        "legal_status": "in_force",
        "official_reference": "DOF 25-05-2011",
    } | values


@pytest.fixture
def iin_user():
    return focal_point_of("iin")


@pytest.fixture
def secretariat():
    return secretariat_user()


@pytest.fixture
def draft(iin_user):
    return services.create_resource(law(), by=iin_user)


def fresh(resource: Resource) -> Resource:
    return Resource.objects.get(pk=resource.pk)


# Create and save --------------------------------------------------------------------------


def test_create_resource_makes_a_draft_owned_by_the_focal_points_only_actor(iin_user):
    resource = services.create_resource(
        law(themes=[Theme.objects.get(slug="legislation-policy")]), by=iin_user
    )

    saved = fresh(resource)
    assert (saved.status, saved.owner.slug, saved.revision, saved.created_by) == (
        "draft",
        "iin",
        1,
        iin_user,
    )
    assert list(saved.countries.values_list("code", flat=True)) == ["MEX"]
    assert list(saved.themes.values_list("slug", flat=True)) == ["legislation-policy"]


def test_create_resource_records_who_created_it(iin_user):
    resource = services.create_resource(law(), by=iin_user)

    first = resource.history.earliest()
    assert (first.history_type, first.history_user, first.history_change_reason) == (
        "+",
        iin_user,
        "created",
    )


def test_create_resource_refuses_an_actor_the_focal_point_does_not_serve(iin_user):
    with pytest.raises(ValidationError) as raised:
        services.create_resource(law(owner=Actor.objects.get(slug="cim")), by=iin_user)

    assert raised.value.message_dict == {
        "owner": ["Choose one of the actors you are a focal point of."]
    }
    assert not Resource.objects.exists()


def test_create_resource_asks_a_focal_point_of_several_actors_which_one():
    user = focal_point_of("iin", "cim")

    with pytest.raises(ValidationError) as raised:
        services.create_resource(law(), by=user)

    assert raised.value.message_dict == {
        "owner": ["Choose one of the actors you are a focal point of."]
    }


@pytest.mark.parametrize("maker", [reviewer_user, lambda: focal_point_of()])
def test_create_resource_refuses_users_without_an_actor(maker):
    with pytest.raises(PermissionDenied):
        services.create_resource(law(), by=maker())


def test_secretariat_creates_a_resource_without_owner(secretariat):
    resource = services.create_resource(law(), by=secretariat)

    assert resource.owner is None


def test_legislation_needs_a_country(iin_user):
    with pytest.raises(ValidationError) as raised:
        services.create_resource(law(countries=[]), by=iin_user)

    assert raised.value.message_dict == {
        "countries": ["Say which country this legislation belongs to."]
    }


def test_ends_cannot_come_before_the_date(iin_user):
    values = law(kind=Resource.Kind.COURSE, date="2020-05", ends="2019")

    with pytest.raises(ValidationError) as raised:
        services.create_resource(values, by=iin_user)

    assert raised.value.message_dict == {
        "ends": ["The end (2019) comes before the start (2020-05)."]
    }


def test_fields_of_another_kind_are_emptied(draft, iin_user):
    services.save_resource(
        draft,
        {"kind": Resource.Kind.PUBLICATION, "services": "Legal aid", "ends": "2030"},
        by=iin_user,
    )

    saved = fresh(draft)
    assert (
        saved.instrument_type,
        saved.legal_status,
        saved.official_reference,
        saved.services,
        saved.ends,
    ) == ("", "", "", "", "")


def test_model_clean_refuses_fields_of_another_kind():
    resource = Resource(kind=Resource.Kind.PUBLICATION, title="Study", legal_status="in_force")

    with pytest.raises(ValidationError) as raised:
        resource.clean()

    assert raised.value.message_dict == {
        "legal_status": ["Only national legislation and international instruments have this."]
    }


def test_save_resource_replaces_countries_and_tags_and_bumps_revision(draft, iin_user):
    group = PopulationGroup.objects.get(slug="migrant-workers")

    services.save_resource(
        draft,
        {"countries": ["GTM", "hnd"], "population_groups": [group], "title": "Reformed law"},
        by=iin_user,
        expected_revision=1,
    )

    saved = fresh(draft)
    assert (saved.title, saved.revision) == ("Reformed law", 2)
    assert list(saved.countries.values_list("code", flat=True)) == ["GTM", "HND"]
    assert list(saved.population_groups.all()) == [group]


def test_save_resource_keeps_what_is_left_out(draft, iin_user):
    services.save_resource(draft, {"summary": "New summary"}, by=iin_user)

    saved = fresh(draft)
    assert (saved.title, saved.official_reference, saved.summary) == (
        "Ley de Migración",
        "DOF 25-05-2011",
        "New summary",
    )
    assert list(saved.countries.values_list("code", flat=True)) == ["MEX"]


def test_save_resource_refuses_a_stale_revision(draft, iin_user):
    services.save_resource(draft, {"title": "First"}, by=iin_user, expected_revision=1)

    with pytest.raises(StaleRevision) as raised:
        services.save_resource(fresh(draft), {"title": "Second"}, by=iin_user, expected_revision=1)

    assert raised.value.current == 2
    assert fresh(draft).title == "First"


def test_save_resource_records_who_changed_what(draft, iin_user):
    services.save_resource(draft, {"title": "Reformed law"}, by=iin_user)

    last = fresh(draft).history.latest()
    delta = last.diff_against(last.prev_record)
    assert (last.history_user, last.history_change_reason) == (iin_user, "edited")
    assert [(c.field, c.old, c.new) for c in delta.changes if c.field == "title"] == [
        ("title", "Ley de Migración", "Reformed law")
    ]


def test_focal_point_of_another_actor_cannot_edit(draft):
    with pytest.raises(PermissionDenied):
        services.save_resource(draft, {"title": "Hijacked"}, by=focal_point_of("cim"))


def test_focal_point_cannot_edit_once_submitted(draft, iin_user):
    services.submit_resource(draft, by=iin_user)

    with pytest.raises(PermissionDenied):
        services.save_resource(draft, {"title": "Late change"}, by=iin_user)


def test_secretariat_edits_a_published_resource_which_stays_published(draft, secretariat):
    services.publish_resource(draft, by=secretariat)

    services.save_resource(draft, {"title": "Corrected"}, by=secretariat)

    saved = fresh(draft)
    assert (saved.title, saved.status) == ("Corrected", "published")


# Review -----------------------------------------------------------------------------------


def test_submit_then_return_then_resubmit_then_publish(draft, iin_user, secretariat):
    services.submit_resource(draft, by=iin_user, expected_revision=1)
    comment = services.return_resource(draft, by=secretariat, comment=" Add the link. ")
    services.save_resource(draft, {"url": "https://example.org/law"}, by=iin_user)
    services.submit_resource(draft, by=iin_user)
    services.publish_resource(draft, by=secretariat)

    saved = fresh(draft)
    assert (saved.status, saved.is_public, saved.revision) == ("published", True, 6)
    assert saved.published_at is not None
    assert (comment.text, comment.author) == ("Add the link.", secretariat)
    reasons = [r.history_change_reason for r in saved.history.order_by("history_id")]
    assert reasons == ["created", "submitted", "returned", "edited", "submitted", "published"]


def test_submit_refuses_a_stale_revision(draft, iin_user):
    with pytest.raises(StaleRevision):
        services.submit_resource(draft, by=iin_user, expected_revision=7)

    assert fresh(draft).status == "draft"


@pytest.mark.parametrize("maker", [lambda: focal_point_of("cim"), reviewer_user])
def test_submit_is_refused_to_others(draft, maker):
    with pytest.raises(PermissionDenied):
        services.submit_resource(draft, by=maker())


def test_submitted_resource_cannot_be_submitted_again(draft, iin_user):
    services.submit_resource(draft, by=iin_user)

    with pytest.raises(PermissionDenied):
        services.submit_resource(draft, by=iin_user)


def test_return_needs_a_comment(draft, iin_user, secretariat):
    services.submit_resource(draft, by=iin_user)

    with pytest.raises(KnowledgeError) as raised:
        services.return_resource(draft, by=secretariat, comment="  ")

    assert str(raised.value) == "Say what needs to change when returning a resource."
    assert fresh(draft).status == "submitted"


def test_return_is_refused_for_a_draft_and_to_focal_points(draft, iin_user, secretariat):
    with pytest.raises(PermissionDenied):
        services.return_resource(draft, by=secretariat, comment="Why?")
    services.submit_resource(draft, by=iin_user)
    with pytest.raises(PermissionDenied):
        services.return_resource(draft, by=iin_user, comment="Returning my own")


def test_secretariat_publishes_directly_from_draft(draft, secretariat):
    services.publish_resource(draft, by=secretariat, expected_revision=1)

    assert fresh(draft).status == "published"


@pytest.mark.parametrize("maker", [lambda: focal_point_of("iin"), reviewer_user])
def test_publish_is_refused_to_others(draft, maker):
    with pytest.raises(PermissionDenied):
        services.publish_resource(draft, by=maker())


def test_unpublish_goes_back_to_draft_with_the_reason(draft, secretariat):
    services.publish_resource(draft, by=secretariat)

    services.unpublish_resource(draft, by=secretariat, reason="Repealed in 2024.")

    saved = fresh(draft)
    assert (saved.status, saved.published_at) == ("draft", None)
    assert saved.history.latest().history_change_reason == "unpublished: Repealed in 2024."
    assert list(ResourceComment.objects.values_list("text", flat=True)) == ["Repealed in 2024."]


def test_unpublish_needs_a_reason_and_a_published_resource(draft, secretariat):
    with pytest.raises(PermissionDenied):
        services.unpublish_resource(draft, by=secretariat, reason="Not published yet")
    services.publish_resource(draft, by=secretariat)

    with pytest.raises(KnowledgeError) as raised:
        services.unpublish_resource(draft, by=secretariat, reason="")

    assert str(raised.value) == "Say why the resource is taken off the public pages."


def test_delete_and_restore(draft, secretariat):
    services.delete_resource(draft, by=secretariat, reason="Duplicate")
    assert not Resource.objects.alive().filter(pk=draft.pk).exists()

    services.restore_resource(draft, by=secretariat)

    reasons = [r.history_change_reason for r in fresh(draft).history.order_by("history_id")]
    assert reasons[-2:] == ["deleted: Duplicate", "restored"]
    assert Resource.objects.alive().filter(pk=draft.pk).exists()


def test_delete_and_restore_are_for_the_secretariat(draft, iin_user, secretariat):
    with pytest.raises(PermissionDenied):
        services.delete_resource(draft, by=iin_user)
    with pytest.raises(PermissionDenied):
        services.restore_resource(draft, by=secretariat)  # not deleted
    services.delete_resource(draft, by=secretariat)
    with pytest.raises(PermissionDenied):
        services.restore_resource(draft, by=iin_user)


# Files ------------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_attach_file_checks_content_and_records_it(draft, iin_user):
    attachment = services.attach_file(
        draft, SimpleUploadedFile("law.docx", PDF), by=iin_user, expected_revision=1
    )

    assert (attachment.name, attachment.content_type, attachment.size) == (
        "law.docx",
        "application/pdf",
        len(PDF),
    )
    assert fresh(draft).history.latest().history_change_reason == "file attached: law.docx"


def test_attach_file_refuses_an_executable_by_content(draft, iin_user):
    with pytest.raises(ValidationError) as raised:
        services.attach_file(draft, SimpleUploadedFile("law.pdf", b"MZ\x90\x00\x03"), by=iin_user)

    assert raised.value.messages == ["“law.pdf” is not a PDF, DOCX, ODT, XLSX or plain-text file."]
    assert not draft.attachments.exists()


def test_attach_file_refuses_a_stale_revision(draft, iin_user):
    with pytest.raises(StaleRevision):
        services.attach_file(
            draft, SimpleUploadedFile("a.pdf", PDF), by=iin_user, expected_revision=9
        )


def test_remove_attachment(draft, iin_user, django_capture_on_commit_callbacks):
    attachment = services.attach_file(draft, SimpleUploadedFile("a.pdf", PDF), by=iin_user)
    stored = attachment.file.path

    with django_capture_on_commit_callbacks(execute=True):
        services.remove_attachment(attachment, by=iin_user, expected_revision=2)

    assert not draft.attachments.exists()
    assert not os.path.exists(stored)
    assert fresh(draft).revision == 3


def test_remove_attachment_is_refused_to_another_actor(draft, iin_user):
    attachment = services.attach_file(draft, SimpleUploadedFile("a.pdf", PDF), by=iin_user)

    with pytest.raises(PermissionDenied):
        services.remove_attachment(attachment, by=focal_point_of("cim"))
