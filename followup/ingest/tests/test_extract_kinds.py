import pytest

from followup.ingest.extract.kinds import KINDS, entry_kind, heading_kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("2. Activities carried out", "carried_out"),
        ("2.  Activities carried out:", "carried_out"),
        ("2. Activities Implemented in 2008:", "carried_out"),
        ("Actividades realizadas", "carried_out"),
        ("ACTIVIDADES EJECUTADAS", "carried_out"),
        ("Actividades desarrolladas en 2019", "carried_out"),
        ("3. Activities planned", "planned"),
        ("3. Activities being planned:", "planned"),
        ("II. Activities Planned For 2009", "planned"),
        ("Other activities planned", "planned"),
        ("Upcoming and planned activities in 2010 and beyond", "planned"),
        ("II. Activities scheduled for 2009", "planned"),
        ("Activities to be carried out", "planned"),
        ("Actividades previstas", "planned"),
        ("Actividades planificadas para 2021", "planned"),
        ("ACTIVIDADES PROGRAMADAS", "planned"),
        ("Actividades a realizar", "planned"),
        ("III. Best practices", "best_practice"),
        ("Good practices", "best_practice"),
        ("Buenas prácticas", "best_practice"),
        ("MEJORES PRÁCTICAS", "best_practice"),
        ("IV. New proposals that may be incorporated in the Program", "proposal"),
        ("PROPOSALS FOR 2009", "proposal"),
        ("Nuevas propuestas", "proposal"),
        ("Recommendations", "recommendation"),
        ("Recommendations:", "recommendation"),
        ("RECOMENDACIONES", "recommendation"),
        ("Recommendations on best practices", "recommendation"),
        ("Findings", "finding"),
        ("Conclusiones", "finding"),
        ("Hallazgos del estudio", "finding"),
    ],
)
def test_heading_kind_reads_english_and_spanish_headings(heading, kind):
    assert heading_kind(heading) == kind


@pytest.mark.parametrize(
    "heading",
    [
        "C. PAN AMERICAN HEALTH ORGANIZATION",
        "1. Activities assigned by the Program:",
        "2008 ACTIVITIES",
        "Activities carried out and planned",  # both: the entry's own words decide
        "Introduction",
        "",
    ],
)
def test_heading_kind_gives_none_for_headings_naming_no_kind(heading):
    assert heading_kind(heading) is None


@pytest.mark.parametrize(
    ("context", "kind"),
    [
        (["C. PAN AMERICAN HEALTH ORGANIZATION", "2. Activities planned"], "planned"),
        (["2. Activities carried out", "i. Case study"], "carried_out"),
        # the nearest heading that names a kind decides
        (["III. Best practices", "2. Activities planned"], "planned"),
        (["2. Activities planned", "III. Best practices"], "best_practice"),
    ],
)
def test_entry_kind_lets_the_nearest_heading_decide(context, kind):
    # The text alone would say carried_out, and would say it in any language.
    assert entry_kind("The office held a workshop.", context, "en") == kind


def test_entry_kind_heading_wins_over_the_text():
    text = "The office will hold a workshop next year."

    assert entry_kind(text, ["2. Activities carried out"], "en") == "carried_out"
    assert entry_kind(text, ["Recomendaciones"], "es") == "recommendation"


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("In Ecuador, the office will implement a project.", "en", "planned"),
        ("The office plans to publish a study.", "en", "planned"),
        ("The unit is planning a seminar for 2021.", "en", "planned"),
        ("The Rapporteur intends to publish a guide.", "en", "planned"),
        ("A workshop is scheduled for April.", "en", "planned"),
        ("Two seminars will be held in the coming months.", "en", "planned"),
        ("En 2021 se realizará un taller regional.", "es", "planned"),
        ("La OIM prevé publicar un estudio.", "es", "planned"),
        ("La Secretaría organizará un seminario.", "es", "planned"),
        ("El próximo año habrá una reunión.", "es", "planned"),
        ("The ILO recommends regular channels for migration.", "en", "recommendation"),
        ("States should ensure access to justice.", "en", "recommendation"),
        ("It is recommended that States share data.", "en", "recommendation"),
        ("Se recomienda fortalecer la cooperación.", "es", "recommendation"),
        ("Los Estados deberían garantizar el acceso.", "es", "recommendation"),
        ("The office held a workshop in 2019.", "en", "carried_out"),
        ("The DPS trains border officials.", "en", "carried_out"),
        ("It should be noted that the office published a study.", "en", "carried_out"),
        ("The office recommended in 2019 that States act.", "en", "carried_out"),
        ("The political will of states was clear.", "en", "carried_out"),
        ("La primera reunión se celebró en 2019.", "es", "carried_out"),
        ("Se realizó un taller en la frontera.", "es", "carried_out"),
        # only the first sentence sets the tense of an entry
        ("The office trained 40 officials. It will train more next year.", "en", "carried_out"),
        ("", "en", "carried_out"),
    ],
)
def test_entry_kind_reads_the_text_under_a_heading_naming_no_kind(text, language, kind):
    assert entry_kind(text, ["C. PAN AMERICAN HEALTH ORGANIZATION"], language) == kind


def test_entry_kind_reads_both_languages_when_the_language_is_unknown():
    assert entry_kind("Se realizará un taller.", [], "") == "planned"
    assert entry_kind("The unit will hold a course.", [], "") == "planned"


def test_entry_kind_returns_only_known_kinds():
    texts = ["", "x", "will", "should", "recomienda", "se realizará"]
    headings = [[], ["Findings"], ["Best practices"], ["New proposals"]]

    assert {entry_kind(t, h, "en") for t in texts for h in headings} <= set(KINDS)


@pytest.mark.corpus
def test_heading_kind_reads_the_section_headings_of_the_2009_report(corpus):
    lines = [line.strip() for line in corpus["002"].read_text(encoding="utf-8").splitlines()]
    kinds = {line: heading_kind(line) for line in lines if len(line) < 70}

    assert kinds["2.  Activities carried out:"] == "carried_out"
    assert kinds["3.  Activities being planned:"] == "planned"
    assert kinds["II.  Activities Planned For 2009"] == "planned"
    assert kinds["2. Other activities planned"] == "planned"
    assert kinds["II.  Activities scheduled for 2009"] == "planned"
    assert kinds["III.  Best practices"] == "best_practice"
    assert kinds["PROPOSALS FOR 2009"] == "proposal"
    assert kinds["C.  Pan American Health Organization"] is None
    assert kinds["1.  Activities assigned by the Program:"] is None
