"""Chasing reports: which are late or due soon, and the reminder e-mails to focal points.

`send_reminders` is meant to run once a day (`followup send-reminders` from cron). Whether a
report is reminded on a given day follows from the date alone, so no record of sent reminders
is kept and a daily run sends each reminder exactly once: 14 days before the deadline, 3 days
before it, and every 7 days after it while the report is still not submitted. A day the job
does not run is a reminder skipped, never a reminder sent twice.

The User model has no language preference, so every message carries English then Spanish.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.template.loader import render_to_string

from followup.accounts.models import Membership, User
from followup.reporting.models import WITH_ACTOR, ActorReport, Invitation, ReportingCycle

NOT_SUBMITTED = sorted(WITH_ACTOR)
DUE_SOON_DAYS = (14, 3)  # days before the deadline on which a reminder goes out
OVERDUE_EVERY_DAYS = 7


def _unsubmitted(cycle: ReportingCycle) -> QuerySet[ActorReport]:
    """The cycle's reports still with their focal points, those the Program requires first."""
    required = Invitation.objects.filter(
        cycle=OuterRef("cycle"), actor=OuterRef("actor"), required=True
    )
    return (
        ActorReport.objects.filter(cycle=cycle, status__in=NOT_SUBMITTED, deleted_at__isnull=True)
        .annotate(
            is_required=Exists(required),
            entry_count=Count("entries", filter=Q(entries__deleted_at__isnull=True)),
        )
        .select_related("cycle", "actor")
        .order_by("-is_required", "actor__name_en")
    )


def late_reports(cycle: ReportingCycle, today: date) -> list[ActorReport]:
    """Reports of an open cycle whose deadline has passed, still draft or returned."""
    if cycle.status != ReportingCycle.Status.OPEN or today <= cycle.deadline:
        return []
    return list(_unsubmitted(cycle))


def reports_due_soon(cycle: ReportingCycle, today: date, days: int = 14) -> list[ActorReport]:
    """Reports of an open cycle not submitted yet, whose deadline falls within `days` days."""
    if cycle.status != ReportingCycle.Status.OPEN:
        return []
    if not today <= cycle.deadline <= today + timedelta(days=days):
        return []
    return list(_unsubmitted(cycle))


def reminder_due(deadline: date, today: date) -> bool:
    """Whether `today` is a reminder day for this deadline."""
    days_left = (deadline - today).days
    if days_left in DUE_SOON_DAYS:
        return True
    return days_left < 0 and -days_left % OVERDUE_EVERY_DAYS == 0


@dataclass(frozen=True)
class Reminder:
    report: ActorReport
    recipient: User
    subject: str


@dataclass
class ReminderSummary:
    today: date
    sent: bool
    reminders: list[Reminder] = field(default_factory=list)
    # Focal points of reminded reports who have no e-mail address to write to.
    without_email: list[User] = field(default_factory=list)
    # Reminded reports whose actor has no active focal point with an address.
    unreachable: list[ActorReport] = field(default_factory=list)

    @property
    def report_count(self) -> int:
        return len({reminder.report.pk for reminder in self.reminders})

    def __str__(self) -> str:
        verb = "sent" if self.sent else "to send (dry run, nothing sent)"
        lines = [
            f"Reminders for {self.today.isoformat()}: {len(self.reminders)} e-mail(s) {verb} "
            f"about {self.report_count} report(s)."
        ]
        lines += [f"  {reminder.recipient.email}: {reminder.report}" for reminder in self.reminders]
        if self.without_email:
            lines.append(f"Focal points without an e-mail address ({len(self.without_email)}):")
            lines += [f"  {user.username}" for user in self.without_email]
        if self.unreachable:
            lines.append(f"Reports with no focal point to remind ({len(self.unreachable)}):")
            lines += [f"  {report}" for report in self.unreachable]
        return "\n".join(lines)


def _focal_points(report: ActorReport) -> list[User]:
    return [membership.user for membership in report.actor.members.all()]


def _message(report: ActorReport, recipient: User, today: date) -> tuple[str, str]:
    context = {
        "report": report,
        "recipient_name": recipient.get_full_name() or recipient.username,
        "overdue": today > report.cycle.deadline,
        "days_left": (report.cycle.deadline - today).days,
        "returned": report.status == ActorReport.Status.RETURNED,
        "entry_count": getattr(report, "entry_count", 0),
    }
    subject = " ".join(render_to_string("reporting/email/reminder_subject.txt", context).split())
    body = render_to_string("reporting/email/reminder.txt", context).strip() + "\n"
    return subject, body


def send_reminders(today: date, *, dry_run: bool = False) -> ReminderSummary:
    """E-mail the focal points of every unsubmitted report of every open cycle for which
    `today` is a reminder day; with `dry_run`, work out the same messages and send none."""
    summary = ReminderSummary(today=today, sent=not dry_run)
    messages: list[EmailMessage] = []
    members = Prefetch(
        "actor__members",
        queryset=Membership.objects.select_related("user")
        .filter(user__is_active=True)
        .order_by("user__username"),
    )
    cycles = ReportingCycle.objects.filter(status=ReportingCycle.Status.OPEN).order_by("deadline")
    for cycle in cycles:
        if not reminder_due(cycle.deadline, today):
            continue
        for report in _unsubmitted(cycle).prefetch_related(members):
            reachable = False
            for user in _focal_points(report):
                if not user.email:
                    if user not in summary.without_email:
                        summary.without_email.append(user)
                    continue
                subject, body = _message(report, user, today)
                summary.reminders.append(Reminder(report, user, subject))
                messages.append(
                    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
                )
                reachable = True
            if not reachable:
                summary.unreachable.append(report)
    if messages and not dry_run:
        get_connection().send_messages(messages)
    return summary
