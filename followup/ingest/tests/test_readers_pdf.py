"""PDF: text regrouped into paragraphs with sizes, headings by size, and refusals."""

import io
import os
import re
from pathlib import Path

import pytest
from pypdf import PdfWriter

from followup.ingest.blocks import UnreadableFile
from followup.ingest.readers import Limits, read_bytes

CHROMIUM = Path("/usr/bin/chromium")
Line = tuple[str, float, float, bool]  # text, font size, baseline from the bottom, bold


def _refused(message: str):
    """Expect UnreadableFile with exactly this reason."""
    return pytest.raises(UnreadableFile, match=f"^{re.escape(message)}$")


def _pdf(*pages: list[Line], image: bool = False) -> bytes:
    """A PDF written by hand: Helvetica text at the given sizes and heights, one page each."""
    objects: list[bytes] = [b"", b""]  # the catalog and the page tree, filled in last
    fonts = []
    for name in ("Helvetica", "Helvetica-Bold"):
        objects.append(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
            % name.encode()
        )
        fonts.append(len(objects))
    kids = []
    for lines in pages:
        content = b"".join(
            b"BT /F%d %g Tf 72 %g Td (%s) Tj ET\n"
            % (
                2 if bold else 1,
                size,
                y,
                text.replace("(", r"\(").replace(")", r"\)").encode("cp1252"),
            )
            for text, size, y, bold in lines
        )
        resources = f"/Font << /F1 {fonts[0]} 0 R /F2 {fonts[1]} 0 R >>"
        if image:
            objects.append(
                b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray"
                b" /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
            )
            resources = f"/XObject << /Im1 {len(objects)} 0 R >>"
            content = b"q 200 0 0 200 100 400 cm /Im1 Do Q\n"
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << {resources} >>"
            f" /Contents {len(objects)} 0 R >>".encode()
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    references = " ".join(f"{kid} 0 R" for kid in kids)
    objects[1] = f"<< /Type /Pages /Kids [{references}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


_BODY = "The Commission held its period of sessions and the working group met twice"


def _report() -> list[Line]:
    return [
        ("Annual report", 24, 720, True),
        (_BODY, 11, 690, False),
        ("in Washington, with the participation of the member states.", 11, 677, False),
        ("Activities", 16, 640, True),
        (_BODY, 11, 610, False),
        ("Best practices", 11, 580, True),
        ("1. Training of officials", 11, 560, False),
        ("2. Exchange of information", 11, 546, False),
    ]


def _read(data: bytes) -> list[tuple]:
    document = read_bytes(data, "report.pdf")
    assert document.media_type == "application/pdf"
    return [(b.kind, b.level, b.list_label, b.text, b.size, b.bold) for b in document.blocks]


def test_read_pdf_groups_lines_into_paragraphs_and_ranks_headings_by_size():
    assert _read(_pdf(_report())) == [
        ("heading", 1, "", "Annual report", 2.18, True),
        (
            "paragraph",
            0,
            "",
            f"{_BODY} in Washington, with the participation of the member states.",
            1.0,
            False,
        ),
        ("heading", 2, "", "Activities", 1.45, True),
        ("paragraph", 0, "", _BODY, 1.0, False),
        ("heading", 3, "", "Best practices", 1.0, True),
        ("list_item", 0, "1.", "Training of officials", 1.0, False),
        ("list_item", 0, "2.", "Exchange of information", 1.0, False),
    ]


def test_read_pdf_continues_a_paragraph_on_the_next_page_and_drops_running_heads():
    def page(number: int, lines: list[Line]) -> list[Line]:
        return [("Inter-American Program", 9, 760, False), *lines, (str(number), 9, 30, False)]

    pages = [
        page(
            1,
            [("Report", 20, 700, True), (_BODY, 11, 670, False), (f"{_BODY} and", 11, 657, False)],
        ),
        page(
            2,
            [
                ("continued on this page.", 11, 740, False),
                ("A new paragraph of the text on this page.", 11, 700, False),
            ],
        ),
        page(3, [(_BODY + ".", 11, 740, False)]),
    ]
    assert [text for _kind, _level, _label, text, _size, _bold in _read(_pdf(*pages))] == [
        "Report",
        f"{_BODY} {_BODY} and continued on this page.",
        "A new paragraph of the text on this page.",
        f"{_BODY}.",
    ]


def test_read_pdf_guesses_the_language_of_its_text():
    lines = [
        ("Informe de la Comisión sobre los derechos de las personas migrantes", 11, 700, False)
    ]
    assert read_bytes(_pdf(lines), "informe.pdf").language == "es"


def test_read_pdf_refuses_a_pdf_without_a_text_layer():
    with _refused("no text layer: scanned document?"):
        read_bytes(_pdf([], image=True), "scan.pdf")


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(_pdf(_report())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_read_pdf_refuses_an_encrypted_pdf():
    with _refused("the PDF is encrypted"):
        read_bytes(_encrypted("secret"), "report.pdf")


def test_read_pdf_reads_a_pdf_encrypted_only_against_copying():
    assert _read(_encrypted(""))[0][3] == "Annual report"


def test_read_pdf_refuses_a_damaged_pdf():
    with _refused("the PDF is damaged and cannot be read"):
        read_bytes(
            b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n" + bytes(range(256)),
            "x.pdf",
        )


def test_read_pdf_refuses_more_pages_than_the_limit():
    with _refused("the PDF has more than 2 pages"):
        read_bytes(_pdf(*[_report()] * 3), "long.pdf", limits=Limits(max_pdf_pages=2))


@pytest.fixture
def chromium() -> Path:
    if not CHROMIUM.is_file():
        message = f"Chromium is not installed at {CHROMIUM}; the PDF cannot be printed"
        if os.environ.get("FOLLOWUP_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


def test_read_pdf_reads_what_chromium_prints(chromium):
    from playwright.sync_api import sync_playwright

    from followup.publishing.render.pdf import CHROMIUM_ARGS

    page_html = (
        "<html><body style='font: 11pt serif'><h1 style='font-size: 22pt'>Annual report</h1>"
        f"<p>{_BODY} in Washington.</p><h2 style='font-size: 15pt'>Activities</h2><p>{_BODY}.</p>"
        "<ol><li>Training of officials</li><li>Exchange of information</li></ol></body></html>"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_context(java_script_enabled=False, offline=True).new_page()
            page.set_content(page_html)
            data = page.pdf()
        finally:
            browser.close()
    assert [
        (kind, level, label, text) for kind, level, label, text, _size, _bold in _read(data)
    ] == [
        ("heading", 1, "", "Annual report"),
        ("paragraph", 0, "", f"{_BODY} in Washington."),
        ("heading", 2, "", "Activities"),
        ("paragraph", 0, "", f"{_BODY}."),
        ("list_item", 0, "1.", "Training of officials"),
        ("list_item", 0, "2.", "Exchange of information"),
    ]
