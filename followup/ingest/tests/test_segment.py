import time
from pathlib import Path

import pytest

from followup.ingest.blocks import Block, Section
from followup.ingest.readers import read_bytes
from followup.ingest.segment import MAX_LEVEL, find_headings, is_heading, segment


def text_blocks(text: str) -> list[Block]:
    """Plain text as the real reader gives it."""
    return list(read_bytes(text.encode("utf-8"), "document.txt").blocks)


def corpus_blocks(path: Path) -> list[Block]:
    return text_blocks(path.read_text(encoding="utf-8"))


def headings(sections: tuple[Section, ...] | list[Section]) -> list[str]:
    return [section.heading for section in sections]


def tree(sections: tuple[Section, ...] | list[Section]) -> list[tuple[str, int, list]]:
    return [(section.heading, section.level, tree(section.children)) for section in sections]


def by_heading(sections: list[Section], start: str) -> Section:
    found = [s for top in sections for s in top.walk() if s.heading.startswith(start)]
    assert len(found) == 1, f"{len(found)} sections start with {start!r}"
    return found[0]


def paragraph(words: int, start: str = "The Secretariat") -> str:
    """Running text of `words` words, ending with a period."""
    return f"{start} " + " ".join(["reported"] * (words - 2)) + "."


LONG = paragraph(60)


# ---------------------------------------------------------------- the four corpus files


@pytest.mark.corpus
def test_segment_001_has_the_introduction_four_reports_and_the_annex(corpus):
    sections = segment(corpus_blocks(corpus["001"]))

    assert headings(sections) == [
        "INTRODUCTION:",
        "1. Report by the Department of Public Security (DPS) of the Secretariat for "
        "Multidimensional Security (SMS)",
        "2. Report by the Inter-American Commission on Human Rights (IACHR)",
        "3. Report by the Inter-American Commission of Women (CIM)",
        "4. Report by the Inter-American Children’s Institute (IIN)",
        "ANNEX",
    ]
    assert [section.level for section in sections] == [1] * 6
    assert all(section.children == () for section in sections)


@pytest.mark.corpus
def test_segment_002_follows_the_roman_numbering_after_the_title(corpus):
    sections = segment(corpus_blocks(corpus["002"]))

    assert headings(sections) == [
        "",
        "I. Introduction:",
        "II. Background:",
        "III. Objectives and structure of the Program:",
        "IV. Annual Activity Report",
        "VI. Conclusion:",
    ]
    preamble = sections[0]
    assert (preamble.level, preamble.heading_block) == (0, None)
    assert [block.text for block in preamble.blocks][1:] == [
        "2009 ANNUAL MEETING",
        "[AG/RES. 2289 (XXXVII-O/07)]",
    ]
    assert headings(sections[3].children) == ["A. Program objectives:", "B. Program structure:"]


@pytest.mark.corpus
def test_segment_002_has_one_section_per_implementer(corpus):
    report = segment(corpus_blocks(corpus["002"]))[4]

    assert headings(report.children) == [
        "A. Inter-American Commission of Human Rights (IACHR):",
        "B. Inter-American Commission of Women (CIM):",
        "C. Pan American Health Organization",
        "D. Summits of the Americas Secretariat:",
        "E. Executive Secretariat for Integral Development",
        "F. Secretariat of Legal Affairs",
        "G. Secretariat for Multidimensional Security",
        "H. Other Program implementers:",
    ]
    assert headings(report.children[4].children) == [
        "E.1 Office of the Executive Secretary. Migration Program",
        "E.2. Department of Education and Culture:",
        "E.3. Department of Social Development and Employment",
    ]
    assert headings(report.children[7].children) == [
        "H.1. International Organization for Migration (IOM)",
        "H.2. International Labour Organization (ILO)",
        "H.3. Regional Conference on Migration (RCM or Puebla Process)",
    ]
    assert {child.level for child in report.children} == {2}


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("implementer", "parts"),
    [
        (
            "A. Inter-American Commission of Human Rights",
            [
                "I. 2008 activities in support of resolution AG/RES. 2141",
                "II. Activities Planned For 2009",
            ],
        ),
        (
            "B. Inter-American Commission of Women",
            [
                "1. Activities assigned by the Program:",
                "2. Activities carried out:",
                "3. Activities being planned:",
            ],
        ),
        ("E.1 Office", ["1. Activities", "2. Other activities planned"]),
        (
            "E.2. Department of Education",
            ["Activities in 2008", "Upcoming and planned activities in 2009 and beyond:"],
        ),
        (
            "E.3. Department of Social Development",
            [
                "1. Activities assigned:",
                "2. Activities carried out:",
                "3. Activities being planned:",
            ],
        ),
        (
            "F.1. Department of International Law",
            [
                "1. Mandates:",
                "2. Activities Implemented in 2008:",
                "3. Activities Planned for 2009:",
                "4. Calendar:",
            ],
        ),
        ("F.2. Inter-American Children", ["Objective:", "Activities:"]),
        (
            "G.1. Department of Public Security",
            ["1. Activities carried out", "2. Activities being planned"],
        ),
        (
            "H.2. International Labour Organization",
            [
                "I. Activities carried out in 2008",
                "II. Activities scheduled for 2009",
                "III. Best practices",
                "IV. New proposals that may be incorporated in the above-mentioned program",
            ],
        ),
        ("H.3. Regional Conference on Migration", ["2008 ACTIVITIES", "PROPOSALS FOR 2009"]),
    ],
)
def test_segment_002_implementers_hold_their_activities_practices_and_proposals(
    corpus, implementer, parts
):
    sections = segment(corpus_blocks(corpus["002"]))

    assert headings(by_heading(sections, implementer).children) == parts


@pytest.mark.corpus
def test_segment_002_numbered_sublists_nest_below_their_heading(corpus):
    sections = segment(corpus_blocks(corpus["002"]))

    carried_out = by_heading(sections, "I. Activities carried out in 2008")
    assert [heading.split(" ", 1)[0] for heading in headings(carried_out.children)] == [
        "1.", "2.", "3.", "4.", "5.", "6."
    ]  # fmt: skip
    cim = by_heading(sections, "B. Inter-American Commission of Women")
    assert headings(cim.children[1].children) == [
        "i. Case study: Female migration in El Salvador and Nicaragua",
        "ii. Digital library on gender and migration",
        "iii. Migration and smuggling of in persons",
        "iv. Resolution of the XXXIV Assembly of Delegates of the CIM",
    ]
    # A capitals line that recurs under every numbered item is a level below each of them.
    activities = by_heading(sections, "2008 ACTIVITIES")
    assert headings(activities.children) == [
        "1. MIGRATION MANAGEMENT",
        "2. SMUGGLING OF PERSONS",
        "3. MIGRANT WOMEN",
        "4. MIGRANT CHILDREN",
        "5. MIGRATION AND DEVELOPMENT",
        "6. RETURNEES",
    ]
    assert [headings(item.children) for item in activities.children] == [
        ["SOME SPECIFIC EXAMPLES"]
    ] * 6


@pytest.mark.corpus
def test_segment_002_numbered_paragraphs_and_lists_are_not_headings(corpus):
    sections = segment(corpus_blocks(corpus["002"]))

    # A planned-activities list ("1. Continuation of …") and two long numbered proposals.
    assert headings(by_heading(sections, "II. Activities scheduled for 2009").children) == []
    assert headings(by_heading(sections, "IV. New proposals").children) == []
    # "V." continues the IIN's numbered paragraphs "I." to "IV.", not the report's "IV.".
    assert headings(by_heading(sections, "F.2. Inter-American Children").children) == [
        "Objective:",
        "Activities:",
    ]
    # "I." to "VII." ending with periods, one after the other, are a list.
    assert headings(by_heading(sections, "E.1 Office").children[0].children) == []


@pytest.mark.corpus
def test_segment_003_groups_the_six_panels_under_the_results(corpus):
    sections = segment(corpus_blocks(corpus["003"]))

    assert headings(sections) == [
        "",
        "INTRODUCTION",
        "RESULTS OF THE PANEL DISCUSSIONS",
        "WITH THE SUPPORT OF:",
    ]
    panels = sections[2].children
    assert [panel.heading.split()[:2] for panel in panels] == [
        ["PANEL", str(number)] for number in range(1, 7)
    ]
    assert [[child.heading.rstrip(":") for child in panel.children] for panel in panels] == [
        ["Recommendations"]
    ] * 6
    assert [len(panel.children[0].blocks) for panel in panels] == [6, 5, 8, 10, 7, 10]


@pytest.mark.corpus
def test_segment_003_joins_a_panel_title_written_on_the_following_lines(corpus):
    sections = segment(corpus_blocks(corpus["003"]))

    panel = sections[2].children[5]
    assert panel.heading == (
        "PANEL 6 RESPONSE OF THE AMERICAS TO FLOWS OF IRREGULAR MIGRANTS "
        "AND THE ROLE OF INTERNATIONAL COOPERATION"
    )
    assert panel.blocks[0].text == "RESPONSE OF THE AMERICAS TO FLOWS OF IRREGULAR MIGRANTS"


@pytest.mark.corpus
def test_segment_003_keeps_the_numbered_themes_in_the_introduction(corpus):
    introduction = segment(corpus_blocks(corpus["003"]))[1]

    assert introduction.children == ()
    labels = [block.list_label for block in introduction.blocks if block.list_label]
    assert labels == ["1.", "2.", "3.", "4.", "5.", "6."]


@pytest.mark.corpus
def test_segment_004_nests_the_numbered_parts_under_the_mandates(corpus):
    sections = segment(corpus_blocks(corpus["004"]))

    assert headings(sections) == ["INTRODUCTION:", "MANDATES:"]
    assert [heading.split(" ", 2)[:2] for heading in headings(sections[1].children)] == [
        ["I.", "AG/RES."],
        ["II.", "AG/RES."],
        ["III.", "AG/RES."],
        ["IV.", "AG/RES."],
        ["V.", "PROGRAM"],
        ["VI.", "PROGRAM"],
        ["VII.", "CALENDAR"],
    ]
    assert sections[1].children[6].heading == "VII. CALENDAR OF ACTIVITIES OF THE CAM"


@pytest.mark.corpus
def test_segment_004_groups_the_program_actors(corpus):
    actors = segment(corpus_blocks(corpus["004"]))[1].children[4]

    assert [heading.split(" ", 1)[0] for heading in headings(actors.children)] == [
        "A)", "B)", "C)", "D)", "E)"
    ]  # fmt: skip
    assert headings(actors.children[0].children) == [
        "1. General Secretariat:",
        "2. Committee on Migration Issues (CAM):",
        "3. Inter-American Commission on Human Rights (IACHR):",
    ]
    assert headings(actors.children[1].children) == [
        "1. Inter-American Commission of Women (CIM):",
        "2. Inter-American Children's Institute (IIN):",
        "3. Pan American Health Organization (PAHO):",
    ]


@pytest.mark.corpus
def test_segment_004_list_items_inside_mandates_and_calendar_are_not_headings(corpus):
    sections = segment(corpus_blocks(corpus["004"]))

    # The functions "a." to "d.", the operative paragraphs, the lettered themes between the
    # operative paragraphs "19." and "20.", and the calendar's numbered agenda.
    assert sections[0].children == ()
    assert [len(mandate.children) for mandate in sections[1].children[:4]] == [0, 0, 0, 0]
    assert sections[1].children[6].children == ()


@pytest.mark.corpus
@pytest.mark.parametrize("number", ["001", "002", "003", "004"])
def test_segment_puts_every_corpus_block_in_exactly_one_place(corpus, number):
    blocks = corpus_blocks(corpus[number])

    places: list[int] = []
    for top in segment(blocks):
        for section in top.walk():
            if section.heading_block is not None:
                places.append(section.heading_block)
            places += [block.index for block in section.blocks]

    assert sorted(places) == list(range(len(blocks)))


@pytest.mark.corpus
def test_segment_reads_the_corpus_in_well_under_a_fifth_of_a_second(corpus):
    documents = [corpus_blocks(path) for path in corpus.values()]

    started = time.perf_counter()
    for blocks in documents:
        segment(blocks)
    elapsed = time.perf_counter() - started

    assert elapsed < 0.1


# ---------------------------------------------------------------- heading styles, EN and ES


@pytest.mark.parametrize(
    "text",
    [
        "1. Report by the Department of Public Security (DPS)",
        "2. Informe de la Comisión Interamericana de Mujeres (CIM)",
        "A. Inter-American Commission of Women (CIM):",
        "B) Organismos especializados:",
        "H.1. International Organization for Migration (IOM)",
        "E.1 Office of the Executive Secretary",
        "C.2. Departamento de Derecho Internacional",
        "I. Introduction:",
        "VII. CALENDARIO DE ACTIVIDADES",
        "IV. New proposals",
        "Report by the Inter-American Commission on Human Rights (IACHR)",
        "Informe del Instituto Interamericano del Niño, la Niña y Adolescentes (IIN)",
        "CAM-IACHR Meeting",
        "Reunión CAM-CIDH",
        "PANEL 3 MIGRATION, CLIMATE CHANGE, AND CRISIS SITUATIONS",
        "Mesa 2: Migración laboral y trabajo digno",
        "Activities carried out",
        "Actividades realizadas",
        "Activities planned for 2021",
        "Actividades previstas",
        "Best practices",
        "Buenas prácticas",
        "New proposals",
        "Nuevas propuestas",
        "Recommendations:",
        "RECOMENDACIONES",
        "INTRODUCTION:",
        "Introducción",
        "ANEXO",
        "RESULTS OF THE PANEL DISCUSSIONS",
        "2008 ACTIVITIES",
    ],
)
def test_is_heading_recognizes_the_reports_heading_styles(text):
    assert is_heading(Block(0, "paragraph", text))


@pytest.mark.parametrize(
    "block",
    [
        Block(0, "list_item", "The human rights of all migrants.", list_label="1."),
        Block(0, "list_item", LONG, list_label="2."),
        Block(0, "paragraph", f"III. {LONG}"),
        Block(
            0,
            "list_item",
            "Review the matters the Assembly may entrust to it; and",
            list_label="c.",
        ),
        Block(0, "list_item", "to provide support to the member states", list_label="2."),
        Block(0, "list_item", "Activities carried out", list_label="•"),
        Block(0, "paragraph", "MARCH 2017", style="indented"),
        Block(0, "paragraph", "OCTOBER 20, 2016"),
        Block(0, "paragraph", "AG/RES. 2883 (XLVI-O/16)"),
        Block(0, "paragraph", "PROPOSALS, some for which funds are sought"),
        Block(0, "paragraph", "PROPOSAL for which funds are being sought"),
        Block(0, "paragraph", "Recommendations, as the delegations agreed"),
        Block(0, "paragraph", "In 2005, actions focused on two activities:"),
        Block(0, "paragraph", "Recommendations were adopted by the panel on the second day."),
        Block(0, "paragraph", "Possible guests: PAHO, IOM"),
        Block(0, "table_row", "MAY 2017 | AG/RES. 2883", cells=("MAY 2017", "AG/RES. 2883")),
        Block(0, "paragraph", "Conclusion", style="footnote"),
        Block(0, "paragraph", ""),
    ],
    ids=lambda block: f"{block.list_label} {block.text[:30]} {block.style}",
)
def test_is_heading_rejects_running_text_lists_dates_and_cells(block):
    assert not is_heading(block)


def test_is_heading_takes_a_label_alone_with_the_title_on_the_next_line():
    label = Block(0, "paragraph", "PANEL 6")

    assert is_heading(label, Block(1, "paragraph", "RESPONSE OF THE AMERICAS"))
    assert not is_heading(label, Block(1, "paragraph", LONG))
    assert not is_heading(label)


def test_segment_reads_a_label_in_the_text_or_in_list_label_alike():
    split = [
        Block(0, "list_item", "Activities carried out", list_label="1."),
        Block(1, "paragraph", LONG),
    ]
    joined = [Block(0, "paragraph", "1. Activities carried out"), Block(1, "paragraph", LONG)]

    assert headings(segment(split)) == headings(segment(joined)) == ["1. Activities carried out"]


# ---------------------------------------------------------------- levels and traps in context


def test_segment_nests_styles_by_order_of_first_appearance():
    blocks = text_blocks(
        f"I. Annual activity report\nA. Inter-American Commission of Women (CIM)\n"
        f"1. Activities carried out\n{LONG}\n2. Activities planned\n{LONG}\n"
        f"B. Inter-American Children's Institute (IIN)\n1. Activities carried out\n{LONG}\n"
        f"II. Conclusions\n{LONG}"
    )

    assert tree(segment(blocks)) == [
        (
            "I. Annual activity report",
            1,
            [
                (
                    "A. Inter-American Commission of Women (CIM)",
                    2,
                    [("1. Activities carried out", 3, []), ("2. Activities planned", 3, [])],
                ),
                (
                    "B. Inter-American Children's Institute (IIN)",
                    2,
                    [("1. Activities carried out", 3, [])],
                ),
            ],
        ),
        ("II. Conclusions", 1, []),
    ]


def test_segment_opens_a_level_where_a_numbering_starts_again():
    blocks = text_blocks(
        f"III. Background\n{LONG}\nIV. Activity reports\nA. Commission\n"
        f"I. Activities carried out in 2008\n{LONG}\nII. Activities scheduled for 2009\n{LONG}\n"
        f"B. Institute\n{LONG}\nV. Conclusion\n{LONG}"
    )

    assert tree(segment(blocks)) == [
        ("III. Background", 1, []),
        (
            "IV. Activity reports",
            1,
            [
                (
                    "A. Commission",
                    2,
                    [
                        ("I. Activities carried out in 2008", 3, []),
                        ("II. Activities scheduled for 2009", 3, []),
                    ],
                ),
                ("B. Institute", 2, []),
            ],
        ),
        ("V. Conclusion", 1, []),
    ]


def test_segment_puts_introduction_and_annex_at_the_top_beside_numbered_reports():
    blocks = text_blocks(
        f"INTRODUCCIÓN:\n· {LONG}\n1. Informe de la Comisión Interamericana de Derechos Humanos "
        f"(CIDH)\n· {LONG}\n2.\tInforme de la Comisión Interamericana de Mujeres (CIM)\n· {LONG}\n"
        f"ANEXO\nInformes completos\n"
    )

    sections = segment(blocks)

    assert [(section.heading, section.level) for section in sections] == [
        ("INTRODUCCIÓN:", 1),
        ("1. Informe de la Comisión Interamericana de Derechos Humanos (CIDH)", 1),
        ("2. Informe de la Comisión Interamericana de Mujeres (CIM)", 1),
        ("ANEXO", 1),
    ]


def test_segment_groups_unnumbered_spanish_reports_and_their_parts():
    blocks = text_blocks(
        "Informe de la Comisión Interamericana de Mujeres (CIM)\nActividades realizadas\n"
        f"· {LONG}\nActividades previstas\n· {LONG}\nBuenas prácticas\n{LONG}\n"
        "Informe del Instituto Interamericano del Niño (IIN)\nActividades realizadas\n"
        f"· {LONG}\nNuevas propuestas\n· {LONG}\nReunión CAM-CIDH\n{LONG}"
    )

    assert tree(segment(blocks)) == [
        (
            "Informe de la Comisión Interamericana de Mujeres (CIM)",
            1,
            [
                ("Actividades realizadas", 2, []),
                ("Actividades previstas", 2, []),
                ("Buenas prácticas", 2, []),
            ],
        ),
        (
            "Informe del Instituto Interamericano del Niño (IIN)",
            1,
            [
                ("Actividades realizadas", 2, []),
                ("Nuevas propuestas", 2, [("Reunión CAM-CIDH", 3, [])]),
            ],
        ),
    ]


def test_segment_does_not_take_consecutive_numbered_lines_for_headings():
    # A calendar cell's agenda: short numbered lines one after the other.
    blocks = text_blocks(
        "VII. CALENDAR OF ACTIVITIES\n\tOCTOBER 20, 2016\n\t1. Election of vice chair\n"
        "2. Consideration of the 2016-2017 Work Plan\n3. Installation of the Working Group"
    )

    assert tree(segment(blocks)) == [("VII. CALENDAR OF ACTIVITIES", 1, [])]


def test_segment_does_not_take_a_number_continuing_paragraphs_for_a_heading():
    # "IV." numbered a heading long before; here "V." continues numbered paragraphs.
    blocks = text_blocks(
        f"IV. Activity reports\nA. Institute\n{LONG}\nI. {LONG}\nII. {LONG}\n"
        f"III. {LONG}\nIV. {LONG}\nV. Presentation to the cooperation agency\n{LONG}\n"
        f"B. Department\n{LONG}"
    )

    sections = segment(blocks)

    assert tree(sections) == [
        ("IV. Activity reports", 1, [("A. Institute", 2, []), ("B. Department", 2, [])])
    ]


def test_segment_does_not_take_items_between_two_list_numbers_for_headings():
    # Lettered themes inside operative paragraph 19, before paragraph 20.
    blocks = text_blocks(
        f"II. AG/RES. 2816 (XLIV-O/14), operative paragraphs 18 to 22\n18.\n{LONG}\n19.\n{LONG}\n"
        "A.\nMigrant integration in host countries\n•\nMedia campaigns against xenophobia\n"
        "B.\nInclusion of returning migrants\n•\nLabor market insertion programs\n"
        f"20.\n{LONG}\n"
    )

    assert tree(segment(blocks)) == [
        ("II. AG/RES. 2816 (XLIV-O/14), operative paragraphs 18 to 22", 1, [])
    ]


def test_segment_accepts_a_sentence_like_line_only_where_it_continues_a_heading_sequence():
    first = "I. AG/RES. 2738 (XLII-O/12), operative paragraphs 1 to 3:"
    second = "II. AG/RES. 2816 (XLIV-O/14), operative paragraphs 18 to 22."

    in_sequence = segment(text_blocks(f"{first}\n{LONG}\n{second}\n{LONG}"))
    alone = segment(text_blocks(f"{LONG}\n{second}\n{LONG}"))

    assert headings(in_sequence) == [first, second]
    assert headings(alone) == [""]


def test_segment_reads_i_after_h_as_a_letter_unless_ii_follows():
    letters = text_blocks(f"H. Office\n{LONG}\nI. Institute\n{LONG}\nJ. Department\n{LONG}")
    numerals = text_blocks(
        f"H. Other implementers\nI. Activities carried out\n{LONG}\nII. Activities planned\n{LONG}"
    )

    assert tree(segment(letters)) == [
        ("H. Office", 1, []),
        ("I. Institute", 1, []),
        ("J. Department", 1, []),
    ]
    assert tree(segment(numerals)) == [
        (
            "H. Other implementers",
            1,
            [("I. Activities carried out", 2, []), ("II. Activities planned", 2, [])],
        )
    ]


def test_segment_joins_a_label_alone_on_its_line_with_the_title_after_it():
    # As DOCX or HTML can give it (the text reader joins such a label to its line itself).
    blocks = [
        Block(0, "list_item", "", list_label="4."),
        Block(1, "paragraph", "MIGRANT CHILDREN"),
        Block(2, "list_item", LONG, list_label="•"),
        Block(3, "list_item", "", list_label="5."),
        Block(4, "paragraph", LONG),
    ]

    sections = segment(blocks)
    heading = find_headings(blocks)[0]

    assert headings(sections) == ["4. MIGRANT CHILDREN"]
    assert (heading.block, heading.extent, heading.family) == (0, 2, "arabic.")
    assert [block.index for block in sections[0].blocks] == [1, 2, 3, 4]


def test_segment_keeps_the_title_lines_as_the_preamble():
    blocks = text_blocks(
        "HIGH-LEVEL FORUM ON MIGRATION\nREPORT ON RESULTS\nINTRODUCTION\n"
        f"{LONG}\nRESULTS OF THE PANELS\nPANEL 1\nHUMAN RIGHTS OF MIGRANTS\n{LONG}\n"
        f"Recommendations\n- {LONG}\nPANEL 2\nLABOR MOBILITY\n{LONG}\nRecommendations:\n- {LONG}"
    )

    assert tree(segment(blocks)) == [
        ("", 0, []),
        ("INTRODUCTION", 1, []),
        (
            "RESULTS OF THE PANELS",
            1,
            [
                ("PANEL 1 HUMAN RIGHTS OF MIGRANTS", 2, [("Recommendations", 3, [])]),
                ("PANEL 2 LABOR MOBILITY", 2, [("Recommendations:", 3, [])]),
            ],
        ),
    ]


def test_segment_puts_a_recurring_capitals_label_under_each_numbered_item():
    blocks = text_blocks(
        f"{LONG}\nREGIONAL CONFERENCE RESULTS\n1. MIGRATION MANAGEMENT\n· {LONG}\n"
        f"SOME SPECIFIC EXAMPLES\n· {LONG}\n2. SMUGGLING OF PERSONS\n· {LONG}\n"
        f"SOME SPECIFIC EXAMPLES\n· {LONG}\nFINAL REMARKS\n{LONG}"
    )

    assert tree(segment(blocks)) == [
        ("", 0, []),
        (
            "REGIONAL CONFERENCE RESULTS",
            1,
            [
                ("1. MIGRATION MANAGEMENT", 2, [("SOME SPECIFIC EXAMPLES", 3, [])]),
                ("2. SMUGGLING OF PERSONS", 2, [("SOME SPECIFIC EXAMPLES", 3, [])]),
            ],
        ),
        ("FINAL REMARKS", 1, []),
    ]


def test_segment_lets_the_readers_levels_win():
    blocks = [
        Block(0, "heading", "Annual report", level=1),
        Block(1, "paragraph", LONG),
        Block(2, "heading", "1. Report by the IACHR", level=2),
        Block(3, "paragraph", "Activities carried out"),
        Block(4, "list_item", LONG, list_label="•"),
        Block(5, "heading", "Report by the CIM", level=2),
        Block(6, "paragraph", "Best practices", bold=True),
        Block(7, "paragraph", LONG),
        Block(8, "heading", "Annex", level=1),
    ]

    assert tree(segment(blocks)) == [
        (
            "Annual report",
            1,
            [
                ("1. Report by the IACHR", 2, [("Activities carried out", 3, [])]),
                ("Report by the CIM", 2, [("Best practices", 3, [])]),
            ],
        ),
        ("Annex", 1, []),
    ]


def test_segment_takes_short_bold_paragraphs_for_headings_but_not_bold_sentences():
    blocks = [
        Block(0, "paragraph", LONG),
        Block(1, "paragraph", "Regional coordination", bold=True),
        Block(2, "paragraph", LONG),
        Block(3, "paragraph", "All activities were completed on time.", bold=True),
    ]

    assert tree(segment(blocks)) == [("", 0, []), ("Regional coordination", 1, [])]


def test_segment_of_no_blocks_is_empty():
    assert segment([]) == []


def test_segment_without_headings_is_one_preamble():
    blocks = text_blocks(f"{LONG}\n· {LONG}")

    assert segment(blocks) == [Section("", 0, None, tuple(blocks))]


def test_segment_caps_the_depth_of_hostile_nesting():
    blocks = [Block(index, "heading", f"Level {index + 1}", level=index + 1) for index in range(40)]

    sections = segment(blocks)

    assert max(section.level for section in sections[0].walk()) == MAX_LEVEL
    assert len(sections[0].walk()) == 40
