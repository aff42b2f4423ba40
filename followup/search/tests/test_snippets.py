"""Titles and snippets: the right words marked, the source text escaped, a window around the
matches with ellipses where it was cut."""

import re

import pytest

from followup.search.concepts import concept_table
from followup.search.queries import SearchRequest, search
from followup.search.query import parse
from followup.search.snippets import ELLIPSIS, SNIPPET_WORDS, highlight, snippet

pytestmark = pytest.mark.django_db

FILLER = "The office met partners and reviewed its plan with local governments. "


def terms(text: str) -> frozenset[str]:
    return parse(text, concept_table()).highlight


def marked(html: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", html)


def test_highlight_marks_every_form_of_the_word():
    title = highlight("Migrants, a migrant and MIGRANTS", "en", terms("migrant"))

    assert title == "<mark>Migrants</mark>, a <mark>migrant</mark> and <mark>MIGRANTS</mark>"


def test_highlight_marks_the_spanish_forms_of_an_english_query():
    title = highlight("Personas migrantes en México", "es", terms("migrants Mexico"))

    assert marked(title) == ["migrantes", "México"]


def test_highlight_ignores_accents_typed_or_not():
    assert marked(highlight("Política de migración", "es", terms("migracion"))) == ["migración"]
    assert marked(highlight("Ninos y ninas", "es", terms("niños"))) == ["Ninos", "ninas"]


def test_highlight_marks_the_other_languages_words_of_a_concept():
    title = highlight("Campaña contra la trata de personas", "es", terms("trafficking"))

    assert "<mark>trata</mark>" in title


def test_highlight_never_marks_stopwords():
    assert marked(highlight("La trata de personas", "es", terms("de la trata"))) == ["trata"]


def test_highlight_escapes_the_source_text():
    title = highlight('<script>alert("x")</script> & trafficking', "en", terms("trafficking"))

    assert title == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>trafficking</mark>"
    )


def test_a_short_text_is_shown_whole_without_ellipses():
    text = "Workshop on remittances for bank staff."

    assert snippet([("en", text)], terms("remittances")) == (
        "Workshop on <mark>remittances</mark> for bank staff."
    )


def test_a_long_text_shows_a_window_around_the_match_with_ellipses():
    text = FILLER * 10 + "A survey on remittances reached households. " + FILLER * 10

    result = snippet([("en", text)], terms("remittances"))

    assert result.startswith(ELLIPSIS)
    assert result.endswith(ELLIPSIS)
    assert "survey on <mark>remittances</mark> reached" in result
    assert len(re.findall(r"\w+", re.sub("<[^>]+>", "", result))) <= SNIPPET_WORDS


def test_a_match_near_the_start_opens_the_snippet_without_ellipsis():
    text = "Remittances survey. " + FILLER * 10

    result = snippet([("en", text)], terms("remittances"))

    assert result.startswith("<mark>Remittances</mark> survey.")
    assert result.endswith(ELLIPSIS)


def test_the_window_holding_most_of_the_words_wins():
    text = (
        "Remittances were mentioned. "
        + FILLER * 6
        + "Consular staff explained how remittances reach Honduras. "
        + FILLER * 6
    )

    result = snippet([("en", text)], terms("consular remittances Honduras"))

    assert marked(result) == ["Consular", "remittances", "Honduras"]


def test_the_section_with_the_match_is_chosen():
    result = snippet(
        [("en", "Annual plan of the office."), ("es", "Encuesta sobre remesas en Honduras.")],
        terms("remesas"),
    )

    assert result == "Encuesta sobre <mark>remesas</mark> en Honduras."


def test_without_a_match_the_snippet_is_the_opening_of_the_text():
    result = snippet([("en", FILLER * 10)], terms("remittances"))

    assert result.startswith("The office met partners")
    assert result.endswith(ELLIPSIS)
    assert marked(result) == []


def test_search_hits_carry_escaped_highlighted_titles_and_snippets(desk):
    desk.entry(
        "iin",
        "<script>alert(1)</script> Remittances survey",
        "Households <b>receiving</b> remittances & savings.",
    )
    desk.publish("iin")

    [hit] = search(SearchRequest(text="remittances", filters={"kind": ("entry",)})).hits

    assert hit.title == ("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Remittances</mark> survey")
    assert hit.snippet == (
        "Households &lt;b&gt;receiving&lt;/b&gt; <mark>remittances</mark> &amp; savings."
    )


def test_a_concept_marks_its_phrases_not_their_single_words():
    text = "Migrants and persons in transit heard a talk on trafficking."

    assert marked(snippet([("en", text)], terms("trafficking"))) == ["trafficking"]


def test_the_snippet_shows_the_word_the_reader_typed():
    text = (
        "Migrants and persons in transit. "
        + FILLER * 6
        + "The session ended with a talk on trafficking. "
        + FILLER * 6
    )

    assert "<mark>trafficking</mark>" in snippet([("en", text)], terms("trafficking"))
