"""The list of recommendations and a source's page: recommendations by source and panel,
each with its figures."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from followup.i18n import collation_key, current_content_language
from followup.program.models import Actor, PopulationGroup, Theme
from followup.recommendations.addressees import recommendations_addressed_to
from followup.recommendations.models import Recommendation, Source, StatusLevel
from followup.recommendations.progress.ledger import Ledger, Progress, ledger_for


@dataclass(frozen=True)
class RecommendationFilters:
    """What the list is narrowed to; None or empty means no restriction."""

    source: Source | None = None
    group: str = ""
    theme: Theme | None = None
    population_group: PopulationGroup | None = None
    addressee: Actor | None = None
    text: str = ""


def in_reading_order(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    """By source (newest first), then panel and number: the order the lists group by."""
    return recommendations.order_by(
        F("source__date").desc(),
        "source__title",
        "source_id",
        "group",
        F("number").asc(nulls_last=True),
        "pk",
    )


def for_display(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    return recommendations.select_related("source", "source__issued_by").prefetch_related(
        Prefetch(
            "addressees", queryset=Actor.objects.order_by(f"name_{current_content_language()}")
        )
    )


def filter_recommendations(filters: RecommendationFilters) -> QuerySet[Recommendation]:
    """Recommendations matching every filter given, in reading order, ready to display."""
    found = Recommendation.objects.all()
    if filters.source is not None:
        found = found.filter(source=filters.source)
    if filters.group:
        found = found.filter(group=filters.group)
    if filters.theme is not None:
        found = found.filter(themes=filters.theme)
    if filters.population_group is not None:
        found = found.filter(population_groups=filters.population_group)
    if filters.addressee is not None:
        found = found.filter(pk__in=recommendations_addressed_to(filters.addressee).values("pk"))
    if filters.text:
        found = found.filter(
            Q(text__icontains=filters.text)
            | Q(group__icontains=filters.text)
            | Q(source__title__icontains=filters.text)
            | Q(source__reference__icontains=filters.text)
        )
    return for_display(in_reading_order(found.distinct()))


def panel_names() -> list[str]:
    """The groups and panels in use, for the list's filter."""
    groups = Recommendation.objects.exclude(group="").values_list("group", flat=True)
    return sorted(groups.order_by().distinct(), key=collation_key)


@dataclass(frozen=True)
class RecommendationProgress:
    recommendation: Recommendation
    progress: Progress


@dataclass(frozen=True)
class Panel:
    group: str  # empty for recommendations outside any group or panel
    items: tuple[RecommendationProgress, ...]
    progress: Progress


@dataclass(frozen=True)
class SourceSection:
    source: Source
    panels: tuple[Panel, ...]


def _panels(ledger: Ledger, recommendations: Sequence[Recommendation]) -> list[Panel]:
    """Consecutive recommendations of one group, each with its progress, and the group's."""
    panels: list[Panel] = []
    run: list[Recommendation] = []
    for recommendation in [*recommendations, None]:
        if run and (recommendation is None or recommendation.group != run[-1].group):
            panels.append(
                Panel(
                    run[-1].group,
                    tuple(RecommendationProgress(r, ledger.progress_of(r.pk)) for r in run),
                    ledger.progress(pair for r in run for pair in ledger.pairs(r.pk)),
                )
            )
            run = []
        if recommendation is not None:
            run.append(recommendation)
    return panels


def sections(recommendations: Sequence[Recommendation]) -> tuple[SourceSection, ...]:
    """A page of the list (in reading order) by source and panel, with each one's progress.
    Panels are cut at the page's edges: their figures are on the source's page."""
    ledger = ledger_for(Recommendation.objects.filter(pk__in=[r.pk for r in recommendations]))
    by_source: dict[int, list[Recommendation]] = defaultdict(list)
    for recommendation in recommendations:
        by_source[recommendation.source_id].append(recommendation)
    return tuple(
        SourceSection(found[0].source, tuple(_panels(ledger, found)))
        for found in by_source.values()
    )


@dataclass(frozen=True)
class SourcePage:
    source: Source
    panels: tuple[Panel, ...]
    progress: Progress
    columns: tuple[StatusLevel, ...]


def source_page(pk: int) -> SourcePage:
    source = get_object_or_404(Source.objects.select_related("issued_by"), pk=pk)
    recommendations = list(for_display(in_reading_order(source.recommendations.all())))
    ledger = ledger_for(source.recommendations.all())
    return SourcePage(
        source,
        tuple(_panels(ledger, recommendations)),
        ledger.progress(pair for r in recommendations for pair in ledger.pairs(r.pk)),
        ledger.columns,
    )


def all_recommendation_progress(
    filters: RecommendationFilters,
) -> tuple[list[RecommendationProgress], tuple[StatusLevel, ...]]:
    """Every recommendation of the filters with its figures, for the download."""
    found = filter_recommendations(filters)
    ledger = ledger_for(found)
    return [RecommendationProgress(r, ledger.progress_of(r.pk)) for r in found], ledger.columns
