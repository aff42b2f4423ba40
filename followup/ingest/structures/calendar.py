"""The calendar of a work plan: rows of date, mandates and activity.

In Word the calendar is a table. A DOCX reader gives its rows as `table_row` blocks; a plain-text
export gives each cell on its own lines instead, a cell's first line starting with a TAB
(style "indented") and its further lines not, for instance:

    ⇥OCTOBER 2016 / Date to be determined / ⇥AG/RES. 2883 (XLVI-O/16) / ⇥Meeting of …

Both shapes are read here. Without the TAB evidence (a PDF), the cells are told apart by what
they hold: a date starts a row, lines citing mandates form the mandate cell, the rest is the
activity. "Note:" and "Possible guests:" lines are kept apart from the activity.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from followup.ingest.blocks import Block
from followup.program.symbols import find_symbols

MONTHS = {
    "january": 1, "jan": 1, "enero": 1, "ene": 1,
    "february": 2, "feb": 2, "febrero": 2,
    "march": 3, "mar": 3, "marzo": 3,
    "april": 4, "apr": 4, "abril": 4, "abr": 4,
    "may": 5, "mayo": 5,
    "june": 6, "jun": 6, "junio": 6,
    "july": 7, "jul": 7, "julio": 7,
    "august": 8, "aug": 8, "agosto": 8, "ago": 8,
    "september": 9, "sep": 9, "sept": 9, "septiembre": 9, "setiembre": 9, "set": 9,
    "october": 10, "oct": 10, "octubre": 10,
    "november": 11, "nov": 11, "noviembre": 11,
    "december": 12, "dec": 12, "diciembre": 12, "dic": 12,
}  # fmt: skip
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# "20", "20-21", "20 and 21", "20 al 22": a range keeps its first day.
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and|y|al|a)\s*\d{1,2})?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATES = [
    re.compile(rf"\b{_DAY}\s+(?:de\s+|of\s+)?{_MONTH},?\s+(?:de\s+|del\s+)?{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+(?:de\s+)?{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH},?\s+(?:de\s+|del\s+|of\s+)?{_YEAR}\b", re.I),
]
_UNDETERMINED = re.compile(
    r"\b(?:to\s+be\s+(?:determined|confirmed|defined|announced)|TBD|TBC"
    r"|(?:por|a)\s+(?:determinar|definir|confirmar))\b",
    re.IGNORECASE,
)
# What may stand in a date cell besides dates: "Date to be determined", "Fecha por definir".
_DATE_FILLER = re.compile(r"\b(?:date|fecha)\b|[\s.,;:()–-]+", re.IGNORECASE)
_NOTE = re.compile(
    r"(?:notes?|nota|observaci[oó]n(?:es)?|(?:possible\s+|posibles\s+)?"
    r"(?:guests|invitad[oa]s|invitees))\s*:",
    re.IGNORECASE,
)
_HEADER = re.compile(
    r"(?:date|mandates?|activit(?:y|ies)|notes?|responsible|fecha|mandatos?|actividad(?:es)?"
    r"|observaciones|responsables?|[\s|])+",
    re.IGNORECASE,
)
_HEADING = re.compile(r"(?:[IVXLC]+\.\s+)?(?:the\s+)?calendar(?:io)?\b", re.IGNORECASE)
_SECTION = re.compile(r"[IVXLC]+\.\s+\S")
# A calendar heading is followed by its rows; one followed by none ("Calendar: Not applicable")
# is given up after this many blocks.
_FIRST_ROW_WITHIN = 8


@dataclass(frozen=True)
class CalendarRow:
    date: str | None  # "2016-10-20" or "2016-10"; None when to be determined
    date_text: str  # the date cell as written
    mandates: list[str]  # canonical symbols cited in the mandate cell
    mandate_text: str  # the mandate cell as written (some cite rules, not resolutions)
    activity: str  # the activity cell's lines, joined with newlines
    notes: str  # its "Note:" and "Possible guests:" lines, joined with newlines
    blocks: tuple[int, int]  # first and last block index


def parse_calendar_date(text: str) -> str | None:
    """The day ("2016-10-20") or month ("2016-12") a calendar cell gives, or None."""
    for pattern in _DATES:
        found = pattern.search(text)
        if not found:
            continue
        year, month = int(found["year"]), MONTHS[found["month"].lower()]
        day = found.groupdict().get("day")
        try:
            return date(year, month, int(day)).isoformat() if day else f"{year}-{month:02d}"
        except ValueError:
            return None  # "February 30": a typo, not a date to guess
    return None


def is_date_cell(text: str) -> bool:
    """Whether `text` holds nothing but a date, a month or "to be determined"."""
    rest = text
    for pattern in (*_DATES, _UNDETERMINED):
        rest = pattern.sub(" ", rest)
    if rest == text:
        return False
    return not _DATE_FILLER.sub("", rest)


def find_calendar(blocks: Sequence[Block]) -> list[CalendarRow]:
    """The rows of every calendar in the document, in order."""
    rows: list[CalendarRow] = []
    position = 0
    while position < len(blocks):
        if _is_calendar_heading(blocks[position]):
            found, position = _read_calendar(blocks, position + 1)
            rows += found
        else:
            position += 1
    return rows


@dataclass
class _Row:
    first: int
    last: int
    cell: int = 0  # 0 date, 1 mandate, 2 activity
    cells: tuple[list[str], list[str], list[str]] = field(default_factory=lambda: ([], [], []))
    notes: list[str] = field(default_factory=list)

    def add(self, position: int, text: str, cell: int | None = None) -> None:
        self.cell = self.cell if cell is None else cell
        self.cells[self.cell].append(text)
        self.last = position

    def build(self) -> CalendarRow | None:
        date_text = " ".join(self.cells[0])
        mandate_text = " ".join(self.cells[1])
        mandates = [symbol.canonical for symbol in find_symbols(mandate_text)]
        activity = "\n".join(self.cells[2])
        if not activity and not mandates:
            # A row with an empty mandate cell: its one cell after the date is the activity.
            activity, mandate_text = "\n".join(self.cells[1]), ""
        if not activity and not mandate_text:
            return None
        return CalendarRow(
            date=parse_calendar_date(date_text),
            date_text=date_text,
            mandates=mandates,
            mandate_text=mandate_text,
            activity=activity,
            notes="\n".join(self.notes),
            blocks=(self.first, self.last),
        )


def _read_calendar(blocks: Sequence[Block], start: int) -> tuple[list[CalendarRow], int]:
    """The rows from `start` to the end of the calendar, and the position after it."""
    end = start
    while end < len(blocks) and not _ends_calendar(blocks[end]):
        end += 1
    region = blocks[start:end]
    if any(block.kind == "table_row" for block in region[:_FIRST_ROW_WITHIN]):
        return _read_table(blocks, start, end), end
    by_tab = any(block.style == "indented" for block in region)
    rows: list[CalendarRow] = []
    row: _Row | None = None
    for position in range(start, end):
        block = blocks[position]
        text = _line_text(block)
        if row is None:
            if is_date_cell(text):
                row = _Row(position, position)
                row.add(position, text)
            elif position - start >= _FIRST_ROW_WITHIN:
                return rows, position  # a calendar heading with no rows under it
            continue
        if is_date_cell(text) and not _continues_date(row, block, text, by_tab):
            _keep(rows, row)
            row = _Row(position, position)
            row.add(position, text)
        elif _NOTE.match(text):
            row.notes.append(text)
            row.last = position
        elif by_tab:
            row.add(position, text, min(row.cell + 1, 2) if block.style == "indented" else None)
        else:
            row.add(position, text, _cell_by_content(row, text))
    if row is not None:
        _keep(rows, row)
    return rows, end


def _keep(rows: list[CalendarRow], row: _Row) -> None:
    built = row.build()
    if built is not None:
        rows.append(built)


def _continues_date(row: _Row, block: Block, text: str, by_tab: bool) -> bool:
    """Whether a date-like line is the rest of the row's date cell ("OCTOBER 2016" then
    "Date to be determined"), not the start of the next row."""
    if row.cell != 0:
        return False
    if by_tab:
        return block.style != "indented"
    return parse_calendar_date(text) is None or parse_calendar_date(" ".join(row.cells[0])) is None


def _cell_by_content(row: _Row, text: str) -> int:
    if row.cell == 2:
        return 2
    if find_symbols(text):
        return 1
    # The title of the resolution cited on the line before: “Climate Change, …”.
    if row.cell == 1 and text[:1] and text[0] in "“\"'‘«":
        return 1
    return 2


def _read_table(blocks: Sequence[Block], start: int, end: int) -> list[CalendarRow]:
    columns = {"date": 0, "mandate": 1, "activity": 2}
    rows: list[CalendarRow] = []
    row: _Row | None = None
    for position in range(start, end):
        block = blocks[position]
        if block.kind != "table_row":
            continue
        cells = list(block.cells)
        if all(_HEADER.fullmatch(cell) for cell in cells if cell):
            columns = _columns_from_header(cells, columns)
            continue
        date_cell = _cell(cells, columns["date"])
        if row is None or date_cell:
            if row is not None:
                _keep(rows, row)
            row = _Row(position, position)
            if date_cell:
                row.add(position, date_cell, 0)
        mandate = _cell(cells, columns["mandate"])
        if mandate:
            row.add(position, mandate, 1)
        activity = _cell(cells, columns["activity"])
        note = _NOTE.search(activity)
        if note:
            row.notes.append(activity[note.start() :].strip())
            activity = activity[: note.start()].strip()
        if activity:
            row.add(position, activity, 2)
        row.last = position
    if row is not None:
        _keep(rows, row)
    return rows


def _columns_from_header(cells: list[str], default: dict[str, int]) -> dict[str, int]:
    columns = dict(default)
    for index, cell in enumerate(cells):
        word = cell.strip().lower()
        if word.startswith(("date", "fecha")):
            columns["date"] = index
        elif word.startswith("mandat"):
            columns["mandate"] = index
        elif word.startswith(("activit", "activid")):
            columns["activity"] = index
    return columns


def _cell(cells: list[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""


def _line_text(block: Block) -> str:
    label = block.list_label
    # Word's automatic numbering doubles a typed one: "1. 1. Election of vice chair".
    if not label or label == "•" or block.text.startswith(label):
        return block.text
    return f"{label} {block.text}"


def _is_calendar_heading(block: Block) -> bool:
    text = block.text
    if block.kind == "table_row" or len(text.split()) > 12:
        return False
    if block.kind == "heading" and re.search(r"\bcalendar(?:io)?\b", text, re.IGNORECASE):
        return True
    return bool(_HEADING.match(text)) and (text.isupper() or text.endswith(":") or len(text) < 60)


def _ends_calendar(block: Block) -> bool:
    if block.kind == "heading" or _is_calendar_heading(block):
        return True
    text = _line_text(block)
    return bool(_SECTION.match(text)) and text.isupper()
