"""Plain text, as Word exports it: one paragraph per line.

These exports keep what Word drew rather than what it meant: bullets as characters ("·",
""), a list's number or a table cell's label on a line of its own, table cells as lines
starting with a TAB, a paragraph broken where a footnote mark was, footnotes at the end as
"�." lines, and the codes of fields (hyperlinks, cross-references, the table of contents)
next to their results. The reader undoes those and keeps the rest as evidence: it gives
paragraphs and list items, never headings; which lines are headings is for segmentation to
decide from the text.
"""

import codecs
import re

from django.utils.translation import gettext as _

from followup.ingest.blocks import Block, UnreadableFile
from followup.ingest.readers.collect import BlockList, normalize
from followup.ingest.readers.labels import is_label_only
from followup.ingest.readers.limits import Limits

# Text may hold a stray form feed or escape, but binary data decoding by chance shows
# control characters far more often than this.
_MAX_CONTROL_SHARE = 0.01
# C0 controls except TAB, LF, VT, FF, CR (Word writes VT for a manual line break).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

INDENTED = "indented"
FOOTNOTE = "footnote"

# A field's code, from its (exported) begin mark to its separator: the keyword, then only
# what a code holds (quoted arguments, switches, bookmark names), so "DATE" or "TOC" as
# words of the text never match.
_FIELD_ARGUMENT = (
    r'(?:"[^"\n]*"|\\[a-zA-Z*#@!]|_(?:Toc|Ref|Hlk)\w*|MERGEFORMAT|CHARFORMAT|ARABIC'
    r"|[Rr]oman|[Aa]lphabetic|ALPHABETIC|Word\.\w+(?:\.\d+)?|[A-Z]\w*(?=\s+\\))"
)
_FIELD_CODE = re.compile(
    r"\ufffd?\s*\b(?:HYPERLINK|PAGEREF|NOTEREF|REF|TOC|SEQ|INCLUDEPICTURE|INCLUDETEXT"
    rf"|EMBED|SHAPE|MERGEFIELD)(?:\s*{_FIELD_ARGUMENT})+\s*\ufffd?"
)
_FIELD_KEYWORD = re.compile(r"HYPERLINK|PAGEREF|NOTEREF|REF|TOC|SEQ|INCLUDE|EMBED|SHAPE|MERGEFIELD")
# A footnote's number lost in the export ("�." then a TAB).
_FOOTNOTE_MARK = re.compile(r"\s*\ufffd(?:\.\s|\t)")
# A line the export broke off the one before it, at a footnote mark: it starts with
# punctuation no paragraph starts with, or in lowercase after a line no sentence ended.
_CONTINUATION = re.compile(r"[.,;:]")
_SENTENCE_END = re.compile(r"[.:;!?]$")


def decode_text(data: bytes) -> str:
    """The text of `data`: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")):
        if data.startswith(bom):
            return _checked(data[len(bom) :].decode(codec, errors="replace"))
    if data.startswith(codecs.BOM_UTF16_BE):
        return _checked(data[2:].decode("utf-16-be", errors="replace"))
    if b"\x00" in data:
        raise UnreadableFile(_("not a text file"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # The five bytes Windows-1252 leaves undefined become U+FFFD rather than an error.
        text = data.decode("cp1252", errors="replace")
    return _checked(text)


def _checked(text: str) -> str:
    controls = len(text) - len(_CONTROLS.sub("", text))
    if "\x00" in text or controls > len(text) * _MAX_CONTROL_SHARE:
        raise UnreadableFile(_("not a text file"))
    return text


def strip_field_codes(line: str) -> str:
    if _FIELD_KEYWORD.search(line) is None:  # the common case, without the costlier pattern
        return line
    return _FIELD_CODE.sub(" ", line)


def _continues(previous: Block | None, line: str, style: str) -> bool:
    return (
        previous is not None
        and not style
        and not previous.style
        and previous.kind != "table_row"
        and line[0].islower()
        and _SENTENCE_END.search(previous.text) is None
        and not is_label_only(line.split(" ", 1)[0])
    )


def read_text(data: bytes, limits: Limits) -> tuple[Block, ...]:
    return read_lines(decode_text(data).splitlines(), limits)


def read_lines(lines: list[str], limits: Limits) -> tuple[Block, ...]:
    blocks = BlockList(limits)
    pending_label = ""  # a label alone on its line, waiting for the text it numbers
    pending_style = ""
    after_blank = True
    for raw in lines:
        style = INDENTED if raw.lstrip(" ")[:1] == "\t" else ""
        if mark := _FOOTNOTE_MARK.match(raw):
            raw, style = raw[mark.end() :], FOOTNOTE
        line = normalize(strip_field_codes(raw).replace("\ufffd", ""))
        if not line:
            after_blank = True
            continue
        if not after_blank and not pending_label:
            if _CONTINUATION.match(line) and blocks.extend_last(line):
                continue
            if _continues(blocks.last, line, style):
                blocks.extend_last(f" {line}")
                continue
        after_blank = False
        if is_label_only(line):
            if pending_label:
                blocks.paragraph(pending_label, style=pending_style)
            pending_label, pending_style = line, style
            continue
        if pending_label:
            line = f"{pending_label} {line}"
            style = style or pending_style
            pending_label = ""
        blocks.paragraph(line, style=style)
    if pending_label:
        blocks.paragraph(pending_label, style=pending_style)
    return blocks.blocks
