import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from followup.program.models import Actor
from followup.reporting.models import ActorReport, Invitation, ReportingCycle
from followup.reporting.reminders import late_reports, reports_due_soon, send_reminders
from followup.reporting.tests.factories import (
    CycleFactory,
    EntryFactory,
    ReportFactory,
    focal_point_of,
)

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2031, 3, 31)


def day(offset: int) -> datetime.date:
    """The day `offset` days after the deadline (negative: before it)."""
    return DEADLINE + datetime.timedelta(days=offset)


@pytest.fixture
def cycle():
    return CycleFactory(
        label="2030–2031",
        slug="2030-2031",
        opens_on=datetime.date(2030, 9, 1),
        deadline=DEADLINE,
        status=ReportingCycle.Status.OPEN,
    )


def report_of(cycle, slug, *, status=ActorReport.Status.DRAFT, required=True):
    actor = Actor.objects.get(slug=slug)
    Invitation.objects.create(cycle=cycle, actor=actor, required=required)
    return ReportFactory(cycle=cycle, actor=actor, status=status)


@pytest.fixture
def iin_report(cycle):
    return report_of(cycle, "iin")


@pytest.fixture
def iin_focal_point():
    user = focal_point_of("iin")
    user.first_name, user.last_name = "Ana", "Pérez"
    user.save()
    return user


def test_late_reports_lists_unsubmitted_reports_with_required_ones_first(cycle):
    mexico = report_of(cycle, "mex", required=False)
    iin = report_of(cycle, "iin")
    cim = report_of(cycle, "cim", status=ActorReport.Status.RETURNED)
    report_of(cycle, "paho", status=ActorReport.Status.SUBMITTED)
    report_of(cycle, "iachr", status=ActorReport.Status.PUBLISHED)

    assert late_reports(cycle, day(1)) == [iin, cim, mexico]


@pytest.mark.parametrize("offset", [-30, -1, 0])
def test_late_reports_is_empty_until_the_deadline_has_passed(cycle, iin_report, offset):
    assert late_reports(cycle, day(offset)) == []


def test_late_reports_is_empty_for_a_closed_cycle(cycle, iin_report):
    ReportingCycle.objects.filter(pk=cycle.pk).update(status=ReportingCycle.Status.CLOSED)
    cycle.refresh_from_db()

    assert late_reports(cycle, day(10)) == []


@pytest.mark.parametrize(("offset", "expected"), [(-15, False), (-14, True), (0, True), (1, False)])
def test_reports_due_soon_looks_14_days_ahead(cycle, iin_report, offset, expected):
    assert reports_due_soon(cycle, day(offset)) == ([iin_report] if expected else [])


def test_reports_due_soon_takes_another_horizon(cycle, iin_report):
    assert reports_due_soon(cycle, day(-30), days=30) == [iin_report]
    assert reports_due_soon(cycle, day(-30), days=29) == []


def test_send_reminders_14_days_before_the_deadline(iin_report, iin_focal_point, mailoutbox):
    summary = send_reminders(day(-14))

    (message,) = mailoutbox
    assert message.to == [iin_focal_point.email]
    # English first, then Spanish (whose fixed text comes from the catalog).
    english_subject, spanish_subject = message.subject.split(" / ")
    assert english_subject == (
        "Follow-up: the 2030–2031 report of Inter-American Children's Institute is due on "
        "March 31, 2031"
    )
    assert "Instituto Interamericano del Niño, la Niña y Adolescentes" in spanish_subject
    assert spanish_subject.endswith(" 31 de marzo de 2031")
    assert message.body.startswith(
        "Dear Ana Pérez,\n\nThe report of Inter-American Children's Institute for the "
        "2030–2031\nreporting cycle of the Inter-American Program for the Promotion and\n"
        "Protection of the Human Rights of Migrants is due on March 31, 2031, 14 days\n"
        "from today."
    )
    english, spanish = message.body.split("\n" + "-" * 72 + "\n")
    assert "March 31, 2031" in english
    assert "Instituto Interamericano del Niño, la Niña y Adolescentes" in " ".join(spanish.split())
    assert "31 de marzo de 2031" in " ".join(spanish.split())
    assert (summary.sent, len(summary.reminders), summary.report_count) == (True, 1, 1)


def test_send_reminders_3_days_before_the_deadline(iin_report, iin_focal_point, mailoutbox):
    send_reminders(day(-3))

    (message,) = mailoutbox
    assert "is due on March 31, 2031, 3 days from today." in " ".join(message.body.split())


@pytest.mark.parametrize("offset", [-15, -13, -4, -2, -1, 0, 1, 6, 8, 13, 15])
def test_send_reminders_stays_quiet_on_other_days(iin_report, iin_focal_point, mailoutbox, offset):
    summary = send_reminders(day(offset))

    assert mailoutbox == []
    assert summary.reminders == []


@pytest.mark.parametrize("offset", [7, 14, 21, 70])
def test_send_reminders_weekly_after_the_deadline(iin_report, iin_focal_point, mailoutbox, offset):
    send_reminders(day(offset))

    (message,) = mailoutbox
    assert message.subject.startswith(
        "Follow-up: the 2030–2031 report of Inter-American Children's Institute was due on "
        "March 31, 2031 / "
    )
    assert "was due on March 31, 2031, and it has not been submitted yet." in " ".join(
        message.body.split()
    )


def test_send_reminders_once_per_daily_run_over_a_whole_cycle(
    iin_report, iin_focal_point, mailoutbox
):
    for offset in range(-60, 30):
        send_reminders(day(offset))

    assert len(mailoutbox) == 2 + 4  # 14 and 3 days before; 7, 14, 21 and 28 days after


def test_send_reminders_tells_a_returned_report_to_address_the_comments(
    cycle, iin_focal_point, mailoutbox
):
    report = report_of(cycle, "iin", status=ActorReport.Status.RETURNED)
    EntryFactory.create_batch(2, report=report)

    send_reminders(day(-3))

    (message,) = mailoutbox
    body = " ".join(message.body.split())
    assert "It was returned to you with comments from the review" in body
    assert "Entries written so far: 2." in body


@pytest.mark.parametrize(
    "status",
    [ActorReport.Status.SUBMITTED, ActorReport.Status.ACCEPTED, ActorReport.Status.PUBLISHED],
)
def test_send_reminders_leaves_submitted_reports_alone(cycle, iin_focal_point, mailoutbox, status):
    report_of(cycle, "iin", status=status)

    summary = send_reminders(day(-14))

    assert mailoutbox == []
    assert summary.reminders == []


def test_send_reminders_leaves_deleted_reports_alone(iin_report, iin_focal_point, mailoutbox):
    ActorReport.objects.filter(pk=iin_report.pk).update(
        deleted_at=datetime.datetime.now(datetime.UTC)
    )

    send_reminders(day(-14))

    assert mailoutbox == []


@pytest.mark.parametrize("status", [ReportingCycle.Status.CLOSED, ReportingCycle.Status.PLANNED])
def test_send_reminders_only_for_open_cycles(
    cycle, iin_report, iin_focal_point, mailoutbox, status
):
    ReportingCycle.objects.filter(pk=cycle.pk).update(status=status)

    send_reminders(day(-14))
    send_reminders(day(7))

    assert mailoutbox == []


def test_send_reminders_writes_to_each_focal_point_of_the_actor_only(
    cycle, iin_report, iin_focal_point, mailoutbox
):
    colleague = focal_point_of("iin")
    focal_point_of("cim")  # another actor's focal point, whose report is not due

    send_reminders(day(-14))

    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [iin_focal_point.email, colleague.email]
    )


def test_send_reminders_skips_focal_points_without_an_address_or_inactive(
    iin_report, iin_focal_point, mailoutbox
):
    no_address = focal_point_of("iin")
    no_address.email = ""
    no_address.save()
    gone = focal_point_of("iin")
    gone.is_active = False
    gone.save()

    summary = send_reminders(day(-14))

    assert [message.to for message in mailoutbox] == [[iin_focal_point.email]]
    assert summary.without_email == [no_address]
    assert summary.unreachable == []


def test_send_reminders_lists_reports_nobody_can_be_reminded_of(iin_report, mailoutbox):
    summary = send_reminders(day(-14))

    assert mailoutbox == []
    assert summary.unreachable == [iin_report]


def test_send_reminders_dry_run_sends_nothing(iin_report, iin_focal_point, mailoutbox):
    summary = send_reminders(day(-14), dry_run=True)

    assert mailoutbox == []
    assert summary.sent is False
    assert [reminder.recipient for reminder in summary.reminders] == [iin_focal_point]


def test_send_reminders_runs_a_fixed_number_of_queries(
    cycle, iin_focal_point, mailoutbox, django_assert_num_queries
):
    report_of(cycle, "iin")
    with django_assert_num_queries(3):
        send_reminders(day(-14))

    for slug in ("cim", "paho"):
        report_of(cycle, slug)
        focal_point_of(slug)
    mailoutbox.clear()
    with django_assert_num_queries(3):
        send_reminders(day(-14))
    assert len(mailoutbox) == 3


def test_send_reminders_command_prints_the_summary(iin_report, iin_focal_point, mailoutbox):
    out = StringIO()

    call_command("send_reminders", "--today", day(-14).isoformat(), stdout=out)

    assert out.getvalue() == (
        "Reminders for 2031-03-17: 1 e-mail(s) sent about 1 report(s).\n"
        f"  {iin_focal_point.email}: Inter-American Children's Institute (IIN) · 2030–2031\n"
    )
    assert len(mailoutbox) == 1


def test_send_reminders_command_dry_run(iin_report, iin_focal_point, mailoutbox):
    out = StringIO()

    call_command("send_reminders", "--today", "2031-04-07", "--dry-run", stdout=out)

    assert out.getvalue().startswith(
        "Reminders for 2031-04-07: 1 e-mail(s) to send (dry run, nothing sent) about 1 report(s)."
    )
    assert mailoutbox == []


@pytest.mark.parametrize("value", ["17/03/2031", "2031-3-17", "2031-02-30", "tomorrow"])
def test_send_reminders_command_refuses_a_bad_day(value):
    with pytest.raises(CommandError) as raised:
        call_command("send_reminders", "--today", value)

    assert str(raised.value) == (
        f"--today must be a date written YYYY-MM-DD, such as 2026-03-17; got “{value}”."
    )


def test_send_reminders_command_names_who_could_not_be_reminded(cycle, mailoutbox):
    report_of(cycle, "iin")
    report_of(cycle, "cim")
    no_address = focal_point_of("iin")
    no_address.email = ""
    no_address.save()
    out = StringIO()

    call_command("send_reminders", "--today", day(-3).isoformat(), stdout=out)

    assert out.getvalue() == (
        "Reminders for 2031-03-28: 0 e-mail(s) sent about 0 report(s).\n"
        "Focal points without an e-mail address (1):\n"
        f"  {no_address.username}\n"
        "Reports with no focal point to remind (2):\n"
        "  Inter-American Children's Institute (IIN) · 2030–2031\n"
        "  Inter-American Commission of Women (CIM) · 2030–2031\n"
    )
    assert mailoutbox == []
