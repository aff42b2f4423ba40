"""Reads of the secretariat's dashboard: each invited actor's report in a cycle and who is
late, and which Program activities the reports covered, cycle by cycle.

The caller has checked `permissions.is_secretariat`, who may see every report, so these reads
do not go through `permissions`. Each runs in a fixed number of queries, whatever the number
of actors or entries.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from followup.i18n import collation_key
from followup.program.models import Actor, PopulationGroup, ProgramActivity, Theme
from followup.reporting.models import WITH_ACTOR, ActorReport, Entry, Invitation, ReportingCycle


def all_cycles() -> QuerySet[ReportingCycle]:
    return ReportingCycle.objects.select_related("version").order_by("-opens_on")


def default_cycle(cycles: Sequence[ReportingCycle]) -> ReportingCycle | None:
    """Of `cycles` (newest first, as `all_cycles` gives them): the open one, the newest if
    several are open, otherwise the newest cycle."""
    for cycle in cycles:
        if cycle.status == ReportingCycle.Status.OPEN:
            return cycle
    return cycles[0] if cycles else None


@dataclass(frozen=True)
class InvitationStatus:
    """One invited actor's report in a cycle; `report` is None when none was created yet
    (a planned cycle, or an actor invited after the cycle opened)."""

    invitation: Invitation
    report: ActorReport | None
    days_late: int

    @property
    def is_late(self) -> bool:
        return self.days_late > 0


# "Not started" for an invitation without a report, counted beside the report statuses.
NO_REPORT = "none"


@dataclass(frozen=True)
class CycleProgress:
    cycle: ReportingCycle
    rows: list[InvitationStatus]
    counts: dict[str, int]

    @property
    def status_counts(self) -> list[tuple[str, str, int]]:
        """(status, label, number of reports) in the order of the workflow."""
        labels = {**dict(ActorReport.Status.choices), NO_REPORT: _("Not started")}
        return [(status, str(labels[status]), count) for status, count in self.counts.items()]

    @property
    def late(self) -> list[InvitationStatus]:
        """Late reports, required ones first, then the longest overdue."""
        late = [row for row in self.rows if row.is_late]
        return sorted(late, key=lambda row: (not row.invitation.required, -row.days_late))


def days_late(cycle: ReportingCycle, report: ActorReport | None, today: date) -> int:
    """Days past the deadline of a report still with its actor (draft, returned or not yet
    created); 0 when it is not late. A planned cycle asks nothing yet, so nothing is late."""
    if cycle.status == ReportingCycle.Status.PLANNED or today <= cycle.deadline:
        return 0
    if report is not None and report.status not in WITH_ACTOR:
        return 0
    return (today - cycle.deadline).days


def cycle_progress(cycle: ReportingCycle, today: date) -> CycleProgress:
    """Each invited actor's report status in `cycle`, with lateness as of `today`, and the
    number of reports in each status (NO_REPORT for invitations without one)."""
    invitations = list(cycle.invitations.select_related("actor"))
    reports = {report.actor_id: report for report in cycle.reports.alive()}
    rows = [
        InvitationStatus(
            invitation,
            reports.get(invitation.actor_id),
            days_late(cycle, reports.get(invitation.actor_id), today),
        )
        for invitation in invitations
    ]
    rows.sort(key=lambda row: collation_key(row.invitation.actor.name))
    counts = {status: 0 for status in [*ActorReport.Status.values, NO_REPORT]}
    for row in rows:
        counts[row.report.status if row.report else NO_REPORT] += 1
    return CycleProgress(cycle, rows, counts)


# Reports whose entries count as reported action in the coverage matrix: every report that
# reached the secretariat. A draft is unfinished work the secretariat has not received; a
# returned report was submitted and is being corrected, and dropping it would make its cells
# flicker during review.
COVERAGE_STATUSES = [
    ActorReport.Status.SUBMITTED,
    ActorReport.Status.RETURNED,
    ActorReport.Status.ACCEPTED,
    ActorReport.Status.PUBLISHED,
]

# An activity is flagged when its most recent cycles show no reported action this many times
# in a row.
GAP_THRESHOLD = 2


@dataclass(frozen=True)
class CoverageFilters:
    theme: Theme | None = None
    population_group: PopulationGroup | None = None
    country: str = ""


@dataclass(frozen=True)
class CoverageRow:
    """One activity across the columns, oldest cycle first: whether action was reported, and
    whether reports were due yet (a cycle still open before its deadline is not)."""

    activity: ProgramActivity
    reported: list[bool]
    due: list[bool]

    @property
    def cells(self) -> list[tuple[bool, bool]]:
        return list(zip(self.reported, self.due, strict=True))

    @property
    def cycles_without_action(self) -> int:
        """How many of the most recent due cycles in a row show no reported action; a cycle
        not due yet neither counts nor breaks the run."""
        count = 0
        for reported, due in reversed(self.cells):
            if reported:
                break
            if due:
                count += 1
        return count

    @property
    def is_gap(self) -> bool:
        return self.cycles_without_action >= GAP_THRESHOLD


@dataclass(frozen=True)
class CoverageGroup:
    actor: Actor
    rows: list[CoverageRow]


@dataclass(frozen=True)
class Coverage:
    cycles: list[ReportingCycle]
    groups: list[CoverageGroup]

    @property
    def gaps(self) -> list[CoverageRow]:
        return [row for group in self.groups for row in group.rows if row.is_gap]


def coverage(cycle: ReportingCycle, filters: CoverageFilters, today: date) -> Coverage:
    """Which Program activities assigned to one actor (not the category-wide lines) its
    reports covered, cycle by cycle, for the cycles using `cycle`'s Program version that have
    opened (a planned cycle has no reports to count). Reports of a cycle are due once it is
    closed or its deadline has passed by `today`.

    A cell is True when the actor's report of that cycle, in a status of COVERAGE_STATUSES,
    has an alive entry linked to the activity and matching the filters. Three queries in all:
    the cycles, the activities and the covered (activity, cycle) pairs."""
    cycles = list(
        ReportingCycle.objects.filter(version_id=cycle.version_id)
        .exclude(status=ReportingCycle.Status.PLANNED)
        .order_by("opens_on")
    )
    activities = list(
        ProgramActivity.objects.filter(version_id=cycle.version_id, actor__isnull=False)
        .select_related("actor")
        .order_by("order", "pk")
    )
    links = Entry.activities.through.objects.filter(
        entry__deleted_at__isnull=True,
        entry__report__deleted_at__isnull=True,
        entry__report__status__in=COVERAGE_STATUSES,
        entry__report__cycle__in=[c.pk for c in cycles],
        programactivity__version_id=cycle.version_id,
        entry__report__actor_id=F("programactivity__actor_id"),
    )
    if filters.theme is not None:
        links = links.filter(entry__themes=filters.theme)
    if filters.population_group is not None:
        links = links.filter(entry__population_groups=filters.population_group)
    if filters.country:
        links = links.filter(entry__countries__code=filters.country)
    covered = set(links.values_list("programactivity_id", "entry__report__cycle_id").distinct())
    due = [c.status == ReportingCycle.Status.CLOSED or c.deadline < today for c in cycles]
    by_actor: dict[int, list[CoverageRow]] = defaultdict(list)
    actors: dict[int, Actor] = {}
    for activity in activities:
        assert activity.actor is not None
        actors[activity.actor.pk] = activity.actor
        by_actor[activity.actor.pk].append(
            CoverageRow(activity, [(activity.pk, c.pk) in covered for c in cycles], due)
        )
    return Coverage(cycles, [CoverageGroup(actors[pk], rows) for pk, rows in by_actor.items()])
