"""One recommendation's matrix, an addressee's and a theme's standings, and the overview
by theme and by addressee that the map and the downloads share."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from followup.knowledge.permissions import public_resources
from followup.program.models import Actor, Theme
from followup.recommendations.addressees import recommendations_addressed_to
from followup.recommendations.models import FollowUp, Recommendation, StatusLevel
from followup.recommendations.permissions import public_follow_ups
from followup.recommendations.progress.ledger import (
    MEMBER_STATE,
    Progress,
    is_due_in,
    ledger_for,
)
from followup.recommendations.progress.lists import (
    RecommendationProgress,
    for_display,
    in_reading_order,
)
from followup.reporting.models import ReportingCycle
from followup.reporting.queries import public_entries


@dataclass(frozen=True)
class MatrixRow:
    addressee: Actor
    cells: tuple[StatusLevel | None, ...]  # one per column cycle
    standing: StatusLevel | None
    evidence: FollowUp | None  # the latest published follow-up, with its evidence


@dataclass(frozen=True)
class RecommendationPage:
    recommendation: Recommendation
    cycles: tuple[ReportingCycle, ...]
    rows: tuple[MatrixRow, ...]
    progress: Progress


def recommendation_page(pk: int) -> RecommendationPage:
    """The recommendation, and every addressee's published status in every cycle since it was
    issued (and in any earlier cycle with an answer), with the latest answer's evidence."""
    recommendation = get_object_or_404(
        for_display(Recommendation.objects.select_related("meeting")).prefetch_related(
            "themes", "population_groups", "mandates"
        ),
        pk=pk,
    )
    ledger = ledger_for(Recommendation.objects.filter(pk=pk))
    answered_cycles = {cycle for cells in ledger.cells.values() for cycle in cells}
    cycles = tuple(
        cycle
        for cycle in ReportingCycle.objects.order_by("opens_on", "pk")
        if cycle.pk in answered_cycles
        or (cycle.status != ReportingCycle.Status.PLANNED and is_due_in(recommendation, cycle))
    )
    evidence = {
        follow_up.addressee_id: follow_up
        for follow_up in public_follow_ups()
        .filter(pk__in=[standing.follow_up_id for standing in ledger.standings.values()])
        .select_related("cycle", "level")
        .prefetch_related(
            "links",
            "attachments",
            Prefetch(
                "entries",
                queryset=public_entries()
                .select_related("report__cycle", "report__actor")
                .order_by("report__cycle__opens_on", "order", "pk"),
            ),
            Prefetch("resources", queryset=public_resources().order_by("title")),
        )
    }
    rows = []
    for pair in ledger.pairs(pk):
        cells = ledger.cells.get(pair, {})
        standing = ledger.standings.get(pair)
        rows.append(
            MatrixRow(
                ledger.actors[pair[1]],
                tuple(cells.get(cycle.pk) for cycle in cycles),
                standing.level if standing else None,
                evidence.get(pair[1]),
            )
        )
    return RecommendationPage(recommendation, cycles, tuple(rows), ledger.progress_of(pk))


# Per addressee, per theme, and the overview


def get_addressee(key: str) -> Actor:
    """An actor by its code, or a member state by its ISO alpha-3 code in any case; 404."""
    actor = Actor.objects.filter(Q(slug=key) | Q(country=key.upper(), category=MEMBER_STATE))
    found = actor.order_by("pk").first() if key else None
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class StandingRow:
    recommendation: Recommendation
    standing: StatusLevel | None
    cycle: ReportingCycle | None  # of the standing
    through_all_states: bool  # addressed as a member state rather than by name


@dataclass(frozen=True)
class AddresseePage:
    actor: Actor
    rows: tuple[StandingRow, ...]
    progress: Progress
    columns: tuple[StatusLevel, ...]


def addressee_page(key: str) -> AddresseePage:
    """Every recommendation addressed to the actor, directly or as a member state, and its
    standing there."""
    actor = get_addressee(key)
    addressed = recommendations_addressed_to(actor)
    recommendations = list(for_display(in_reading_order(addressed)))
    ledger = ledger_for(addressed, addressee=actor)
    cycles = {cycle.pk: cycle for cycle in ReportingCycle.objects.all()}
    rows = []
    for recommendation in recommendations:
        standing = ledger.standings.get((recommendation.pk, actor.pk))
        named = any(a.pk == actor.pk for a in recommendation.addressees.all())
        rows.append(
            StandingRow(
                recommendation,
                standing.level if standing else None,
                cycles[standing.cycle_id] if standing else None,
                not named,
            )
        )
    return AddresseePage(actor, tuple(rows), ledger.progress_of_addressee(actor.pk), ledger.columns)


@dataclass(frozen=True)
class ThemePage:
    theme: Theme
    items: tuple[RecommendationProgress, ...]
    progress: Progress
    columns: tuple[StatusLevel, ...]


def theme_page(slug: str) -> ThemePage:
    theme = get_object_or_404(Theme, slug=slug)
    of_theme = Recommendation.objects.filter(themes=theme)
    recommendations = list(for_display(in_reading_order(of_theme)))
    ledger = ledger_for(of_theme)
    return ThemePage(
        theme,
        tuple(RecommendationProgress(r, ledger.progress_of(r.pk)) for r in recommendations),
        ledger.progress(pair for r in recommendations for pair in ledger.pairs(r.pk)),
        ledger.columns,
    )


@dataclass(frozen=True)
class ThemeRow:
    theme: Theme
    recommendations: int
    progress: Progress


@dataclass(frozen=True)
class AddresseeRow:
    actor: Actor
    recommendations: int
    progress: Progress


@dataclass(frozen=True)
class Overview:
    themes: tuple[ThemeRow, ...]  # themes with at least one recommendation
    states: tuple[AddresseeRow, ...]  # every member state, addressed or not
    others: tuple[AddresseeRow, ...]  # other actors with a recommendation addressed to them
    total: Progress
    columns: tuple[StatusLevel, ...]

    def share_by_country(self) -> dict[str, float | None]:
        """Each member state's share implemented by ISO alpha-3 code: the map's values."""
        return {row.actor.country: row.progress.share for row in self.states}


def overview() -> Overview:
    """The figures of every recommendation by theme and by addressee, in six queries."""
    ledger = ledger_for(Recommendation.objects.all())
    by_theme: dict[int, list[int]] = defaultdict(list)
    for recommendation, theme in Recommendation.themes.through.objects.values_list(
        "recommendation_id", "theme_id"
    ):
        by_theme[theme].append(recommendation)
    themes = tuple(
        ThemeRow(
            theme,
            len(by_theme[theme.pk]),
            ledger.progress(pair for r in by_theme[theme.pk] for pair in ledger.pairs(r)),
        )
        for theme in Theme.objects.filter(pk__in=list(by_theme))
    )
    received: dict[int, int] = defaultdict(int)
    for actors in ledger.addressees.values():
        for actor in actors:
            received[actor] += 1
    rows = {
        actor.pk: AddresseeRow(actor, received[actor.pk], ledger.progress_of_addressee(actor.pk))
        for actor in ledger.actors.values()
    }
    return Overview(
        themes=themes,
        states=tuple(rows[actor.pk] for actor in ledger.member_states()),
        others=tuple(
            row
            for row in rows.values()
            if row.actor.category != MEMBER_STATE and row.recommendations
        ),
        total=ledger.progress(pair for r in ledger.addressees for pair in ledger.pairs(r)),
        columns=ledger.columns,
    )
