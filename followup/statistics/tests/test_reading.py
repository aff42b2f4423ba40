import datetime
import io
import zipfile

import openpyxl
import pytest

from followup.statistics.services import ReadError, count_rows, read_columns
from followup.statistics.services.reading import UNCOMPUTED, cell_text, open_table


def table_of(data: bytes, name="figures.csv", **options):
    with open_table(io.BytesIO(data), name, **options) as table:
        return table.columns, list(table.rows)


def xlsx(*rows, sheets=()):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for title, other_rows in sheets:
        other = workbook.create_sheet(title)
        for row in other_rows:
            other.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def rewritten(data, member, old, new):
    """The XLSX file `data` with `old` replaced by `new` in one member of its archive, as a
    damaged file or a program other than openpyxl would write it."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == member:
                assert old in content
                content = content.replace(old, new)
            target.writestr(item, content)
    return output.getvalue()


SHEET = "xl/worksheets/sheet1.xml"


# CSV.


def test_csv_in_utf8_is_read_into_columns_and_numbered_rows():
    columns, rows = table_of("País,Año,Valor\nMEX,2019,1.5\nCAN,2020,2\n".encode())

    assert columns == ("País", "Año", "Valor")
    assert rows == [(2, ["MEX", "2019", "1.5"]), (3, ["CAN", "2020", "2"])]


def test_csv_byte_order_mark_is_not_part_of_the_first_column():
    columns, rows = table_of("\ufeffcountry,year\nMEX,2019\n".encode())

    assert columns == ("country", "year")
    assert rows == [(2, ["MEX", "2019"])]


def test_csv_in_windows_1252_is_read():
    columns, rows = table_of("País;Nota\nMEX;Estimación – año\n".encode("cp1252"))

    assert columns == ("País", "Nota")
    assert rows == [(2, ["MEX", "Estimación – año"])]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiter_is_found(delimiter):
    text = delimiter.join(["country", "year", "value"]) + "\n"
    text += delimiter.join(["MEX", "2019", "12"]) + "\n"

    columns, rows = table_of(text.encode())

    assert columns == ("country", "year", "value")
    assert rows == [(2, ["MEX", "2019", "12"])]


def test_csv_semicolons_win_over_decimal_commas_in_values():
    columns, rows = table_of(b"country;year;value\nMEX;2019;1,5\nCAN;2019;2,25\n")

    assert columns == ("country", "year", "value")
    assert rows == [(2, ["MEX", "2019", "1,5"]), (3, ["CAN", "2019", "2,25"])]


def test_csv_quoted_cells_keep_their_delimiters_and_lose_outer_spaces():
    _columns, rows = table_of(b'country,note\nMEX,"  Estimate, provisional "\n')

    assert rows == [(2, ["MEX", "Estimate, provisional"])]


def test_empty_rows_are_skipped_but_keep_the_numbering():
    _columns, rows = table_of(b"country,year\n\nMEX,2019\n,\n\nCAN,2020\n\n\n")

    assert rows == [(3, ["MEX", "2019"]), (6, ["CAN", "2020"])]


def test_short_rows_get_empty_cells_up_to_the_header():
    _columns, rows = table_of(b"country,year,note\nMEX,2019\n")

    assert rows == [(2, ["MEX", "2019", ""])]


def test_empty_trailing_header_cells_are_dropped():
    columns, _rows = table_of(b"country,year,,\nMEX,2019,,\n")

    assert columns == ("country", "year")


# XLSX.


def test_xlsx_first_sheet_is_read_with_numbers_as_people_see_them():
    data = xlsx(
        ["Country", "Year", "Value", "Date"],
        ["MEX", 2019, 1234.5, datetime.datetime(2020, 5, 1)],  # noqa: DTZ001
        ["CAN", 2020.0, 7.0, None],
        [None, None, None, None],
        sheets=[("Other", [["ignored"]])],
    )

    columns, rows = table_of(data, "figures.xlsx")

    assert columns == ("Country", "Year", "Value", "Date")
    assert rows == [
        (2, ["MEX", "2019", "1234.5", "2020-05-01"]),
        (3, ["CAN", "2020", "7", ""]),
    ]


def test_xlsx_numbers_are_written_with_a_decimal_comma_when_the_file_uses_one():
    _columns, rows = table_of(
        xlsx(["country", "value"], ["MEX", 1234.5], ["CAN", "1.234,5"]),
        "figures.xlsx",
        decimal_comma=True,
    )

    assert rows == [(2, ["MEX", "1234,5"]), (3, ["CAN", "1.234,5"])]


def test_xlsx_formulas_read_as_their_computed_value_or_as_uncomputed():
    data = xlsx(
        ["country", "value", "note"],
        ["MEX", "=1+1", '=IF(1,"",1)'],  # openpyxl saves formulas without their value
        ["CAN", "=2+2", "=B2"],
    )
    # As Excel saves them: a number, and an empty text.
    data = rewritten(data, SHEET, b"<f>2+2</f><v></v>", b"<f>2+2</f><v>4</v>")
    data = rewritten(data, SHEET, b'<c r="C3"><f>B2</f>', b'<c r="C3" t="str"><f>B2</f>')

    _columns, rows = table_of(data, "figures.xlsx")

    assert rows == [
        (2, ["MEX", UNCOMPUTED + "=1+1", UNCOMPUTED + '=IF(1,"",1)']),
        (3, ["CAN", "4", ""]),
    ]


def test_xlsx_formula_without_a_value_in_the_header_is_refused():
    with pytest.raises(ReadError) as excinfo:
        table_of(xlsx(["country", '=CONCAT("val", "ue")'], ["MEX", 1]), "figures.xlsx")

    assert excinfo.value.messages == [
        "“figures.xlsx” has a formula without a computed value in its header row (row 1): "
        '=CONCAT("val", "ue"). Open and save the file in Excel, or paste the values in place '
        "of the formulas."
    ]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("  MEX ", "MEX"),
        (2019, "2019"),
        (2019.0, "2019"),
        (0.1, "0.1"),
        (-3.25, "-3.25"),
        (1e-05, "1e-05"),
        (True, "TRUE"),
        (datetime.date(2019, 1, 31), "2019-01-31"),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


# Files that are no table.


def test_empty_file_is_refused():
    with pytest.raises(ReadError) as excinfo:
        table_of(b"")

    assert excinfo.value.messages == ["“figures.csv” is empty."]


def test_binary_file_is_refused():
    with pytest.raises(ReadError) as excinfo:
        table_of(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "photo.csv")

    assert excinfo.value.messages == ["“photo.csv” is not a CSV or XLSX file."]


def test_damaged_xlsx_is_refused():
    with pytest.raises(ReadError) as excinfo:
        table_of(b"PK\x03\x04" + b"not really a zip" * 10, "figures.xlsx")

    assert excinfo.value.messages == [
        "“figures.xlsx” cannot be read as an XLSX spreadsheet (BadZipFile)."
    ]


@pytest.mark.parametrize(
    ("member", "old"),
    [
        ("xl/workbook.xml", b"<sheets>"),
        ("xl/styles.xml", b"<fonts"),
        ("[Content_Types].xml", b"<Default"),
    ],
)
def test_xlsx_with_a_damaged_part_is_refused(member, old):
    data = rewritten(xlsx(["country"], ["MEX"]), member, old, old[:-1] + b" <")

    with pytest.raises(ReadError) as excinfo:
        table_of(data, "figures.xlsx")

    assert excinfo.value.messages == [
        "“figures.xlsx” cannot be read as an XLSX spreadsheet (XMLSyntaxError)."
    ]


def test_xlsx_with_a_damaged_sheet_is_refused():
    data = rewritten(xlsx(["country"], ["MEX"]), SHEET, b"<sheetData>", b"<sheetData><<")

    with pytest.raises(ReadError) as excinfo:
        table_of(data, "figures.xlsx")

    assert excinfo.value.messages == [
        "“figures.xlsx” cannot be read as an XLSX spreadsheet (ParseError)."
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'<c r="B4" t="n"><v>7</v>', b'<c r="B4" t="n"><v>abc</v>'),
        (b'<c r="B4" t="n"><v>7</v>', b'<c r="B4" t="d"><v>notadate</v>'),
    ],
)
def test_xlsx_with_a_damaged_cell_is_refused_naming_the_last_row_read(old, new):
    data = rewritten(
        xlsx(["country", "value"], ["MEX", 5], ["CAN", 6], ["USA", 7]), SHEET, old, new
    )

    read: list[tuple[int, list[str]]] = []

    with pytest.raises(ReadError) as excinfo, open_table(io.BytesIO(data), "f.xlsx") as table:
        read.extend(table.rows)

    assert read == [(2, ["MEX", "5"]), (3, ["CAN", "6"])]
    assert excinfo.value.messages == [
        "“f.xlsx” cannot be read after row 3: the spreadsheet is damaged (ValueError). "
        "Open it in Excel and save it again."
    ]


def test_file_of_empty_lines_has_no_header_row():
    with pytest.raises(ReadError) as excinfo:
        table_of(b"\n,,\n\n")

    assert excinfo.value.messages == [
        "“figures.csv” has no header row: its first row must name the columns."
    ]


def test_header_naming_a_column_twice_is_refused():
    with pytest.raises(ReadError) as excinfo:
        table_of(b"\ncountry,year,country\n")

    assert excinfo.value.messages == [
        "“figures.csv” has two columns named “country” in its header row (row 2); rename one."
    ]


def test_missing_path_is_refused(tmp_path):
    with pytest.raises(ReadError) as excinfo:
        read_columns(tmp_path / "nowhere.csv", "nowhere.csv")

    assert excinfo.value.messages == ["“nowhere.csv” does not exist."]


def test_folder_is_refused(tmp_path):
    with pytest.raises(ReadError) as excinfo:
        read_columns(tmp_path, "data")

    assert excinfo.value.messages == ["“data” is not a file."]


def test_columns_and_row_count_of_a_file_on_disk(tmp_path):
    path = tmp_path / "figures.csv"
    path.write_bytes(b"country,year\nMEX,2019\n\nCAN,2019\n")

    assert read_columns(path, path.name) == ("country", "year")
    assert count_rows(path, path.name) == 2
