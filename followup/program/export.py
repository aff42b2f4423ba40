"""The whole registry as one JSON-ready document (`followup export program --json`).

Texts are objects keyed by language ({"en": ..., "es": ...}); dates are ISO strings; actors,
mandates and vocabulary terms are referred to by their natural keys (slug, canonical symbol),
so the document can be read without database ids.
"""

from typing import Any

from django.db.models import Prefetch

from followup.program.models import (
    Actor,
    Mandate,
    Objective,
    PopulationGroup,
    ProgramActivity,
    ProgramVersion,
    Theme,
)

FORMAT_VERSION = 1


def _texts(obj: object, field: str) -> dict[str, str]:
    return {language: getattr(obj, f"{field}_{language}") for language in ("en", "es")}


def _term(term: Theme | PopulationGroup) -> dict[str, Any]:
    return {
        "slug": term.slug,
        "label": _texts(term, "label"),
        "description": _texts(term, "description"),
    }


def _actor(actor: Actor) -> dict[str, Any]:
    return {
        "slug": actor.slug,
        "category": actor.category,
        "name": _texts(actor, "name"),
        "acronym": _texts(actor, "acronym"),
        "parent": actor.parent.slug if actor.parent else None,
        "country": actor.country or None,
        "description": _texts(actor, "description"),
        "website": actor.website or None,
    }


def _mandate(mandate: Mandate) -> dict[str, Any]:
    return {
        "symbol": mandate.symbol,
        "kind": mandate.kind,
        "body": mandate.body,
        "number": mandate.number,
        "session": mandate.session,
        "year": mandate.year,
        "adopted_on": mandate.adopted_on.isoformat() if mandate.adopted_on else None,
        "title": _texts(mandate, "title"),
        "summary": _texts(mandate, "summary"),
        "operative_paragraphs": [
            {"number": paragraph.number, "text": _texts(paragraph, "text")}
            for paragraph in mandate.paragraphs.all()
        ],
    }


def _activity(activity: ProgramActivity) -> dict[str, Any]:
    return {
        "code": activity.code,
        "label": activity.label,
        "actor": activity.actor.slug if activity.actor else None,
        "actor_category": activity.actor_category or None,
        "text": _texts(activity, "text"),
        "note": _texts(activity, "note"),
        "mandates": [mandate.symbol for mandate in activity.mandates.all()],
        "themes": [theme.slug for theme in activity.themes.all()],
        "population_groups": [group.slug for group in activity.population_groups.all()],
    }


def _version(version: ProgramVersion) -> dict[str, Any]:
    return {
        "slug": version.slug,
        "title": _texts(version, "title"),
        "adopted_by": version.adopted_by.symbol,
        "adopted_on": version.adopted_on.isoformat(),
        "is_current": version.is_current,
        "summary": _texts(version, "summary"),
        "structure": _texts(version, "structure"),
        "actors": [actor.slug for actor in version.actors.all()],
        "objectives": [
            {"kind": objective.kind, "label": objective.label, "text": _texts(objective, "text")}
            for objective in version.objectives.all()
        ],
        "activities": [_activity(activity) for activity in version.activities.all()],
    }


def export_program() -> dict[str, Any]:
    activities = ProgramActivity.objects.select_related("actor").prefetch_related(
        "mandates", "themes", "population_groups"
    )
    versions = ProgramVersion.objects.select_related("adopted_by").prefetch_related(
        Prefetch("actors", queryset=Actor.objects.order_by("slug")),
        Prefetch("objectives", queryset=Objective.objects.order_by("order")),
        Prefetch("activities", queryset=activities.order_by("order")),
    )
    return {
        "format": FORMAT_VERSION,
        "versions": [_version(version) for version in versions.order_by("adopted_on")],
        "actors": [_actor(actor) for actor in Actor.objects.select_related("parent")],
        "mandates": [
            _mandate(mandate) for mandate in Mandate.objects.prefetch_related("paragraphs")
        ],
        "vocabularies": {
            "themes": [_term(theme) for theme in Theme.objects.all()],
            "population_groups": [_term(group) for group in PopulationGroup.objects.all()],
        },
    }
