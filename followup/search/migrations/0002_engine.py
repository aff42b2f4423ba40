"""The full-text part of the index, which depends on the database: an FTS5 virtual table on
SQLite, a tsvector column with a GIN index on PostgreSQL (see followup/search/engines/)."""

from typing import Any

from django.db import migrations


def create(apps: Any, schema_editor: Any) -> None:
    from followup.search.engines import engine_for

    engine_for(schema_editor.connection.vendor).create(schema_editor)


def drop(apps: Any, schema_editor: Any) -> None:
    from followup.search.engines import engine_for

    engine_for(schema_editor.connection.vendor).drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
