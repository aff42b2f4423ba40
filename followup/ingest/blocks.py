"""The one shape every reader gives a document in: a flat sequence of blocks.

Readers (`ingest.readers`) turn DOCX, PDF, ODT, HTML and plain text into blocks; segmentation
(`ingest.segment`) groups them into sections; extractors find entities in their text. A block's
`index` is its position in the document and, with a character span inside `text`, is the
provenance an accepted record keeps.
"""

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]


@dataclass(frozen=True)
class Block:
    index: int  # position in the document, from 0, with no gaps
    kind: BlockKind
    text: str  # whitespace-normalized text; a table row's cells joined with " | "
    # Heading level (1 is the highest) when the format says so (a Word "Heading 2" style, an
    # HTML h2, a PDF line much larger than the body text); 0 when the reader has no evidence.
    level: int = 0
    cells: tuple[str, ...] = ()  # a table row's cells, in order
    # Evidence for segmentation, as the format gives it: the Word/ODT style name, the PDF
    # font size in points relative to the body text (1.0 = body), bold.
    style: str = ""
    size: float = 1.0
    bold: bool = False
    list_label: str = ""  # "a.", "1.", "•" when the list item carried one


@dataclass(frozen=True)
class Section:
    """A heading and what follows it up to the next heading; deeper headings are children."""

    heading: str  # "" for the text before the first heading
    level: int  # 1 is the top; the preamble is 0
    heading_block: int | None  # index of the heading's block; None for the preamble
    blocks: tuple[Block, ...]  # the body up to the first child or the next heading
    children: tuple["Section", ...] = ()

    def walk(self) -> "list[Section]":
        """This section and every descendant, in document order."""
        found = [self]
        for child in self.children:
            found += child.walk()
        return found


@dataclass(frozen=True)
class Span:
    """Where something was found: a block, and characters [start, end) of its text."""

    block: int
    start: int
    end: int


@dataclass(frozen=True)
class ReadDocument:
    filename: str
    sha256: str
    media_type: str  # what the content is, found by sniffing: never trusted from the name
    language: str  # "en" or "es" (or "" when no guess is possible)
    blocks: tuple[Block, ...] = field(default=())
    data: bytes = field(default=b"", repr=False, compare=False)  # the file as read, to store


class UnreadableFile(Exception):
    """The file cannot be read; the message is one line naming why (not the file's name)."""
