"""Plain text as Word exports it: encodings, bullets, labels, table cells, field codes."""

import codecs
import re

import pytest

from followup.ingest.blocks import UnreadableFile
from followup.ingest.readers import read_bytes


def _refused(message: str):
    """Expect UnreadableFile with exactly this reason."""
    return pytest.raises(UnreadableFile, match=f"^{re.escape(message)}$")


def _blocks(text: str, encoding: str = "utf-8") -> list[tuple[str, str, str, str]]:
    document = read_bytes(text.encode(encoding), "export.txt")
    assert document.media_type == "text/plain"
    assert [block.index for block in document.blocks] == list(range(len(document.blocks)))
    return [(b.kind, b.list_label, b.text, b.style) for b in document.blocks]


def test_read_text_gives_one_paragraph_per_non_blank_line_with_normalized_spaces():
    assert _blocks(" First  line \n\n\n\tSecond\u00a0line  \r\nThird\u200b line\n") == [
        ("paragraph", "", "First line", ""),
        ("paragraph", "", "Second line", "indented"),
        ("paragraph", "", "Third line", ""),
    ]


@pytest.mark.parametrize("bullet", ["·", "•", "-", "–", "o", "\uf0b7", "*", "▪"])
def test_read_text_turns_a_leading_bullet_into_a_list_item(bullet):
    assert _blocks(f"{bullet} Workshops on labor rights\n") == [
        ("list_item", "•", "Workshops on labor rights", "")
    ]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("a. Coordinate", "a."),
        ("a) Coordinate", "a)"),
        ("1. Coordinate", "1."),
        ("(1) Coordinate", "(1)"),
        ("iv. Coordinate", "iv."),
        ("12) Coordinate", "12)"),
    ],
)
def test_read_text_keeps_an_enumeration_label_apart_from_the_text(line, label):
    assert _blocks(line) == [("list_item", label, "Coordinate", "")]


def test_read_text_leaves_section_numbers_and_decimals_in_the_text():
    assert _blocks("IV. PROGRAM ACTORS\nB) Specialized organizations\n1.5 million people\n") == [
        ("paragraph", "", "IV. PROGRAM ACTORS", ""),
        ("paragraph", "", "B) Specialized organizations", ""),
        ("paragraph", "", "1.5 million people", ""),
    ]


def test_read_text_joins_a_label_alone_on_its_line_to_the_text_it_numbers():
    text = "a.\nTo serve as the forum\n\n19.\nTo instruct the CAM\n"
    text += "A.\nMigrant integration\n•\nMedia campaigns\n"
    assert _blocks(text) == [
        ("list_item", "a.", "To serve as the forum", ""),
        ("list_item", "19.", "To instruct the CAM", ""),
        ("paragraph", "", "A. Migrant integration", ""),
        ("list_item", "•", "Media campaigns", ""),
    ]


def test_read_text_drops_a_repeated_automatic_number():
    assert _blocks("\t1. 1. Election of vice chair\n") == [
        ("list_item", "1.", "Election of vice chair", "indented")
    ]


def test_read_text_marks_lines_that_began_with_a_tab_as_indented():
    assert _blocks("\tDATE\n\tMANDATE\nDate to be determined\n") == [
        ("paragraph", "", "DATE", "indented"),
        ("paragraph", "", "MANDATE", "indented"),
        ("paragraph", "", "Date to be determined", ""),
    ]


def test_read_text_strips_word_field_codes_and_keeps_their_results():
    text = (
        'See \ufffd HYPERLINK "http://example.org/a.pdf" \\o "blocked::http://example.org/a.pdf" '
        "\ufffdhttp://example.org/a.pdf\ufffd\n"
        "Introduction PAGEREF _Toc123456 \\h 3\n"
        'TOC \\o "1-3" \\h \\z \\u Contents\n'
    )
    assert _blocks(text) == [
        ("paragraph", "", "See http://example.org/a.pdf", ""),
        ("paragraph", "", "Introduction 3", ""),
        ("paragraph", "", "Contents", ""),
    ]


def test_read_text_keeps_field_keywords_used_as_words():
    assert _blocks("DATE\nThe TOC of the report\n") == [
        ("paragraph", "", "DATE", ""),
        ("paragraph", "", "The TOC of the report", ""),
    ]


def test_read_text_marks_exported_footnotes():
    assert _blocks("Body text.\n\ufffd.\tNoted here are only those since 2005.\n") == [
        ("paragraph", "", "Body text.", ""),
        ("paragraph", "", "Noted here are only those since 2005.", "footnote"),
    ]


def test_read_text_rejoins_a_paragraph_broken_at_a_footnote_mark():
    text = "· Work on the fight against trafficking\n. At its meetings, practices were shared.\n"
    text += "with participation by the Network\non specific points.\n\n.\n"
    assert _blocks(text) == [
        (
            "list_item",
            "•",
            "Work on the fight against trafficking. At its meetings, practices were shared.",
            "",
        ),
        ("paragraph", "", "with participation by the Network on specific points.", ""),
    ]


def test_read_text_keeps_a_line_starting_with_punctuation_when_nothing_precedes_it():
    assert _blocks("* * *\n... and so on\n") == [("paragraph", "", "... and so on", "")]


def test_read_text_does_not_take_a_field_at_the_start_of_a_line_for_a_footnote():
    assert _blocks('\ufffd HYPERLINK "http://example.org" \ufffdexample.org\ufffd\n') == [
        ("paragraph", "", "example.org", "")
    ]


def test_read_text_does_not_join_a_lowercase_line_after_a_finished_sentence():
    assert _blocks("A finished sentence.\nlowercase start\n") == [
        ("paragraph", "", "A finished sentence.", ""),
        ("paragraph", "", "lowercase start", ""),
    ]


def test_read_text_drops_lines_without_letters_or_digits():
    assert _blocks("Title\n* * *\n____\nBody\n") == [
        ("paragraph", "", "Title", ""),
        ("paragraph", "", "Body", ""),
    ]


@pytest.mark.parametrize(
    "encoded",
    [
        "Título: niñas y niños migrantes".encode(),
        codecs.BOM_UTF8 + "Título: niñas y niños migrantes".encode(),
        "Título: niñas y niños migrantes".encode("cp1252"),
        codecs.BOM_UTF16_LE + "Título: niñas y niños migrantes".encode("utf-16-le"),
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1252", "utf-16 with BOM"],
)
def test_read_text_decodes_utf8_with_or_without_bom_else_windows_1252(encoded):
    document = read_bytes(encoded, "nota.txt")
    assert [block.text for block in document.blocks] == ["Título: niñas y niños migrantes"]


def test_read_text_reads_windows_1252_punctuation():
    document = read_bytes("“Quoted” – 2019–2020’s".encode("cp1252"), "a.txt")
    assert document.blocks[0].text == "“Quoted” – 2019–2020’s"


@pytest.mark.parametrize(
    "data",
    [b"text\x00with a NUL", bytes(range(1, 9)) * 50 + b"some letters"],
    ids=["NUL byte", "control characters"],
)
def test_read_text_refuses_binary_content(data):
    with _refused("not a text file"):
        read_bytes(data, "binary.txt")


def test_read_text_refuses_a_file_of_blank_lines():
    with _refused("the document has no text"):
        read_bytes(b"\n  \n\t\n", "blank.txt")
