"""A person's query → an expression the engines can run. Text is never syntax.

Quotes, AND, OR, NEAR, "*", "-", parentheses, lone accents and emoji are only characters: the
query is reduced to its words, each word becomes one required term (its English and Spanish
stems, either of which may match), and words that name a concept (see `concepts.py`) are
widened to it. Engines receive the tree below and write it in their own syntax from words
that are letters and digits only, so nothing a person types can break the engine's parser.
"""

from dataclasses import dataclass, field

from followup.search.analysis import STOPWORDS, stem, words
from followup.search.concepts import Concept, ConceptMatch, ConceptTable

MAX_QUERY_CHARS = 300
MAX_WORDS = 16
VARIANT_LANGUAGES = ("en", "es")
# Words of the Program's own subject, folded: see `parse`.
DOMAIN_WORDS = frozenset(
    [
        "migrant",
        "migrants",
        "migrante",
        "migrantes",
        "migration",
        "migrations",
        "migracion",
        "migraciones",
        "migratory",
        "migratorio",
        "migratoria",
        "migratorios",
        "migratorias",
    ]
)


@dataclass(frozen=True)
class Term:
    variants: tuple[str, ...]


@dataclass(frozen=True)
class Phrase:
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Tag:
    token: str


@dataclass(frozen=True)
class All:
    parts: tuple["Expression", ...]


@dataclass(frozen=True)
class Any:
    parts: tuple["Expression", ...]


Expression = Term | Phrase | Tag | All | Any


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    truncated: bool
    words: tuple[str, ...]
    # Concepts the query was widened to, shown as removable chips.
    concepts: tuple[Concept, ...]
    # None when the query has no words: every document matches.
    expression: Expression | None
    # The same words with any of them enough, tried when all of them find nothing.
    any_expression: Expression | None
    # Stems to mark in titles and snippets; a phrase's stems joined by spaces.
    highlight: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_empty(self) -> bool:
        """No words at all: every document matches (browsing with facets)."""
        return self.expression is None and not self.unsearchable

    @property
    def unsearchable(self) -> bool:
        """Text was typed but none of it can be searched (emoji, punctuation, stopwords)."""
        return self.expression is None and bool(self.text.strip())


def parse(text: str, table: ConceptTable, excluded: frozenset[str] = frozenset()) -> ParsedQuery:
    """Parse `text`; `excluded` holds keys of concepts the reader removed."""
    kept = text[:MAX_QUERY_CHARS]
    all_words = [word for word in words(kept) if word not in STOPWORDS]
    truncated = len(text) > MAX_QUERY_CHARS or len(all_words) > MAX_WORDS
    query_words = tuple(dict.fromkeys(all_words[:MAX_WORDS]))  # repeated words add nothing
    if not query_words:
        return ParsedQuery(kept, truncated, (), (), None, None)

    terms = [_term(word) for word in query_words]
    matches = [m for m in table.find(query_words) if m.concept.key not in excluded]
    spans = _spans(matches)
    parts: list[Expression] = []
    position = 0
    # Every record here is about migrants: beside other words, "migrants" only hides the
    # records that say "refugees" or "migración" instead. Inside a concept ("migrant workers")
    # it still counts.
    optional = len(query_words) > 1 and any(w not in DOMAIN_WORDS for w in query_words)
    while position < len(terms):
        span = spans.get(position)
        if span is None:
            if not (optional and query_words[position] in DOMAIN_WORDS):
                parts.append(terms[position])
            position += 1
            continue
        end, concepts = span
        parts.append(_widened(terms[position:end], concepts))
        position = end
    highlight = {variant for term in terms for variant in term.variants}
    used = tuple({c.key: c for _, concepts in spans.values() for c in concepts}.values())
    for concept in used:
        # A widened concept's names are marked whole: "IACHR" for "CIDH", "trata de
        # personas" for "trafficking" — never "personas" alone (see `snippets`).
        highlight.update(" ".join(phrase) for _, phrase in concept.phrases)
    return ParsedQuery(
        text=kept,
        truncated=truncated,
        words=query_words,
        concepts=used,
        expression=_all(parts),
        any_expression=Any(tuple(parts)) if len(parts) > 1 else None,
        highlight=frozenset(highlight),
    )


def _term(word: str) -> Term:
    return Term(tuple(sorted({stem(word, language) for language in VARIANT_LANGUAGES})))


def _spans(matches: list[ConceptMatch]) -> dict[int, tuple[int, list[Concept]]]:
    """Start → (end, concepts) for non-overlapping spans, longest first: "Papua New Guinea"
    is one country, not Guinea too. Concepts sharing a span are all kept."""
    spans: dict[int, tuple[int, list[Concept]]] = {}
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        covered = set(range(match.start, match.end))
        existing = spans.get(match.start)
        if existing and existing[0] == match.end:
            existing[1].append(match.concept)
        elif not covered & taken:
            spans[match.start] = (match.end, [match.concept])
            taken |= covered
    return spans


def _widened(terms: list[Term], concepts: list[Concept]) -> Expression:
    options: list[Expression] = [_all(list(terms))]
    for concept in concepts:
        options += [Tag(token) for token in concept.tokens]
        options += [Phrase(phrase) for _, phrase in concept.phrases]
    return Any(tuple(dict.fromkeys(options)))


def _all(parts: list[Expression]) -> Expression:
    return parts[0] if len(parts) == 1 else All(tuple(parts))
