"""Indicators in the search index: public, found by code, names and definitions in either
language, leading to the indicator's page, and following their edits."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from followup.search.queries import SearchRequest, search
from followup.statistics.models import Indicator
from followup.statistics.tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


def hits(text: str, **filters):
    results = search(SearchRequest(text=text, per_page=50, **filters))
    return {(hit.kind, hit.object_id): hit for hit in results.hits}


@pytest.fixture
def indicator(django_capture_on_commit_callbacks) -> Indicator:
    with django_capture_on_commit_callbacks(execute=True):
        return IndicatorFactory.create(
            code="ASYLUM_APPS",
            name_en="Asylum applications",
            name_es="Solicitudes de asilo",
            definition_en="Persons who applied for refugee status in the year (Quetzal survey).",
            definition_es="Personas que solicitaron la condición de refugiado en el año.",
            source="National migration offices",
        )


@pytest.mark.parametrize(
    "text",
    ["ASYLUM_APPS", "asylum applications", "solicitudes", "refugee status", "refugiado", "offices"],
)
def test_an_indicator_is_found_by_code_names_definitions_and_source(indicator, text):
    assert ("indicator", indicator.pk) in hits(text)


def test_an_indicator_leads_to_its_page_and_is_public(indicator):
    hit = hits("quetzal")[("indicator", indicator.pk)]

    assert hit.url == "/en/statistics/indicators/ASYLUM_APPS/"
    assert hit.title == "Asylum applications (ASYLUM_APPS)"
    assert hit.public
    assert hit.kind_label == "Statistical indicator"


def test_an_illustrative_indicator_says_so_in_its_title_in_either_language(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        demo = IndicatorFactory.create(
            code="DEMO_X",
            name_en="Immigrant stock",
            name_es="Población inmigrante",
            definition_en="Generated (Quetzal).",
            definition_es="Generada (Quetzal).",
            illustrative=True,
        )
    with translation.override("es"):
        # The Spanish once the catalogue is compiled: “… (DEMO_X, ilustrativo)”.
        suffix = gettext("%(name)s (%(code)s, illustrative)") % {"name": "", "code": "DEMO_X"}

    with translation.override("en"):
        english = hits("quetzal")[("indicator", demo.pk)].title
    with translation.override("es"):
        spanish = hits("quetzal")[("indicator", demo.pk)].title

    assert english == "Immigrant stock (DEMO_X, illustrative)"
    assert spanish == f"Población inmigrante{suffix}"


def test_an_indicator_not_illustrative_has_its_name_and_code_for_title(indicator):
    with translation.override("es"):
        assert hits("quetzal")[("indicator", indicator.pk)].title == (
            "Solicitudes de asilo (ASYLUM_APPS)"
        )


def test_the_kind_filter_selects_indicators(indicator):
    found = hits("", filters={"kind": ("indicator",)})

    assert list(found) == [("indicator", indicator.pk)]


def test_an_indicator_follows_its_edits(indicator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        indicator.definition_en = "Claims for international protection (Tapir survey)."
        indicator.save()

    assert ("indicator", indicator.pk) in hits("tapir")
    assert ("indicator", indicator.pk) not in hits("quetzal")


def test_a_deleted_indicator_leaves_the_index(indicator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        indicator.delete()

    assert hits("asylum") == {}
