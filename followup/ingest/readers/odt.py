"""OpenDocument text (ODT): content.xml streamed like a DOCX body.

Headings are `text:h` with their outline level (or paragraphs in a heading style, as
LibreOffice's Title); list items are paragraphs inside `text:list-item`, labelled the way
the list's style numbers them; table rows are `table:table-row`. Repeated rows and cells
(`number-rows-repeated`, which spreadsheets set to a million) are read once, never expanded.
Notes follow the body.
"""

from dataclasses import dataclass, field
from typing import Any

from followup.ingest.blocks import Block
from followup.ingest.readers.archive import Archive
from followup.ingest.readers.collect import BlockList
from followup.ingest.readers.headings import style_heading_level
from followup.ingest.readers.labels import BULLET
from followup.ingest.readers.limits import Limits
from followup.ingest.readers.numerals import numeral
from followup.ingest.readers.xmlparse import iterparse, parse

MIMETYPE = "application/vnd.oasis.opendocument.text"

_NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
}
_TEXT_NS = f"{{{_NS['text']}}}"


def q(name: str) -> str:
    """ "text:p" → "{urn:…:text:1.0}p"."""
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


H, P, LIST, ITEM = q("text:h"), q("text:p"), q("text:list"), q("text:list-item")
TABLE, ROW = q("table:table"), q("table:table-row")
NOTE, ANNOTATION, CHANGES = q("text:note"), q("office:annotation"), q("text:tracked-changes")
STYLE, LIST_STYLE, BODY_TEXT = q("style:style"), q("text:list-style"), q("office:text")
AUTOMATIC_STYLES = q("office:automatic-styles")
_CELLS = frozenset({q("table:table-cell"), q("table:covered-table-cell")})
_SPACES = frozenset({q("text:s"), q("text:tab"), q("text:line-break")})
# Inline elements of the text namespace whose content is not the paragraph's text: notes
# (read apart) and the list label LibreOffice caches. Elements of other namespaces (frames,
# shapes, comments) hold paragraphs of their own and are not descended into either.
_NOT_TEXT = frozenset({NOTE, q("text:number")})
_SKIPPED = (
    TABLE,
    NOTE,
    ANNOTATION,
    CHANGES,
)  # paragraphs inside are read another way or not at all
_BOLD = frozenset({"bold", "600", "700", "800", "900"})


@dataclass(frozen=True)
class _Style:
    name: str
    parent: str
    outline: int | None
    bold: bool | None
    automatic: bool  # formatting applied by hand, named P1, T2…: not a style the user chose


@dataclass(frozen=True)
class _ListLevel:
    bullet: bool
    format: str = "1"
    prefix: str = ""
    suffix: str = ""
    start: int = 1


@dataclass
class _Styles:
    styles: dict[str, _Style] = field(default_factory=dict)
    lists: dict[str, dict[int, _ListLevel]] = field(default_factory=dict)

    def read(self, element: Any) -> None:
        if element.tag == STYLE:
            name = element.get(q("style:name"), "")
            weight = None
            for properties in element.iterfind(q("style:text-properties")):
                weight = properties.get(q("fo:font-weight"))
            self.styles[name] = _Style(
                name=element.get(q("style:display-name")) or _display_name(name),
                parent=element.get(q("style:parent-style-name"), ""),
                outline=_integer(element.get(q("style:default-outline-level"))),
                bold=None if weight is None else weight in _BOLD,
                automatic=element.getparent() is not None
                and element.getparent().tag == AUTOMATIC_STYLES,
            )
        elif element.tag == LIST_STYLE:
            self.lists[element.get(q("style:name"), "")] = {
                _integer(level.get(q("text:level"))) or 1: _list_level(level) for level in element
            }

    def chain(self, name: str) -> list[_Style]:
        found: list[_Style] = []
        while name and len(found) < 20:
            style = self.styles.get(name)
            if style is None:
                break
            found.append(style)
            name = style.parent
        return found

    def bold(self, name: str) -> bool | None:
        return next((style.bold for style in self.chain(name) if style.bold is not None), None)


def _display_name(name: str) -> str:
    """ODF escapes spaces in style names: "Heading_20_1" is "Heading 1"."""
    return name.replace("_20_", " ")


def _integer(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _list_level(element: Any) -> _ListLevel:
    if element.tag == q("text:list-level-style-number"):
        return _ListLevel(
            bullet=False,
            format=element.get(q("style:num-format"), "1"),
            prefix=element.get(q("style:num-prefix"), ""),
            suffix=element.get(q("style:num-suffix"), ""),
            start=_integer(element.get(q("text:start-value"))) or 1,
        )
    return _ListLevel(bullet=element.tag == q("text:list-level-style-bullet"))


@dataclass
class _List:
    style: str
    level: int
    count: int = 0


@dataclass
class _Item:
    label: str
    used: bool = False


def read_odt(data: bytes, limits: Limits) -> tuple[Block, ...]:
    archive = Archive(data, limits)
    styles = _Styles()
    if "styles.xml" in archive.names:
        root = parse(archive.read("styles.xml"))
        for element in root.iter(STYLE, LIST_STYLE):
            styles.read(element)
    blocks = BlockList(limits)
    notes = _read_content(archive, styles, blocks)
    for note in notes:
        blocks.add("paragraph", note, style="footnote")
    return blocks.blocks


def _read_content(archive: Archive, styles: _Styles, blocks: BlockList) -> list[str]:
    lists: list[_List] = []
    items: list[_Item] = []
    skipped = tables = 0
    notes: list[str] = []
    tags = (STYLE, LIST_STYLE, H, P, LIST, ITEM, ROW, *_SKIPPED)
    for event, element in iterparse(archive.open("content.xml"), tags):
        tag = element.tag
        if event == "start":
            if tag in _SKIPPED:
                skipped += 1
                tables += tag == TABLE
            elif tag == LIST:
                style = element.get(q("text:style-name")) or (lists[-1].style if lists else "")
                lists.append(_List(style, len(lists) + 1))
            elif tag == ITEM and lists:
                items.append(_Item(_next_label(lists[-1], element, styles)))
            continue
        if tag in (STYLE, LIST_STYLE):
            styles.read(element)
        elif tag in _SKIPPED:
            skipped -= 1
            tables -= tag == TABLE
            if tag == NOTE:
                body = element.find(q("text:note-body"))
                if body is not None:
                    notes.append(" ".join(_text(p, styles)[0] for p in body.iter(P, H)))
        elif tag == LIST and lists:
            lists.pop()
        elif tag == ITEM and items:
            items.pop()
        elif tag == ROW and tables == 1 and skipped == 1:
            cells = [cell for cell in element if cell.tag in _CELLS]
            blocks.row(" ".join(_text(p, styles)[0] for p in cell.iter(P, H)) for cell in cells)
            element.clear()
        elif tag in (H, P) and not skipped:
            _paragraph(element, styles, items[-1] if items else None, blocks)
        parent = element.getparent()
        if parent is not None and parent.tag == BODY_TEXT:
            element.clear()
            while element.getprevious() is not None:
                del parent[0]
    return notes


def _next_label(current: _List, item: Any, styles: _Styles) -> str:
    level = styles.lists.get(current.style, {}).get(current.level)
    start = _integer(item.get(q("text:start-value")))
    if level is None:
        current.count = start or current.count + 1
        return ""
    current.count = start or (current.count + 1 if current.count else level.start)
    if level.bullet:
        return BULLET
    if not level.format:
        return ""
    return f"{level.prefix}{numeral(current.count, level.format)}{level.suffix}"


def _paragraph(element: Any, styles: _Styles, item: _Item | None, blocks: BlockList) -> None:
    text, bold = _text(element, styles)
    if not text.strip():
        return
    style_name = element.get(q("text:style-name"), "")
    chain = styles.chain(style_name)
    name = next((style.name for style in chain if not style.automatic), "")
    label = ""
    if item is not None and not item.used:
        label, item.used = item.label, True
    if element.tag == H:
        level = _integer(element.get(q("text:outline-level"))) or 1
        number = element.find(q("text:number"))
        if number is not None and number.text:
            label = number.text.strip()
        blocks.add("heading", text, level=level, style=name, bold=bold, list_label=label)
        return
    level = _style_level(chain)
    if level:
        blocks.add("heading", text, level=level, style=name, bold=bold, list_label=label)
    elif item is not None:
        blocks.add("list_item", text, style=name, bold=bold, list_label=label)
    else:
        blocks.paragraph(text, style=name, bold=bold)


def _style_level(chain: list[_Style]) -> int:
    is_heading = False
    for style in chain:
        if style.outline is not None and 1 <= style.outline <= 10:
            return style.outline
        level = style_heading_level(style.name)
        if level:
            return level
        is_heading = is_heading or level == 0
    return 1 if is_heading else 0


def _text(element: Any, styles: _Styles) -> tuple[str, bool]:
    """A paragraph's text, and whether all of it is bold."""
    runs: list[tuple[str, bool]] = []
    _walk(element, bool(styles.bold(element.get(q("text:style-name"), ""))), styles, runs)
    shown = [bold for piece, bold in runs if piece.strip()]
    return "".join(piece for piece, _bold in runs), bool(shown) and all(shown)


def _walk(element: Any, bold: bool, styles: _Styles, runs: list[tuple[str, bool]]) -> None:
    if element.text:
        runs.append((element.text, bold))
    for child in element:
        tag = child.tag
        if tag in _SPACES:
            runs.append((" ", bold))
        elif tag not in _NOT_TEXT and isinstance(tag, str) and tag.startswith(_TEXT_NS):
            span_bold = styles.bold(child.get(q("text:style-name"), ""))
            _walk(child, bold if span_bold is None else span_bold, styles, runs)
        if child.tail:
            runs.append((child.tail, bold))
