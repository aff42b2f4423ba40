import time

import pytest

from followup.ingest.actors import ActorIndex, actor_index, edit_distance, match_actor
from followup.program.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def index(django_db_setup, django_db_blocker) -> ActorIndex:
    with django_db_blocker.unblock():
        return ActorIndex.load()


def slug_of(text: str, index: ActorIndex) -> str | None:
    found = match_actor(text, index)
    return found.slug if found else None


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # Full names, English and Spanish, with articles and typographic apostrophes.
        ("Inter-American Commission on Human Rights", "iachr"),
        ("Comisión Interamericana de Derechos Humanos", "iachr"),
        ("the Inter-American Children's Institute", "iin"),
        ("Inter-American Children’s Institute (IIN-OAS):", "iin"),
        ("Instituto Interamericano del Niño, la Niña y Adolescentes", "iin"),
        ("Instituto Interamericano del Niño", "iin"),
        ("INTER-AMERICAN COMMISSION OF WOMEN", "cim"),
        ("Comisión Interamericana de Mujeres", "cim"),
        ("Pan American Health Organization", "paho"),
        ("Organización Panamericana de la Salud", "paho"),
        ("Regional Conference on Migration (RCM or Puebla Process)", "rcm"),
        ("Proceso Puebla", "rcm"),
        ("Conferencia Suramericana sobre Migraciones", "sacm"),
        ("United Nations High Commissioner for Refugees", "unhcr"),
        ("Department of International Law:", "dil"),
        ("Summits of the Americas Secretariat:", "summits"),
        ("The OAS Summits Secretariat", "summits"),
        ("Office of the Executive Secretary. Migration Program", "sedi-migration"),
        ("Executive Secretariat for Integral Development", "sedi"),
        ("1. General Secretariat:", "gs"),
        ("Secretaría General de la OEA", "gs"),
        # Acronyms in both languages.
        ("IACHR", "iachr"),
        ("CIDH", "iachr"),
        ("Report of the CIM", "cim"),
        ("IIN", "iin"),
        ("PAHO/WHO initiatives on health", "paho"),
        ("OPS", "paho"),
        ("DPS", "dps"),
        ("DSP", "dps"),
        ("IOM", "iom"),
        ("OIM", "iom"),
        ("ILO", "ilo"),
        ("OIT", "ilo"),
        ("RCM", "rcm"),
        ("CRM", "rcm"),
        ("SEDI", "sedi"),
        ("DIL", "dil"),
        ("DDI", "dil"),
        ("ACNUR", "unhcr"),
        ("SADyE", "sare"),
        ("GS/OAS", "gs"),
        # The actor named first and foremost.
        ("Report by the Inter-American Commission on Human Rights (IACHR)", "iachr"),
        (
            "Report by the Department of Public Security (DPS) of the Secretariat for "
            "Multidimensional Security (SMS)",
            "dps",
        ),
        ("Secretariat for Multidimensional Security", "sms"),
        ("Secretariat for Multidimensional Security, Department of Public Security", "dps"),
        ("Departamento de Seguridad Pública (DSP) de la SSM", "dps"),
        ("Permanent Council's Committee on Juridical and Political Affairs", "cajp"),
        ("CAM-IACHR Meeting", "iachr"),
        ("Reunión CAM-CIDH", "iachr"),
        ("Joint meeting of the CAM with IOM", "iom"),
        ("Committee on Migration Issues (CAM):", "cam"),
        ("Committee on Migration Issues (CAM) of the CIDI", "cam"),
        # Member states, by their names in either language.
        ("Mexico", "mex"),
        ("Informe de México", "mex"),
        ("Report of the Government of Brazil", "bra"),
        ("Brasil", "bra"),
        ("República Dominicana", "dom"),
        ("Dominican Republic", "dom"),
        ("Dominica", "dma"),
        ("Granada", "grd"),
        ("Saint Vincent and the Grenadines", "vct"),
        ("St. Kitts and Nevis", "kna"),
        ("United States of America", "usa"),
        ("Estados Unidos", "usa"),
        ("Bolivarian Republic of Venezuela", "ven"),
        ("The Bahamas", "bhs"),
        ("El Salvador", "slv"),
        ("Estados Unidos Mexicanos", "mex"),
        # Small typos in long names.
        ("Inter-American Commission of Human Rights (IACHR):", "iachr"),
        ("Inter-American Comission of Women", "cim"),
        ("Interamerican Commission of Women", "cim"),
        ("Department of Public Securty", "dps"),
        ("Secretariat of Legal Affairs", "sla"),
        ("International Organization on Migration", "iom"),
        ("International Labor Organization", "ilo"),
        ("Organizacion Panamericana de la Salu", "paho"),
    ],
)
def test_match_actor_finds_the_actor_named(text, slug, index):
    assert slug_of(text, index) == slug


@pytest.mark.parametrize(
    "text",
    [
        "",
        "A. Program objectives:",
        "H. Other Program implementers:",
        "C) OAS member states",
        "Recommendations",
        "Inter-American Program for the Promotion and Protection of the Human Rights of Migrants",
        "General Assembly",
        # Mandate symbols: "DEC", "CIM" and "CP" there are no actors.
        "AG/DEC. 88 (XLVI-O/16)",
        "CIM/RES. 252 (XXXIV-O/08)",
        "CP/RES. 1078 (2106/17)",
        "DEC. 2016",
        # Another body, and a place, whose names contain an actor's.
        "Special Committee on Migration Issues (CEAM)",
        "New Mexico",
        "Salvador Gutiérrez",
        # Document symbols and addresses that contain acronyms.
        "(CP/CAJP-2456/07)",
        "Spanish: http://scm.oas.org/pdfs/2020/Informe-CIDH-CAM.docx",
        # A name that is an ordinary phrase in lower case.
        "a labor migration program",
        # Acronyms are never matched loosely nor in lower case.
        "IAHCR",
        "CIMM",
        "the cim",
        # Too far from any name to be a typo.
        "Inter-American Commission",
        "Department of Public Health",
        "Inter-American Court of Human Rights",
        "International Organization for Standardization",
    ],
)
def test_match_actor_returns_none_when_no_actor_is_named(text, index):
    assert match_actor(text, index) is None


def test_match_actor_names_the_actor_in_the_language_of_the_text(index):
    spanish = match_actor("Informe de la CIDH", index)
    english = match_actor("Report by the IACHR", index)
    assert spanish is not None
    assert english is not None
    assert (spanish.name, spanish.acronym) == (
        "Comisión Interamericana de Derechos Humanos",
        "CIDH",
    )
    assert (english.name, english.acronym) == ("Inter-American Commission on Human Rights", "IACHR")


def test_match_actor_guesses_the_language_for_an_acronym_shared_by_both(index):
    spanish = match_actor("Informe de la CIM sobre la migración", index)
    english = match_actor("Report of the CIM on migration", index)
    assert spanish is not None
    assert english is not None
    assert (spanish.name, english.name) == (
        "Comisión Interamericana de Mujeres",
        "Inter-American Commission of Women",
    )


def test_match_actor_gives_the_span_that_named_the_actor(index):
    text = "2. Report by the Inter-American Children’s Institute (IIN)"
    found = match_actor(text, index)
    assert found is not None
    assert text[found.span[0] : found.span[1]] == "Inter-American Children’s Institute"
    assert found.pk == Actor.objects.get(slug="iin").pk
    assert found.category == "specialized_organization"


def test_match_actor_keeps_the_final_dot_of_an_abbreviation(index):
    text = "Visit to the U.S. in 2019"
    found = match_actor(text, index)
    assert found is not None
    assert (found.slug, text[found.span[0] : found.span[1]]) == ("usa", "U.S.")


def test_match_actor_has_no_acronym_for_an_actor_without_one(index):
    found = match_actor("Summits of the Americas Secretariat", index)
    assert found is not None
    assert found.acronym is None


def test_mentions_lists_every_actor_named_in_order(index):
    mentions = index.mentions("Participation by SMS, IACHR, CIM, IIN and Panama")
    assert [mention.slug for mention in mentions] == ["sms", "iachr", "cim", "iin", "pan"]


def test_actor_index_loads_with_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        ActorIndex.load()


def test_shared_index_is_rebuilt_when_an_actor_changes():
    assert match_actor("Red de Prueba para Migrantes") is None
    actor = Actor.objects.create(
        slug="test-network",
        category=Actor.Category.OTHER,
        name_en="Test Network for Migrants",
        name_es="Red de Prueba para Migrantes",
        acronym_en="TNM",
    )
    try:
        found = match_actor("Red de Prueba para Migrantes")
        assert found is not None
        assert found.slug == "test-network"
        actor.acronym_en = "TNFM"
        actor.save()
        assert match_actor("TNM") is None
        assert match_actor("TNFM") is not None
    finally:
        actor.delete()
    assert match_actor("TNFM") is None
    assert actor_index() is actor_index()


@pytest.mark.corpus
def test_actor_sections_of_the_2019_report_map_to_their_actors(corpus, index):
    headings = [
        line
        for line in corpus["001"].read_text(encoding="utf-8").splitlines()
        if line[:2] in {"1.", "2.", "3.", "4."} and "Report by" in line
    ]
    annex = [
        line
        for line in corpus["001"].read_text(encoding="utf-8").splitlines()
        if line.rstrip().endswith("):")
    ]
    assert [slug_of(line, index) for line in headings] == ["dps", "iachr", "cim", "iin"]
    assert [slug_of(line, index) for line in annex] == ["iachr", "cim", "iin", "dps"]


@pytest.mark.corpus
def test_actor_sections_of_the_2009_report_map_to_their_actors(corpus, index):
    lines = corpus["002"].read_text(encoding="utf-8").splitlines()
    expected = {
        33: "iachr",
        45: "cim",
        75: "paho",
        162: "summits",
        181: "sedi",
        182: "sedi-migration",
        211: "dec",
        230: "dsde",
        266: "sla",
        267: "dil",
        297: "iin",
        356: "sms",
        357: "dps",
        375: "iom",
        417: "ilo",
        457: "rcm",
        # Headings of the same level that name no actor.
        18: None,
        22: None,
        374: None,
    }
    found = {number: slug_of(lines[number - 1], index) for number in expected}
    assert found == expected


@pytest.mark.corpus
def test_match_actor_reads_thousands_of_lines_a_second(corpus, index):
    lines = [
        line
        for path in corpus.values()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    lines = (lines * (3000 // len(lines) + 1))[:3000]
    started = time.perf_counter()
    for line in lines:
        match_actor(line, index)
    assert time.perf_counter() - started < 1.5


def test_edit_distance_is_bounded():
    assert edit_distance("commission", "comission", 2) == 1
    assert edit_distance("secretariat for", "secretariat of", 2) == 2
    assert edit_distance("security", "health", 2) is None
    assert edit_distance("abc", "abcdef", 2) is None
