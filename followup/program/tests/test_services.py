from typing import Any

import pytest

from followup.program.models import (
    Actor,
    Mandate,
    Objective,
    OperativeParagraph,
    PopulationGroup,
    ProgramActivity,
    ProgramVersion,
    Theme,
)
from followup.program.services import LOAD_REASON, load_program

REGISTRY_MODELS: list[Any] = [
    Actor,
    Mandate,
    Objective,
    OperativeParagraph,
    PopulationGroup,
    ProgramActivity,
    ProgramVersion,
    Theme,
]

pytestmark = pytest.mark.django_db


def _counts():
    return {model.__name__: model.objects.count() for model in REGISTRY_MODELS}


def _history_counts():
    return {model.__name__: model.history.count() for model in REGISTRY_MODELS}


def test_load_program_fills_the_registry():
    # The session fixture already loaded it once; these are the shipped facts.
    assert Actor.objects.filter(category=Actor.Category.MEMBER_STATE).count() == 35
    assert set(ProgramVersion.objects.values_list("slug", flat=True)) == {"2005", "2016"}
    assert ProgramVersion.objects.get(is_current=True).slug == "2016"
    assert Theme.objects.exists()
    assert PopulationGroup.objects.exists()


def test_load_program_again_changes_nothing():
    counts, history = _counts(), _history_counts()

    report = load_program()

    assert _counts() == counts
    assert _history_counts() == history
    assert not report.created
    assert not report.updated
    assert not report.differing


def test_load_program_keeps_edits_made_in_the_back_office():
    iachr = Actor.objects.get(slug="iachr")
    iachr.description_en = "Edited by the secretariat."
    iachr.save()

    report = load_program()

    iachr.refresh_from_db()
    assert iachr.description_en == "Edited by the secretariat."
    assert report.differing["actors"] == 1


def test_load_program_update_restores_shipped_text_with_a_history_reason():
    iachr = Actor.objects.get(slug="iachr")
    shipped = iachr.description_en
    iachr.description_en = "Edited by the secretariat."
    iachr.save()

    report = load_program(update=True)

    iachr.refresh_from_db()
    assert iachr.description_en == shipped
    assert report.updated["actors"] == 1
    assert iachr.history.first().history_change_reason == LOAD_REASON


def test_load_program_recreates_a_deleted_record():
    ProgramActivity.objects.get(code="2016-iin-b").delete()

    report = load_program()

    activity = ProgramActivity.objects.get(code="2016-iin-b")
    assert report.created["Program activities"] == 1
    assert activity.actor is not None
    assert activity.actor.slug == "iin"
    assert activity.mandates.filter(symbol="AG/RES. 2883 (XLVI-O/16)").exists()


def test_mandates_are_stored_in_canonical_form():
    # The shipped data spells 2816 as in the work plan, "XLIV-OR/14".
    assert Mandate.objects.filter(symbol="AG/RES. 2816 (XLIV-O/14)").exists()
    assert not Mandate.objects.filter(symbol__contains="-OR/").exists()
