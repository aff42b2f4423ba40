"""Importing a file of figures: upload, preview, import or discard, and the command's import
of a file on disk.

1. `upload_file` checks the file by content and size, stores it in an ImportBatch with the
   mapping guessed from its header, and imports nothing.
2. `preview_batch` reads the whole file with a mapping and says what importing it would do:
   the errors row by row, and how many figures would be new, revised or unchanged.
3. `import_batch` reads it again and writes, in one transaction: new figures are inserted,
   a stored figure whose value, note or source changed keeps its old state as an
   ObservationRevision and goes up one revision, identical figures are left alone. A file
   with errors imports nothing unless `valid_rows_only`.
4. `discard_batch` drops a pending file.

A file is read as a stream (reading.py) and written in batches (bulk.py): memory holds the
keys of the figures, never the rows.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from followup.accounts.models import User
from followup.statistics import permissions
from followup.statistics.models import ImportBatch, Indicator
from followup.statistics.services.bulk import FigureWriter, StoredFigures
from followup.statistics.services.files import (
    batch_table,
    check_upload,
    raw_file,
    store_file,
    store_path,
)
from followup.statistics.services.mapping import ColumnMapping, check_mapping, guess_mapping
from followup.statistics.services.reading import (
    Table,
    open_table,
    read_columns,
)
from followup.statistics.services.validation import Checked, Figure, RowError, read_figures

ERRORS_KEPT = 200
SAMPLE_SIZE = 20
PROGRESS_EVERY = 5_000

Progress = Callable[[int], None]


class ImportRefused(ValidationError):
    """The import was refused: the file has errors (the first ERRORS_KEPT in `errors`) and
    only valid rows were not asked for, or the batch is no longer waiting for review."""

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        errors: tuple[RowError, ...] = (),
        rows_with_errors: int = 0,
        error_count: int = 0,
    ) -> None:
        super().__init__(message, code=code)
        self.errors = errors
        self.rows_with_errors = rows_with_errors
        self.error_count = error_count


@dataclass(frozen=True)
class Preview:
    columns: tuple[str, ...]
    rows_read: int
    valid: int  # valid figures (a row of the wide layout gives one per year)
    error_count: int
    rows_with_errors: int
    errors: tuple[RowError, ...]  # the first ERRORS_KEPT
    sample: tuple[Figure, ...]  # the first SAMPLE_SIZE valid figures
    # What importing the valid rows would do.
    new: int
    revised: int
    unchanged: int

    @property
    def has_errors(self) -> bool:
        return self.error_count > 0


@dataclass(frozen=True)
class ImportResult:
    batch: ImportBatch
    rows_read: int
    created: int
    revised: int
    unchanged: int
    rejected: int  # rows left out for their errors
    errors: tuple[RowError, ...]  # the first ERRORS_KEPT


@dataclass
class _Tally:
    rows_read: int = 0
    new: int = 0
    revised: int = 0
    unchanged: int = 0
    error_count: int = 0
    rows_with_errors: int = 0
    errors: list[RowError] = field(default_factory=list)
    sample: list[Figure] = field(default_factory=list)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


# Uploading.


def upload_file(upload: UploadedFile, *, by: User) -> ImportBatch:
    """A new batch holding `upload`, checked by content and size, with the mapping guessed
    from its header row. ValidationError naming the file when it is too large or not a CSV
    or XLSX file, or when it cannot be stored; ReadError when it cannot be read as a table."""
    _require(permissions.can_import_statistics(by))
    info = check_upload(upload)
    columns = read_columns(raw_file(upload), info.name)
    upload.seek(0)
    batch = ImportBatch(
        filename=info.name[:255],
        sha256=info.sha256,
        size=info.size,
        uploaded_by=by,
        mapping=guess_mapping(columns).as_json(),
    )
    store_file(batch, upload, xlsx=info.kind == "xlsx")
    batch.save()
    return batch


# Previewing.


def preview_batch(batch: ImportBatch, mapping: ColumnMapping) -> Preview:
    """What importing the batch's file with `mapping` would do, writing nothing but the
    mapping (saved on the batch once it is accepted). MappingError, ReadError."""
    with batch_table(batch, decimal_comma=mapping.decimal_comma) as table:
        check_mapping(mapping, table.columns)
        batch.mapping = mapping.as_json()
        batch.save(update_fields=["mapping"])
        return _preview(table, mapping, progress=None)


def preview_path(
    path: Path, mapping: ColumnMapping | None = None, *, progress: Progress | None = None
) -> Preview:
    """The preview of a file on disk, stored nowhere (the command's dry run); the mapping is
    guessed from the header when None."""
    decimal_comma = mapping is not None and mapping.decimal_comma
    with open_table(path, path.name, decimal_comma=decimal_comma) as table:
        mapping = mapping or guess_mapping(table.columns)
        check_mapping(mapping, table.columns)
        return _preview(table, mapping, progress=progress)


def _preview(table: Table, mapping: ColumnMapping, *, progress: Progress | None) -> Preview:
    with connection.cursor() as cursor:
        tally = _read(
            read_figures(table, mapping, _indicator_ids()),
            StoredFigures(cursor, lock=False),
            writer=None,
            progress=progress,
        )
    return Preview(
        columns=table.columns,
        rows_read=tally.rows_read,
        valid=tally.new + tally.revised + tally.unchanged,
        error_count=tally.error_count,
        rows_with_errors=tally.rows_with_errors,
        errors=tuple(tally.errors),
        sample=tuple(tally.sample),
        new=tally.new,
        revised=tally.revised,
        unchanged=tally.unchanged,
    )


# Importing.


def import_batch(
    batch: ImportBatch,
    mapping: ColumnMapping,
    *,
    by: User | None,
    valid_rows_only: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import the batch's file with `mapping`, all or nothing, and mark the batch imported
    with its counts. `by` None is the command line. `progress(rows_done)` is called every
    PROGRESS_EVERY rows. ImportRefused when the file has errors and not `valid_rows_only`
    (nothing is written), or when the batch is no longer pending; MappingError, ReadError."""
    if by is not None:
        _require(permissions.can_import_statistics(by))
    with transaction.atomic():
        _check_pending(batch)
        with (
            batch_table(batch, decimal_comma=mapping.decimal_comma) as table,
            connection.cursor() as cursor,
        ):
            check_mapping(mapping, table.columns)
            tally = _write(batch, table, mapping, cursor, valid_rows_only, progress)
    return ImportResult(
        batch=batch,
        rows_read=tally.rows_read,
        created=tally.new,
        revised=tally.revised,
        unchanged=tally.unchanged,
        rejected=tally.rows_with_errors,
        errors=tuple(tally.errors),
    )


def _write(
    batch: ImportBatch,
    table: Table,
    mapping: ColumnMapping,
    cursor: CursorWrapper,
    valid_rows_only: bool,
    progress: Progress | None,
) -> _Tally:
    """Read the file into the database with `cursor`; refuse (before the last batch is
    written, and the transaction rolls back what was) when it has errors."""
    now = timezone.now()
    writer = FigureWriter(cursor, batch_id=batch.pk, now=now)
    tally = _read(
        read_figures(table, mapping, _indicator_ids()),
        StoredFigures(cursor, lock=True),
        writer=writer,
        stop_writing_on_error=not valid_rows_only,
        progress=progress,
    )
    if tally.rows_with_errors and not valid_rows_only:
        raise _refused_for_errors(batch, tally)
    writer.flush()
    batch.status = ImportBatch.Status.IMPORTED
    batch.imported_at = now
    batch.mapping = mapping.as_json()
    batch.rows_read, batch.created, batch.revised = tally.rows_read, tally.new, tally.revised
    batch.unchanged, batch.rejected = tally.unchanged, tally.rows_with_errors
    batch.save()
    return tally


def _check_pending(batch: ImportBatch) -> None:
    """Refuse unless the batch, as saved now and locked until the transaction ends, is
    waiting for review: two clicks on "Import" must not import a file twice."""
    status = (
        ImportBatch.objects.select_for_update().filter(pk=batch.pk).values_list("status").get()
    )[0]
    if status == ImportBatch.Status.IMPORTED:
        raise ImportRefused(
            _("“%(name)s” was already imported.") % {"name": batch.filename}, code="imported"
        )
    if status == ImportBatch.Status.DISCARDED:
        raise ImportRefused(
            _("“%(name)s” was discarded; upload it again to import it.") % {"name": batch.filename},
            code="discarded",
        )


def _refused_for_errors(batch: ImportBatch, tally: _Tally) -> ImportRefused:
    count = tally.rows_with_errors
    return ImportRefused(
        ngettext(
            "“%(name)s” has errors on %(count)s row; nothing was imported. Correct the file, "
            "or import only the valid rows.",
            "“%(name)s” has errors on %(count)s rows; nothing was imported. Correct the file, "
            "or import only the valid rows.",
            count,
        )
        % {"name": batch.filename, "count": count},
        code="has_errors",
        errors=tuple(tally.errors),
        rows_with_errors=count,
        error_count=tally.error_count,
    )


def import_path(
    path: Path,
    mapping: ColumnMapping | None = None,
    *,
    by: User | None = None,
    valid_rows_only: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Store a file from disk as a batch (no size limit: whoever runs the command has the
    server) and import it, the mapping guessed from its header when None. A refused import
    leaves no batch behind. ReadError, MappingError, ImportRefused."""
    if by is not None:
        _require(permissions.can_import_statistics(by))
    columns = read_columns(path, path.name)
    mapping = mapping or guess_mapping(columns)
    check_mapping(mapping, columns)
    with transaction.atomic():
        batch = store_path(path, mapping, by)
        try:
            return import_batch(
                batch, mapping, by=by, valid_rows_only=valid_rows_only, progress=progress
            )
        except BaseException:
            # The batch's row goes with the rollback; its stored file would stay.
            batch.file.delete(save=False)
            raise


# Discarding.


@transaction.atomic
def discard_batch(batch: ImportBatch, *, by: User) -> None:
    """Drop a file waiting for review, and its stored copy: nothing of it was imported, so
    nothing needs tracing back to it. ImportRefused unless the batch is pending."""
    _require(permissions.can_import_statistics(by))
    _check_pending(batch)
    # The stored copy goes once the discard is committed: a rollback must leave a pending
    # batch with its file, and a deleted file cannot be rolled back.
    transaction.on_commit(partial(batch.file.storage.delete, batch.file.name), robust=True)
    batch.file.name = ""
    batch.status = ImportBatch.Status.DISCARDED
    batch.save()


# Reading and counting.


def _indicator_ids() -> dict[str, int]:
    return dict(Indicator.objects.order_by().values_list("code", "id"))


def _read(
    checked: Iterable[Checked],
    stored: StoredFigures,
    *,
    writer: FigureWriter | None,
    stop_writing_on_error: bool = False,
    progress: Progress | None,
) -> _Tally:
    """Count what each row would do and, with a writer, do it. Hot loop: a million rows go
    through it, so the stored figures and the counts are local names."""
    tally = _Tally()
    figures, loaded = stored.figures, stored.loaded
    errors, sample = tally.errors, tally.sample
    rows_read = new = revised = unchanged = 0
    for _number, rows, row_errors in checked:
        rows_read += 1
        if progress is not None and rows_read % PROGRESS_EVERY == 0:
            progress(rows_read)
        if row_errors:
            tally.rows_with_errors += 1
            tally.error_count += len(row_errors)
            errors.extend(row_errors[: ERRORS_KEPT - len(errors)])
            if stop_writing_on_error:
                writer = None  # the import will be refused: writing more is wasted
            continue
        for row in rows:
            key = row[0]
            if key[0] not in loaded:
                stored.load(key[0])
            old = figures.get(key)
            if old is None:
                new += 1
                if writer is not None:
                    writer.add(row)
            elif old[1] == row[1] and old[2] == row[2] and old[3] == row[3]:
                unchanged += 1
            else:
                revised += 1
                if writer is not None:
                    writer.revise(old[0], row)
            if len(sample) < SAMPLE_SIZE:
                sample.append(Figure.from_row(row))
    if progress is not None:
        progress(rows_read)
    tally.rows_read, tally.new, tally.revised, tally.unchanged = rows_read, new, revised, unchanged
    return tally
