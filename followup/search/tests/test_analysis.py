"""Words → terms: what the analyzers make of English and Spanish, accents and plurals.

These pin the honest behaviour, limits included: stemming joins the forms of one word in one
language, and the few words both languages share; it never translates ("migration" and
"migración" stay apart: only the vocabularies in `concepts.py` bridge the languages).
"""

from followup.search.analysis import MAX_WORD_LENGTH, analyze, fold, terms_text, words


def test_fold_lowercases_and_strips_accents():
    assert [fold(word) for word in ("Perú", "niñas", "MIGRACIÓN", "Haïti", "São")] == [
        "peru",
        "ninas",
        "migracion",
        "haiti",
        "sao",
    ]


def test_words_split_on_punctuation_and_underscores():
    assert list(words("AG/RES. 2883 (XLVI-O/16) snake_case l'État")) == [
        "ag",
        "res",
        "2883",
        "xlvi",
        "o",
        "16",
        "snake",
        "case",
        "l",
        "etat",
    ]


def test_words_cuts_a_very_long_word_instead_of_refusing_it():
    assert list(words("x" * 10_000)) == ["x" * MAX_WORD_LENGTH]


def test_analyze_leaves_out_stopwords_of_both_languages():
    assert analyze("trata de personas", "es") == ["trat", "person"]
    assert analyze("the rights of the migrants", "en") == ["right", "migrant"]
    # A stopword of the other language goes too: "la" in an English text.
    assert analyze("la migration", "en") == ["migrat"]


def test_accents_do_not_matter():
    assert analyze("migración", "es") == analyze("migracion", "es") == ["migracion"]
    assert analyze("niños", "es") == analyze("ninos", "es") == ["nin"]
    assert analyze("México", "es") == analyze("Mexico", "es")


def test_plurals_meet_their_singular_in_each_language():
    assert analyze("migrants", "en") == analyze("migrant", "en")
    assert analyze("personas", "es") == analyze("persona", "es")
    assert analyze("niñas niños", "es") == ["nin", "nin"]


def test_migrantes_and_migrants_share_a_stem():
    assert analyze("migrantes", "es") == analyze("migrants", "en") == ["migrant"]


def test_stemming_does_not_translate():
    # The honest limit: a Spanish text about "migración" is not found by the English word
    # "migration" through analysis; only concepts (themes, groups…) bridge the languages.
    assert analyze("migration", "en") == ["migrat"]
    assert analyze("migración", "es") == ["migracion"]
    assert analyze("trafficking", "en") != analyze("trata", "es")


def test_spanish_snowball_gives_taller_and_talleres_different_stems():
    # Why "talleres" misses texts saying "taller" unless a vocabulary lists both forms.
    assert analyze("taller", "es") == ["tall"]
    assert analyze("talleres", "es") == ["taller"]


def test_terms_text_is_what_the_engines_store():
    assert terms_text("Trata de Personas en Perú", "es") == "trat person peru"
