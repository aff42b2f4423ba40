"""Recommendations listed under their group headings ("Panel 2", "Mesa 3").

A forum report gives each panel a heading, a summary of the discussion, then a line
"Recommendations" and the recommendations as a list. Only list items under such a line count:
the summary, the list of themes in the introduction and any other list are not recommendations.
"""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from followup.ingest.blocks import Block

_GROUP = re.compile(
    r"(?:panel|mesa(?:\s+redonda)?|session|sesi[oó]n)\s+(?:\d{1,2}|[IVX]{1,5})\b",
    re.IGNORECASE,
)
# "Recommendations", "Recomendaciones:", "Recommendations of the panel" — a short line.
_CONTEXT = re.compile(r"(?:recommendations?|recomendaci(?:ó|o)n(?:es)?)\b", re.IGNORECASE)
_CONTEXT_MAX_WORDS = 6
# Paragraphs allowed between that line and its list ("The panel recommended that States:").
_INTRODUCTION_MAX_BLOCKS = 2
# A group title wrapped over a few all-capital lines ("PANEL 6" / "RESPONSE OF THE …").
_TITLE_MAX_LINES = 3


@dataclass(frozen=True)
class RecommendationItem:
    group: str  # the group's heading as written ("PANEL 2 MIGRANT SMUGGLING, …"); "" if none
    number: int  # position in its group, from 1
    text: str
    blocks: tuple[int, int]  # first and last block index


def find_recommendations(blocks: Sequence[Block]) -> list[RecommendationItem]:
    """Every recommendation listed under a recommendations line, with its group, in order."""
    items: list[RecommendationItem] = []
    counts: Counter[str] = Counter()  # items so far in each group
    group = ""
    group_level = 0  # the group heading's level, when the format gave one
    in_context = False  # after a "Recommendations" line, until its list ends
    listing = False  # the list under it has started
    waiting = 0  # blocks since the line, before the list started
    position = 0
    while position < len(blocks):
        block = blocks[position]
        text = _full_text(block)
        if _is_group_heading(block, text):
            group_level = block.level if block.kind == "heading" else 0
            group, position = _group_title(blocks, position)
            in_context = listing = False
            continue
        if _is_context_line(block, text):
            in_context, listing, waiting = True, False, 0
        elif in_context and block.kind == "list_item" and block.text:
            listing = True
            counts[group] += 1
            items.append(RecommendationItem(group, counts[group], block.text, (position, position)))
        else:
            waiting += 1
            if listing or block.kind == "heading" or waiting > _INTRODUCTION_MAX_BLOCKS:
                # The first block after the list that is not an item ends it, and so does a
                # line with no list under it.
                in_context = listing = False
            if block.kind == "heading" and 0 < block.level <= group_level:
                group = ""  # a heading as high as the group's closes the group
        position += 1
    return items


def _full_text(block: Block) -> str:
    if block.list_label and block.list_label != "•":
        return f"{block.list_label} {block.text}"
    return block.text


def _is_group_heading(block: Block, text: str) -> bool:
    return block.kind != "list_item" and bool(_GROUP.match(text)) and len(text.split()) <= 20


def _is_context_line(block: Block, text: str) -> bool:
    return (
        block.kind != "list_item"
        and bool(_CONTEXT.match(text))
        and len(text.split()) <= _CONTEXT_MAX_WORDS
    )


def _group_title(blocks: Sequence[Block], position: int) -> tuple[str, int]:
    """The heading at `position` with its wrapped all-capital lines, and the next position."""
    parts = [blocks[position].text]
    position += 1
    while position < len(blocks) and len(parts) <= _TITLE_MAX_LINES:
        block = blocks[position]
        if (
            block.kind == "list_item"
            or not _is_capitals(block.text)
            or _is_context_line(block, block.text)
            or _is_group_heading(block, block.text)
        ):
            break
        parts.append(block.text)
        position += 1
    return " ".join(parts), position


def _is_capitals(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)
