"""A person's text → the expression the engines run: words, limits, concepts and exclusions."""

import pytest

from followup.program.models import Actor, PopulationGroup, Theme
from followup.search.concepts import concept_table
from followup.search.query import MAX_QUERY_CHARS, MAX_WORDS, All, Any, Phrase, Tag, Term, parse

pytestmark = pytest.mark.django_db


def theme_key(slug: str) -> str:
    return f"theme:{Theme.objects.get(slug=slug).pk}"


def group_key(slug: str) -> str:
    return f"group:{PopulationGroup.objects.get(slug=slug).pk}"


def test_parse_empty_text_browses_everything():
    query = parse("   ", concept_table())

    assert query.is_empty
    assert not query.unsearchable
    assert query.expression is None


@pytest.mark.parametrize("text", ["the of and", "de la y", "😀🌎", "´ ¨ ~", '"" () * -'])
def test_parse_text_with_nothing_searchable_is_unsearchable(text):
    query = parse(text, concept_table())

    assert query.unsearchable
    assert not query.is_empty
    assert query.words == ()


def test_parse_word_matches_its_english_and_spanish_stems():
    query = parse("migrants", concept_table())

    assert query.expression == Term(("migrant", "migrants"))
    assert query.concepts == ()
    assert query.any_expression is None


def test_parse_drops_repeated_words():
    assert parse("remesas Remesas REMESAS", concept_table()).words == ("remesas",)


def test_parse_cuts_long_text_and_flags_it():
    query = parse("migrants " * 2_000, concept_table())

    assert query.truncated
    assert len(query.text) == MAX_QUERY_CHARS
    assert query.words == ("migrants",)


def test_parse_keeps_the_first_sixteen_words_and_flags_the_rest():
    text = " ".join(f"word{n}" for n in range(MAX_WORDS + 4))

    query = parse(text, concept_table())

    assert query.truncated
    assert query.words == tuple(f"word{n}" for n in range(MAX_WORDS))


def test_parse_sixteen_words_is_not_truncated():
    text = " ".join(f"word{n}" for n in range(MAX_WORDS))

    assert not parse(text, concept_table()).truncated


def test_parse_reads_operators_as_plain_words():
    query = parse('"trafficking" AND NOT (remesas) NEAR/3 mig* -x title:w ^z', concept_table())

    assert query.words == (
        "trafficking",
        "not",
        "remesas",
        "near",
        "3",
        "mig",
        "x",
        "title",
        "w",
        "z",
    )


def test_parse_widens_trafficking_to_the_theme_in_both_languages():
    query = parse("trafficking", concept_table())

    assert [concept.key for concept in query.concepts] == [theme_key("trafficking-smuggling")]
    assert isinstance(query.expression, Any)
    parts = query.expression.parts
    assert parts[0] == Term(("traffick", "trafficking"))
    assert Tag(f"xt{Theme.objects.get(slug='trafficking-smuggling').pk}") in parts
    assert Phrase(("trat", "person")) in parts  # "trata de personas"
    assert Phrase(("trafic", "migrant")) in parts  # "tráfico de migrantes"


def test_parse_widens_spanish_trata_de_personas_to_the_same_theme():
    query = parse("trata de personas", concept_table())

    assert [concept.key for concept in query.concepts] == [theme_key("trafficking-smuggling")]
    assert Phrase(("traffick",)) in query.expression.parts


def test_parse_without_an_excluded_concept_searches_the_words_only():
    key = theme_key("trafficking-smuggling")

    query = parse("trafficking", concept_table(), frozenset({key}))

    assert query.concepts == ()
    assert query.expression == Term(("traffick", "trafficking"))


def test_parse_prefers_the_longest_concept():
    query = parse("Papua New Guinea", concept_table())

    assert [concept.key for concept in query.concepts] == ["country:PNG"]


def test_parse_widens_each_part_of_a_spanish_group_phrase():
    query = parse("niños no acompañados", concept_table())

    keys = {concept.key for concept in query.concepts}
    assert group_key("children-adolescents") in keys
    assert group_key("unaccompanied-children") in keys
    assert isinstance(query.expression, All)


def test_parse_ninos_does_not_widen_to_migrant_women():
    query = parse("niños", concept_table())

    assert group_key("women-girls") not in {concept.key for concept in query.concepts}


def test_parse_finds_an_actor_by_its_spanish_acronym():
    iachr = Actor.objects.get(slug="iachr")

    query = parse("CIDH", concept_table())

    assert [concept.key for concept in query.concepts] == [f"actor:{iachr.pk}"]
    assert query.concepts[0].label("es") == "CIDH"
    assert query.concepts[0].label("en") == "IACHR"


def test_parse_does_not_widen_two_letter_acronyms():
    assert parse("CP", concept_table()).concepts == ()


def test_parse_finds_a_member_state_as_its_country_and_its_reports():
    mexico = Actor.objects.get(slug="mex")

    query = parse("México", concept_table())

    assert [concept.key for concept in query.concepts] == ["country:MEX"]
    assert Tag("xcmex") in query.expression.parts
    assert Tag(f"xa{mexico.pk}") in query.expression.parts


def test_parse_offers_any_of_several_words_as_a_fallback():
    query = parse("remittances zanzibar", concept_table())

    assert isinstance(query.expression, All)
    assert query.any_expression == Any(query.expression.parts)


def test_parse_highlights_the_stems_of_the_words_typed():
    query = parse("Migración niños", concept_table())

    assert {"migracion", "nin", "nino"} <= query.highlight
