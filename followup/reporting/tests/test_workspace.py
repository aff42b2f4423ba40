"""The focal points' workspace and the review pages, as a person uses them."""

import pytest
from django.urls import reverse

from followup.program.models import ProgramActivity
from followup.reporting.models import ActorReport, Entry, PlannedFollowUp, ReportingCycle
from followup.reporting.tests.factories import (
    CycleFactory,
    EntryFactory,
    ReportFactory,
    focal_point_of,
    reviewer_user,
    secretariat_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    return ReportFactory()


@pytest.fixture
def iin(client):
    user = focal_point_of("iin")
    client.force_login(user)
    return user


def entry_data(report, **overrides):
    data = {
        "revision": report.revision,
        "kind": "carried_out",
        "title": "Online course on migrant children",
        "narrative": "Second edition, for public officials.",
        "language": "en",
        "starts": "2019-07",
        "ends": "",
        "countries": "ecu, PRY",
        "figures": "120 | officials trained",
        "links": "https://www.iin.oea.org/ | IIN",
        "activities": [ProgramActivity.objects.get(code="2016-iin-a").pk],
    }
    data.update(overrides)
    return data


def test_workspace_lists_the_focal_points_own_reports_only(client, iin, report):
    cim_report = ReportFactory(
        cycle=report.cycle, actor=focal_point_of("cim").memberships.get().actor
    )

    response = client.get(reverse("reporting:workspace"))

    assert list(response.context["mine"]) == [report]
    assert cim_report not in response.context["mine"]


def test_report_page_of_another_actor_is_404(client, report):
    client.force_login(focal_point_of("cim"))

    assert client.get(reverse("reporting:report_page", args=[report.pk])).status_code == 404
    assert client.get(reverse("reporting:entry_create", args=[report.pk])).status_code == 404


def test_adding_an_entry_saves_every_field(client, iin, report):
    response = client.post(reverse("reporting:entry_create", args=[report.pk]), entry_data(report))

    entry = report.entries.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#entry-{entry.pk}")
    assert list(entry.countries.values_list("code", flat=True)) == ["ECU", "PRY"]
    assert [str(f) for f in entry.figures.all()] == ["120 officials trained"]
    assert entry.links.get().title == "IIN"
    assert entry.activities.get().code == "2016-iin-a"
    assert entry.starts == "2019-07"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "countries",
            "MEX, XYZ",
            "“XYZ” is not an ISO 3166-1 alpha-3 country code (such as MEX or CAN).",
        ),
        ("starts", "2019-02-30", "2019-02-30 does not exist in the calendar."),
        ("starts", "March 2019", "“March 2019” is not a date; write 2016-10-20, 2016-10 or 2016."),
        ("ends", "2018", "The end (2018) comes before the start (2019-07)."),
        ("figures", "seventy | people", "“seventy” is not a number."),
        ("figures", "70", "Say what 70 counts, after a bar: 70 | people trained."),
        ("links", "www.oas.org", "“www.oas.org” is not a web address (http:// or https://)."),
        ("title", "", "This field is required."),
    ],
)
def test_bad_input_is_named_at_its_field_and_the_rest_is_kept(
    client, iin, report, field, value, message
):
    response = client.post(
        reverse("reporting:entry_create", args=[report.pk]), entry_data(report, **{field: value})
    )

    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    content = response.content.decode()
    assert "Second edition, for public officials." in content
    assert not report.entries.exists()


def test_html_in_text_is_stored_as_typed_and_shown_escaped(client, iin, report):
    title = '<script>alert("x")</script> & co'
    client.post(
        reverse("reporting:entry_create", args=[report.pk]), entry_data(report, title=title)
    )

    content = client.get(reverse("reporting:report_page", args=[report.pk])).content.decode()

    assert report.entries.get().title == title
    assert '<script>alert("x")</script>' not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in content


def test_two_people_editing_one_entry_get_a_conflict_and_keep_both_texts(client, iin, report):
    entry = EntryFactory(report=report, title="Original")
    stale = report.revision
    other = focal_point_of("iin")
    client.force_login(other)
    client.post(
        reverse("reporting:entry_edit", args=[entry.pk]),
        entry_data(report, title="Saved by the other person"),
    )
    client.force_login(iin)

    response = client.post(
        reverse("reporting:entry_edit", args=[entry.pk]),
        entry_data(report, title="Mine", revision=stale),
    )

    content = response.content.decode()
    assert response.status_code == 409
    assert "Someone else saved this report while you were editing it." in content
    assert 'value="Mine"' in content
    assert "Saved by the other person" in content
    entry.refresh_from_db()
    assert entry.title == "Saved by the other person"
    # Saving again, knowingly, goes through.
    retry = client.post(
        reverse("reporting:entry_edit", args=[entry.pk]),
        entry_data(report, title="Mine", revision=response.context["form"].data["revision"]),
    )
    assert retry.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Mine"
    assert {"Original", "Saved by the other person", "Mine"} <= set(
        entry.history.values_list("title", flat=True)
    )


def test_delete_then_restore_an_entry(client, iin, report):
    entry = EntryFactory(report=report)
    report.refresh_from_db()

    client.post(reverse("reporting:entry_delete", args=[entry.pk]), {"revision": report.revision})
    assert Entry.objects.get(pk=entry.pk).deleted_at is not None
    assert client.post(reverse("reporting:entry_restore", args=[entry.pk])).status_code == 403
    client.force_login(secretariat_user())
    history = client.get(reverse("reporting:report_history", args=[report.pk]))
    assert entry.title in history.content.decode()
    client.post(reverse("reporting:entry_restore", args=[entry.pk]))

    assert Entry.objects.get(pk=entry.pk).deleted_at is None


def test_submit_return_accept_publish_through_the_pages(client, iin, report):
    EntryFactory(report=report)
    report.refresh_from_db()
    client.post(reverse("reporting:report_submit", args=[report.pk]), {"revision": report.revision})
    client.force_login(reviewer_user())
    assert client.post(reverse("reporting:report_accept", args=[report.pk])).status_code == 403
    client.post(reverse("reporting:report_return", args=[report.pk]), {"comment": "Add dates."})
    report.refresh_from_db()
    assert report.status == ActorReport.Status.RETURNED
    client.force_login(iin)
    assert (
        "Add dates."
        in client.get(reverse("reporting:report_page", args=[report.pk])).content.decode()
    )
    client.post(reverse("reporting:report_submit", args=[report.pk]), {"revision": report.revision})
    client.force_login(secretariat_user())
    client.post(reverse("reporting:report_accept", args=[report.pk]))
    client.post(reverse("reporting:report_publish", args=[report.pk]))

    report.refresh_from_db()
    assert report.status == ActorReport.Status.PUBLISHED


def test_submitting_an_empty_report_explains_why_not(client, iin, report):
    response = client.post(
        reverse("reporting:report_submit", args=[report.pk]),
        {"revision": report.revision},
        follow=True,
    )

    assert "Add at least one entry before submitting the report." in response.content.decode()
    report.refresh_from_db()
    assert report.status == ActorReport.Status.DRAFT


def test_followup_checklist_is_answered_on_the_report_page(client, iin, report):
    previous = ReportFactory(cycle=CycleFactory(opens_on=report.cycle.opens_on.replace(year=2020)))
    planned = EntryFactory(report=previous, kind=Entry.Kind.PLANNED, title="Regional protocol")
    followup = PlannedFollowUp.objects.create(report=report, planned=planned)

    page = client.get(reverse("reporting:report_page", args=[report.pk])).content.decode()
    client.post(
        reverse("reporting:followup_update", args=[followup.pk]),
        {
            f"f{followup.pk}-revision": report.revision,
            f"f{followup.pk}-outcome": "dropped",
            f"f{followup.pk}-reason": "",
        },
    )
    followup.refresh_from_db()
    assert "Regional protocol" in page
    assert followup.outcome == PlannedFollowUp.Outcome.PENDING  # a reason is required
    client.post(
        reverse("reporting:followup_update", args=[followup.pk]),
        {
            f"f{followup.pk}-revision": report.revision,
            f"f{followup.pk}-outcome": "dropped",
            f"f{followup.pk}-reason": "No funds.",
        },
    )
    followup.refresh_from_db()
    assert (followup.outcome, followup.reason) == ("dropped", "No funds.")


def test_report_page_query_count_does_not_grow_with_entries(
    client, iin, report, django_assert_max_num_queries, django_assert_num_queries
):
    EntryFactory(report=report)
    with django_assert_max_num_queries(25) as first:
        client.get(reverse("reporting:report_page", args=[report.pk]))
    EntryFactory.create_batch(3, report=report)

    with django_assert_num_queries(len(first.captured_queries)):
        client.get(reverse("reporting:report_page", args=[report.pk]))


def test_secretariat_creates_opens_and_closes_a_cycle(client):
    client.force_login(secretariat_user())

    bad = client.post(
        reverse("reporting:cycle_manage"),
        {"label": "2031–2032", "opens_on": "2031-09-01", "deadline": "2031-08-01"},
    )
    good = client.post(
        reverse("reporting:cycle_manage"),
        {"label": "2031–2032", "opens_on": "2031-09-01", "deadline": "2031-11-30"},
    )
    client.post(reverse("reporting:cycle_open", args=["2031-2032"]))
    cycle = ReportingCycle.objects.get(slug="2031-2032")
    opened = cycle.status
    client.post(reverse("reporting:cycle_close", args=["2031-2032"]))
    cycle.refresh_from_db()

    assert bad.status_code == 400
    assert bad.context["form"].errors["deadline"] == [
        "The deadline cannot come before the opening date."
    ]
    assert good.status_code == 302
    assert opened == ReportingCycle.Status.OPEN
    assert cycle.status == ReportingCycle.Status.CLOSED
    assert cycle.reports.count() == cycle.invitations.count()


def test_cycle_management_is_for_the_secretariat(client, iin):
    assert client.get(reverse("reporting:cycle_manage")).status_code == 403
    assert client.post(reverse("reporting:cycle_open", args=["x"])).status_code == 403


def test_autosave_creates_then_updates_the_entry_and_answers_json(client, iin, report):
    created = client.post(
        reverse("reporting:entry_create", args=[report.pk]),
        entry_data(report),
        headers={"X-Autosave": "1"},
    )
    entry = report.entries.get()
    updated = client.post(
        created.json()["edit_url"],
        entry_data(report, title="Typed a bit more", revision=created.json()["revision"]),
        headers={"X-Autosave": "1"},
    )

    assert created.status_code == 200
    assert created.json()["edit_url"] == reverse("reporting:entry_edit", args=[entry.pk])
    assert updated.json()["saved"] is True
    entry.refresh_from_db()
    assert entry.title == "Typed a bit more"


def test_autosave_reports_invalid_fields_and_conflicts_without_saving(client, iin, report):
    invalid = client.post(
        reverse("reporting:entry_create", args=[report.pk]),
        entry_data(report, starts="2019-13"),
        headers={"X-Autosave": "1"},
    )
    stale = client.post(
        reverse("reporting:entry_create", args=[report.pk]),
        entry_data(report, revision=report.revision + 5),
        headers={"X-Autosave": "1"},
    )

    assert invalid.status_code == 400
    assert (
        invalid.json()["errors"]["starts"][0]["message"]
        == "There is no month 13; months go from 01 to 12."
    )
    assert stale.status_code == 409
    assert stale.json()["conflict"] is True
    assert not report.entries.exists()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_the_complete_report_is_attached_and_downloadable_by_who_may_see_it(client, iin, report):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("reporting:report_original", args=[report.pk]),
        {
            "revision": report.revision,
            "language": "es",
            "file": SimpleUploadedFile("Informe-IIN.pdf", PDF),
        },
    )
    report.refresh_from_db()
    download = client.get(reverse("reporting:original_download", args=[report.pk]))
    client.logout()
    anonymous = client.get(reverse("reporting:original_download", args=[report.pk]))

    assert response.status_code == 302
    assert report.original_language == "es"
    assert b"".join(download.streaming_content) == PDF
    download.close()
    assert 'attachment; filename="Informe-IIN.pdf"' in download["Content-Disposition"]
    assert anonymous.status_code == 404


def test_a_file_that_is_not_an_allowed_type_is_refused_with_its_name(client, iin, report):
    from django.core.files.uploadedfile import SimpleUploadedFile

    entry = EntryFactory(report=report)
    report.refresh_from_db()
    response = client.post(
        reverse("reporting:entry_attach", args=[entry.pk]),
        {
            "revision": report.revision,
            "file": SimpleUploadedFile("report.pdf", b"MZ\x90\x00binary"),
        },
        follow=True,
    )

    assert (
        "“report.pdf” is not a PDF, DOCX, ODT, XLSX or plain-text file."
        in response.content.decode()
    )
    assert not entry.attachments.exists()


def test_an_attachment_is_public_once_its_report_is_published(client, iin, report):
    from django.core.files.uploadedfile import SimpleUploadedFile

    entry = EntryFactory(report=report)
    report.refresh_from_db()
    client.post(
        reverse("reporting:entry_attach", args=[entry.pk]),
        {
            "revision": report.revision,
            "file": SimpleUploadedFile("notes.txt", b"Apuntes del curso"),
        },
    )
    attachment = entry.attachments.get()
    client.logout()
    before = client.get(reverse("reporting:attachment_download", args=[attachment.pk]))
    ActorReport.objects.filter(pk=report.pk).update(status=ActorReport.Status.PUBLISHED)
    after = client.get(reverse("reporting:attachment_download", args=[attachment.pk]))

    assert before.status_code == 404
    assert after.status_code == 200
    assert after["Content-Type"] == "text/plain"
    after.close()
    assert (attachment.size, len(attachment.sha256)) == (len(b"Apuntes del curso"), 64)
