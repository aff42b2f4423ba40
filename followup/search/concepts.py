"""Concepts a query can name: the registry's themes, population groups, actors and countries.

Each concept has phrases in English and Spanish (labels, names, acronyms, the keywords of
`vocabulary_terms.py`), analysed in their own language. A query naming a concept in either
language is widened to the concept: records tagged with it, and records that use any of its
phrases. The table is built from the database and kept for a minute per process; saving a
term clears it here at once.
"""

import re
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from threading import Lock

import pycountry

from followup.countries import country_name
from followup.search.analysis import analyze
from followup.search.vocabulary_terms import COUNTRY_KEYWORDS, KEYWORDS

LANGUAGES = ("en", "es")
TOKEN_PREFIX = {
    "theme": "xt",
    "group": "xg",
    "country": "xc",
    "actor": "xa",
    "kind": "xk",
    "year": "xy",
    "language": "xl",
}
# Carried by documents the public may not find: a public search is "… NOT xhidden", which
# costs the engine almost nothing, as few documents carry it.
HIDDEN_TOKEN = "xhidden"  # noqa: S105 - an index word, not a secret
# Acronyms shorter than this ("CP") are ordinary words too often to widen a query.
MIN_ACRONYM = 3
CACHE_SECONDS = 60.0
_NOT_ALNUM = re.compile(r"[^0-9a-z]")

Phrase = tuple[str, ...]


def tag_token(facet: str, value: str) -> str:
    """The index token of a facet value: ("country", "MEX") → "xcmex"; alphanumeric only, so
    every engine tokenizes it as one word."""
    return TOKEN_PREFIX[facet] + _NOT_ALNUM.sub("", value.lower())


@dataclass(frozen=True)
class Concept:
    facet: str
    value: str
    labels: dict[str, str]
    # (language, analysed phrase): matching compares English stems with English stems.
    phrases: tuple[tuple[str, Phrase], ...]
    tokens: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.facet}:{self.value}"

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels["en"]


@dataclass(frozen=True)
class ConceptMatch:
    concept: Concept
    start: int
    end: int  # exclusive


class ConceptTable:
    def __init__(self, concepts: Iterable[Concept]) -> None:
        self.concepts = {concept.key: concept for concept in concepts}
        # (language, first term) → phrases starting with it, for a scan linear in the query.
        self._starts: dict[tuple[str, str], list[tuple[Phrase, Concept]]] = defaultdict(list)
        for concept in self.concepts.values():
            for language, phrase in concept.phrases:
                self._starts[(language, phrase[0])].append((phrase, concept))

    def find(self, words: Sequence[str]) -> list[ConceptMatch]:
        """Every concept whose phrase appears in `words` (folded, without stopwords)."""
        found: dict[tuple[str, int, int], ConceptMatch] = {}
        for language in LANGUAGES:
            terms = analyze(" ".join(words), language)
            for start, term in enumerate(terms):
                for phrase, concept in self._starts.get((language, term), ()):
                    end = start + len(phrase)
                    if tuple(terms[start:end]) == phrase:
                        found[(concept.key, start, end)] = ConceptMatch(concept, start, end)
        return list(found.values())


def _concept(
    facet: str,
    value: str,
    labels: dict[str, str],
    texts: Iterable[tuple[str, str]],
    tokens: tuple[str, ...] = (),
) -> Concept | None:
    phrases: list[tuple[str, Phrase]] = []
    for language, text in texts:
        phrase = (language, tuple(analyze(text, language)))
        if phrase[1] and phrase not in phrases:
            phrases.append(phrase)
    if not phrases:
        return None
    return Concept(facet, value, labels, tuple(phrases), tokens or (tag_token(facet, value),))


def _vocabulary_concepts(facet: str, terms: Iterable[object]) -> Iterable[Concept | None]:
    for term in terms:
        slug, pk = term.slug, term.pk  # type: ignore[attr-defined]
        labels = {"en": term.label_en, "es": term.label_es}  # type: ignore[attr-defined]
        texts = [(language, labels[language]) for language in LANGUAGES]
        for language in LANGUAGES:
            texts += [(language, word) for word in KEYWORDS.get(slug, {}).get(language, [])]
        yield _concept(facet, str(pk), labels, texts)


def build_table() -> ConceptTable:
    from followup.program.models import Actor, PopulationGroup, Theme

    concepts: list[Concept | None] = []
    concepts += _vocabulary_concepts("theme", Theme.objects.all())
    concepts += _vocabulary_concepts("group", PopulationGroup.objects.all())
    state_actors: dict[str, int] = {}
    for actor in Actor.objects.all():
        if actor.country:
            # A member state is found as its country (below), which also covers its reports.
            state_actors[actor.country] = actor.pk
            continue
        texts = [("en", actor.name_en), ("es", actor.name_es)]
        texts += [
            (language, acronym)
            for language, acronym in (("en", actor.acronym_en), ("es", actor.acronym_es))
            if len(acronym) >= MIN_ACRONYM
        ]
        labels = {"en": actor.acronym_en or actor.name_en, "es": actor.acronym_es or actor.name_es}
        concepts.append(_concept("actor", str(actor.pk), labels, texts))
    for country in pycountry.countries:
        code = country.alpha_3
        labels = {language: country_name(code, language) for language in LANGUAGES}
        tokens: tuple[str, ...] = (tag_token("country", code),)
        if code in state_actors:
            tokens += (tag_token("actor", str(state_actors[code])),)
        texts = [(language, labels[language]) for language in LANGUAGES]
        for language in LANGUAGES:
            texts += [(language, word) for word in COUNTRY_KEYWORDS.get(code, {}).get(language, [])]
        concepts.append(_concept("country", code, labels, texts, tokens))
    return ConceptTable(concept for concept in concepts if concept is not None)


_cache: tuple[float, ConceptTable] | None = None
_lock = Lock()


def concept_table() -> ConceptTable:
    global _cache
    with _lock:
        if _cache is None or time.monotonic() - _cache[0] > CACHE_SECONDS:
            _cache = (time.monotonic(), build_table())
        return _cache[1]


def clear_cache(**_: object) -> None:
    global _cache
    with _lock:
        _cache = None
