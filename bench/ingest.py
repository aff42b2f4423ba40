"""Benchmark: reading and extracting documents, as `followup ingest --dry-run` does.

Run with `.venv/bin/python bench/ingest.py [--files 1000]` (SQLite in a temporary folder with
the registry loaded). Two figures, as the import issue asks:
- the four corpus files of ../shared/corpus, one after the other (goal: well under 2 s);
- throughput on generated documents of about 20 KB (half DOCX, half plain text, written from
  the corpus's own lines in a shuffled order), on one process and on two.
"""

import argparse
import io
import os
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

TARGET_BYTES = 20 * 1024


def _setup(var_dir: str, *, migrate: bool) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followup.settings_test")
    os.environ["FOLLOWUP_VAR_DIR"] = var_dir
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        from followup.program.services import load_program

        call_command("migrate", verbosity=0)
        load_program()


def _corpus_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def _generate(count: int, folder: Path) -> list[Path]:
    """Documents of ~20 KB: a heading, then corpus lines in a shuffled order."""
    from docx import Document

    lines = _corpus_lines()
    rng = random.Random(2026)  # noqa: S311  (the same documents on every run; no secret)
    paths = []
    for number in range(count):
        chosen: list[str] = []
        size = 0
        while size < TARGET_BYTES:
            line = rng.choice(lines)
            chosen.append(line)
            size += len(line.encode("utf-8")) + 1
        if number % 2:
            path = folder / f"generated-{number:04d}.txt"
            path.write_text("\n".join(chosen), encoding="utf-8")
        else:
            document = Document()
            document.add_heading(f"Report {number}", level=1)
            for line in chosen:
                document.add_paragraph(line)
            buffer = io.BytesIO()
            document.save(buffer)
            path = folder / f"generated-{number:04d}.docx"
            path.write_bytes(buffer.getvalue())
        paths.append(path)
    return paths


def _read_many(paths: list[Path]) -> int:
    from followup.ingest.services import ingest_path

    for path in paths:
        ingest_path(path, dry_run=True)
    return len(paths)


def _worker_init(var_dir: str) -> None:
    _setup(var_dir, migrate=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    arguments = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"The corpus folder {CORPUS} is absent; nothing to measure.")
    with tempfile.TemporaryDirectory() as var_dir:
        _setup(var_dir, migrate=True)
        corpus = sorted(CORPUS.glob("*.txt"))
        _read_many(corpus[:1])  # warm the caches (registry index, compiled patterns)
        start = time.perf_counter()
        _read_many(corpus)
        corpus_seconds = time.perf_counter() - start
        print(f"| the {len(corpus)} corpus files, one after the other | {corpus_seconds:.2f} s |")

        folder = Path(var_dir) / "generated"
        folder.mkdir()
        paths = _generate(arguments.files, folder)
        size = sum(path.stat().st_size for path in paths) / len(paths) / 1024
        start = time.perf_counter()
        _read_many(paths)
        one = time.perf_counter() - start
        print(
            f"| {len(paths)} generated files (mean {size:.0f} KB), 1 process "
            f"| {one:.1f} s, {len(paths) / one * 60:,.0f} files/min |"
        )
        halves = [paths[0::2], paths[1::2]]
        from django.db import connections

        connections.close_all()  # the workers open their own
        start = time.perf_counter()
        with ProcessPoolExecutor(2, initializer=_worker_init, initargs=(var_dir,)) as pool:
            done = sum(pool.map(_read_many, halves))
        two = time.perf_counter() - start
        print(
            f"| {done} generated files, 2 processes "
            f"| {two:.1f} s, {done / two * 60:,.0f} files/min |"
        )


if __name__ == "__main__":
    main()
