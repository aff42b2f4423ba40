"""A document's blocks grouped into a tree of sections by its headings.

`headings.block_cue` says which blocks could be headings; this module decides in context,
because numbered list items look just like numbered headings. The report's own numbering
tells them apart:

1. a numbered line followed at once by the next number ("1. …" "2. …" with nothing between)
   is a list, and so is one continuing a number that was not a heading ("V." after the
   paragraph "IV. …");
2. a candidate between two consecutive items of a list ("A." … "C." between the operative
   paragraphs "19." and "20.") belongs to that list;
3. a long or period-ended line is a heading only where it continues an open sequence of
   headings ("II. AG/RES. … operative paragraphs 18 to 22." after the heading "I.").

Levels come from a stack of open headings: a style already open makes a sibling and closes
what was under it, a new style opens a level below (so each style's level follows its first
appearance), and a numbering that starts again at "1."/"I." opens a list one level down.
The reader's own levels (Word heading styles, HTML h1–h6) win where present.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from followup.ingest.blocks import Block, Section
from followup.ingest.headings import Cue, Label, block_cue, full_text, is_bullet, resolve_labels

# Deeper nesting than this only comes from hostile input; it would exhaust the recursion of
# `Section.walk`.
MAX_LEVEL = 12
# A title ("ANNUAL REPORT …", "2009 ANNUAL MEETING") spans the first lines at most; lines of
# capitals there belong to it, not to headings.
TITLE_LINES = 8
TITLE_LINE_LIMIT = 300


@dataclass(frozen=True)
class Heading:
    block: int  # Block.index of its first block
    text: str  # label included; a title on the line after its label is joined to it
    level: int
    family: str  # its numbering or typographic style
    extent: int = 1  # blocks its text spans; those after the first stay in the section's body


def is_heading(block: Block, following: Block | None = None) -> bool:
    """Whether `block` (with `following`, which may complete a label alone on its line) reads
    as a heading by itself. Context can still overrule it: see `find_headings`."""
    blocks = [block] if following is None else [block, following]
    cue = block_cue(blocks, 0, resolve_labels(blocks)[0])
    return cue is not None and not cue.relaxed


def find_headings(blocks: Sequence[Block]) -> list[Heading]:
    """The document's headings in order, with their levels."""
    return [heading for _, heading in _Outline(blocks).headings()]


def segment(blocks: Sequence[Block]) -> list[Section]:
    """Top-level sections in document order, a preamble (heading "", level 0) first when text
    precedes the first heading. Every block is a heading's first block or in exactly one body."""
    found = _Outline(blocks).headings()
    first = found[0][0] if found else len(blocks)
    roots: list[_Node] = []
    if first:
        roots.append(_Node(Heading(-1, "", 0, ""), list(blocks[:first])))
    open_nodes: list[_Node] = []
    ends = [position for position, _ in found][1:] + [len(blocks)] * bool(found)
    for (position, heading), end in zip(found, ends, strict=True):
        node = _Node(heading, list(blocks[position + 1 : end]))
        while open_nodes and open_nodes[-1].heading.level >= heading.level:
            open_nodes.pop()
        (open_nodes[-1].children if open_nodes else roots).append(node)
        open_nodes.append(node)
    return [root.freeze() for root in roots]


@dataclass
class _Node:
    heading: Heading
    body: list[Block]
    children: "list[_Node]" = field(default_factory=list)

    def freeze(self) -> Section:
        preamble = self.heading.block < 0
        return Section(
            heading=self.heading.text,
            level=self.heading.level,
            heading_block=None if preamble else self.heading.block,
            blocks=tuple(self.body),
            children=tuple(child.freeze() for child in self.children),
        )


@dataclass
class _Open:
    family: str
    number: int | None
    level: int
    part: bool = False


class _Outline:
    """One pass over the blocks, keeping the open headings and the numbering seen so far."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.blocks = blocks
        self.labels = resolve_labels(blocks)
        self.cues = [
            block_cue(blocks, position, self.labels[position]) for position in range(len(blocks))
        ]
        self.title_end = _title_end(blocks, self.cues, self.labels)
        self.stack: list[_Open] = []
        # Per numbering style: the last number seen and whether it numbered a heading.
        self.last: dict[str, tuple[int, bool]] = {}
        # The label of the latest numbered block that was not a heading, while no heading has
        # followed it.
        self.list_item: Label | None = None
        self.positions: dict[str, list[tuple[int, int]]] = {}
        for position, label in enumerate(self.labels):
            if label is not None:
                self.positions.setdefault(label.family, []).append((position, label.number))
        self.next_of: dict[str, int] = {}  # per style, how far `positions` has been walked
        caps = Counter(
            _key(cue.text) for cue in self.cues if cue is not None and cue.family == "caps"
        )
        self.recurring = {text for text, count in caps.items() if count > 1}

    def headings(self) -> list[tuple[int, Heading]]:
        found: list[tuple[int, Heading]] = []
        position = 0
        while position < len(self.blocks):
            cue, label = self.cues[position], self.labels[position]
            if cue is not None and self._accepts(position, cue, label):
                level = self._place(cue, label)
                block = self.blocks[position].index
                found.append((position, Heading(block, cue.text, level, cue.family, cue.extent)))
                if label is not None:
                    self.last[label.family] = (label.number, True)
                self.list_item = None
                position += cue.extent
                continue
            if label is not None:
                self.last[label.family] = (label.number, False)
                self.list_item = label
            position += 1
        return found

    # ------------------------------------------------------------ is it a heading here?

    def _accepts(self, position: int, cue: Cue, label: Label | None) -> bool:
        if self.blocks[position].kind == "heading":
            return True  # the format said so
        if cue.family in ("caps", "bold") and position < self.title_end:
            return False  # part of the document's title
        end = position + cue.extent
        if self._inside_list(end, label):
            return False
        if label is None:
            return True
        previous = self.last.get(label.family)
        if previous is not None and not previous[1] and _follows(label, previous[0], label.number):
            return False  # continues a list: "V." after the paragraph "IV. …"
        following = self.labels[end] if end < len(self.labels) else None
        if (
            following is not None
            and following.family == label.family
            and _follows(label, label.number, following.number)
        ):
            return False  # the next number comes at once: a list
        return not cue.relaxed or self._continues_open(label)

    def _inside_list(self, end: int, label: Label | None) -> bool:
        item = self.list_item
        if item is None or (label is not None and label.family == item.family):
            return False
        following = self._next_number(item.family, end)
        return following is not None and _follows(item, item.number, following)

    def _next_number(self, family: str, start: int) -> int | None:
        """The number of the first block of `family` at or after `start` (positions only grow)."""
        entries = self.positions.get(family, [])
        index = self.next_of.get(family, 0)
        while index < len(entries) and entries[index][0] < start:
            index += 1
        self.next_of[family] = index
        return entries[index][1] if index < len(entries) else None

    def _continues_open(self, label: Label) -> bool:
        for entry in reversed(self.stack):
            if entry.family == label.family and entry.number is not None:
                return _follows(label, entry.number, label.number, gap=2)
        return False

    # ------------------------------------------------------------ at which level?

    def _place(self, cue: Cue, label: Label | None) -> int:
        stack = self.stack
        number = label.number if label is not None else None
        if cue.level > 0:  # the reader's level wins
            while stack and stack[-1].level >= cue.level:
                stack.pop()
            return self._push(cue.family, number, min(cue.level, MAX_LEVEL))
        if cue.part:
            stack.clear()
            return self._push(cue.family, None, 1, part=True)
        if stack and stack[-1].part:
            stack.pop()  # an Introduction or Annex holds no subsections of its own
        family = cue.family
        if family == "caps" and _key(cue.text) in self.recurring:
            family = f"caps:{_key(cue.text)}"  # "SOME SPECIFIC EXAMPLES" under every item
        for index in range(len(stack) - 1, -1, -1):
            entry = stack[index]
            if entry.family != family:
                continue
            if label is not None and entry.number is not None and _restarts(label, entry.number):
                break  # "I." under "IV.": a new list, one level down
            del stack[index:]
            return self._push(family, number, entry.level)
        level = stack[-1].level + 1 if stack else 1
        return self._push(family, number, min(level, MAX_LEVEL))

    def _push(self, family: str, number: int | None, level: int, *, part: bool = False) -> int:
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()  # only at MAX_LEVEL: a new style there replaces the deepest
        self.stack.append(_Open(family, number, level, part))
        return level


def _follows(label: Label, before: int, after: int, gap: int = 1) -> bool:
    """Whether number `after` comes next after `before` in `label`'s style, allowing `gap`
    missing numbers ("VI." after "IV." where Word numbered a "V." elsewhere)."""
    if label.outline:
        (major, minor), (next_major, next_minor) = divmod(before, 100), divmod(after, 100)
        return (next_major == major and minor < next_minor <= minor + gap) or (
            major < next_major <= major + gap and next_minor == 1
        )
    return before < after <= before + gap


def _restarts(label: Label, open_number: int) -> bool:
    first = label.number % 100 == 1 if label.outline else label.number == 1
    return first and not _follows(label, open_number, label.number)


def _key(text: str) -> str:
    return " ".join(text.casefold().strip(" :").split())


def _title_end(
    blocks: Sequence[Block], cues: Sequence[Cue | None], labels: Sequence[Label | None]
) -> int:
    """Where the document's title lines end: the first lines, before any heading other than
    capitals or bold, any numbered line, list, table or sentence."""
    for position, block in enumerate(blocks[:TITLE_LINES]):
        cue = cues[position]
        if cue is not None and cue.family not in ("caps", "bold"):
            return position
        if labels[position] is not None or block.kind != "paragraph" or is_bullet(block):
            return position
        text = full_text(block)
        if len(text) > TITLE_LINE_LIMIT or (text.endswith(".") and cue is None):
            return position
    return min(len(blocks), TITLE_LINES)


def title_lines(blocks: Sequence[Block]) -> list[Block]:
    """The blocks of the document's title zone (see `_title_end`), for `classify`."""
    head = blocks[: TITLE_LINES + 1]  # one more: a label alone takes the next line
    labels = resolve_labels(head)
    cues = [block_cue(head, position, labels[position]) for position in range(len(head))]
    return list(blocks[: _title_end(head, cues, labels)])
