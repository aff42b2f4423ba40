"""A Program's activities listed under each actor: "3. IACHR:" then "a. …", "b. …".

In the Program (and in work plans that restate it) a section "Program actors and suggested
specific activities" names each actor on a line of its own, followed by its activities labelled
a., b., c. Category lines ("B) Specialized organizations:") and paragraphs addressed to a
whole category end an actor's list; they are not actors of the registry.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from followup.ingest.actors import ActorMatch, match_actor
from followup.ingest.blocks import Block

_SECTION = re.compile(
    r"(?:[IVXLC]+\.\s+)?(?:program(?:me)?\s+)?actors\b.*\bactivities\b"
    r"|(?:[IVXLC]+\.\s+)?actores\b.*\bactividades\b",
    re.IGNORECASE,
)
_NEXT_SECTION = re.compile(r"[IVXLC]+\.\s+\S")
_ACTIVITY_LABEL = re.compile(r"\(?(?P<label>[a-z]|[ivx]{1,4})[.)]")
_ACTOR_LINE_MAX_WORDS = 15
# An actor line is mostly the actor's name: "The Inter-American Commission of Women (CIM)".
_ACTOR_LINE_COVERAGE = 0.5

Matcher = Callable[[str], ActorMatch | None]


@dataclass(frozen=True)
class ProgramActivityItem:
    actor: ActorMatch
    label: str  # "a", "b", …
    text: str
    blocks: tuple[int, int]  # first and last block index


def find_program_activities(
    blocks: Sequence[Block], match: Matcher = match_actor
) -> list[ProgramActivityItem]:
    """The labelled activities under each actor line, in order.

    Only the section on the Program's actors is read when the document has one; otherwise the
    whole document, where an actor line still needs labelled activities right under it.
    """
    start, end = _section(blocks)
    items: list[ProgramActivityItem] = []
    actor: ActorMatch | None = None
    position = start
    while position < end:
        block = blocks[position]
        label = _activity_label(block)
        if label:
            last, text = position, block.text
            if not text and position + 1 < end and not _activity_label(blocks[position + 1]):
                last, text = position + 1, blocks[position + 1].text  # "a." alone on its line
            if actor is not None and text:
                items.append(ProgramActivityItem(actor, label, text, (position, last)))
            position = last + 1
            continue
        actor = _actor_line(block, match)
        position += 1
    return items


def _section(blocks: Sequence[Block]) -> tuple[int, int]:
    for start, block in enumerate(blocks):
        text = _full_text(block)
        if len(text.split()) <= 12 and _SECTION.match(text):
            end = start + 1
            while end < len(blocks) and not _is_next_section(blocks[end]):
                end += 1
            return start + 1, end
    return 0, len(blocks)


def _is_next_section(block: Block) -> bool:
    text = _full_text(block)
    return block.kind == "heading" or (bool(_NEXT_SECTION.match(text)) and text.isupper())


def _activity_label(block: Block) -> str:
    if block.kind != "list_item":
        return ""
    found = _ACTIVITY_LABEL.fullmatch(block.list_label)
    return found["label"] if found else ""


def _actor_line(block: Block, match: Matcher) -> ActorMatch | None:
    text = block.text
    if not text or len(text.split()) > _ACTOR_LINE_MAX_WORDS:
        return None
    found = match(text)
    if found is None:
        return None
    start, end = found.span
    # The name with its acronym in parentheses, and the article before it, count as the name.
    named = end - start + len(found.acronym or "") + 4
    if text.endswith(":") or block.kind == "heading" or named >= _ACTOR_LINE_COVERAGE * len(text):
        return found
    return None


def _full_text(block: Block) -> str:
    if block.list_label and block.list_label != "•":
        return f"{block.list_label} {block.text}"
    return block.text
