"""Accepting and rejecting proposed records; accepted ones become records with provenance."""

import pytest
from django.core.exceptions import PermissionDenied

from followup.ingest import review
from followup.ingest.models import Proposal
from followup.meetings.models import CalendarRow, WorkPlan
from followup.meetings.tests.factories import WorkPlanFactory
from followup.program.models import Mandate
from followup.recommendations.models import Recommendation, Source
from followup.reporting.models import Entry, ReportingCycle
from followup.reporting.tests.factories import CycleFactory, focal_point_of, secretariat_user

pytestmark = pytest.mark.django_db


def _proposal(document, kind, data, position=0, warnings=()):
    return Proposal.objects.create(
        document=document,
        position=position,
        kind=kind,
        data=data,
        warnings=list(warnings),
        first_block=1,
        last_block=1,
        end=10,
    )


ENTRY = {
    "actor": "iin",
    "period": "2009",
    "kind": "carried_out",
    "title": "The IIN trained 70 officials in Guatemala",
    "narrative": "The IIN trained 70 officials in Guatemala.",
    "language": "en",
    "countries": ["GTM"],
    "starts": "2009-03",
    "ends": "",
    "figures": [[70, "officials trained"]],
}


@pytest.fixture
def secretariat():
    return secretariat_user()


def test_accepting_an_entry_files_it_in_a_closed_cycle_of_its_period(document, secretariat):
    proposal = _proposal(document, "entry", ENTRY)

    entry = review.accept(proposal, by=secretariat)

    assert isinstance(entry, Entry)
    cycle = entry.report.cycle
    assert (cycle.label, cycle.slug, cycle.status) == ("2009", "2009", "closed")
    assert cycle.version.slug == "2005"
    assert entry.report.actor.slug == "iin"
    assert [country.code for country in entry.countries.all()] == ["GTM"]
    assert [(int(f.value), f.counts) for f in entry.figures.all()] == [(70, "officials trained")]
    assert entry.starts == "2009-03"
    proposal.refresh_from_db()
    assert proposal.status == "accepted"
    assert proposal.record == entry
    assert proposal.reviewed_by == secretariat


def test_an_existing_cycle_of_the_same_period_is_reused(document, secretariat):
    cycle = CycleFactory(label="2019–2020", slug="2019-2020")
    proposal = _proposal(document, "entry", {**ENTRY, "period": "2019–2020"})

    entry = review.accept(proposal, by=secretariat)

    assert entry.report.cycle == cycle
    assert ReportingCycle.objects.filter(slug="2019-2020").count() == 1


def test_the_reviewers_edits_win_over_the_proposal(document, secretariat):
    proposal = _proposal(document, "entry", ENTRY)

    entry = review.accept(
        proposal, by=secretariat, data={"title": "Training of officials", "kind": "planned"}
    )

    assert (entry.title, entry.kind) == ("Training of officials", "planned")
    proposal.refresh_from_db()
    assert proposal.data["title"] == "Training of officials"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ({"actor": ""}, "Choose the Program actor"),
        ({"actor": "no-such-actor"}, "Choose the Program actor"),
        ({"period": ""}, "Give the period of the report"),
        ({"period": "2020–2019"}, "ends before it starts"),
        ({"starts": "2009-13"}, "month"),
        ({"countries": ["XXX"]}, "XXX"),
        ({"figures": [["many", "people"]]}, "is not a number"),
    ],
)
def test_an_entry_that_cannot_be_filed_is_refused_and_nothing_is_created(
    document, secretariat, edit, message
):
    proposal = _proposal(document, "entry", ENTRY)

    with pytest.raises(review.ReviewError, match=message):
        review.accept(proposal, by=secretariat, data=edit)

    assert not Entry.objects.filter(title=ENTRY["title"]).exists()
    proposal.refresh_from_db()
    assert proposal.status == "pending"


def test_a_proposal_is_decided_once(document, secretariat):
    accepted = _proposal(document, "entry", ENTRY)
    rejected = _proposal(document, "entry", ENTRY, position=1)
    review.accept(accepted, by=secretariat)
    review.reject(rejected, by=secretariat)

    for proposal in (accepted, rejected):
        with pytest.raises(review.ReviewError, match="already reviewed"):
            review.accept(proposal, by=secretariat)
        with pytest.raises(review.ReviewError, match="already reviewed"):
            review.reject(proposal, by=secretariat)
    assert Entry.objects.filter(title=ENTRY["title"]).count() == 1


def test_only_the_secretariat_reviews(document):
    proposal = _proposal(document, "entry", ENTRY)
    focal_point = focal_point_of("iin")

    with pytest.raises(PermissionDenied):
        review.accept(proposal, by=focal_point)
    with pytest.raises(PermissionDenied):
        review.reject(proposal, by=focal_point)


def test_recommendations_are_numbered_within_their_group(document, secretariat):
    first = _proposal(document, "recommendation", {"group": "Panel 1", "text": "Share data."})
    second = _proposal(
        document, "recommendation", {"group": "Panel 1", "text": "Train staff."}, position=1
    )

    records = [review.accept(p, by=secretariat) for p in (first, second)]

    assert all(isinstance(record, Recommendation) for record in records)
    assert [(r.source.title, r.group, r.number) for r in records] == [
        ("Annual report 2009", "Panel 1", 1),
        ("Annual report 2009", "Panel 1", 2),
    ]
    # One source for the document; imported recommendations speak to all member states.
    assert records[0].source == records[1].source
    assert all(r.all_member_states for r in records)


def test_a_calendar_row_keeps_a_month_level_date_and_its_mandates(document, secretariat):
    proposal = _proposal(
        document,
        "calendar_row",
        {
            "date": "2016-10",
            "date_text": "OCTOBER 2016",
            "mandates": ["AG/RES. 2883 (XLVI-O/16)"],
            "activity": "Meeting of the working group",
            "notes": "",
            "work_plan": "Work plan 2016–2017",
        },
    )

    row = review.accept(proposal, by=secretariat)

    assert isinstance(row, CalendarRow)
    assert (row.date, row.work_plan.title) == ("2016-10", "Work plan 2016–2017")
    assert [m.symbol for m in row.mandates.all()] == ["AG/RES. 2883 (XLVI-O/16)"]


def test_a_calendar_row_goes_to_the_oldest_of_two_plans_of_its_title(document, secretariat):
    oldest = WorkPlanFactory(title="Work plan 2016–2017")
    WorkPlanFactory(title="Work plan 2016–2017")
    proposal = _proposal(
        document,
        "calendar_row",
        {"date": "2016-10", "activity": "Meeting of the working group", "work_plan": oldest.title},
    )

    row = review.accept(proposal, by=secretariat)

    assert row.work_plan == oldest
    assert WorkPlan.objects.count() == 2


def test_a_calendar_row_naming_a_new_plan_makes_it(document, secretariat):
    proposal = _proposal(
        document,
        "calendar_row",
        {"date": "", "activity": "Forum", "work_plan": "Work plan 2018–2019"},
    )

    row = review.accept(proposal, by=secretariat)

    assert list(WorkPlan.objects.values_list("title", flat=True)) == ["Work plan 2018–2019"]
    assert (row.work_plan.period_start, row.work_plan.period_end) == (
        document.period_start,
        document.period_end,
    )


def test_a_calendar_row_naming_an_unknown_mandate_waits_for_it(document, secretariat):
    proposal = _proposal(
        document,
        "calendar_row",
        {"date": "", "mandates": ["AG/RES. 9999 (XLVI-O/16)"], "activity": "Forum"},
    )

    with pytest.raises(review.ReviewError, match=r"AG/RES\. 9999 \(XLVI-O/16\)"):
        review.accept(proposal, by=secretariat)


def test_a_new_mandate_needs_its_title(document, secretariat):
    proposal = _proposal(document, "mandate", {"symbol": "AG/RES. 2141 (XXXV-O/05)"})
    new = _proposal(document, "mandate", {"symbol": "ag/res 2990 (L-O/20)"}, position=1)

    existing = review.accept(proposal, by=secretariat, data={"title_en": "Program"})
    with pytest.raises(review.ReviewError, match="title"):
        review.accept(new, by=secretariat)
    created = review.accept(new, by=secretariat, data={"title_es": "Migración"})

    assert existing == Mandate.objects.get(symbol="AG/RES. 2141 (XXXV-O/05)")
    assert (created.symbol, created.year, created.title_en) == (
        "AG/RES. 2990 (L-O/20)",
        2020,
        "Migración",
    )


def test_bulk_acceptance_takes_only_proposals_without_warnings(document, secretariat):
    _proposal(document, "entry", ENTRY)
    _proposal(document, "entry", ENTRY, position=1, warnings=["No period."])
    _proposal(document, "entry", {**ENTRY, "actor": ""}, position=2)  # refused on accept

    accepted, left = review.accept_clean(document, by=secretariat)

    assert (accepted, left) == (1, 2)
    assert document.proposals.filter(status="pending").count() == 2


def test_a_recommendation_joins_the_oldest_source_of_its_title(document, secretariat):
    oldest = Source.objects.create(title="Annual report 2009")
    Source.objects.create(title="Annual report 2009")  # recorded twice by hand
    proposal = _proposal(document, "recommendation", {"group": "Panel 1", "text": "Share data."})

    record = review.accept(proposal, by=secretariat)

    assert record.source == oldest
