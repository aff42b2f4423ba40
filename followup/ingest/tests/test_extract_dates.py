import pytest

from followup.ingest.extract.dates import find_dates, parse_calendar_date
from followup.ingest.extract.mandates import find_mandates


def found(text, language):
    return [(m.start, m.end, m.text) for m in find_dates(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The visit took place on May 19, 2019.", [("2019-05-19", None, "May 19, 2019")]),
        ("held on 19 May 2019 in Lima", [("2019-05-19", None, "19 May 2019")]),
        ("on the 3rd of March, 2020", [("2020-03-03", None, "3rd of March, 2020")]),
        ("OCTOBER 20, 2016", [("2016-10-20", None, "OCTOBER 20, 2016")]),
        ("published in October 2016.", [("2016-10", None, "October 2016")]),
        ("in May of 2017", [("2017-05", None, "May of 2017")]),
        ("on Sept. 5, 2019", [("2019-09-05", None, "Sept. 5, 2019")]),
        ("from 19 to 24 May 2019", [("2019-05-19", "2019-05-24", "19 to 24 May 2019")]),
        ("May 19–24, 2019", [("2019-05-19", "2019-05-24", "May 19–24, 2019")]),
        ("on June 3 to 5, 2018", [("2018-06-03", "2018-06-05", "June 3 to 5, 2018")]),
        ("on April 8 and 9, 2010", [("2010-04-08", "2010-04-09", "April 8 and 9, 2010")]),
        ("May 30 to June 2, 2019", [("2019-05-30", "2019-06-02", "May 30 to June 2, 2019")]),
        ("30 May to 2 June 2019", [("2019-05-30", "2019-06-02", "30 May to 2 June 2019")]),
        ("the January-June 2012 period", [("2012-01", "2012-06", "January-June 2012")]),
        ("(April 2007-October 2010)", [("2007-04", "2010-10", "April 2007-October 2010")]),
        ("during 2015-2016", [("2015", "2016", "2015-2016")]),
        ("the 2015–2016 period", [("2015", "2016", "2015–2016")]),
        ("the 2016-17 biennium", [("2016", "2017", "2016-17")]),
        ("Between 2011 and 2013, the project", [("2011", "2013", "2011 and 2013")]),
        ("from 2004 to 2006", [("2004", "2006", "2004 to 2006")]),
        ("in 2008", [("2008", None, "2008")]),
        ("since 2006", [("2006", None, "2006")]),
        ("In mid-2007, the office", [("2007", None, "2007")]),
        ("except for 2009 and 2010", [("2009", None, "2009"), ("2010", None, "2010")]),
        ("a declaration (2014)", [("2014", None, "2014")]),
        ("in the year 1999", [("1999", None, "1999")]),
        ("2019/05/19", [("2019-05-19", None, "2019/05/19")]),
        ("2019-05-19", [("2019-05-19", None, "2019-05-19")]),
        ("19/05/2019", [("2019-05-19", None, "19/05/2019")]),
        ("a treaty signed on June 1, 1946", [("1946-06-01", None, "June 1, 1946")]),
    ],
)
def test_find_dates_reads_english(text, expected):
    assert found(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("el 19 de mayo de 2019", [("2019-05-19", None, "19 de mayo de 2019")]),
        ("el 1º de julio del 2018", [("2018-07-01", None, "1º de julio del 2018")]),
        ("19 mayo 2019", [("2019-05-19", None, "19 mayo 2019")]),
        ("en octubre de 2016", [("2016-10", None, "octubre de 2016")]),
        ("OCTUBRE DE 2016", [("2016-10", None, "OCTUBRE DE 2016")]),
        ("Septiembre 2017", [("2017-09", None, "Septiembre 2017")]),
        ("setiembre de 2017", [("2017-09", None, "setiembre de 2017")]),
        (
            "del 19 al 24 de mayo de 2019",
            [("2019-05-19", "2019-05-24", "19 al 24 de mayo de 2019")],
        ),
        (
            "entre el 3 y el 5 de junio de 2018",
            [("2018-06-03", "2018-06-05", "3 y el 5 de junio de 2018")],
        ),
        (
            "del 30 de mayo al 2 de junio de 2019",
            [("2019-05-30", "2019-06-02", "30 de mayo al 2 de junio de 2019")],
        ),
        ("de enero a junio de 2012", [("2012-01", "2012-06", "enero a junio de 2012")]),
        ("durante 2015-2016", [("2015", "2016", "2015-2016")]),
        ("entre 2011 y 2013", [("2011", "2013", "2011 y 2013")]),
        ("en 2017", [("2017", None, "2017")]),
        ("desde 2006", [("2006", None, "2006")]),
        ("en el año 2017", [("2017", None, "2017")]),
        ("19/05/2019", [("2019-05-19", None, "19/05/2019")]),
    ],
)
def test_find_dates_reads_spanish(text, expected):
    assert found(text, "es") == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("2,000 people were assisted", "en"),
        ("more than 2000 people", "en"),
        ("más de 2000 personas", "es"),
        ("2.000 personas", "es"),
        ("AG/RES. 2883 (XLVI-O/16)", "en"),
        ("AG/DEC. 88 (XLVI-O/16)", "en"),
        ("CP/RES. 1078 (2106/17)", "en"),
        ("resolution AG/RES. 2041 of the Assembly", "en"),
        ("resolution 4/19 of the Commission", "en"),
        ("document CIDI/doc.97/14", "en"),
        ("the 2030 Agenda", "en"),
        ("part of the 2030 agenda", "en"),
        ("the 1963 Vienna Convention", "en"),
        ("Article 2019 of the code", "en"),
        ("in 1900", "en"),  # plain years start at 1950
        ("in 2150", "en"),
        ("February 30, 2019", "en"),
        ("31/02/2019", "en"),
        ("May 2019", "es"),  # English month names are English
        ("mayo de 2019", "en"),
        ("they may 2019", "en"),  # "may" is a verb; only "May" is a month
        ("Mar del Plata", "en"),
        ("on December 22 to 25", "en"),  # no year: no date to give
        ("see http://example.org/pdfs/2020/report.docx", "en"),
        ("", "en"),
    ],
)
def test_find_dates_skips_numbers_that_are_not_dates(text, language):
    assert find_dates(text, language) == []


def test_find_dates_reads_both_languages_when_the_language_is_unknown():
    text = "May 19, 2019 and 24 de mayo de 2019"

    assert [m.start for m in find_dates(text, "")] == ["2019-05-19", "2019-05-24"]


def test_find_dates_gives_where_each_date_is():
    text = "Held in October 2016 and again from May 19–24, 2019."

    mentions = find_dates(text, "en")

    assert [m.span for m in mentions] == [(8, 20), (36, 51)]
    assert all(text[m.span[0] : m.span[1]] == m.text for m in mentions)


def test_find_dates_skips_session_years_inside_mandate_symbols():
    text = "Under AG/RES. 2883 (XLVI-O/16), adopted in 2016."

    assert found(text, "en") == [("2016", None, "2016")]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("OCTOBER 20, 2016", ("2016-10-20", "OCTOBER 20, 2016")),
        ("DECEMBER 2016", ("2016-12", "DECEMBER 2016")),
        ("  APRIL 2017 ", ("2017-04", "APRIL 2017")),
        (
            "OCTOBER 2016\n\nDate to be determined",
            ("2016-10", "OCTOBER 2016 Date to be determined"),
        ),
        ("20 DE OCTUBRE DE 2016", ("2016-10-20", "20 DE OCTUBRE DE 2016")),
        ("MAYO DE 2017", ("2017-05", "MAYO DE 2017")),
        ("MAY 19-24, 2019", ("2019-05-19", "MAY 19-24, 2019")),
        ("2017", ("2017", "2017")),
        ("Date to be determined", (None, "Date to be determined")),
        ("Fecha por determinar", (None, "Fecha por determinar")),
        ("TBD", (None, "TBD")),
        ("", (None, "")),
        ("Second semester", (None, "Second semester")),
    ],
)
def test_parse_calendar_date_reads_a_calendar_cell(cell, expected):
    assert parse_calendar_date(cell) == expected


def corpus_dates(path, language="en"):
    return [
        (mention, line)
        for line in path.read_text(encoding="utf-8").splitlines()
        for mention in find_dates(line, language)
    ]


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("number", "known"),
    [
        (
            "001",
            {
                ("2019", "2020"),
                ("2010", "2014"),
                ("2014", "2018"),
                ("2019-05-19", "2019-05-24"),
                ("2019-09-16", "2019-09-17"),
                ("2019-12-07", None),
                ("2019-03-18", None),
                ("2019-11-04", None),
                ("2020-01", None),
                ("2016-10", None),
            },
        ),
        (
            "002",
            {
                ("2005-06-07", None),
                ("2008-11-12", None),
                ("2009-02-24", "2009-02-25"),
                ("2008-06-16", "2008-06-18"),
                ("2008-01", "2008-12"),
                ("2008-03", "2011-09"),
                ("2008", "2009"),
                ("1994", None),
                ("1946-06-19", "1946-06-22"),
            },
        ),
        ("003", {("2016-05", None), ("2015", "2016"), ("2008", "2016"), ("2010", None)}),
        (
            "004",
            {
                ("2016-10-20", None),
                ("2016-11-03", None),
                ("2016-12", None),
                ("2017-05", None),
                ("2014", "2015"),
                ("2016", "2017"),
            },
        ),
    ],
)
def test_find_dates_reads_known_dates_of_the_corpus(corpus, number, known):
    found_dates = {(m.start, m.end) for m, _ in corpus_dates(corpus[number])}

    assert known <= found_dates


@pytest.mark.corpus
@pytest.mark.parametrize("number", ["001", "002", "003", "004"])
def test_find_dates_takes_nothing_from_mandate_symbols_in_the_corpus(corpus, number):
    for mention, line in corpus_dates(corpus[number]):
        for symbol in find_mandates(line):
            first, last = symbol.span
            assert not (first < mention.span[1] and mention.span[0] < last), mention


@pytest.mark.corpus
def test_find_dates_reads_the_work_plan_without_false_years(corpus):
    starts = [m.start for m, _ in corpus_dates(corpus["004"])]

    # The plan names "the 2030 development agenda" and the 1963 Vienna Convention: not dates.
    assert "2030" not in starts
    assert "1963" not in starts
    assert starts.count("2016-10-20") == 1
