import datetime
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from followup.accounts.models import User
from followup.accounts.roles import FOCAL_POINT, REVIEWER
from followup.reporting.demo import load_reporting_demo
from followup.reporting.models import (
    ActorReport,
    Entry,
    Figure,
    PlannedFollowUp,
    ReportingCycle,
)
from followup.reporting.tests.factories import secretariat_user

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 1, 10)


@pytest.fixture
def secretariat():
    return secretariat_user()


@pytest.fixture
def loaded(secretariat):
    return load_reporting_demo(by_secretariat=secretariat, today=TODAY)


def test_demo_publishes_the_four_reports_of_the_closed_2019_2020_cycle(loaded):
    cycle = ReportingCycle.objects.get(label="2019–2020")
    reports = {report.actor.slug: report for report in cycle.reports.select_related("actor")}

    assert cycle.status == ReportingCycle.Status.CLOSED
    assert cycle.version.slug == "2016"
    assert sorted(reports) == ["cim", "dps", "iachr", "iin"]
    assert {report.status for report in reports.values()} == {ActorReport.Status.PUBLISHED}
    assert all(report.entries.count() >= 5 for report in reports.values())
    assert all(report.published_at for report in reports.values())


def test_demo_history_records_the_secretariat_walking_each_report_through_review(
    loaded, secretariat
):
    report = ActorReport.objects.get(cycle__label="2019–2020", actor__slug="iin")

    reasons = [row.history_change_reason for row in report.history.order_by("history_date")]
    assert reasons[-3:] == ["submitted", "accepted", "published"]
    changes = report.history.filter(history_type="~")
    assert {row.history_user for row in changes} == {secretariat}


def test_demo_dps_report_counts_the_70_professionals_trained_in_honduras(loaded):
    entry = Entry.objects.get(
        report__cycle__label="2019–2020",
        report__actor__slug="dps",
        figures__counts="professionals trained",
    )

    assert [str(figure) for figure in entry.figures.all()] == [
        "70 professionals trained",
        "4 municipalities",
    ]
    assert list(entry.countries.values_list("code", flat=True)) == ["HND"]
    assert entry.starts == "2017"


def test_demo_entries_carry_structure(loaded):
    entries = Entry.objects.filter(report__cycle__label="2019–2020")
    mesoamerica = entries.get(title__startswith="Program to Prevent Crimes")
    principles = entries.get(starts="2019-12-07")
    costa_rica = entries.get(title="Working visit to Costa Rica")
    liaisons = entries.get(title__startswith="Network of Technical Liaisons")

    assert sorted(mesoamerica.countries.values_list("code", flat=True)) == [
        "CRI",
        "DOM",
        "GTM",
        "HND",
        "MEX",
        "NIC",
        "PAN",
        "SLV",
    ]
    assert (mesoamerica.starts, mesoamerica.ends) == ("2014", "2018")
    assert principles.report.actor.slug == "iachr"
    assert (costa_rica.starts, costa_rica.ends) == ("2019-05-19", "2019-05-24")
    assert liaisons.starts == "2019-07"
    assert list(liaisons.activities.values_list("code", flat=True)) == ["2016-iin-a"]
    assert set(
        Entry.objects.filter(partners__slug="unhcr").values_list("report__actor__slug", flat=True)
    ) == {"iin"}
    assert set(entries.values_list("kind", flat=True)) == set(Entry.Kind.values)
    assert not entries.filter(themes__isnull=True).exists()
    assert Figure.objects.filter(entry__in=entries).count() >= 6


def test_demo_opens_the_2025_2026_cycle_with_the_iin_checklist(loaded):
    cycle = ReportingCycle.objects.get(label="2025–2026")
    iin = cycle.reports.get(actor__slug="iin")

    assert cycle.status == ReportingCycle.Status.OPEN
    assert cycle.opens_on == datetime.date(2025, 9, 1)
    assert cycle.deadline == datetime.date(2026, 3, 31)
    assert iin.status == ActorReport.Status.DRAFT
    followups = iin.followups.select_related("planned")
    assert {followup.outcome for followup in followups} == {PlannedFollowUp.Outcome.PENDING}
    assert sorted(followup.planned.title for followup in followups) == [
        "Good practices and recommendations of the Network of Technical Liaisons",
        "Second edition of the specialized online course on migrant children in the Americas",
        "The early childhood study's recommendations, adapted to the pandemic",
    ]
    assert cycle.reports.get(actor__slug="cim").followups.count() == 1


def test_demo_open_cycle_deadline_stays_60_days_ahead():
    today = datetime.date(2026, 11, 24)

    load_reporting_demo(by_secretariat=secretariat_user(), today=today)

    assert ReportingCycle.objects.get(label="2025–2026").deadline == datetime.date(2027, 1, 23)


def test_demo_creates_focal_points_and_a_reviewer_with_their_passwords(loaded):
    accounts = {account.username: (account, password) for account, password in loaded.accounts}

    assert sorted(accounts) == ["cim-focal", "cri-focal", "iin-focal", "reviewer"]
    iin_focal = User.objects.get(username="iin-focal")
    assert iin_focal.check_password(accounts["iin-focal"][1])
    assert list(iin_focal.groups.values_list("name", flat=True)) == [FOCAL_POINT]
    assert list(iin_focal.memberships.values_list("actor__slug", flat=True)) == ["iin"]
    reviewer = User.objects.get(username="reviewer")
    assert list(reviewer.groups.values_list("name", flat=True)) == [REVIEWER]
    assert not reviewer.memberships.exists()


def test_demo_a_second_run_creates_nothing(loaded, secretariat):
    counts = (
        ReportingCycle.objects.count(),
        ActorReport.objects.count(),
        Entry.objects.count(),
        User.objects.count(),
    )

    again = load_reporting_demo(by_secretariat=secretariat, today=TODAY)

    assert again.accounts == []
    assert again.cycles_created == []
    assert again.summary() == "Demo reporting cycles already loaded."
    assert counts == (
        ReportingCycle.objects.count(),
        ActorReport.objects.count(),
        Entry.objects.count(),
        User.objects.count(),
    )


def test_load_demo_command_prints_each_demo_password_once(settings):
    settings.DEMO = True
    first, second = StringIO(), StringIO()

    call_command("load_demo", stdout=first)
    call_command("load_demo", stdout=second)

    printed = dict(re.findall(r"user: (\S+)\s+password: (\S+)", first.getvalue()))
    assert sorted(printed) == ["cim-focal", "cri-focal", "iin-focal", "reviewer"]
    assert User.objects.get(username="cim-focal").check_password(printed["cim-focal"])
    assert "(focal point of CIM)" in first.getvalue()
    assert "Demo reporting cycles created: 2019–2020, 2025–2026" in first.getvalue()
    assert "password" not in second.getvalue()
    assert "Demo reporting cycles already loaded." in second.getvalue()


def test_load_demo_refuses_outside_demo_mode_and_loads_no_reporting_data(settings):
    settings.DEMO = False

    with pytest.raises(CommandError, match="only loaded in demo mode"):
        call_command("load_demo")

    assert not ReportingCycle.objects.filter(label__in=["2019–2020", "2025–2026"]).exists()
    assert not User.objects.filter(
        username__in=["iin-focal", "cim-focal", "cri-focal", "reviewer"]
    ).exists()
