"""`followup stats`: the statistics from the command line. One sub-command so far:

    followup stats import FILE [--indicator CODE] [--map FIELD=COLUMN ...] [--valid-rows-only]
                               [--dry-run] [--source TEXT] [--decimal-comma]

`import` reads a CSV or XLSX file of figures through the same services as the workspace's
upload, preview and import (services/imports.py), with the column mapping guessed from the
header row and corrected with --map. It shows a progress bar on standard error when that is
a terminal, then every error row by row (the first 200, and how many more), then what it did.
A file with errors imports nothing unless --valid-rows-only, and the command then fails
naming how many rows have errors.
"""

import dataclasses
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from followup.statistics.services import (
    ColumnMapping,
    ImportRefused,
    MappingError,
    RowError,
    check_mapping,
    count_rows,
    guess_mapping,
    import_path,
    preview_path,
    read_columns,
)
from followup.statistics.services.mapping import COLUMN_FIELDS

# How a field of the mapping is given on the command line, for the messages about it.
_OPTIONS = {
    "indicator_code": "--indicator",
    "default_source": "--source",
    **{field: f"--map {field}=…" for field in COLUMN_FIELDS},
}


class Command(BaseCommand):
    help = (
        "Statistics from the command line: `followup stats import FILE` imports a CSV or XLSX "
        "file of figures."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", required=True)
        importing = subcommands.add_parser(
            "import",
            help="Import a CSV or XLSX file of figures.",
            description=(
                "Import a CSV or XLSX file of figures: a row per figure (indicator, country, "
                "year, value) or a column per year. Columns are found by their headers in "
                "English or Spanish; name the others with --map. A file with errors imports "
                "nothing unless --valid-rows-only."
            ),
        )
        importing.add_argument("file", type=Path, metavar="FILE", help="The CSV or XLSX file.")
        importing.add_argument(
            "--indicator",
            metavar="CODE",
            help="The indicator of every figure, when the file has no indicator column.",
        )
        importing.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="FIELD=COLUMN",
            help=(
                "The column that holds a field: one of "
                + ", ".join(COLUMN_FIELDS)
                + " (repeat for several; an empty COLUMN for none, such as year= for a file "
                "with a column per year)."
            ),
        )
        importing.add_argument(
            "--valid-rows-only",
            action="store_true",
            help="Import the rows without errors when others have some.",
        )
        importing.add_argument(
            "--dry-run", action="store_true", help="Read and report; import nothing."
        )
        importing.add_argument(
            "--source", default="", metavar="TEXT", help="The source of rows that give none."
        )
        importing.add_argument(
            "--decimal-comma",
            action="store_true",
            help="Numbers are written 1.234,5 rather than 1,234.5.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "import":
            self.import_file(options)

    def import_file(self, options: dict[str, Any]) -> None:
        path: Path = options["file"]
        try:
            columns = read_columns(path, str(path))
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        try:
            mapping = _mapping(columns, options)
            check_mapping(mapping, columns)
            bar = _ProgressBar(self.stderr)
            if bar.enabled:
                bar.total = count_rows(path, str(path))
            if options["dry_run"]:
                self.dry_run(path, mapping, bar, valid_rows_only=options["valid_rows_only"])
            else:
                self.run(path, mapping, bar, valid_rows_only=options["valid_rows_only"])
        except MappingError as error:
            raise CommandError(_mapping_message(error, columns)) from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None

    def run(
        self, path: Path, mapping: ColumnMapping, bar: "_ProgressBar", *, valid_rows_only: bool
    ) -> None:
        try:
            result = import_path(path, mapping, valid_rows_only=valid_rows_only, progress=bar.show)
        except ImportRefused as refused:
            bar.clear()
            if not refused.rows_with_errors:
                raise CommandError(" ".join(refused.messages)) from None
            self.write_errors(refused.errors, refused.error_count)
            raise CommandError(_rows_with_errors(refused.rows_with_errors)) from None
        bar.clear()
        self.write_errors(result.errors, len(result.errors))
        self.write_counts(
            (_("Rows read: %(count)s"), result.rows_read),
            (_("Figures added: %(count)s"), result.created),
            (_("Figures revised: %(count)s"), result.revised),
            (_("Figures unchanged: %(count)s"), result.unchanged),
            (_("Rows left out: %(count)s"), result.rejected),
        )

    def dry_run(
        self, path: Path, mapping: ColumnMapping, bar: "_ProgressBar", *, valid_rows_only: bool
    ) -> None:
        preview = preview_path(path, mapping, progress=bar.show)
        bar.clear()
        self.write_errors(preview.errors, preview.error_count)
        self.stdout.write(_("Dry run: nothing was imported."))
        self.write_counts(
            (_("Rows read: %(count)s"), preview.rows_read),
            (_("Figures to add: %(count)s"), preview.new),
            (_("Figures to revise: %(count)s"), preview.revised),
            (_("Figures unchanged: %(count)s"), preview.unchanged),
            (_("Rows with errors: %(count)s"), preview.rows_with_errors),
        )
        if preview.rows_with_errors and not valid_rows_only:
            raise CommandError(_rows_with_errors(preview.rows_with_errors))

    def write_errors(self, errors: tuple[RowError, ...], error_count: int) -> None:
        for error in errors:
            self.stdout.write(error.message)
        more = error_count - len(errors)
        if more > 0:
            self.stdout.write(
                ngettext("… and %(count)s more error.", "… and %(count)s more errors.", more)
                % {"count": _number(more)}
            )

    def write_counts(self, *lines: tuple[str, int]) -> None:
        for line, count in lines:
            self.stdout.write(line % {"count": _number(count)})


def _mapping(columns: tuple[str, ...], options: dict[str, Any]) -> ColumnMapping:
    """The mapping guessed from the header, corrected by --map, --indicator, --source and
    --decimal-comma; CommandError for a --map that names no field."""
    changes: dict[str, Any] = {}
    for item in options["map"]:
        field, equals, column = item.partition("=")
        field = field.strip().replace("-", "_")
        if not equals or field not in COLUMN_FIELDS:
            raise CommandError(
                _("--map “%(item)s”: write FIELD=COLUMN, with FIELD one of %(fields)s.")
                % {"item": item, "fields": ", ".join(COLUMN_FIELDS)}
            )
        changes[field] = column.strip()
    if options["indicator"]:
        changes["indicator_code"] = options["indicator"].strip().upper()
        # One indicator for the file replaces the guessed column, not one given with --map.
        changes.setdefault("indicator", "")
    changes["default_source"] = options["source"].strip()
    changes["decimal_comma"] = options["decimal_comma"]
    return dataclasses.replace(guess_mapping(columns), **changes)


def _mapping_message(error: MappingError, columns: tuple[str, ...]) -> str:
    lines = [
        f"{_OPTIONS.get(field, field)}: {message}"
        for field, messages in error.message_dict.items()
        for message in messages
    ]
    lines.append(
        _("The file's columns: %(columns)s.")
        % {"columns": ", ".join(f"“{column}”" for column in columns)}
    )
    return "\n".join(lines)


def _rows_with_errors(count: int) -> str:
    return ngettext(
        "%(count)s row has errors; nothing was imported. Correct the file, or run again with "
        "--valid-rows-only to import the other rows.",
        "%(count)s rows have errors; nothing was imported. Correct the file, or run again with "
        "--valid-rows-only to import the other rows.",
        count,
    ) % {"count": _number(count)}


def _number(count: int) -> str:
    return number_format(count, force_grouping=True)


class _ProgressBar:
    """A one-line bar on a terminal, redrawn as rows are read; nothing when standard error
    is a file or a pipe."""

    WIDTH = 30

    def __init__(self, stream: OutputWrapper) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.total = 0
        self.shown = False

    def show(self, done: int) -> None:
        if not self.enabled:
            return
        fraction = min(done / self.total, 1.0) if self.total else 1.0
        filled = round(self.WIDTH * fraction)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(
            f"\r[{bar}] {fraction:4.0%} {_number(done)}/{_number(self.total)}",
            ending="",
            style_func=_plain,
        )
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * (self.WIDTH + 40) + "\r", ending="", style_func=_plain)
            self.stream.flush()
            self.shown = False


def _plain(text: str) -> str:
    """Standard error shows in red on a terminal; a progress bar is no error."""
    return text
