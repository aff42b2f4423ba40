"""Uploaded files, checked by what they contain before anything is stored.

Only PDF, DOCX, ODT, XLSX and plain text are accepted, and the type is decided from the bytes,
never from the name or the browser's claim: a renamed executable is refused whatever its
extension, and a real PDF named `x.docx` is accepted as a PDF (the stored name stays the one
the user gave). The recorded content type is always the one we detected.

HTML, CSV, Markdown and other text formats are accepted as plain text: they are stored and
offered for download as `text/plain`, never rendered, so markup in them is inert.

DOCX, XLSX and ODT are ZIP archives. They are opened with `zipfile` only to read the list of
members (and ODT's few-byte `mimetype` member): archives with too many members, too much
uncompressed data or an implausible compression ratio are refused as zip bombs, so whatever
opens the file later (the importer, a spreadsheet reader) never inflates one. Macro-enabled
Office files are refused too: they are a common way to deliver malware.
"""

import codecs
import hashlib
import os
import re
import zipfile
from dataclasses import dataclass
from typing import IO, Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
CHUNK_SIZE = 64 * 1024

# Real documents stay far below these: a long DOCX has a few dozen members and inflates to a
# few times its size; a zip bomb inflates a thousandfold.
ZIP_MAX_MEMBERS = 2_000
ZIP_MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
ZIP_MAX_RATIO = 200  # uncompressed / compressed, checked on members over ZIP_RATIO_FLOOR
ZIP_RATIO_FLOOR = 1024 * 1024

# Text may hold a stray form feed or escape, but binary data decoding by chance as UTF-8
# shows control characters far more often than this.
TEXT_MAX_CONTROL_RATIO = 0.01
# Unicode category Cc except tab, line feed, form feed and carriage return.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

KIND_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "txt": "text/plain",
}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_MACRO_MEMBERS = {"word/vbaProject.bin", "xl/vbaProject.bin"}


@dataclass(frozen=True)
class UploadInfo:
    """What we know about a file that passed the checks; `kind` is a key of KIND_CONTENT_TYPES."""

    name: str
    content_type: str
    size: int
    sha256: str
    kind: str


def human_size(size: int) -> str:
    """`840 bytes`, `12.5 KB`, `21.3 MB` (binary multiples, as the limit is set)."""
    if size < 1024:
        return ngettext("%(count)s byte", "%(count)s bytes", size) % {"count": size}
    value = float(size)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            break
    # number_format truncates extra decimals, so round first (21.299… MB is "21.3 MB").
    return f"{number_format(round(value, 1), 1)} {unit}"


def _exact_size(size: int) -> str:
    return ngettext("%(count)s byte", "%(count)s bytes", size) % {
        "count": number_format(size, force_grouping=True)
    }


def _upload_limit() -> int:
    return int(getattr(settings, "UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def _too_large(name: str, size: int, limit: int) -> ValidationError:
    shown, limit_shown = human_size(size), human_size(limit)
    if shown == limit_shown:  # "20.0 MB; the limit is 20.0 MB" would explain nothing
        shown, limit_shown = _exact_size(size), _exact_size(limit)
    return ValidationError(
        _("“%(name)s” is %(size)s; the limit is %(limit)s."),
        code="too_large",
        params={"name": name, "size": shown, "limit": limit_shown},
    )


def _not_allowed(name: str) -> ValidationError:
    return ValidationError(
        _("“%(name)s” is not a PDF, DOCX, ODT, XLSX or plain-text file."),
        code="type_not_allowed",
        params={"name": name},
    )


class _TextSniffer:
    """Follows the bytes as they stream past and says whether they are readable UTF-8 text."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.possible = True
        self._characters = 0
        self._controls = 0

    def feed(self, chunk: bytes, *, final: bool = False) -> None:
        if not self.possible:
            return
        if b"\x00" in chunk:
            self.possible = False
            return
        try:
            text = self._decoder.decode(chunk, final=final)
        except UnicodeDecodeError:
            self.possible = False
            return
        self._characters += len(text)
        self._controls += len(_CONTROLS.findall(text))

    @property
    def is_text(self) -> bool:
        return (
            self.possible
            and self._characters > 0
            and self._controls <= self._characters * TEXT_MAX_CONTROL_RATIO
        )


def _zip_kind(file: IO[bytes], name: str) -> str:
    """The kind of a ZIP-based upload, or ValidationError (damaged, bomb, macros, other)."""
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            if len(members) > ZIP_MAX_MEMBERS or _inflates_too_much(members):
                raise ValidationError(
                    _("“%(name)s” expands to far more data than a document would; it was refused."),
                    code="zip_bomb",
                    params={"name": name},
                )
            names = {member.filename for member in members}
            if names & _MACRO_MEMBERS:
                raise ValidationError(
                    _(
                        "“%(name)s” contains macros, which are not accepted. Save it as a "
                        "plain DOCX or XLSX file and upload it again."
                    ),
                    code="macros",
                    params={"name": name},
                )
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return "docx"
            if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
                return "xlsx"
            # ODT stores its type, uncompressed, as the very first member.
            first = members[0] if members else None
            if (
                first is not None
                and first.filename == "mimetype"
                and first.file_size < 100
                and archive.read(first).strip() == _ODT_MIMETYPE
            ):
                return "odt"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError):
        raise ValidationError(
            _("“%(name)s” is damaged: it looks like a DOCX, XLSX or ODT file but cannot be read."),
            code="damaged",
            params={"name": name},
        ) from None
    raise _not_allowed(name)


def _inflates_too_much(members: list[zipfile.ZipInfo]) -> bool:
    if sum(member.file_size for member in members) > ZIP_MAX_UNCOMPRESSED_BYTES:
        return True
    return any(
        member.file_size > ZIP_RATIO_FLOOR
        and member.file_size > ZIP_MAX_RATIO * max(member.compress_size, 1)
        for member in members
    )


def validate_upload(file: UploadedFile) -> UploadInfo:
    """Check an uploaded file's size and type by content; ValidationError with a message that
    names the file otherwise. The file is read once in chunks and left rewound."""
    name = os.path.basename(file.name or "") or _("The file")
    limit = _upload_limit()
    if file.size is not None and file.size > limit:
        raise _too_large(name, file.size, limit)

    digest = hashlib.sha256()
    sniffer = _TextSniffer()
    head = b""
    size = 0
    file.seek(0)
    for chunk in file.chunks(CHUNK_SIZE):
        size += len(chunk)
        if size > limit:
            file.seek(0)
            raise _too_large(name, size, limit)
        digest.update(chunk)
        sniffer.feed(chunk)
        if len(head) < 8:
            head += chunk[:8]
    sniffer.feed(b"", final=True)
    file.seek(0)

    if size == 0:
        raise ValidationError(_("“%(name)s” is empty."), code="empty", params={"name": name})
    if head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"PK\x03\x04"):
        try:
            kind = _zip_kind(cast(IO[bytes], file), name)
        finally:
            file.seek(0)
    elif sniffer.is_text:
        kind = "txt"
    else:
        raise _not_allowed(name)
    return UploadInfo(
        name=name,
        content_type=KIND_CONTENT_TYPES[kind],
        size=size,
        sha256=digest.hexdigest(),
        kind=kind,
    )


def store_checked_upload(attachment: Any, upload: UploadedFile, *, by: Any) -> UploadInfo:
    """Check `upload` (ValidationError naming the problem) and save it as `attachment`, an
    unsaved row of one of the apps' attachment models (fields `file`, `name`, `content_type`,
    `size`, `sha256`, `uploaded_by`), with the type we detected rather than the one claimed."""
    info = validate_upload(upload)
    attachment.name, attachment.content_type = info.name, info.content_type
    attachment.size, attachment.sha256, attachment.uploaded_by = info.size, info.sha256, by
    attachment.file.save(info.name, upload, save=False)
    attachment.save()
    return info
