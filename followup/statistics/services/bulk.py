"""The SQL of an import: the figures already stored, read once, and the new and revised
figures written in batches.

An import of a million figures cannot afford a model instance or a query per row (the
benchmark asks for more than 50,000 rows a second), so this module speaks SQL through one
cursor: the stored figures of an indicator are read in one query the first time the file
names it; new figures go in with `executemany` (on PostgreSQL with `COPY`, in its text
format written here, three to four times faster); a revision copies the stored row into
ObservationRevision with INSERT … SELECT before one UPDATE per figure sets the new state, so
the old state never travels through Python. Table and column names come from the models,
so a renamed field cannot leave this behind.
"""

import datetime
from typing import Any

from django.db import connection
from django.db.backends.utils import CursorWrapper

from followup.statistics.models import Indicator, Observation, ObservationRevision
from followup.statistics.services.validation import FigureRow, Key

BATCH_SIZE = 5_000

# A stored figure: its id, value, note and source.
Stored = tuple[int, float, str, str]

_INSERT_FIELDS = (
    "indicator",
    "breakdown",
    "area",
    "year",
    "value",
    "note",
    "source",
    "revision",
    "batch",
    "updated_at",
)


def _table(model: Any) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))


def _columns(model: Any, *names: str) -> list[str]:
    return [connection.ops.quote_name(model._meta.get_field(name).column) for name in names]


class StoredFigures:
    """The figures already stored for the indicators a file names, by key; an indicator's
    are read the first time it is asked for. With `lock`, the indicator's row is locked
    first (PostgreSQL), so that two imports of one indicator take turns rather than both
    inserting the same new key."""

    def __init__(self, cursor: CursorWrapper, *, lock: bool) -> None:
        self.cursor = cursor
        self.lock = lock
        self.figures: dict[Key, Stored] = {}
        self.loaded: set[int] = set()
        table = _table(Observation)
        pk, indicator, breakdown, area, year, value, note, source = _columns(
            Observation, "id", "indicator", "breakdown", "area", "year", "value", "note", "source"
        )
        self.sql = (
            f"SELECT {pk}, {breakdown}, {area}, {year}, {value}, {note}, {source} "  # noqa: S608
            f"FROM {table} WHERE {indicator} = %s"
        )

    def load(self, indicator_id: int) -> None:
        self.loaded.add(indicator_id)
        if self.lock:
            locked = Indicator.objects.select_for_update().filter(pk=indicator_id).order_by()
            list(locked.values_list("pk"))
        self.cursor.execute(self.sql, [indicator_id])
        # The same few area and breakdown strings, shared rather than one copy per figure.
        strings: dict[str, str] = {}
        figures = self.figures
        for pk, breakdown, area, year, value, note, source in self.cursor.fetchall():
            key = (
                indicator_id,
                strings.setdefault(breakdown, breakdown),
                strings.setdefault(area, area),
                year,
            )
            figures[key] = (pk, value, note, source)


class FigureWriter:
    """Collects new and revised figures of one import and writes them BATCH_SIZE at a time;
    `flush` writes what is left."""

    def __init__(self, cursor: CursorWrapper, *, batch_id: int, now: datetime.datetime) -> None:
        self.cursor = cursor
        self.batch_id = batch_id
        self.new: list[tuple[Any, ...]] = []
        self.revised: list[tuple[int, float, str, str]] = []
        self.copy = connection.vendor == "postgresql"
        # SQLite stores datetimes as text; psycopg adapts them itself.
        self.stamp = connection.ops.adapt_datetimefield_value(now)
        self.copy_stamp = now.isoformat()
        table = _table(Observation)
        columns = _columns(Observation, *_INSERT_FIELDS)
        self.copy_sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        self.insert_sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608
            f"VALUES ({', '.join(['%s'] * len(columns))})"
        )
        pk, revision, value, note, source, document, batch, updated_at = _columns(
            Observation,
            "id",
            "revision",
            "value",
            "note",
            "source",
            "source_document",
            "batch",
            "updated_at",
        )
        revision_columns = _columns(
            ObservationRevision,
            "observation",
            "revision",
            "value",
            "note",
            "source",
            "source_document",
            "batch",
            "recorded_at",
            "superseded_by",
        )
        self.keep_sql = (
            f"INSERT INTO {_table(ObservationRevision)} ({', '.join(revision_columns)}) "  # noqa: S608
            f"SELECT {pk}, {revision}, {value}, {note}, {source}, {document}, {batch}, "
            f"{updated_at}, %s FROM {table} WHERE {pk} = %s"
        )
        # Set-based on PostgreSQL, where a statement per row costs a round trip even when
        # pipelined: one INSERT … SELECT and one UPDATE … FROM (VALUES …) per batch.
        self.keep_many_sql = (
            f"INSERT INTO {_table(ObservationRevision)} ({', '.join(revision_columns)}) "  # noqa: S608
            f"SELECT {pk}, {revision}, {value}, {note}, {source}, {document}, {batch}, "
            f"{updated_at}, %s FROM {table} WHERE {pk} = ANY(%s)"
        )
        self.update_many_sql = (
            f"UPDATE {table} SET {value} = v.value, {note} = v.note, {source} = v.source, "  # noqa: S608
            f"{document} = NULL, {revision} = {table}.{revision} + 1, {batch} = %s, "
            f"{updated_at} = %s FROM (VALUES {{rows}}) AS v(id, value, note, source) "
            f"WHERE {table}.{pk} = v.id"
        )
        # The new figure comes from the file, not from the document the old one cited.
        self.update_sql = (
            f"UPDATE {table} SET {value} = %s, {note} = %s, {source} = %s, "  # noqa: S608
            f"{document} = NULL, {revision} = {revision} + 1, {batch} = %s, {updated_at} = %s "
            f"WHERE {pk} = %s"
        )

    def add(self, figure: FigureRow) -> None:
        key, value, note, source, _row = figure
        self.new.append((*key, value, note, source, 1, self.batch_id, self.stamp))
        if len(self.new) >= BATCH_SIZE:
            self._insert()

    def revise(self, observation_id: int, figure: FigureRow) -> None:
        _key, value, note, source, _row = figure
        self.revised.append((observation_id, value, note, source))
        if len(self.revised) >= BATCH_SIZE:
            self._revise()

    def flush(self) -> None:
        self._insert()
        self._revise()

    def _insert(self) -> None:
        if not self.new:
            return
        if self.copy:
            # COPY's text format, written here rather than row by row by psycopg: a third
            # of the time. Codes, breakdowns and numbers hold no character to escape.
            escape, batch, stamp = _copy_escaped, self.batch_id, self.copy_stamp
            block = "".join(
                [
                    f"{indicator}\t{breakdown}\t{area}\t{year}\t{value!r}\t{escape(note)}\t"
                    f"{escape(source)}\t1\t{batch}\t{stamp}\n"
                    for indicator, breakdown, area, year, value, note, source, *_rest in self.new
                ]
            )
            with self.cursor.copy(self.copy_sql) as copy:
                copy.write(block)
        else:
            self.cursor.executemany(self.insert_sql, self.new)
        self.new = []

    def _revise(self) -> None:
        if not self.revised:
            return
        batch, stamp = self.batch_id, self.stamp
        if self.copy:
            self._revise_set_based()
            return
        self.cursor.executemany(self.keep_sql, [(batch, pk) for pk, *_rest in self.revised])
        self.cursor.executemany(
            self.update_sql,
            [(value, note, source, batch, stamp, pk) for pk, value, note, source in self.revised],
        )
        self.revised = []

    def _revise_set_based(self) -> None:
        batch, stamp = self.batch_id, self.stamp
        self.cursor.execute(self.keep_many_sql, [batch, [pk for pk, *_rest in self.revised]])
        rows = ", ".join(
            ["(%s::bigint, %s::double precision, %s::text, %s::text)"] * len(self.revised)
        )
        parameters: list[Any] = [batch, stamp]
        for revised in self.revised:
            parameters.extend(revised)
        self.cursor.execute(self.update_many_sql.format(rows=rows), parameters)
        self.revised = []


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_escaped(text: str) -> str:
    """Text as a field of COPY's text format."""
    return text.translate(_COPY_ESCAPES) if text else text
