"""Which actor of the Program's registry a heading or a line of text is about.

Documents name actors in many ways: the full name in English or Spanish, with or without an
article, the acronym in either language ("IACHR"/"CIDH"), a shortened name ("General
Secretariat"), a typo ("Inter-American Commission of Human Rights"). `ActorIndex` turns the
registry into a token index once, so a line costs a few dictionary look-ups: imports read
thousands of lines a second.

Names are compared on folded tokens (lower case, no accents, punctuation dropped), so hyphens,
apostrophes and spacing never matter. A name of 20 characters or more may be two edits off,
one of 12 to 19 one edit; shorter names must be exact, since "Chile" one letter off is another
word. Acronyms are compared case-sensitively and never fuzzily: "CIM" is an acronym, "cim" is
not, and one letter off is another acronym.
"""

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models.signals import post_delete, post_save

from followup.countries import country_name
from followup.program.models import Actor

_WORD = re.compile(r"[^\W_]+")
# An acronym right before "/RES" or "/DEC" is the body of a mandate symbol ("CIM/RES. 252"),
# and "DEC" right after a slash is the kind of one ("AG/DEC. 88"): neither names an actor.
_SYMBOL_AFTER = re.compile(r"\s*/\s*(?:RES|DEC)\b", re.IGNORECASE)
_SYMBOL_KIND = re.compile(r"\.?\s*\d")
# Nor is an abbreviation before a number: "DEC. 2016" is a month.
_ABBREVIATION_BEFORE_NUMBER = re.compile(r"\.\s*\d")

# The committee that runs the Program is named in most of its documents; a line naming it
# beside another actor ("CAM-IACHR meeting") is about the other one.
COMMITTEE_SLUG = "cam"
# A later mention of a unit of the actor named first, this close (in words), is the more
# specific actor: "Secretariat for Multidimensional Security, Department of Public Security".
_UNIT_DISTANCE = 8

# Ways documents name actors that cannot be derived from the registry's names.
ALIASES: dict[str, tuple[str, ...]] = {
    "summits": (
        "Summits Secretariat",
        "Secretariat of the Summits of the Americas",
        "Secretaría de Cumbres",
    ),
    "sedi-migration": ("Office of the Executive Secretary for Integral Development",),
    "ilo": ("International Labor Organization",),
    "sacm": ("Conferencia Sudamericana sobre Migraciones",),
    "simn": ("Scalabrini",),
    "usa": ("United States of America", "Estados Unidos de América"),
    # Mexico's official name starts with the name of another member state.
    "mex": ("United Mexican States", "Estados Unidos Mexicanos"),
}
# Names matched as written, like acronyms: in lower case they are ordinary words ("a labor
# migration program"), and ISO codes are not used for states ("PER" and "CAN" are words too).
EXACT_ALIASES: dict[str, tuple[str, ...]] = {
    "sedi-migration": ("Migration Program", "Programa de Migración"),
    "usa": ("USA", "U.S.", "EE.UU.", "EEUU"),
}
# Names that contain an actor's name but are another body, or a place: matched so that the
# words they cover are not read as the actor.
NOT_ACTORS: tuple[str, ...] = (
    "Special Committee on Migration Issues",
    "Comisión Especial de Asuntos Migratorios",
    "New Mexico",
    "Nuevo México",
)

# Trailing qualifiers a document usually drops: "General Secretariat (of the OAS)".
_SUFFIXES = (
    ("of", "the", "organization", "of", "american", "states"),
    ("de", "la", "organizacion", "de", "los", "estados", "americanos"),
)
_PREFIXES = (("office", "of", "the"), ("oficina", "del"))
_STOPWORDS = frozenset(
    {"of", "the", "for", "on", "and", "de", "del", "la", "las", "los", "el", "y", "para", "sobre"}
)
_SPANISH_WORDS = frozenset({"de", "del", "la", "las", "los", "el", "y", "para", "por", "en"})
_ENGLISH_WORDS = frozenset({"the", "of", "and", "for", "by", "on", "in", "to"})
_NO_ACTOR = -1
_MIN_FUZZY_LENGTH = 12
_LONG_NAME = 20


@dataclass(frozen=True)
class ActorMatch:
    pk: int
    slug: str
    category: str
    name: str  # in the language of the text (English when it cannot tell)
    acronym: str | None
    span: tuple[int, int]  # characters [start, end) of the text that named the actor


@dataclass(frozen=True)
class _Actor:
    pk: int
    slug: str
    category: str
    names: dict[str, str]  # language → name
    acronyms: dict[str, str]  # language → acronym ("" when none)
    parent: int | None


@dataclass(frozen=True)
class _Variant:
    actor: int  # position in ActorIndex.actors, or _NO_ACTOR
    tokens: tuple[str, ...]
    language: str  # "en", "es" or "" when the same in both
    content: int = 0  # how many of its words are not stopwords


@dataclass(frozen=True)
class _Mention:
    actor: int
    first: int  # token positions [first, last)
    last: int
    language: str


def fold(word: str) -> str:
    """A word as names are compared: lower case, without accents."""
    word = word.lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(fold(word) for word in _WORD.findall(name))


def _name_forms(name: str) -> set[tuple[str, ...]]:
    """The name and the shortened forms documents use for it."""
    forms = {_name_tokens(name)}
    if "(" in name:  # "Regional Conference on Migration (Puebla Process)"
        outside = re.sub(r"\([^)]*\)", " ", name)
        forms.add(_name_tokens(outside))
        for inside in re.findall(r"\(([^)]*)\)", name):
            if len(_WORD.findall(inside)) > 1:
                forms.add(_name_tokens(inside))
    if "," in name:  # "Migration and Development Program, Office of the Executive Secretary…"
        head = name.split(",", 1)[0]
        if len(_WORD.findall(head)) > 1:
            forms.add(_name_tokens(head))
    for form in list(forms):
        for suffix in _SUFFIXES:
            if len(form) > len(suffix) + 1 and form[-len(suffix) :] == suffix:
                forms.add(form[: -len(suffix)])
        for prefix in _PREFIXES:
            if len(form) > len(prefix) + 1 and form[: len(prefix)] == prefix:
                forms.add(form[len(prefix) :])
    for form in list(forms):
        # "The Bahamas"; not "El Salvador", where the article is part of the name.
        if len(form) > 1 and form[0] == "the":
            forms.add(form[1:])
        if len(form) > 1 and form[0] == "saint":
            forms.add(("st", *form[1:]))
    forms.discard(())
    return forms


class ActorIndex:
    """The registry's actors, indexed for matching; build it with `ActorIndex.load()`."""

    def __init__(self, actors: Iterable[_Actor]) -> None:
        self.actors = list(actors)
        self._names: dict[str, list[_Variant]] = defaultdict(list)
        self._acronyms: dict[str, list[_Variant]] = defaultdict(list)
        # Content word → (variant, position of the word in it), for names long enough that
        # a typo is told apart from another name.
        self._fuzzy: dict[str, list[tuple[_Variant, int]]] = defaultdict(list)
        by_slug = {actor.slug: position for position, actor in enumerate(self.actors)}
        self._parents = {actor.pk: actor.parent for actor in self.actors}
        self._committee = by_slug.get(COMMITTEE_SLUG, _NO_ACTOR)
        for position, actor in enumerate(self.actors):
            self._add_names(position, actor)
            english, spanish = actor.acronyms["en"], actor.acronyms["es"]
            if english == spanish:  # "CIM", "SEDI": the text's words tell the language
                english, spanish = "", ""
                self._add_acronym(position, actor.acronyms["en"], "")
            for acronym, language in ((english, "en"), (spanish, "es")):
                if acronym:
                    self._add_acronym(position, acronym, language)
        for slug, names in ALIASES.items():
            if slug in by_slug:
                for name in names:
                    self._add_name(by_slug[slug], _name_tokens(name), _language_of(name))
        for slug, acronyms in EXACT_ALIASES.items():
            if slug in by_slug:
                for acronym in acronyms:
                    self._add_acronym(by_slug[slug], acronym, "")
        for name in NOT_ACTORS:
            self._add_name(_NO_ACTOR, _name_tokens(name), "")
        for table in (self._names, self._acronyms):
            for variants in table.values():
                variants.sort(key=lambda variant: -len(variant.tokens))

    @classmethod
    def load(cls) -> "ActorIndex":
        """The index of the actors in the database: one query."""
        rows = Actor.objects.values_list(
            "pk", "slug", "category", "name_en", "name_es", "acronym_en", "acronym_es",
            "parent_id", "country",
        )  # fmt: skip
        actors = []
        for pk, slug, category, name_en, name_es, acronym_en, acronym_es, parent, country in rows:
            names = {"en": name_en, "es": name_es}
            if country:
                names["en_country"] = country_name(country, "en")
                names["es_country"] = country_name(country, "es")
            actors.append(
                _Actor(pk, slug, category, names, {"en": acronym_en, "es": acronym_es}, parent)
            )
        return cls(actors)

    def _add_names(self, position: int, actor: _Actor) -> None:
        forms: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for key, name in actor.names.items():
            for form in _name_forms(name):
                forms[form].add(key[:2])
        for form, languages in forms.items():
            self._add_name(position, form, languages.pop() if len(languages) == 1 else "")

    def _add_name(self, actor: int, tokens: tuple[str, ...], language: str) -> None:
        content = sum(word not in _STOPWORDS for word in tokens)
        variant = _Variant(actor, tokens, language, content)
        self._names[tokens[0]].append(variant)
        if actor != _NO_ACTOR and len(" ".join(tokens)) >= _MIN_FUZZY_LENGTH and content > 1:
            for offset, word in enumerate(tokens):
                if word not in _STOPWORDS:
                    self._fuzzy[word].append((variant, offset))

    def _add_acronym(self, actor: int, acronym: str, language: str) -> None:
        tokens = tuple(_WORD.findall(acronym))
        if not tokens:
            return
        self._acronyms[tokens[0]].append(_Variant(actor, tokens, language))

    # --- matching ---------------------------------------------------------------------------

    def mentions(self, text: str) -> list[ActorMatch]:
        """Every actor named in `text`, in order (one entry per mention)."""
        words = list(_WORD.finditer(text))
        return [self._to_match(text, words, mention) for mention in self._mentions(text, words)]

    def match(self, text: str) -> ActorMatch | None:
        """The actor `text` is about: the first named, made more specific by a unit of it named
        right after, and never the committee itself when another actor is named."""
        words = list(_WORD.finditer(text))
        mentions = self._mentions(text, words)
        if not mentions:
            return None
        chosen = mentions[0]
        if chosen.actor == self._committee:
            others = [
                mention
                for mention in mentions
                if mention.actor != self._committee
                and not self._is_ancestor(mention.actor, self._committee)
            ]
            chosen = others[0] if others else chosen
        for mention in mentions:
            if (
                mention.first >= chosen.last
                and mention.first - chosen.last <= _UNIT_DISTANCE
                and self._is_ancestor(chosen.actor, mention.actor)
            ):
                chosen = mention
        return self._to_match(text, words, chosen)

    def _mentions(self, text: str, words: list[re.Match[str]]) -> list[_Mention]:
        folded = [fold(word.group()) for word in words]
        exact: list[_Mention] = []
        position = 0
        while position < len(words):
            found = self._exact_at(text, words, folded, position)
            if found is None:
                position += 1
                continue
            exact.append(found)
            position = found.last
        mentions = exact + self._fuzzy_mentions(folded, exact)
        mentions.sort(key=lambda mention: mention.first)
        return [mention for mention in mentions if mention.actor != _NO_ACTOR]

    def _exact_at(
        self, text: str, words: list[re.Match[str]], folded: list[str], position: int
    ) -> _Mention | None:
        best: _Mention | None = None
        for variant in self._names.get(folded[position], ()):
            end = position + len(variant.tokens)
            if tuple(folded[position:end]) == variant.tokens:
                best = _Mention(variant.actor, position, end, variant.language)
                break  # variants are sorted longest first
        original = words[position].group()
        for variant in self._acronyms.get(original, ()):
            end = position + len(variant.tokens)
            if best is not None and end <= best.last:
                break
            candidate = tuple(word.group() for word in words[position:end])
            if candidate == variant.tokens and not _is_symbol_part(text, words, position, end):
                best = _Mention(variant.actor, position, end, variant.language)
                break
        return best

    def _fuzzy_mentions(self, folded: list[str], exact: list[_Mention]) -> list[_Mention]:
        taken = [False] * len(folded)
        for mention in exact:
            taken[mention.first : mention.last] = [True] * (mention.last - mention.first)
        votes: dict[tuple[_Variant, int], int] = defaultdict(int)
        for position, word in enumerate(folded):
            if not taken[position]:
                for variant, offset in self._fuzzy.get(word, ()):
                    votes[variant, position - offset] += 1
        found: list[tuple[int, _Mention]] = []
        for (variant, start), count in votes.items():
            # A typo of up to two characters changes at most two words of the name.
            if count < max(2, variant.content - 2):
                continue
            best = _closest_window(variant, start, folded, taken)
            if best is not None:
                found.append(best)
        chosen: list[_Mention] = []
        for _distance, mention in sorted(found, key=lambda item: (item[0], item[1].first)):
            if all(mention.last <= other.first or mention.first >= other.last for other in chosen):
                chosen.append(mention)
        return chosen

    def _is_ancestor(self, ancestor: int, actor: int) -> bool:
        if ancestor == _NO_ACTOR or actor == _NO_ACTOR:
            return False
        pk = self.actors[ancestor].pk
        parent = self.actors[actor].parent
        for _step in self.actors:  # bounded, in case the registry ever holds a cycle
            if parent is None:
                return False
            if parent == pk:
                return True
            parent = self._parents.get(parent)
        return False

    def _to_match(self, text: str, words: list[re.Match[str]], mention: _Mention) -> ActorMatch:
        actor = self.actors[mention.actor]
        language = mention.language or _guess_language(words)
        other = "en" if language == "es" else "es"
        name = actor.names.get(language) or actor.names["en"]
        acronym = actor.acronyms.get(language) or actor.acronyms.get(other) or None
        start, end = words[mention.first].start(), words[mention.last - 1].end()
        # "U.S." keeps its final dot; "IACHR." at the end of a sentence does not.
        if text[end : end + 1] == "." and "." in text[start:end]:
            end += 1
        return ActorMatch(actor.pk, actor.slug, actor.category, name, acronym, (start, end))


def _is_symbol_part(text: str, words: list[re.Match[str]], first: int, last: int) -> bool:
    end = words[last - 1].end()
    if _SYMBOL_AFTER.match(text, end) or _ABBREVIATION_BEFORE_NUMBER.match(text, end):
        return True
    start = words[first].start()
    if start > 0 and text[start - 1] == "/" and _SYMBOL_KIND.match(text, end):
        return True
    # A document symbol or an address ("CP/CAJP-2456/07", "…/Informe-CIDH-CAM.docx") is not
    # a mention of the actors whose acronyms it contains.
    if "/" not in text:
        return False
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    word = text[start:end]  # the acronym with what is written around it, up to spaces
    return "/" in word and any(char.isdigit() for char in word)


def _closest_window(
    variant: _Variant, start: int, folded: list[str], taken: list[bool]
) -> tuple[int, _Mention] | None:
    target = " ".join(variant.tokens)
    limit = 2 if len(target) >= _LONG_NAME else 1
    size = len(variant.tokens)
    best: tuple[int, _Mention] | None = None
    # A merged or split word shifts the alignment by one either way.
    for first in (start - 1, start, start + 1):
        for length in (size - 1, size, size + 1):
            last = first + length
            if first < 0 or length < 1 or last > len(folded) or any(taken[first:last]):
                continue
            distance = edit_distance(target, " ".join(folded[first:last]), limit)
            if distance is not None and (best is None or distance < best[0]):
                best = (distance, _Mention(variant.actor, first, last, variant.language))
    return best


def edit_distance(a: str, b: str, limit: int) -> int | None:
    """Levenshtein distance of `a` and `b` when it is at most `limit`, else None.

    Only the diagonal band of width `limit` is computed, so long names cost little.
    """
    if abs(len(a) - len(b)) > limit:
        return None
    over = limit + 1
    previous = [j if j <= limit else over for j in range(len(b) + 1)]
    for i, char in enumerate(a, 1):
        current = [over] * (len(b) + 1)
        current[0] = i if i <= limit else over
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            cost = 0 if char == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, over)
        if min(current) > limit:
            return None
        previous = current
    return previous[-1] if previous[-1] <= limit else None


def _language_of(name: str) -> str:
    words = {fold(word) for word in _WORD.findall(name)}
    if words & _SPANISH_WORDS or any(not word.isascii() for word in _WORD.findall(name)):
        return "es"
    return "en"


def _guess_language(words: list[re.Match[str]]) -> str:
    spanish = english = 0
    for word in words:
        lowered = word.group().lower()
        spanish += lowered in _SPANISH_WORDS
        english += lowered in _ENGLISH_WORDS
    return "es" if spanish > english else "en"


# --- the shared index -----------------------------------------------------------------------


@functools.cache
def actor_index() -> ActorIndex:
    """The index of the registry, loaded on first use and kept until an actor changes."""
    return ActorIndex.load()


def clear_actor_index(**_signal: Any) -> None:
    """Forget the shared index; the next match loads it again."""
    actor_index.cache_clear()


post_save.connect(clear_actor_index, sender=Actor, dispatch_uid="ingest.actors.clear_index")
post_delete.connect(clear_actor_index, sender=Actor, dispatch_uid="ingest.actors.clear_index")


def match_actor(text: str, index: ActorIndex | None = None) -> ActorMatch | None:
    """The registry actor a heading or line names first and foremost, or None."""
    return (index or actor_index()).match(text)
