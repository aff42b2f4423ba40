"""Knowledge-base resources in the search index: public once published. Each resource kind
(legislation, best practice…) is its own value of the kind facet."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from followup.knowledge.models import Resource, ResourceCountry
from followup.search.sources import Document, Source, register


def resources() -> QuerySet[Resource]:
    return Resource.objects.prefetch_related("countries", "themes", "population_groups", "actors")


def resource_document(resource: Resource) -> Document | None:
    if resource.deleted_at:
        return None
    details = (
        resource.summary,
        resource.official_reference,
        resource.publisher,
        resource.services,
    )
    actors = [actor.pk for actor in resource.actors.all()]
    if resource.owner_id:
        actors.append(resource.owner_id)
    return Document(
        titles={resource.language: resource.title},
        texts=[(resource.language, "\n".join(part for part in details if part))],
        public=resource.is_public,
        route=("knowledge:resource_detail", [resource.pk]),
        date=resource.date,
        facet_kind=resource.kind,
        countries=[country.code for country in resource.countries.all()],
        themes=[theme.pk for theme in resource.themes.all()],
        groups=[group.pk for group in resource.population_groups.all()],
        actors=actors,
    )


def kind_labels() -> dict[str, str]:
    return {str(kind.value): str(kind.label) for kind in Resource.Kind}


register(
    Source(
        kind="resource",
        model=Resource,
        label=_("Knowledge-base resource"),
        queryset=resources,
        document=resource_document,
        triggers={ResourceCountry: lambda country: [country.resource_id]},
        m2m_fields=("themes", "population_groups", "actors"),
        kind_labels=kind_labels,
    )
)
