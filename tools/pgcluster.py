"""Run a command against a throwaway PostgreSQL cluster.

Production runs on PostgreSQL while the everyday test run uses SQLite, so the test suite must
also pass on PostgreSQL whenever a machine has its server binaries. Usage:

    python tools/pgcluster.py -- CMD ARGS...

creates a cluster in a fresh temporary folder, starts it with a Unix socket only (no TCP), runs
CMD with DATABASE_URL pointing at the "followup" database in it, then stops the server, removes
the folder (also on failure, Ctrl-C or SIGTERM) and exits with CMD's exit code.

Without initdb and pg_ctl it prints why and exits 0, unless FOLLOWUP_REQUIRE_POSTGRES=1 (CI),
then it exits 2 so that nothing is skipped silently. FOLLOWUP_PG_BIN names the bin folder
explicitly; otherwise PATH is searched, then Debian's /usr/lib/postgresql/VERSION/bin.
Standard library only: it runs before any project dependency is needed.
"""

from __future__ import annotations

import os
import pwd
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import FrameType
from urllib.parse import quote

DB_USER = "followup"
DB_NAME = "followup"
DEBIAN_ROOT = Path("/usr/lib/postgresql")
INSTALL_HINT = "Install them with: apt-get install postgresql"
EXIT_SETUP_FAILED = 2
LOG_TAIL_LINES = 30
# Seconds an interrupted command gets to finish on its own (it usually got the same Ctrl-C).
CHILD_GRACE_SECONDS = 10.0
SERVER_START_TIMEOUT = 60
CLEANUP_SHIELD = (signal.SIGINT, signal.SIGTERM)
USAGE = "usage: python tools/pgcluster.py -- CMD [ARGS...]"


class SetupError(Exception):
    """The cluster could not be created or started; the message says why."""


class Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C so the cluster is still removed."""


def say(message: str) -> None:
    print(f"pgcluster: {message}", file=sys.stderr, flush=True)


# --- Finding the binaries -------------------------------------------------------------------


def has_server_tools(folder: Path) -> bool:
    return all(os.access(folder / name, os.X_OK) for name in ("initdb", "pg_ctl"))


def version_key(folder: Path) -> tuple[int, ...]:
    """Order /usr/lib/postgresql/VERSION folders numerically: 9.6 < 15 < 17."""
    try:
        return tuple(int(part) for part in folder.name.split("."))
    except ValueError:
        return ()


def find_bin_folder(
    env: Mapping[str, str], debian_root: Path = DEBIAN_ROOT
) -> tuple[Path | None, str]:
    """Return the bin folder holding initdb and pg_ctl (or None) and where it was looked for."""
    explicit = env.get("FOLLOWUP_PG_BIN")
    if explicit:
        # An explicit choice is never silently replaced by another installation.
        folder = Path(explicit)
        return (folder if has_server_tools(folder) else None), f"FOLLOWUP_PG_BIN={explicit}"
    initdb = shutil.which("initdb", path=env.get("PATH", os.defpath))
    if initdb:
        # Resolve symlinks so that createdb and psql are found beside the real initdb.
        folder = Path(os.path.realpath(initdb)).parent
        if has_server_tools(folder):
            return folder, "PATH"
    versions = sorted(debian_root.glob("*/bin"), key=lambda bin_: version_key(bin_.parent))
    candidates = [folder for folder in reversed(versions) if has_server_tools(folder)]
    return (candidates[0] if candidates else None), f"PATH and {debian_root}/*/bin"


def server_version(bin_folder: Path) -> str:
    result = subprocess.run(
        [str(bin_folder / "initdb"), "--version"], capture_output=True, text=True, check=False
    )
    match = re.search(r"\(PostgreSQL\)\s+(\S+)", result.stdout)
    return match.group(1) if match else "(unknown version)"


# --- Running as the server user -------------------------------------------------------------


@dataclass(frozen=True)
class ServerUser:
    """Who runs initdb and the server; no name means this process, as it is."""

    name: str | None = None
    uid: int = -1
    gid: int = -1

    def wrap(self, command: Sequence[str]) -> list[str]:
        if self.name is None:
            return list(command)
        if shutil.which("runuser"):
            return ["runuser", "-u", self.name, "--", *command]
        return ["su", "-s", "/bin/sh", self.name, "-c", shlex.join(command)]

    def own(self, path: Path) -> None:
        if self.name is not None:
            os.chown(path, self.uid, self.gid)


def choose_server_user() -> ServerUser:
    """initdb and postgres refuse to run as root, so root hands them to an unprivileged user."""
    if os.geteuid() != 0:
        return ServerUser()
    for name in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return ServerUser(name, entry.pw_uid, entry.pw_gid)
    raise SetupError("running as root, and neither a 'postgres' nor a 'nobody' user exists")


# --- The cluster ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cluster:
    bin_folder: Path
    root: Path
    user: ServerUser
    database: str = DB_NAME

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    @property
    def log(self) -> Path:
        return self.root / "log"

    @property
    def url(self) -> str:
        # dj-database-url and libpq both read a percent-encoded host as a socket folder.
        return f"postgres://{DB_USER}@{quote(str(self.socket_dir), safe='')}/{self.database}"

    def tool(self, name: str) -> str:
        return str(self.bin_folder / name)

    def run_as_server(self, command: Sequence[str]) -> subprocess.CompletedProcess[str]:
        # cwd: the server user may not be allowed into this process's working folder.
        return subprocess.run(
            self.user.wrap(command), cwd=self.root, capture_output=True, text=True, check=False
        )

    def init(self) -> None:
        self.user.own(self.root)
        self.socket_dir.mkdir()
        self.user.own(self.socket_dir)
        result = self.run_as_server(
            [
                self.tool("initdb"),
                "-D",
                str(self.data),
                "-U",
                DB_USER,
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
            ]
        )
        if result.returncode != 0:
            raise failure("initdb", result)

    def start(self) -> None:
        # A throwaway cluster needs no durability: without fsync it starts and runs much faster.
        options = (
            f"-k {shlex.quote(str(self.socket_dir))} -c listen_addresses=''"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        command = [self.tool("pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.log)]
        result = self.run_as_server([*command, "-w", "-t", str(SERVER_START_TIMEOUT), "start"])
        if result.returncode != 0:
            tail = f"server log {self.log}, last lines:\n{self.log_tail()}"
            raise failure("pg_ctl start", result, tail)

    def log_tail(self) -> str:
        try:
            lines = self.log.read_text(errors="replace").splitlines()
        except OSError as error:
            return f"(no log: {error})"
        return "\n".join(lines[-LOG_TAIL_LINES:])

    def create_database(self) -> None:
        createdb = self.bin_folder / "createdb"
        command = [str(createdb), "-h", str(self.socket_dir), "-U", DB_USER, self.database]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise failure("createdb", result)

    def stop(self) -> None:
        if not (self.data / "postmaster.pid").exists():
            return
        # Immediate: nothing in a throwaway cluster is worth a shutdown checkpoint.
        command = [self.tool("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]
        result = self.run_as_server(command)
        if result.returncode != 0:
            say(f"warning: {failure('pg_ctl stop', result)}")


def failure(what: str, result: subprocess.CompletedProcess[str], *notes: str) -> SetupError:
    output = (result.stdout + result.stderr).rstrip()
    return SetupError(
        "\n".join([f"{what} failed (exit code {result.returncode}):", output, *notes])
    )


@contextmanager
def throwaway_cluster(bin_folder: Path) -> Iterator[Cluster]:
    """Yield a started cluster with its database; always stop it and remove its folder."""
    user = choose_server_user()
    cluster = Cluster(bin_folder, Path(tempfile.mkdtemp(prefix="followup-pg-")), user)
    try:
        started = time.monotonic()
        cluster.init()
        cluster.start()
        if (bin_folder / "createdb").exists():
            cluster.create_database()
        else:
            # Without createdb, point at the database every cluster has.
            cluster = replace(cluster, database="postgres")
        say(
            f"PostgreSQL {server_version(bin_folder)} throwaway cluster at {cluster.root}"
            f" (ready in {time.monotonic() - started:.1f} s)"
        )
        yield cluster
    finally:
        with signals_ignored():
            cluster.stop()
            shutil.rmtree(cluster.root, onerror=warn_not_removed)


@contextmanager
def signals_ignored() -> Iterator[None]:
    """Keep a second Ctrl-C (or SIGTERM) from leaving a running server and its folder behind."""
    previous = {number: signal.signal(number, signal.SIG_IGN) for number in CLEANUP_SHIELD}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def warn_not_removed(_function: object, path: str, _error: object) -> None:
    say(f"warning: could not remove {path}")


# --- Running the command --------------------------------------------------------------------


def exit_status(returncode: int) -> int:
    """Map death by signal N (a negative return code) to 128 + N, as shells do."""
    return 128 - returncode if returncode < 0 else returncode


def run_child(command: Sequence[str], env: Mapping[str, str]) -> int:
    child = subprocess.Popen(command, env=dict(env))
    try:
        return exit_status(child.wait())
    except KeyboardInterrupt:
        # A terminal's Ctrl-C reached the command too: let it finish (pytest prints its summary).
        stop_child(child)
        raise
    except Terminated:
        child.terminate()
        stop_child(child)
        raise


def stop_child(child: subprocess.Popen[bytes]) -> None:
    """Wait a little for an interrupted command; kill it after that or on a second interrupt."""
    try:
        child.wait(timeout=CHILD_GRACE_SECONDS)
    except (subprocess.TimeoutExpired, KeyboardInterrupt, Terminated):
        child.kill()
        child.wait()


def missing_binaries(looked_in: str, env: Mapping[str, str]) -> int:
    reason = f"PostgreSQL server binaries (initdb, pg_ctl) not found in {looked_in}"
    if env.get("FOLLOWUP_REQUIRE_POSTGRES") == "1":
        say(f"error: {reason}, and FOLLOWUP_REQUIRE_POSTGRES=1 forbids skipping. {INSTALL_HINT}")
        return EXIT_SETUP_FAILED
    say(f"{reason}: skipped the PostgreSQL run. {INSTALL_HINT}")
    return 0


def parse_command(argv: Sequence[str]) -> list[str]:
    return list(argv[1:] if argv[:1] == ["--"] else argv)


def raise_terminated(_signum: int, _frame: FrameType | None) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    command = parse_command(sys.argv[1:] if argv is None else argv)
    if command[:1] in (["-h"], ["--help"]):
        print(f"{USAGE}\n\n{__doc__}")
        return 0
    if not command:
        print(USAGE, file=sys.stderr)
        return EXIT_SETUP_FAILED
    bin_folder, looked_in = find_bin_folder(os.environ)
    if bin_folder is None:
        return missing_binaries(looked_in, os.environ)
    signal.signal(signal.SIGTERM, raise_terminated)
    try:
        with throwaway_cluster(bin_folder) as cluster:
            return run_child(command, {**os.environ, "DATABASE_URL": cluster.url})
    except SetupError as error:
        say(f"error: {error}")
        return EXIT_SETUP_FAILED
    except KeyboardInterrupt:
        return 128 + signal.SIGINT
    except Terminated:
        return 128 + signal.SIGTERM


if __name__ == "__main__":
    sys.exit(main())
