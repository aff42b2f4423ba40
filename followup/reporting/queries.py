"""Reads of reporting shared by the public pages and the secretariat's dashboard.

Public reads go through `permissions.reports_visible_to(AnonymousUser())` whoever is signed in:
the public pages are the public view, identical for a visitor, a focal point and the
secretariat, so a page never shows a draft because of who happens to look at it.

Each function fetches what its page shows in a fixed number of queries, whatever the number
of cycles, actors or entries: relations are joined or prefetched here, never followed lazily
in templates.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from followup.i18n import collation_key, current_content_language
from followup.program.models import Actor, PopulationGroup, ProgramActivity, Theme
from followup.reporting.models import (
    ActorReport,
    Entry,
    Invitation,
    PlannedFollowUp,
    ReportingCycle,
)
from followup.reporting.permissions import entries_visible_to, reports_visible_to

# ---------------------------------------------------------------------------------------------
# Public side


def public_reports() -> QuerySet[ActorReport]:
    """Published reports, as an anonymous visitor sees them."""
    return reports_visible_to(AnonymousUser())


def public_entries() -> QuerySet[Entry]:
    """Alive entries of published reports, as an anonymous visitor sees them."""
    return entries_visible_to(AnonymousUser())


def public_cycles() -> QuerySet[ReportingCycle]:
    """Cycles with at least one published report, newest first."""
    return (
        ReportingCycle.objects.filter(reports__in=public_reports()).distinct().order_by("-opens_on")
    )


def public_actors() -> QuerySet[Actor]:
    """Actors with at least one published report, in the visitor's language order."""
    return (
        Actor.objects.filter(reports__in=public_reports())
        .distinct()
        .order_by(f"name_{current_content_language()}")
    )


def cycles_with_counts() -> QuerySet[ReportingCycle]:
    """Cycles with published reports, newest first, each with `report_count` and
    `entry_count` (published reports and their alive entries), in one query."""
    published = Q(reports__in=public_reports())
    return (
        ReportingCycle.objects.select_related("version")
        .annotate(
            report_count=Count("reports", filter=published, distinct=True),
            entry_count=Count(
                "reports__entries",
                filter=published & Q(reports__entries__in=public_entries()),
                distinct=True,
            ),
        )
        .filter(report_count__gt=0)
        .order_by("-opens_on")
    )


@dataclass(frozen=True)
class ReportsOfCategory:
    category: Actor.Category
    reports: list[ActorReport]


def cycle_detail(slug: str) -> tuple[ReportingCycle, list[ReportsOfCategory]]:
    """A cycle's published reports under their actors' categories, in the Program's order of
    categories and the visitor's alphabetical order of actors; 404 when it has none, like a
    cycle that does not exist. Each report carries `entry_count`."""
    cycle = get_object_or_404(ReportingCycle.objects.select_related("version"), slug=slug)
    reports = (
        public_reports()
        .filter(cycle=cycle)
        .select_related("actor")
        .annotate(entry_count=Count("entries", filter=Q(entries__deleted_at__isnull=True)))
    )
    by_category: dict[str, list[ActorReport]] = {value: [] for value in Actor.Category.values}
    for report in reports:
        by_category[report.actor.category].append(report)
    groups = [
        ReportsOfCategory(
            Actor.Category(category),
            sorted(in_category, key=lambda report: collation_key(report.actor.name)),
        )
        for category, in_category in by_category.items()
        if in_category
    ]
    if not groups:
        raise Http404
    return cycle, groups


def _entries_with_details(entries: QuerySet[Entry]) -> QuerySet[Entry]:
    return entries.prefetch_related(
        "countries",
        "figures",
        "links",
        "attachments",
        "themes",
        "population_groups",
        Prefetch(
            "activities",
            queryset=ProgramActivity.objects.select_related("version", "actor").order_by(
                "version__adopted_on", "order"
            ),
        ),
        Prefetch("partners", queryset=Actor.objects.order_by("name_en")),
    )


@dataclass(frozen=True)
class EntriesOfKind:
    kind: Entry.Kind
    entries: list[Entry]


@dataclass(frozen=True)
class PublicReport:
    report: ActorReport
    by_kind: list[EntriesOfKind]
    followups: list[PlannedFollowUp]


def published_report(cycle_slug: str, actor_slug: str) -> PublicReport:
    """One published report with its entries by kind (in the order of `Entry.Kind`) and what
    became of the entries its actor had planned last period; 404 when it is not published.

    The checklist keeps only follow-ups of planned entries that are public themselves: the
    previous report may have been accepted but not published, and its text stays private."""
    report = (
        public_reports()
        .select_related("cycle", "cycle__version", "actor")
        .filter(cycle__slug=cycle_slug, actor__slug=actor_slug)
        .first()
    )
    if report is None:
        raise Http404
    entries = _entries_with_details(report.entries.filter(deleted_at__isnull=True)).order_by(
        "order", "pk"
    )
    by_kind: dict[str, list[Entry]] = {value: [] for value in Entry.Kind.values}
    for entry in entries:
        by_kind[entry.kind].append(entry)
    followups = list(
        report.followups.filter(planned__in=public_entries()).select_related(
            "planned", "planned__report__cycle"
        )
    )
    return PublicReport(
        report,
        [EntriesOfKind(Entry.Kind(kind), found) for kind, found in by_kind.items() if found],
        followups,
    )


@dataclass(frozen=True)
class EntryFilters:
    """What the public entry list is narrowed to; None (or empty) means no restriction."""

    cycle: ReportingCycle | None = None
    actor: Actor | None = None
    country: str = ""
    theme: Theme | None = None
    population_group: PopulationGroup | None = None
    kind: str = ""


def filtered_entries(filters: EntryFilters) -> QuerySet[Entry]:
    """Published entries matching every filter given, newest cycle first, then by actor and
    in each report's order; with what the list shows joined or prefetched."""
    entries = public_entries()
    if filters.cycle is not None:
        entries = entries.filter(report__cycle=filters.cycle)
    if filters.actor is not None:
        entries = entries.filter(report__actor=filters.actor)
    if filters.country:
        entries = entries.filter(countries__code=filters.country)
    if filters.theme is not None:
        entries = entries.filter(themes=filters.theme)
    if filters.population_group is not None:
        entries = entries.filter(population_groups=filters.population_group)
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    return (
        entries.distinct()
        .select_related("report__cycle", "report__actor")
        .prefetch_related("countries", "themes", "population_groups")
        .order_by("-report__cycle__opens_on", "report__actor__name_en", "order", "pk")
    )


@dataclass
class PlannedRecord:
    """An entry an actor planned and what its next report said became of it (None: no
    published report has answered yet)."""

    planned: Entry
    followup: PlannedFollowUp | None


@dataclass
class ActorCycleRecord:
    report: ActorReport
    planned: list[PlannedRecord] = field(default_factory=list)


def actor_record(slug: str) -> tuple[Actor, list[ActorCycleRecord]]:
    """An actor's published reports, newest first, each with the entries it planned and the
    answer given in a later published report (PlannedFollowUp rows of published reports)."""
    actor = get_object_or_404(Actor, slug=slug)
    reports = list(
        public_reports()
        .filter(actor=actor)
        .select_related("cycle")
        .annotate(entry_count=Count("entries", filter=Q(entries__deleted_at__isnull=True)))
        .order_by("-cycle__opens_on")
    )
    records = {report.pk: ActorCycleRecord(report) for report in reports}
    planned = public_entries().filter(report__actor=actor, kind=Entry.Kind.PLANNED)
    answers = {
        followup.planned_id: followup
        for followup in PlannedFollowUp.objects.filter(
            report__in=public_reports(), planned__in=planned
        ).select_related("report__cycle")
    }
    for entry in planned.order_by("order", "pk"):
        records[entry.report_id].planned.append(PlannedRecord(entry, answers.get(entry.pk)))
    return actor, list(records.values())


# ---------------------------------------------------------------------------------------------
# Secretariat dashboard (the caller has checked `permissions.is_secretariat`)


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


_STILL_WITH_ACTOR = {ActorReport.Status.DRAFT, ActorReport.Status.RETURNED}


def days_late(cycle: ReportingCycle, report: ActorReport | None, today: date) -> int:
    """Days past the deadline of a report still with its actor (draft, returned or not yet
    created); 0 when it is not late. A planned cycle asks nothing yet, so nothing is late."""
    if cycle.status == ReportingCycle.Status.PLANNED or today <= cycle.deadline:
        return 0
    if report is not None and report.status not in _STILL_WITH_ACTOR:
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
