import pytest
from django.utils import timezone

from followup.statistics.services import (
    ColumnMapping,
    MappingError,
    check_mapping,
    guess_mapping,
)
from followup.statistics.tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


def errors_of(mapping, columns):
    with pytest.raises(MappingError) as excinfo:
        check_mapping(mapping, columns)
    return excinfo.value.message_dict


# Guessing.


def test_guess_mapping_from_english_headers():
    columns = ["Indicator", "Country", "Year", "Breakdown", "Value", "Notes", "Source"]

    assert guess_mapping(columns) == ColumnMapping(
        indicator="Indicator",
        area="Country",
        year="Year",
        breakdown="Breakdown",
        value="Value",
        note="Notes",
        source="Source",
    )


def test_guess_mapping_from_spanish_headers():
    columns = ["Indicador", "País", "Año", "Desglose", "Valor", "Nota", "Fuente"]

    assert guess_mapping(columns) == ColumnMapping(
        indicator="Indicador",
        area="País",
        year="Año",
        breakdown="Desglose",
        value="Valor",
        note="Nota",
        source="Fuente",
    )


def test_guess_mapping_prefers_a_code_column_to_country_names():
    assert guess_mapping(["Country", "ISO3", "año", "valor"]) == ColumnMapping(
        area="ISO3", year="año", value="valor"
    )


def test_guess_mapping_of_a_wide_file_leaves_year_and_value_empty():
    columns = ["Country Name", "Country Code", "Indicator Code", "2018", "2019"]

    assert guess_mapping(columns) == ColumnMapping(area="Country Code", indicator="Indicator Code")


def test_guess_mapping_leaves_unknown_headers_unmapped():
    assert guess_mapping(["Territorio", "Periodo", "Cifra"]) == ColumnMapping(value="Cifra")


def test_mapping_survives_its_json_and_ignores_unknown_keys():
    mapping = ColumnMapping(
        area="País", year="Año", value="Valor", indicator_code="MIG_STOCK", decimal_comma=True
    )

    assert ColumnMapping.from_json({**mapping.as_json(), "colour": "red"}) == mapping
    assert ColumnMapping.from_json({"area": None, "decimal_comma": 1}) == ColumnMapping(
        decimal_comma=True
    )


# Checking.


def test_check_mapping_accepts_a_long_file():
    IndicatorFactory(code="MIG_STOCK")

    check_mapping(
        ColumnMapping(area="country", year="year", value="value", indicator_code="MIG_STOCK"),
        ["country", "year", "value"],
    )


def test_check_mapping_accepts_a_wide_file():
    check_mapping(
        ColumnMapping(area="country", indicator="indicator"), ["indicator", "country", "2019"]
    )


def test_area_and_indicator_are_required():
    assert errors_of(ColumnMapping(year="year", value="value"), ["year", "value"]) == {
        "area": ["Choose the column that holds the country or region code."],
        "indicator": [
            "Choose the column that holds the indicator code, or one indicator for the whole file."
        ],
    }


def test_indicator_column_and_fixed_indicator_together_are_refused():
    IndicatorFactory(code="MIG_STOCK")
    mapping = ColumnMapping(
        area="c", year="y", value="v", indicator="i", indicator_code="MIG_STOCK"
    )

    assert errors_of(mapping, ["c", "y", "v", "i"]) == {
        "indicator": ["Choose an indicator column or one indicator for the whole file, not both."]
    }


def test_unknown_fixed_indicator_is_refused():
    mapping = ColumnMapping(area="c", year="y", value="v", indicator_code="NOPE")

    assert errors_of(mapping, ["c", "y", "v"]) == {
        "indicator_code": ["There is no indicator “NOPE”."]
    }


def test_columns_the_file_lacks_are_refused():
    mapping = ColumnMapping(area="Pais", year="y", value="v", indicator="i", note="Notes")

    assert errors_of(mapping, ["País", "y", "v", "i"]) == {
        "area": ["The file has no column “Pais”."],
        "note": ["The file has no column “Notes”."],
    }


def test_a_column_chosen_twice_is_refused():
    mapping = ColumnMapping(area="c", year="y", value="v", indicator="i", source="v")

    assert errors_of(mapping, ["c", "y", "v", "i"]) == {
        "source": ["The column “v” is already chosen for another field."]
    }


def test_long_file_needs_its_value_column():
    assert errors_of(ColumnMapping(area="c", year="y", indicator="i"), ["c", "y", "i"]) == {
        "value": ["Choose the column that holds the values."]
    }


def test_value_column_needs_a_year_column():
    assert errors_of(ColumnMapping(area="c", value="v", indicator="i"), ["c", "v", "i"]) == {
        "year": ["Choose the column that holds the year."]
    }


def test_wide_file_needs_columns_headed_by_years():
    assert errors_of(ColumnMapping(area="c", indicator="i"), ["c", "i", "total"]) == {
        "year": [
            "Choose the column that holds the year, or use a file with a column per year "
            "headed by the year (such as 2019)."
        ]
    }


def test_wide_file_needs_columns_headed_by_years_in_ascii_digits():
    assert errors_of(ColumnMapping(area="c", indicator="i"), ["c", "i", "٢٠١٩"]) == {
        "year": [
            "Choose the column that holds the year, or use a file with a column per year "
            "headed by the year (such as 2019)."
        ]
    }


def test_wide_file_with_a_column_for_a_year_not_accepted_is_refused():
    this_year = timezone.localdate().year

    assert errors_of(ColumnMapping(area="c", indicator="i"), ["c", "i", "1850", "2019"]) == {
        "year": [
            "1 column is headed by a year outside the years accepted, 1900 to "
            f"{this_year}: “1850”. Delete it from the file or correct its header."
        ]
    }


def test_wide_file_with_columns_for_years_not_accepted_names_them_all():
    this_year = timezone.localdate().year
    columns = ["c", "i", "1899", "1900", str(this_year), str(this_year + 1)]

    assert errors_of(ColumnMapping(area="c", indicator="i"), columns) == {
        "year": [
            "2 columns are headed by years outside the years accepted, 1900 to "
            f"{this_year}: “1899”, “{this_year + 1}”. Delete them from the file or correct "
            "their headers."
        ]
    }


def test_a_year_header_chosen_for_another_field_is_no_year_column():
    check_mapping(ColumnMapping(area="c", indicator="i", note="1850"), ["c", "i", "1850", "2019"])


def test_default_source_has_the_length_of_a_source():
    mapping = ColumnMapping(area="c", year="y", value="v", indicator="i", default_source="x" * 301)

    assert errors_of(mapping, ["c", "y", "v", "i"]) == {
        "default_source": ["The source is 301 characters long; the limit is 300."]
    }
