"""The whole extraction on the four corpus documents, as `followup ingest --json` gives it."""

import io
import json
from collections import Counter

import pytest
from docx import Document

from followup.ingest.pipeline import extract, to_json
from followup.ingest.readers import read_bytes, read_path

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def extracted(corpus, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return {number: to_json(extract(read_path(path))) for number, path in corpus.items()}


def _actor_sections(document):
    return [
        (section["actor"]["acronym"] or section["actor"]["name"])
        for section in document["sections"]
        if section["actor"]
    ]


def test_every_file_gives_the_contracts_shape(extracted):
    for document in extracted.values():
        assert list(document) == [
            "source",
            "kind",
            "title",
            "period",
            "countries",
            "mandates",
            "sections",
            "recommendations",
            "calendar",
            "program_activities",
        ]
        assert list(document["source"]) == ["filename", "sha256", "media_type", "language"]
        for section in document["sections"]:
            assert list(section) == ["heading", "actor", "countries", "entries"]
            for entry in section["entries"]:
                assert list(entry) == ["kind", "text", "countries", "dates", "figures"]
                assert entry["kind"] in {
                    "carried_out",
                    "planned",
                    "finding",
                    "best_practice",
                    "proposal",
                    "recommendation",
                }
        json.dumps(document)  # plain JSON all the way down


def test_kind_period_and_language_of_each_document(extracted):
    assert {n: (d["kind"], d["period"]) for n, d in extracted.items()} == {
        "001": ("activity_report", {"start": "2019", "end": "2020"}),
        "002": ("activity_report", {"start": "2009", "end": "2009"}),
        "003": ("recommendations", None),
        "004": ("work_plan", {"start": "2016", "end": "2017"}),
    }
    assert {d["source"]["language"] for d in extracted.values()} == {"en"}
    assert extracted["002"]["title"].startswith("ANNUAL REPORT ON ACTIVITIES IN IMPLEMENTATION")


def test_every_actor_section_is_found_and_named(extracted):
    assert _actor_sections(extracted["001"]) == ["DPS", "IACHR", "CIM", "IIN"]
    # The implementers the corpus lists: a secretariat whose offices report one by one is a
    # container of their sections, not an actor's section itself.
    assert _actor_sections(extracted["002"]) == [
        "IACHR",
        "CIM",
        "PAHO",
        "Summits of the Americas Secretariat",
        "Migration and Development Program, Office of the Executive Secretary for Integral "
        "Development",
        "DEC",
        "DSDE",
        "DIL",
        "IIN",
        "DPS",
        "IOM",
        "ILO",
        "RCM",
    ]
    # 004's actors with their suggested activities; a resolution's title naming the CAM is
    # about the resolution, not the CAM.
    assert _actor_sections(extracted["004"])[:6] == ["GS/OAS", "CAM", "IACHR", "CIM", "IIN", "PAHO"]
    assert not any(
        section["actor"]
        for section in extracted["004"]["sections"]
        if "AG/RES." in section["heading"]
    )


def test_an_actors_subsections_give_the_kind_of_its_entries(extracted):
    kinds = {
        section["actor"]["acronym"]: {entry["kind"] for entry in section["entries"]}
        for section in extracted["002"]["sections"]
        if section["actor"]
    }
    assert {"carried_out", "planned"} <= kinds["CIM"]  # "3. Activities being planned:"
    assert {"carried_out", "planned", "best_practice", "proposal"} <= kinds["ILO"]


COUNTRIES = {
    "001": "ARG BOL CAN COL CRI DOM ECU ESP GTM HND MEX NIC PAN PRY SLV USA VEN",
    "002": "ARG ATG BHS BLZ BOL BRA BRB CAN CHL COL CRI DOM ECU ESP GRD GTM GUY HND HTI JAM MEX "
    "NIC PAN PER PRY SLV TCA TTO URY USA VEN",
    "003": "BOL CRI HTI NIC",
    "004": "COL PAN SLV",
}


@pytest.mark.parametrize("number", sorted(COUNTRIES))
def test_every_country_is_found_with_no_false_one(extracted, number):
    assert sorted(extracted[number]["countries"]) == COUNTRIES[number].split()


def test_every_mandate_symbol_in_canonical_form(extracted):
    symbols = {n: [m["symbol"] for m in d["mandates"]] for n, d in extracted.items()}
    assert symbols == {
        "001": ["AG/RES. 2883 (XLVI-O/16)"],
        "002": [
            "AG/RES. 2289 (XXXVII-O/07)",
            "AG/RES. 2141 (XXXV-O/05)",
            "AG/DEC. 57 (XXXVIII-O/08)",
        ],
        "003": [],
        "004": [
            "AG/RES. 2738 (XLII-O/12)",
            "AG/RES. 2816 (XLIV-O/14)",
            "AG/RES. 2881 (XLVI-O/16)",
            "AG/RES. 2883 (XLVI-O/16)",
            "AG/DEC. 88 (XLVI-O/16)",
        ],
    }
    kinds = {m["symbol"]: m["kind"] for m in extracted["004"]["mandates"]}
    assert kinds["AG/DEC. 88 (XLVI-O/16)"] == "declaration"
    assert kinds["AG/RES. 2883 (XLVI-O/16)"] == "resolution"


def test_the_six_recommendation_groups_of_the_forum(extracted):
    groups = Counter(item["group"] for item in extracted["003"]["recommendations"])

    assert [(group.split()[1], count) for group, count in groups.items()] == [
        ("1", 6),
        ("2", 5),
        ("3", 8),
        ("4", 10),
        ("5", 7),
        ("6", 10),
    ]
    assert all(group.startswith("PANEL ") for group in groups)
    assert not extracted["001"]["recommendations"]


def test_the_eleven_calendar_rows_of_the_work_plan(extracted):
    rows = extracted["004"]["calendar"]

    assert [row["date"] for row in rows] == [
        "2016-10-20",
        "2016-10",
        "2016-11-03",
        "2016-12",
        "2017-01",
        "2017-02",
        "2017-03",
        "2017-04",
        "2017-04",
        "2017-05",
        "2017-05",
    ]
    assert rows[0]["date_text"] == "OCTOBER 20, 2016"
    assert rows[0]["mandates"] == ["AG/RES. 2883 (XLVI-O/16)"]
    assert rows[5]["mandates"] == ["AG/RES. 2738 (XLII-O/12)", "AG/RES. 2883 (XLVI-O/16)"]
    assert rows[2]["activity"].startswith("Thematic meeting")


def test_the_suggested_activities_under_their_six_actors(extracted):
    activities = extracted["004"]["program_activities"]
    labels: dict[str, list[str]] = {}
    for item in activities:
        labels.setdefault(item["actor"]["acronym"], []).append(item["label"])

    assert labels == {
        "GS/OAS": ["a", "b", "c"],
        "CAM": ["a", "b", "c"],
        "IACHR": ["a", "b", "c", "d", "e"],
        "CIM": ["a", "b", "c"],
        "IIN": ["a", "b"],
        "PAHO": ["a", "b", "c", "d"],
    }


def _spanish_docx() -> bytes:
    document = Document()
    document.add_heading(
        "Informe anual de la Comisión de Asuntos Migratorios, período 2021-2022", 1
    )
    document.add_heading("1. Informe de la Comisión Interamericana de Derechos Humanos (CIDH)", 2)
    document.add_heading("Actividades realizadas", 3)
    document.add_paragraph(
        "Del 19 al 24 de mayo de 2021 la CIDH realizó una visita de trabajo a Costa Rica y "
        "capacitó a 120 funcionarios.",
        style="List Bullet",
    )
    document.add_heading("Actividades previstas", 3)
    document.add_paragraph("En 2022 se realizará un curso sobre trata de personas en Guatemala.")
    document.add_heading("2. Organización Internacional para las Migraciones (OIM)", 2)
    document.add_paragraph("La OIM apoyó a Dominica y a Haití con 3 talleres.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_spanish_word_report_under_a_title_naming_the_cam():
    found = to_json(extract(read_bytes(_spanish_docx(), "informe.docx")))

    assert (found["source"]["language"], found["kind"], found["period"]) == (
        "es",
        "activity_report",
        {"start": "2021", "end": "2022"},
    )
    sections = {s["actor"]["acronym"]: s for s in found["sections"] if s["actor"]}
    assert list(sections) == ["CIDH", "OIM"]  # the title's CAM does not swallow them
    visit, course = sections["CIDH"]["entries"]
    assert (visit["kind"], visit["dates"], visit["countries"]) == (
        "carried_out",
        ["2021-05-19", "2021-05-24"],
        ["CRI"],
    )
    assert visit["figures"] == [{"value": 120, "what": "funcionarios"}]
    assert (course["kind"], course["dates"], course["countries"]) == ("planned", ["2022"], ["GTM"])
    assert sections["OIM"]["countries"] == ["DMA", "HTI"]  # Dominica, not the Dominican Republic
