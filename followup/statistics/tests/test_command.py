import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from followup.statistics.models import ImportBatch, Observation
from followup.statistics.tests.factories import IndicatorFactory
from followup.statistics.tests.test_reading import SHEET, rewritten

pytestmark = pytest.mark.django_db

HEADER = "indicator,country,year,value\n"


@pytest.fixture(autouse=True)
def stock():
    return IndicatorFactory(code="MIG_STOCK")


@pytest.fixture
def write(tmp_path):
    def write(text, name="figures.csv", header=HEADER):
        path = tmp_path / name
        path.write_text(header + text)
        return path

    return write


class Terminal(io.StringIO):
    def isatty(self):
        return True


def run(*args, stderr=None):
    out = io.StringIO()
    call_command("stats", "import", *map(str, args), stdout=out, stderr=stderr or io.StringIO())
    return out.getvalue()


def failure(*args):
    out = io.StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("stats", "import", *map(str, args), stdout=out, stderr=io.StringIO())
    return str(excinfo.value), out.getvalue()


def figures():
    return sorted(Observation.objects.values_list("area", "year", "value", "source"))


def test_import_prints_what_it_did(write):
    path = write("MIG_STOCK,MEX,2019,1500\nMIG_STOCK,CAN,2019,20\n")

    output = run(path)

    assert output.splitlines() == [
        "Rows read: 2",
        "Figures added: 2",
        "Figures revised: 0",
        "Figures unchanged: 0",
        "Rows left out: 0",
    ]
    assert figures() == [("CAN", 2019, 20.0, ""), ("MEX", 2019, 1500.0, "")]
    assert ImportBatch.objects.get().status == ImportBatch.Status.IMPORTED


def test_import_again_counts_revised_and_unchanged_figures(write):
    run(write("MIG_STOCK,MEX,2019,1500\nMIG_STOCK,CAN,2019,20\n"))

    output = run(write("MIG_STOCK,MEX,2019,1600\nMIG_STOCK,CAN,2019,20\n", "again.csv"))

    assert output.splitlines()[1:4] == [
        "Figures added: 0",
        "Figures revised: 1",
        "Figures unchanged: 1",
    ]


def test_file_with_errors_prints_them_and_imports_nothing(write):
    path = write("MIG_STOCK,MEX,2019,1\nMIG_STOCK,XYZ,2019,2\nMIG_STOCK,CAN,20x9,3\n")

    message, output = failure(path)

    assert output.splitlines() == [
        "Row 3, column “country”: “XYZ” is neither an ISO 3166-1 alpha-3 country code (such "
        "as MEX or CAN) nor a region code (XAM, XLC, XWD).",
        "Row 4, column “year”: “20x9” is not a year; write a whole number such as 2019.",
    ]
    assert message == (
        "2 rows have errors; nothing was imported. Correct the file, or run again with "
        "--valid-rows-only to import the other rows."
    )
    assert figures() == []
    assert ImportBatch.objects.count() == 0


def test_valid_rows_only_imports_the_others(write):
    path = write("MIG_STOCK,MEX,2019,1\nMIG_STOCK,XYZ,2019,2\nMIG_STOCK,CAN,2019,3\n")

    output = run(path, "--valid-rows-only")

    assert output.splitlines() == [
        "Row 3, column “country”: “XYZ” is neither an ISO 3166-1 alpha-3 country code (such "
        "as MEX or CAN) nor a region code (XAM, XLC, XWD).",
        "Rows read: 3",
        "Figures added: 2",
        "Figures revised: 0",
        "Figures unchanged: 0",
        "Rows left out: 1",
    ]
    assert figures() == [("CAN", 2019, 3.0, ""), ("MEX", 2019, 1.0, "")]


def test_many_errors_print_the_first_200_and_a_count(write):
    path = write("MIG_STOCK,XYZ,2019,1\n" * 250)

    message, output = failure(path)

    lines = output.splitlines()
    assert (len(lines), lines[-1]) == (201, "… and 50 more errors.")
    assert message.startswith("250 rows have errors;")


def test_dry_run_imports_nothing(write):
    path = write("MIG_STOCK,MEX,2019,1\nMIG_STOCK,CAN,2019,3\n")

    output = run(path, "--dry-run")

    assert output.splitlines() == [
        "Dry run: nothing was imported.",
        "Rows read: 2",
        "Figures to add: 2",
        "Figures to revise: 0",
        "Figures unchanged: 0",
        "Rows with errors: 0",
    ]
    assert (figures(), ImportBatch.objects.count()) == ([], 0)


def test_dry_run_of_a_file_with_errors_fails(write):
    message, output = failure(write("MIG_STOCK,XYZ,2019,1\n"), "--dry-run")

    assert message.startswith("1 row has errors; nothing was imported.")
    assert output.splitlines()[-1] == "Rows with errors: 1"
    assert figures() == []


def test_indicator_source_map_and_decimal_comma_options(write):
    path = write("Mexico;MEX;2019;1.234,5\n", header="Nombre;Código;Año;Cifra\n")

    run(
        path,
        "--indicator",
        "mig_stock",
        "--map",
        "area=Código",
        "--source",
        "INEGI",
        "--decimal-comma",
    )

    assert figures() == [("MEX", 2019, 1234.5, "INEGI")]


def test_wide_file_with_the_year_mapped_to_no_column(write):
    path = write("MEX,10,11\n", header="country,2018,2019\n")

    run(path, "--indicator", "MIG_STOCK", "--map", "year=")

    assert figures() == [("MEX", 2018, 10.0, ""), ("MEX", 2019, 11.0, "")]


def test_progress_bar_on_a_terminal(write):
    terminal = Terminal()

    run(write("MIG_STOCK,MEX,2019,1\nMIG_STOCK,CAN,2019,3\n"), stderr=terminal)

    assert "\r[##############################] 100% 2/2" in terminal.getvalue()


def test_no_progress_bar_in_a_pipe(write):
    stderr = io.StringIO()

    run(write("MIG_STOCK,MEX,2019,1\n"), stderr=stderr)

    assert stderr.getvalue() == ""


# Bad arguments end with a message, never a traceback.


def test_missing_file(tmp_path):
    message, _output = failure(tmp_path / "nowhere.csv")

    assert message == f"“{tmp_path / 'nowhere.csv'}” does not exist."


def test_file_that_is_no_table(tmp_path):
    path = tmp_path / "figures.csv"
    path.write_bytes(b"\x00\x01" * 50)

    assert failure(path)[0] == f"“{path}” is not a CSV or XLSX file."


@pytest.mark.parametrize("option", [[], ["--dry-run"]])
def test_damaged_xlsx_file(tmp_path, option):
    workbook = openpyxl.Workbook()
    workbook.active.append(["indicator", "country", "year", "value"])
    output = io.BytesIO()
    workbook.save(output)
    path = tmp_path / "figures.xlsx"
    path.write_bytes(rewritten(output.getvalue(), "xl/workbook.xml", b"<sheets>", b"<sheets <"))

    message, _output = failure(path, *option)

    assert message == f"“{path}” cannot be read as an XLSX spreadsheet (XMLSyntaxError)."


@pytest.mark.parametrize("option", [[], ["--dry-run"]])
def test_xlsx_file_damaged_after_its_header(tmp_path, option):
    workbook = openpyxl.Workbook()
    for row in [["indicator", "country", "year", "value"], ["MIG_STOCK", "MEX", 2019, 7]]:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    path = tmp_path / "figures.xlsx"
    path.write_bytes(rewritten(output.getvalue(), SHEET, b"<v>7</v>", b"<v>abc</v>"))

    message, _output = failure(path, *option)

    assert message == (
        "“figures.xlsx” cannot be read after row 1: the spreadsheet is damaged (ValueError). "
        "Open it in Excel and save it again."
    )
    assert ImportBatch.objects.count() == 0


def test_file_with_a_long_name(write):
    path = write("MIG_STOCK,MEX,2019,1\n", name="f." + "c" * 150)

    assert run(path).splitlines()[1] == "Figures added: 1"
    assert ImportBatch.objects.get().filename == path.name


def test_unknown_map_field(write):
    message, _output = failure(write(""), "--map", "colour=country")

    assert message == (
        "--map “colour=country”: write FIELD=COLUMN, with FIELD one of indicator, area, year, "
        "value, breakdown, note, source."
    )


def test_map_without_equals(write):
    assert failure(write(""), "--map", "country")[0].startswith("--map “country”: write")


def test_unknown_column(write):
    message, _output = failure(write(""), "--map", "area=Pais")

    assert message == (
        "--map area=…: The file has no column “Pais”.\n"
        "The file's columns: “indicator”, “country”, “year”, “value”."
    )


def test_unknown_indicator(write):
    path = write("MEX,2019,1\n", header="country,year,value\n")

    message, _output = failure(path, "--indicator", "NOPE")

    assert message == (
        "--indicator: There is no indicator “NOPE”.\n"
        "The file's columns: “country”, “year”, “value”."
    )


def test_columns_it_cannot_place(write):
    path = write("MEX,2019,1\n", header="Territorio,Periodo,Cifra\n")

    message, _output = failure(path)

    assert message == (
        "--map area=…: Choose the column that holds the country or region code.\n"
        "--map indicator=…: Choose the column that holds the indicator code, or one indicator "
        "for the whole file.\n"
        "--map year=…: Choose the column that holds the year.\n"
        "The file's columns: “Territorio”, “Periodo”, “Cifra”."
    )
