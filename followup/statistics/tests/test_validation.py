import io

import pytest
from django.utils import timezone

from followup.statistics.services import ColumnMapping, Figure, RowError
from followup.statistics.services.reading import UNCOMPUTED, Table, open_table
from followup.statistics.services.validation import read_figures

INDICATORS = {"MIG_STOCK": 1, "REMIT": 2}
LONG = ColumnMapping(
    indicator="indicator",
    area="country",
    year="year",
    breakdown="breakdown",
    value="value",
    note="note",
    source="source",
)
HEADER = "indicator,country,year,breakdown,value,note,source\n"


def checked(text, mapping=LONG, header=HEADER):
    data = (header + text).encode()
    with open_table(io.BytesIO(data), "f.csv", decimal_comma=mapping.decimal_comma) as table:
        return list(read_figures(table, mapping, INDICATORS))


def figures(text, mapping=LONG, header=HEADER):
    rows = checked(text, mapping, header)
    assert [errors for _number, _figures, errors in rows] == [[] for _row in rows]
    return [Figure.from_row(figure) for _number, found, _errors in rows for figure in found]


def errors(text, mapping=LONG, header=HEADER):
    return [error for _number, _figures, found in checked(text, mapping, header) for error in found]


def messages(text, mapping=LONG, header=HEADER):
    return [error.message for error in errors(text, mapping, header)]


# Valid rows.


def test_valid_row_becomes_a_figure_in_canonical_form():
    assert figures('mig_stock, mex ,2019,Sex: Female,"1,234.5",Estimate,INEGI\n') == [
        Figure(
            row=2,
            indicator_id=1,
            area="MEX",
            year=2019,
            breakdown="sex:female",
            value=1234.5,
            note="Estimate",
            source="INEGI",
        )
    ]


def test_total_breakdown_and_region_codes_are_accepted():
    found = figures("REMIT,XAM,2020,Total,-12.5e3,,\nREMIT,CAN,2020,,1 234,,\n")

    assert [(f.area, f.breakdown, f.value) for f in found] == [
        ("XAM", "", -12500.0),
        ("CAN", "", 1234.0),
    ]


def test_decimal_comma_values():
    mapping = ColumnMapping(
        indicator_code="MIG_STOCK", area="country", year="year", value="value", decimal_comma=True
    )

    found = figures('MEX;2019;"1.234,5"\nCAN;2019;0,25\n', mapping, "country;year;value\n")

    assert [(f.indicator_id, f.value) for f in found] == [(1, 1234.5), (1, 0.25)]


def test_rows_without_a_source_take_the_default_source():
    mapping = ColumnMapping(
        indicator_code="MIG_STOCK",
        area="country",
        year="year",
        value="value",
        source="source",
        default_source="UN DESA",
    )

    found = figures("MEX,2019,1,\nCAN,2019,2,StatCan\n", mapping, "country,year,value,source\n")

    assert [f.source for f in found] == ["UN DESA", "StatCan"]


def test_wide_layout_gives_a_figure_per_year_column_and_skips_empty_cells():
    mapping = ColumnMapping(indicator="Indicator Code", area="Country Code")
    header = "Country Name,Country Code,Indicator Code,2018,2019,2020\n"

    found = figures("Mexico,MEX,MIG_STOCK,10,,30\nCanada,CAN,REMIT,,,\n", mapping, header)

    assert [(f.row, f.area, f.year, f.value) for f in found] == [
        (2, "MEX", 2018, 10.0),
        (2, "MEX", 2020, 30.0),
    ]


# Each bad case, with its message.


def test_unknown_country():
    assert errors("MIG_STOCK,XYZ,2019,,1,,\n") == [
        RowError(
            row=2,
            column="country",
            value="XYZ",
            message="Row 2, column “country”: “XYZ” is neither an ISO 3166-1 alpha-3 country "
            "code (such as MEX or CAN) nor a region code (XAM, XLC, XWD).",
        )
    ]


def test_missing_country():
    assert messages("MIG_STOCK,,2019,,1,,\n") == [
        "Row 2, column “country”: There is no country or region code."
    ]


def test_unknown_indicator():
    assert errors("MIG_FLOW,MEX,2019,,1,,\n") == [
        RowError(
            row=2,
            column="indicator",
            value="MIG_FLOW",
            message="Row 2, column “indicator”: “MIG_FLOW” is not an indicator code; define "
            "the indicator first or correct the code.",
        )
    ]


def test_missing_indicator():
    assert messages(",MEX,2019,,1,,\n") == [
        "Row 2, column “indicator”: There is no indicator code."
    ]


def test_non_numeric_value():
    assert errors("MIG_STOCK,MEX,2019,,about 12,,\n") == [
        RowError(
            row=2,
            column="value",
            value="about 12",
            message="Row 2, column “value”: “about 12” is not a number; write it like 1234.5 "
            "or 1,234.5.",
        )
    ]


def test_value_with_a_decimal_comma_suggests_the_option():
    assert messages('MIG_STOCK,MEX,2019,,"12,5",,\n') == [
        "Row 2, column “value”: “12,5” is not a number; write it like 1234.5, or say that the "
        "file writes numbers with a decimal comma."
    ]


def test_non_numeric_value_with_decimal_comma():
    mapping = ColumnMapping(
        indicator_code="MIG_STOCK", area="country", year="year", value="value", decimal_comma=True
    )

    assert messages("MEX;2019;1,234.5\n", mapping, "country;year;value\n") == [
        "Row 2, column “value”: “1,234.5” is not a number; write it like 1234,5 or 1.234,5."
    ]


@pytest.mark.parametrize("value", ["nan", "inf", "1e999", "12%", "1,23", "１２", "١٢٣"])
def test_values_that_are_no_finite_number_are_refused(value):
    assert [error.value for error in errors(f'MIG_STOCK,MEX,2019,,"{value}",,\n')] == [value]


@pytest.mark.parametrize("value", ["１２", "١٢٣", "1٢"])
def test_digits_other_than_ascii_are_no_number(value):
    assert messages(f"MIG_STOCK,MEX,2019,,{value},,\n") == [
        f"Row 2, column “value”: “{value}” is not a number; write it like 1234.5 or 1,234.5."
    ]


@pytest.mark.parametrize("value", ["1e308", "1.5e308", "-1.000001e15", "1e999"])
def test_values_too_large_are_refused(value):
    assert messages(f"MIG_STOCK,MEX,2019,,{value},,\n") == [
        f"Row 2, column “value”: “{value}” is too large: a value must lie between "
        "-1,000,000,000,000,000 and 1,000,000,000,000,000."
    ]


@pytest.mark.parametrize("value", ["5e-324", "1e-300", "-0.0000000009"])
def test_values_too_close_to_zero_are_refused(value):
    assert messages(f"MIG_STOCK,MEX,2019,,{value},,\n") == [
        f"Row 2, column “value”: “{value}” is too close to zero: a value other than zero must "
        "be at least 0.000000001 or at most -0.000000001."
    ]


def test_values_at_the_bounds_and_zero_are_accepted():
    found = figures(
        "MIG_STOCK,MEX,2019,,1e15,,\nMIG_STOCK,MEX,2018,,-1e15,,\n"
        "MIG_STOCK,MEX,2017,,1e-9,,\nMIG_STOCK,MEX,2016,,-1e-9,,\nMIG_STOCK,MEX,2015,,0,,\n"
    )

    assert [f.value for f in found] == [1e15, -1e15, 1e-9, -1e-9, 0.0]


def test_wide_layout_value_out_of_bounds_names_its_column():
    mapping = ColumnMapping(indicator_code="MIG_STOCK", area="country")

    assert messages("MEX,1e16,6\n", mapping, "country,2018,2019\n") == [
        "Row 2, column “2018”: “1e16” is too large: a value must lie between "
        "-1,000,000,000,000,000 and 1,000,000,000,000,000."
    ]


def test_empty_value():
    assert errors("MIG_STOCK,MEX,2019,,,,\n") == [
        RowError(
            row=2,
            column="value",
            value="",
            message="Row 2, column “value”: There is no value; give one or leave the row out.",
        )
    ]


@pytest.mark.parametrize("year", ["20x9", "2019.5", "two thousand", "-2019", "２０１９"])
def test_year_not_a_whole_number(year):
    assert errors(f"MIG_STOCK,MEX,{year},,1,,\n") == [
        RowError(
            row=2,
            column="year",
            value=year,
            message=f"Row 2, column “year”: “{year}” is not a year; write a whole number such "
            "as 2019.",
        )
    ]


def test_missing_year():
    assert messages("MIG_STOCK,MEX,,,1,,\n") == ["Row 2, column “year”: There is no year."]


def test_years_out_of_range_at_both_ends():
    next_year = timezone.localdate().year + 1

    assert messages(f"MIG_STOCK,MEX,1899,,1,,\nMIG_STOCK,MEX,{next_year},,1,,\n") == [
        f"Row 2, column “year”: 1899 is outside the years accepted, 1900 to {next_year - 1}.",
        f"Row 3, column “year”: {next_year} is outside the years accepted, 1900 to "
        f"{next_year - 1}.",
    ]


def test_first_and_last_years_are_accepted():
    this_year = timezone.localdate().year

    found = figures(f"MIG_STOCK,MEX,1900,,1,,\nMIG_STOCK,MEX,{this_year},,1,,\n")

    assert [f.year for f in found] == [1900, this_year]


def test_wide_layout_takes_only_ascii_years_for_columns():
    mapping = ColumnMapping(indicator_code="MIG_STOCK", area="country")

    found = figures("MEX,5,6\n", mapping, "country,2019,٢٠١٨\n")

    assert [(f.year, f.value) for f in found] == [(2019, 5.0)]


def test_bad_breakdown():
    assert errors("MIG_STOCK,MEX,2019,gender:female,1,,\n") == [
        RowError(
            row=2,
            column="breakdown",
            value="gender:female",
            message="Row 2, column “breakdown”: “gender:female” is not a breakdown: write "
            "dimension:value, with the dimension one of sex, age, origin (for example "
            "sex:female or age:15-24).",
        )
    ]


def test_duplicate_key_in_the_file_is_an_error_on_the_later_row():
    rows = checked(
        "MIG_STOCK,MEX,2019,sex:female,1,,\n"
        "MIG_STOCK,CAN,2019,,2,,\n"
        "mig_stock,mex,2019,Sex:Female,3,,\n"
    )

    assert [(number, len(found)) for number, found, _errors in rows] == [(2, 1), (3, 1), (4, 0)]
    assert rows[2][2] == [
        RowError(
            row=4,
            column="value",
            value="3",
            message="Row 4, column “value”: row 2 already gives MIG_STOCK for MEX in 2019 "
            "(Sex: female); a file gives each figure once.",
        )
    ]


def test_same_key_with_another_breakdown_or_indicator_is_no_duplicate():
    found = figures(
        "MIG_STOCK,MEX,2019,,1,,\nMIG_STOCK,MEX,2019,sex:male,1,,\nREMIT,MEX,2019,,1,,\n"
    )

    assert len(found) == 3


def test_a_row_refused_for_another_error_does_not_count_as_the_first_of_a_duplicate():
    rows = checked("MIG_STOCK,MEX,2019,,x,,\nMIG_STOCK,MEX,2019,,1,,\n")

    assert [(len(found), len(errors)) for _number, found, errors in rows] == [(0, 1), (1, 0)]


def test_too_long_note():
    note = "n" * 1001

    assert errors(f"MIG_STOCK,MEX,2019,,1,{note},\n") == [
        RowError(
            row=2,
            column="note",
            value="n" * 59 + "…",
            message="Row 2, column “note”: The text is 1001 characters long; the limit is 1000.",
        )
    ]


def test_too_long_source():
    assert messages(f"MIG_STOCK,MEX,2019,,1,,{'s' * 301}\n") == [
        "Row 2, column “source”: The text is 301 characters long; the limit is 300."
    ]


def test_every_error_of_a_row_is_reported_and_the_row_gives_nothing():
    rows = checked("NOPE,XYZ,20x9,sex:other,,,\n")

    assert [error.column for error in rows[0][2]] == [
        "country",
        "indicator",
        "breakdown",
        "year",
        "value",
    ]
    assert rows[0][1] == []


# Formulas an XLSX file holds without their computed value (reading.py marks them).


def uncomputed_rows(columns, *rows, mapping=LONG):
    table = Table(tuple(columns), iter(list(enumerate(rows, start=2))))
    return [
        error
        for _number, _figures, found in read_figures(table, mapping, INDICATORS)
        for error in found
    ]


def test_formula_without_a_value_is_named_in_every_column():
    formula = UNCOMPUTED + "=A1"
    columns = HEADER.strip().split(",")

    found = uncomputed_rows(columns, [formula] * 7)

    assert [(error.column, error.value) for error in found] == [
        ("country", "=A1"),
        ("indicator", "=A1"),
        ("breakdown", "=A1"),
        ("note", "=A1"),
        ("source", "=A1"),
        ("year", "=A1"),
        ("value", "=A1"),
    ]
    assert found[-1].message == (
        "Row 2, column “value”: “=A1” is a formula without a computed value; open and save "
        "the file in Excel, or paste the values in place of the formulas."
    )


def test_formula_without_a_value_in_the_wide_layout_is_no_empty_year():
    mapping = ColumnMapping(indicator_code="MIG_STOCK", area="country")

    found = uncomputed_rows(["country", "2019"], ["MEX", UNCOMPUTED + "=1+1"], mapping=mapping)

    assert found == [
        RowError(
            row=2,
            column="2019",
            value="=1+1",
            message="Row 2, column “2019”: “=1+1” is a formula without a computed value; open "
            "and save the file in Excel, or paste the values in place of the formulas.",
        )
    ]
