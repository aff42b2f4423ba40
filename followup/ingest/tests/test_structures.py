from collections import Counter

import pytest

from followup.ingest.actors import ActorIndex, ActorMatch, match_actor
from followup.ingest.blocks import Block
from followup.ingest.readers import read_bytes
from followup.ingest.structures import (
    find_calendar,
    find_program_activities,
    find_recommendations,
    parse_calendar_date,
)

pytestmark = pytest.mark.django_db


def read_plain(text: str) -> list[Block]:
    """Plain text as the real reader gives it."""
    return list(read_bytes(text.encode("utf-8"), "document.txt").blocks)


def read_corpus(path) -> list[Block]:
    return read_plain(path.read_text(encoding="utf-8"))


# --- recommendations ------------------------------------------------------------------------


@pytest.mark.corpus
def test_find_recommendations_reads_the_six_panels_of_the_forum(corpus):
    items = find_recommendations(read_corpus(corpus["003"]))
    counts = Counter(item.group.split()[1] for item in items)
    firsts = {item.group.split()[1]: item.text for item in items if item.number == 1}
    assert counts == {"1": 6, "2": 5, "3": 8, "4": 10, "5": 7, "6": 10}
    assert [firsts[panel].split()[:3] for panel in "123456"] == [
        ["Reach", "a", "balance"],
        ["Facilitate", "access", "to"],
        ["Implement", "a", "‘tool"],
        ["It", "is", "necessary"],
        ["Consider", "the", "mixed"],
        ["Governance", "should", "be"],
    ]


@pytest.mark.corpus
def test_find_recommendations_joins_a_group_heading_wrapped_over_lines(corpus):
    items = find_recommendations(read_corpus(corpus["003"]))
    assert items[0].group == "PANEL 1 THE HUMAN RIGHTS OF ALL MIGRANTS"
    assert items[-1].group == (
        "PANEL 6 RESPONSE OF THE AMERICAS TO FLOWS OF IRREGULAR MIGRANTS "
        "AND THE ROLE OF INTERNATIONAL COOPERATION"
    )
    assert [item.number for item in items[-3:]] == [8, 9, 10]


def test_find_recommendations_reads_spanish_groups_and_numbered_items():
    blocks = read_plain(
        "Los temas del foro fueron:\n"
        "1. Derechos humanos.\n"
        "2. Trata de personas.\n"
        "Mesa 3: Migración y clima\n"
        "Se debatió el desplazamiento por desastres.\n"
        "Recomendaciones:\n"
        "La mesa recomendó a los Estados:\n"
        "a) Armonizar las visas humanitarias.\n"
        "b) Cooperar con los países de origen.\n"
        "Conclusión de la mesa.\n"
        "- Una viñeta que no es recomendación.\n"
        "Panel 4\n"
        "MOVILIDAD LABORAL\n"
        "Recomendaciones\n"
        "· Reconocer las calificaciones.\n"
    )
    items = find_recommendations(blocks)
    assert [(item.group, item.number, item.text, item.blocks) for item in items] == [
        ("Mesa 3: Migración y clima", 1, "Armonizar las visas humanitarias.", (7, 7)),
        ("Mesa 3: Migración y clima", 2, "Cooperar con los países de origen.", (8, 8)),
        ("Panel 4 MOVILIDAD LABORAL", 1, "Reconocer las calificaciones.", (14, 14)),
    ]


def test_find_recommendations_keeps_items_without_a_group():
    blocks = read_plain("Recommendations\n- Share data.\n- Fund returns.\n")
    assert [(item.group, item.text) for item in find_recommendations(blocks)] == [
        ("", "Share data."),
        ("", "Fund returns."),
    ]


def test_find_recommendations_ends_a_group_at_a_heading_of_its_level():
    blocks = [
        Block(0, "heading", "Panel 1: Human rights", level=2),
        Block(1, "heading", "Recommendations", level=3),
        Block(2, "list_item", "Share data.", list_label="•"),
        Block(3, "heading", "Conclusions", level=2),
        Block(4, "heading", "Recommendations", level=3),
        Block(5, "list_item", "Fund returns.", list_label="1."),
    ]
    assert [(item.group, item.text) for item in find_recommendations(blocks)] == [
        ("Panel 1: Human rights", "Share data."),
        ("", "Fund returns."),
    ]


def test_find_recommendations_ignores_lists_outside_a_recommendations_line():
    blocks = read_plain(
        "PANEL 1 HUMAN RIGHTS\n"
        "- A point of the discussion.\n"
        "The recommendations of the panel were many and are summarized in the annex.\n"
        "- Another point.\n"
        "Recommendations\n"
        "They are in the annex.\n"
        "The panel also heard experts.\n"
        "It then closed.\n"
        "- A list further down.\n"
    )
    assert find_recommendations(blocks) == []


# --- calendar -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OCTOBER 20, 2016", "2016-10-20"),
        ("October 20-21, 2016", "2016-10-20"),
        ("20 de octubre de 2016", "2016-10-20"),
        ("3 November 2016", "2016-11-03"),
        ("DECEMBER 2016", "2016-12"),
        ("Oct. 2016", "2016-10"),
        ("diciembre de 2016", "2016-12"),
        ("OCTOBER 2016 Date to be determined", "2016-10"),
        ("Date to be determined", None),
        ("Fecha por determinar", None),
        ("February 30, 2017", None),
        ("2016", None),
        ("Migration and Health", None),
    ],
)
def test_parse_calendar_date(text, expected):
    assert parse_calendar_date(text) == expected


@pytest.mark.corpus
def test_find_calendar_reads_the_eleven_rows_of_the_work_plan(corpus):
    rows = find_calendar(read_corpus(corpus["004"]))
    assert [(row.date, row.mandates, row.activity.split()[:3]) for row in rows] == [
        ("2016-10-20", ["AG/RES. 2883 (XLVI-O/16)"], ["1.", "Election", "of"]),
        ("2016-10", ["AG/RES. 2883 (XLVI-O/16)"], ["Meeting", "of", "Working"]),
        ("2016-11-03", ["AG/RES. 2881 (XLVI-O/16)"], ["Thematic", "meeting:", "Migration"]),
        ("2016-12", ["AG/RES. 2883 (XLVI-O/16)"], ["Participation", "in", "CIDI"]),
        ("2017-01", ["AG/DEC. 88 (XLVI-O/16)"], ["Event:", "Food", "Security,"]),
        (
            "2017-02",
            ["AG/RES. 2738 (XLII-O/12)", "AG/RES. 2883 (XLVI-O/16)"],
            ["Event:", "Migration", "and"],
        ),
        ("2017-03", ["AG/RES. 2816 (XLIV-O/14)"], ["Consultations", "on", "migration"]),
        ("2017-04", ["AG/RES. 2883 (XLVI-O/16)"], ["Progress", "report", "of"]),
        ("2017-04", [], ["Negotiation", "of", "draft"]),
        ("2017-05", [], ["Approval", "of", "draft"]),
        ("2017-05", ["AG/RES. 2883 (XLVI-O/16)"], ["Participation", "in", "CIDI"]),
    ]


@pytest.mark.corpus
def test_find_calendar_keeps_cells_notes_and_provenance_apart(corpus):
    blocks = read_corpus(corpus["004"])
    rows = find_calendar(blocks)
    first, second, third, fifth = rows[0], rows[1], rows[2], rows[4]
    assert first.activity.splitlines() == [
        "1. Election of vice chair",
        "2. Consideration of 2016-2017 Work Plan",
        "3. Installation of the Working Group to Implement the Inter-American Program for the "
        "Promotion and Protection of the Human Rights of Migrants, Including Migrant Workers "
        "and Their Families.",
    ]
    assert second.date_text == "OCTOBER 2016 Date to be determined"
    assert third.notes.startswith("Note: Consider participation by Scalabrini")
    assert "Note:" not in third.activity
    assert fifth.notes == "Possible guests: PMA, IOM, IDB El Salvador"
    assert fifth.mandate_text.endswith(
        "“Climate Change, Food Security, and Migration in the Americas”"
    )
    assert rows[8].mandate_text == "Rules of Procedure of the regular and special meetings of CIDI"
    assert rows[7].activity.splitlines()[-1] == "Participation by SMS, IACHR, CIM, IIN"
    assert blocks[first.blocks[0]].text == "OCTOBER 20, 2016"
    assert blocks[rows[-1].blocks[1]].text.startswith("Participation in CIDI meeting to report")


@pytest.mark.corpus
def test_find_calendar_finds_nothing_under_a_calendar_with_no_rows(corpus):
    # The 2009 report has a "Calendar: Not Applicable." section and no calendar.
    assert find_calendar(read_corpus(corpus["002"])) == []


def test_find_calendar_reads_a_spanish_calendar_without_tabs():
    blocks = read_plain(
        "VII. CALENDARIO DE ACTIVIDADES\n"
        "FECHA\nMANDATO\nACTIVIDAD\n"
        "20 de octubre de 2016\n"
        "AG/RES. 2883 (XLVI-O/16)\n"
        "“Programa Interamericano”\n"
        "Elección de la vicepresidencia\n"
        "Posibles invitados: OIM\n"
        "Fecha por determinar\n"
        "Reunión del grupo de trabajo\n"
        "VIII. ANEXOS\n"
        "Marzo de 2017\n"
    )
    rows = find_calendar(blocks)
    assert [(r.date, r.mandates, r.mandate_text, r.activity, r.notes) for r in rows] == [
        (
            "2016-10-20",
            ["AG/RES. 2883 (XLVI-O/16)"],
            "AG/RES. 2883 (XLVI-O/16) “Programa Interamericano”",
            "Elección de la vicepresidencia",
            "Posibles invitados: OIM",
        ),
        (None, [], "", "Reunión del grupo de trabajo", ""),
    ]
    assert [row.blocks for row in rows] == [(4, 8), (9, 10)]


def test_find_calendar_reads_table_rows():
    def row(index: int, *cells: str) -> Block:
        return Block(index, "table_row", " | ".join(cells), cells=cells)

    blocks = [
        Block(0, "heading", "Calendar of activities", level=1),
        row(1, "Activity", "Date", "Mandate"),
        row(
            2,
            "Thematic meeting on health Note: invite PAHO",
            "NOVEMBER 3, 2016",
            "AG/RES. 2881 (XLVI-O/16)",
        ),
        row(3, "Event on gender", "FEBRUARY 2017", ""),
        Block(4, "heading", "Annexes", level=1),
    ]
    rows = find_calendar(blocks)
    assert [(r.date, r.mandates, r.activity, r.notes, r.blocks) for r in rows] == [
        (
            "2016-11-03",
            ["AG/RES. 2881 (XLVI-O/16)"],
            "Thematic meeting on health",
            "Note: invite PAHO",
            (2, 2),
        ),
        ("2017-02", [], "Event on gender", "", (3, 3)),
    ]


def test_find_calendar_needs_a_calendar_heading():
    blocks = read_plain(
        "\tOCTOBER 20, 2016\n\tAG/RES. 2883 (XLVI-O/16)\n\tElection of vice chair\n"
    )
    assert find_calendar(blocks) == []


# --- Program activities ---------------------------------------------------------------------


@pytest.mark.corpus
def test_find_program_activities_reads_the_six_actors_of_the_work_plan(corpus):
    blocks = read_corpus(corpus["004"])
    items = find_program_activities(blocks)
    labels: dict[str, str] = {}
    for item in items:
        labels[item.actor.slug] = labels.get(item.actor.slug, "") + item.label
    assert labels == {
        "gs": "abc",
        "cam": "abc",
        "iachr": "abcde",
        "cim": "abc",
        "iin": "ab",
        "paho": "abcd",
    }
    assert items[0].text.startswith("Coordinate Program-related initiatives")
    assert items[-1].text == "Render technical cooperation to Program actors."
    assert blocks[items[-1].blocks[0]].list_label == "d."


def test_find_program_activities_reads_spanish_actor_lines_and_labels_alone():
    blocks = read_plain(
        "V. ACTORES DEL PROGRAMA Y ACTIVIDADES ESPECÍFICAS SUGERIDAS\n"
        "A) Órganos, organismos y entidades de la OEA:\n"
        "1. Comisión Interamericana de Derechos Humanos (CIDH):\n"
        "a. Facilitar el intercambio de información.\n"
        "b.\n"
        "Diseñar mecanismos contra la trata.\n"
        "B) Organismos especializados:\n"
        "a. Una actividad sin actor.\n"
        "OIM\n"
        "a) Apoyar el retorno.\n"
        "VI. COORDINACIÓN Y SEGUIMIENTO DEL PROGRAMA\n"
        "IACHR:\n"
        "a. Outside the section.\n"
    )
    items = find_program_activities(blocks)
    assert [(i.actor.slug, i.actor.name, i.label, i.text, i.blocks) for i in items] == [
        (
            "iachr",
            "Comisión Interamericana de Derechos Humanos",
            "a",
            "Facilitar el intercambio de información.",
            (3, 3),
        ),
        (
            "iachr",
            "Comisión Interamericana de Derechos Humanos",
            "b",
            "Diseñar mecanismos contra la trata.",
            (4, 4),  # the reader joins a label alone on its line to the next
        ),
        (
            "iom",
            "Organización Internacional para las Migraciones",
            "a",
            "Apoyar el retorno.",
            (8, 8),
        ),
    ]


def test_find_program_activities_without_a_section_needs_actor_lines():
    blocks = read_plain(
        "The Inter-American Commission of Women (CIM)\n"
        "a. Conduct research on female migration.\n"
        "The CIM will also work with the IIN and many other partners on several topics this year.\n"
        "a. Not an activity of the CIM: the line above is a sentence.\n"
    )
    items = find_program_activities(blocks)
    assert [(item.actor.slug, item.label, item.text) for item in items] == [
        ("cim", "a", "Conduct research on female migration."),
    ]


def test_find_program_activities_uses_the_matcher_it_is_given():
    index = ActorIndex.load()

    def only_acronyms(text: str) -> ActorMatch | None:
        return match_actor(text, index) if text.rstrip(":").isupper() else None

    blocks = read_plain(
        "IIN:\na. Protect children.\nInter-American Children's Institute:\nb. Not read.\n"
    )
    items = find_program_activities(blocks, match=only_acronyms)
    assert [(item.actor.slug, item.label) for item in items] == [("iin", "a")]
