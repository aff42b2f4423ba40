"""English or Spanish, guessed from the commonest short words of a document's text."""

import re
from collections.abc import Iterable

from followup.ingest.blocks import Block

# Words frequent in one language and rare in the other ("a", "no" are in both).
_ENGLISH = frozenset(
    {"the", "of", "and", "to", "in", "is", "that", "for", "with", "on", "by", "are", "this", "be"}
)
_SPANISH = frozenset(
    {"de", "la", "los", "las", "que", "el", "en", "y", "del", "por", "con", "para", "una", "se"}
)
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 20_000  # characters: enough to tell, cheap on a long report


def guess_language(blocks: Iterable[Block]) -> str:
    """ "en", "es", or "" when the text gives no evidence either way."""
    sample: list[str] = []
    length = 0
    for block in blocks:
        sample.append(block.text)
        length += len(block.text)
        if length >= _SAMPLE:
            break
    english = spanish = 0
    for word in _WORD.findall(" ".join(sample).casefold()):
        english += word in _ENGLISH
        spanish += word in _SPANISH
    if english > spanish:
        return "en"
    if spanish > english:
        return "es"
    return ""
