"""Benchmark: the recommendations' progress pages and the calendar feed at scale.

Generates SOURCES sources of RECOMMENDATIONS recommendations each, addressed to all member
states, with published follow-ups of every state in CYCLES cycles (rows inserted in bulk: the
ledger services' own cost is measured by the tests, not here), and MEETINGS meetings. Then
times each public page through the test client (median and p95 of --repeat requests, with the
SQL query count of one request).

Run with `.venv/bin/python bench/recommendations.py` (SQLite in a temporary folder, or
DATABASE_URL; `--quick` for a tenth of the data).
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from page_timing import time_pages

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCES = 20
RECOMMENDATIONS = 50  # per source: 1,000 recommendations, 35,000 addressed pairs
CYCLES = 3
MEETINGS = 2_000


def _setup(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followup.settings_test")
    os.environ.setdefault("FOLLOWUP_VAR_DIR", var_dir)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _fill(scale: float) -> dict[str, str]:
    import datetime
    import random

    from django.utils import timezone

    from followup.meetings.models import Meeting
    from followup.program.models import Actor, ProgramVersion, Theme
    from followup.program.services import load_program
    from followup.recommendations.models import (
        FollowUp,
        Recommendation,
        Source,
        StatusLevel,
        StatusScale,
    )
    from followup.reporting.models import ReportingCycle

    load_program()
    draw = random.Random(7)  # noqa: S311  # generated data
    version = ProgramVersion.objects.get(slug="2016")
    cycles = [
        ReportingCycle.objects.create(
            label=f"{2030 + n}–{2031 + n}",
            slug=f"{2030 + n}-{2031 + n}",
            version=version,
            opens_on=datetime.date(2030 + n, 9, 1),
            deadline=datetime.date(2031 + n, 3, 1),
            status=ReportingCycle.Status.CLOSED,
        )
        for n in range(CYCLES)
    ]
    themes = list(Theme.objects.all())
    states = list(Actor.objects.filter(category=Actor.Category.MEMBER_STATE))
    scale_row = StatusScale.objects.get(is_current=True)
    levels = list(StatusLevel.objects.filter(scale=scale_row))
    sources = Source.objects.bulk_create(
        Source(title=f"Generated source {n}", kind=Source.Kind.FORUM, date="2029")
        for n in range(max(1, int(SOURCES * scale)))
    )
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(
            source=source,
            group=f"Panel {n % 6 + 1}",
            number=n + 1,
            text=f"Generated recommendation {n} of {source.title} on migration governance.",
            all_member_states=True,
        )
        for source in sources
        for n in range(RECOMMENDATIONS)
    )
    through = Recommendation.themes.through
    through.objects.bulk_create(
        through(recommendation_id=r.pk, theme_id=draw.choice(themes).pk) for r in recommendations
    )
    now = timezone.now()
    FollowUp.objects.bulk_create(
        (
            FollowUp(
                recommendation=recommendation,
                addressee=state,
                cycle=cycle,
                scale=scale_row,
                level=draw.choice(levels),
                narrative="Generated.",
                status=FollowUp.Status.PUBLISHED,
                published_at=now,
            )
            for recommendation in recommendations
            for state in states
            for cycle in cycles
            if draw.random() < 0.8  # some states do not answer in some cycles
        ),
        batch_size=5_000,
    )
    Meeting.objects.bulk_create(
        Meeting(
            kind=Meeting.Kind.WORKING_GROUP,
            title=f"Generated meeting {n}",
            date=f"{2030 + n % 5}-{n % 12 + 1:02d}" + ("" if n % 3 else f"-{n % 28 + 1:02d}"),
        )
        for n in range(max(1, int(MEETINGS * scale)))
    )
    first = recommendations[0]
    return {
        "recommendation list": "/en/recommendations/",
        "progress overview (map)": "/en/recommendations/progress/",
        "one recommendation": f"/en/recommendations/{first.pk}/",
        "one state": "/en/recommendations/states/mex/",
        "one theme": f"/en/recommendations/themes/{themes[0].slug}/",
        "not answered": f"/en/recommendations/unanswered/?cycle={cycles[-1].slug}",
        "states CSV": "/en/recommendations/progress/states.csv",
        "meetings list": "/en/meetings/",
        "calendar feed (.ics)": "/en/meetings/calendar.ics",
        "follow-ups API": "/api/v1/follow-ups/",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help="a tenth of the data")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        _setup(var_dir)
        from django.db import connection

        from followup.recommendations.models import FollowUp

        started = time.perf_counter()
        pages = _fill(0.1 if arguments.quick else 1.0)
        print(
            f"{FollowUp.objects.count():,} published follow-ups generated in "
            f"{time.perf_counter() - started:.1f} s ({connection.vendor})"
        )
        time_pages(pages, arguments.repeat, width=26)


if __name__ == "__main__":
    main()
