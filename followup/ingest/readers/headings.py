"""Heading levels from the names of Word and OpenDocument paragraph styles."""

import re

_NUMBERED = re.compile(r"(?:heading|t[ií]tulo|encabezado)\s*(\d)")
_TITLE = frozenset({"title", "título", "titulo"})
_HEADING_WORD = re.compile(r"heading|t[ií]tulo|encabezado")


def style_heading_level(name: str) -> int | None:
    """1–9 for a heading style, 0 for a heading style whose level the name does not tell
    ("OAS Heading", "Título de sección"), None for a style that is not a heading.

    Built-in names come in the language Word or LibreOffice ran in ("Heading 1",
    "Título 1"); the document's Title counts as a top heading. "Subtitle" does not.
    """
    folded = name.strip().casefold()
    if match := _NUMBERED.fullmatch(folded):
        return int(match.group(1)) or None
    if folded in _TITLE:
        return 1
    if folded.startswith("sub") or _HEADING_WORD.search(folded) is None:
        return None
    digit = re.search(r"[1-9]", folded)
    return int(digit.group()) if digit else 0
