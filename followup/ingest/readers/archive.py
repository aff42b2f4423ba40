"""DOCX and ODT archives, read part by part within a byte budget.

A zip bomb is refused WHILE it inflates: every part is read in chunks that count against
the budget of the whole document and against a compression ratio, so a part that lies about
its size in the archive's directory is stopped after the budget, never inflated first. The
directory itself is checked before `zipfile` parses it, since a directory with millions of
entries would cost memory before any part is read.
"""

import io
import struct
import zipfile
import zlib
from typing import IO

from django.utils.translation import gettext as _

from followup.ingest.blocks import UnreadableFile
from followup.ingest.readers.limits import Limits
from followup.uploads import human_size

CHUNK = 64 * 1024
_END_OF_DIRECTORY = b"PK\x05\x06"
_END_RECORD_MAX = 22 + 65_535  # the fixed record and the longest archive comment
# What `zipfile` and `zlib` raise on a damaged or truncated archive.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    struct.error,
)


def damaged() -> UnreadableFile:
    return UnreadableFile(_("the ZIP archive is damaged or truncated"))


class Archive:
    def __init__(self, data: bytes, limits: Limits) -> None:
        self._limits = limits
        self._inflated = 0
        end = data.rfind(_END_OF_DIRECTORY, max(0, len(data) - _END_RECORD_MAX))
        if end < 0 or end + 22 > len(data):
            raise damaged()
        (entries,) = struct.unpack_from("<H", data, end + 10)
        if entries > limits.max_archive_members:
            raise UnreadableFile(
                _("the archive has more than %(count)s parts")
                % {"count": limits.max_archive_members}
            )
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except _ZIP_ERRORS:
            raise damaged() from None
        self.names = frozenset(self._zip.namelist())

    def open(self, name: str) -> "Member":
        """A part as a stream (for lxml's incremental parser); UnreadableFile if it is missing."""
        try:
            info = self._zip.getinfo(name)
        except KeyError:
            raise UnreadableFile(
                _("the document is damaged: its part %(name)s is missing") % {"name": name}
            ) from None
        if info.flag_bits & 0x1:
            raise UnreadableFile(_("the document is password-protected"))
        # The declared size can lie low, never usefully high: a part declaring more than the
        # budget is refused before a byte is inflated.
        self._check(info.file_size, 0, info.compress_size)
        try:
            stream = self._zip.open(info)
        except _ZIP_ERRORS:
            raise damaged() from None
        return Member(self, stream, info.compress_size)

    def read(self, name: str) -> bytes:
        member = self.open(name)
        chunks = []
        while chunk := member.read(CHUNK):
            chunks.append(chunk)
        return b"".join(chunks)

    def consume(self, size: int, inflated: int, compressed: int) -> None:
        """Count `size` more bytes inflated from a part that inflated `inflated` so far."""
        self._check(size, inflated, compressed)
        self._inflated += size

    def _check(self, more: int, inflated: int, compressed: int) -> None:
        """Refuse when the document's budget or the part's compression ratio is exceeded."""
        limits = self._limits
        if self._inflated + more > limits.max_inflated_bytes:
            raise UnreadableFile(
                _("the document inflates to more than %(size)s: refused as a possible ZIP bomb")
                % {"size": human_size(limits.max_inflated_bytes)}
            )
        total = inflated + more
        if total > limits.ratio_floor and total > limits.max_compression_ratio * max(compressed, 1):
            raise UnreadableFile(
                _(
                    "a part of the document is compressed more than %(ratio)s to 1: "
                    "refused as a possible ZIP bomb"
                )
                % {"ratio": limits.max_compression_ratio}
            )


class Member:
    """One part's inflated bytes, counted as they are read."""

    def __init__(self, archive: Archive, stream: IO[bytes], compressed: int) -> None:
        self._archive = archive
        self._stream = stream
        self._compressed = compressed
        self._inflated = 0

    def read(self, size: int = -1) -> bytes:
        size = CHUNK if size < 0 else min(size, CHUNK)
        try:
            chunk = self._stream.read(size)
        except _ZIP_ERRORS:
            raise damaged() from None
        self._archive.consume(len(chunk), self._inflated, self._compressed)
        self._inflated += len(chunk)
        return chunk
