"""Reading a CSV or XLSX file as a table of text cells, one row at a time.

Whatever the format, a table is a header row naming the columns and rows of text cells, so
the mapping and the validation never care where a figure came from. Rows are streamed: a file
of a million figures is never held in memory.

The format is decided from the bytes, as uploads.py does: an XLSX file is a ZIP archive, a
CSV file is text. CSV text is UTF-8 (with or without the byte-order mark Excel writes) or else
Windows-1252, the encoding of a CSV saved by Excel in English or Spanish on Windows; the
delimiter is whichever of comma, semicolon and tab splits the first lines into the same
number of cells. An XLSX cell reads as the value its formula last gave; a formula saved
without one reads as `UNCOMPUTED` and the formula, for the validation to refuse.
"""

import codecs
import csv
import datetime
import io
import re
import sys
import warnings
import zipfile
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CHUNK_SIZE = 1024 * 1024
SAMPLE_LINES = 50
DELIMITERS = (",", ";", "\t")
# Unicode category Cc but tab, line feed, form feed and carriage return: binary data decoded
# by chance shows many of them, text almost none (the same test as uploads.py).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_RATIO = 0.01
# Excel's largest whole number without rounding is below this; a float past it keeps its
# exponent rather than printing twenty digits.
_WHOLE_LIMIT = 1e15
# A formula cell saved without its computed value reads as this mark followed by the formula,
# so that the validation says so rather than "there is no value". No cell of a CSV or XLSX
# file can hold a NUL character (CSV text with one is refused as binary, XML cannot write
# one), so no cell's own text starts with it.
UNCOMPUTED = "\x00"

Row = tuple[int, list[str]]  # the row's number in the file (the header is 1) and its cells


class ReadError(ValidationError):
    """The file cannot be read as a table; the message names the file and the problem."""


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    # Rows below the header, empty rows left out, each with at least len(columns) cells.
    rows: Iterator[Row]


Source = Path | IO[bytes]


@contextmanager
def open_table(source: Source, name: str, *, decimal_comma: bool = False) -> Iterator[Table]:
    """The table in `source` (a path, or a binary file open for reading, left open);
    ReadError naming `name` when it is not one. With `decimal_comma`, numbers an XLSX file
    stores as numbers are written "1234,5", as the validation will then read them."""
    if isinstance(source, Path):
        if not source.exists():
            raise ReadError(_("“%(name)s” does not exist.") % {"name": name}, code="missing")
        if not source.is_file():
            raise ReadError(_("“%(name)s” is not a file.") % {"name": name}, code="missing")
        with source.open("rb") as file, _open_file(file, name, decimal_comma) as table:
            yield table
    else:
        source.seek(0)
        with _open_file(source, name, decimal_comma) as table:
            yield table


def read_columns(source: Source, name: str) -> tuple[str, ...]:
    """The column names of the file's header row; ReadError otherwise."""
    with open_table(source, name) as table:
        return table.columns


def count_rows(source: Source, name: str) -> int:
    """How many rows (other than the header and empty rows) the file holds."""
    with open_table(source, name) as table:
        return sum(1 for _row in table.rows)


@contextmanager
def _open_file(file: IO[bytes], name: str, decimal_comma: bool) -> Iterator[Table]:
    head = file.read(8)
    file.seek(0)
    if not head:
        raise ReadError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    if head.startswith(b"PK\x03\x04"):
        with _xlsx_rows(file, name, decimal_comma) as rows:
            yield _table(rows, name)
    else:
        encoding = text_encoding(file, name)
        text = io.TextIOWrapper(file, encoding=encoding, newline="")
        try:
            delimiter = _delimiter(text)
            text.seek(0)
            yield _table(_csv_rows(text, delimiter, name), name)
        finally:
            # Leave the caller's file open: closing the wrapper would close it.
            text.detach()


def _table(rows: Iterator[Row], name: str) -> Table:
    for number, cells in rows:
        while cells and not cells[-1]:
            cells.pop()
        columns = tuple(cells)
        _check_header(columns, number, name)
        return Table(columns, _padded(rows, len(columns)))
    raise ReadError(
        _("“%(name)s” has no header row: its first row must name the columns.") % {"name": name},
        code="no_header",
    )


def _check_header(columns: tuple[str, ...], number: int, name: str) -> None:
    seen: set[str] = set()
    for column in columns:
        if column.startswith(UNCOMPUTED):
            raise ReadError(
                _(
                    "“%(name)s” has a formula without a computed value in its header row (row "
                    "%(row)s): %(formula)s. Open and save the file in Excel, or paste the "
                    "values in place of the formulas."
                )
                % {"name": name, "row": number, "formula": column.removeprefix(UNCOMPUTED)},
                code="uncomputed_formula",
            )
        if column and column in seen:
            raise ReadError(
                _(
                    "“%(name)s” has two columns named “%(column)s” in its header row (row "
                    "%(row)s); rename one."
                )
                % {"name": name, "column": column, "row": number},
                code="duplicate_column",
            )
        seen.add(column)


def _padded(rows: Iterator[Row], width: int) -> Iterator[Row]:
    for number, cells in rows:
        if len(cells) < width:
            cells.extend([""] * (width - len(cells)))
        yield number, cells


# CSV.


def text_encoding(file: IO[bytes], name: str) -> str:
    """UTF-8 if the whole file decodes as UTF-8, else Windows-1252; ReadError for binary data
    or bytes neither encoding has. Reads the file once, in chunks, and rewinds it."""
    for encoding in ("utf-8-sig", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        characters = controls = 0
        file.seek(0)
        try:
            while chunk := file.read(CHUNK_SIZE):
                if b"\x00" in chunk:
                    raise _not_a_table(name)
                text = decoder.decode(chunk)
                characters += len(text)
                controls += len(_CONTROLS.findall(text))
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        finally:
            file.seek(0)
        if controls > characters * MAX_CONTROL_RATIO:
            raise _not_a_table(name)
        return encoding
    raise _not_a_table(name)


def _not_a_table(name: str) -> ReadError:
    return ReadError(
        _("“%(name)s” is not a CSV or XLSX file.") % {"name": name}, code="not_a_table"
    )


def _delimiter(text: IO[str]) -> str:
    """The delimiter that splits the first lines into the same number of cells, the most
    cells if several do; the header's widest split otherwise; a comma by default."""
    sample = [line for _number, line in zip(range(SAMPLE_LINES), text, strict=False)]
    consistent: list[tuple[int, str]] = []
    header: list[tuple[int, str]] = []
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(sample, delimiter=delimiter) if any(row)]
        if not widths:
            continue
        header.append((widths[0], delimiter))
        if widths[0] > 1 and len(set(widths)) == 1:
            consistent.append((widths[0], delimiter))
    # max() keeps the first of equal widths, so the comma wins a tie.
    for candidates in (consistent, [(width, d) for width, d in header if width > 1]):
        if candidates:
            return max(candidates, key=lambda candidate: candidate[0])[1]
    return ","


def _csv_rows(text: IO[str], delimiter: str, name: str) -> Iterator[Row]:
    reader = csv.reader(text, delimiter=delimiter)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if any(cells):
                yield number, [cell.strip() for cell in cells]
    except (csv.Error, UnicodeDecodeError) as error:
        raise ReadError(
            _("“%(name)s” cannot be read after row %(row)s: %(error)s")
            % {"name": name, "row": number, "error": error},
            code="unreadable",
        ) from None


# XLSX.

# A formula element in a worksheet's XML, with or without a namespace prefix.
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
_NO_MORE_FORMULAS: tuple[int, dict[int, str]] = (sys.maxsize, {})

FormulaRows = Generator[tuple[int, dict[int, str]], None, None]  # row number, {column: formula}


@contextmanager
def _xlsx_rows(file: IO[bytes], name: str, decimal_comma: bool) -> Iterator[Iterator[Row]]:
    # Imported here: openpyxl takes a while to import and most requests never need it.
    import openpyxl

    try:
        # openpyxl warns about styles and extensions it ignores; the values are what matter.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(file, read_only=True, data_only=True)
    # A damaged archive fails with whatever the parsers trip on (lxml, ElementTree, zlib,
    # int() of a number cell…); to a person they all mean the same.
    except Exception as error:
        raise _damaged(name, 0, error) from None
    formulas: FormulaRows | None = None
    try:
        if not workbook.worksheets:
            raise ReadError(_("“%(name)s” has no sheet.") % {"name": name}, code="no_sheet")
        sheet = workbook.worksheets[0]
        # openpyxl keeps the sheet's place in the archive under this name only.
        formulas = _uncomputed_formulas(file, sheet._worksheet_path)
        yield _sheet_rows(sheet.iter_rows(values_only=True), formulas, name, decimal_comma)
    finally:
        if formulas is not None:
            formulas.close()
        workbook.close()


def _sheet_rows(
    rows: Iterator[tuple[Any, ...]], formulas: FormulaRows, name: str, decimal_comma: bool
) -> Iterator[Row]:
    """The sheet's rows as text cells, with the formulas `formulas` finds in the cells it
    reads as empty; ReadError naming the last row read when the sheet is damaged."""
    number = 0
    upcoming: tuple[int, dict[int, str]] = (0, {})  # the next row `formulas` gives
    while True:
        try:
            values = next(rows, None)
            if values is None:
                return
            while upcoming[0] <= number:
                upcoming = next(formulas, _NO_MORE_FORMULAS)
        except Exception as error:  # as in _xlsx_rows
            raise _damaged(name, number, error) from None
        number += 1
        cells = [cell_text(value, decimal_comma=decimal_comma) for value in values]
        if upcoming[0] == number:
            for position, formula in upcoming[1].items():
                if position < len(cells) and not cells[position]:
                    cells[position] = UNCOMPUTED + formula
        if any(cells):
            yield number, cells


def _uncomputed_formulas(file: IO[bytes], path: str) -> FormulaRows:
    """The rows of the worksheet at `path` in the archive that hold formulas saved without
    their computed value, in order. Excel and LibreOffice save a formula with its last result
    (an empty text as t="str"), which is what the import reads; openpyxl and other programs
    save the formula alone, for a spreadsheet to compute on opening. Reading the sheet's XML
    costs as much as reading the sheet, so it is only read when it holds a formula at all."""
    from openpyxl.utils.cell import column_index_from_string
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    row_tag, cell_tag = f"{{{SHEET_MAIN_NS}}}row", f"{{{SHEET_MAIN_NS}}}c"
    formula_tag, value_tag = f"{{{SHEET_MAIN_NS}}}f", f"{{{SHEET_MAIN_NS}}}v"
    with zipfile.ZipFile(file) as archive:
        if not _holds_formulas(archive, path):
            return
        with archive.open(path) as sheet:
            number = 0
            for _event, row in iterparse(sheet):
                if row.tag != row_tag:
                    continue
                reference = row.get("r")
                number = int(float(reference)) if reference else number + 1
                position = -1
                found: dict[int, str] = {}
                for cell in row.iter(cell_tag):
                    reference = cell.get("r")
                    if reference:
                        position = column_index_from_string(reference.rstrip("0123456789")) - 1
                    else:
                        position += 1
                    formula = cell.find(formula_tag)
                    if (
                        formula is not None
                        and not cell.findtext(value_tag)
                        and cell.get("t") != "str"
                    ):
                        found[position] = "=" + (formula.text or "…")
                row.clear()
                if found:
                    yield number, found


def _holds_formulas(archive: zipfile.ZipFile, path: str) -> bool:
    """Whether the member at `path` has a formula element: a search through the bytes, many
    times quicker than parsing them."""
    with archive.open(path) as member:
        tail = b""
        while chunk := member.read(CHUNK_SIZE):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-64:]
    return False


def _damaged(name: str, row: int, error: Exception) -> ReadError:
    if not row:
        return ReadError(
            _("“%(name)s” cannot be read as an XLSX spreadsheet (%(error)s).")
            % {"name": name, "error": type(error).__name__},
            code="unreadable",
        )
    return ReadError(
        _(
            "“%(name)s” cannot be read after row %(row)s: the spreadsheet is damaged "
            "(%(error)s). Open it in Excel and save it again."
        )
        % {"name": name, "row": row, "error": type(error).__name__},
        code="unreadable",
    )


def cell_text(value: object, *, decimal_comma: bool = False) -> str:
    """A spreadsheet cell as the text a person sees: 2019 rather than 2019.0."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < _WHOLE_LIMIT:
            return str(int(value))
        text = repr(value)
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value).strip()
