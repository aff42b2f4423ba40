"""Benchmarks of the Program registry: loading, exporting and serving its public pages.

Run with `make bench` (or `.venv/bin/python bench/run.py [--repeat N]`). It builds a fresh
SQLite database in a temporary folder (or uses DATABASE_URL), so figures do not depend on the
state of `var/`. Results go to standard output as a Markdown table for docs/benchmarks.md.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followup.settings_test")
    os.environ.setdefault("FOLLOWUP_VAR_DIR", var_dir)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _time(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def _count_queries(connection: object, action: Callable[[], object]) -> int:
    # An execute wrapper sees every query, even though each request resets Django's query log.
    count = 0

    def counter(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):  # type: ignore[attr-defined]
        action()
    return count


def _read(response: Any) -> Any:
    # Streamed responses do their work while being read.
    if getattr(response, "streaming", False):
        for _chunk in response.streaming_content:
            pass
        response.close()
    return response


def _measure_pages(
    client: Any,
    pages: dict[str, str],
    repeat: int,
    rows: list[tuple[str, float, float | None, int | None]],
) -> None:
    from django.db import connection

    for label, address in pages.items():
        _read(client.get(address))  # warm template caches

        def fetch(address: str = address) -> Any:
            return _read(client.get(address))

        queries = _count_queries(connection, fetch)
        median, p95 = _time(fetch, repeat)
        rows.append((label, median, p95, queries))


def _grow_entries(count: int) -> None:
    """Published entries in a third cycle, so list and export figures are not from a toy set."""
    import datetime

    from followup.program.models import Actor, ProgramVersion, Theme
    from followup.reporting.models import ActorReport, Entry, EntryCountry, ReportingCycle

    version = ProgramVersion.objects.get(slug="2016")
    cycle = ReportingCycle.objects.create(
        label="2020–2021",
        slug="2020-2021",
        version=version,
        opens_on=datetime.date(2020, 9, 1),
        deadline=datetime.date(2020, 12, 1),
        status=ReportingCycle.Status.CLOSED,
    )
    themes = list(Theme.objects.all()[:3])
    actors = list(Actor.objects.filter(category="member_state")[:20])
    for actor in actors:
        report = ActorReport.objects.create(
            cycle=cycle, actor=actor, status=ActorReport.Status.PUBLISHED
        )
        entries = Entry.objects.bulk_create(
            Entry(report=report, kind="carried_out", title=f"Activity {n} of {actor.slug}")
            for n in range(count // len(actors))
        )
        EntryCountry.objects.bulk_create(EntryCountry(entry=e, code="GTM") for e in entries)
        for entry in entries:
            entry.themes.set(themes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50, help="timed runs per measurement")
    parser.add_argument("--entries", type=int, default=2000, help="extra published entries")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as var_dir:
        _setup(var_dir)
        from django.db import connection
        from django.test import Client

        from followup.program.export import export_program
        from followup.program.models import Mandate
        from followup.program.services import load_program

        rows: list[tuple[str, float, float | None, int | None]] = []
        start = time.perf_counter()
        load_program()
        rows.append(
            ("load-program, empty database", (time.perf_counter() - start) * 1000, None, None)
        )
        median, p95 = _time(load_program, max(3, args.repeat // 10))
        rows.append(("load-program again (nothing to do)", median, p95, None))
        median, p95 = _time(export_program, max(3, args.repeat // 5))
        rows.append(("export program --json (build document)", median, p95, None))

        client = Client()
        mandate = Mandate.objects.get(symbol="AG/RES. 2883 (XLVI-O/16)")
        pages = {
            "GET /en/ (home)": "/en/",
            "GET /es/programs/2016/": "/es/programs/2016/",
            "GET /en/actors/iachr/": "/en/actors/iachr/",
            "GET /en/actors/mex/": "/en/actors/mex/",
            f"GET {mandate.get_absolute_url()}": mandate.get_absolute_url(),
        }
        _measure_pages(client, pages, args.repeat, rows)

        # Reporting: the demo cycles (36 published entries), then a larger synthetic load.
        from followup.accounts.services import create_demo_secretariat
        from followup.reporting.demo import load_reporting_demo

        secretariat, _password = create_demo_secretariat()
        start = time.perf_counter()
        load_reporting_demo(by_secretariat=secretariat)
        rows.append(("load the reporting demo", (time.perf_counter() - start) * 1000, None, None))
        _grow_entries(args.entries)
        staff = Client()
        staff.force_login(secretariat)
        _measure_pages(
            client,
            {
                "GET /en/reports/2019-2020/iin/ (public report)": "/en/reports/2019-2020/iin/",
                "GET /en/entries/ (25 of all published)": "/en/entries/",
                "GET /en/entries/?country=GTM": "/en/entries/?country=GTM",
                f"GET /en/entries/export/csv/ ({args.entries + 36} entries)": (
                    "/en/entries/export/csv/"
                ),
                "GET /api/v1/entries/?limit=50": "/api/v1/entries/?limit=50",
            },
            max(3, args.repeat // 5),
            rows,
        )
        _measure_pages(
            staff,
            {
                "GET /en/dashboard/ (secretariat)": "/en/dashboard/?cycle=2025-2026",
                "GET /en/dashboard/coverage/": "/en/dashboard/coverage/?cycle=2019-2020",
            },
            max(3, args.repeat // 5),
            rows,
        )

    print(f"database: {connection.vendor}, repeat: {args.repeat}, python {sys.version.split()[0]}")
    print()
    print("| measurement | median ms | p95 ms | SQL queries |")
    print("|---|---:|---:|---:|")
    for label, middle, high, count in rows:
        high_text = f"{high:.1f}" if high is not None else "—"
        count_text = str(count) if count is not None else "—"
        print(f"| {label} | {middle:.1f} | {high_text} | {count_text} |")


if __name__ == "__main__":
    main()
