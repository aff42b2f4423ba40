"""SQLite's FTS5: a virtual table `search_fts` whose rowid is the document's id.

The table stores our analysed terms, not the original text (that stays in `search_document`
for snippets), so FTS5's own tokenizer only splits on spaces. bm25 weighs a match in the
title ten times one in the body, so a title match outranks a passing mention.
"""

from collections.abc import Sequence
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from followup.search.concepts import HIDDEN_TOKEN
from followup.search.engines.base import EngineRow
from followup.search.query import All, Expression, Phrase, Tag, Term
from followup.search.query import Any as AnyOf

# title, body, tags: the ratios of PostgreSQL's weights A, D and B, so both engines rank alike
# and a record tagged with a concept the query names comes before one sharing a word by chance.
WEIGHTS = "10.0, 1.0, 4.0"


class SqliteEngine:
    vendor = "sqlite"

    def create(self, schema_editor: BaseDatabaseSchemaEditor) -> None:
        schema_editor.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "title, body, tags, tokenize = 'unicode61 remove_diacritics 0')"
        )

    def drop(self, schema_editor: BaseDatabaseSchemaEditor) -> None:
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")

    def write(self, connection: BaseDatabaseWrapper, rows: Sequence[EngineRow]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, body, tags) VALUES (%s, %s, %s, %s)",
                [(row.document_id, row.title, row.body, row.tags) for row in rows],
            )

    def delete(self, connection: BaseDatabaseWrapper, ids: Sequence[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(i,) for i in ids])

    def clear(self, connection: BaseDatabaseWrapper) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")

    def match(
        self, expression: Expression, *, ranked: bool, public_only: bool
    ) -> tuple[str, list[Any]]:
        score = f", -bm25(search_fts, {WEIGHTS}) AS score" if ranked else ""
        query = compile_match(expression)
        if public_only:
            query = f'{query} NOT "{HIDDEN_TOKEN}"'
        return f"SELECT rowid AS id{score} FROM search_fts WHERE search_fts MATCH %s", [query]

    def raw_top(self, expression: Expression, limit: int) -> tuple[str, list[Any]]:
        sql = (
            f"SELECT rowid, bm25(search_fts, {WEIGHTS}) FROM search_fts "
            "WHERE search_fts MATCH %s ORDER BY 2 LIMIT %s"
        )
        return sql, [compile_match(expression), limit]


def compile_match(expression: Expression) -> str:
    """FTS5 query syntax. Every word is double-quoted, and words hold letters and digits only
    (see `analysis.WORD`), so a word can never be read as an operator."""
    match expression:
        case Term(variants):
            quoted = [f'"{variant}"' for variant in variants]
            return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"
        case Phrase(terms):
            return '"' + " ".join(terms) + '"'
        case Tag(token):
            return f'"{token}"'
        case All(parts):
            return "(" + " AND ".join(compile_match(part) for part in parts) + ")"
        case AnyOf(parts):
            return "(" + " OR ".join(compile_match(part) for part in parts) + ")"
    raise TypeError(expression)
