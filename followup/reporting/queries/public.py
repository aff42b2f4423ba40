"""Reads of the public pages of reporting: published cycles, reports and entries, and each
actor's record of what it planned and what became of it.

Every read goes through `permissions.reports_visible_to(AnonymousUser())` whoever is signed in:
the public pages are the public view, identical for a visitor, a focal point and the
secretariat, so a page never shows a draft because of who happens to look at it.

Each function fetches what its page shows in a fixed number of queries, whatever the number
of cycles, actors or entries: relations are joined or prefetched here, never followed lazily
in templates.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from followup.i18n import collation_key, current_content_language
from followup.program.models import Actor, PopulationGroup, ProgramActivity, Theme
from followup.reporting.models import ActorReport, Entry, PlannedFollowUp, ReportingCycle
from followup.reporting.permissions import entries_visible_to, reports_visible_to


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
