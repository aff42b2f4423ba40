import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from followup.program.models import Actor, ProgramVersion
from followup.reporting import services
from followup.reporting.models import ActorReport, Entry, PlannedFollowUp, ReportingCycle
from followup.reporting.services import ReportingError, StaleRevision
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
def secretariat():
    return secretariat_user()


@pytest.fixture
def iin_focal_point():
    return focal_point_of("iin")


@pytest.fixture
def report():
    return ReportFactory()


def test_create_cycle_expects_oas_organs_and_invites_states(secretariat):
    version = ProgramVersion.objects.get(slug="2016")

    cycle = services.create_cycle(
        label="2031–2032",
        version=version,
        opens_on=datetime.date(2031, 9, 1),
        deadline=datetime.date(2031, 11, 30),
        by=secretariat,
    )

    invitations = {i.actor.slug: i.required for i in cycle.invitations.select_related("actor")}
    assert cycle.slug == "2031-2032"
    assert cycle.status == ReportingCycle.Status.PLANNED
    assert invitations["iachr"] is True
    assert invitations["iin"] is True
    assert invitations["mex"] is False
    assert invitations["iom"] is False
    assert "dil" not in invitations  # an OAS unit the 2016 Program does not name


def test_create_cycle_refuses_a_deadline_before_opening(secretariat):
    with pytest.raises(ReportingError, match=r"The deadline cannot come before the opening date\."):
        services.create_cycle(
            label="2031–2032",
            version=ProgramVersion.objects.get(slug="2016"),
            opens_on=datetime.date(2031, 9, 1),
            deadline=datetime.date(2031, 8, 1),
            by=secretariat,
        )


def test_create_cycle_refuses_a_repeated_period(secretariat):
    cycle = CycleFactory()

    with pytest.raises(ReportingError, match="already exists"):
        services.create_cycle(
            label=cycle.label,
            version=cycle.version,
            opens_on=cycle.opens_on,
            deadline=cycle.deadline,
            by=secretariat,
        )


def test_create_cycle_is_for_the_secretariat_only(iin_focal_point):
    with pytest.raises(PermissionDenied):
        services.create_cycle(
            label="2031–2032",
            version=ProgramVersion.objects.get(slug="2016"),
            opens_on=datetime.date(2031, 9, 1),
            deadline=datetime.date(2031, 11, 30),
            by=iin_focal_point,
        )


def test_open_cycle_gives_each_invited_actor_a_draft(secretariat):
    cycle = services.create_cycle(
        label="2031–2032",
        version=ProgramVersion.objects.get(slug="2016"),
        opens_on=datetime.date(2031, 9, 1),
        deadline=datetime.date(2031, 11, 30),
        by=secretariat,
        actors=Actor.objects.filter(slug__in=["iin", "cim"]),
    )

    reports = services.open_cycle(cycle, by=secretariat)

    assert sorted(r.actor.slug for r in reports) == ["cim", "iin"]
    assert {r.status for r in reports} == {ActorReport.Status.DRAFT}
    # The history says who opened the reports, and why.
    created = [report.history.earliest() for report in reports]
    assert {(h.history_user, h.history_change_reason) for h in created} == {
        (secretariat, "cycle opened")
    }
    with pytest.raises(ReportingError, match=r"Only a planned cycle can be opened\."):
        services.open_cycle(cycle, by=secretariat)


def test_the_whole_review_runs_through_each_step(report, secretariat, iin_focal_point):
    reviewer = reviewer_user()
    services.save_entry(report, {"kind": "carried_out", "title": "Course"}, by=iin_focal_point)

    services.submit_report(report, by=iin_focal_point)
    services.return_report(report, by=reviewer, comment="Add the number of participants.")
    services.save_entry(report, {"kind": "planned", "title": "Second course"}, by=iin_focal_point)
    services.submit_report(report, by=iin_focal_point)
    services.accept_report(report, by=secretariat)
    services.publish_report(report, by=secretariat)

    report.refresh_from_db()
    assert report.status == ActorReport.Status.PUBLISHED
    assert report.published_at is not None
    assert [c.text for c in report.comments.all()] == ["Add the number of participants."]
    reasons = list(
        report.history.order_by("history_date").values_list("history_change_reason", flat=True)
    )
    assert [r for r in reasons if r in {"submitted", "returned", "accepted", "published"}] == [
        "submitted",
        "returned",
        "submitted",
        "accepted",
        "published",
    ]


def test_reviewer_can_return_but_not_accept_or_publish(report, iin_focal_point):
    reviewer = reviewer_user()
    EntryFactory(report=report)
    services.submit_report(report, by=iin_focal_point)

    with pytest.raises(PermissionDenied):
        services.accept_report(report, by=reviewer)
    report.status = ActorReport.Status.ACCEPTED
    with pytest.raises(PermissionDenied):
        services.publish_report(report, by=reviewer)


def test_return_needs_a_comment(report, iin_focal_point, secretariat):
    EntryFactory(report=report)
    services.submit_report(report, by=iin_focal_point)

    with pytest.raises(ReportingError, match="Say what needs to change"):
        services.return_report(report, by=secretariat, comment="  ")


def test_submit_needs_an_entry(report, iin_focal_point):
    with pytest.raises(ReportingError, match="Add at least one entry"):
        services.submit_report(report, by=iin_focal_point)


def test_focal_point_of_another_actor_cannot_edit_or_submit(report):
    cim_focal_point = focal_point_of("cim")
    EntryFactory(report=report)

    with pytest.raises(PermissionDenied):
        services.save_entry(report, {"kind": "carried_out", "title": "x"}, by=cim_focal_point)
    with pytest.raises(PermissionDenied):
        services.submit_report(report, by=cim_focal_point)


def test_a_closed_cycle_locks_its_reports_until_one_is_reopened(
    report, iin_focal_point, secretariat
):
    services.close_cycle(report.cycle, by=secretariat)
    report.refresh_from_db()

    with pytest.raises(PermissionDenied):
        services.save_entry(report, {"kind": "carried_out", "title": "Late"}, by=iin_focal_point)
    services.reopen_report(report, by=secretariat)
    entry = services.save_entry(
        report, {"kind": "carried_out", "title": "Late"}, by=iin_focal_point
    )

    assert entry.pk is not None
    assert report.reopened


def test_a_stale_revision_is_refused_and_names_the_current_one(report, iin_focal_point):
    loaded = report.revision
    services.save_entry(report, {"kind": "carried_out", "title": "First"}, by=iin_focal_point)

    with pytest.raises(StaleRevision) as error:
        services.save_entry(
            report,
            {"kind": "carried_out", "title": "Second"},
            by=iin_focal_point,
            expected_revision=loaded,
        )

    assert error.value.current == loaded + 1
    assert "Someone else saved this report" in str(error.value)
    assert list(report.entries.values_list("title", flat=True)) == ["First"]


def test_save_entry_refuses_impossible_and_reversed_dates(report, iin_focal_point):
    with pytest.raises(ValidationError) as impossible:
        services.save_entry(
            report,
            {"kind": "carried_out", "title": "x", "starts": "2019-02-30"},
            by=iin_focal_point,
        )
    with pytest.raises(ValidationError) as reversed_range:
        services.save_entry(
            report,
            {"kind": "carried_out", "title": "x", "starts": "2020-03", "ends": "2019"},
            by=iin_focal_point,
        )

    assert impossible.value.message_dict == {
        "starts": ["2019-02-30 does not exist in the calendar."]
    }
    assert reversed_range.value.message_dict == {
        "ends": ["The end (2019) comes before the start (2020-03)."]
    }
    assert not report.entries.exists()


def test_save_entry_keeps_countries_tags_and_history(report, iin_focal_point):
    entry = services.save_entry(
        report,
        {
            "kind": "carried_out",
            "title": "Network of technical liaisons",
            "countries": ["PRY", "ECU", "PRY"],
            "activities": list(report.actor.activities.all()),
            "starts": "2019-07",
        },
        by=iin_focal_point,
    )

    assert list(entry.countries.values_list("code", flat=True)) == ["ECU", "PRY"]
    assert entry.activities.count() == 2
    assert entry.history.first().history_user == iin_focal_point


def test_deleted_entries_are_hidden_and_can_be_restored(report, iin_focal_point, secretariat):
    entry = EntryFactory(report=report)

    services.delete_entry(entry, by=iin_focal_point)
    assert not Entry.objects.alive().filter(pk=entry.pk).exists()
    with pytest.raises(PermissionDenied):
        services.restore_entry(entry, by=iin_focal_point)
    services.restore_entry(entry, by=secretariat)

    assert Entry.objects.alive().filter(pk=entry.pk).exists()


def _published_report_with_plan(cycle, secretariat, focal_point):
    report = ReportFactory(cycle=cycle)
    services.save_entry(report, {"kind": "planned", "title": "Regional protocol"}, by=focal_point)
    services.save_entry(report, {"kind": "carried_out", "title": "Study"}, by=focal_point)
    services.submit_report(report, by=focal_point)
    services.accept_report(report, by=secretariat)
    services.publish_report(report, by=secretariat)
    return report


def test_planned_entries_come_back_next_cycle_as_a_checklist(secretariat, iin_focal_point):
    last = _published_report_with_plan(CycleFactory(), secretariat, iin_focal_point)
    cycle = services.create_cycle(
        label="2040–2041",
        version=last.cycle.version,
        opens_on=last.cycle.opens_on + datetime.timedelta(days=400),
        deadline=last.cycle.opens_on + datetime.timedelta(days=500),
        by=secretariat,
        actors=[last.actor],
    )

    (report,) = services.open_cycle(cycle, by=secretariat)

    followup = report.followups.get()
    assert followup.planned.title == "Regional protocol"
    assert followup.outcome == PlannedFollowUp.Outcome.PENDING
    assert services.carry_over_planned(report) == 0  # never twice
    EntryFactory(report=report)
    with pytest.raises(ReportingError, match="Say what became of each activity planned"):
        services.submit_report(report, by=iin_focal_point)
    with pytest.raises(ReportingError, match="Give the reason"):
        services.record_followup(followup, outcome="dropped", reason="", by=iin_focal_point)
    services.record_followup(
        followup, outcome="partly", reason="Funding arrived late.", by=iin_focal_point
    )
    services.submit_report(report, by=iin_focal_point)
    assert report.status == ActorReport.Status.SUBMITTED


def test_save_entry_keeps_figures_and_links(report, iin_focal_point):
    entry = services.save_entry(
        report,
        {
            "kind": "carried_out",
            "title": "Training",
            "figures": [("70", "professionals trained")],
            "links": [("https://www.oas.org/", "OAS")],
        },
        by=iin_focal_point,
    )

    assert [str(f) for f in entry.figures.all()] == ["70 professionals trained"]
    assert [(link.url, link.title) for link in entry.links.all()] == [
        ("https://www.oas.org/", "OAS")
    ]


def test_save_entry_refuses_an_unknown_country_and_a_figure_that_is_no_number(
    report, iin_focal_point
):
    with pytest.raises(ValidationError, match="“XXX” is not an ISO 3166-1 alpha-3 country code"):
        services.save_entry(
            report, {"kind": "carried_out", "title": "x", "countries": ["XXX"]}, by=iin_focal_point
        )
    with pytest.raises(ValidationError) as figure:
        services.save_entry(
            report,
            {"kind": "carried_out", "title": "x", "figures": [("seventy", "people")]},
            by=iin_focal_point,
        )

    assert figure.value.message_dict == {"value": ["“seventy” value must be a decimal number."]}
    assert not report.entries.exists()
