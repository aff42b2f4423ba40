import time

import pytest

from followup.ingest.extract.countries import country_codes, find_countries

# The 35 OAS member states, each by a name a report would use.
MEMBER_STATES = {
    "Antigua and Barbuda": "ATG",
    "Argentina": "ARG",
    "The Bahamas": "BHS",
    "Barbados": "BRB",
    "Belize": "BLZ",
    "Bolivia": "BOL",
    "Brazil": "BRA",
    "Canada": "CAN",
    "Chile": "CHL",
    "Colombia": "COL",
    "Costa Rica": "CRI",
    "Cuba": "CUB",
    "Dominica": "DMA",
    "Dominican Republic": "DOM",
    "Ecuador": "ECU",
    "El Salvador": "SLV",
    "Grenada": "GRD",
    "Guatemala": "GTM",
    "Guyana": "GUY",
    "Haiti": "HTI",
    "Honduras": "HND",
    "Jamaica": "JAM",
    "Mexico": "MEX",
    "Nicaragua": "NIC",
    "Panama": "PAN",
    "Paraguay": "PRY",
    "Peru": "PER",
    "Saint Kitts and Nevis": "KNA",
    "Saint Lucia": "LCA",
    "Saint Vincent and the Grenadines": "VCT",
    "Suriname": "SUR",
    "Trinidad and Tobago": "TTO",
    "United States": "USA",
    "Uruguay": "URY",
    "Venezuela": "VEN",
}
MEMBER_STATES_ES = {
    "Antigua y Barbuda": "ATG",
    "Bahamas": "BHS",
    "Belice": "BLZ",
    "Brasil": "BRA",
    "Canadá": "CAN",
    "República Dominicana": "DOM",
    "Granada": "GRD",
    "Haití": "HTI",
    "México": "MEX",
    "Panamá": "PAN",
    "Perú": "PER",
    "San Cristóbal y Nieves": "KNA",
    "Santa Lucía": "LCA",
    "San Vicente y las Granadinas": "VCT",
    "Surinam": "SUR",
    "Trinidad y Tobago": "TTO",
    "Estados Unidos": "USA",
}


@pytest.mark.parametrize(("name", "code"), [*MEMBER_STATES.items(), *MEMBER_STATES_ES.items()])
def test_find_countries_reads_every_member_state_in_running_text(name, code):
    text = f"The delegation of {name} reported on its work."

    assert [(m.code, m.text) for m in find_countries(text)] == [(code, name)]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # accents or none
        ("Perú y Peru", ["PER", "PER"]),
        ("México and Mexico", ["MEX", "MEX"]),
        ("Panamá, Panama", ["PAN", "PAN"]),
        ("Haití and Haiti", ["HTI", "HTI"]),
        # long official forms
        ("the United Mexican States", ["MEX"]),
        ("los Estados Unidos Mexicanos", ["MEX"]),
        ("the Republic of Guatemala", ["GTM"]),
        ("the Bolivarian Republic of Venezuela", ["VEN"]),
        ("la República Bolivariana de Venezuela", ["VEN"]),
        ("the Plurinational State of Bolivia", ["BOL"]),
        ("el Estado Plurinacional de Bolivia", ["BOL"]),
        ("the Commonwealth of Dominica", ["DMA"]),
        ("the Commonwealth of The Bahamas", ["BHS"]),
        ("the Co-operative Republic of Guyana", ["GUY"]),
        ("the Oriental Republic of Uruguay", ["URY"]),
        ("the Federative Republic of Brazil", ["BRA"]),
        ("the Argentine Republic", ["ARG"]),
        # usual variants
        ("St. Kitts and Nevis", ["KNA"]),
        ("St Kitts & Nevis", ["KNA"]),
        ("St. Lucia", ["LCA"]),
        ("St. Vincent and the Grenadines", ["VCT"]),
        ("the Bahamas", ["BHS"]),
        ("USA", ["USA"]),
        ("U.S. authorities", ["USA"]),
        ("the U.S.-Mexico border", ["USA", "MEX"]),
        ("the United States of America", ["USA"]),
        ("EE.UU. y Canadá", ["USA", "CAN"]),
        ("EE. UU.", ["USA"]),
        ("Brasil", ["BRA"]),
        # capitals, as headings write them
        ("REPORT OF PERU AND TRINIDAD AND TOBAGO", ["PER", "TTO"]),
        ("REPÚBLICA DOMINICANA", ["DOM"]),
        # spacing and punctuation as documents leave them
        ("Costa\u00a0Rica and Costa\n Rica", ["CRI", "CRI"]),
        ("Paraguay’s ministry and Haiti's office", ["PRY", "HTI"]),
        ("(Ecuador)", ["ECU"]),
        ("Guinea–Bissau", ["GNB"]),
        # the world beyond the Americas
        ("Spain, France, Germany and Italy", ["ESP", "FRA", "DEU", "ITA"]),
        ("España, Francia y Alemania", ["ESP", "FRA", "DEU"]),
        ("the Philippines, India and China", ["PHL", "IND", "CHN"]),
        ("the United Kingdom and the Netherlands", ["GBR", "NLD"]),
        ("Reino Unido y Países Bajos", ["GBR", "NLD"]),
        ("Turkey, Russia and Syria", ["TUR", "RUS", "SYR"]),
        ("South Korea and North Korea", ["KOR", "PRK"]),
        ("the Democratic Republic of the Congo and the Congo", ["COD", "COG"]),
        ("Côte d’Ivoire", ["CIV"]),
        ("South Africa and South Sudan", ["ZAF", "SSD"]),
    ],
)
def test_find_countries_reads_names_and_variants(text, codes):
    assert [mention.code for mention in find_countries(text)] == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # the longest name wins, with strict word boundaries
        ("Dominica", ["DMA"]),
        ("the Dominican Republic", ["DOM"]),
        ("Dominica and the Dominican Republic", ["DMA", "DOM"]),
        ("Dominica y la República Dominicana", ["DMA", "DOM"]),
        ("the United Mexican States", ["MEX"]),
        ("Papua New Guinea", ["PNG"]),
        ("Equatorial Guinea", ["GNQ"]),
        ("Guinea Ecuatorial", ["GNQ"]),
        ("Guinea", ["GIN"]),
        ("Niger", ["NER"]),
        ("Nigeria", ["NGA"]),
        ("Niger and Nigeria", ["NER", "NGA"]),
        ("American Samoa and Samoa", ["ASM", "WSM"]),
        ("Sudan", ["SDN"]),
        ("Brasilia", []),
        # places that contain a country's name without naming the country
        ("New Mexico", []),
        ("Nuevo México", []),
        ("the Declaration of Port of Spain", []),
        ("Mexico City", []),
        ("la Ciudad de México", []),
        ("the Gulf of Mexico", []),
        ("New Jersey", []),
        ("Northern Ireland", []),
        ("the Protocol of San Salvador", []),
        # no demonyms, no cities, no organizations
        ("the Mexican Consulate in Philadelphia", []),
        ("Nicaraguan and Venezuelan migrants", []),
        ("the Organization of American States", []),
        ("la Organización de los Estados Americanos", []),
        ("the Inter-American Development Bank", []),
        ("the United Nations", []),
        ("the Americas and Latin America", []),
        ("Tijuana, Quito, Lima and Washington, D.C.", []),
        ("the European Union", []),
        # ordinary words, lower case, and words that only look like names
        ("a Reunión of experts, Mauricio and Guadalupe", []),
        ("chile peppers, a turkey and a jersey", []),
        ("peru", []),
        ("Salvador Gutiérrez", []),
        ("", []),
        # web addresses are not mentions
        ("see http://www.example.org/Paraguay/Report.pdf", []),
        ("see www.example.org/Mexico", []),
    ],
)
def test_find_countries_avoids_traps(text, codes):
    assert [mention.code for mention in find_countries(text)] == codes


def test_find_countries_gives_where_each_name_is():
    text = "Visits to Costa Rica and to the Republic of El Salvador."

    mentions = find_countries(text)

    assert [(m.code, m.start, m.end, m.text) for m in mentions] == [
        ("CRI", 10, 20, "Costa Rica"),
        ("SLV", 32, 55, "Republic of El Salvador"),
    ]
    assert all(text[m.start : m.end] == m.text and m.span == (m.start, m.end) for m in mentions)


def test_country_codes_are_unique_in_first_seen_order():
    text = "Honduras, Guatemala, Honduras again, then México and Guatemala."

    assert country_codes(text) == ["HND", "GTM", "MEX"]


# What each corpus file names, read by hand: demonyms ("Nicaraguans"), cities ("Tijuana",
# "Port of Spain", "Quito"), regions and organizations name no country.
CORPUS_COUNTRIES = {
    "001": {
        "ARG",
        "BOL",
        "CAN",
        "COL",
        "CRI",
        "DOM",
        "ECU",
        "ESP",
        "GTM",
        "HND",
        "MEX",
        "NIC",
        "PAN",
        "PRY",
        "SLV",
        "USA",
        "VEN",
    },
    "002": {
        "ARG",
        "ATG",
        "BHS",
        "BLZ",
        "BOL",
        "BRA",
        "BRB",
        "CAN",
        "CHL",
        "COL",
        "CRI",
        "DOM",
        "ECU",
        "ESP",
        "GRD",
        "GTM",
        "GUY",
        "HND",
        "HTI",
        "JAM",
        "MEX",
        "NIC",
        "PAN",
        "PER",
        "PRY",
        "SLV",
        "TCA",
        "TTO",
        "URY",
        "USA",
        "VEN",
    },
    "003": {"BOL", "CRI", "HTI", "NIC"},
    "004": {"COL", "PAN", "SLV"},
}


@pytest.mark.corpus
@pytest.mark.parametrize("number", sorted(CORPUS_COUNTRIES))
def test_find_countries_reads_exactly_the_countries_of_each_corpus_file(corpus, number):
    lines = corpus[number].read_text(encoding="utf-8").splitlines()

    found = {code for line in lines for code in country_codes(line)}

    assert found == CORPUS_COUNTRIES[number]


@pytest.mark.corpus
def test_find_countries_reads_the_long_forms_of_the_2009_report(corpus):
    text = corpus["002"].read_text(encoding="utf-8")

    long_forms = {
        m.text: m.code
        for m in find_countries(text)
        if m.text.startswith(("Republic of", "United Mexican"))
    }

    assert long_forms == {
        "United Mexican States": "MEX",
        "Republic of El Salvador": "SLV",
        "Republic of Guatemala": "GTM",
        "Republic of Honduras": "HND",
        "Republic of Nicaragua": "NIC",
        "Republic of Trinidad and Tobago": "TTO",
    }


@pytest.mark.corpus
def test_find_countries_reads_the_whole_corpus_fast(corpus):
    lines = [line for path in corpus.values() for line in path.read_text("utf-8").splitlines()]
    find_countries("warm-up: the expression is compiled once, on first use")

    started = time.perf_counter()
    for line in lines:
        find_countries(line)

    assert time.perf_counter() - started < 0.2
