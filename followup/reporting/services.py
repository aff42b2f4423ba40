"""Every write on reporting: one function per use case, called by pages, the API and commands.

Each function checks the rule it enforces (state and permission), saves with history
attributed to `by`, and returns what it changed. Callers never flip a status with `.save()`.
"""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from followup.accounts.models import User
from followup.countries import normalize_code
from followup.program.models import Actor, ProgramVersion
from followup.reporting import permissions
from followup.reporting.models import (
    ActorReport,
    Attachment,
    Entry,
    EntryCountry,
    Figure,
    Invitation,
    Link,
    PlannedFollowUp,
    ReportingCycle,
    ReviewComment,
)
from followup.uploads import store_checked_upload, validate_upload

# Categories whose reports the Program expects (they cover it in their annual reports to the
# General Assembly); member states and other actors are invited to report.
REQUIRED_CATEGORIES = {Actor.Category.OAS_ORGAN, Actor.Category.SPECIALIZED_ORGANIZATION}


class ReportingError(Exception):
    """A rule of the reporting cycle refused the action; the message is for the user."""


class StaleRevision(ReportingError):
    """The report changed since the user loaded it; `current` is the revision now saved."""

    def __init__(self, current: int) -> None:
        super().__init__(
            _(
                "Someone else saved this report while you were editing it. Your text is kept "
                "below; compare it with the saved version and save again."
            )
        )
        self.current = current


def _save(obj: models.Model, by: User | None, reason: str = "") -> None:
    obj._history_user = by  # type: ignore[attr-defined]  # read by simple-history
    obj._change_reason = reason  # type: ignore[attr-defined]
    obj.save()


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _check_revision(report: ActorReport, expected_revision: int | None) -> None:
    if expected_revision is not None and expected_revision != report.revision:
        raise StaleRevision(report.revision)


def _bump(report: ActorReport, by: User | None, reason: str) -> None:
    report.revision += 1
    _save(report, by, reason)


@transaction.atomic
def create_cycle(
    *,
    label: str,
    version: ProgramVersion,
    opens_on: date,
    deadline: date,
    by: User,
    actors: Iterable[Actor] | None = None,
) -> ReportingCycle:
    """A planned cycle with its invitations: by default every OAS organ and specialized
    organization the version names is expected to report, every member state, multilateral
    organization and other actor is invited to."""
    _require(permissions.can_manage_cycles(by))
    if deadline < opens_on:
        raise ReportingError(_("The deadline cannot come before the opening date."))
    slug = slugify(label.replace("–", "-"))
    if ReportingCycle.objects.filter(models.Q(label=label) | models.Q(slug=slug)).exists():
        raise ReportingError(
            _("A cycle for the period %(label)s already exists.") % {"label": label}
        )
    cycle = ReportingCycle(
        label=label, slug=slug, version=version, opens_on=opens_on, deadline=deadline
    )
    _save(cycle, by, "created")
    if actors is None:
        named = set(version.actors.filter(category__in=REQUIRED_CATEGORIES))
        invited = Actor.objects.exclude(category__in=REQUIRED_CATEGORIES)
        actors = [*named, *invited]
    Invitation.objects.bulk_create(
        Invitation(cycle=cycle, actor=actor, required=actor.category in REQUIRED_CATEGORIES)
        for actor in actors
    )
    return cycle


@transaction.atomic
def open_cycle(cycle: ReportingCycle, *, by: User) -> list[ActorReport]:
    """Open a planned cycle: each actor asked gets a draft report, with the entries it had
    planned last cycle waiting to be answered."""
    _require(permissions.can_manage_cycles(by))
    if cycle.status != ReportingCycle.Status.PLANNED:
        raise ReportingError(_("Only a planned cycle can be opened."))
    cycle.status = ReportingCycle.Status.OPEN
    _save(cycle, by, "opened")
    reports = []
    for invitation in cycle.invitations.select_related("actor"):
        report = ActorReport.objects.filter(cycle=cycle, actor=invitation.actor).first()
        if report is None:
            # Made here rather than with get_or_create, so the history says who opened it.
            report = ActorReport(cycle=cycle, actor=invitation.actor)
            _save(report, by, "cycle opened")
            carry_over_planned(report)
        reports.append(report)
    return reports


@transaction.atomic
def close_cycle(cycle: ReportingCycle, *, by: User) -> None:
    """Close an open cycle: its reports are locked until the secretariat reopens one."""
    _require(permissions.can_manage_cycles(by))
    if cycle.status != ReportingCycle.Status.OPEN:
        raise ReportingError(_("Only an open cycle can be closed."))
    cycle.status = ReportingCycle.Status.CLOSED
    _save(cycle, by, "closed")
    cycle.reports.filter(reopened=True).update(reopened=False)


def previous_report(report: ActorReport) -> ActorReport | None:
    """The same actor's report in the cycle before this one, if it was accepted or published."""
    return (
        ActorReport.objects.filter(
            actor=report.actor,
            cycle__opens_on__lt=report.cycle.opens_on,
            status__in=[ActorReport.Status.ACCEPTED, ActorReport.Status.PUBLISHED],
            deleted_at__isnull=True,
        )
        .order_by("-cycle__opens_on")
        .first()
    )


def carry_over_planned(report: ActorReport) -> int:
    """Bring the planned entries of the actor's previous report into this one as a checklist;
    returns how many were added (none twice)."""
    previous = previous_report(report)
    if previous is None:
        return 0
    planned = previous.entries.filter(kind=Entry.Kind.PLANNED, deleted_at__isnull=True)
    already = set(report.followups.values_list("planned_id", flat=True))
    created = PlannedFollowUp.objects.bulk_create(
        PlannedFollowUp(report=report, planned=entry)
        for entry in planned
        if entry.pk not in already
    )
    return len(created)


@transaction.atomic
def record_followup(
    followup: PlannedFollowUp,
    *,
    outcome: str,
    reason: str,
    by: User,
    expected_revision: int | None = None,
) -> PlannedFollowUp:
    report = followup.report
    _require(permissions.can_edit_report(by, report))
    _check_revision(report, expected_revision)
    if outcome not in PlannedFollowUp.Outcome.values or outcome == PlannedFollowUp.Outcome.PENDING:
        raise ReportingError(_("Say whether it was done, partly done, not done or dropped."))
    if outcome != PlannedFollowUp.Outcome.DONE and not reason.strip():
        raise ReportingError(_("Give the reason when a planned activity was not fully done."))
    followup.outcome, followup.reason = outcome, reason.strip()
    _save(followup, by, "follow-up recorded")
    _bump(report, by, "follow-up recorded")
    return followup


@transaction.atomic
def submit_report(report: ActorReport, *, by: User, expected_revision: int | None = None) -> None:
    _require(permissions.can_submit_report(by, report))
    _check_revision(report, expected_revision)
    if not report.entries.filter(deleted_at__isnull=True).exists():
        raise ReportingError(_("Add at least one entry before submitting the report."))
    if report.followups.filter(outcome=PlannedFollowUp.Outcome.PENDING).exists():
        raise ReportingError(
            _("Say what became of each activity planned last period before submitting.")
        )
    report.status = ActorReport.Status.SUBMITTED
    report.submitted_at = timezone.now()
    _bump(report, by, "submitted")


@transaction.atomic
def return_report(report: ActorReport, *, by: User, comment: str) -> ReviewComment:
    """Send a submitted report back to its focal points with what needs fixing."""
    _require(permissions.can_return_report(by, report))
    if not comment.strip():
        raise ReportingError(_("Say what needs to change when returning a report."))
    report.status = ActorReport.Status.RETURNED
    _bump(report, by, "returned")
    return ReviewComment.objects.create(report=report, author=by, text=comment.strip())


@transaction.atomic
def accept_report(report: ActorReport, *, by: User) -> None:
    _require(permissions.can_accept_report(by, report))
    report.status = ActorReport.Status.ACCEPTED
    _bump(report, by, "accepted")


@transaction.atomic
def publish_report(report: ActorReport, *, by: User) -> None:
    _require(permissions.can_publish_report(by, report))
    report.status = ActorReport.Status.PUBLISHED
    report.published_at = timezone.now()
    _bump(report, by, "published")


@transaction.atomic
def reopen_report(report: ActorReport, *, by: User) -> None:
    """Let one report of a closed cycle be edited again; one that had gone further than a draft
    goes back to its focal points as returned (and leaves the public pages until republished)."""
    _require(permissions.can_reopen_report(by, report))
    report.reopened = True
    if not report.is_editable_status:
        report.status = ActorReport.Status.RETURNED
    _bump(report, by, "reopened")


ENTRY_FIELDS = ("kind", "title", "narrative", "language", "starts", "ends", "order")


@transaction.atomic
def save_entry(
    report: ActorReport,
    values: dict[str, Any],
    *,
    by: User,
    entry: Entry | None = None,
    expected_revision: int | None = None,
) -> Entry:
    """Create or update one entry of an editable report. `values` is already validated (form
    or API schema): simple fields by name; `activities`, `themes`, `population_groups`,
    `partners` as lists of objects; `countries` as ISO alpha-3 codes; `figures` as
    (number, what it counts) pairs; `links` as (url, title) pairs. A key left out is left as
    it was; a list given replaces the previous one."""
    _require(permissions.can_edit_report(by, report))
    _check_revision(report, expected_revision)
    if entry is None:
        entry = Entry(report=report)
    elif entry.report_id != report.pk or entry.deleted_at:
        raise ReportingError(_("This entry is not part of the report."))
    for field in ENTRY_FIELDS:
        if field in values:
            setattr(entry, field, values[field])
    entry.full_clean(exclude=["report"])
    _save(entry, by)
    for relation in ("activities", "themes", "population_groups", "partners"):
        if relation in values:
            getattr(entry, relation).set(values[relation])
    if "countries" in values:
        entry.countries.all().delete()
        EntryCountry.objects.bulk_create(
            EntryCountry(entry=entry, code=normalize_code(code))
            for code in sorted(set(values["countries"]))
        )
    if "figures" in values:
        entry.figures.all().delete()
        for value, counts in values["figures"]:
            Figure(entry=entry, value=value, counts=counts).full_clean(exclude=["entry"])
        Figure.objects.bulk_create(
            Figure(entry=entry, value=value, counts=counts) for value, counts in values["figures"]
        )
    if "links" in values:
        entry.links.all().delete()
        for url, title in values["links"]:
            Link(entry=entry, url=url, title=title).full_clean(exclude=["entry"])
        Link.objects.bulk_create(
            Link(entry=entry, url=url, title=title) for url, title in values["links"]
        )
    _bump(report, by, "entry saved")
    return entry


@transaction.atomic
def delete_entry(entry: Entry, *, by: User, expected_revision: int | None = None) -> None:
    """Hide an entry; the secretariat can restore it, so nothing is lost."""
    _require(permissions.can_edit_report(by, entry.report))
    _check_revision(entry.report, expected_revision)
    entry.deleted_at = timezone.now()
    _save(entry, by, "deleted")
    _bump(entry.report, by, "entry deleted")


@transaction.atomic
def restore_entry(entry: Entry, *, by: User) -> None:
    _require(by.has_perm("reporting.restore_actorreport"))
    entry.deleted_at = None
    _save(entry, by, "restored")
    _bump(entry.report, by, "entry restored")


@transaction.atomic
def attach_original(
    report: ActorReport,
    upload: UploadedFile,
    *,
    language: str,
    by: User,
    expected_revision: int | None = None,
) -> None:
    """Keep the complete report as the actor wrote it (it goes in the annual report's annex).
    The file is checked by content and size before anything is stored."""
    _require(permissions.can_edit_report(by, report))
    _check_revision(report, expected_revision)
    info = validate_upload(upload)
    report.original_file.save(info.name, upload, save=False)
    report.original_language = language
    _bump(report, by, "original report attached")


@transaction.atomic
def attach_file(
    entry: Entry, upload: UploadedFile, *, by: User, expected_revision: int | None = None
) -> Attachment:
    report = entry.report
    _require(permissions.can_edit_report(by, report))
    _check_revision(report, expected_revision)
    attachment = Attachment(entry=entry)
    store_checked_upload(attachment, upload, by=by)
    _bump(report, by, "file attached")
    return attachment
