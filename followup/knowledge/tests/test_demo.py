"""The demo knowledge base: every kind, published, tagged with the registry, loaded twice."""

import pytest
from django.core.exceptions import PermissionDenied

from followup.knowledge.demo import load_demo_resources
from followup.knowledge.demo_data import DEMO_RESOURCES
from followup.knowledge.models import Resource
from followup.program.models import Actor, PopulationGroup, Theme
from followup.reporting.tests.factories import focal_point_of, secretariat_user

pytestmark = pytest.mark.django_db


def test_demo_publishes_resources_of_every_kind_in_several_languages():
    user = secretariat_user()

    result = load_demo_resources(user)

    resources = Resource.objects.all()
    assert len(result.created) == len(DEMO_RESOURCES) == resources.count() == 15
    assert {r.kind for r in resources} == set(Resource.Kind.values)
    assert {r.language for r in resources} == {"en", "es", "pt"}
    assert {r.status for r in resources} == {"published"}
    assert {r.history.earliest().history_user for r in resources} == {user}


def test_demo_loads_twice_without_duplicates():
    user = secretariat_user()
    load_demo_resources(user)

    again = load_demo_resources(user)

    assert (again.created, len(again.skipped)) == ([], 15)
    assert Resource.objects.count() == 15
    assert again.summary() == "Knowledge base: 0 demo resources created, 15 already there."


def test_demo_tags_exist_in_the_registry():
    themes = set(Theme.objects.values_list("slug", flat=True))
    groups = set(PopulationGroup.objects.values_list("slug", flat=True))
    actors = set(Actor.objects.values_list("slug", flat=True))

    for demo in DEMO_RESOURCES:
        assert set(demo.themes) <= themes, demo.title
        assert set(demo.groups) <= groups, demo.title
        assert set(demo.actors) | ({demo.owner} - {""}) <= actors, demo.title


def test_demo_legislation_names_its_country():
    load_demo_resources(secretariat_user())

    laws = Resource.objects.filter(kind=Resource.Kind.LEGISLATION)
    assert {law.title: law.countries.get().code for law in laws if law.countries.count() == 1} == {
        "Ley 25.871 de Migraciones": "ARG",
        "Ley de Migración (México)": "MEX",
        "Lei nº 13.445, de 24 de maio de 2017 (Lei de Migração)": "BRA",
    }


def test_demo_is_refused_to_a_user_who_cannot_publish():
    with pytest.raises(PermissionDenied):
        load_demo_resources(focal_point_of("iin"))

    assert not Resource.objects.exists()
