import datetime
import hashlib
import io

import openpyxl
import pycountry
import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from followup.accounts.tests.factories import focal_point, secretariat
from followup.ingest.models import SourceDocument
from followup.statistics.models import ImportBatch, Observation, ObservationRevision
from followup.statistics.services import (
    ColumnMapping,
    Figure,
    ImportRefused,
    MappingError,
    ReadError,
    batch_columns,
    discard_batch,
    import_batch,
    import_path,
    preview_batch,
    upload_file,
)
from followup.statistics.tests.factories import IndicatorFactory, ObservationFactory
from followup.statistics.tests.test_reading import SHEET, rewritten

pytestmark = pytest.mark.django_db

HEADER = "indicator,country,year,breakdown,value,note,source\n"
MAPPING = ColumnMapping(
    indicator="indicator",
    area="country",
    year="year",
    breakdown="breakdown",
    value="value",
    note="note",
    source="source",
)


@pytest.fixture
def admin():
    return secretariat()


@pytest.fixture
def stock():
    return IndicatorFactory(code="MIG_STOCK")


def upload(by, text, name="figures.csv"):
    data = text if isinstance(text, bytes) else (HEADER + text).encode()
    return upload_file(SimpleUploadedFile(name, data), by=by)


def xlsx(*rows):
    workbook = openpyxl.Workbook()
    for row in [["indicator", "country", "year", "value"], *rows]:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


XLSX_MAPPING = ColumnMapping(indicator="indicator", area="country", year="year", value="value")


def stored():
    return sorted(
        Observation.objects.values_list(
            "indicator__code", "area", "year", "breakdown", "value", "note", "source", "revision"
        )
    )


# Uploading.


def test_upload_stores_the_file_with_the_guessed_mapping(admin):
    text = "Indicador;País;Año;Valor\nMIG_STOCK;MEX;2019;1\n"

    batch = upload(admin, text.encode(), "cifras.csv")

    batch.refresh_from_db()
    assert (batch.filename, batch.size, batch.uploaded_by, batch.status) == (
        "cifras.csv",
        len(text.encode()),
        admin,
        ImportBatch.Status.PENDING,
    )
    with batch.file.open("rb") as file:
        assert file.read() == text.encode()
    assert ColumnMapping.from_json(batch.mapping) == ColumnMapping(
        indicator="Indicador", area="País", year="Año", value="Valor"
    )
    assert batch_columns(batch) == ("Indicador", "País", "Año", "Valor")


def test_upload_of_a_csv_file_saved_in_windows_1252(admin):
    data = "País;Año;Valor;Nota\nMEX;2019;1;Estimación\n".encode("cp1252")

    batch = upload(admin, data, "cifras.csv")

    assert (batch.sha256, batch.size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert batch_columns(batch) == ("País", "Año", "Valor", "Nota")
    assert ColumnMapping.from_json(batch.mapping) == ColumnMapping(
        area="País", year="Año", value="Valor", note="Nota"
    )


def test_upload_of_an_xlsx_file(admin):
    workbook = openpyxl.Workbook()
    workbook.active.append(["ISO3", "Year", "Value"])
    output = io.BytesIO()
    workbook.save(output)

    batch = upload(admin, output.getvalue(), "figures.xlsx")

    assert batch_columns(batch) == ("ISO3", "Year", "Value")


def test_upload_is_stored_under_its_checksum_whatever_its_name(admin):
    name = "f." + "c" * 150
    data = (HEADER + "MIG_STOCK,MEX,2019,,1,,\n").encode()

    batch = upload(admin, data, name)

    digest = hashlib.sha256(data).hexdigest()
    assert (batch.filename, batch.file.name) == (
        name,
        f"statistics/{timezone.now().year}/{digest}.csv",
    )
    assert batch_columns(batch) == tuple(HEADER.strip().split(","))


def test_xlsx_upload_is_stored_as_xlsx(admin):
    batch = upload(admin, xlsx(), "figures")

    assert batch.file.name.endswith(f"/{batch.sha256}.xlsx")


def test_upload_the_storage_fails_to_keep_is_refused_with_a_message(admin, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "a file, not a folder"
    settings.MEDIA_ROOT.write_text("")

    with pytest.raises(ValidationError) as excinfo:
        upload(admin, "MIG_STOCK,MEX,2019,,1,,\n")

    assert excinfo.value.messages == [
        "“figures.csv” could not be stored on the server; try again, and tell the administrator "
        "if it fails again."
    ]
    assert ImportBatch.objects.count() == 0


def test_upload_of_a_pdf_is_refused_naming_the_file(admin):
    with pytest.raises(ValidationError) as excinfo:
        upload(admin, b"%PDF-1.4\n" + b"x" * 100, "figures.pdf")

    assert excinfo.value.messages == ["“figures.pdf” is not a CSV or XLSX file."]
    assert ImportBatch.objects.count() == 0


def test_upload_of_binary_data_is_refused_naming_the_file(admin):
    with pytest.raises(ValidationError) as excinfo:
        upload(admin, b"\x00\x01\x02\x03" * 100, "figures.csv")

    assert excinfo.value.messages == [
        "“figures.csv” is not a PDF, DOCX, ODT, XLSX or plain-text file."
    ]


def test_upload_of_an_empty_file_is_refused(admin):
    with pytest.raises(ValidationError) as excinfo:
        upload(admin, b"", "figures.csv")

    assert excinfo.value.messages == ["“figures.csv” is empty."]


def test_upload_over_the_size_limit_is_refused(admin, settings):
    settings.UPLOAD_MAX_BYTES = 10

    with pytest.raises(ValidationError) as excinfo:
        upload(admin, b"country,year,value\n", "figures.csv")

    assert excinfo.value.messages == ["“figures.csv” is 19 bytes; the limit is 10 bytes."]


def test_upload_without_a_header_row_is_refused(admin):
    with pytest.raises(ReadError) as excinfo:
        upload(admin, b"\n\n,,\n", "figures.csv")

    assert excinfo.value.messages == [
        "“figures.csv” has no header row: its first row must name the columns."
    ]
    assert ImportBatch.objects.count() == 0


@pytest.mark.parametrize("user", [focal_point, AnonymousUser])
def test_only_the_secretariat_uploads(user):
    with pytest.raises(PermissionDenied):
        upload(user(), "MIG_STOCK,MEX,2019,,1,,\n")


# Previewing.


def test_preview_counts_what_the_import_would_do_and_saves_the_mapping(admin, stock):
    ObservationFactory(indicator=stock, area="MEX", year=2019, value=1.0)
    ObservationFactory(indicator=stock, area="CAN", year=2019, value=2.0)
    batch = upload(
        admin,
        "MIG_STOCK,MEX,2019,,1,,\n"  # unchanged
        "MIG_STOCK,CAN,2019,,3,,\n"  # revised
        "MIG_STOCK,USA,2019,,4,,\n"  # new
        "MIG_STOCK,XYZ,2019,,5,,\n"  # error
        "MIG_STOCK,USA,2019,,6,,\n",  # duplicate
    )
    mapping = ColumnMapping(**{**MAPPING.as_json(), "default_source": "UN DESA"})

    preview = preview_batch(batch, mapping)

    assert (
        preview.rows_read,
        preview.valid,
        preview.new,
        preview.revised,
        preview.unchanged,
        preview.rows_with_errors,
        preview.error_count,
        preview.has_errors,
    ) == (5, 3, 1, 2, 0, 2, 2, True)
    assert [error.row for error in preview.errors] == [5, 6]
    assert preview.sample[0] == Figure(2, stock.pk, "MEX", 2019, "", 1.0, "", "UN DESA")
    assert preview.columns == tuple(HEADER.strip().split(","))
    batch.refresh_from_db()
    assert ColumnMapping.from_json(batch.mapping) == mapping
    assert Observation.objects.count() == 2


def test_preview_keeps_the_first_200_errors_and_counts_them_all(admin, stock):
    batch = upload(admin, "MIG_STOCK,XYZ,2019,,x,,\n" * 150)

    preview = preview_batch(batch, MAPPING)

    assert (len(preview.errors), preview.error_count, preview.rows_with_errors) == (200, 300, 150)


def test_preview_shows_the_first_20_figures(admin, stock):
    batch = upload(admin, "".join(f"MIG_STOCK,MEX,{year},,1,,\n" for year in range(1990, 2020)))

    preview = preview_batch(batch, MAPPING)

    assert [figure.year for figure in preview.sample] == list(range(1990, 2010))


def test_preview_of_an_xlsx_file_damaged_after_its_header(admin, stock):
    data = rewritten(xlsx(["MIG_STOCK", "MEX", 2019, 7]), SHEET, b"<v>7</v>", b"<v>abc</v>")
    batch = upload(admin, data, "figures.xlsx")

    with pytest.raises(ReadError) as excinfo:
        preview_batch(batch, XLSX_MAPPING)

    assert excinfo.value.messages == [
        "“figures.xlsx” cannot be read after row 1: the spreadsheet is damaged (ValueError). "
        "Open it in Excel and save it again."
    ]


def test_preview_names_formulas_saved_without_their_value(admin, stock):
    batch = upload(admin, xlsx(["MIG_STOCK", "MEX", 2019, "=1+1"]), "figures.xlsx")

    preview = preview_batch(batch, XLSX_MAPPING)

    assert [error.message for error in preview.errors] == [
        "Row 2, column “value”: “=1+1” is a formula without a computed value; open and save "
        "the file in Excel, or paste the values in place of the formulas."
    ]


def test_wide_file_with_a_column_for_a_year_not_accepted_imports_nothing(admin, stock):
    batch = upload(admin, b"country,2019,1850\nMEX,1,2\nCAN,3,\n")
    mapping = ColumnMapping(area="country", indicator_code="MIG_STOCK")

    with pytest.raises(MappingError) as excinfo:
        import_batch(batch, mapping, by=admin, valid_rows_only=True)

    assert excinfo.value.message_dict == {
        "year": [
            "1 column is headed by a year outside the years accepted, 1900 to "
            f"{timezone.localdate().year}: “1850”. Delete it from the file or correct its "
            "header."
        ]
    }
    assert Observation.objects.count() == 0


def test_preview_with_a_bad_mapping_keeps_the_saved_one(admin, stock):
    batch = upload(admin, "MIG_STOCK,MEX,2019,,1,,\n")
    saved = batch.mapping

    with pytest.raises(MappingError):
        preview_batch(batch, ColumnMapping(area="Country", year="year", value="value"))

    batch.refresh_from_db()
    assert batch.mapping == saved


# Importing.


def test_import_writes_the_figures_and_marks_the_batch(admin, stock):
    batch = upload(
        admin,
        'MIG_STOCK,MEX,2019,,"1,500",Estimate,INEGI\nmig_stock,can,2019,sex:female,2.5,,\n',
    )

    result = import_batch(batch, MAPPING, by=admin)

    assert stored() == [
        ("MIG_STOCK", "CAN", 2019, "sex:female", 2.5, "", "", 1),
        ("MIG_STOCK", "MEX", 2019, "", 1500.0, "Estimate", "INEGI", 1),
    ]
    assert set(Observation.objects.values_list("batch", flat=True)) == {batch.pk}
    assert (result.rows_read, result.created, result.revised, result.unchanged) == (2, 2, 0, 0)
    assert (result.rejected, result.errors) == (0, ())
    batch.refresh_from_db()
    assert (batch.status, batch.rows_read, batch.created, batch.rejected) == (
        ImportBatch.Status.IMPORTED,
        2,
        2,
        0,
    )
    assert batch.imported_at is not None
    assert ColumnMapping.from_json(batch.mapping) == MAPPING


def test_import_of_an_xlsx_file_in_the_wide_layout(admin, stock):
    workbook = openpyxl.Workbook()
    for row in [["Country Code", "2018", 2019], ["MEX", 10, 11.5], ["CAN", None, 7]]:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    batch = upload(admin, output.getvalue(), "wide.xlsx")
    mapping = ColumnMapping(area="Country Code", indicator_code="MIG_STOCK")

    result = import_batch(batch, mapping, by=admin)

    assert result.created == 3
    assert sorted(Observation.objects.values_list("area", "year", "value")) == [
        ("CAN", 2019, 7.0),
        ("MEX", 2018, 10.0),
        ("MEX", 2019, 11.5),
    ]


def test_file_with_errors_imports_nothing(admin, stock):
    batch = upload(
        admin, "MIG_STOCK,MEX,2019,,1,,\nMIG_STOCK,XYZ,2019,,2,,\nMIG_STOCK,CAN,20x9,,x,,\n"
    )

    with pytest.raises(ImportRefused) as excinfo:
        import_batch(batch, MAPPING, by=admin)

    assert excinfo.value.messages == [
        "“figures.csv” has errors on 2 rows; nothing was imported. Correct the file, or "
        "import only the valid rows."
    ]
    assert (excinfo.value.rows_with_errors, excinfo.value.error_count) == (2, 3)
    assert [error.row for error in excinfo.value.errors] == [3, 4, 4]
    assert Observation.objects.count() == 0
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PENDING


def test_file_with_errors_after_a_full_batch_of_rows_imports_nothing(admin, stock, monkeypatch):
    monkeypatch.setattr("followup.statistics.services.bulk.BATCH_SIZE", 2)
    rows = "".join(f"MIG_STOCK,MEX,{year},,1,,\n" for year in range(2000, 2010))
    batch = upload(admin, rows + "MIG_STOCK,XYZ,2019,,2,,\n")

    with pytest.raises(ImportRefused):
        import_batch(batch, MAPPING, by=admin)

    assert Observation.objects.count() == 0


def test_valid_rows_only_imports_the_rows_without_errors(admin, stock):
    batch = upload(
        admin,
        "MIG_STOCK,MEX,2019,,1,,\nMIG_STOCK,XYZ,2019,,2,,\nMIG_STOCK,CAN,2019,,3,,\n"
        "MIG_STOCK,MEX,2019,,4,,\n",
    )

    result = import_batch(batch, MAPPING, by=admin, valid_rows_only=True)

    assert [(area, value) for _c, area, _y, _b, value, *_rest in stored()] == [
        ("CAN", 3.0),
        ("MEX", 1.0),
    ]
    assert (result.rows_read, result.created, result.rejected) == (4, 2, 2)
    assert [error.row for error in result.errors] == [3, 5]
    batch.refresh_from_db()
    assert (batch.status, batch.rejected) == (ImportBatch.Status.IMPORTED, 2)


def test_reimport_revises_changed_figures_and_keeps_their_past(admin, stock):
    first = upload(admin, "MIG_STOCK,MEX,2019,,10,First estimate,INEGI\nMIG_STOCK,CAN,2019,,5,,\n")
    import_batch(first, MAPPING, by=admin)
    mexico = Observation.objects.get(area="MEX")
    second = upload(admin, "MIG_STOCK,MEX,2019,,12,Census,INEGI 2020\nMIG_STOCK,CAN,2019,,5,,\n")

    result = import_batch(second, MAPPING, by=admin)

    assert (result.created, result.revised, result.unchanged) == (0, 1, 1)
    assert stored() == [
        ("MIG_STOCK", "CAN", 2019, "", 5.0, "", "", 1),
        ("MIG_STOCK", "MEX", 2019, "", 12.0, "Census", "INEGI 2020", 2),
    ]
    revised = Observation.objects.get(area="MEX")
    assert revised.batch == second
    assert revised.updated_at > mexico.updated_at
    assert Observation.objects.get(area="CAN").batch == first
    past = ObservationRevision.objects.get()
    assert (
        past.observation,
        past.revision,
        past.value,
        past.note,
        past.source,
        past.batch,
        past.superseded_by,
        past.recorded_at,
    ) == (revised, 1, 10.0, "First estimate", "INEGI", first, second, mexico.updated_at)


def test_each_revision_keeps_the_state_it_replaced(admin, stock):
    for value in (1, 2, 3):
        import_batch(upload(admin, f"MIG_STOCK,MEX,2019,,{value},,\n"), MAPPING, by=admin)

    assert list(
        ObservationRevision.objects.order_by("revision").values_list("revision", "value")
    ) == [(1, 1.0), (2, 2.0)]
    assert Observation.objects.get().revision == 3


def test_a_changed_note_or_source_alone_is_a_revision(admin, stock):
    import_batch(
        upload(admin, "MIG_STOCK,MEX,2019,,1,,\nMIG_STOCK,CAN,2019,,1,,\n"), MAPPING, by=admin
    )

    result = import_batch(
        upload(admin, "MIG_STOCK,MEX,2019,,1,Revised,\nMIG_STOCK,CAN,2019,,1,,World Bank\n"),
        MAPPING,
        by=admin,
    )

    assert (result.revised, result.unchanged) == (2, 0)


def test_a_revision_drops_the_source_document_of_the_old_figure(admin, stock):
    document = SourceDocument.objects.create(sha256="0" * 64, filename="report.pdf", size=1)
    ObservationFactory(indicator=stock, area="MEX", year=2019, value=1.0, source_document=document)

    import_batch(upload(admin, "MIG_STOCK,MEX,2019,,2,,\n"), MAPPING, by=admin)

    assert Observation.objects.get().source_document is None
    assert ObservationRevision.objects.get().source_document == document


def test_import_reports_progress(admin, stock, monkeypatch):
    monkeypatch.setattr("followup.statistics.services.imports.PROGRESS_EVERY", 2)
    batch = upload(admin, "".join(f"MIG_STOCK,MEX,{year},,1,,\n" for year in range(2000, 2005)))
    calls: list[int] = []

    import_batch(batch, MAPPING, by=admin, progress=calls.append)

    assert calls == [2, 4, 5]


def test_imported_batch_is_not_imported_again(admin, stock):
    batch = upload(admin, "MIG_STOCK,MEX,2019,,1,,\n")
    import_batch(batch, MAPPING, by=admin)

    with pytest.raises(ImportRefused) as excinfo:
        import_batch(batch, MAPPING, by=admin)

    assert excinfo.value.messages == ["“figures.csv” was already imported."]


def test_discarded_batch_is_not_imported(admin, stock):
    batch = upload(admin, "MIG_STOCK,MEX,2019,,1,,\n")
    discard_batch(batch, by=admin)

    with pytest.raises(ImportRefused) as excinfo:
        import_batch(batch, MAPPING, by=admin)

    assert excinfo.value.messages == ["“figures.csv” was discarded; upload it again to import it."]
    assert Observation.objects.count() == 0


def test_only_the_secretariat_imports(admin, stock):
    batch = upload(admin, "MIG_STOCK,MEX,2019,,1,,\n")

    with pytest.raises(PermissionDenied):
        import_batch(batch, MAPPING, by=focal_point())

    assert Observation.objects.count() == 0


@pytest.mark.parametrize("rows", [10, 500])
def test_import_queries_do_not_grow_with_the_rows(
    admin, stock, rows, django_assert_max_num_queries
):
    remittances = IndicatorFactory(code="REMIT")
    areas = [country.alpha_3 for country in pycountry.countries]
    keys = [(areas[number // 20], 2000 + number % 20) for number in range(rows)]
    for area, year in keys[: rows // 2]:  # half of one indicator's figures will be revised
        ObservationFactory(indicator=remittances, area=area, year=year, value=0.0)
    text = "".join(
        f"{code},{area},{year},,{number + 1},,\n"
        for number, (area, year) in enumerate(keys)
        for code in ("MIG_STOCK", "REMIT")
    )
    batch = upload(admin, text)
    admin.has_perm("statistics.add_importbatch")  # the permissions, cached on the user

    with django_assert_max_num_queries(12):
        result = import_batch(batch, MAPPING, by=admin)

    assert (result.created, result.revised) == (rows + rows // 2, rows // 2)


# Discarding.


def test_discard_marks_the_batch_and_deletes_its_file(admin, django_capture_on_commit_callbacks):
    batch = upload(admin, "MIG_STOCK,MEX,2019,,1,,\n")
    name = batch.file.name

    with django_capture_on_commit_callbacks(execute=True):
        discard_batch(batch, by=admin)

    batch.refresh_from_db()
    assert (batch.status, batch.file.name) == (ImportBatch.Status.DISCARDED, "")
    assert not default_storage.exists(name)


def test_discard_rolled_back_keeps_the_file(admin, django_capture_on_commit_callbacks):
    batch = upload(admin, "MIG_STOCK,MEX,2019,,1,,\n")
    name = batch.file.name

    def discard_and_fail():
        with transaction.atomic():
            discard_batch(batch, by=admin)
            raise RuntimeError

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        discard_and_fail()

    assert callbacks == []
    batch.refresh_from_db()
    assert (batch.status, batch.file.name) == (ImportBatch.Status.PENDING, name)
    assert default_storage.exists(name)


def test_imported_batch_cannot_be_discarded(admin, stock):
    batch = upload(admin, "MIG_STOCK,MEX,2019,,1,,\n")
    import_batch(batch, MAPPING, by=admin)

    with pytest.raises(ImportRefused):
        discard_batch(batch, by=admin)

    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.IMPORTED


def test_only_the_secretariat_discards(admin):
    batch = upload(admin, "MIG_STOCK,MEX,2019,,1,,\n")

    with pytest.raises(PermissionDenied):
        discard_batch(batch, by=focal_point())


# A file on disk (the command).


def test_import_path_stores_the_file_and_guesses_the_mapping(tmp_path, stock):
    path = tmp_path / "cifras.csv"
    path.write_text("Indicador;País;Año;Valor\nMIG_STOCK;MEX;2019;7\n", encoding="cp1252")

    result = import_path(path)

    batch = ImportBatch.objects.get()
    assert result.batch == batch
    assert (batch.filename, batch.uploaded_by, batch.status) == (
        "cifras.csv",
        None,
        ImportBatch.Status.IMPORTED,
    )
    with batch.file.open("rb") as file:
        assert file.read() == path.read_bytes()
    assert stored() == [("MIG_STOCK", "MEX", 2019, "", 7.0, "", "", 1)]


def test_refused_import_path_leaves_no_batch_and_no_file(tmp_path, stock, settings):
    path = tmp_path / "figures.csv"
    path.write_text(HEADER + "MIG_STOCK,XYZ,2019,,1,,\n")

    with pytest.raises(ImportRefused):
        import_path(path, MAPPING)

    assert ImportBatch.objects.count() == 0
    assert not list((settings.MEDIA_ROOT).rglob("*.csv"))


def test_import_path_of_a_file_with_a_long_name(tmp_path, stock):
    path = tmp_path / ("f." + "c" * 150)
    path.write_text(HEADER + "MIG_STOCK,MEX,2019,,1,,\n")

    result = import_path(path)

    assert (result.batch.filename, result.created) == (path.name, 1)
    assert result.batch.file.name.endswith(f"/{result.batch.sha256}.csv")


def test_import_path_of_a_binary_file_is_refused(tmp_path):
    path = tmp_path / "figures.csv"
    path.write_bytes(b"\x00\xff" * 100)

    with pytest.raises(ReadError) as excinfo:
        import_path(path)

    assert excinfo.value.messages == ["“figures.csv” is not a CSV or XLSX file."]


def test_import_path_dates_figures_now(tmp_path, stock):
    path = tmp_path / "figures.csv"
    path.write_text(HEADER + "MIG_STOCK,MEX,2019,,1,,\n")
    before = datetime.datetime.now(tz=datetime.UTC)

    import_path(path)

    assert Observation.objects.get().updated_at >= before
