"""What a file is, from its bytes: the name and the browser's claim are never trusted."""

import codecs
import re

from django.utils.translation import gettext as _

from followup.ingest.blocks import UnreadableFile
from followup.ingest.readers.archive import Archive
from followup.ingest.readers.limits import Limits

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
HTML = "text/html"
TEXT = "text/plain"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_ODF = "application/vnd.oasis.opendocument."
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|h[1-6]|p|div|table|ul|ol|section|article)\b",
    re.IGNORECASE | re.DOTALL,
)


def sniff(data: bytes, limits: Limits) -> str:
    """The media type of `data`, or UnreadableFile saying what it is instead."""
    # The header may follow a few bytes of junk, which readers tolerate.
    if b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(_ZIP):
        return _sniff_archive(data, limits)
    if data.startswith(_OLE):
        # Word 97–2003 files, and every password-protected Office file, are OLE containers.
        raise UnreadableFile(_("an encrypted or old-format (.doc) Word file; save it as .docx"))
    if data.startswith(b"{\\rtf"):
        raise UnreadableFile(_("an RTF file; save it as .docx"))
    if (what := _binary_kind(data)) is not None:
        raise _not_a_document(what)
    return HTML if _looks_like_html(data) else TEXT


def _sniff_archive(data: bytes, limits: Limits) -> str:
    archive = Archive(data, limits)
    names = archive.names
    if "mimetype" in names:
        mimetype = archive.open("mimetype").read(200).decode("ascii", errors="replace").strip()
        if mimetype in (ODT, f"{ODT}-template"):
            return ODT
        if mimetype.startswith(_ODF):
            raise _office_file(mimetype.removeprefix(_ODF))
    if "[Content_Types].xml" in names:
        folders = {name.partition("/")[0] for name in names}
        if "word" in folders:
            return DOCX
        if "xl" in folders:
            raise _office_file("spreadsheet")
        if "ppt" in folders:
            raise _office_file("presentation")
    raise _not_a_document(_("ZIP archive"))


def _office_file(kind: str) -> UnreadableFile:
    if kind.startswith("spreadsheet"):
        return _not_a_document(_("spreadsheet"))
    if kind.startswith("presentation"):
        return _not_a_document(_("presentation"))
    return _not_a_document(_("ZIP archive"))


def _binary_kind(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG"):
        return _("PNG image")
    if data.startswith(b"\xff\xd8\xff"):
        return _("JPEG image")
    if data.startswith((b"GIF87a", b"GIF89a")):
        return _("GIF image")
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return _("TIFF image")
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return _("WebP image")
    if data.startswith((b"\x1f\x8b", b"7z\xbc\xaf\x27\x1c", b"Rar!")):
        return _("compressed archive")
    return None


def _not_a_document(what: str) -> UnreadableFile:
    return UnreadableFile(_("not a document Follow-up can read (%(what)s)") % {"what": what})


def _looks_like_html(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.removeprefix(codecs.BOM_UTF8).decode("latin-1")
    return _HTML_START.match(text) is not None
