"""Reads of the registry shared by pages, exports and (later) the API.

Each function fetches what its page shows in a fixed number of queries, whatever the size of
the registry: relations are joined or prefetched here, never followed lazily in templates.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.shortcuts import get_object_or_404

from followup.i18n import collation_key
from followup.program.models import (
    Actor,
    Mandate,
    ProgramActivity,
    ProgramVersion,
)


@dataclass(frozen=True)
class CategoryGroup:
    category: Actor.Category
    actors: list[Actor]


def activities_with_tags() -> QuerySet[ProgramActivity]:
    return ProgramActivity.objects.select_related("actor", "version").prefetch_related(
        "mandates", "themes", "population_groups"
    )


def actors_by_category() -> list[CategoryGroup]:
    """Every actor under its category, in the Program's order of categories; units under parents
    are listed too, since a focal point looks for their own office by name."""
    by_category: dict[str, list[Actor]] = {value: [] for value in Actor.Category.values}
    for actor in Actor.objects.all():
        by_category[actor.category].append(actor)
    return [
        CategoryGroup(Actor.Category(category), sorted(actors, key=lambda a: collation_key(a.name)))
        for category, actors in by_category.items()
        if actors
    ]


def current_version() -> ProgramVersion | None:
    return ProgramVersion.objects.filter(is_current=True).select_related("adopted_by").first()


def versions() -> QuerySet[ProgramVersion]:
    return ProgramVersion.objects.select_related("adopted_by")


def mandates() -> QuerySet[Mandate]:
    return Mandate.objects.all()


@dataclass(frozen=True)
class AssignedActivities:
    """A version's activities for one addressee: an actor, or a whole category of actors."""

    actor: Actor | None
    category: Actor.Category | None
    activities: list[ProgramActivity]


def version_detail(slug: str) -> tuple[ProgramVersion, list[AssignedActivities]]:
    version = get_object_or_404(
        ProgramVersion.objects.select_related("adopted_by").prefetch_related(
            "objectives", Prefetch("actors", queryset=Actor.objects.order_by("name_en"))
        ),
        slug=slug,
    )
    groups: dict[object, AssignedActivities] = {}
    for activity in activities_with_tags().filter(version=version).order_by("order"):
        key = activity.actor_id or activity.actor_category
        if key not in groups:
            category = None if activity.actor else Actor.Category(activity.actor_category)
            groups[key] = AssignedActivities(activity.actor, category, [])
        groups[key].activities.append(activity)
    return version, list(groups.values())


def actor_detail(slug: str) -> tuple[Actor, list[ProgramActivity]]:
    """An actor with the activities assigned to it and those addressed to its whole category."""
    actor = get_object_or_404(
        Actor.objects.select_related("parent").prefetch_related(
            Prefetch("units", queryset=Actor.objects.order_by("name_en")),
            Prefetch("program_versions", queryset=ProgramVersion.objects.order_by("-adopted_on")),
        ),
        slug=slug,
    )
    activities = activities_with_tags().filter(Q(actor=actor) | Q(actor_category=actor.category))
    return actor, list(activities.order_by("-version__adopted_on", "order"))


def mandate_detail(slug: str) -> tuple[Mandate, list[ProgramActivity], list[ProgramVersion]]:
    """A mandate with its paragraphs, and the Program's activities and versions resting on it."""
    mandate = get_object_or_404(Mandate.objects.prefetch_related("paragraphs"), slug=slug)
    activities = list(
        activities_with_tags().filter(mandates=mandate).order_by("-version__adopted_on", "order")
    )
    adopted = list(ProgramVersion.objects.filter(adopted_by=mandate))
    return mandate, activities, adopted


def mandate_page(slug: str) -> tuple[Mandate, list[ProgramActivity], list[ProgramVersion]]:
    """`mandate_detail` plus, for its page, the CAM's meetings, work-plan calendar rows and
    recommendations resting on it (prefetched by relation name, so this module does not import
    the apps above it)."""
    mandate, activities, adopted = mandate_detail(slug)
    prefetch_related_objects(
        [mandate], "meetings", "calendar_rows__work_plan", "recommendations__source"
    )
    return mandate, activities, adopted
