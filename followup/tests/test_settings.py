"""Settings fail loudly on bad values, and the production profile passes Django's deploy check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from followup.env import database_config, env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "FOLLOWUP_SECRET_KEY": "a-real-looking-production-secret-" + "k7" * 20,
    "FOLLOWUP_ALLOWED_HOSTS": "followup.example.org",
    "DJANGO_SETTINGS_MODULE": "followup.settings",
}


def _run(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_")}
    clean.pop("DATABASE_URL", None)
    clean.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' session
    return subprocess.run(  # noqa: S603  (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = _run(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION_ENV, "FOLLOWUP_VAR_DIR": str(tmp_path)},
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {**PRODUCTION_ENV, "FOLLOWUP_SECRET_KEY": "", "FOLLOWUP_VAR_DIR": str(tmp_path)}

    result = _run("check", env=env)

    assert result.returncode != 0
    assert "FOLLOWUP_SECRET_KEY must be set when FOLLOWUP_DEBUG is off" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    env = {**PRODUCTION_ENV, "FOLLOWUP_ALLOWED_HOSTS": "", "FOLLOWUP_VAR_DIR": str(tmp_path)}

    result = _run("check", env=env)

    assert "FOLLOWUP_ALLOWED_HOSTS must list the site's host names" in result.stderr


@pytest.mark.parametrize(
    ("raw", "value"), [("1", True), ("yes", True), ("off", False), ("", False)]
)
def test_env_bool_reads_usual_spellings(monkeypatch, raw, value):
    monkeypatch.setenv("X_FLAG", raw)

    assert env_bool("X_FLAG", default=not value) is value


def test_env_bool_refuses_anything_else(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")

    with pytest.raises(ImproperlyConfigured, match="X_FLAG must be one of"):
        env_bool("X_FLAG", default=False)


def test_env_int_refuses_words(monkeypatch):
    monkeypatch.setenv("X_NUMBER", "ten")

    with pytest.raises(ImproperlyConfigured, match="X_NUMBER must be a whole number; got 'ten'"):
        env_int("X_NUMBER", 1)


def test_env_list_splits_and_trims(monkeypatch):
    monkeypatch.setenv("X_LIST", " a.org, b.org ,,")

    assert env_list("X_LIST", []) == ["a.org", "b.org"]


def test_database_config_puts_sqlite_in_wal_mode(tmp_path):
    config = database_config(f"sqlite:///{tmp_path / 'x.sqlite3'}", conn_max_age=0)

    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert "PRAGMA journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_database_config_creates_the_folder_of_the_sqlite_file(tmp_path):
    database_config(f"sqlite:///{tmp_path / 'new' / 'var' / 'x.sqlite3'}", conn_max_age=0)

    assert (tmp_path / "new" / "var").is_dir()


def test_database_config_reads_postgres_urls():
    config = database_config("postgres://app:secret@db.internal:5432/followup", conn_max_age=60)

    assert (config["ENGINE"], config["HOST"], config["NAME"], config["CONN_MAX_AGE"]) == (
        "django.db.backends.postgresql",
        "db.internal",
        "followup",
        60,
    )
    assert "OPTIONS" not in config or "init_command" not in config["OPTIONS"]


def test_database_config_refuses_an_unknown_scheme():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL is not usable"):
        database_config("mongodb://localhost/followup", conn_max_age=0)
