import pytest

from followup.ingest.extract.mandates import find_mandates, mandate_spans
from followup.program.symbols import find_symbols


def test_find_mandates_gives_symbol_kind_and_span():
    text = "Under AG/RES. 2883 (XLVI-O/16) and AG/DEC. 88 (XLVI-O/16), the CAM met."

    mentions = find_mandates(text)

    assert [(m.symbol, m.kind, m.text, m.span) for m in mentions] == [
        ("AG/RES. 2883 (XLVI-O/16)", "resolution", "AG/RES. 2883 (XLVI-O/16)", (6, 30)),
        ("AG/DEC. 88 (XLVI-O/16)", "declaration", "AG/DEC. 88 (XLVI-O/16)", (35, 57)),
    ]
    assert [m.mandate.number for m in mentions] == [2883, 88]


@pytest.mark.parametrize(
    ("text", "symbol", "written"),
    [
        ("AG/RES. 2816 (XLIV-OR/14)", "AG/RES. 2816 (XLIV-O/14)", "AG/RES. 2816 (XLIV-OR/14)"),
        (
            "[AG/RES. 2289 (XXXVII-O/07)]",
            "AG/RES. 2289 (XXXVII-O/07)",
            "AG/RES. 2289 (XXXVII-O/07)",
        ),
        ("ag/res 2738 (xlii-o/12)", "AG/RES. 2738 (XLII-O/12)", "ag/res 2738 (xlii-o/12)"),
        (
            "AG/RES. No. 2289 (XXXVII-O/07)",
            "AG/RES. 2289 (XXXVII-O/07)",
            "AG/RES. No. 2289 (XXXVII-O/07)",
        ),
        (
            "la resolución AG/RES. 2883 (XLVI-O/16) de 2016",
            "AG/RES. 2883 (XLVI-O/16)",
            "AG/RES. 2883 (XLVI-O/16)",
        ),
        ("CP/RES. 1078 (2106/17)", "CP/RES. 1078 (2106/17)", "CP/RES. 1078 (2106/17)"),
        ("CIM/RES. 252 (XXXIV-O/08)", "CIM/RES. 252 (XXXIV-O/08)", "CIM/RES. 252 (XXXIV-O/08)"),
    ],
)
def test_find_mandates_reads_variants_in_canonical_form(text, symbol, written):
    (mention,) = find_mandates(text)

    assert (mention.symbol, mention.text) == (symbol, written)
    assert text[mention.span[0] : mention.span[1]] == written


def test_find_mandates_keeps_repeats_as_places_cited():
    text = "AG/RES. 2883 (XLVI-O/16) … AG/RES. 2883 (XLVI-O/16)"

    mentions = find_mandates(text)

    assert [m.span for m in mentions] == [(0, 24), (27, 51)]
    # find_symbols, for its part, still lists each symbol once.
    assert len(find_symbols(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "resolution AG/RES. 2141",  # no session: not a symbol
        "resolution RES. 252 (XXXIV-O/08)",  # no body
        "AG/RES. 12 (XLVI-O/99)",  # session XLVI was held in 2016
        "AG/XYZ. 12 (XLVI-O/16)",
        "document CIDI/CAM/doc.14/14 rev. 1",
        "",
    ],
)
def test_find_mandates_skips_what_is_no_symbol(text):
    assert find_mandates(text) == []
    assert mandate_spans(text) == []


def test_mandate_spans_are_the_spans_of_the_mentions():
    text = "See AG/RES. 2881 (XLVI-O/16), operative paragraphs 33 to 37."

    assert mandate_spans(text) == [m.span for m in find_mandates(text)] == [(4, 28)]


CORPUS_MANDATES = {
    "001": {("AG/RES. 2883 (XLVI-O/16)", "resolution")},
    "002": {
        ("AG/RES. 2289 (XXXVII-O/07)", "resolution"),
        ("AG/RES. 2141 (XXXV-O/05)", "resolution"),
        ("AG/DEC. 57 (XXXVIII-O/08)", "declaration"),
    },
    "003": set(),
    "004": {
        ("AG/RES. 2738 (XLII-O/12)", "resolution"),
        ("AG/RES. 2816 (XLIV-O/14)", "resolution"),
        ("AG/RES. 2881 (XLVI-O/16)", "resolution"),
        ("AG/RES. 2883 (XLVI-O/16)", "resolution"),
        ("AG/DEC. 88 (XLVI-O/16)", "declaration"),
    },
}


@pytest.mark.corpus
@pytest.mark.parametrize("number", sorted(CORPUS_MANDATES))
def test_find_mandates_reads_every_symbol_of_each_corpus_file(corpus, number):
    lines = corpus[number].read_text(encoding="utf-8").splitlines()

    found = {(m.symbol, m.kind) for line in lines for m in find_mandates(line)}

    assert found == CORPUS_MANDATES[number]


@pytest.mark.corpus
def test_find_mandates_counts_every_citation_in_the_work_plan(corpus):
    text = corpus["004"].read_text(encoding="utf-8")

    mentions = find_mandates(text)

    assert len(mentions) == 15
    assert sum(m.symbol == "AG/RES. 2883 (XLVI-O/16)" for m in mentions) == 7
    assert {m.text for m in mentions if m.mandate.number == 2816} == {
        "AG/RES. 2816 (XLIV-OR/14)",
        "AG/RES. 2816 (XLIV-O/14)",
    }
