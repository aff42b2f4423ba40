import pytest

from followup.ingest.extract.figures import find_figures


def found(text, language):
    return [(m.value, m.what) for m in find_figures(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In all, 70 professionals trained in the region.", [(70, "professionals trained")]),
        ("Some 45 officials received certificates.", [(45, "officials")]),
        ("2,000 people were assisted", [(2000, "people")]),
        ("over 1,250,000 returnees", [(1250000, "returnees")]),
        ("over 200 million migrants", [(200000000, "migrants")]),
        ("some 24.2 million persons were displaced", [(24200000, "persons")]),
        ("more than 120 million women", [(120000000, "women")]),
        ("five meetings were held", [(5, "meetings")]),
        ("Twelve countries took part", [(12, "countries")]),
        ("two hundred delegates", [(200, "delegates")]),
        ("three specialized training workshops on asylum", [(3, "specialized training workshops")]),
        ("14 of its member states", [(14, "member states")]),
        ("about 3% of the world's population", [(3, "% of the world's population")]),
        ("65% of these persons are workers", [(65, "% of these persons")]),
        ("and 73% are of working age", [(73, "%")]),
        ("a rise of 2.7 percent", [(2.7, "%")]),
        ("US$ 1.5 million for the project", [(1500000, "US$")]),
        ("a grant of $250,000", [(250000, "$")]),
        ("remittances of 65 billion dollars", [(65000000000, "dollars")]),
        (
            "over 26 million Andean and Caribbean citizens",
            [(26000000, "Andean and Caribbean citizens")],
        ),
        ("70 professionals working in shelters", [(70, "professionals")]),
        ("in 18 countries, at 3 borders", [(18, "countries"), (3, "borders")]),
    ],
)
def test_find_figures_reads_english(text, expected):
    assert found(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("70 profesionales capacitados", [(70, "profesionales capacitados")]),
        ("2.000 personas atendidas", [(2000, "personas atendidas")]),
        ("1.250.000 retornados", [(1250000, "retornados")]),
        ("2,5 millones de personas", [(2500000, "personas")]),
        ("61 millones de inmigrantes", [(61000000, "inmigrantes")]),
        ("cinco reuniones", [(5, "reuniones")]),
        ("Doce países participaron", [(12, "países")]),
        ("el 3 % de la población", [(3, "% de la población")]),
        ("un 40 por ciento", [(40, "%")]),
        ("US$ 1,5 millones para el proyecto", [(1500000, "US$")]),
        ("28 de sus indicadores", [(28, "indicadores")]),
    ],
)
def test_find_figures_reads_spanish(text, expected):
    assert found(text, "es") == expected


def test_find_figures_reads_thousands_as_the_language_writes_them():
    assert found("2,000 people", "en") == [(2000, "people")]
    assert found("2.000 personas", "es") == [(2000, "personas")]
    assert found("2,5 millones de personas", "es") == [(2500000, "personas")]
    assert found("2.5 million people", "en") == [(2500000, "people")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a figure ending its clause counts comes from earlier in the sentence
        (
            "The number of refugees in the region has tripled, reaching 12 million.",
            [(12000000, "refugees")],
        ),
        ("The number of returnees doubled to 3 million.", [(3000000, "returnees")]),
        (
            "A survey put the number of the workers abroad at over 3 million.",
            [(3000000, "workers")],
        ),
        ("El número de inmigrantes llegó a 61 millones.", [(61000000, "inmigrantes")]),
        # and with nothing to count, there is no figure
        ("The total grew to 61 million.", []),
    ],
)
def test_find_figures_takes_what_is_counted_from_the_sentence(text, expected):
    language = "es" if text.startswith("El ") else "en"

    assert found(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In 2008, the office opened.", "en"),
        ("during 2015-2016 and in May 2019", "en"),
        ("En 2017 se inauguró.", "es"),
        ("on May 19, 2019", "en"),
        ("Declaration of 2018 (2018)", "en"),
        ("AG/RES. 2883 (XLVI-O/16)", "en"),
        ("resolution AG/RES. 2141 of the Assembly", "en"),
        ("resolution 4/19 of the Commission", "en"),
        ("document CIDI/CAM/doc.14/14 rev. 1", "en"),
        ("1. Right to family reunification", "en"),
        ("24. Their commitment to promote", "en"),
        ("objectives: 1) to document and 2) to analyze", "en"),
        ("(1) to exchange and (2) to study", "en"),
        ("operative paragraphs 18 to 22", "en"),
        ("paragraphs 1, 2 and 3", "en"),
        ("Article 58 of the Rules", "en"),
        ("párrafos 1 a 3 de la resolución", "es"),
        ("artículo 23 de la Convención", "es"),
        ("Working Group 2 of the Conference", "en"),
        ("PANEL 1 HUMAN RIGHTS", "en"),
        ("General Recommendation No. 2 on missing women", "en"),
        ("the COVID-19 pandemic", "en"),
        ("the 42nd session", "en"),
        ("a two-day workshop", "en"),
        ("over three times higher", "en"),
        ("one in eight of the migrants", "en"),
        ("One of the main goals", "en"),
        ("una reunión y un taller", "es"),
        ("the 1963 Vienna Convention", "en"),
        ("the 2030 Agenda for Sustainable Development", "en"),
        ("corporations such as 3M", "en"),
        ("at 10:30 in the morning", "en"),
        ("two of them", "en"),
        ("see http://example.org/2020/45/report", "en"),
        ("", "en"),
    ],
)
def test_find_figures_skips_numbers_that_count_nothing(text, language):
    assert find_figures(text, language) == []


def test_find_figures_counts_year_like_numbers_after_a_quantity_word():
    assert found("over 2000 people", "en") == [(2000, "people")]


def test_find_figures_keeps_what_short():
    text = "12 large regional intergovernmental migration consultation processes met"

    (figure,) = find_figures(text, "en")

    assert figure.what == "large regional intergovernmental migration consultation processes"
    assert len(figure.what.split()) <= 6


def test_find_figures_gives_where_each_figure_is():
    text = "It trained 350 officials and spent US$ 1.5 million."

    mentions = find_figures(text, "en")

    assert [(m.text, m.span) for m in mentions] == [
        ("350", (11, 14)),
        ("US$ 1.5 million", (35, 50)),
    ]
    assert all(text[m.span[0] : m.span[1]] == m.text for m in mentions)


def test_find_figures_gives_whole_numbers_as_int():
    (millions,) = find_figures("24.2 million persons", "en")
    (share,) = find_figures("2.7% of all mandates", "en")

    assert (millions.value, type(millions.value)) == (24200000, int)
    assert (share.value, type(share.value)) == (2.7, float)


def corpus_figures(path):
    return {
        (m.value, m.what)
        for line in path.read_text(encoding="utf-8").splitlines()
        for m in find_figures(line, "en")
    }


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("number", "known"),
    [
        (
            "001",
            {
                (5, "meetings"),
                (70, "professionals"),
                (30, "press releases"),
                (13, "thematic hearings"),
                (120000000, "women"),
                (28, "indicators"),
                (8, "countries"),
            },
        ),
        (
            "002",
            {
                (200000000, "migrants"),
                (3, "% of the world’s population"),
                (33, "specific activities"),
                (14, "training workshops"),
                (350, "labor ministry officials"),
                (650, "participants"),
                (30, "countries"),
                (2.7, "% of all mandates negotiated"),
            },
        ),
        (
            "003",
            {
                (6, "themes"),
                (24200000, "persons"),
                (18000000, "people"),
                (244000000, "international migrants"),
                (65, "% of these persons"),
                (73, "%"),
            },
        ),
        ("004", {(20, "years"), (61000000, "immigrants"), (65000000000, "dollars")}),
    ],
)
def test_find_figures_reads_known_figures_of_the_corpus(corpus, number, known):
    assert known <= corpus_figures(corpus[number])


@pytest.mark.corpus
@pytest.mark.parametrize("number", ["001", "002", "003", "004"])
def test_find_figures_takes_no_year_or_symbol_number_from_the_corpus(corpus, number):
    values = {value for value, _ in corpus_figures(corpus[number])}

    # Resolution numbers (2141, 2883…), paragraph and article numbers are never counts.
    assert not {value for value in values if 1900 <= value <= 3000}
    assert not values & {2141, 2289, 2738, 2816, 2881, 2883, 57, 88, 58}
