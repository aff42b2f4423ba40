"""OpenDocument text: headings, lists with their labels, tables, notes, hostile content."""

import io
import re
import zipfile

import pytest

from followup.ingest.blocks import UnreadableFile
from followup.ingest.readers import read_bytes

ODT = "application/vnd.oasis.opendocument.text"
_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
)
_AUTOMATIC_STYLES = (
    '<style:style style:name="T1" style:family="text">'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>'
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-format="a" style:num-suffix=")"/>'
    '<text:list-level-style-bullet text:level="2" text:bullet-char="•"/>'
    "</text:list-style>"
)
_STYLES = (
    f'<?xml version="1.0"?><office:document-styles {_NAMESPACES}><office:styles>'
    '<style:style style:name="Title" style:display-name="Title" style:family="paragraph"/>'
    '<style:style style:name="Strong_20_note" style:family="paragraph">'
    '<style:text-properties fo:font-weight="700"/></style:style>'
    "</office:styles></office:document-styles>"
)


def _refused(message: str):
    """Expect UnreadableFile with exactly this reason."""
    return pytest.raises(UnreadableFile, match=f"^{re.escape(message)}$")


def _odt(body: str, *, mimetype: str = ODT, prolog: str = "", styles: str = _STYLES) -> bytes:
    content = (
        f'<?xml version="1.0"?>{prolog}<office:document-content {_NAMESPACES}>'
        f"<office:automatic-styles>{_AUTOMATIC_STYLES}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # OpenDocument stores its type first and uncompressed.
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("styles.xml", styles, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def test_read_odt_gives_headings_paragraphs_lists_and_table_rows():
    body = (
        '<text:p text:style-name="P1">Work plan of the Committee</text:p>'
        '<text:h text:outline-level="1">Mandates</text:h>'
        "<text:p>The plan is based on<text:s/>the mandates<text:note><text:note-body>"
        "<text:p>Of the General Assembly.</text:p></text:note-body></text:note>.</text:p>"
        '<text:h text:outline-level="2"><text:number>1.</text:number>Functions</text:h>'
        '<text:list text:style-name="L1">'
        "<text:list-item><text:p>To serve as the forum</text:p></text:list-item>"
        "<text:list-item><text:p>To promote dialogue</text:p>"
        "<text:list><text:list-item><text:p>with member states</text:p></text:list-item>"
        "</text:list>"
        "</text:list-item>"
        "</text:list>"
        '<text:p text:style-name="Strong_20_note">Calendar</text:p>'
        '<text:p>Partly <text:span text:style-name="T1">bold</text:span></text:p>'
        "<table:table><table:table-row><table:table-cell><text:p>Date</text:p></table:table-cell>"
        "<table:table-cell><text:p>Activity</text:p></table:table-cell></table:table-row>"
        '<table:table-row table:number-rows-repeated="1048576">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        "<table:table-row><table:table-cell><text:p>October 2016</text:p></table:table-cell>"
        "<table:covered-table-cell/></table:table-row></table:table>"
    )
    document = read_bytes(_odt(body), "plan.odt")
    assert document.media_type == ODT
    assert [
        (b.index, b.kind, b.level, b.list_label, b.text, b.style, b.bold) for b in document.blocks
    ] == [
        (0, "heading", 1, "", "Work plan of the Committee", "Title", False),
        (1, "heading", 1, "", "Mandates", "", False),
        (2, "paragraph", 0, "", "The plan is based on the mandates.", "", False),
        (3, "heading", 2, "1.", "Functions", "", False),
        (4, "list_item", 0, "a)", "To serve as the forum", "", False),
        (5, "list_item", 0, "b)", "To promote dialogue", "", False),
        (6, "list_item", 0, "•", "with member states", "", False),
        (7, "paragraph", 0, "", "Calendar", "Strong note", True),
        (8, "paragraph", 0, "", "Partly bold", "", False),
        (9, "table_row", 0, "", "Date | Activity", "", False),
        (10, "table_row", 0, "", "October 2016 |", "", False),
        (11, "paragraph", 0, "", "Of the General Assembly.", "footnote", False),
    ]
    assert document.blocks[10].cells == ("October 2016", "")
    assert document.language == "en"


def test_read_odt_reads_a_document_without_styles():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODT)
        archive.writestr(
            "content.xml",
            f"<office:document-content {_NAMESPACES}><office:body><office:text>"
            "<text:p>Informe de la reunión de los Estados</text:p></office:text></office:body>"
            "</office:document-content>",
        )
    document = read_bytes(buffer.getvalue(), "informe.odt")
    assert ([b.text for b in document.blocks], document.language) == (
        ["Informe de la reunión de los Estados"],
        "es",
    )


def test_read_odt_does_not_expand_entities():
    prolog = (
        '<!DOCTYPE office:document-content [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    )
    with _refused("the document declares a DTD, which Word and OpenDocument files never do"):
        read_bytes(_odt("<text:p>&b;</text:p>", prolog=prolog), "laughs.odt")


def test_read_odt_refuses_other_opendocument_files():
    data = _odt("<text:p>x</text:p>", mimetype="application/vnd.oasis.opendocument.spreadsheet")
    with _refused("not a document Follow-up can read (spreadsheet)"):
        read_bytes(data, "figures.ods")


def test_read_odt_refuses_a_truncated_archive():
    data = _odt("<text:p>Some text</text:p>" * 50)
    with _refused("the ZIP archive is damaged or truncated"):
        read_bytes(data[:-30], "plan.odt")
