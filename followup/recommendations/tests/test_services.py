"""Every use case of the follow-up ledger, allowed and refused with its exact message, and the
status history it leaves."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from followup.accounts.tests.factories import secretariat as named_secretariat
from followup.knowledge.models import Resource
from followup.knowledge.tests.factories import ResourceFactory, published
from followup.program.models import Actor
from followup.recommendations import services
from followup.recommendations.models import (
    FollowUp,
    FollowUpAttachment,
    FollowUpComment,
    FollowUpLink,
    StatusScale,
)
from followup.recommendations.services import (
    LevelSpec,
    RecommendationError,
    StaleRevision,
    follow_ups,
)
from followup.recommendations.tests.factories import (
    iachr_scale,
    level_of,
    make_cycle,
    make_follow_up,
    make_recommendation,
)
from followup.reporting.models import ReportingCycle
from followup.reporting.tests.factories import (
    EntryFactory,
    ReportFactory,
    focal_point_of,
    reviewer_user,
    secretariat_user,
)

pytestmark = pytest.mark.django_db

TEXT = "Guarantee access to asylum procedures at every border post of the country."
TEXT_SAVED = "A new asylum law."


@pytest.fixture
def secretariat():
    return secretariat_user()


@pytest.fixture
def iin_user():
    return focal_point_of("iin")


@pytest.fixture
def iin():
    return Actor.objects.get(slug="iin")


@pytest.fixture
def cycle():
    return make_cycle("2030–2031", datetime.date(2030, 1, 1))


@pytest.fixture
def recommendation():
    return make_recommendation(number=3, text=TEXT, addressees=["iin"], all_member_states=True)


@pytest.fixture
def follow_up(recommendation, iin, cycle, iin_user):
    return services.open_follow_up(recommendation, iin, cycle, by=iin_user)


def fresh(follow_up: FollowUp) -> FollowUp:
    return FollowUp.objects.get(pk=follow_up.pk)


def answered(follow_up: FollowUp, by, level="partial") -> FollowUp:
    return services.save_follow_up(
        follow_up, {"level": level_of(level), "narrative": "A new asylum law."}, by=by
    )


# Opening a follow-up ----------------------------------------------------------------------


def test_open_follow_up_makes_a_draft_on_the_current_scale(recommendation, iin, cycle, iin_user):
    follow_up = services.open_follow_up(recommendation, iin, cycle, by=iin_user)

    saved = fresh(follow_up)
    assert (saved.status, saved.scale.slug, saved.level, saved.revision) == (
        "draft",
        "iachr-compliance",
        None,
        1,
    )
    first = saved.history.get()
    assert (first.history_user, first.history_change_reason) == (iin_user, "opened")


def test_open_follow_up_for_a_member_state_through_all_member_states(
    recommendation, cycle, secretariat
):
    canada = Actor.objects.get(slug="can")

    follow_up = services.open_follow_up(recommendation, canada, cycle, by=secretariat)

    assert fresh(follow_up).addressee == canada


@pytest.mark.parametrize("addressee", [None, Actor(slug="atlantis", name_en="Atlantis")])
def test_open_follow_up_refuses_an_unknown_addressee(recommendation, cycle, secretariat, addressee):
    with pytest.raises(ValidationError) as error:
        services.open_follow_up(recommendation, addressee, cycle, by=secretariat)

    assert error.value.message_dict == {
        "addressee": ["Choose an addressee among the Program's actors."]
    }


def test_open_follow_up_refuses_an_actor_the_recommendation_is_not_addressed_to(cycle, secretariat):
    recommendation = make_recommendation(number=3, text=TEXT, addressees=["iin"])

    with pytest.raises(ValidationError) as error:
        services.open_follow_up(
            recommendation, Actor.objects.get(slug="can"), cycle, by=secretariat
        )

    assert error.value.message_dict == {
        "addressee": [
            "“Recommendation 3: Guarantee access to asylum procedures at every border…” is "
            "not addressed to Canada."
        ]
    }
    assert not FollowUp.objects.exists()


def test_open_follow_up_tells_a_focal_point_the_recommendation_is_not_for_their_actor(
    cycle, iin, iin_user
):
    recommendation = make_recommendation(text="Ratify the Convention.", all_member_states=True)

    with pytest.raises(ValidationError) as error:
        services.open_follow_up(recommendation, iin, cycle, by=iin_user)

    assert error.value.messages == [
        "“Ratify the Convention.” is not addressed to Inter-American Children's Institute."
    ]


def test_open_follow_up_refuses_a_second_one_for_the_same_cycle(
    follow_up, recommendation, iin, cycle, iin_user
):
    with pytest.raises(ValidationError) as error:
        services.open_follow_up(recommendation, iin, cycle, by=iin_user)

    assert error.value.messages == [
        "Inter-American Children's Institute already has a follow-up of “Recommendation 3: "
        "Guarantee access to asylum procedures at every border…” for 2030–2031."
    ]
    assert FollowUp.objects.count() == 1


def test_open_follow_up_refuses_a_duplicate_opened_meanwhile(
    recommendation, iin, cycle, iin_user, monkeypatch
):
    """A double submit: the other request opens the follow-up after this one checked that
    there was none, and before it inserts its own (here, while it looks up the scale). The
    unique constraint refuses the insert, and the refusal reads like the check's."""
    current_scale = follow_ups.current_scale

    def scale_after_the_other_request():
        make_follow_up(recommendation, iin, cycle, level_code=None, status="draft")
        return current_scale()

    monkeypatch.setattr(follow_ups, "current_scale", scale_after_the_other_request)

    with pytest.raises(ValidationError) as error:
        services.open_follow_up(recommendation, iin, cycle, by=iin_user)

    assert error.value.messages == [
        "Inter-American Children's Institute already has a follow-up of “Recommendation 3: "
        "Guarantee access to asylum procedures at every border…” for 2030–2031."
    ]


def test_open_follow_up_again_in_the_next_cycle(follow_up, recommendation, iin, iin_user):
    later = make_cycle("2031–2032", datetime.date(2031, 1, 1))

    again = services.open_follow_up(recommendation, iin, later, by=iin_user)

    assert again.pk != follow_up.pk


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (
            ReportingCycle.Status.CLOSED,
            "The reporting cycle 2030–2031 is closed; only the CAM secretariat can record "
            "follow-up in it.",
        ),
        (ReportingCycle.Status.PLANNED, "The reporting cycle 2030–2031 has not opened yet."),
    ],
)
def test_open_follow_up_in_a_cycle_not_open_is_for_the_secretariat_only(
    recommendation, iin, cycle, iin_user, secretariat, status, message
):
    cycle.status = status
    cycle.save()

    with pytest.raises(ValidationError) as error:
        services.open_follow_up(recommendation, iin, cycle, by=iin_user)
    recorded = services.open_follow_up(recommendation, iin, cycle, by=secretariat)

    assert error.value.message_dict == {"cycle": [message]}
    assert recorded.cycle == cycle


@pytest.mark.parametrize("persona", ["cim", "reviewer", "inactive"])
def test_open_follow_up_refuses_who_does_not_answer_for_the_addressee(
    recommendation, iin, cycle, persona
):
    user = {
        "cim": lambda: focal_point_of("cim"),
        "reviewer": reviewer_user,
        "inactive": lambda: focal_point_of("iin"),
    }[persona]()
    if persona == "inactive":
        user.is_active = False
        user.save()

    with pytest.raises(PermissionDenied):
        services.open_follow_up(recommendation, iin, cycle, by=user)


def test_open_follow_up_needs_a_current_scale(recommendation, iin, cycle, iin_user):
    StatusScale.objects.update(is_current=False)

    with pytest.raises(RecommendationError) as error:
        services.open_follow_up(recommendation, iin, cycle, by=iin_user)

    assert str(error.value) == (
        "No status scale is current; the CAM secretariat must choose one first."
    )


# Saving --------------------------------------------------------------------------------------


def test_save_follow_up_keeps_level_evidence_and_bumps_the_revision(follow_up, iin_user, iin):
    entry = EntryFactory(report=ReportFactory(actor=iin))
    resource = published(title="Asylum law of 2031")

    services.save_follow_up(
        follow_up,
        {
            "level": level_of("partial"),
            "responsible_institution": "Ministry of the Interior",
            "narrative": "A new asylum law.",
            "entries": [entry],
            "resources": [resource],
            "links": [("https://example.org/law", "The law"), ("https://example.org/b", "")],
        },
        by=iin_user,
        expected_revision=1,
    )

    saved = fresh(follow_up)
    assert (saved.level.code, saved.responsible_institution, saved.narrative) == (
        "partial",
        "Ministry of the Interior",
        "A new asylum law.",
    )
    assert (list(saved.entries.all()), list(saved.resources.all())) == ([entry], [resource])
    assert list(saved.links.values_list("url", "title")) == [
        ("https://example.org/law", "The law"),
        ("https://example.org/b", ""),
    ]
    assert saved.revision == 2
    assert saved.history.count() == 2  # opened, then one row for the whole save
    assert saved.history.latest().history_change_reason == (
        "saved: level,responsible_institution,narrative,entries,resources,links"
    )


def test_save_follow_up_refuses_a_level_of_another_scale(follow_up, iin_user, secretariat):
    other = services.add_scale(
        "cam-2032",
        "CAM scale 2032",
        "Escala de la CAM 2032",
        [LevelSpec("done", "Done", "Hecho", implemented=True)],
        by=secretariat,
    )

    with pytest.raises(ValidationError) as error:
        services.save_follow_up(follow_up, {"level": other.levels.get()}, by=iin_user)

    assert error.value.message_dict == {
        "level": [
            "“Done” is a level of the scale “CAM scale 2032”; this follow-up is recorded on the "
            "scale “IACHR levels of compliance”."
        ]
    }
    assert fresh(follow_up).level is None


def test_save_follow_up_refuses_entries_of_another_actors_report(follow_up, iin_user, iin):
    own = EntryFactory(report=ReportFactory(actor=iin))
    other = EntryFactory(
        report=ReportFactory(actor=Actor.objects.get(slug="cim")), title="CIM's course"
    )

    with pytest.raises(ValidationError) as error:
        services.save_follow_up(follow_up, {"entries": [own, other]}, by=iin_user)

    assert error.value.message_dict == {
        "entries": [
            "“CIM's course” is not an entry of a report of Inter-American Children's Institute."
        ]
    }
    assert not fresh(follow_up).entries.exists()


def test_save_follow_up_refuses_a_deleted_entry(follow_up, iin_user, iin):
    gone = EntryFactory(
        report=ReportFactory(actor=iin), title="Gone", deleted_at="2030-02-01T00:00:00Z"
    )

    with pytest.raises(ValidationError) as error:
        services.save_follow_up(follow_up, {"entries": [gone]}, by=iin_user)

    assert error.value.messages == [
        "“Gone” is not an entry of a report of Inter-American Children's Institute."
    ]


def test_save_follow_up_refuses_an_unpublished_resource(follow_up, iin_user):
    draft = ResourceFactory(title="Draft guide", status=Resource.Status.DRAFT)

    with pytest.raises(ValidationError) as error:
        services.save_follow_up(follow_up, {"resources": [draft]}, by=iin_user)

    assert error.value.message_dict == {
        "resources": ["“Draft guide” is not a published resource of the knowledge base."]
    }


def test_save_follow_up_refuses_a_link_that_is_no_web_address(follow_up, iin_user):
    with pytest.raises(ValidationError) as error:
        services.save_follow_up(follow_up, {"links": [("ftp:/nowhere", "x")]}, by=iin_user)

    assert error.value.message_dict == {
        "links": ["“ftp:/nowhere” is not a web address (http:// or https://)."]
    }


def test_save_follow_up_refuses_a_stale_revision_and_names_the_current_one(follow_up, iin_user):
    answered(follow_up, iin_user)

    with pytest.raises(StaleRevision) as error:
        services.save_follow_up(
            fresh(follow_up), {"narrative": "Typed meanwhile"}, by=iin_user, expected_revision=1
        )

    assert str(error.value) == (
        "Someone else saved this follow-up while you were editing it. Your text is kept below; "
        "compare it with the saved version and save again."
    )
    assert error.value.current == 2
    assert fresh(follow_up).narrative == "A new asylum law."


def test_save_follow_up_refuses_the_second_of_two_copies_loaded_at_the_same_revision(
    follow_up, iin_user
):
    first, second = fresh(follow_up), fresh(follow_up)
    services.save_follow_up(first, {"narrative": "First."}, by=iin_user, expected_revision=1)

    with pytest.raises(StaleRevision) as error:
        services.save_follow_up(second, {"narrative": "Second."}, by=iin_user, expected_revision=1)

    assert error.value.current == 2
    assert (fresh(follow_up).narrative, fresh(follow_up).revision) == ("First.", 2)


def test_save_follow_up_on_a_copy_loaded_before_publishing_is_refused(
    follow_up, iin_user, secretariat
):
    loaded_by_the_focal_point = fresh(follow_up)
    answered(follow_up, secretariat, level="total")
    services.publish_follow_up(follow_up, by=secretariat)

    with pytest.raises(PermissionDenied):
        services.save_follow_up(loaded_by_the_focal_point, {"narrative": "x"}, by=iin_user)
    with pytest.raises(PermissionDenied):
        services.submit_follow_up(loaded_by_the_focal_point, by=iin_user)

    saved = fresh(follow_up)
    assert (saved.status, saved.narrative, saved.revision) == ("published", TEXT_SAVED, 3)


def test_save_follow_up_changes_only_what_it_is_given_on_the_row_as_saved(
    follow_up, iin_user, secretariat
):
    loaded_earlier = fresh(follow_up)
    answered(follow_up, secretariat)

    returned = services.save_follow_up(
        loaded_earlier, {"responsible_institution": "Ministry of the Interior"}, by=iin_user
    )

    saved = fresh(follow_up)
    assert (saved.level.code, saved.narrative, saved.responsible_institution) == (
        "partial",
        TEXT_SAVED,
        "Ministry of the Interior",
    )
    assert (returned.revision, saved.revision, loaded_earlier.revision) == (3, 3, 1)


def test_focal_point_cannot_save_or_submit_once_the_cycle_closed(
    follow_up, cycle, iin_user, secretariat
):
    answered(follow_up, iin_user)
    ReportingCycle.objects.filter(pk=cycle.pk).update(status=ReportingCycle.Status.CLOSED)

    with pytest.raises(PermissionDenied):
        services.save_follow_up(follow_up, {"narrative": "Late."}, by=iin_user)
    with pytest.raises(PermissionDenied):
        services.submit_follow_up(follow_up, by=iin_user)
    services.save_follow_up(follow_up, {"narrative": "Recorded late."}, by=secretariat)

    assert (fresh(follow_up).narrative, fresh(follow_up).status) == ("Recorded late.", "draft")


def test_save_follow_up_is_refused_to_another_actors_focal_point(follow_up):
    with pytest.raises(PermissionDenied):
        services.save_follow_up(follow_up, {"narrative": "x"}, by=focal_point_of("cim"))


@pytest.mark.parametrize("status", [FollowUp.Status.SUBMITTED, FollowUp.Status.PUBLISHED])
def test_focal_point_cannot_change_a_follow_up_out_of_their_hands(
    recommendation, iin, cycle, iin_user, status
):
    follow_up = make_follow_up(recommendation, iin, cycle, status=status)

    with pytest.raises(PermissionDenied):
        services.save_follow_up(follow_up, {"narrative": "x"}, by=iin_user)


# The review ----------------------------------------------------------------------------------


def test_the_whole_review_runs_through_each_step(follow_up, iin_user, secretariat):
    answered(follow_up, iin_user)

    services.submit_follow_up(follow_up, by=iin_user, expected_revision=2)
    submitted = fresh(follow_up)
    comment = services.return_follow_up(
        fresh(follow_up), by=secretariat, comment="  Add the decree. "
    )
    returned = fresh(follow_up)
    services.save_follow_up(
        returned, {"narrative": "A new asylum law and its decree."}, by=iin_user
    )
    services.submit_follow_up(fresh(follow_up), by=iin_user)
    services.publish_follow_up(fresh(follow_up), by=secretariat)

    saved = fresh(follow_up)
    assert (submitted.status, returned.status, saved.status) == (
        "submitted",
        "returned",
        "published",
    )
    assert (comment.text, comment.author) == ("Add the decree.", secretariat)
    assert saved.submitted_at is not None
    assert saved.published_at is not None
    assert saved.revision == 7


def test_submit_needs_a_status(follow_up, iin_user):
    with pytest.raises(RecommendationError) as error:
        services.submit_follow_up(follow_up, by=iin_user)

    assert str(error.value) == "Choose a status before submitting the follow-up."
    assert fresh(follow_up).status == "draft"


def test_submit_needs_a_narrative_unless_the_status_does_not_apply(follow_up, iin_user):
    services.save_follow_up(follow_up, {"level": level_of("partial")}, by=iin_user)

    with pytest.raises(RecommendationError) as error:
        services.submit_follow_up(follow_up, by=iin_user)
    services.save_follow_up(follow_up, {"level": level_of("not-applicable")}, by=iin_user)
    services.submit_follow_up(follow_up, by=iin_user)

    assert str(error.value) == (
        "Say what was done before submitting the follow-up; only a status that does not apply "
        "may go without it."
    )
    assert fresh(follow_up).status == "submitted"


def test_submit_refuses_a_stale_revision(follow_up, iin_user):
    answered(follow_up, iin_user)

    with pytest.raises(StaleRevision):
        services.submit_follow_up(follow_up, by=iin_user, expected_revision=1)


def test_return_needs_a_comment(follow_up, iin_user, secretariat):
    answered(follow_up, iin_user)
    services.submit_follow_up(follow_up, by=iin_user)

    with pytest.raises(RecommendationError) as error:
        services.return_follow_up(follow_up, by=secretariat, comment="   ")

    assert str(error.value) == "Say what needs to change when returning a follow-up."
    assert fresh(follow_up).status == "submitted"
    assert not FollowUpComment.objects.exists()


def test_only_the_secretariat_returns_and_publishes(follow_up, iin_user):
    answered(follow_up, iin_user)
    services.submit_follow_up(follow_up, by=iin_user)

    for user in (iin_user, reviewer_user()):
        with pytest.raises(PermissionDenied):
            services.return_follow_up(follow_up, by=user, comment="No.")
        with pytest.raises(PermissionDenied):
            services.publish_follow_up(follow_up, by=user)


def test_secretariat_publishes_what_it_recorded_without_submitting(follow_up, secretariat):
    answered(follow_up, secretariat, level="total")

    services.publish_follow_up(follow_up, by=secretariat)

    assert fresh(follow_up).status == "published"


def test_publish_needs_a_status(follow_up, secretariat):
    with pytest.raises(RecommendationError) as error:
        services.publish_follow_up(follow_up, by=secretariat)

    assert str(error.value) == "Choose a status before publishing the follow-up."


def test_unpublish_returns_it_with_the_reason(follow_up, secretariat):
    answered(follow_up, secretariat)
    services.publish_follow_up(follow_up, by=secretariat)

    with pytest.raises(RecommendationError) as error:
        services.unpublish_follow_up(follow_up, by=secretariat, reason="")
    comment = services.unpublish_follow_up(follow_up, by=secretariat, reason="Wrong law cited.")

    assert str(error.value) == "Say why the follow-up is taken off the public pages."
    saved = fresh(follow_up)
    assert (saved.status, saved.published_at, comment.text) == (
        "returned",
        None,
        "Wrong law cited.",
    )


# Attachments ---------------------------------------------------------------------------------


def test_attachment_is_checked_by_content_and_kept_in_the_history(follow_up, iin_user):
    attachment = services.add_attachment(
        follow_up, SimpleUploadedFile("decree.txt", b"Decree 12 of 2031"), by=iin_user
    )

    assert (attachment.name, attachment.content_type, attachment.size) == (
        "decree.txt",
        "text/plain",
        17,
    )
    with pytest.raises(ValidationError) as error:
        services.add_attachment(
            follow_up, SimpleUploadedFile("tool.pdf", b"MZ\x90\x00\x03\x00"), by=iin_user
        )
    assert error.value.messages == ["“tool.pdf” is not a PDF, DOCX, ODT, XLSX or plain-text file."]
    services.remove_attachment(attachment, by=iin_user)
    assert not follow_up.attachments.exists()
    assert [row.history_change_reason for row in fresh(follow_up).history.order_by("pk")] == [
        "opened",
        "file attached: decree.txt",
        "file removed: decree.txt",
    ]


def test_a_removed_document_stays_in_the_documents_history(follow_up, iin_user, secretariat):
    attachment = services.add_attachment(
        follow_up, SimpleUploadedFile("decree.txt", b"Decree 12 of 2031"), by=iin_user
    )
    services.remove_attachment(attachment, by=secretariat)

    rows = FollowUpAttachment.history.filter(follow_up_id=follow_up.pk).order_by("history_id")
    assert [(row.history_type, row.name, row.size, row.history_user) for row in rows] == [
        ("+", "decree.txt", 17, iin_user),
        ("-", "decree.txt", 17, secretariat),
    ]
    assert rows[1].sha256 == attachment.sha256
    # Dated like the follow-up's own rows of the same calls.
    assert [row.history_date for row in rows] == [
        row.history_date for row in fresh(follow_up).history.order_by("history_id")[1:]
    ]


def test_attachment_is_refused_to_another_actors_focal_point(follow_up):
    with pytest.raises(PermissionDenied):
        services.add_attachment(
            follow_up, SimpleUploadedFile("a.txt", b"text"), by=focal_point_of("cim")
        )


# History and scales ----------------------------------------------------------------------------


def test_status_history_says_who_set_what_and_when(follow_up, iin_user):
    iin_user.first_name, iin_user.last_name = "Inés", "Punto"
    iin_user.save()
    secretariat = named_secretariat()
    answered(follow_up, iin_user, level="pending")
    answered(fresh(follow_up), iin_user, level="partial")
    services.submit_follow_up(fresh(follow_up), by=iin_user)
    services.publish_follow_up(fresh(follow_up), by=secretariat)

    steps = services.status_history(fresh(follow_up))

    assert [(s.by, s.action, s.status, s.level, s.changed) for s in steps] == [
        ("Inés Punto", "Opened", "Draft", "", ()),
        ("Inés Punto", "Saved", "Draft", "Pending compliance", ("status", "what was done")),
        ("Inés Punto", "Saved", "Draft", "Partial compliance", ("status",)),
        ("Inés Punto", "Submitted", "Submitted", "Partial compliance", ()),
        ("Ana Secretaria", "Published", "Published", "Partial compliance", ()),
    ]
    assert [s.when for s in steps] == sorted(s.when for s in steps)


def test_links_changed_twice_stay_in_the_history(follow_up, iin_user, secretariat):
    law, decree, report = (
        ("https://example.org/law", "The law"),
        ("https://example.org/decree", ""),
        ("https://example.org/report", "Report"),
    )
    services.save_follow_up(follow_up, {"links": [law, decree]}, by=iin_user)
    services.save_follow_up(follow_up, {"links": [decree, report]}, by=secretariat)
    services.save_follow_up(follow_up, {"links": [report, decree]}, by=iin_user)  # reordered

    rows = FollowUpLink.history.filter(follow_up_id=follow_up.pk).order_by("history_id")
    assert [(row.history_type, row.url, row.history_user) for row in rows] == [
        ("+", "https://example.org/law", iin_user),
        ("+", "https://example.org/decree", iin_user),
        ("-", "https://example.org/law", secretariat),
        ("+", "https://example.org/report", secretariat),
    ]
    assert list(fresh(follow_up).links.values_list("url", "title")) == [decree, report]
    steps = services.status_history(fresh(follow_up))
    assert [(step.action, step.changed, step.evidence) for step in steps] == [
        ("Opened", (), ()),
        (
            "Saved",
            ("evidence links",),
            (
                "Link added: The law (https://example.org/law)",
                "Link added: https://example.org/decree",
            ),
        ),
        (
            "Saved",
            ("evidence links",),
            (
                "Link removed: The law (https://example.org/law)",
                "Link added: Report (https://example.org/report)",
            ),
        ),
        ("Saved", (), ()),
    ]


def test_status_history_reads_in_two_queries(follow_up, iin_user, django_assert_num_queries):
    for number, level in enumerate(("pending", "partial", "total")):
        services.save_follow_up(
            follow_up,
            {"level": level_of(level), "links": [(f"https://example.org/{number}", "")]},
            by=iin_user,
        )

    with django_assert_num_queries(2):  # the follow-up's history, then its links'
        steps = services.status_history(follow_up)

    assert [len(step.evidence) for step in steps] == [0, 1, 2, 2]


def test_add_scale_makes_a_new_current_version_and_past_follow_ups_keep_theirs(
    follow_up, iin_user, secretariat, recommendation, cycle
):
    answered(follow_up, iin_user, level="substantial-partial")

    scale = services.add_scale(
        "cam-2032",
        "CAM scale 2032",
        "Escala de la CAM 2032",
        [
            LevelSpec("done", "Done", "Hecho", implemented=True),
            LevelSpec("not-done", "Not done", "No hecho"),
        ],
        by=secretariat,
    )
    canada = services.open_follow_up(
        recommendation, Actor.objects.get(slug="can"), cycle, by=secretariat
    )

    past = fresh(follow_up)
    assert (past.scale.slug, past.level.code, past.level.label) == (
        "iachr-compliance",
        "substantial-partial",
        "Substantial partial compliance",
    )
    assert services.current_scale() == scale
    assert canada.scale == scale
    assert list(scale.levels.values_list("code", "order", "implemented")) == [
        ("done", 0, True),
        ("not-done", 1, False),
    ]
    assert iachr_scale().is_current is False
    assert iachr_scale().history.latest().history_user == secretariat


@pytest.mark.parametrize(
    ("slug", "levels", "message"),
    [
        ("cam", [], {"levels": ["Give the scale at least one level."]}),
        (
            "cam",
            [LevelSpec("done", "Done", "Hecho"), LevelSpec("done", "Done too", "Hecho")],
            {"levels": ["The level code “done” is used twice."]},
        ),
        (
            "iachr-compliance",
            [LevelSpec("done", "Done", "Hecho")],
            {
                "slug": [
                    "A status scale with the code “iachr-compliance” already exists; give the "
                    "new version its own code."
                ]
            },
        ),
    ],
)
def test_add_scale_refuses_bad_input(secretariat, slug, levels, message):
    with pytest.raises(ValidationError) as error:
        services.add_scale(slug, "CAM", "CAM", levels, by=secretariat)

    assert error.value.message_dict == message
    assert services.current_scale() == iachr_scale()


def test_scales_are_the_secretariats(iin_user):
    with pytest.raises(PermissionDenied):
        services.add_scale("x", "X", "X", [LevelSpec("a", "A", "A")], by=iin_user)
    with pytest.raises(PermissionDenied):
        services.set_current_scale(iachr_scale(), by=iin_user)


def test_set_current_scale_back_to_an_earlier_version(secretariat):
    new = services.add_scale("cam", "CAM", "CAM", [LevelSpec("a", "A", "A")], by=secretariat)

    services.set_current_scale(iachr_scale(), by=secretariat)

    assert services.current_scale() == iachr_scale()
    new.refresh_from_db()
    assert new.is_current is False


def test_used_levels_are_those_any_follow_up_has_or_had(follow_up, iin_user):
    answered(follow_up, iin_user, level="pending")
    answered(fresh(follow_up), iin_user, level="partial")

    used = services.used_level_ids(iachr_scale())

    assert used == {level_of("pending").pk, level_of("partial").pk}
