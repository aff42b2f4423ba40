"""Typed readers for settings taken from the environment.

Each reader raises ImproperlyConfigured naming the variable and the value it could not use, so a
bad deployment fails at start-up with a sentence rather than later with a traceback.
"""

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_config(url: str, *, conn_max_age: int) -> dict[str, Any]:
    """Django's database settings for `url`, with the embedded SQLite tuned for a web server."""
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=conn_max_age))
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL is not usable: {error}") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        if config["NAME"] and config["NAME"] != ":memory:":
            # A fresh clone has no var/ yet; SQLite creates the file but not its folder.
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        # WAL lets readers carry on while one request writes; IMMEDIATE takes the write lock
        # at the start of a transaction, so concurrent writers wait instead of failing mid-way.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config
