"""The workspace pages: the recommendations to answer, the follow-up form (values kept on error,
exact messages, the stale-edit lock, save and submit), documents, the review queue, and the
pages where the secretariat records sources and recommendations."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from followup.accounts.tests.factories import secretariat as named_secretariat
from followup.knowledge.tests.factories import published
from followup.program.models import Actor, Theme
from followup.recommendations import services
from followup.recommendations.models import FollowUp, Recommendation, Source, StatusScale
from followup.recommendations.tests.factories import (
    level_of,
    make_cycle,
    make_follow_up,
    make_recommendation,
    make_source,
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

ANSWERS = reverse("recommendations:answer_list")
OPEN = reverse("recommendations:follow_up_open")
QUEUE = reverse("recommendations:review_queue")


def page_url(follow_up: FollowUp) -> str:
    return reverse("recommendations:follow_up_page", args=[follow_up.pk])


def flashed(response) -> list[str]:
    """The messages this request added (those of earlier, unfollowed redirects come first)."""
    return [str(message) for message in get_messages(response.wsgi_request)][-1:]


def fresh(follow_up: FollowUp) -> FollowUp:
    return FollowUp.objects.get(pk=follow_up.pk)


@pytest.fixture
def iin_user(client):
    user = focal_point_of("iin")
    client.force_login(user)
    return user


@pytest.fixture
def secretariat(client):
    user = named_secretariat()
    client.force_login(user)
    return user


@pytest.fixture
def iin():
    return Actor.objects.get(slug="iin")


@pytest.fixture
def cycle():
    return make_cycle("2030–2031", datetime.date(2030, 1, 1))


@pytest.fixture
def recommendation():
    return make_recommendation(number=4, text="Protect unaccompanied children.", addressees=["iin"])


@pytest.fixture
def draft(recommendation, iin, cycle):
    return make_follow_up(recommendation, iin, cycle, level_code=None, status="draft")


def form_data(follow_up: FollowUp, **fields) -> dict:
    return {
        "revision": follow_up.revision,
        "level": level_of("partial").pk,
        "responsible_institution": "Ministry of Social Development",
        "narrative": "Typed with care: a protocol for unaccompanied children.",
        "links": "https://example.org/protocol The protocol",
    } | fields


# Recommendations to answer -------------------------------------------------------------------


def test_answer_list_shows_the_recommendations_addressed_to_the_focal_points_actors(
    client, iin_user, recommendation, cycle, iin
):
    make_recommendation(number=9, text="A recommendation for the CIM only.", addressees=["cim"])
    other = make_recommendation(number=5, text="Train consular staff.", addressees=["iin"])
    make_follow_up(other, iin, cycle, level_code="total", status="published")

    response = client.get(ANSWERS)

    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["cycle"] == cycle
    [group] = response.context["answers"]
    assert group.actor == iin
    assert (group.rows[0].recommendation.number, group.rows[0].follow_up) == (4, None)
    assert "Protect unaccompanied children." in body
    assert "Not answered" in body
    assert "Total compliance" in body
    assert "A recommendation for the CIM only." not in body


def test_answer_list_defaults_to_the_latest_open_cycle_and_offers_the_others(
    client, iin_user, recommendation, iin, cycle
):
    later = make_cycle("2031–2032", datetime.date(2031, 1, 1))
    make_cycle("2032–2033", datetime.date(2032, 1, 1), status=ReportingCycle.Status.CLOSED)
    make_follow_up(recommendation, iin, cycle, level_code="partial", status="published")

    default = client.get(ANSWERS)
    chosen = client.get(ANSWERS, {"cycle": cycle.pk})

    assert default.context["cycle"] == later
    assert default.context["answers"][0].rows[0].follow_up is None
    assert chosen.context["cycle"] == cycle
    assert chosen.context["answers"][0].rows[0].follow_up.level.code == "partial"
    # A focal point answers in open cycles only.
    assert list(default.context["form"].fields["cycle"].queryset) == [later, cycle]


def test_answer_list_names_an_unknown_cycle_and_shows_the_default(
    client, iin_user, recommendation, cycle
):
    response = client.get(ANSWERS, {"cycle": 999_999})

    assert response.context["form"].errors["cycle"] == ["There is no such reporting cycle."]
    assert response.context["cycle"] == cycle


def test_answer_list_of_a_closed_cycle_offers_no_answer_button_to_a_focal_point(
    client, recommendation, iin, cycle
):
    closed = make_cycle("2020–2021", datetime.date(2020, 1, 1), status="closed")
    client.force_login(secretariat_user())
    as_secretariat = client.get(ANSWERS, {"cycle": closed.pk, "actor": iin.pk})
    client.force_login(focal_point_of("iin"))
    as_focal_point = client.get(ANSWERS, {"cycle": closed.pk})

    assert as_secretariat.context["can_answer"] is True
    assert as_focal_point.context["form"].errors["cycle"] == ["There is no such reporting cycle."]
    assert as_focal_point.context["cycle"] == cycle


def test_answer_list_without_an_open_cycle_says_so(client, iin_user, recommendation):
    response = client.get(ANSWERS)

    assert response.context["cycle"] is None
    assert "No reporting cycle is open." in response.content.decode()


def test_answer_list_lets_the_secretariat_choose_the_addressee(
    client, secretariat, recommendation, cycle, iin
):
    before = client.get(ANSWERS)
    chosen = client.get(ANSWERS, {"cycle": cycle.pk, "actor": iin.pk})

    assert before.context["answers"] == []
    assert "Choose an addressee" in before.content.decode()
    assert [group.actor for group in chosen.context["answers"]] == [iin]


@pytest.mark.parametrize("count", [1, 3])
def test_answer_list_runs_a_fixed_number_of_queries(
    client, iin_user, cycle, iin, count, django_assert_num_queries
):
    for number in range(count):
        rec = make_recommendation(number=number, addressees=["iin"], all_member_states=True)
        make_follow_up(rec, iin, cycle, status="draft")

    with django_assert_num_queries(14):
        response = client.get(ANSWERS)

    assert len(response.context["answers"][0].rows) == count


def test_answer_opens_the_follow_up_then_goes_back_to_it(
    client, iin_user, recommendation, iin, cycle
):
    data = {"recommendation": recommendation.pk, "addressee": iin.pk, "cycle": cycle.pk}

    first = client.post(OPEN, data)
    again = client.post(OPEN, data)

    follow_up = FollowUp.objects.get()
    assert (first["Location"], again["Location"]) == (page_url(follow_up), page_url(follow_up))
    assert (follow_up.status, follow_up.history.get().history_user) == ("draft", iin_user)


def test_answer_refuses_a_recommendation_not_addressed_to_the_actor(
    client, secretariat, recommendation, cycle
):
    canada = Actor.objects.get(slug="can")

    response = client.post(
        OPEN, {"recommendation": recommendation.pk, "addressee": canada.pk, "cycle": cycle.pk}
    )

    assert response.status_code == 302
    assert flashed(response) == [
        "“Recommendation 4: Protect unaccompanied children.” is not addressed to Canada."
    ]
    assert not FollowUp.objects.exists()


def test_answer_without_a_current_scale_says_so(client, iin_user, recommendation, iin, cycle):
    StatusScale.objects.update(is_current=False)

    response = client.post(
        OPEN, {"recommendation": recommendation.pk, "addressee": iin.pk, "cycle": cycle.pk}
    )

    assert response["Location"] == f"{ANSWERS}?cycle={cycle.pk}"
    assert flashed(response) == [
        "No status scale is current; the CAM secretariat must choose one first."
    ]
    assert not FollowUp.objects.exists()


def test_answer_refuses_an_unknown_addressee(client, secretariat, recommendation, cycle):
    response = client.post(
        OPEN, {"recommendation": recommendation.pk, "addressee": 999_999, "cycle": cycle.pk}
    )

    assert response["Location"] == ANSWERS
    assert flashed(response) == ["Choose an addressee among the Program's actors."]


# The follow-up form --------------------------------------------------------------------------


def test_form_offers_the_scales_levels_the_actors_entries_and_published_resources(
    client, iin_user, draft, iin
):
    own = EntryFactory(report=ReportFactory(actor=iin), title="Protocol workshop")
    EntryFactory(report=ReportFactory(actor=Actor.objects.get(slug="cim")), title="CIM's")
    resource = published(title="Guide on children")

    form = client.get(page_url(draft)).context["form"]

    assert [level.code for level in form.fields["level"].queryset] == [
        "total",
        "substantial-partial",
        "partial",
        "pending",
        "non-compliance",
        "not-applicable",
    ]
    assert list(form.fields["entries"].queryset) == [own]
    assert list(form.fields["resources"].queryset) == [resource]


def test_form_saves_the_answer_and_its_evidence(client, iin_user, draft, iin):
    entry = EntryFactory(report=ReportFactory(actor=iin))
    resource = published()

    response = client.post(
        page_url(draft), form_data(draft, entries=[entry.pk], resources=[resource.pk])
    )

    saved = fresh(draft)
    assert response["Location"] == page_url(draft)
    assert flashed(response) == ["Follow-up saved."]
    assert (saved.level.code, saved.responsible_institution, saved.status, saved.revision) == (
        "partial",
        "Ministry of Social Development",
        "draft",
        2,
    )
    assert (list(saved.entries.all()), list(saved.resources.all())) == ([entry], [resource])
    assert list(saved.links.values_list("url", "title")) == [
        ("https://example.org/protocol", "The protocol")
    ]


def test_form_shows_saved_values_and_links_one_per_line(client, iin_user, draft):
    client.post(page_url(draft), form_data(draft, links="https://a.org A\nhttps://b.org"))

    form = client.get(page_url(draft)).context["form"]

    assert form.initial["links"] == "https://a.org A\nhttps://b.org"
    assert form.initial["level"] == level_of("partial").pk


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"links": "https://ok.org Fine\nnot-a-link Title"},
            "links",
            "“not-a-link” is not a web address (http:// or https://).",
        ),
        (
            {"level": 999_999},
            "level",
            "Choose one of the statuses of the scale “IACHR levels of compliance”.",
        ),
        (
            {"entries": [999_999]},
            "entries",
            "Choose entries of the reports of Inter-American Children's Institute.",
        ),
        (
            {"resources": [999_999]},
            "resources",
            "Choose published resources of the knowledge base (“999999” is not one).",
        ),
    ],
)
def test_form_keeps_values_and_names_the_problem(client, iin_user, draft, fields, field, message):
    response = client.post(page_url(draft), form_data(draft, **fields))

    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    body = response.content.decode()
    assert "Typed with care" in body
    assert escape(message) in body
    assert fresh(draft).revision == 1


def test_form_refuses_an_entry_of_another_actor(client, iin_user, draft):
    other = EntryFactory(report=ReportFactory(actor=Actor.objects.get(slug="cim")))

    response = client.post(page_url(draft), form_data(draft, entries=[other.pk]))

    assert response.context["form"].errors["entries"] == [
        "Choose entries of the reports of Inter-American Children's Institute."
    ]


def test_stale_revision_keeps_the_typed_text_and_shows_the_saved_version(client, iin_user, draft):
    services.save_follow_up(draft, {"narrative": "Saved by a colleague."}, by=iin_user)

    response = client.post(page_url(draft), form_data(draft, revision=1))

    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else saved this follow-up while you were editing it." in body
    assert "Typed with care" in body
    assert "Saved by a colleague." in body
    assert response.context["form"].data["revision"] == "2"
    assert fresh(draft).narrative == "Saved by a colleague."


def test_save_and_submit_sends_it_for_validation(client, iin_user, draft):
    response = client.post(page_url(draft), form_data(draft, submit=""))

    saved = fresh(draft)
    assert flashed(response) == [
        "Follow-up submitted to the CAM secretariat for validation. Thank you."
    ]
    assert (saved.status, saved.revision, saved.submitted_at is not None) == (
        "submitted",
        3,
        True,
    )


def test_save_and_submit_without_a_status_saves_but_does_not_submit(client, iin_user, draft):
    response = client.post(page_url(draft), form_data(draft, level="", submit=""))

    saved = fresh(draft)
    assert flashed(response) == ["Choose a status before submitting the follow-up."]
    assert (saved.status, saved.narrative) == (
        "draft",
        "Typed with care: a protocol for unaccompanied children.",
    )


def test_submitted_follow_up_is_shown_without_a_form_to_its_focal_point(
    client, iin_user, recommendation, iin, cycle
):
    submitted = make_follow_up(
        recommendation, iin, cycle, status="submitted", narrative="Our answer."
    )

    response = client.get(page_url(submitted))

    assert response.context["form"] is None
    assert "Our answer." in response.content.decode()


def test_page_shows_return_comments_and_the_status_history(client, draft, iin_user):
    secretariat = named_secretariat()
    services.save_follow_up(
        draft, {"level": level_of("pending"), "narrative": "Begun."}, by=iin_user
    )
    services.submit_follow_up(draft, by=iin_user)
    services.return_follow_up(draft, by=secretariat, comment="Name the protocol.")

    response = client.get(page_url(draft))

    body = response.content.decode()
    assert "Name the protocol." in body
    assert [(step.action, step.level) for step in response.context["history"]] == [
        ("Opened", ""),
        ("Saved", "Pending compliance"),
        ("Submitted", "Pending compliance"),
        ("Returned", "Pending compliance"),
    ]
    assert "Ana Secretaria" in body


@pytest.fixture
def published_with_hidden_evidence(recommendation, iin, cycle, iin_user):
    """A published IIN follow-up whose evidence and history hold what only the IIN's focal
    points and the secretariat may see: an entry of a draft report, a resource no longer
    published, and the levels it went through while a draft, set by a named focal point."""
    iin_user.first_name, iin_user.last_name = "Inés", "Punto"
    iin_user.save()
    follow_up = make_follow_up(recommendation, iin, cycle, level_code=None, status="draft")
    hidden_entry = EntryFactory(report=ReportFactory(actor=iin), title="Draft entry of the IIN")
    public_entry = EntryFactory(
        report=ReportFactory(actor=iin, status="published"), title="Published entry of the IIN"
    )
    withdrawn = published(title="Guide withdrawn since")
    guide = published(title="Guide still published")
    services.save_follow_up(
        follow_up,
        {
            "level": level_of("pending"),
            "narrative": "Begun.",
            "entries": [hidden_entry, public_entry],
            "resources": [withdrawn, guide],
        },
        by=iin_user,
    )
    services.save_follow_up(follow_up, {"level": level_of("partial")}, by=iin_user)
    services.publish_follow_up(follow_up, by=named_secretariat())
    withdrawn.status = "draft"
    withdrawn.save()
    return follow_up


HIDDEN = ["Draft entry of the IIN", "Guide withdrawn since", "Inés Punto", "Pending compliance"]
SHOWN = ["Published entry of the IIN", "Guide still published", "Partial compliance"]


@pytest.mark.parametrize("persona", ["other focal point", "reviewer"])
def test_published_follow_up_shows_others_only_the_evidence_they_may_see_and_no_history(
    client, published_with_hidden_evidence, persona
):
    client.force_login(focal_point_of("cim") if persona == "other focal point" else reviewer_user())

    response = client.get(page_url(published_with_hidden_evidence))

    body = response.content.decode()
    assert [text for text in HIDDEN + SHOWN if text in body] == SHOWN
    assert "Status history" not in body
    assert response.context["history"] == []


def test_published_follow_up_shows_its_focal_points_all_its_evidence_and_history(
    client, published_with_hidden_evidence, iin_user
):
    client.force_login(iin_user)

    response = client.get(page_url(published_with_hidden_evidence))

    body = response.content.decode()
    assert [text for text in HIDDEN + SHOWN if text in body] == HIDDEN + SHOWN
    assert [step.action for step in response.context["history"]] == [
        "Opened",
        "Saved",
        "Saved",
        "Published",
    ]


def test_page_shows_links_added_and_removed_in_the_history(client, iin_user, draft):
    client.post(page_url(draft), form_data(draft, links="https://a.org A\nhttps://b.org"))
    client.post(page_url(draft), form_data(fresh(draft), links="https://b.org"))

    body = client.get(page_url(draft)).content.decode()

    assert "Link added: A (https://a.org)" in body
    assert "Link removed: A (https://a.org)" in body


# Documents ------------------------------------------------------------------------------------


def test_attach_download_and_remove_a_document(client, iin_user, draft):
    attach = reverse("recommendations:follow_up_attach", args=[draft.pk])

    attached = client.post(
        attach,
        {"attach-revision": 1, "attach-file": SimpleUploadedFile("decree.txt", b"Decree 7")},
    )
    attachment = draft.attachments.get()
    download = client.get(reverse("recommendations:follow_up_file", args=[attachment.pk]))
    content = b"".join(download.streaming_content)
    removed = client.post(
        reverse("recommendations:follow_up_file_remove", args=[attachment.pk]), {"revision": 2}
    )

    assert flashed(attached) == ["Document attached: “decree.txt”."]
    assert (download["Content-Type"], content) == ("text/plain", b"Decree 7")
    assert "attachment" in download["Content-Disposition"]
    assert flashed(removed) == ["Document removed: “decree.txt”."]
    assert not draft.attachments.exists()
    # Closing a download ends the request (and its database connection): last, after queries.
    download.close()


def test_attach_refuses_a_file_that_is_not_a_document(client, iin_user, draft):
    response = client.post(
        reverse("recommendations:follow_up_attach", args=[draft.pk]),
        {"attach-revision": 1, "attach-file": SimpleUploadedFile("x.pdf", b"MZ\x90\x00")},
    )

    assert flashed(response) == ["“x.pdf” is not a PDF, DOCX, ODT, XLSX or plain-text file."]
    assert not draft.attachments.exists()


# The review ----------------------------------------------------------------------------------


def submitted(recommendation, addressee, cycle, **fields) -> FollowUp:
    return make_follow_up(
        recommendation,
        addressee,
        cycle,
        level_code="partial",
        status="submitted",
        narrative="Done in part.",
        submitted_at=datetime.datetime(2030, 3, 1, tzinfo=datetime.UTC),
        **fields,
    )


def test_review_queue_lists_submitted_follow_ups_only(
    client, secretariat, recommendation, iin, cycle, draft
):
    waiting = submitted(make_recommendation(addressees=["iin"]), iin, cycle)

    response = client.get(QUEUE)

    assert list(response.context["waiting"]) == [waiting]


@pytest.mark.parametrize("count", [1, 3])
def test_review_queue_runs_a_fixed_number_of_queries(
    client, secretariat, cycle, iin, count, django_assert_num_queries
):
    for _number in range(count):
        submitted(make_recommendation(addressees=["iin"]), iin, cycle)

    with django_assert_num_queries(8):
        response = client.get(QUEUE)

    assert len(response.context["waiting"]) == count


def test_publish_from_the_queue_goes_back_to_it(client, secretariat, recommendation, iin, cycle):
    follow_up = submitted(recommendation, iin, cycle)

    response = client.post(
        reverse("recommendations:follow_up_publish", args=[follow_up.pk]),
        {"revision": follow_up.revision, "from": "queue"},
    )

    assert response["Location"] == QUEUE
    assert flashed(response) == ["Follow-up published: it now counts in the public progress pages."]
    assert fresh(follow_up).status == "published"


def test_return_needs_a_comment_and_keeps_it_for_the_focal_points(
    client, secretariat, recommendation, iin, cycle
):
    follow_up = submitted(recommendation, iin, cycle)
    url = reverse("recommendations:follow_up_return", args=[follow_up.pk])

    refused = client.post(url, {"comment": ""})
    returned = client.post(url, {"comment": "Name the law."})

    assert flashed(refused) == ["Say what needs to change when returning a follow-up."]
    assert flashed(returned) == [
        "Follow-up returned to the addressee's focal points with your comment."
    ]
    saved = fresh(follow_up)
    assert (saved.status, saved.comments.get().text) == ("returned", "Name the law.")


def test_publish_with_a_stale_revision_is_refused(client, secretariat, recommendation, iin, cycle):
    follow_up = submitted(recommendation, iin, cycle, revision=3)

    response = client.post(
        reverse("recommendations:follow_up_publish", args=[follow_up.pk]), {"revision": 2}
    )

    assert flashed(response) == [
        "Someone else saved this follow-up while you were editing it. Your text is kept below; "
        "compare it with the saved version and save again."
    ]
    assert fresh(follow_up).status == "submitted"


def test_unpublish_needs_a_reason(client, secretariat, recommendation, iin, cycle):
    follow_up = make_follow_up(recommendation, iin, cycle, narrative="Done.")
    url = reverse("recommendations:follow_up_unpublish", args=[follow_up.pk])

    refused = client.post(url, {"reason": ""})
    done = client.post(url, {"reason": "The law was repealed."})

    assert flashed(refused) == ["Say why the follow-up is taken off the public pages."]
    assert flashed(done) == [
        "Follow-up taken off the public pages and returned to its focal points."
    ]
    assert fresh(follow_up).status == "returned"


# Sources and recommendations ------------------------------------------------------------------


def test_record_a_source_then_its_recommendations(client, secretariat):
    created = client.post(
        reverse("recommendations:source_create"),
        {
            "kind": "forum",
            "title": "High-level forum on irregular migration flows",
            "reference": "CAM/RE-1",
            "issuer": "",
            "date": "2016-12",
            "url": "www.oas.org/forum",
            "language": "en",
        },
    )
    source = Source.objects.get()
    recorded = client.post(
        reverse("recommendations:recommendation_create"),
        {
            "source": source.pk,
            "group": "Panel 1",
            "number": 1,
            "text": "Publish migration procedures in plain language.",
            "language": "en",
            "themes": [Theme.objects.get(slug="human-rights").pk],
            "all_member_states": "on",
        },
    )

    assert created["Location"] == reverse("recommendations:source_edit", args=[source.pk])
    assert (source.url, source.history.get().history_user) == (
        "https://www.oas.org/forum",
        secretariat,
    )
    recommendation = Recommendation.objects.get()
    assert recorded["Location"] == (
        reverse("recommendations:recommendation_create") + f"?source={source.pk}&group=Panel+1"
    )
    assert flashed(recorded) == [
        "Recommendation recorded: “Recommendation 1: Publish migration procedures in plain "
        "language.”. Record the next one below."
    ]
    assert (
        recommendation.all_member_states,
        list(recommendation.themes.values_list("slug", flat=True)),
    ) == (
        True,
        ["human-rights"],
    )
    follow_on = client.get(recorded["Location"])
    assert follow_on.context["form"].initial["group"] == "Panel 1"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"all_member_states": ""},
            "addressees",
            "Say who the recommendation is addressed to: all member states, or named states "
            "and actors.",
        ),
        ({"text": ""}, "text", "Give the text of the recommendation."),
        (
            {"date": "May 2016"},
            "date",
            "“May 2016” is not a date; write 2016-10-20, 2016-10 or 2016.",
        ),
        ({"source": ""}, "source", "Choose the source of the recommendation."),
    ],
)
def test_recommendation_form_keeps_values_and_names_the_problem(
    client, secretariat, fields, field, message
):
    source = make_source()
    data = {
        "source": source.pk,
        "text": "Typed with care.",
        "language": "en",
        "all_member_states": "on",
    } | fields

    response = client.post(reverse("recommendations:recommendation_create"), data)

    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert "Typed with care." in response.content.decode() or field == "text"
    assert not Recommendation.objects.exists()


def test_edit_a_recommendation_names_its_addressees(client, secretariat, recommendation):
    canada = Actor.objects.get(slug="can")

    response = client.post(
        reverse("recommendations:recommendation_edit", args=[recommendation.pk]),
        {
            "source": recommendation.source_id,
            "number": 4,
            "text": recommendation.text,
            "language": "en",
            "addressees": [canada.pk],
        },
    )

    assert response["Location"] == reverse(
        "recommendations:source_edit", args=[recommendation.source_id]
    )
    assert list(recommendation.addressees.all()) == [canada]
    assert recommendation.history.latest().history_user == secretariat


def test_source_list_counts_recommendations(client, secretariat, recommendation):
    response = client.get(reverse("recommendations:source_manage_list"))

    [source] = response.context["sources"]
    assert (source, source.recommendation_count) == (recommendation.source, 1)


def test_secretariat_records_follow_up_in_a_closed_cycle(client, recommendation, iin):
    client.force_login(secretariat_user())
    closed = make_cycle("2020–2021", datetime.date(2020, 1, 1), status="closed")

    response = client.post(
        OPEN, {"recommendation": recommendation.pk, "addressee": iin.pk, "cycle": closed.pk}
    )

    assert response["Location"] == page_url(FollowUp.objects.get(cycle=closed))
