"""Demo knowledge base: fifteen published resources of every kind, in English, Spanish and
Portuguese, tagged with the registry's themes, population groups, countries and actors.

Names, dates, references and places are public facts (laws as published in official
gazettes, UN and inter-American instruments, the CAM's 2019–2020 report in
`../shared/corpus`); summaries are the project's own words. Each resource is created and
published through the services as `by_user`, so the history shows who did it.

Loading is idempotent: a resource is created only if no resource, deleted ones included, has
its title. Only demo mode (`followup load-demo`) calls this.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction

from followup.accounts.models import User
from followup.knowledge import permissions, services
from followup.knowledge.demo_data import DEMO_RESOURCES, DemoResource
from followup.knowledge.models import Resource
from followup.program.models import Actor, PopulationGroup, Theme


@dataclass
class DemoResult:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"Knowledge base: {len(self.created)} demo resources created, "
            f"{len(self.skipped)} already there."
        )


def _values(demo: DemoResource) -> dict[str, object]:
    return {
        **demo.fields,
        "kind": demo.kind,
        "title": demo.title,
        "summary": demo.summary,
        "language": demo.language,
        "owner": Actor.objects.get(slug=demo.owner) if demo.owner else None,
        "countries": list(demo.countries),
        "themes": list(Theme.objects.filter(slug__in=demo.themes)),
        "population_groups": list(PopulationGroup.objects.filter(slug__in=demo.groups)),
        "actors": list(Actor.objects.filter(slug__in=demo.actors)),
    }


@transaction.atomic
def load_demo_resources(by_user: User) -> DemoResult:
    """Create and publish what is missing of the demo resources, as `by_user`, who must be
    allowed to publish (the demo secretariat); PermissionDenied otherwise."""
    if not permissions.is_secretariat(by_user):
        raise PermissionDenied
    result = DemoResult()
    existing = set(
        Resource.objects.filter(title__in=[demo.title for demo in DEMO_RESOURCES]).values_list(
            "title", flat=True
        )
    )
    for demo in DEMO_RESOURCES:
        if demo.title in existing:
            result.skipped.append(demo.title)
            continue
        resource = services.create_resource(_values(demo), by=by_user)
        services.publish_resource(resource, by=by_user)
        result.created.append(demo.title)
    return result
