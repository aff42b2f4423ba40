"""Tests of tools/pgcluster.py: plain pytest, no Django (run with -p no:django).

The real-cluster tests start PostgreSQL from the binaries found on this machine and are skipped,
with the reason, where there are none.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools import pgcluster

TOOL = Path(__file__).with_name("pgcluster.py")
BIN_FOLDER, _ = pgcluster.find_bin_folder(os.environ)
# Where PostgreSQL is required (CI), these tests run and fail instead of being skipped.
needs_postgres = pytest.mark.skipif(
    BIN_FOLDER is None and os.environ.get("FOLLOWUP_REQUIRE_POSTGRES") != "1",
    reason="PostgreSQL server binaries (initdb, pg_ctl) not on this machine",
)
FOLDER_LINE = re.compile(r"throwaway cluster at (\S+)")

# The child run inside the cluster: reports what it sees as JSON on stdout.
PROBE = textwrap.dedent(
    """
    import json, os, shutil, subprocess, sys
    from urllib.parse import unquote, urlsplit

    url = os.environ["DATABASE_URL"]
    socket_dir = unquote(urlsplit(url).netloc.rpartition("@")[2])
    psql = os.path.join(sys.argv[1], "psql")
    answer = None
    if os.path.exists(psql):
        answer = subprocess.run(
            [psql, url, "-Atc", "select current_user || ' ' || current_database()"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    print(json.dumps({"url": url, "socket_dir": socket_dir,
                      "socket": os.path.exists(os.path.join(socket_dir, ".s.PGSQL.5432")),
                      "answer": answer}))
    """
)


def run_tool(*command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), "--", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def without_postgres(tmp_path: Path) -> dict[str, str]:
    """An environment where no PostgreSQL binaries can be found."""
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "FOLLOWUP_REQUIRE_POSTGRES"}
    return {**env, "FOLLOWUP_PG_BIN": str(empty), "PATH": str(empty)}


def make_tools(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_text("#!/bin/sh\n")
        (folder / name).chmod(0o755)
    return folder


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder the unprivileged server user can enter too (pytest's tmp_path is root-only)."""
    folder = Path(tempfile.mkdtemp(prefix="pgcluster-test-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


# --- Without binaries ------------------------------------------------------------------------


def test_missing_binaries_skip_with_exit_0(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    result = run_tool(
        sys.executable, "-c", f"open({str(marker)!r}, 'w')", env=without_postgres(tmp_path)
    )
    assert result.returncode == 0
    assert "not found" in result.stderr
    assert "skipped the PostgreSQL run" in result.stderr
    assert "apt-get install postgresql" in result.stderr
    assert not marker.exists(), "the command must not run without a cluster"


def test_missing_binaries_fail_when_postgres_required(tmp_path: Path) -> None:
    env = {**without_postgres(tmp_path), "FOLLOWUP_REQUIRE_POSTGRES": "1"}
    result = run_tool(sys.executable, "-c", "pass", env=env)
    assert result.returncode == 2
    assert "error:" in result.stderr
    assert "FOLLOWUP_REQUIRE_POSTGRES=1" in result.stderr


def test_no_command_prints_usage() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_help() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "FOLLOWUP_REQUIRE_POSTGRES" in result.stdout


# --- Finding the binaries --------------------------------------------------------------------


def test_highest_debian_version_wins(tmp_path: Path) -> None:
    root = tmp_path / "postgresql"
    for version in ("9.6", "15", "17"):
        make_tools(root / version / "bin", "initdb", "pg_ctl")
    make_tools(root / "18" / "bin", "initdb")  # incomplete: no pg_ctl
    folder, _ = pgcluster.find_bin_folder({"PATH": str(tmp_path / "none")}, root)
    assert folder == root / "17" / "bin"


def test_path_wins_over_debian_folders(tmp_path: Path) -> None:
    real = make_tools(tmp_path / "real" / "bin", "initdb", "pg_ctl", "createdb")
    on_path = tmp_path / "on_path"
    on_path.mkdir()
    (on_path / "initdb").symlink_to(real / "initdb")
    debian = tmp_path / "postgresql"
    make_tools(debian / "17" / "bin", "initdb", "pg_ctl")
    folder, looked_in = pgcluster.find_bin_folder({"PATH": str(on_path)}, debian)
    assert folder == real, "symlinks are followed to the folder with createdb and psql"
    assert looked_in == "PATH"


def test_explicit_folder_is_never_replaced(tmp_path: Path) -> None:
    debian = tmp_path / "postgresql"
    make_tools(debian / "17" / "bin", "initdb", "pg_ctl")
    env = {"FOLLOWUP_PG_BIN": str(tmp_path / "nothing"), "PATH": ""}
    folder, looked_in = pgcluster.find_bin_folder(env, debian)
    assert folder is None
    assert "FOLLOWUP_PG_BIN" in looked_in


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--", "pytest", "-q", "--", "x"], ["pytest", "-q", "--", "x"]),
        (["pytest"], ["pytest"]),
        (["--"], []),
        ([], []),
    ],
)
def test_parse_command(argv: list[str], expected: list[str]) -> None:
    assert pgcluster.parse_command(argv) == expected


def test_death_by_signal_maps_to_shell_exit_status() -> None:
    assert pgcluster.exit_status(-signal.SIGKILL) == 137
    assert pgcluster.exit_status(3) == 3


# --- A real cluster --------------------------------------------------------------------------


@needs_postgres
def test_command_runs_against_a_throwaway_cluster() -> None:
    result = run_tool(sys.executable, "-c", PROBE, str(BIN_FOLDER))
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["url"].startswith("postgres://followup@")
    assert seen["url"].endswith("/followup")
    assert seen["socket"], "the server listens on the socket in DATABASE_URL"
    if seen["answer"] is not None:
        assert seen["answer"] == "followup followup"
    match = FOLDER_LINE.search(result.stderr)
    assert match, result.stderr
    assert seen["socket_dir"] == f"{match.group(1)}/sock"
    assert not Path(match.group(1)).exists(), "the cluster folder is removed afterwards"


@needs_postgres
def test_command_exit_code_is_propagated() -> None:
    result = run_tool(sys.executable, "-c", "raise SystemExit(3)")
    assert result.returncode == 3, result.stderr
    match = FOLDER_LINE.search(result.stderr)
    assert match, result.stderr
    assert not Path(match.group(1)).exists()


@needs_postgres
def test_ctrl_c_still_removes_the_cluster() -> None:
    command = [sys.executable, "-c", "print('up', flush=True); input()"]
    with subprocess.Popen(
        [sys.executable, str(TOOL), "--", *command],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, like a terminal's foreground job
    ) as tool:
        try:
            assert tool.stdout is not None
            assert tool.stdout.readline() == "up\n"
            os.killpg(tool.pid, signal.SIGINT)
            _, stderr = tool.communicate(timeout=60)
        finally:
            if tool.poll() is None:
                tool.kill()
    assert tool.returncode == 130, stderr
    match = FOLDER_LINE.search(stderr)
    assert match, stderr
    assert not Path(match.group(1)).exists()


@needs_postgres
def test_server_start_failure_shows_the_log_and_exits_2(shared_dir: Path) -> None:
    assert BIN_FOLDER is not None
    # A pg_ctl that starts the server with a setting it rejects.
    bin_folder = shared_dir / "bin"
    bin_folder.mkdir()
    for name in ("initdb", "createdb"):
        (bin_folder / name).symlink_to(BIN_FOLDER / name)
    pg_ctl = bin_folder / "pg_ctl"
    pg_ctl.write_text(f'#!/bin/sh\nexec {BIN_FOLDER / "pg_ctl"} "$@" -o "-c no_such_setting=1"\n')
    pg_ctl.chmod(0o755)
    env = {**os.environ, "FOLLOWUP_PG_BIN": str(bin_folder)}
    result = run_tool(sys.executable, "-c", "raise SystemExit(0)", env=env)
    assert result.returncode == 2
    assert "pg_ctl start failed" in result.stderr
    assert "no_such_setting" in result.stderr, "the server log's tail is shown"
    match = re.search(r"server log (\S+)/log", result.stderr)
    assert match, result.stderr
    assert not Path(match.group(1)).exists()
