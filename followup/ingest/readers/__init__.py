"""Readers: an uploaded or imported file → the blocks of `ingest.blocks`.

`read_bytes` and `read_path` are the only entry points. The type is found by sniffing the
content; a name whose extension claims another type is refused (a PDF named "report.docx"
is a mistake the user should hear about), and a name with no or an unknown extension is read
by its content. Anything that cannot be read raises `UnreadableFile` with a one-line,
translated reason that does not repeat the file's name: the caller prefixes it.
"""

import hashlib
from pathlib import Path

from django.utils.translation import gettext as _

from followup.ingest.blocks import Block, ReadDocument, UnreadableFile
from followup.ingest.readers.language import guess_language
from followup.ingest.readers.limits import LIMITS, Limits
from followup.ingest.readers.sniff import DOCX, HTML, ODT, PDF, TEXT, sniff
from followup.uploads import human_size

__all__ = ["LIMITS", "Limits", "UnreadableFile", "read_bytes", "read_path"]

# What a name's extension claims. Textual types stand for each other: a .txt holding markup
# is still text, and whether a page is HTML is itself a guess from the content.
_CLAIMS = {
    ".pdf": PDF,
    ".docx": DOCX,
    ".docm": DOCX,
    ".dotx": DOCX,
    ".odt": ODT,
    ".ott": ODT,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".txt": TEXT,
    ".text": TEXT,
}
_TEXTUAL = frozenset({HTML, TEXT})


def read_path(path: Path, *, limits: Limits = LIMITS) -> ReadDocument:
    try:
        size = path.stat().st_size
        _check_size(size, limits)
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(
            _("the file cannot be opened: %(reason)s") % {"reason": error.strerror or error}
        ) from None
    return read_bytes(data, path.name, limits=limits)


def read_bytes(data: bytes, filename: str, *, limits: Limits = LIMITS) -> ReadDocument:
    _check_size(len(data), limits)
    media_type = sniff(data, limits)
    claimed = _CLAIMS.get(Path(filename).suffix.casefold(), media_type)
    if claimed != media_type and not {claimed, media_type} <= _TEXTUAL:
        raise UnreadableFile(
            _("the content is %(actual)s, not %(claimed)s its name says")
            % {"actual": _a(media_type), "claimed": _the(claimed)}
        )
    blocks = _read(media_type, data, limits)
    if not blocks:
        raise UnreadableFile(_("the document has no text"))
    return ReadDocument(
        filename=filename,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=media_type,
        language=guess_language(blocks),
        blocks=blocks,
        data=data,
    )


def _check_size(size: int, limits: Limits) -> None:
    if size == 0:
        raise UnreadableFile(_("the file is empty"))
    if size > limits.max_file_bytes:
        raise UnreadableFile(
            _("the file is larger than %(size)s") % {"size": human_size(limits.max_file_bytes)}
        )


def _read(media_type: str, data: bytes, limits: Limits) -> tuple[Block, ...]:
    # Imported on use: a plain-text import should not pay for loading pypdf and lxml.
    if media_type == PDF:
        from followup.ingest.readers.pdf import read_pdf

        return read_pdf(data, limits)
    if media_type == DOCX:
        from followup.ingest.readers.docx import read_docx

        return read_docx(data, limits)
    if media_type == ODT:
        from followup.ingest.readers.odt import read_odt

        return read_odt(data, limits)
    if media_type == HTML:
        from followup.ingest.readers.html import read_html

        return read_html(data, limits)
    from followup.ingest.readers.text import read_text

    return read_text(data, limits)


def _a(media_type: str) -> str:
    return {
        PDF: _("a PDF"),
        DOCX: _("a Word document"),
        ODT: _("an OpenDocument text"),
        HTML: _("a web page"),
        TEXT: _("plain text"),
    }[media_type]


def _the(media_type: str) -> str:
    return {
        PDF: _("the PDF"),
        DOCX: _("the Word document"),
        ODT: _("the OpenDocument text"),
        HTML: _("the web page"),
        TEXT: _("the text file"),
    }[media_type]
