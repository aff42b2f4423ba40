import pytest

from followup.ingest.blocks import Block
from followup.ingest.classify import document_kind, document_period, document_title
from followup.ingest.segment import segment
from followup.ingest.tests.test_segment import LONG, corpus_blocks, text_blocks

FORUM = "HIGH-LEVEL FORUM ON THE FLOWS OF IRREGULAR MIGRANTS IN THE AMERICAS"
ANNUAL_REPORT = (
    "ANNUAL REPORT ON ACTIVITIES IN IMPLEMENTATION OF THE INTER-AMERICAN PROGRAM FOR THE "
    "PROMOTION AND PROTECTION OF THE HUMAN RIGHTS OF MIGRANTS, INCLUDING MIGRANT WORKERS AND "
    "THEIR FAMILIES"
)


def kind_of(text: str) -> str:
    blocks = text_blocks(text)
    return document_kind(blocks, segment(blocks))


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("number", "kind", "title", "period"),
    [
        ("001", "activity_report", "", ("2019", "2020")),
        ("002", "activity_report", ANNUAL_REPORT, ("2009", "2009")),
        ("003", "recommendations", FORUM, None),
        ("004", "work_plan", "", ("2016", "2017")),
    ],
)
def test_classify_tells_the_corpus_documents_kind_title_and_period(
    corpus, number, kind, title, period
):
    blocks = corpus_blocks(corpus[number])

    assert document_kind(blocks, segment(blocks)) == kind
    assert document_title(blocks) == title
    assert document_period(blocks) == period


# ---------------------------------------------------------------- kind


def test_document_kind_reads_a_work_plan_from_its_title():
    assert kind_of(f"PLAN DE TRABAJO DEL CAM 2019-2020\nINTRODUCCIÓN\n{LONG}") == "work_plan"


def test_document_kind_reads_a_work_plan_naming_itself():
    text = f"INTRODUCTION:\nThis Work Plan of the Committee rests on its mandates.\n{LONG}"

    assert kind_of(text) == "work_plan"


def test_document_kind_reads_a_work_plan_from_its_calendar():
    text = f"{LONG}\nVII. CALENDAR OF ACTIVITIES\n\tMAY 2017\n\tMeeting of the Working Group"

    assert kind_of(text) == "work_plan"


def test_document_kind_reads_an_activity_report_from_its_actor_sections():
    text = (
        f"1. Informe de la Comisión Interamericana de Mujeres (CIM)\n{LONG}\n"
        f"2. Informe del Instituto Interamericano del Niño (IIN)\nActividades realizadas\n· {LONG}"
    )

    assert kind_of(text) == "activity_report"


def test_document_kind_reads_recommendations_from_its_headings():
    text = (
        f"{LONG}\nPANEL 1 HUMAN RIGHTS\n{LONG}\nRecomendaciones\n- {LONG}\n"
        f"PANEL 2 LABOR MOBILITY\n{LONG}\nRecomendaciones\n- {LONG}"
    )

    assert kind_of(text) == "recommendations"


def test_document_kind_is_other_when_nothing_tells():
    assert kind_of(f"Minutes of the session\n{LONG}\n1. Opening\n{LONG}") == "other"
    assert document_kind([], []) == "other"


def test_document_kind_is_not_swayed_by_a_few_mentions_in_the_text():
    mentions = "\n".join(["The Secretariat recalled its work plan."] * 12)
    text = f"1. Report by the Department of Public Security\n{mentions}\n{LONG}"

    assert kind_of(text) == "activity_report"


# ---------------------------------------------------------------- title


def test_document_title_joins_a_title_split_over_lines():
    blocks = text_blocks(
        "ANNUAL REPORT ON THE ACTIVITIES OF THE\nCOMMITTEE ON MIGRATION ISSUES\n"
        f"I. Introduction\n{LONG}"
    )

    assert document_title(blocks) == (
        "ANNUAL REPORT ON THE ACTIVITIES OF THE COMMITTEE ON MIGRATION ISSUES"
    )


def test_document_title_drops_a_line_the_next_repeats_and_keeps_the_first_title():
    blocks = text_blocks(
        f"HIGH-LEVEL FORUM ON THE\n{FORUM}\nREPORT ON RESULTS FOR THE PREPARATORY\n"
        f"PROCESS FOR THE GLOBAL COMPACT\nINTRODUCTION\n{LONG}"
    )

    assert document_title(blocks) == FORUM


def test_document_title_skips_letterhead_symbols_and_dates():
    blocks = text_blocks(
        "ORGANIZATION OF AMERICAN STATES\nOEA/Ser.W\nCIDI/CAM/doc.12/16\nOctober 20, 2016\n"
        f"Original: Spanish\nWork Plan of the Committee on Migration Issues\nINTRODUCTION\n{LONG}"
    )

    assert document_title(blocks) == "Work Plan of the Committee on Migration Issues"


def test_document_title_takes_a_first_heading_the_reader_marked():
    blocks = [
        Block(0, "heading", "Informe anual 2020", level=1, style="Title"),
        Block(1, "paragraph", LONG),
    ]

    assert document_title(blocks) == "Informe anual 2020"


def test_document_title_is_empty_without_title_lines():
    assert document_title(text_blocks(f"INTRODUCTION:\n{LONG}")) == ""
    assert document_title(text_blocks(f"{LONG}\nI. Background\n{LONG}")) == ""
    assert document_title([]) == ""


# ---------------------------------------------------------------- period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (f"CAM REPORT 2019–2020\nINTRODUCTION\n{LONG}", ("2019", "2020")),
        (f"ANNUAL REPORT\n2009 ANNUAL MEETING\nI. Introduction\n{LONG}", ("2009", "2009")),
        (f"INFORME DEL CAM\nPERÍODO 2019-20\nI. Introducción\n{LONG}", ("2019", "2020")),
        (f"{LONG}\nEste informe cubre el período 2019-2020 del Comité.", ("2019", "2020")),
        (f"{LONG}\nThe CAM adopted its 2016-2017 Work Plan in October.", ("2016", "2017")),
        # The range tied to the work plan twice outweighs one quoted from a resolution.
        (
            "1. Focus the work during the 2014-2015 period.\n"
            "2. Focus the work during the 2016-2017 period.\n"
            "3. Consider the 2016-2017 Work Plan.",
            ("2016", "2017"),
        ),
    ],
)
def test_document_period_finds_the_years_covered(text, period):
    assert document_period(text_blocks(text)) == period


@pytest.mark.parametrize(
    "text",
    [
        f"{LONG}\nThe country faced a crisis in 2015-2016.",  # no word ties it to a period
        f"{LONG}\nThe strategic plan covers a period of five years (2018–2023).",
        f"{LONG}\nThe resolution AG/RES. 2883 (XLVI-O/16) was adopted.",
    ],
)
def test_document_period_is_none_without_a_range_tied_to_a_period(text):
    assert document_period(text_blocks(text)) is None


def test_a_title_given_as_a_heading_gives_the_period():
    blocks = [
        Block(0, "heading", "Annual report 2019-2020", level=1),
        Block(1, "heading", "1. Report by the Inter-American Children's Institute (IIN)", level=2),
        Block(2, "paragraph", "The IIN trained officials in 2019."),
    ]

    assert document_period(blocks) == ("2019", "2020")


def test_an_empty_document_has_no_period():
    assert document_period([]) is None
