import pytest

from followup.program.symbols import SymbolError, find_symbols, parse_symbol, roman_to_int


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("AG/RES. 2883 (XLVI-O/16)", "AG/RES. 2883 (XLVI-O/16)"),
        # "OR" (ordinaria) is the same regular session as "O".
        ("AG/RES. 2816 (XLIV-OR/14)", "AG/RES. 2816 (XLIV-O/14)"),
        ("AG/RES. 2816 (XLIV-O/14)", "AG/RES. 2816 (XLIV-O/14)"),
        ("ag/res 2738 (xlii-o/12)", "AG/RES. 2738 (XLII-O/12)"),
        ("AG / RES.2141(XXXV-O/05)", "AG/RES. 2141 (XXXV-O/05)"),
        ("AG/RES. No. 2289 (XXXVII-O/07)", "AG/RES. 2289 (XXXVII-O/07)"),
        ("AG/RES.\u00a02883 (XLVI\u2013O/16)", "AG/RES. 2883 (XLVI-O/16)"),
        ("AG/RES. 2883 (XLVI-O/2016)", "AG/RES. 2883 (XLVI-O/16)"),
        ("  AG/DEC. 88 (XLVI-O/16), ", "AG/DEC. 88 (XLVI-O/16)"),
        ("CIM/RES. 252 (XXXIV-O/08)", "CIM/RES. 252 (XXXIV-O/08)"),
        ("AG/RES. 1 (XLIX-E/15)", "AG/RES. 1 (XLIX-E/15)"),
        ("CP/RES. 1078 (2106/17)", "CP/RES. 1078 (2106/17)"),
    ],
)
def test_parse_symbol_accepts_variants_in_canonical_form(text, canonical):
    assert parse_symbol(text).canonical == canonical


def test_parse_symbol_gives_parts_and_slug():
    symbol = parse_symbol("AG/DEC. 88 (XLVI-O/16)")

    assert (symbol.body, symbol.kind, symbol.number, symbol.session, symbol.year) == (
        "AG",
        "DEC",
        88,
        "XLVI-O/16",
        2016,
    )
    assert symbol.is_declaration
    assert symbol.slug == "ag-dec-88-xlvi-o-16"


def test_variants_of_one_mandate_are_equal():
    assert parse_symbol("AG/RES. 2816 (XLIV-OR/14)") == parse_symbol("AG/RES. 2816 (XLIV-O/14)")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "A mandate symbol is required, as in AG/RES. 2883 (XLVI-O/16)."),
        ("   ", "A mandate symbol is required, as in AG/RES. 2883 (XLVI-O/16)."),
        (
            "Resolution 2883",
            "“Resolution 2883” does not start with a body and kind, as in AG/RES. or AG/DEC.",
        ),
        (
            "XX/RES. 1 (XLVI-O/16)",
            "“XX” is not a body whose mandates the Program cites (AG, CP, CIDI, CIM).",
        ),
        ("AG/DOC. 5 (XLVI-O/16)", "“DOC” is not a kind of mandate; expected RES. or DEC."),
        ("AG/RES. (XLVI-O/16)", "The number of the RES is missing."),
        ("AG/RES. 0 (XLVI-O/16)", "A mandate number cannot be zero."),
        ("AG/RES. 2883", "The session in parentheses is missing or malformed, as in (XLVI-O/16)."),
        (
            "AG/RES. 2883 (XLVI-O)",
            "The session in parentheses is missing or malformed, as in (XLVI-O/16).",
        ),
        ("AG/RES. 2883 (XLVIV-O/16)", "“XLVIV” is not a Roman numeral."),
        (
            "AG/RES. 2883 (XLVI-X/16)",
            "The session type must be O (regular) or E (special); got “X”.",
        ),
        (
            "AG/RES. 2883 (XLVI-O/17)",
            "The General Assembly's regular session XLVI was held in 2016, not 2017.",
        ),
        ("AG/RES. 2883 (XLVI-O/16) and more", "Unexpected text after the session: “and more”."),
    ],
)
def test_parse_symbol_refuses_malformed_input_with_reason(text, message):
    with pytest.raises(SymbolError) as error:
        parse_symbol(text)

    assert str(error.value) == message


@pytest.mark.parametrize(("numeral", "value"), [("I", 1), ("IV", 4), ("XLIV", 44), ("XLVI", 46)])
def test_roman_to_int_reads_numerals(numeral, value):
    assert roman_to_int(numeral) == value


def test_find_symbols_in_running_text_skips_malformed_and_repeats():
    text = (
        "As decided in AG/RES. 2816 (XLIV-OR/14), and again in AG/RES. 2816 (XLIV-O/14) and "
        "AG/DEC. 88 (XLVI-O/16), but not AG/RES. 12 (XLVI-O/99)."
    )

    assert [s.canonical for s in find_symbols(text)] == [
        "AG/RES. 2816 (XLIV-O/14)",
        "AG/DEC. 88 (XLVI-O/16)",
    ]


@pytest.mark.corpus
def test_find_symbols_reads_every_mandate_of_the_2016_work_plan(corpus):
    text = (corpus / "004_19bb457573eb20b7.txt").read_text(encoding="utf-8")

    assert {s.canonical for s in find_symbols(text)} == {
        "AG/RES. 2738 (XLII-O/12)",
        "AG/RES. 2816 (XLIV-O/14)",
        "AG/RES. 2881 (XLVI-O/16)",
        "AG/RES. 2883 (XLVI-O/16)",
        "AG/DEC. 88 (XLVI-O/16)",
    }
