"""PDF: the text layer, regrouped into lines and paragraphs with their font size.

pypdf reports each piece of text with its font, size and position. Pieces make lines (pypdf
marks line ends), lines make paragraphs (same size and weight, no unusual gap or indent, no
list label), and the body size is the size most characters are set in. A paragraph clearly
larger than the body, or a short bold one, is a heading; heading levels rank the sizes.
Running heads and page numbers (the same line at the top or bottom of most pages) are left
out.
"""

import io
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from pypdf import PasswordType, PdfReader

from followup.ingest.blocks import Block, UnreadableFile
from followup.ingest.readers.collect import BlockList, normalize
from followup.ingest.readers.labels import split_label
from followup.ingest.readers.limits import Limits

_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.:;!?]$")
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"[-–\s]*\d{1,3}[-–\s]*")
HEADING_RATIO = 1.15  # a line this much larger than the body text is a heading
PARAGRAPH_GAP = 1.5  # a gap between lines over this many font sizes starts a paragraph
SHORT_LINE = 0.7  # of a full line's length: a paragraph's last line
_SHORT_HEADING = 300  # characters: a larger-set paragraph longer than this is a lead-in
_SHORT_BOLD_HEADING = 150


@dataclass
class _Line:
    page: int
    x: float
    y: float
    text: str
    size: float
    bold: bool


@dataclass
class _Paragraph:
    lines: list[_Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        joined = ""
        for line in self.lines:
            text = line.text.strip()
            # A word hyphenated across lines stays one word.
            joined += text if not joined or joined.endswith("-") else f" {text}"
        return joined

    @property
    def size(self) -> float:
        return self.lines[0].size

    @property
    def bold(self) -> bool:
        return all(line.bold for line in self.lines)


def read_pdf(data: bytes, limits: Limits) -> tuple[Block, ...]:
    reader = _open(data)
    try:
        count = len(reader.pages)
    except Exception:  # pypdf raises many kinds of errors on a broken page tree
        raise _damaged() from None
    if count > limits.max_pdf_pages:
        raise UnreadableFile(
            _("the PDF has more than %(count)s pages") % {"count": limits.max_pdf_pages}
        )
    lines = []
    for number in range(count):
        try:
            lines += _page_lines(reader.pages[number], number)
        except Exception:  # as above, for content streams
            raise _damaged() from None
    if not lines:
        raise UnreadableFile(_("no text layer: scanned document?"))
    return _blocks(_without_running_lines(lines, count), limits)


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except Exception:  # malformed PDFs raise assorted errors, not one type
        raise _damaged() from None
    if encrypted:
        # Many PDFs are encrypted only to restrict printing or copying, with an empty
        # password to open them: those can be read.
        try:
            opened = reader.decrypt("") != PasswordType.NOT_DECRYPTED
        except Exception:  # unsupported algorithm or missing crypto library
            opened = False
        if not opened:
            raise UnreadableFile(_("the PDF is encrypted"))
    return reader


def _damaged() -> UnreadableFile:
    return UnreadableFile(_("the PDF is damaged and cannot be read"))


def _page_lines(page: Any, number: int) -> list[_Line]:
    lines: list[_Line] = []
    pieces: list[tuple[str, float, bool, float, float]] = []

    def finish() -> None:
        shown = [piece for piece in pieces if piece[0].strip()]
        if shown:
            text = normalize("".join(piece[0] for piece in pieces))
            weights: Counter[float] = Counter()
            for piece in shown:
                weights[piece[1]] += len(piece[0].strip())
            first = shown[0]
            lines.append(
                _Line(
                    page=number,
                    x=first[3],
                    y=first[4],
                    text=text,
                    size=weights.most_common(1)[0][0],
                    bold=all(piece[2] for piece in shown),
                )
            )
        pieces.clear()

    def visit(text: str, cm: Any, tm: Any, font: Any, font_size: Any) -> None:
        if not text:
            return
        x, y, scale = _placement(tm, cm)
        size = round(float(font_size or 0) * scale, 1)
        name = str(font.get("/BaseFont", "")) if font else ""
        bold = _BOLD_FONT.search(name) is not None
        for index, part in enumerate(text.split("\n")):
            if index:
                finish()
            if part:
                pieces.append((part, size, bold, x, y))

    page.extract_text(visitor_text=visit)
    finish()
    return lines


def _placement(tm: Any, cm: Any) -> tuple[float, float, float]:
    """Where text starts on the page (x, y) and how much its font is scaled, from the text
    matrix and the current transformation matrix (their product, in PDF's row notation)."""
    t = [float(value) for value in tm]
    m = [float(value) for value in cm]
    vertical = (t[2] * m[0] + t[3] * m[2], t[2] * m[1] + t[3] * m[3])
    x = t[4] * m[0] + t[5] * m[2] + m[4]
    y = t[4] * m[1] + t[5] * m[3] + m[5]
    return x, y, math.hypot(*vertical)


def _without_running_lines(lines: list[_Line], pages: int) -> list[_Line]:
    """Drop page numbers and the lines repeated at the top or bottom of most pages."""
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    edges: set[int] = set()
    counts: Counter[str] = Counter()
    for page_lines in by_page.values():
        edge = page_lines[:2] + page_lines[-2:]
        edges.update(id(line) for line in edge)
        counts.update({_running_key(line) for line in edge})
    threshold = max(3, pages // 2)
    return [
        line
        for line in lines
        if id(line) not in edges
        or not (counts[_running_key(line)] >= threshold or _PAGE_NUMBER.fullmatch(line.text))
    ]


def _running_key(line: _Line) -> str:
    return _DIGITS.sub("#", line.text.casefold())


def _paragraphs(lines: list[_Line]) -> list[_Paragraph]:
    lengths = sorted(len(line.text) for line in lines)
    full_line = lengths[int(len(lengths) * 0.9)]  # a line that runs to the right margin
    paragraphs: list[_Paragraph] = []
    current = _Paragraph()
    for line in lines:
        if current.lines and _starts_paragraph(current.lines[-1], line, full_line):
            paragraphs.append(current)
            current = _Paragraph()
        current.lines.append(line)
    if current.lines:
        paragraphs.append(current)
    return paragraphs


def _starts_paragraph(previous: _Line, line: _Line, full_line: int) -> bool:
    if abs(previous.size - line.size) > 0.5 or previous.bold != line.bold:
        return True
    # A list label starts an item; a line stopping well short of the margin ends a paragraph
    # (list items without a typed label, lines of a table).
    if split_label(line.text) is not None or len(previous.text) < SHORT_LINE * full_line:
        return True
    if line.page != previous.page:
        # A paragraph continues on the next page when the last line did not end it.
        return _SENTENCE_END.search(previous.text) is not None
    gap = previous.y - line.y
    return gap <= 0 or gap > PARAGRAPH_GAP * max(line.size, 1) or line.x > previous.x + line.size


def _blocks(lines: list[_Line], limits: Limits) -> tuple[Block, ...]:
    paragraphs = _paragraphs(lines)
    weights: Counter[float] = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    body = weights.most_common(1)[0][0] or 1.0
    larger = sorted(
        {round(p.size * 2) / 2 for p in paragraphs if _is_large_heading(p, body)}, reverse=True
    )
    blocks = BlockList(limits)
    for paragraph in paragraphs:
        text, ratio = paragraph.text, round(paragraph.size / body, 2)
        if _is_large_heading(paragraph, body):
            level = larger.index(round(paragraph.size * 2) / 2) + 1
            blocks.add("heading", text, level=level, size=ratio, bold=paragraph.bold)
        elif _is_bold_heading(paragraph, body):
            blocks.add("heading", text, level=len(larger) + 1, size=ratio, bold=True)
        else:
            blocks.paragraph(text, size=ratio, bold=paragraph.bold)
    return blocks.blocks


def _is_large_heading(paragraph: _Paragraph, body: float) -> bool:
    return (
        paragraph.size >= HEADING_RATIO * body
        and len(paragraph.lines) <= 4
        and len(paragraph.text) <= _SHORT_HEADING
        and any(character.isalpha() for character in paragraph.text)
    )


def _is_bold_heading(paragraph: _Paragraph, body: float) -> bool:
    text = paragraph.text
    return (
        paragraph.bold
        and paragraph.size >= 0.95 * body
        and len(paragraph.lines) <= 2
        and len(text) <= _SHORT_BOLD_HEADING
        and not text.endswith(".")
        and any(character.isalpha() for character in text)
    )
