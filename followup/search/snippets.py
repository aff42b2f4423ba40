"""Highlighted titles and snippets, made from the stored original text.

Each word is analysed as it was indexed (the section's language), so "migrantes" is marked for
a query "migrant". Done in Python rather than by the engine: the engines hold analysed terms
only, and both databases then show the very same snippet. `terms` holds single terms and
phrases (terms joined by a space, see `query.ParsedQuery.highlight`): a phrase is marked only
where its words stand together, so "trafficking" marks "trata de personas" but not every
"personas".
"""

import re
from collections import defaultdict
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from followup.search.analysis import WORD, fold, is_stopword, stem

SNIPPET_WORDS = 32
# Long texts are looked at up to here: a snippet is a taste, not a reading.
MAX_SCAN_CHARS = 20_000
ELLIPSIS = "…"


def _marks(found: list[re.Match[str]], language: str, terms: frozenset[str]) -> dict[int, str]:
    """Index of each word to mark → the term it matched."""
    if not terms:
        return {}
    singles = {term for term in terms if " " not in term}
    phrases: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for term in terms - singles:
        words = tuple(term.split(" "))
        phrases[words[0]].append(words)
    content: list[tuple[int, str]] = []
    for index, match in enumerate(found):
        folded = fold(match.group())
        if not is_stopword(folded):
            content.append((index, stem(folded, language)))
    marks: dict[int, str] = {}
    for position, (index, term) in enumerate(content):
        if term in singles:
            marks[index] = term
        for phrase in phrases.get(term, ()):
            window = content[position : position + len(phrase)]
            if tuple(t for _, t in window) == phrase:
                marks.update((i, " ".join(phrase)) for i, _ in window)
    return marks


def highlight(text: str, language: str, terms: frozenset[str]) -> SafeString:
    """`text` escaped, with matching words in <mark>."""
    found = list(WORD.finditer(text))
    marks = _marks(found, language, terms)
    return mark_safe(_marked(text, found, marks, 0, len(found)))  # noqa: S308 - escaped


def snippet(sections: Sequence[tuple[str, str]], terms: frozenset[str]) -> SafeString:
    """The window of about SNIPPET_WORDS words holding the most distinct query terms."""
    best: tuple[int, str, list[re.Match[str]], dict[int, str], int] | None = None
    for language, text in sections:
        found = list(WORD.finditer(text[:MAX_SCAN_CHARS]))
        if not found:
            continue
        marks = _marks(found, language, terms)
        start, score = _best_window(marks)
        if best is None or score > best[0]:
            best = (score, text, found, marks, start)
    if best is None:
        return mark_safe("")
    _, text, found, marks, start = best
    end = min(start + SNIPPET_WORDS, len(found))
    whole_end = end == len(found) and len(text) <= MAX_SCAN_CHARS
    marked = _marked(text, found, marks, start, end, to_end=whole_end)
    prefix = ELLIPSIS if start > 0 else ""
    suffix = "" if whole_end else ELLIPSIS
    return mark_safe(prefix + marked + suffix)  # noqa: S308 - escaped in _marked


def _best_window(marks: dict[int, str]) -> tuple[int, int]:
    """(first word, distinct terms in the window); the first window when nothing matches."""
    best_start, best_score = 0, 0
    for first in sorted(marks):
        start = max(0, first - 4)  # a little context before the first match
        window = {term for index, term in marks.items() if start <= index < start + SNIPPET_WORDS}
        if len(window) > best_score:
            best_start, best_score = start, len(window)
    return best_start, best_score


def _marked(
    text: str,
    found: list[re.Match[str]],
    marks: dict[int, str],
    start: int,
    end: int,
    *,
    to_end: bool = True,
) -> str:
    """Escaped text from word `start` to word `end` (to the text's end if `to_end`)."""
    if not found:
        return str(escape(text))
    begin = 0 if start == 0 else found[start].start()
    finish = len(text) if to_end else found[end - 1].end()
    parts: list[str] = []
    position = begin
    for index in range(start, end):
        if index in marks:
            match = found[index]
            parts.append(escape(text[position : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    parts.append(escape(text[position:finish]))
    return "".join(parts)
