"""Web pages (HTML), with the standard library's tolerant parser.

Headings h1–h6, paragraphs (p, div and the other blocks), list items (numbered as their ol
says) and table rows. Script, style, navigation and the head are not the document's text.
Unclosed p and li, as hand-written and Word-saved pages leave them, end where the next
block starts.
"""

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from followup.ingest.blocks import Block
from followup.ingest.readers.collect import BlockList, normalize
from followup.ingest.readers.labels import BULLET
from followup.ingest.readers.limits import Limits
from followup.ingest.readers.numerals import numeral

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]+)", re.IGNORECASE)
_SKIPPED = frozenset(
    {"script", "style", "nav", "head", "noscript", "template", "svg", "iframe", "object"}
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "li",
        "blockquote",
        "pre",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "dt",
        "dd",
        "figcaption",
        "caption",
        "address",
        "center",
        "form",
        "fieldset",
        "table",
        "ul",
        "ol",
        "dl",
        "body",
        "html",
        *_HEADINGS,
    }
)
_CLOSES_P = frozenset(
    {"p", "li", "div", "table", "ul", "ol", "dl", "blockquote", "pre", *_HEADINGS}
)
_BOLD = frozenset({"b", "strong"})
_ROWS = frozenset({"table", "tr", "td", "th"})
# Real pages nest blocks a few dozen deep; past this, blocks count as inline so that a page of
# a million unclosed <div> cannot make every end tag search a million-long stack.
_MAX_DEPTH = 200


def decode_html(data: bytes) -> str:
    """The page's text: by its BOM, else its <meta charset>, else UTF-8 (Windows-1252 if not)."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    if match := _META_CHARSET.search(data[:4096]):
        try:
            codec = codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            codec = ""
        if codec and not codec.startswith("utf-16"):  # a page that says so but is not
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_html(data: bytes, limits: Limits) -> tuple[Block, ...]:
    parser = _Parser(BlockList(limits))
    parser.feed(decode_html(data))
    parser.close()
    parser.flush()
    return parser.blocks.blocks


@dataclass
class _List:
    ordered: bool
    style: str = "1"
    count: int = 0


class _Parser(HTMLParser):
    def __init__(self, blocks: BlockList) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks = blocks
        self._open: list[str] = []  # block elements, innermost last
        self._skipping: list[str] = []
        self._lists: list[_List] = []
        self._bold = 0
        self._text: list[tuple[str, bool]] = []
        self._label = ""  # of the list item whose text is being gathered
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._nested_tables = 0  # tables inside a cell: their text is the cell's

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and self._skipping == ["head"]:
            self._skipping.clear()  # a head left unclosed ends where the body starts
        if self._skipping:
            if tag in _SKIPPED:
                self._skipping.append(tag)
            return
        if self._cell is not None and (tag == "table" or (self._nested_tables and tag in _ROWS)):
            self._nested_tables += tag == "table"
            self._add(" ")
        elif tag in _SKIPPED:
            self._skipping.append(tag)
        elif tag in _BOLD:
            self._bold += 1
        elif tag == "br":
            self._add(" ")
        elif tag == "tr":
            self._end_row()
            self.flush()
            self._row = []
        elif tag in ("td", "th"):
            self._end_cell()
            if self._row is None:
                self._row = []
            self._cell = []
        elif self._cell is not None:
            if tag in _BLOCKS:
                self._add(" ")  # blocks inside a cell are the cell's lines
        elif tag in _BLOCKS:
            self._start_block(tag, dict(attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self._skipping:
            self._add(" ")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
            return
        if self._nested_tables and tag in _ROWS:
            self._nested_tables -= tag == "table"
            self._add(" ")
        elif tag in _BOLD:
            self._bold = max(self._bold - 1, 0)
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table":
            self._end_row()
            self._close(tag)
        elif self._cell is not None:
            if tag in _BLOCKS:
                self._add(" ")
        elif tag in _BLOCKS:
            self._close(tag)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._add(data)

    def _add(self, text: str) -> None:
        if self._cell is not None:
            self._cell.append(text)
        else:
            self._text.append((text, self._bold > 0))

    def _start_block(self, tag: str, attrs: dict[str, str | None]) -> None:
        if len(self._open) >= _MAX_DEPTH:
            return
        self.flush()
        if tag in _CLOSES_P:
            while self._open and self._open[-1] == "p":
                self._open.pop()
            if tag == "li":
                # A new item ends the previous one of the same list.
                while self._open and self._open[-1] in ("li", "p"):
                    self._open.pop()
        self._open.append(tag)
        if tag in ("ul", "ol"):
            self._lists.append(_List(tag == "ol", attrs.get("type") or "1", _start(attrs) - 1))
        elif tag == "li":
            self._label = self._next_label(attrs)

    def _close(self, tag: str) -> None:
        if tag not in self._open:
            return  # a stray end tag
        self.flush()
        while self._open:
            closed = self._open.pop()
            if closed in ("ul", "ol") and self._lists:
                self._lists.pop()
            if closed == tag:
                break

    def _next_label(self, attrs: dict[str, str | None]) -> str:
        if not self._lists or not self._lists[-1].ordered:
            return BULLET
        current = self._lists[-1]
        value = _integer(attrs.get("value"))
        current.count = value if value is not None else current.count + 1
        return f"{numeral(current.count, current.style)}."

    def flush(self) -> None:
        """Turn the text gathered so far into a block of the innermost open element's kind."""
        if not self._text:
            return
        text = "".join(piece for piece, _bold in self._text)
        shown = [bold for piece, bold in self._text if piece.strip()]
        bold = bool(shown) and all(shown)
        self._text = []
        inner = self._open[-1] if self._open else ""
        if inner in _HEADINGS:
            self.blocks.add("heading", text, level=_HEADINGS[inner], bold=bold)
        elif "li" in self._open and normalize(text):
            self.blocks.add("list_item", text, bold=bold, list_label=self._label)
            self._label = ""  # later paragraphs of the same item carry no label
        else:
            self.blocks.paragraph(text, bold=bold)

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell))
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None:
            self.blocks.row(self._row)
        self._row = None


def _start(attrs: dict[str, str | None]) -> int:
    start = _integer(attrs.get("start"))
    return 1 if start is None else start


def _integer(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
