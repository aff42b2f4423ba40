"""Text analysis shared by indexing, querying and snippets: words → search terms.

We analyse in Python instead of in the database so that SQLite and PostgreSQL index exactly the
same terms, and both stem Spanish as well as English (FTS5 only knows Porter's English stemmer).
A term is a word lowercased, stripped of accents, then stemmed by the Snowball stemmer of its
text's language: "Migración" and "migracion" both become "migracion", "migrantes" "migrant".
Accents go before stemming so a query typed without them meets the same stem.
"""

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import snowballstemmer

# Letters and digits; "_" and punctuation separate words, so "AG/RES." gives "ag", "res".
WORD = re.compile(r"[^\W_]+")
# Longer "words" are noise (a pasted hash, a 10,000-character query); they are cut, not refused.
MAX_WORD_LENGTH = 40

_STEMMERS = {"en": "english", "es": "spanish", "fr": "french", "pt": "portuguese"}

# Words too common to help ranking; left out of the index and of queries in every language, so
# "trata de personas" is two terms. Short lists on purpose: a stopword can never be found.
_STOPWORDS_EN = "a an and are as at be by for from has have in is it its of on or that the this to"
_STOPWORDS_EN += " was were which with within"
_STOPWORDS_ES = "al con de del el en es la las lo los o para por que se su sus un una unos unas y"
STOPWORDS = frozenset(f"{_STOPWORDS_EN} {_STOPWORDS_ES}".split(" "))


def fold(word: str) -> str:
    """Lowercase without accents: "Perú" → "peru", "niñas" → "ninas"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=4)
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_STEMMERS.get(language, "english"))


@lru_cache(maxsize=200_000)
def stem(folded: str, language: str) -> str:
    """The search term of an already folded word in `language` (cached: vocabularies are small)."""
    return str(_stemmer(language).stemWord(folded))


def words(text: str) -> Iterator[str]:
    """Folded words of `text`, stopwords included (phrases and snippets need positions)."""
    for match in WORD.finditer(text):
        yield fold(match.group())[:MAX_WORD_LENGTH]


def analyze(text: str, language: str) -> list[str]:
    """The terms `text` is indexed under, in order, stopwords left out."""
    return [stem(word, language) for word in words(text) if word not in STOPWORDS]


def terms_text(text: str, language: str) -> str:
    """`analyze` joined by spaces: what the engines store and tokenize on whitespace."""
    return " ".join(analyze(text, language))


def is_stopword(folded: str) -> bool:
    return folded in STOPWORDS
