"""The real figures the Program's documents state, as observations of indicators without the
DEMO_ prefix, mostly for regions (areas.py).

Each figure's note quotes the document's sentence, read from the corpus file when the demo is
loaded (../shared/corpus, or FOLLOWUP_CORPUS: the project holds facts, never the documents'
sentences), then says how a vague document was read (the year taken, a lower bound). Its
source names the document; its source document is the imported one when the recommendations
demo imported that file (matched by the SHA-256 of the file's bytes). Without the corpus the
figures still load, with a note in our words and their source.
"""

import hashlib
import re
from dataclasses import dataclass

from django.utils import timezone

from followup.ingest.models import SourceDocument
from followup.recommendations.demo import corpus_folder
from followup.statistics.demo.specs import IndicatorSpec, save_indicator
from followup.statistics.models import Indicator, Observation

REAL_NOTE = "Figures stated in the Program's documents; each figure names its source. "
REAL_NOTE_ES = "Cifras que indican los documentos del Programa; cada una nombra su fuente. "
REAL = (
    IndicatorSpec(
        "MIGRANT_STOCK",
        "International migrants",
        "Migrantes internacionales",
        Indicator.Unit.PERSONS,
        REAL_NOTE + "Persons living outside their country of birth or origin.",
        REAL_NOTE_ES + "Personas que viven fuera de su país de nacimiento u origen.",
    ),
    IndicatorSpec(
        "MIGRANT_SHARE",
        "International migrants as a share of the population",
        "Migrantes internacionales como proporción de la población",
        Indicator.Unit.PERCENT,
        REAL_NOTE + "International migrants as a percentage of the population.",
        REAL_NOTE_ES + "Migrantes internacionales como porcentaje de la población.",
        aggregation=Indicator.Aggregation.NONE,
        decimals=1,
    ),
    IndicatorSpec(
        "EMIGRANTS_ABROAD",
        "Emigrants living abroad",
        "Emigrantes que viven en el exterior",
        Indicator.Unit.PERSONS,
        REAL_NOTE + "Persons living in a country other than their country of origin, counted "
        "by where they come from.",
        REAL_NOTE_ES + "Personas que viven en un país distinto de su país de origen, contadas "
        "según su procedencia.",
    ),
    IndicatorSpec(
        "REMITTANCES_RECEIVED",
        "Remittances received",
        "Remesas recibidas",
        Indicator.Unit.US_DOLLARS,
        REAL_NOTE + "Money migrants send to their countries of origin in a year, in US dollars.",
        REAL_NOTE_ES + "Dinero que los migrantes envían a sus países de origen en un año, en "
        "dólares estadounidenses.",
    ),
    IndicatorSpec(
        "DISASTER_DISPLACEMENT",
        "Persons displaced by disasters",
        "Personas desplazadas por desastres",
        Indicator.Unit.PERSONS,
        REAL_NOTE + "Persons forced to leave their homes by disasters in a year.",
        REAL_NOTE_ES + "Personas obligadas a dejar su hogar por desastres en un año.",
    ),
)


@dataclass(frozen=True)
class RealFigure:
    """A figure a corpus document states. `locator` is a few words of its sentence, to find
    it in the file; `statement` says the figure in our words when the file is absent;
    `remark` says how a vague document was read (the year taken, a lower bound, the area)."""

    indicator: str
    area: str
    year: int
    value: float
    filename: str
    locator: str
    source: str
    statement: str
    remark: str = ""
    breakdown: str = ""


CAM_REPORT_2020 = "001_b7b30cbf1957c3f8.txt"
ANNUAL_REPORT_2009 = "002_8cf466c86ef9360d.txt"
FORUM = "003_077a9d78ab09ac6c.txt"
WORK_PLAN = "004_19bb457573eb20b7.txt"

SOURCE_2009 = (
    "OAS, annual report on activities in implementation of the Inter-American Program "
    "(2009 annual meeting), citing %s"
)
SOURCE_FORUM = (
    "OAS, High-level forum on the flows of irregular migrants in the Americas: report on "
    "results for the preparatory process for the Global Compact on Migration"
)
SOURCE_WORK_PLAN = "OAS, Committee on Migration Issues (CAM), work plan 2016–2017"
FORUM_YEAR = (
    "The report gives no year for the figure: 2016, the latest year it refers to, is taken."
)
WORK_PLAN_YEAR = "The work plan gives no year for the figure: 2016, its first year, is taken."

FIGURES = (
    RealFigure(
        "MIGRANT_STOCK", "XAM", 2016, 61e6, WORK_PLAN, "reaching 61 million", SOURCE_WORK_PLAN,
        "Immigrants in the Americas: 61 million.", WORK_PLAN_YEAR,
    ),
    RealFigure(
        "REMITTANCES_RECEIVED", "XAM", 2015, 65e9, WORK_PLAN, "65 billion dollars",
        SOURCE_WORK_PLAN, "Remittances in the Hemisphere: 65 billion dollars in 2015.",
        "The Hemisphere is the Americas.",
    ),
    RealFigure(
        "MIGRANT_STOCK", "XWD", 2008, 200e6, ANNUAL_REPORT_2009, "over 200 million",
        SOURCE_2009 % "the International Organization for Migration",
        "Migrants worldwide in 2008, as estimated by the IOM: over 200 million.",
        "A lower bound: the document says over 200 million.",
    ),
    RealFigure(
        "MIGRANT_SHARE", "XWD", 2008, 3.0, ANNUAL_REPORT_2009, "3% of the world",
        SOURCE_2009 % "the International Organization for Migration",
        "Migrants worldwide in 2008, as estimated by the IOM: 3% of the world's population.",
    ),
    RealFigure(
        "EMIGRANTS_ABROAD", "XLC", 2006, 26e6, ANNUAL_REPORT_2009, "over 26 million",
        SOURCE_2009 % "the Economic Commission for Latin America and the Caribbean (ECLAC)",
        "Latin American and Caribbean citizens living outside their country of origin in "
        "2006, as estimated by ECLAC: over 26 million.",
        "A lower bound: the document says over 26 million.",
    ),
    RealFigure(
        "MIGRANT_STOCK", "XWD", 2016, 244e6, FORUM, "approximately 244 million", SOURCE_FORUM,
        "International migrants in the world: about 244 million.", FORUM_YEAR,
    ),
    RealFigure(
        "DISASTER_DISPLACEMENT", "XWD", 2016, 24.2e6, FORUM, "24.2 million", SOURCE_FORUM,
        "Persons displaced by disasters worldwide in 2016: 24.2 million.",
    ),
    RealFigure(
        "MIGRANT_STOCK", "XWD", 2020, 120e6, CAM_REPORT_2020, "120 million women",
        "OAS, Committee on Migration Issues (CAM), report for 2019–2020",
        "Women and girl migrants in the world: more than 120 million.",
        "The report covers 2019–2020 and gives no year for the figure: 2020 is taken. A lower "
        "bound: the document says more than 120 million.",
        breakdown="sex:female",
    ),
)  # fmt: skip


def save_indicators() -> dict[str, Indicator]:
    return {spec.code: save_indicator(spec) for spec in REAL}


# A sentence ends at ".", "!" or "?" followed by a space and a capital: "i.e., 3%" and
# "24.2 million" stay inside theirs.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


@dataclass(frozen=True)
class CorpusFile:
    text: str
    sha256: str


def read_corpus(filenames: set[str]) -> dict[str, CorpusFile]:
    """The corpus files of these names that are present, by name."""
    found: dict[str, CorpusFile] = {}
    for filename in filenames:
        path = corpus_folder() / filename
        if path.is_file():
            data = path.read_bytes()
            found[filename] = CorpusFile(data.decode(), hashlib.sha256(data).hexdigest())
    return found


def quoted_sentence(text: str, locator: str) -> str:
    """The sentence of `text` holding `locator`, its spaces tidied; "" when none does."""
    for paragraph in text.splitlines():
        if locator not in paragraph:
            continue
        for sentence in _SENTENCE_END.split(" ".join(paragraph.split())):
            if locator in sentence:
                return sentence
    return ""


def figure_note(figure: RealFigure, read: CorpusFile | None) -> str:
    """The document's sentence in quotes (or our statement of the figure without the file),
    then the remark."""
    sentence = quoted_sentence(read.text, figure.locator) if read else ""
    said = f"“{sentence}”" if sentence else figure.statement
    return " ".join(part for part in (said, figure.remark) if part)


def load_figures(indicators: dict[str, Indicator]) -> None:
    """The figures not loaded yet."""
    existing = set(
        Observation.objects.filter(indicator__in=indicators.values()).values_list(
            "indicator__code", "area", "year", "breakdown"
        )
    )
    missing = [
        figure
        for figure in FIGURES
        if (figure.indicator, figure.area, figure.year, figure.breakdown) not in existing
    ]
    if not missing:
        return
    corpus = read_corpus({figure.filename for figure in missing})
    documents = {
        document.sha256: document
        for document in SourceDocument.objects.filter(
            sha256__in=[read.sha256 for read in corpus.values()]
        )
    }
    now = timezone.now()
    rows = []
    for figure in missing:
        read = corpus.get(figure.filename)
        rows.append(
            Observation(
                indicator=indicators[figure.indicator],
                area=figure.area,
                year=figure.year,
                breakdown=figure.breakdown,
                value=figure.value,
                note=figure_note(figure, read)[:1000],
                source=figure.source,
                source_document=documents.get(read.sha256) if read else None,
                updated_at=now,
            )
        )
    Observation.objects.bulk_create(rows)
