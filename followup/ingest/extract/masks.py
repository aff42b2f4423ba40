"""Stretches of a text no extractor should read inside.

Web addresses carry words and numbers that are not mentions (".../paraguay/...", "/2020/"),
so every extractor drops what it finds there.
"""

import re

_URL = re.compile(r"(?:https?://|www\.)[^\s\"<>�]+", re.IGNORECASE)


def url_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _URL.finditer(text)]


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) shares a character with any of `spans` (a block has few)."""
    return any(span_start < end and start < span_end for span_start, span_end in spans)
