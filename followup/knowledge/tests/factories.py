"""Resources in any state, made directly (tests of the services make them through the
services instead), and the personas of the permission tests."""

import factory
from django.contrib.auth.models import AnonymousUser

from followup.accounts.tests.factories import UserFactory
from followup.knowledge.models import Resource, ResourceCountry
from followup.program.models import Actor
from followup.reporting.tests.factories import focal_point_of, reviewer_user, secretariat_user


class ResourceFactory(factory.django.DjangoModelFactory[Resource]):
    class Meta:
        model = Resource

    kind = Resource.Kind.PRACTICE
    title = factory.Sequence(lambda n: f"Shelter network for migrant children, edition {n}")
    summary = "Municipal shelters share one intake protocol."
    owner = factory.LazyFunction(lambda: Actor.objects.get(slug="iin"))
    created_by = factory.SubFactory(UserFactory)


def published(**fields) -> Resource:
    return ResourceFactory.create(status=Resource.Status.PUBLISHED, **fields)


def with_countries(resource: Resource, *codes: str) -> Resource:
    ResourceCountry.objects.bulk_create(ResourceCountry(resource=resource, code=c) for c in codes)
    return resource


PERSONAS = {
    "anonymous": AnonymousUser,
    "iin focal point": lambda: focal_point_of("iin"),
    "cim focal point": lambda: focal_point_of("cim"),
    "reviewer": reviewer_user,
    "secretariat": secretariat_user,
}
