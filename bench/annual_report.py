"""Benchmark: compile a cycle of 60 actor reports × 30 entries to DOCX, HTML and PDF.

Run with `.venv/bin/python bench/annual_report.py` (SQLite in a temporary folder, or
DATABASE_URL). The issue's goals on the 2-core machine: DOCX under 3 s, PDF under 10 s, each
including building the document from the database.
"""

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup.reporting.models import ReportingCycle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPORTS = 60
ENTRIES = 30


def _setup(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followup.settings_test")
    os.environ.setdefault("FOLLOWUP_VAR_DIR", var_dir)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _fill() -> "ReportingCycle":
    import datetime
    from decimal import Decimal

    from followup.program.models import Actor, ProgramActivity, ProgramVersion, Theme
    from followup.program.services import load_program
    from followup.reporting.models import (
        ActorReport,
        Entry,
        EntryCountry,
        Figure,
        ReportingCycle,
    )

    load_program()
    cycle = ReportingCycle.objects.create(
        label="2030–2031",
        slug="2030-2031",
        version=ProgramVersion.objects.get(slug="2016"),
        opens_on=datetime.date(2030, 9, 1),
        deadline=datetime.date(2030, 12, 1),
        status=ReportingCycle.Status.CLOSED,
    )
    actors = list(Actor.objects.order_by("category", "slug")[:REPORTS])
    activities = list(ProgramActivity.objects.filter(version__slug="2016", actor__isnull=False))
    themes = list(Theme.objects.all())
    kinds = ["carried_out"] * 4 + ["planned", "best_practice", "proposal"]
    for number, actor in enumerate(actors):
        report = ActorReport.objects.create(
            cycle=cycle, actor=actor, status=ActorReport.Status.ACCEPTED
        )
        entries = Entry.objects.bulk_create(
            Entry(
                report=report,
                kind=kinds[n % len(kinds)],
                title=f"Activity {n + 1} of {actor.slug}: training and exchange of practices",
                narrative=(
                    "Officials from several countries took part in workshops on the protection "
                    "of migrants' rights, with follow-up sessions and published material. " * 3
                ),
                starts=f"2030-{(n % 12) + 1:02d}",
                order=n,
            )
            for n in range(ENTRIES)
        )
        for n, entry in enumerate(entries):
            entry.themes.set([themes[(number + n) % len(themes)]])
            entry.activities.set([activities[(number + n) % len(activities)]])
            EntryCountry.objects.create(entry=entry, code=["MEX", "GTM", "HND", "COL"][n % 4])
            if n % 3 == 0:
                Figure.objects.create(entry=entry, value=Decimal(10 + n), counts="people trained")
    return cycle


def _timed(label: str, action: Callable[[], object]) -> object:
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    size = f"{len(result) / 1024:,.0f} KB" if isinstance(result, bytes) else ""
    print(f"| {label} | {seconds:.2f} | {size} |")
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as var_dir:
        _setup(var_dir)
        from django.db import connection

        from followup.publishing.document import build_annual_report
        from followup.publishing.render.docx import render_docx
        from followup.publishing.render.html import render_html
        from followup.publishing.render.pdf import render_pdf

        cycle = _fill()
        print(f"database: {connection.vendor}; {REPORTS} reports × {ENTRIES} entries")
        print()
        print("| step | seconds | size |")
        print("|---|---:|---:|")
        _timed(
            "build the document from the database",
            lambda: build_annual_report(cycle, language="en"),
        )
        _timed(
            "DOCX, build + render", lambda: render_docx(build_annual_report(cycle, language="en"))
        )
        _timed(
            "HTML, build + render", lambda: render_html(build_annual_report(cycle, language="es"))
        )
        _timed("PDF, build + render", lambda: render_pdf(build_annual_report(cycle, language="en")))
        _timed(
            "a stored version: 3 formats × 2 languages (the worker's task)",
            lambda: _compile_version(cycle),
        )


def _compile_version(cycle: "ReportingCycle") -> object:
    from followup.accounts.models import User
    from followup.publishing.services import compile_cycle

    secretariat = User.objects.create_superuser("bench-secretariat", password=None)
    return compile_cycle(cycle, by=secretariat)


if __name__ == "__main__":
    main()
