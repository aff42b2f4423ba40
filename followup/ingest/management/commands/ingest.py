"""`followup ingest PATH... [--dry-run] [--json]`: read documents into reviewable records.

With --json each readable file prints one JSON object on its own line (the contract in
docs/ingest.md); a file that cannot be read prints one line on standard error naming it, the
batch goes on, and the exit code says whether any file failed.
"""

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from followup.ingest import services
from followup.ingest.blocks import UnreadableFile

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Read Word, PDF, ODT, HTML or text documents of the Program into records that wait "
        "for review: followup ingest informe-2019.docx reports/ --dry-run --json"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="Files, or folders to read.")
        parser.add_argument("--dry-run", action="store_true", help="Read and show; store nothing.")
        parser.add_argument(
            "--json", action="store_true", help="One JSON object per file on standard output."
        )

    def handle(self, *args: Any, paths: list[Path], dry_run: bool, **options: Any) -> None:
        as_json: bool = options["json"]
        files = list(_files(paths))
        progress = _Progress(self.stderr, len(files), enabled=not as_json)
        failed = 0
        for number, path in enumerate(files, start=1):
            progress.show(number, path)
            try:
                outcome = services.ingest_path(path, dry_run=dry_run)
            except UnreadableFile as error:
                failed += 1
                progress.clear()
                self.stderr.write(f"{path}: {error}")
                continue
            except Exception as error:  # one broken file must not stop the batch
                logger.exception("ingest failed on %s", path)
                failed += 1
                progress.clear()
                self.stderr.write(
                    f"{path}: "
                    + _("could not be read (%(error)s).") % {"error": type(error).__name__}
                )
                continue
            if as_json:
                self.stdout.write(json.dumps(outcome.json, ensure_ascii=False))
            else:
                progress.clear()
                self.stdout.write(f"{path}: {outcome.summary}")
        progress.clear()
        if failed:
            raise CommandError(
                ngettext(
                    "%(failed)d of %(total)d file could not be read.",
                    "%(failed)d of %(total)d files could not be read.",
                    len(files),
                )
                % {"failed": failed, "total": len(files)}
            )


def _files(paths: list[Path]) -> Iterator[Path]:
    """The files named, and the files inside the folders named, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                child
                for child in path.rglob("*")
                if child.is_file() and not child.name.startswith(".")
            )
        else:
            yield path  # a missing file is reported by the reader, in the batch


class _Progress:
    """A one-line progress bar on a terminal; nothing when the output is a file or a pipe."""

    WIDTH = 30

    def __init__(self, stream: OutputWrapper, total: int, *, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled and total > 1 and stream.isatty()

    def show(self, number: int, path: Path) -> None:
        if not self.enabled:
            return
        done = self.WIDTH * (number - 1) // self.total
        bar = "#" * done + "-" * (self.WIDTH - done)
        self.stream.write(f"\r[{bar}] {number}/{self.total} {path.name[:40]:<40}", ending="")
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * (self.WIDTH + 60) + "\r", ending="")
            self.stream.flush()
