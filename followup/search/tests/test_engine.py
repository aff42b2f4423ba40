"""Ranking, facets, filters, sorting and pages on the real engine (FTS5 or PostgreSQL), with
entries written through the reporting services beside the registry's mandates and activities."""

from dataclasses import replace

import pytest

from followup.program.models import Actor, PopulationGroup, Theme
from followup.search import queries
from followup.search.queries import (
    MAX_PAGE,
    MAX_PER_PAGE,
    SearchRequest,
    facet_counts,
    iter_hits,
    search,
)

pytestmark = pytest.mark.django_db

ENTRIES = {"kind": ("entry",)}
FILLER = (
    "The office met partners, reviewed its yearly plan, hired staff for the regional desk and "
    "published a newsletter on its work with ministries, universities and local governments. "
)


def pk_of(model, slug: str) -> str:
    return str(model.objects.get(slug=slug).pk)


# --- Ranking and sorting -----------------------------------------------------------------------


def test_a_title_match_outranks_a_passing_mention_in_a_long_body(desk):
    passing = desk.entry(
        "iin",
        "Annual summary of the office",
        FILLER * 6 + "One meeting touched on remittances. " + FILLER * 6,
        starts="2031-11",
    )
    titled = desk.entry(
        "iin", "Survey on remittances in Honduras", "Household survey.", starts="2031-02"
    )
    desk.publish("iin")

    assert desk.found("remittances") == [titled.pk, passing.pk]


def test_date_sort_puts_the_newest_first_whatever_the_relevance(desk):
    passing = desk.entry(
        "iin", "Annual summary", FILLER * 4 + "remittances " + FILLER * 4, starts="2031-11"
    )
    titled = desk.entry("iin", "Remittances survey", "Remittances.", starts="2031-02")
    middle = desk.entry("iin", "Remittances desk", "", starts="2031-06-15")
    desk.publish("iin")

    assert desk.found("remittances", sort="date") == [passing.pk, middle.pk, titled.pk]
    assert desk.found("remittances")[-1] == passing.pk


def test_browsing_without_text_sorts_by_date(desk):
    old = desk.entry("iin", "Old", starts="2031-01")
    new = desk.entry("iin", "New", starts="2031-12")
    desk.publish("iin")

    assert desk.found("", filters=ENTRIES) == [new.pk, old.pk]


def test_a_record_with_every_word_is_found_before_falling_back_to_any_word(desk):
    both = desk.entry("iin", "Remittances and consular protection", "")
    desk.entry("iin", "Remittances", "")
    desk.publish("iin")

    results = search(SearchRequest(text="remittances consulates", filters=ENTRIES))

    assert [hit.object_id for hit in results.hits] == [both.pk]
    assert not results.any_words


def test_when_no_record_has_every_word_any_word_is_enough_and_flagged(desk):
    entry = desk.entry("iin", "Remittances survey", "")
    desk.publish("iin")

    results = search(SearchRequest(text="remittances zanzibarite", filters=ENTRIES))

    assert results.any_words
    assert [hit.object_id for hit in results.hits] == [entry.pk]


# --- Pages -------------------------------------------------------------------------------------


@pytest.fixture
def five_consular_entries(desk):
    entries = [
        desk.entry("mex", f"Consular assistance, office {n}", "", starts=f"2031-0{n}")
        for n in range(1, 6)
    ]
    desk.publish("mex")
    return entries


def test_pages_split_the_results_without_gaps_or_repeats(five_consular_entries):
    request = SearchRequest(text="consular", filters=ENTRIES, sort="date", per_page=2)

    pages = [search(replace(request, page=page)) for page in (1, 2, 3)]

    assert [len(page.hits) for page in pages] == [2, 2, 1]
    assert {page.total for page in pages} == {5}
    assert pages[0].pages == 3
    found = [hit.object_id for page in pages for hit in page.hits]
    assert found == [entry.pk for entry in reversed(five_consular_entries)]


def test_a_page_past_the_end_is_empty_but_keeps_the_total(five_consular_entries):
    results = search(SearchRequest(text="consular", filters=ENTRIES, per_page=2, page=9))

    assert results.hits == []
    assert results.total == 5


@pytest.mark.parametrize(
    ("page", "per_page", "read_as"), [(0, 0, (1, 1)), (-3, 10_000, (1, MAX_PER_PAGE))]
)
def test_out_of_range_page_and_size_are_brought_into_range(
    five_consular_entries, page, per_page, read_as
):
    results = search(SearchRequest(text="consular", filters=ENTRIES, page=page, per_page=per_page))

    assert (results.request.page, results.request.per_page) == read_as


def test_an_absurd_page_number_gives_an_empty_page(five_consular_entries):
    results = search(SearchRequest(text="consular", filters=ENTRIES, page=10**19))

    assert results.request.page == MAX_PAGE
    assert (results.hits, results.total) == ([], 5)


def test_iter_hits_streams_every_hit_in_page_order(five_consular_entries):
    request = SearchRequest(text="consular", per_page=3)
    pages = range(1, search(request).pages + 1)
    paged = [
        (hit.kind, hit.object_id)
        for page in pages
        for hit in search(replace(request, page=page)).hits
    ]

    assert len(pages) > 1
    assert [(hit.kind, hit.object_id) for hit in iter_hits(request)] == paged


# --- Filters and facets ------------------------------------------------------------------------


@pytest.fixture
def tagged(desk):
    """Four public entries of hand-known tags, and a draft that could leak into counts."""
    entries = {
        "mex_health": desk.entry(
            "mex",
            "Clínica para migrantes",
            language="es",
            starts="2031-02",
            themes=["health"],
            groups=["irregular-migrants"],
            countries=["MEX"],
        ),
        "gtm_health": desk.entry(
            "gtm",
            "Health fair",
            starts="2031-03",
            themes=["health", "integration"],
            countries=["GTM", "MEX"],
        ),
        "mex_school": desk.entry(
            "mex",
            "Inscripción escolar",
            language="es",
            starts="2032-01",
            themes=["education"],
            groups=["children-adolescents"],
            countries=["MEX"],
        ),
        "col_health": desk.entry(
            "iin",
            "Health of children",
            starts="2032-05",
            themes=["health"],
            groups=["children-adolescents"],
            countries=["COL"],
        ),
    }
    for actor in ("mex", "gtm", "iin"):
        desk.publish(actor)
    entries["draft"] = desk.entry(
        "col", "Draft health plan", themes=["health"], countries=["COL"], starts="2032-07"
    )
    return entries


def ids_of(tagged, *names: str) -> set[int]:
    return {tagged[name].pk for name in names}


def test_values_of_one_facet_are_alternatives(tagged, desk):
    found = desk.found(filters={**ENTRIES, "country": ("GTM", "COL")})

    assert set(found) == ids_of(tagged, "gtm_health", "col_health")


def test_facets_combine(tagged, desk):
    found = desk.found(
        filters={**ENTRIES, "country": ("MEX", "COL"), "theme": (pk_of(Theme, "health"),)}
    )

    assert set(found) == ids_of(tagged, "mex_health", "gtm_health", "col_health")


def test_facets_combine_with_text(tagged, desk):
    found = desk.found("health", filters={"country": ("MEX",), "year": ("2031",)})

    assert set(found) == ids_of(tagged, "mex_health", "gtm_health")


def test_facet_counts_match_hand_counts(tagged):
    health, integration, education = (
        pk_of(Theme, s) for s in ("health", "integration", "education")
    )
    irregular, children = (
        pk_of(PopulationGroup, s) for s in ("irregular-migrants", "children-adolescents")
    )
    mex, gtm, iin = (str(Actor.objects.get(slug=s).pk) for s in ("mex", "gtm", "iin"))

    counts = facet_counts(search(SearchRequest(filters=ENTRIES)))

    assert counts == {
        "kind": {"entry": 4},
        "country": {"MEX": 3, "GTM": 1, "COL": 1},
        "theme": {health: 3, integration: 1, education: 1},
        "group": {irregular: 1, children: 2},
        "actor": {mex: 2, gtm: 1, iin: 1},
        "year": {"2031": 2, "2032": 2},
        "language": {"en": 2, "es": 2},
    }


def test_facet_counts_past_the_sample_are_scaled_estimates(tagged, monkeypatch):
    monkeypatch.setattr(queries, "FACET_SAMPLE", 2)

    results = search(SearchRequest(filters=ENTRIES))
    counts = facet_counts(results)

    # Two of the four entries are sampled and their counts doubled to the total.
    assert queries.facet_counts_estimated(results)
    assert counts["kind"] == {"entry": 4}
    assert sum(counts["language"].values()) == 4


def test_facet_counts_follow_the_text_and_the_filters(tagged):
    health = pk_of(Theme, "health")

    counts = facet_counts(search(SearchRequest(text="health", filters={"country": ("MEX",)})))

    assert counts["country"] == {"MEX": 2, "GTM": 1}
    assert counts["theme"][health] == 2
    assert counts["kind"] == {"entry": 2}


def test_unpublished_entries_stay_out_of_public_results_and_counts(tagged, desk):
    public = search(SearchRequest(text="health plan", filters=ENTRIES))
    counts = facet_counts(search(SearchRequest(filters={**ENTRIES, "country": ("COL",)})))

    assert tagged["draft"].pk not in [hit.object_id for hit in public.hits]
    assert counts["country"] == {"COL": 1}


def test_unpublished_entries_are_found_with_include_unpublished(tagged, desk):
    results = search(
        SearchRequest(text="draft health plan", filters=ENTRIES, include_unpublished=True)
    )
    counts = facet_counts(
        search(SearchRequest(filters={**ENTRIES, "country": ("COL",)}, include_unpublished=True))
    )

    assert [(hit.object_id, hit.public) for hit in results.hits] == [(tagged["draft"].pk, False)]
    assert counts["country"] == {"COL": 2}


def test_unsearchable_text_gives_an_empty_page_and_no_counts(tagged):
    results = search(SearchRequest(text="🙂"))

    assert (results.hits, results.total) == ([], 0)
    assert all(values == {} for values in facet_counts(results).values())


# --- Across languages --------------------------------------------------------------------------


@pytest.fixture
def trafficking(desk):
    entries = {
        "es_tagged": desk.entry(
            "mex",
            "Campaña Corazón Azul",
            "Mensajes en terminales de autobuses.",
            language="es",
            themes=["trafficking-smuggling"],
        ),
        "es_words": desk.entry(
            "mex",
            "Mesa interinstitucional",
            "Atención a víctimas de trata de personas.",
            language="es",
        ),
        "en_tagged": desk.entry(
            "usa",
            "Services for survivors",
            "Grants for service providers.",
            themes=["trafficking-smuggling"],
        ),
        "en_words": desk.entry("usa", "Port officers course", "Indicators of trafficking."),
        "other": desk.entry("usa", "Consular desk", "Passports for nationals abroad."),
    }
    desk.publish("mex")
    desk.publish("usa")
    return entries


def test_trafficking_finds_spanish_entries_by_theme_and_by_their_words(trafficking, desk):
    found = set(desk.found("trafficking"))

    assert found == ids_of(trafficking, "es_tagged", "es_words", "en_tagged", "en_words")


def test_trata_de_personas_finds_english_entries(trafficking, desk):
    found = set(desk.found("trata de personas"))

    assert found == ids_of(trafficking, "es_tagged", "es_words", "en_tagged", "en_words")


def test_the_widening_is_reported_as_the_concept(trafficking):
    theme = Theme.objects.get(slug="trafficking-smuggling")

    results = search(SearchRequest(text="trafficking"))

    assert [(c.key, c.label("es")) for c in results.query.concepts] == [
        (f"theme:{theme.pk}", "Trata de personas y tráfico ilícito de migrantes")
    ]


def test_excluding_the_concept_keeps_only_what_the_words_find(trafficking, desk):
    excluded = frozenset({f"theme:{pk_of(Theme, 'trafficking-smuggling')}"})

    found = set(desk.found("trafficking", excluded=excluded))

    assert found == ids_of(trafficking, "en_words")


def test_a_country_name_in_one_language_finds_records_in_the_other(desk):
    tagged = desk.entry("usa", "Consular cooperation", "", countries=["MEX"])
    named = desk.entry("usa", "Farm visits", "Workers from Mexico.")
    spanish = desk.entry("col", "Visita a México", "", language="es")
    desk.publish("usa")
    desk.publish("col")

    assert set(desk.found("México")) == {tagged.pk, named.pk, spanish.pk}
    assert set(desk.found("Mexico")) == {tagged.pk, named.pk, spanish.pk}


# --- Accents and stemming ----------------------------------------------------------------------


@pytest.fixture
def spelled(desk):
    entries = {
        "accented": desk.entry(
            "col", "Política de migración", "Las personas migrantes.", language="es"
        ),
        "plain": desk.entry(
            "col", "Ninos en la escuela", "Sin tildes: ninos y ninas.", language="es"
        ),
        "english": desk.entry("can", "Migration policy", "Newcomers and migrants."),
    }
    desk.publish("col")
    desk.publish("can")
    return entries


def test_a_query_without_accents_finds_the_accented_word(spelled, desk):
    assert desk.found("migracion") == [spelled["accented"].pk]


def test_a_query_with_accents_finds_the_plain_spelling(spelled, desk):
    assert spelled["plain"].pk in desk.found("niños")


def test_migrants_finds_migrantes_and_the_reverse(spelled, desk):
    both = ids_of(spelled, "accented", "english")

    assert set(desk.found("migrants")) == both
    assert set(desk.found("migrantes")) == both


def test_migration_does_not_reach_migracion_without_a_concept(spelled, desk):
    # Stems are per language and "migration" names no concept: the honest limit.
    assert desk.found("migration") == [spelled["english"].pk]


def test_talleres_finds_a_taller(desk):
    entry = desk.entry("col", "Taller sobre trabajo decente", "", language="es")
    desk.publish("col")

    assert desk.found("talleres") == [entry.pk]


# --- Hostile text ------------------------------------------------------------------------------

HOSTILE = [
    '"trafficking',
    'trafficking"',
    '"""',
    "trafficking AND remesas",
    "trafficking OR",
    "NOT trafficking",
    "NEAR",
    "NEAR(trafficking remesas)",
    "NEAR(a b, 2)",
    "traff*",
    "*",
    "-trafficking",
    "- - -",
    "^trafficking",
    "trafficking:",
    ":",
    "title:trafficking",
    "{title body}: trafficking",
    "(trafficking",
    "trafficking)",
    "((()))",
    "´",
    "¨",
    "~",
    "´¨~^`",
    "e\u0301",
    "\u0301",
    "👩‍👩‍👧 🇲🇽",
    "traf\u200dficking",
    "\u200b\u200c\u200d\ufeff",
    "traf\x00ficking",
    "\x00",
    "x" * 10_000,
    "trafficking " * 1_000,
    " ".join(f"word{n}" for n in range(40)),
    "the of and de la y",
    "⑴ ⒈ 🄁 ½",
    "'; DROP TABLE search_searchdocument; --",
    "a' & b | !c <-> d",
    "\\ \\\\ %s %(x)s",
    "ǅ ﬁ Ⅻ ſ ١٢٣",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_raises(trafficking, text):
    results = search(SearchRequest(text=text))
    counts = facet_counts(results)
    list(iter_hits(SearchRequest(text=text)))

    assert len(results.hits) <= results.total
    assert results.query.unsearchable == (results.expression is None)
    assert set(counts) == {"kind", "country", "theme", "group", "actor", "year", "language"}


@pytest.mark.parametrize("text", ["🙂", "the of and"])
def test_iter_hits_of_unsearchable_text_is_empty_like_the_page(trafficking, text):
    assert search(SearchRequest(text=text)).total == 0
    assert list(iter_hits(SearchRequest(text=text))) == []


def test_a_ten_thousand_character_query_is_cut_and_flagged(trafficking):
    results = search(SearchRequest(text="trafficking " * 1_000))

    assert results.query.truncated
    assert results.total > 0


def test_characters_around_a_word_do_not_hide_it(trafficking, desk):
    plain = set(desk.found("trafficking"))

    for text in ('"trafficking"', "(trafficking)", "-trafficking", "trafficking*", "^trafficking:"):
        assert set(desk.found(text)) == plain, text
