"""A cycle with accepted and published reports of three actors, one entry of each kind each."""

import datetime
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from followup.program.models import Actor, PopulationGroup, ProgramActivity, Theme
from followup.reporting.models import Entry, EntryCountry, Figure
from followup.reporting.tests.factories import CycleFactory, ReportFactory


@pytest.fixture
def needs_chromium():
    """The PDF is printed by Chromium: skip without it locally; CI requires it."""
    if not Path(settings.CHROMIUM).is_file():
        message = f"Chromium is not installed at {settings.CHROMIUM}; the PDF cannot be printed"
        if os.environ.get("FOLLOWUP_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _entry(report, kind, title, *, activity=None, theme=None, **fields):
    entry = Entry.objects.create(
        report=report, kind=kind, title=title, narrative=f"What {title} was about.", **fields
    )
    if activity:
        entry.activities.set(ProgramActivity.objects.filter(code=activity))
    if theme:
        entry.themes.set(Theme.objects.filter(slug=theme))
    return entry


@pytest.fixture
def compiled_cycle(db):
    cycle = CycleFactory(label="2019–2020", slug="2019-2020", status="closed")
    submitted = datetime.datetime(2020, 6, 30, 12, tzinfo=datetime.UTC)
    reports = {}
    for slug, status in [("iin", "published"), ("iachr", "accepted"), ("dps", "published")]:
        report = ReportFactory(cycle=cycle, actor=Actor.objects.get(slug=slug), status=status)
        report.submitted_at = submitted
        report.save()
        reports[slug] = report
    iachr = reports["iachr"]
    first = _entry(
        iachr,
        "carried_out",
        "Inter-American Principles",
        activity="2016-iachr-b",
        starts="2019-12-07",
        language="en",
    )
    first.population_groups.set(
        PopulationGroup.objects.filter(slug__in=["refugees-asylum-seekers"])
    )
    EntryCountry.objects.create(entry=first, code="USA")
    _entry(
        iachr,
        "carried_out",
        "Visita de trabajo a Costa Rica",
        activity="2016-iachr-e",
        starts="2019-05-19",
        ends="2019-05-24",
        language="es",
    )
    _entry(iachr, "planned", "Report on forced migration", language="en", starts="2020")
    _entry(iachr, "best_practice", "Hearings on human mobility", language="en")
    _entry(iachr, "proposal", "A regional observatory", language="en")
    dps = reports["dps"]
    trained = _entry(
        dps, "carried_out", "Training in Honduras", theme="trafficking-smuggling", starts="2017"
    )
    Figure.objects.create(entry=trained, value=Decimal("70"), counts="professionals trained")
    EntryCountry.objects.create(entry=trained, code="HND")
    iin = reports["iin"]
    _entry(iin, "carried_out", "Quito Process meeting", activity="2016-iin-a", starts="2019-03")
    _entry(iin, "carried_out", "Loose note without tags")
    _entry(iin, "planned", "Good practices document", starts="2020")
    iin.original_file.save("Informe-IIN.pdf", ContentFile(PDF), save=False)
    iin.original_language = "es"
    iin.save()
    # A draft and a submitted report never appear in the annual report.
    for slug, status in [("cim", "draft"), ("gs", "submitted")]:
        other = ReportFactory(cycle=cycle, actor=Actor.objects.get(slug=slug), status=status)
        _entry(other, "carried_out", f"Unaccepted work of {slug}")
    return cycle
