"""Reads of the knowledge base shared by its pages and API: filtering, what a list shows
prefetched (a fixed number of queries whatever the number of resources), counts per kind."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet

from followup.knowledge.models import Resource, ResourceAttachment
from followup.program.models import Actor, PopulationGroup, Theme


@dataclass(frozen=True)
class ResourceFilters:
    """What a list is narrowed to; an empty or None value does not filter."""

    kind: str = ""
    country: str = ""
    theme: Theme | None = None
    population_group: PopulationGroup | None = None
    language: str = ""
    actor: Actor | None = None
    status: str = ""


def filter_resources(
    resources: QuerySet[Resource], filters: ResourceFilters, *, with_kind: bool = True
) -> QuerySet[Resource]:
    """`resources` narrowed by `filters`; `with_kind=False` leaves the kind out (to count the
    resources of each kind among the others' matches). A country or tag matches at most one
    row per resource, so no resource comes twice."""
    if filters.kind and with_kind:
        resources = resources.filter(kind=filters.kind)
    if filters.country:
        resources = resources.filter(countries__code=filters.country)
    if filters.theme is not None:
        resources = resources.filter(themes=filters.theme)
    if filters.population_group is not None:
        resources = resources.filter(population_groups=filters.population_group)
    if filters.language:
        resources = resources.filter(language=filters.language)
    if filters.actor is not None:
        resources = resources.filter(actors=filters.actor)
    if filters.status:
        resources = resources.filter(status=filters.status)
    return resources


def resources_for_list(resources: QuerySet[Resource]) -> QuerySet[Resource]:
    """What a list row shows: owner, countries, themes and population groups."""
    return resources.select_related("owner").prefetch_related(
        "countries",
        Prefetch("themes", queryset=Theme.objects.order_by("order", "slug")),
        Prefetch("population_groups", queryset=PopulationGroup.objects.order_by("order", "slug")),
    )


def resources_for_output(resources: QuerySet[Resource]) -> QuerySet[Resource]:
    """What a full representation (detail page, API) reads: a list row's relations plus the
    actors concerned and the attached files."""
    return resources_for_list(resources).prefetch_related(
        Prefetch("actors", queryset=Actor.objects.order_by("slug")),
        Prefetch("attachments", queryset=ResourceAttachment.objects.order_by("pk")),
    )


def counts_by_kind(resources: QuerySet[Resource]) -> list[tuple[str, str, int]]:
    """(kind, label, number) for every kind, in the Kind order, zeros included."""
    rows = resources.order_by().values("kind").annotate(number=Count("pk"))
    counted = {row["kind"]: row["number"] for row in rows}
    return [(kind, str(label), counted.get(kind, 0)) for kind, label in Resource.Kind.choices]
