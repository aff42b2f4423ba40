"""PostgreSQL full-text search: a `tsvector` column on `search_document` with a GIN index.

The vector is built from our analysed terms with the `simple` configuration, which only
lowercases, so both engines see the same terms. Title terms get weight A, tags B and body D:
`ts_rank` then puts a title match above a passing mention in the body.
"""

from collections.abc import Sequence
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from followup.search.engines.base import EngineRow
from followup.search.query import All, Expression, Phrase, Tag, Term
from followup.search.query import Any as AnyOf

# A tsvector holds at most 1 MB; long texts keep their first terms.
MAX_BODY_CHARS = 500_000

_VECTOR = (
    "setweight(to_tsvector('simple', %s), 'A') || "
    "setweight(to_tsvector('simple', %s), 'D') || "
    "setweight(to_tsvector('simple', %s), 'B')"
)


class PostgresEngine:
    vendor = "postgresql"

    def create(self, schema_editor: BaseDatabaseSchemaEditor) -> None:
        schema_editor.execute("ALTER TABLE search_searchdocument ADD COLUMN vector tsvector")
        schema_editor.execute(
            "CREATE INDEX search_document_vector ON search_searchdocument USING gin (vector)"
        )

    def drop(self, schema_editor: BaseDatabaseSchemaEditor) -> None:
        schema_editor.execute("DROP INDEX IF EXISTS search_document_vector")
        schema_editor.execute("ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector")

    def write(self, connection: BaseDatabaseWrapper, rows: Sequence[EngineRow]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE search_searchdocument SET vector = {_VECTOR} WHERE id = %s",
                [(r.title, r.body[:MAX_BODY_CHARS], r.tags, r.document_id) for r in rows],
            )

    def delete(self, connection: BaseDatabaseWrapper, ids: Sequence[int]) -> None:
        # The vector lives on the document's row and goes with it.
        return None

    def clear(self, connection: BaseDatabaseWrapper) -> None:
        return None

    def match(
        self, expression: Expression, *, ranked: bool, public_only: bool
    ) -> tuple[str, list[Any]]:
        # One scan of the documents' own rows: the vector, `public` and the rank are together.
        score = ", ts_rank(vector, q, 1) AS score" if ranked else ""
        public = " AND public" if public_only else ""
        sql = (
            f"SELECT id{score} FROM search_searchdocument, to_tsquery('simple', %s) q "
            f"WHERE vector @@ q{public}"
        )
        return sql, [compile_query(expression)]

    def raw_top(self, expression: Expression, limit: int) -> tuple[str, list[Any]]:
        sql = (
            "SELECT id, ts_rank(vector, q, 1) AS score FROM search_searchdocument, "
            "to_tsquery('simple', %s) q WHERE vector @@ q ORDER BY score DESC LIMIT %s"
        )
        return sql, [compile_query(expression), limit]


def compile_query(expression: Expression) -> str:
    """tsquery syntax. Every lexeme is quoted, and words hold letters and digits only (see
    `analysis.WORD`), so a word can never be read as an operator."""
    match expression:
        case Term(variants):
            quoted = [f"'{variant}'" for variant in variants]
            return quoted[0] if len(quoted) == 1 else "(" + " | ".join(quoted) + ")"
        case Phrase(terms):
            return "(" + " <-> ".join(f"'{term}'" for term in terms) + ")"
        case Tag(token):
            return f"'{token}'"
        case All(parts):
            return "(" + " & ".join(compile_query(part) for part in parts) + ")"
        case AnyOf(parts):
            return "(" + " | ".join(compile_query(part) for part in parts) + ")"
    raise TypeError(expression)
