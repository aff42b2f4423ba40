"""The demo statistics: generated figures for every member state, labelled illustrative three
ways and the same on every load; one corrected figure with its history; the corpus's real
figures quoting their sentence and linked to their imported document; nothing changed by a
second load."""

from collections import defaultdict

import pytest
from django.core.management import call_command

from followup.ingest.models import SourceDocument
from followup.ingest.services import ingest_path
from followup.program.models import Actor
from followup.reporting.tests.factories import secretariat_user
from followup.statistics.demo import corpus as real
from followup.statistics.demo import generated, load_statistics_demo
from followup.statistics.models import ImportBatch, Indicator, Observation, ObservationRevision

pytestmark = pytest.mark.django_db

REAL_CODES = {
    "MIGRANT_STOCK",
    "MIGRANT_SHARE",
    "EMIGRANTS_ABROAD",
    "REMITTANCES_RECEIVED",
    "DISASTER_DISPLACEMENT",
}
# (indicator, area, year, breakdown): value, corpus file.
REAL_FIGURES = {
    ("MIGRANT_STOCK", "XAM", 2016, ""): (61e6, real.WORK_PLAN),
    ("REMITTANCES_RECEIVED", "XAM", 2015, ""): (65e9, real.WORK_PLAN),
    ("MIGRANT_STOCK", "XWD", 2008, ""): (200e6, real.ANNUAL_REPORT_2009),
    ("MIGRANT_SHARE", "XWD", 2008, ""): (3.0, real.ANNUAL_REPORT_2009),
    ("EMIGRANTS_ABROAD", "XLC", 2006, ""): (26e6, real.ANNUAL_REPORT_2009),
    ("MIGRANT_STOCK", "XWD", 2016, ""): (244e6, real.FORUM),
    ("DISASTER_DISPLACEMENT", "XWD", 2016, ""): (24.2e6, real.FORUM),
    ("MIGRANT_STOCK", "XWD", 2020, "sex:female"): (120e6, real.CAM_REPORT_2020),
}


@pytest.fixture
def no_corpus(monkeypatch, tmp_path):
    monkeypatch.setenv("FOLLOWUP_CORPUS", str(tmp_path))


@pytest.fixture
def secretariat():
    return secretariat_user()


def snapshot() -> tuple:
    return (
        list(Indicator.objects.order_by("code").values_list()),
        list(Observation.objects.order_by("pk").values_list()),
        list(ObservationRevision.objects.order_by("pk").values_list()),
        list(ImportBatch.objects.order_by("pk").values_list("pk", "filename", "sha256")),
    )


# Generated figures --------------------------------------------------------------------------


def test_the_generated_indicators_say_they_are_illustrative(no_corpus, secretariat):
    load_statistics_demo(by=secretariat)

    illustrative = Indicator.objects.filter(illustrative=True)
    assert sorted(illustrative.values_list("code", flat=True)) == [
        "DEMO_ASYLUM_APPLICATIONS",
        "DEMO_EMIGRANT_STOCK",
        "DEMO_IMMIGRANT_SHARE",
        "DEMO_IMMIGRANT_STOCK",
        "DEMO_REMITTANCES",
    ]
    for indicator in illustrative:
        assert indicator.definition_en.startswith(
            "Generated for demonstration: these figures are not real statistics and describe "
            "no country. "
        )
        assert indicator.definition_es.startswith(
            "Generadas para la demostración: estas cifras no son estadísticas reales"
        )
        assert indicator.source == "Generated demo data (not real statistics)"
    assert not Indicator.objects.filter(illustrative=False, code__startswith="DEMO_").exists()


def test_every_member_state_has_fifteen_years_of_each_generated_indicator(no_corpus, secretariat):
    load_statistics_demo(by=secretariat)

    states = set(
        Actor.objects.filter(category=Actor.Category.MEMBER_STATE).values_list("country", flat=True)
    )
    assert len(states) == 35
    for code in ("DEMO_EMIGRANT_STOCK", "DEMO_REMITTANCES", "DEMO_IMMIGRANT_SHARE"):
        figures = Observation.objects.filter(indicator__code=code)
        assert set(figures.values_list("area", flat=True)) == states, code
        assert set(figures.values_list("year", flat=True)) == set(range(2010, 2025)), code
        assert figures.count() == 35 * 15, code
    stock = Observation.objects.filter(indicator__code="DEMO_IMMIGRANT_STOCK")
    assert set(stock.values_list("breakdown", flat=True)) == {"", "sex:female", "sex:male"}
    assert stock.count() == 35 * 15 * 3


def test_women_and_men_add_up_to_the_total(no_corpus, secretariat):
    load_statistics_demo(by=secretariat)

    sums: dict[tuple[str, int], dict[str, float]] = defaultdict(dict)
    for area, year, breakdown, value in Observation.objects.filter(
        indicator__code="DEMO_IMMIGRANT_STOCK"
    ).values_list("area", "year", "breakdown", "value"):
        sums[area, year][breakdown] = value
    assert all(v["sex:female"] + v["sex:male"] == v[""] for v in sums.values())


def test_generated_figures_are_the_same_on_every_load_and_of_plausible_size():
    mexico = list(generated.series("MEX"))

    assert list(generated.series("MEX")) == mexico
    by_key = {(code, year, breakdown): value for code, year, breakdown, value in mexico}
    share = by_key["DEMO_IMMIGRANT_SHARE", 2020, ""]
    immigrants = by_key["DEMO_IMMIGRANT_STOCK", 2020, ""]
    assert 0.3 < share < 20
    # The share is the stock over a population near Mexico's (126 million in 2015).
    assert 110e6 < immigrants / share * 100 < 150e6
    assert by_key["DEMO_REMITTANCES", 2020, ""] > 0
    assert 0 <= by_key["DEMO_ASYLUM_APPLICATIONS", 2020, ""] < 1e6


def test_one_generated_figure_is_corrected_so_that_its_history_shows(no_corpus, secretariat):
    mexico = {(c, y, b): v for c, y, b, v in generated.series("MEX")}
    first = mexico["DEMO_ASYLUM_APPLICATIONS", 2023, ""]

    load_statistics_demo(by=secretariat)

    [revision] = ObservationRevision.objects.all()
    observation = revision.observation
    batch = ImportBatch.objects.get()
    assert (observation.indicator.code, observation.area, observation.year) == (
        "DEMO_ASYLUM_APPLICATIONS",
        "MEX",
        2023,
    )
    assert (revision.revision, revision.value, revision.superseded_by) == (1, first, batch)
    assert (observation.revision, observation.value, observation.batch) == (
        2,
        round(first * 1.08),
        batch,
    )
    assert revision.recorded_at < observation.updated_at
    assert (batch.filename, batch.status, batch.uploaded_by) == (
        "demo-correction.csv",
        ImportBatch.Status.IMPORTED,
        secretariat,
    )
    with batch.file.open("rb") as stored:
        content = stored.read().decode()
    assert content == (
        "indicator,country,year,value,note\n"
        f"DEMO_ASYLUM_APPLICATIONS,MEX,2023,{round(first * 1.08)},{generated.REVISED_NOTE}\n"
    )


def test_loading_twice_changes_nothing(no_corpus, secretariat):
    first = load_statistics_demo(by=secretariat)
    before = snapshot()

    second = load_statistics_demo(by=secretariat)

    assert snapshot() == before
    assert second == first


def test_the_summary_counts_what_was_loaded(no_corpus, secretariat):
    loaded = load_statistics_demo(by=secretariat)

    assert loaded.summary() == (
        "Statistics: 10 indicators (5 illustrative), 3683 observations; 8 figures from the "
        "corpus (0 linked to their imported document)."
    )


# Real figures -------------------------------------------------------------------------------


def real_figures() -> dict[tuple, Observation]:
    return {
        (o.indicator.code, o.area, o.year, o.breakdown): o
        for o in Observation.objects.filter(indicator__code__in=REAL_CODES).select_related(
            "indicator", "source_document"
        )
    }


def test_without_the_corpus_the_real_figures_load_with_their_citation(no_corpus, secretariat):
    load_statistics_demo(by=secretariat)

    figures = real_figures()
    assert {key: o.value for key, o in figures.items()} == {
        key: value for key, (value, _file) in REAL_FIGURES.items()
    }
    work_plan = figures["MIGRANT_STOCK", "XAM", 2016, ""]
    assert work_plan.note == (
        "Immigrants in the Americas: 61 million. The work plan gives no year for the figure: "
        "2016, its first year, is taken."
    )
    assert work_plan.source == "OAS, Committee on Migration Issues (CAM), work plan 2016–2017"
    assert all(o.source and o.note and o.source_document is None for o in figures.values())
    assert not Indicator.objects.filter(code__in=REAL_CODES, illustrative=True).exists()
    assert Indicator.objects.get(code="MIGRANT_SHARE").aggregation == "none"


@pytest.mark.corpus
def test_the_real_figures_quote_their_sentence_and_link_their_imported_document(
    corpus, monkeypatch, secretariat
):
    monkeypatch.setenv("FOLLOWUP_CORPUS", str(corpus))
    # The recommendations demo imports the forum (003) and the work plan (004).
    imported = {
        name: ingest_path(corpus / name, by=secretariat).document
        for name in (real.FORUM, real.WORK_PLAN)
    }

    loaded = load_statistics_demo(by=secretariat)

    figures = real_figures()
    assert set(figures) == set(REAL_FIGURES)
    for key, (value, filename) in REAL_FIGURES.items():
        observation = figures[key]
        assert observation.value == value
        assert observation.source_document == imported.get(filename), key
        # The note opens with one whole sentence of the file, in quotes.
        assert observation.note.startswith("“"), key
        sentence = observation.note[1 : observation.note.index("”")]
        text = " ".join((corpus / filename).read_text().split())
        assert sentence in text, key
        assert sentence.endswith("."), key
        assert locator(key) in sentence
    assert figures["MIGRANT_STOCK", "XAM", 2016, ""].note.endswith(
        "” The work plan gives no year for the figure: 2016, its first year, is taken."
    )
    assert (loaded.real_figures, loaded.with_document) == (8, 4)


def locator(key: tuple) -> str:
    return next(
        f.locator for f in real.FIGURES if (f.indicator, f.area, f.year, f.breakdown) == key
    )


def test_a_figure_is_linked_to_the_document_with_the_same_bytes(monkeypatch, tmp_path, secretariat):
    (tmp_path / real.FORUM).write_text(
        "Header\nAt the global level, 24.2 million persons were displaced. Then more.\n"
    )
    monkeypatch.setenv("FOLLOWUP_CORPUS", str(tmp_path))
    forum = ingest_path(tmp_path / real.FORUM, by=secretariat).document
    SourceDocument.objects.create(
        sha256="c" * 64, filename=real.WORK_PLAN, media_type="text/plain", size=1, kind="other"
    )

    load_statistics_demo(by=secretariat)

    figures = real_figures()
    displaced = figures["DISASTER_DISPLACEMENT", "XWD", 2016, ""]
    assert displaced.source_document == forum
    assert displaced.note == "“At the global level, 24.2 million persons were displaced.”"
    # The same file name with other bytes is not the work plan imported.
    assert figures["MIGRANT_STOCK", "XAM", 2016, ""].source_document is None
    # A file without the sentence: the figure stands with our statement of it.
    assert figures["MIGRANT_STOCK", "XWD", 2016, ""].note == (
        f"International migrants in the world: about 244 million. {real.FORUM_YEAR}"
    )


@pytest.mark.parametrize(
    ("text", "words", "sentence"),
    [
        ("One.  Reaching   61 million here. Next.", "61 million", "Reaching 61 million here."),
        ("Over 200 million, i.e., 3% of all. Next.", "3% of", "Over 200 million, i.e., 3% of all."),
        (
            "First. At least 24.2 million left in 2016. Then",
            "24.2",
            "At least 24.2 million left in 2016.",
        ),
        ("Nothing here.\nNor here.", "61 million", ""),
    ],
)
def test_quoted_sentence_is_the_whole_sentence_holding_the_figure(text, words, sentence):
    assert real.quoted_sentence(text, words) == sentence


# The demo command ---------------------------------------------------------------------------


def test_load_demo_prints_the_statistics_line(settings, capsys, no_corpus):
    settings.DEMO = True

    call_command("load_demo")

    assert "Statistics: 10 indicators (5 illustrative), 3683 observations;" in (
        capsys.readouterr().out
    )
