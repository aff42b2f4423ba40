"""List labels typed at the start of a paragraph: bullets and enumerations.

Plain text and PDF carry a list item's label as characters, and Word users often type one by
hand; every reader turns them into the same evidence (`list_item` with `list_label`). Only
labels that mark list items are taken: a lowercase letter, a number, a lowercase roman
numeral, plain or in parentheses. Capital letters and roman numerals ("A.", "IV.") usually
number sections, and whether such a line is a heading is for segmentation to decide from
the text, so they stay in it.
"""

import re

BULLET = "•"

# "", "" and friends are Word's Symbol/Wingdings bullets exported as private-use characters.
_BULLET = re.compile(
    r"(?:[·•‣◦▪▫■□●○➢➤►\uf0a7\uf0a8\uf0b7\uf0d8\uf0e8\uf0fc\uf076]|[-–—*o](?=\s|$))\s*"
)
_ENUMERATION = re.compile(
    r"(\((?:\d{1,3}|[a-z]|[ivxlc]{1,6})\)|(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxlc]{1,6})[.)])"
    r"(?:\s+|$)"
)
_SECTION_LABEL = re.compile(r"\(?[A-Z]\)|[A-Z][.)]|[IVXLC]{1,6}[.)]")


def split_label(text: str) -> tuple[str, str] | None:
    """(label, text without it) when `text` starts with a list label; bullets become "•"."""
    if match := _BULLET.match(text):
        return BULLET, text[match.end() :]
    if match := _ENUMERATION.match(text):
        label = match.group(1)
        rest = text[match.end() :]
        # Word's automatic number exported next to the number typed by hand: "1. 1. Election".
        if rest == label or rest.startswith(label + " "):
            rest = rest[len(label) :].lstrip()
        return label, rest
    return None


def is_label_only(text: str) -> bool:
    """A line holding nothing but a label ("a.", "19.", "•", "B."): exports put the number of
    a Word list or table cell on its own line, before the text it numbers."""
    found = split_label(text)
    if found is not None:
        return found[1] == ""
    return _SECTION_LABEL.fullmatch(text) is not None
