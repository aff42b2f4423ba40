from django.utils import translation

from followup.program.models import Actor


def test_localized_reads_the_active_language():
    actor = Actor(name_en="Inter-American Children's Institute", name_es="Instituto Interamericano")

    with translation.override("es"):
        assert actor.name == "Instituto Interamericano"
    with translation.override("en"):
        assert actor.name == "Inter-American Children's Institute"


def test_localized_falls_back_to_english_when_spanish_is_missing():
    actor = Actor(name_en="Scalabrini International Migration Network", name_es="")

    with translation.override("es"):
        assert actor.name == "Scalabrini International Migration Network"


def test_localized_uses_english_for_a_language_without_content():
    actor = Actor(name_en="English name", name_es="Nombre")

    with translation.override("fr"):
        assert actor.name == "English name"
