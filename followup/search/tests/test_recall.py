"""Recall@20 of the bilingual recall set (`recall_set.py`) in each query direction.

Measured on the 50 pairs with the vocabulary as shipped (SQLite FTS5 and PostgreSQL 15 alike
to two decimals): English queries 0.98, Spanish queries 0.97. The floors sit just below. The
pairs under 1.0 are listed in KNOWN_GAPS with their cause; every other pair must stay perfect,
so a change that loses a record a pair found fails here by name. `bench/search_recall.py`
prints the full table for docs/benchmarks.md.
"""

import pytest

from followup.search.queries import SearchRequest, search
from followup.search.tests import recall_set

pytestmark = pytest.mark.django_db

FLOOR_EN = 0.96
FLOOR_ES = 0.95

_GLOSSARY = "a word outside the vocabularies is never translated"
KNOWN_GAPS = {
    "campaign against xenophobia": _GLOSSARY + " (campaign/campaña)",
    "IACHR hearings": _GLOSSARY + " (hearing/audiencia)",
    "migrant workers": "ranking: tag-only matches fall below words shared by chance; and "
    "'trabajadoras domésticas migrantes' is not the phrase 'trabajadoras migrantes'",
    "migrant women": "'trabajadoras domésticas migrantes' names no women (beyond keywords)",
    # PostgreSQL only: ts_rank puts a recommendation tagged with the group just past 20th.
    "irregular migrants": "ranking: 13 expected records, one of them 21st on PostgreSQL",
}


@pytest.fixture
def corpus(secretariat):
    return recall_set.load_corpus(by=secretariat)


def test_the_recall_set_is_bilingual_and_complete(corpus):
    unknown = {key for pair in recall_set.PAIRS for key in pair.expected} - set(corpus)
    written = [
        *recall_set.ENTRIES,
        *recall_set.RECOMMENDATIONS,
        *recall_set.MEETINGS,
    ]

    assert len(recall_set.PAIRS) >= 40
    assert 80 <= len(written) <= 120
    assert unknown == set()
    for pair in recall_set.PAIRS:
        languages = {recall_set.languages_of(key) for key in pair.expected}
        # Each query must reach records written only in the other language.
        assert {frozenset({"en"}), frozenset({"es"})} <= languages, pair.en


def test_recall_at_20_in_each_direction(corpus, record_property):
    results = recall_set.measure(corpus)
    recall_en = recall_set.mean(result.en.recall for result in results)
    recall_es = recall_set.mean(result.es.recall for result in results)
    record_property("recall_en", round(recall_en, 3))
    record_property("recall_es", round(recall_es, 3))
    print("\n".join(recall_set.table(results)))  # shown with -s or -rP

    below = {r.pair.en for r in results if min(r.en.recall, r.es.recall) < 1}
    assert recall_en >= FLOOR_EN
    assert recall_es >= FLOOR_ES
    assert below - set(KNOWN_GAPS) == set()


def test_unpublished_entries_never_reach_public_results(corpus):
    hidden = recall_set.unpublished_keys()
    names = {corpus[key]: key for key in hidden}
    queries = ("trafficking", "trata de personas", "Paraguay", "Belize", "human trafficking")

    public = {q: recall_set.top_keys(q, corpus) for q in queries}
    private = {
        key
        for q in queries
        for hit in search(SearchRequest(text=q, per_page=100, include_unpublished=True)).hits
        if (key := names.get((hit.kind, hit.object_id)))
    }

    assert all(hidden.isdisjoint(top) for top in public.values())
    assert private == hidden
