"""Who may see and do what with reports. Pages, the API and exports all ask here.

Reads go through `reports_visible_to`, so a focal point never learns that another actor's draft
exists: it is simply not in their queryset, and fetching it answers 404 like a missing one.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from followup.accounts.models import User
from followup.reporting.models import WITH_ACTOR, ActorReport, Entry, ReportingCycle

AnyUser = User | AnonymousUser

_UNDER_REVIEW = [
    ActorReport.Status.SUBMITTED,
    ActorReport.Status.RETURNED,
    ActorReport.Status.ACCEPTED,
    ActorReport.Status.PUBLISHED,
]


def is_secretariat(user: AnyUser) -> bool:
    return bool(user.is_active and user.has_perm("reporting.publish_actorreport"))


def is_reviewer(user: AnyUser) -> bool:
    return bool(user.is_active and user.has_perm("reporting.view_actorreport"))


def actor_ids_of(user: AnyUser) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(user.memberships.values_list("actor_id", flat=True))


def reports_visible_to(user: AnyUser) -> QuerySet[ActorReport]:
    reports = ActorReport.objects.filter(deleted_at__isnull=True)
    if is_secretariat(user):
        return reports
    visible = Q(status=ActorReport.Status.PUBLISHED)
    if is_reviewer(user):
        visible |= Q(status__in=_UNDER_REVIEW)
    actors = actor_ids_of(user)
    if actors:
        visible |= Q(actor_id__in=actors)
    return reports.filter(visible)


def entries_visible_to(user: AnyUser) -> QuerySet[Entry]:
    return Entry.objects.filter(deleted_at__isnull=True, report__in=reports_visible_to(user))


def get_report_for(user: AnyUser, pk: int) -> ActorReport:
    """The report if `user` may see it; Http404 whether it is missing or hidden."""
    report = reports_visible_to(user).select_related("cycle", "actor").filter(pk=pk).first()
    if report is None:
        raise Http404
    return report


def can_read_review(user: AnyUser, report: ActorReport) -> bool:
    """Review comments are for the report's focal points, reviewers and the secretariat, never
    for the public, even once the report is published."""
    return is_secretariat(user) or is_reviewer(user) or report.actor_id in actor_ids_of(user)


def cycle_accepts_edits(report: ActorReport) -> bool:
    return report.cycle.status == ReportingCycle.Status.OPEN or report.reopened


def can_edit_report(user: AnyUser, report: ActorReport) -> bool:
    if report.deleted_at or report.status not in WITH_ACTOR or not cycle_accepts_edits(report):
        return False
    return is_secretariat(user) or report.actor_id in actor_ids_of(user)


def can_submit_report(user: AnyUser, report: ActorReport) -> bool:
    return can_edit_report(user, report) and user.has_perm("reporting.submit_actorreport")


def can_return_report(user: AnyUser, report: ActorReport) -> bool:
    return (
        report.status == ActorReport.Status.SUBMITTED
        and user.has_perm("reporting.return_actorreport")
        and not report.deleted_at
    )


def can_accept_report(user: AnyUser, report: ActorReport) -> bool:
    return (
        report.status == ActorReport.Status.SUBMITTED
        and user.has_perm("reporting.accept_actorreport")
        and not report.deleted_at
    )


def can_publish_report(user: AnyUser, report: ActorReport) -> bool:
    return (
        report.status == ActorReport.Status.ACCEPTED
        and user.has_perm("reporting.publish_actorreport")
        and not report.deleted_at
    )


def can_reopen_report(user: AnyUser, report: ActorReport) -> bool:
    return (
        report.cycle.status == ReportingCycle.Status.CLOSED
        and not report.reopened
        and user.has_perm("reporting.reopen_actorreport")
    )


def can_manage_cycles(user: AnyUser) -> bool:
    return bool(user.is_active and user.has_perm("reporting.change_reportingcycle"))
