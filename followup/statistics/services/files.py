"""The file of an import: checking an upload, storing a file from disk, and opening a
batch's stored file as a table."""

import hashlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from followup.accounts.models import User
from followup.statistics.models import ImportBatch
from followup.statistics.services.mapping import ColumnMapping
from followup.statistics.services.reading import (
    CHUNK_SIZE,
    ReadError,
    Table,
    open_table,
    text_encoding,
)
from followup.uploads import KIND_CONTENT_TYPES, UploadInfo, validate_upload

TABLE_KINDS = {"txt", "xlsx"}

logger = logging.getLogger(__name__)


def check_upload(upload: UploadedFile) -> UploadInfo:
    """What validate_upload finds, but for a CSV file saved by Excel in Windows-1252, which
    it refuses as not UTF-8 text, and which is accepted here as the text it is."""
    try:
        info = validate_upload(upload)
    except ValidationError as error:
        windows_text = _windows_1252_text(upload) if error.code == "type_not_allowed" else None
        if windows_text is None:
            raise
        info = windows_text
    if info.kind not in TABLE_KINDS:
        raise ValidationError(
            _("“%(name)s” is not a CSV or XLSX file.") % {"name": info.name},
            code="type_not_allowed",
        )
    return info


def _windows_1252_text(upload: UploadedFile) -> UploadInfo | None:
    name = os.path.basename(upload.name or "")
    file = raw_file(upload)
    try:
        if file.read(4) == b"PK\x03\x04" or text_encoding(file, name) != "cp1252":
            return None
    except ReadError:
        return None
    finally:
        file.seek(0)
    digest = hashlib.sha256()
    size = 0
    while chunk := file.read(CHUNK_SIZE):
        digest.update(chunk)
        size += len(chunk)
    file.seek(0)
    return UploadInfo(
        name=name,
        content_type=KIND_CONTENT_TYPES["txt"],
        size=size,
        sha256=digest.hexdigest(),
        kind="txt",
    )


def raw_file(file: Any) -> Any:
    """The Python file inside Django's File wrappers, which the readers take."""
    while isinstance(file, File):
        file = file.file
    return file


@contextmanager
def batch_table(batch: ImportBatch, *, decimal_comma: bool = False) -> Iterator[Table]:
    """The batch's stored file as a table; ReadError when it is gone (discarded)."""
    try:
        opened = batch.file.open("rb")
    except (OSError, ValueError):
        raise ReadError(
            _("The file of “%(name)s” is no longer stored; upload it again.")
            % {"name": batch.filename},
            code="missing",
        ) from None
    with opened, open_table(raw_file(opened), batch.filename, decimal_comma=decimal_comma) as table:
        yield table


def batch_columns(batch: ImportBatch) -> tuple[str, ...]:
    """The column names in the header row of the batch's file."""
    with batch_table(batch) as table:
        return table.columns


def store_file(batch: ImportBatch, content: File[Any], *, xlsx: bool) -> None:
    """Store `content` as the batch's file, not yet saved. The name stored is the checksum
    and the format's extension: the name a person gave, kept in `filename`, may be longer
    than the file field holds or be anything else a storage refuses. ValidationError naming
    the file when the storage fails all the same (a full disk, a missing folder)."""
    name = f"{batch.sha256}.{'xlsx' if xlsx else 'csv'}"
    try:
        batch.file.save(name, content, save=False)
    except (OSError, SuspiciousFileOperation) as error:
        logger.exception("The file of the statistics import “%s” was not stored.", batch.filename)
        raise ValidationError(
            _(
                "“%(name)s” could not be stored on the server; try again, and tell the "
                "administrator if it fails again."
            )
            % {"name": batch.filename},
            code="not_stored",
        ) from error


def store_path(path: Path, mapping: ColumnMapping, by: User | None) -> ImportBatch:
    """A pending batch holding a copy of the file at `path`, with its checksum and size."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as file:
        while chunk := file.read(CHUNK_SIZE):
            digest.update(chunk)
            size += len(chunk)
        file.seek(0)
        xlsx = file.read(4) == b"PK\x03\x04"
        file.seek(0)
        batch = ImportBatch(
            filename=path.name[:255],
            sha256=digest.hexdigest(),
            size=size,
            uploaded_by=by,
            mapping=mapping.as_json(),
        )
        store_file(batch, File(file, name=path.name), xlsx=xlsx)
    batch.save()
    return batch
