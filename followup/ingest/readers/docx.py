"""Word documents (DOCX), read from the archive's XML without python-docx.

python-docx inflates every part whole before looking at it; here the body streams through
lxml's incremental parser from a budgeted archive member, and each paragraph is dropped from
the tree once read, so memory follows the longest paragraph or table, not the document.

A paragraph's kind comes from what Word records: heading styles and outline levels give
headings, `w:numPr` (direct or through the style) list items with the label Word would draw,
table rows their cells. Footnotes and endnotes follow the body, as Word's plain-text export
puts them.
"""

from typing import Any

from followup.ingest.blocks import Block
from followup.ingest.readers.archive import Archive
from followup.ingest.readers.collect import BlockList
from followup.ingest.readers.headings import style_heading_level
from followup.ingest.readers.limits import Limits
from followup.ingest.readers.word_styles import (
    Numbering,
    Style,
    Styles,
    integer,
    numbering_of,
    read_numbering,
    read_styles,
    toggle,
    value_of,
    w,
)
from followup.ingest.readers.xmlparse import iterparse, parse

_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_CHOICE = f"{{{_MC}}}Choice"
_FALLBACK = f"{{{_MC}}}Fallback"
_ALTERNATE = f"{{{_MC}}}AlternateContent"

P, R, TBL, TR, TC, BODY = (w(name) for name in ("p", "r", "tbl", "tr", "tc", "body"))
PPR, RPR = w("pPr"), w("rPr")
# Elements that wrap runs without changing what they say: links, tracked insertions,
# content controls, simple fields (their result is the runs inside).
_WRAPPERS = frozenset(
    w(name)
    for name in (
        "hyperlink",
        "ins",
        "smartTag",
        "customXml",
        "sdt",
        "sdtContent",
        "fldSimple",
        "moveTo",
        "dir",
        "bdo",
    )
)
_RUN_TEXT = {w("t"): None, w("tab"): " ", w("br"): " ", w("cr"): " ", w("noBreakHyphen"): "-"}
_SEPARATOR_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})


def read_docx(data: bytes, limits: Limits) -> tuple[Block, ...]:
    archive = Archive(data, limits)
    main = _main_part(archive)
    folder = main.rpartition("/")[0]
    styles = _styles(archive, f"{folder}/styles.xml")
    numbering = _numbering(archive, f"{folder}/numbering.xml")
    blocks = BlockList(limits)
    _read_body(archive, main, _Paragraphs(styles, numbering), blocks)
    for part, tag, style in (
        ("footnotes.xml", "footnote", "footnote"),
        ("endnotes.xml", "endnote", "endnote"),
    ):
        if f"{folder}/{part}" in archive.names:
            _read_notes(
                archive, f"{folder}/{part}", w(tag), _Paragraphs(styles, numbering), style, blocks
            )
    return blocks.blocks


def _main_part(archive: Archive) -> str:
    """The body's part, as the package's relationships name it (Word: word/document.xml)."""
    if "_rels/.rels" in archive.names:
        for relationship in parse(archive.read("_rels/.rels")).iter(_RELATIONSHIPS):
            if relationship.get("Type", "").endswith("/officeDocument"):
                return relationship.get("Target", "").lstrip("/")
    return "word/document.xml"


def _styles(archive: Archive, part: str) -> Styles:
    return read_styles(parse(archive.read(part))) if part in archive.names else Styles()


def _numbering(archive: Archive, part: str) -> Numbering:
    return read_numbering(parse(archive.read(part))) if part in archive.names else Numbering()


def _read_body(archive: Archive, part: str, paragraphs: "_Paragraphs", blocks: BlockList) -> None:
    tables = rows = fallbacks = 0
    for event, element in iterparse(archive.open(part), (P, TBL, TR, _FALLBACK)):
        tag = element.tag
        if event == "start":
            tables += tag == TBL
            rows += tag == TR
            fallbacks += tag == _FALLBACK
            continue
        if tag == _FALLBACK:
            fallbacks -= 1  # the same content again, for older readers
        elif tag == TBL:
            tables -= 1
        elif tag == TR:
            rows -= 1
            if not rows and not fallbacks:
                blocks.row(_cells(element, paragraphs))
                element.clear()
        elif not tables and not fallbacks:
            paragraphs.add(element, blocks)
        if tag in (P, TBL) and element.getparent() is not None and element.getparent().tag == BODY:
            _drop(element)


def _read_notes(
    archive: Archive, part: str, tag: str, paragraphs: "_Paragraphs", style: str, blocks: BlockList
) -> None:
    for _event, note in iterparse(archive.open(part), (tag,), events=("end",)):
        if note.get(w("type"), "") not in _SEPARATOR_NOTES:
            blocks.add(
                "paragraph", " ".join(paragraphs.text(p)[0] for p in note.iter(P)), style=style
            )
        _drop(note)


def _drop(element: Any) -> None:
    """Free what was read: the element's content and the siblings before it."""
    element.clear()
    parent = element.getparent()
    while element.getprevious() is not None:
        del parent[0]


def _cells(row: Any, paragraphs: "_Paragraphs") -> list[str]:
    cells = []
    for cell in row.iter(TC):
        if cell.getparent() is row or cell.getparent().tag in _WRAPPERS:
            cells.append(" ".join(paragraphs.text(p)[0] for p in cell.iter(P)))
    return cells


class _Paragraphs:
    """Turns `w:p` elements into blocks, with the document's styles and list counters."""

    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self._styles = styles
        self._numbering = numbering

    def add(self, paragraph: Any, blocks: BlockList) -> None:
        properties = paragraph.find(PPR)
        style_id = value_of(properties, "pStyle") if properties is not None else ""
        chain = self._styles.chain(style_id)
        text, bold = self.text(paragraph, chain)
        if not text.strip():
            return  # an empty paragraph takes no number in Word either
        name = chain[0].name if chain else ""
        level = _heading_level(properties, chain)
        label = self._label(properties, chain)
        if level:
            blocks.add("heading", text, level=level, style=name, bold=bold, list_label=label or "")
        elif label is not None:
            blocks.add("list_item", text, style=name, bold=bold, list_label=label)
        else:
            blocks.paragraph(text, style=name, bold=bold)

    def text(self, paragraph: Any, chain: list[Style] | None = None) -> tuple[str, bool]:
        """The paragraph's visible text, and whether every character of it is bold."""
        if chain is None:
            properties = paragraph.find(PPR)
            chain = self._styles.chain(
                value_of(properties, "pStyle") if properties is not None else ""
            )
        default_bold = next((style.bold for style in chain if style.bold is not None), False)
        runs: list[tuple[str, bool]] = []
        self._runs(paragraph, default_bold, runs)
        text = "".join(piece for piece, _bold in runs)
        shown = [bold for piece, bold in runs if piece.strip()]
        return text, bool(shown) and all(shown)

    def _runs(self, parent: Any, default_bold: bool, runs: list[tuple[str, bool]]) -> None:
        for child in parent:
            tag = child.tag
            if tag == R:
                runs.append((_run_text(child), self._bold(child, default_bold)))
            elif tag in _WRAPPERS:
                self._runs(child, default_bold, runs)
            elif tag == _ALTERNATE:
                choice = child.find(_CHOICE)
                if choice is not None:
                    self._runs(choice, default_bold, runs)

    def _bold(self, run: Any, default: bool) -> bool:
        properties = run.find(RPR)
        if properties is None:
            return default
        direct = toggle(properties.find(w("b")))
        if direct is not None:
            return direct
        character = self._styles.character_bold(value_of(properties, "rStyle"))
        return default if character is None else character

    def _label(self, properties: Any, chain: list[Style]) -> str | None:
        """The list label Word draws, "" when it draws none, None when not in a list."""
        numbered = numbering_of(properties)
        if numbered is None:
            numbered = next((style.numbering for style in chain if style.numbering), None)
        if numbered is None or numbered[0] == "0":
            return None
        return self._numbering.label(*numbered)


def _run_text(run: Any) -> str:
    pieces = []
    for child in run:
        shown = _RUN_TEXT.get(child.tag, "")
        pieces.append((child.text or "") if shown is None else shown)
    return "".join(pieces)


def _heading_level(properties: Any, chain: list[Style]) -> int:
    """Word's outline level (0–8 are headings, 9 body text) or the heading style's level."""
    if properties is not None:
        outline = integer(value_of(properties, "outlineLvl", "") or None)
        if outline is not None:
            return outline + 1 if 0 <= outline <= 8 else 0
    is_heading = False
    for style in chain:
        if style.outline is not None and 0 <= style.outline <= 8:
            return style.outline + 1
        level = style_heading_level(style.name)
        if level:
            return level
        is_heading = is_heading or level == 0
    return 1 if is_heading else 0
