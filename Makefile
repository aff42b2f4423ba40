# Two commands do all set-up on a fresh Debian machine with Python 3.11: `make run`, `make test`.
# Everything installs into .venv from pyproject.toml + uv.lock; nothing touches the system Python.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
# uv installs into .venv with the interpreter there, never into another environment.
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON := $(BIN)/python

.PHONY: run test install lint typecheck pytest pytest-postgres messages lock bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required: $(PYTHON) not found (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): on Debian, install python3.11-venv first (apt-get install python3.11-venv)"; exit 1; }

$(BIN)/uv: | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

# --inexact keeps uv itself, which lives in the same environment.
$(VENV)/.installed: pyproject.toml uv.lock | $(BIN)/uv
	$(BIN)/uv sync --frozen --inexact --quiet
	@touch $@

install: $(VENV)/.installed

# Demo mode: debug on, demo accounts, console e-mail. Never use these settings in production.
run: export FOLLOWUP_DEBUG := 1
run: export FOLLOWUP_DEMO := 1
run: install
	$(BIN)/followup migrate --no-input
	$(BIN)/followup load-demo
	@# The task worker compiles annual reports off the web request; it stops with the server.
	$(BIN)/followup db_worker --no-reload & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT; \
	  $(BIN)/followup runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy followup tools bench

# Browser tests run in their own pass: they need a live server and a database that is
# emptied after each test, which must not disturb the rest of the suite.
pytest: install
	$(BIN)/pytest -q -m "not browser"
	$(BIN)/pytest -q -m browser -p no:cacheprovider

# The same suite on a throwaway PostgreSQL cluster, when its server binaries are installed
# (skipped with a message otherwise; CI sets FOLLOWUP_REQUIRE_POSTGRES=1 so it cannot skip).
pytest-postgres: install
	$(BIN)/python tools/pgcluster.py -- $(BIN)/pytest -q -p no:cacheprovider -m "not browser"

test: lint typecheck pytest pytest-postgres

# Regenerate the Spanish catalog after changing user-facing strings, then translate and
# run `make messages` again to compile.
messages: install
	cd followup && ../$(BIN)/django-admin makemessages --locale es --no-obsolete --no-location --ignore "*/tests/*"
	cd followup && ../$(BIN)/django-admin compilemessages --locale es

lock: | $(BIN)/uv
	$(BIN)/uv lock

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
