"""The data step of migration 0002, which turned each recommendation's line of source text
into a Source record. Run on stand-ins of the models of that moment: the test database has
the current schema, where the line of text no longer exists."""

import importlib
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

migration = importlib.import_module(
    "followup.recommendations.migrations.0002_sources_scales_follow_ups"
)


@dataclass
class Row:
    """A recommendation, or a row of its history, as the migration reads it."""

    source_text: str
    language: str = "en"
    source: Any = None

    def save(self, update_fields: list[str]) -> None:
        assert update_fields == ["source"]


class Manager:
    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows

    def order_by(self, *fields: str) -> list[Any]:
        return list(self.rows)

    def create(self, **fields: Any) -> SimpleNamespace:
        record = SimpleNamespace(**fields)
        self.rows.append(record)
        return record


class Apps:
    def __init__(self, **rows: list[Any]) -> None:
        self.models = {name: SimpleNamespace(objects=Manager(got)) for name, got in rows.items()}

    def get_model(self, app_label: str, name: str) -> SimpleNamespace:
        assert app_label == "recommendations"
        return self.models[name]


def test_sources_from_text_gives_history_rows_the_source_of_their_line():
    live = [Row("Resolution 2/18"), Row("Forum 2019", language="es")]
    history = [
        Row("Resolution 2/18"),
        Row("Forum 2019", language="es"),
        Row("Report 2017"),  # the line before the recommendation was corrected
    ]
    apps = Apps(Recommendation=live, HistoricalRecommendation=history, Source=[])

    migration.sources_from_text(apps, schema_editor=None)

    sources = apps.models["Source"].objects.rows
    assert [(source.title, source.language) for source in sources] == [
        ("Resolution 2/18", "en"),
        ("Forum 2019", "es"),
        ("Report 2017", "en"),
    ]
    assert [row.source for row in live] == sources[:2]
    assert [row.source for row in history] == sources
