"""Blocks gathered in document order, with the index, normalization and limit every reader needs."""

from collections.abc import Iterable
from dataclasses import replace

from django.utils.translation import gettext as _

from followup.ingest.blocks import Block, BlockKind, UnreadableFile
from followup.ingest.readers.labels import split_label
from followup.ingest.readers.limits import Limits

# Soft hyphens, zero-width characters and C0/C1 controls are invisible in the document;
# left in, they would split words that search and extraction must see whole.
_CLEAN: dict[int, str | None] = dict.fromkeys(
    [
        *range(0x00, 0x09),
        *range(0x0E, 0x1C),
        0x7F,
        *range(0x80, 0x85),
        *range(0x86, 0xA0),
        *(0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF),
    ]
)
# Typographic ligatures (PDFs set "ﬁ" for "fi"): spelled out, so words match when searched.
_CLEAN.update(
    {
        0xFB00: "ff",
        0xFB01: "fi",
        0xFB02: "fl",
        0xFB03: "ffi",
        0xFB04: "ffl",
        0xFB05: "st",
        0xFB06: "st",
    }
)


def normalize(text: str) -> str:
    """One space between words, none at the ends; invisible characters removed, ligatures
    spelled out."""
    return " ".join(text.translate(_CLEAN).split())


class BlockList:
    def __init__(self, limits: Limits) -> None:
        self._blocks: list[Block] = []
        self._max_blocks = limits.max_blocks

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        level: int = 0,
        cells: tuple[str, ...] = (),
        style: str = "",
        size: float = 1.0,
        bold: bool = False,
        list_label: str = "",
    ) -> None:
        """Append a block unless it has no letter or digit (blank, a rule of dashes, a stray
        bullet or markup debris)."""
        text = normalize(text)
        if not any(character.isalnum() for character in text):
            return
        if len(self._blocks) >= self._max_blocks:
            raise UnreadableFile(
                _("the document has more than %(count)s paragraphs") % {"count": self._max_blocks}
            )
        self._blocks.append(
            Block(
                index=len(self._blocks),
                kind=kind,
                text=text,
                level=level,
                cells=cells,
                style=style,
                size=size,
                bold=bold,
                list_label=list_label,
            )
        )

    def paragraph(
        self, text: str, *, style: str = "", size: float = 1.0, bold: bool = False
    ) -> None:
        """A paragraph, or a list item when it starts with a typed label ("a)", "•", "2.")."""
        text = normalize(text)
        labelled = split_label(text)
        if labelled is not None and labelled[1]:
            label, text = labelled
            self.add("list_item", text, style=style, size=size, bold=bold, list_label=label)
        else:
            self.add("paragraph", text, style=style, size=size, bold=bold)

    def row(self, cells: Iterable[str], *, style: str = "") -> None:
        """A table row; rows whose cells are all blank are dropped."""
        texts = tuple(normalize(cell) for cell in cells)
        if any(texts):
            self.add("table_row", " | ".join(texts), cells=texts, style=style)

    def extend_last(self, text: str) -> bool:
        """Append `text` to the last block (a paragraph an export broke in two); False if none."""
        if not self._blocks:
            return False
        last = self._blocks[-1]
        self._blocks[-1] = replace(last, text=normalize(f"{last.text}{text}"))
        return True

    @property
    def last(self) -> Block | None:
        return self._blocks[-1] if self._blocks else None

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(self._blocks)
