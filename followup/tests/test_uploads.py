import hashlib
import io
import zipfile

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

from followup.uploads import human_size, validate_upload

PDF = (
    b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
    b"trailer <</Root 1 0 R>>\n%%EOF\n"
)
CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org"/>'


def zipped(members: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def docx() -> bytes:
    return zipped([("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", b"<w:document/>")])


def xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append(["Country", "Migrants assisted"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", b"application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b"<office:document-content/>", zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def refusal(file) -> str:
    with pytest.raises(ValidationError) as raised:
        validate_upload(file)
    return raised.value.messages[0]


@pytest.mark.parametrize(
    ("name", "content", "kind", "content_type"),
    [
        ("report.pdf", PDF, "pdf", "application/pdf"),
        (
            "report.docx",
            docx(),
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "figures.xlsx",
            xlsx(),
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("report.odt", odt(), "odt", "application/vnd.oasis.opendocument.text"),
        ("notes.txt", "Niños migrantes: 70 funcionarios.\n".encode(), "txt", "text/plain"),
    ],
)
def test_validate_upload_accepts_each_allowed_type(name, content, kind, content_type):
    info = validate_upload(upload(name, content))

    assert info.kind == kind
    assert info.content_type == content_type
    assert info.name == name
    assert info.size == len(content)
    assert info.sha256 == hashlib.sha256(content).hexdigest()


def test_validate_upload_decides_by_content_and_keeps_the_users_name():
    info = validate_upload(upload("x.docx", PDF))

    assert (info.kind, info.content_type, info.name) == ("pdf", "application/pdf", "x.docx")


def test_validate_upload_refuses_an_executable_named_pdf():
    executable = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64

    assert refusal(upload("report.pdf", executable)) == (
        "“report.pdf” is not a PDF, DOCX, ODT, XLSX or plain-text file."
    )


def test_validate_upload_refuses_a_zip_that_is_no_office_document():
    archive = zipped([("setup.exe", b"MZ\x90\x00"), ("readme.txt", b"run me")])

    assert refusal(upload("report.pdf", archive)) == (
        "“report.pdf” is not a PDF, DOCX, ODT, XLSX or plain-text file."
    )


def test_validate_upload_refuses_a_damaged_zip():
    truncated = docx()[:40]

    assert refusal(upload("report.docx", truncated)) == (
        "“report.docx” is damaged: it looks like a DOCX, XLSX or ODT file but cannot be read."
    )


def test_validate_upload_refuses_a_zip_bomb():
    bomb = zipped(
        [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", b"<w:document/>"),
            ("word/media/padding.bin", b"\x00" * (8 * 1024 * 1024)),
        ]
    )

    assert len(bomb) < 100_000
    assert refusal(upload("report.docx", bomb)) == (
        "“report.docx” expands to far more data than a document would; it was refused."
    )


def test_validate_upload_refuses_a_zip_with_too_many_members():
    crowded = zipped(
        [("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", b"<w:document/>")]
        + [(f"word/part{n}.xml", b"") for n in range(2_000)]
    )

    assert refusal(upload("report.docx", crowded)) == (
        "“report.docx” expands to far more data than a document would; it was refused."
    )


def test_validate_upload_refuses_a_macro_enabled_document():
    macro = zipped(
        [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", b"<w:document/>"),
            ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0"),
        ]
    )

    assert refusal(upload("report.docx", macro)) == (
        "“report.docx” contains macros, which are not accepted. Save it as a plain DOCX or "
        "XLSX file and upload it again."
    )


def test_validate_upload_refuses_an_odt_whose_mimetype_is_another_format():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", b"application/vnd.oasis.opendocument.spreadsheet")

    assert refusal(upload("report.odt", buffer.getvalue())) == (
        "“report.odt” is not a PDF, DOCX, ODT, XLSX or plain-text file."
    )


def test_validate_upload_accepts_html_as_plain_text():
    page = b"<!doctype html><html><body><script>alert(1)</script></body></html>"

    info = validate_upload(upload("page.txt", page))

    assert (info.kind, info.content_type) == ("txt", "text/plain")


def test_validate_upload_accepts_text_with_a_byte_order_mark():
    info = validate_upload(upload("notes.txt", "\ufeffInforme de la CIM".encode()))

    assert info.kind == "txt"


@pytest.mark.parametrize(
    "content",
    [
        "Latin-1 text: niños".encode("latin-1"),
        b"text with a NUL\x00 byte",
        b"\x01\x02\x03\x04\x05 mostly control characters \x06\x07\x08",
    ],
)
def test_validate_upload_refuses_what_is_not_plain_utf8_text(content):
    assert refusal(upload("notes.txt", content)) == (
        "“notes.txt” is not a PDF, DOCX, ODT, XLSX or plain-text file."
    )


def test_validate_upload_refuses_an_empty_file():
    assert refusal(upload("empty.pdf", b"")) == "“empty.pdf” is empty."


def test_validate_upload_refuses_a_file_one_byte_over_the_limit(settings):
    settings.UPLOAD_MAX_BYTES = 1000

    assert refusal(upload("big.txt", b"a" * 1001)) == (
        "“big.txt” is 1001 bytes; the limit is 1000 bytes."
    )
    assert validate_upload(upload("fits.txt", b"a" * 1000)).size == 1000


def test_validate_upload_names_sizes_in_megabytes():
    file = upload("scan.pdf", PDF)
    file.size = 22_334_668  # what the upload handler measured; nothing is read before refusing

    assert refusal(file) == "“scan.pdf” is 21.3 MB; the limit is 20.0 MB."


def test_validate_upload_gives_exact_sizes_when_rounding_would_hide_the_difference(settings):
    settings.UPLOAD_MAX_BYTES = 20 * 1024 * 1024
    file = upload("scan.pdf", PDF)
    file.size = 20 * 1024 * 1024 + 1

    assert refusal(file) == "“scan.pdf” is 20,971,521 bytes; the limit is 20,971,520 bytes."


def test_validate_upload_rewinds_the_file():
    content = docx()
    file = upload("report.docx", content)

    validate_upload(file)

    assert file.read() == content


def test_validate_upload_reads_a_file_spooled_to_disk():
    file = TemporaryUploadedFile("report.odt", "application/octet-stream", 0, None)
    file.write(odt())
    file.size = file.tell()
    try:
        info = validate_upload(file)
    finally:
        file.close()

    assert info.kind == "odt"


@pytest.mark.parametrize(
    ("size", "shown"),
    [(1, "1 byte"), (840, "840 bytes"), (12_800, "12.5 KB"), (22_334_668, "21.3 MB")],
)
def test_human_size(size, shown):
    assert human_size(size) == shown
