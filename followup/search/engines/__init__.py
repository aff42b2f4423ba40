"""The full-text engines behind the one search interface, chosen by the database vendor."""

from django.db import connection

from followup.search.engines.base import Engine, EngineRow
from followup.search.engines.postgresql import PostgresEngine
from followup.search.engines.sqlite import SqliteEngine

__all__ = ["Engine", "EngineRow", "engine_for", "get_engine"]


def engine_for(vendor: str) -> Engine:
    if vendor == "postgresql":
        return PostgresEngine()
    if vendor == "sqlite":
        return SqliteEngine()
    raise NotImplementedError(f"No search engine for the {vendor} database.")


def get_engine() -> Engine:
    return engine_for(connection.vendor)
