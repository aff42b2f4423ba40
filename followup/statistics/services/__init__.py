"""Every write on the statistics: importing files of figures, one function per step, called
by the workspace pages, the `followup stats import` command and tests.

Each function checks the permission it needs (`by` None is the command line, run by whoever
has the server), reads the file as a stream and says what is wrong in messages for people:
`ReadError` when the file is not a readable table, `MappingError` (keyed by field) when the
column mapping cannot read it, `RowError`s row by row in a `Preview` or an `ImportResult`,
and `ImportRefused` when a file with errors would be imported whole, or a batch twice.

By topic: `reading` (CSV and XLSX as a table of text cells), `mapping` (which column holds
what), `validation` (rows into figures, with an error per bad cell), `bulk` (the SQL that
reads and writes figures in batches), `files` (checking, storing and opening a batch's file),
`imports` (the steps: upload, preview, import, discard). Callers import from here.
"""

from followup.statistics.services.files import batch_columns
from followup.statistics.services.imports import (
    ImportRefused,
    ImportResult,
    Preview,
    discard_batch,
    import_batch,
    import_path,
    preview_batch,
    preview_path,
    upload_file,
)
from followup.statistics.services.mapping import (
    ColumnMapping,
    MappingError,
    check_mapping,
    guess_mapping,
)
from followup.statistics.services.reading import ReadError, count_rows, read_columns
from followup.statistics.services.validation import Figure, RowError

__all__ = [
    "ColumnMapping",
    "Figure",
    "ImportRefused",
    "ImportResult",
    "MappingError",
    "Preview",
    "ReadError",
    "RowError",
    "batch_columns",
    "check_mapping",
    "count_rows",
    "discard_batch",
    "guess_mapping",
    "import_batch",
    "import_path",
    "preview_batch",
    "preview_path",
    "read_columns",
    "upload_file",
]
