"""The generated, illustrative indicators: fifteen years of plausible figures for every member
state, drawn from a fixed seed so that every demo database shows the same charts, and one figure
corrected by a small import so that a figure's history shows.

Each indicator says it is illustrative three times over: its code starts with DEMO_, its
`illustrative` flag is set (pages label it), and its definition and source say the figures are
generated and describe no country.
"""

import hashlib
import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from followup.accounts.models import User
from followup.program.models import Actor
from followup.statistics.demo.specs import IndicatorSpec, save_indicator
from followup.statistics.models import ImportBatch, Indicator, Observation, ObservationRevision

SEED = "followup-statistics-demo"
YEARS = range(2010, 2025)
BASE_YEAR = 2015
SOURCE = "Generated demo data (not real statistics)"
SAYS_EN = (
    "Generated for demonstration: these figures are not real statistics and describe no country. "
)
SAYS_ES = (
    "Generadas para la demostración: estas cifras no son estadísticas reales y no describen "
    "ningún país. "
)

# Populations around 2015, in millions: the scale the generated figures are drawn at.
POPULATIONS = {
    "ARG": 43.1, "ATG": 0.09, "BHS": 0.38, "BLZ": 0.36, "BOL": 10.7, "BRA": 204.5, "BRB": 0.28,
    "CAN": 35.9, "CHL": 17.8, "COL": 48.2, "CRI": 4.8, "CUB": 11.3, "DMA": 0.07, "DOM": 10.3,
    "ECU": 16.1, "GRD": 0.11, "GTM": 16.3, "GUY": 0.77, "HND": 9.0, "HTI": 10.7, "JAM": 2.8,
    "KNA": 0.05, "LCA": 0.18, "MEX": 125.9, "NIC": 6.1, "PAN": 3.9, "PER": 31.4, "PRY": 6.6,
    "SLV": 6.3, "SUR": 0.56, "TTO": 1.36, "URY": 3.4, "USA": 320.9, "VCT": 0.11, "VEN": 30.1,
}  # fmt: skip
# Destination countries: a larger share of immigrants and fewer emigrants.
DESTINATIONS = {"USA": 0.13, "CAN": 0.2}

IMMIGRANTS = "DEMO_IMMIGRANT_STOCK"
EMIGRANTS = "DEMO_EMIGRANT_STOCK"
REMITTANCES = "DEMO_REMITTANCES"
ASYLUM = "DEMO_ASYLUM_APPLICATIONS"
SHARE = "DEMO_IMMIGRANT_SHARE"

ILLUSTRATIVE = (
    IndicatorSpec(
        IMMIGRANTS,
        "Immigrant stock by country",
        "Población inmigrante por país",
        Indicator.Unit.PERSONS,
        "Persons living in the country who were born elsewhere, in total and by sex.",
        "Personas que viven en el país y nacieron en otro, en total y por sexo.",
    ),
    IndicatorSpec(
        EMIGRANTS,
        "Emigrant stock by country",
        "Población emigrante por país",
        Indicator.Unit.PERSONS,
        "Persons born in the country who live in another.",
        "Personas nacidas en el país que viven en otro.",
    ),
    IndicatorSpec(
        REMITTANCES,
        "Remittances received by country",
        "Remesas recibidas por país",
        Indicator.Unit.US_DOLLARS,
        "Money migrants abroad sent to the country in the year, in US dollars.",
        "Dinero enviado al país durante el año por sus migrantes en el exterior, en dólares "
        "estadounidenses.",
    ),
    IndicatorSpec(
        ASYLUM,
        "Asylum applications by country",
        "Solicitudes de asilo por país",
        Indicator.Unit.PERSONS,
        "Persons who applied for asylum or refugee status in the country in the year.",
        "Personas que solicitaron asilo o la condición de refugiado en el país durante el año.",
    ),
    IndicatorSpec(
        SHARE,
        "Immigrants as a share of the population by country",
        "Inmigrantes como proporción de la población por país",
        Indicator.Unit.PERCENT,
        "Immigrants as a percentage of the country's population.",
        "Inmigrantes como porcentaje de la población del país.",
        aggregation=Indicator.Aggregation.NONE,
        decimals=1,
    ),
)

# The generated figure corrected by the demo import, to show a figure's history.
REVISED = (ASYLUM, "MEX", 2023)
# How the demo import's columns were read (services.ColumnMapping's fields).
DEMO_MAPPING = {
    "indicator": "indicator",
    "area": "country",
    "year": "year",
    "value": "value",
    "note": "note",
}
REVISED_NOTE = "Generated figure, corrected by the demo import so that its history shows."
PRELIMINARY_NOTE = "Generated preliminary figure."


def save_indicators() -> dict[str, Indicator]:
    return {
        spec.code: save_indicator(
            replace(
                spec,
                definition_en=SAYS_EN + spec.definition_en,
                definition_es=SAYS_ES + spec.definition_es,
            ),
            source=SOURCE,
            illustrative=True,
        )
        for spec in ILLUSTRATIVE
    }


def series(area: str) -> Iterator[tuple[str, int, str, float]]:
    """(indicator code, year, breakdown, value) of one member state, from its own seed: the
    same figures whatever the other states."""
    rng = random.Random(f"{SEED}:{area}")  # noqa: S311 - demo figures, not security
    population = POPULATIONS.get(area, rng.uniform(0.1, 20)) * 1e6
    growth = rng.uniform(0.002, 0.018)
    share = DESTINATIONS.get(area, rng.uniform(0.005, 0.1))
    share_trend = rng.uniform(-0.01, 0.03)
    abroad = rng.uniform(0.005, 0.03) if area in DESTINATIONS else rng.uniform(0.02, 0.25)
    abroad_trend = rng.uniform(0.0, 0.04)
    sent = rng.uniform(800, 3500)  # US dollars a year per emigrant
    female_share = rng.uniform(0.46, 0.53)
    asylum_rate = rng.uniform(1e-5, 3e-4)
    for year in YEARS:
        people = population * (1 + growth) ** (year - BASE_YEAR)
        since = year - YEARS[0]
        immigrants = round(people * share * (1 + share_trend) ** since * rng.gauss(1, 0.01), -2)
        female = round(immigrants * (female_share + rng.gauss(0, 0.003)))
        emigrants = round(people * abroad * (1 + abroad_trend) ** since * rng.gauss(1, 0.01), -2)
        remittances = round(emigrants * sent * (1.03**since) * rng.gauss(1, 0.04), -5)
        # Now and then a crisis nearby brings several times the usual applications.
        surge = rng.uniform(2, 5) if rng.random() < 0.15 else 1
        asylum = round(people * asylum_rate * surge * rng.gauss(1, 0.1))
        yield IMMIGRANTS, year, "", immigrants
        yield IMMIGRANTS, year, "sex:female", female
        yield IMMIGRANTS, year, "sex:male", immigrants - female
        yield EMIGRANTS, year, "", emigrants
        yield REMITTANCES, year, "", remittances
        yield ASYLUM, year, "", max(asylum, 0)
        yield SHARE, year, "", round(immigrants / people * 100, 1)


def generate(indicators: dict[str, Indicator]) -> int:
    """Every generated series of the indicators that have none yet; returns how many figures."""
    empty = {code for code, indicator in indicators.items() if not indicator.observations.exists()}
    if not empty:
        return 0
    states = Actor.objects.filter(category=Actor.Category.MEMBER_STATE).order_by("country")
    now = timezone.now()
    rows = [
        Observation(
            indicator=indicators[code],
            area=area,
            year=year,
            breakdown=breakdown,
            value=value,
            updated_at=now,
        )
        for area in states.values_list("country", flat=True)
        for code, year, breakdown, value in series(area)
        if code in empty
    ]
    Observation.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def revise(by: User) -> None:
    """Correct one generated figure as an import would: its first value goes to the history,
    and the small file that corrected it is kept as an import."""
    code, area, year = REVISED
    observation = Observation.objects.filter(
        indicator__code=code, area=area, year=year, breakdown=""
    ).first()
    if observation is None or observation.revision > 1:
        return
    value = round(observation.value * 1.08)
    content = f"indicator,country,year,value,note\n{code},{area},{year},{value},{REVISED_NOTE}\n"
    data = content.encode()
    now = timezone.now()
    batch = ImportBatch(
        filename="demo-correction.csv",
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        uploaded_by=by,
        mapping=DEMO_MAPPING,
        status=ImportBatch.Status.IMPORTED,
        imported_at=now,
        rows_read=1,
        revised=1,
    )
    batch.file.save(batch.filename, ContentFile(data), save=False)
    batch.save()
    ObservationRevision.objects.create(
        observation=observation,
        revision=observation.revision,
        value=observation.value,
        note=PRELIMINARY_NOTE,
        source=observation.source,
        source_document=observation.source_document,
        batch=observation.batch,
        recorded_at=now - timedelta(days=90),
        superseded_by=batch,
    )
    observation.value = value
    observation.note = REVISED_NOTE
    observation.revision += 1
    observation.batch = batch
    observation.updated_at = now
    observation.save()
