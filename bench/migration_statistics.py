"""Benchmark: importing a million migration-statistics observations, then the statistics pages
and the open-data API at that size.

Generates a CSV of INDICATORS indicators × 50 countries × YEARS years × 20 breakdowns
(1,000,000 rows), imports it through the same service as `followup stats import` and reports
the rows per second; then re-imports a tenth of it with changed values (revisions), and times
each page through the test client (median and p95 of --repeat requests, with the SQL query
count of one request).

Named migration_statistics.py, not statistics.py: a script's folder comes first on sys.path, and
a bench/statistics.py would shadow the standard library's module.

Run with `.venv/bin/python bench/migration_statistics.py` (SQLite in a temporary folder, or
DATABASE_URL; `--quick` for a tenth of the data).
"""

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

from page_timing import time_pages

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

INDICATORS = 20
YEARS = 50  # 1975–2024
# The member states' codes come from the registry; these complete fifty countries.
OTHER_COUNTRIES = [
    "ESP",
    "ITA",
    "FRA",
    "DEU",
    "GBR",
    "PRT",
    "CHN",
    "IND",
    "PHL",
    "NGA",
    "SEN",
    "UKR",
    "SYR",
    "AFG",
    "JPN",
]
BREAKDOWNS = [
    "",
    "sex:female",
    "sex:male",
    "age:0-14",
    "age:15-24",
    "age:25-64",
    "age:65+",
    *(
        f"origin:{code}"
        for code in [
            "VEN",
            "COL",
            "HTI",
            "CUB",
            "MEX",
            "GTM",
            "HND",
            "SLV",
            "NIC",
            "PER",
            "ECU",
            "BOL",
            "ESP",
        ]
    ),
]


def _setup(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followup.settings_test")
    os.environ.setdefault("FOLLOWUP_VAR_DIR", var_dir)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _countries() -> list[str]:
    from followup.program.models import Actor
    from followup.program.services import load_program

    load_program()
    states = Actor.objects.filter(category=Actor.Category.MEMBER_STATE).exclude(country="")
    return sorted(states.values_list("country", flat=True)) + OTHER_COUNTRIES


def _write_file(path: Path, countries: list[str], scale: float, *, offset: float = 0.0) -> int:
    from followup.statistics.models import Indicator

    Indicator.objects.bulk_create(
        [
            Indicator(
                code=f"GEN_{n:02d}",
                name_en=f"Generated indicator {n}",
                name_es=f"Indicador generado {n}",
                unit=Indicator.Unit.PERSONS,
                illustrative=True,
            )
            for n in range(INDICATORS)
        ],
        ignore_conflicts=True,
    )
    rows = 0
    indicators = max(1, int(INDICATORS * scale))
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["indicator", "country", "year", "breakdown", "value"])
        for n in range(indicators):
            for index, country in enumerate(countries):
                for year in range(2024 - YEARS + 1, 2025):
                    for position, breakdown in enumerate(BREAKDOWNS):
                        value = (index + 1) * 1000 + year * 3 + position * 7 + n + offset
                        writer.writerow([f"GEN_{n:02d}", country, year, breakdown, value])
                        rows += 1
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="a tenth of the data")
    arguments = parser.parse_args()
    scale = 0.1 if arguments.quick else 1.0
    with tempfile.TemporaryDirectory() as var_dir:
        _setup(var_dir)
        from django.db import connection

        from followup.statistics.models import Observation, ObservationRevision
        from followup.statistics.services import import_path

        countries = _countries()
        source = Path(var_dir) / "observations.csv"
        rows = _write_file(source, countries, scale)
        size = source.stat().st_size / 1e6
        print(f"Generated {rows:,} rows ({size:.0f} MB of CSV), database: {connection.vendor}")

        started = time.perf_counter()
        result = import_path(source)
        elapsed = time.perf_counter() - started
        assert result.created == rows, result
        print(f"Import of {rows:,} new observations: {elapsed:.1f} s, {rows / elapsed:,.0f} rows/s")

        # A correction of one indicator in ten: every figure of it changes, so each becomes a
        # revision with its old value kept.
        revised_file = Path(var_dir) / "corrections.csv"
        revised_rows = _write_file(revised_file, countries, scale / 10, offset=0.5)
        started = time.perf_counter()
        result = import_path(revised_file)
        elapsed = time.perf_counter() - started
        assert result.revised == revised_rows, result
        print(
            f"Re-import of {revised_rows:,} corrected figures: {elapsed:.1f} s, "
            f"{revised_rows / elapsed:,.0f} rows/s "
            f"({Observation.objects.count():,} observations, "
            f"{ObservationRevision.objects.count():,} superseded figures kept)"
        )

        pages = {
            "indicator page": "/en/statistics/indicators/GEN_00/",
            "indicator page, 2000, women": (
                "/en/statistics/indicators/GEN_00/?year=2000&breakdown=sex%3Afemale"
            ),
            "indicator data (CSV)": "/en/statistics/indicators/GEN_00/data.csv",
            "country profile (Mexico)": "/en/statistics/countries/MEX/",
            "country data (JSON)": "/en/statistics/countries/MEX/data.json",
            "comparison of 5 countries": (
                "/en/statistics/compare/?indicator=GEN_00&countries=MEX&countries=USA"
                "&countries=CAN&countries=BRA&countries=ARG"
            ),
            "statistics index": "/en/statistics/",
            "API list (one indicator, one country)": (
                "/api/v1/statistics/?indicator=GEN_00&country=MEX"
            ),
        }
        time_pages(pages, arguments.repeat)


if __name__ == "__main__":
    main()
