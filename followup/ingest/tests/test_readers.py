"""The readers' entry points: sniffing by content, names that lie, limits, never a traceback."""

import hashlib
import io
import random
import re
import zipfile

import pytest

from followup.ingest.blocks import UnreadableFile
from followup.ingest.readers import Limits, read_bytes, read_path
from followup.ingest.tests.test_readers_docx import _docx, _p
from followup.ingest.tests.test_readers_odt import _odt
from followup.ingest.tests.test_readers_pdf import _pdf, _report

HTML_PAGE = (
    b"<!DOCTYPE html><html><body><h1>Report</h1><p>The work of the Commission.</p></body></html>"
)


def _refused(message: str):
    """Expect UnreadableFile with exactly this reason."""
    return pytest.raises(UnreadableFile, match=f"^{re.escape(message)}$")


def test_read_bytes_records_the_name_hash_type_and_language():
    data = "Informe de las actividades de la Comisión en los países de la región".encode()
    document = read_bytes(data, "informe.txt")
    assert (document.filename, document.sha256, document.media_type, document.language) == (
        "informe.txt",
        hashlib.sha256(data).hexdigest(),
        "text/plain",
        "es",
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The report of the Commission and the work of the States", "en"),
        ("El informe de la Comisión y el trabajo de los Estados", "es"),
        ("AG/RES. 2883 (XLVI-O/16) 2019–2020", ""),
    ],
)
def test_read_bytes_guesses_english_or_spanish_from_common_words(text, language):
    assert read_bytes(text.encode(), "a.txt").language == language


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (_pdf(_report()), "application/pdf"),
        (
            _docx(_p("Report")),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (_odt("<text:p>Report</text:p>"), "application/vnd.oasis.opendocument.text"),
        (HTML_PAGE, "text/html"),
        (b"Report of the Commission", "text/plain"),
    ],
    ids=["pdf", "docx", "odt", "html", "text"],
)
@pytest.mark.parametrize("name", ["upload", "upload.bin", "upload.DOC"])
def test_read_bytes_reads_a_name_without_a_known_extension_by_its_content(data, media_type, name):
    assert read_bytes(data, name).media_type == media_type


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (
            _pdf(_report()),
            "report.docx",
            "the content is a PDF, not the Word document its name says",
        ),
        (
            b"Plain words",
            "report.docx",
            "the content is plain text, not the Word document its name says",
        ),
        (
            _docx(_p("Report")),
            "report.pdf",
            "the content is a Word document, not the PDF its name says",
        ),
        (
            _odt("<text:p>x</text:p>"),
            "report.docx",
            "the content is an OpenDocument text, not the Word document its name says",
        ),
        (_pdf(_report()), "notes.txt", "the content is a PDF, not the text file its name says"),
        (
            HTML_PAGE,
            "report.odt",
            "the content is a web page, not the OpenDocument text its name says",
        ),
    ],
)
def test_read_bytes_refuses_content_that_is_not_what_the_name_says(data, name, message):
    with pytest.raises(UnreadableFile) as raised:
        read_bytes(data, name)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "an encrypted or old-format (.doc) Word file; save it as .docx",
        ),
        (b"{\\rtf1\\ansi Report}", "an RTF file; save it as .docx"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "not a document Follow-up can read (PNG image)"),
        (b"\xff\xd8\xff\xe0" + bytes(100), "not a document Follow-up can read (JPEG image)"),
        (b"\x1f\x8b\x08" + bytes(100), "not a document Follow-up can read (compressed archive)"),
    ],
    ids=["empty", "ole", "rtf", "png", "jpeg", "gzip"],
)
def test_read_bytes_says_what_a_file_it_cannot_read_is(data, message):
    with pytest.raises(UnreadableFile) as raised:
        read_bytes(data, "upload.docx" if data.startswith(b"\xd0") else "upload")
    assert str(raised.value) == message


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("members", "what"),
    [
        ({"notes.txt": "hello"}, "ZIP archive"),
        ({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}, "spreadsheet"),
        ({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"}, "presentation"),
    ],
)
def test_read_bytes_refuses_archives_that_are_not_text_documents(members, what):
    with pytest.raises(UnreadableFile) as raised:
        read_bytes(_zip(members), "upload.zip")
    assert str(raised.value) == f"not a document Follow-up can read ({what})"


def test_read_bytes_refuses_a_password_protected_archive_part():
    data = bytearray(_docx(_p("Report")))
    # Set the "encrypted" flag of every entry, in the local headers and the directory.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset] |= 0x01
            start += 4
    with _refused("the document is password-protected"):
        read_bytes(bytes(data), "report.docx")


def test_read_bytes_refuses_a_file_over_the_size_limit():
    with _refused("the file is larger than 1.0 KB"):
        read_bytes(b"Report " * 200, "report.txt", limits=Limits(max_file_bytes=1024))


def test_read_bytes_refuses_more_blocks_than_the_limit():
    with _refused("the document has more than 3 paragraphs"):
        read_bytes(b"One\nTwo\nThree\nFour\n", "list.txt", limits=Limits(max_blocks=3))


def test_read_path_reads_a_file_and_names_it_by_its_file_name(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"Report of the Commission")
    document = read_path(path)
    assert (document.filename, [block.text for block in document.blocks]) == (
        "report.txt",
        ["Report of the Commission"],
    )


def test_read_path_refuses_a_large_file_before_reading_it(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as file:
        file.truncate(60 * 1024 * 1024)  # sparse: nothing is written or read
    with _refused("the file is larger than 50.0 MB"):
        read_path(path)


def test_read_path_says_why_a_file_cannot_be_opened(tmp_path):
    with _refused("the file cannot be opened: No such file or directory"):
        read_path(tmp_path / "missing.docx")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("a.docx", _docx(_p("Report of the Commission") * 20)),
        ("a.odt", _odt("<text:p>Report of the Commission</text:p>" * 20)),
        ("a.pdf", _pdf(_report())),
        ("a.html", HTML_PAGE * 5),
    ],
)
def test_read_bytes_never_fails_with_anything_but_unreadable_file_on_damaged_input(name, data):
    """Truncated and randomly altered copies are either read or refused with a reason."""
    generator = random.Random(2883)  # noqa: S311 — reproducible noise, not secrets
    variants = [data[:cut] for cut in range(1, len(data), max(1, len(data) // 25))]
    for _ in range(40):
        altered = bytearray(data)
        for _ in range(generator.randint(1, 8)):
            altered[generator.randrange(len(altered))] = generator.randrange(256)
        variants.append(bytes(altered))
    reasons = set()
    for variant in variants:
        try:
            read_bytes(variant, name)
        except UnreadableFile as error:
            reasons.add(str(error))
    assert reasons
    assert [reason for reason in reasons if not reason or "\n" in reason] == []
