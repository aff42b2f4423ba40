"""Word documents: styles, outline levels, numbering, tables, bold, notes, and hostile archives."""

import io
import re
import time
import tracemalloc
import zipfile

import docx
import pytest
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from followup.ingest.blocks import UnreadableFile
from followup.ingest.readers import Limits, read_bytes

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_TYPES = (
    '<?xml version="1.0"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1"'
    ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="word/document.xml"/>'
    "</Relationships>"
)


def _refused(message: str):
    """Expect UnreadableFile with exactly this reason."""
    return pytest.raises(UnreadableFile, match=f"^{re.escape(message)}$")


def _zip(parts: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _docx(body: str, **parts: str) -> bytes:
    """A minimal DOCX: `body` is the XML inside w:body; `parts` are other word/ parts."""
    document = (
        f'<?xml version="1.0"?><w:document xmlns:w="{W}" xmlns:mc="{MC}">'
        f"<w:body>{body}</w:body></w:document>"
    )
    files: dict[str, bytes | str] = {
        "[Content_Types].xml": _TYPES,
        "_rels/.rels": _RELS,
        "word/document.xml": document,
    }
    for name, xml in parts.items():
        files[f"word/{name}.xml"] = f'<?xml version="1.0"?><w:{name} xmlns:w="{W}">{xml}</w:{name}>'
    return _zip(files)


def _p(
    text: str, *, style: str = "", numbering: tuple[int, int] | None = None, bold: bool = False
) -> str:
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if numbering:
        properties += (
            f'<w:numPr><w:ilvl w:val="{numbering[1]}"/><w:numId w:val="{numbering[0]}"/></w:numPr>'
        )
    run = "<w:rPr><w:b/></w:rPr>" if bold else ""
    text = f'<w:t xml:space="preserve">{text}</w:t>'
    return f"<w:p><w:pPr>{properties}</w:pPr><w:r>{run}{text}</w:r></w:p>"


def _read(data: bytes) -> list[tuple]:
    document = read_bytes(data, "report.docx")
    assert document.media_type == DOCX
    return [(b.kind, b.level, b.list_label, b.text) for b in document.blocks]


def _python_docx() -> WordDocument:
    document = docx.Document()
    document.add_heading("Annual report of the Commission", level=0)  # the Title style
    document.add_heading("Activities carried out", level=1)
    document.add_paragraph("The Commission held its period of sessions.")
    document.add_heading("Hearings", level=2)
    document.add_paragraph("First hearing", style="List Number")
    document.add_paragraph("Second hearing", style="List Number")
    document.add_paragraph("A bulleted point", style="List Bullet")
    whole = document.add_paragraph()
    whole.add_run("Best practices").bold = True
    part = document.add_paragraph()
    part.add_run("Partly").bold = True
    part.add_run(" bold")
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(
        table.rows,
        (("Date", "Mandate", "Activity"), ("2019", "AG/RES. 2883", "Forum")),
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    return document


def _saved(document: WordDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_read_docx_gives_headings_lists_paragraphs_and_table_rows():
    document = read_bytes(_saved(_python_docx()), "report.docx")
    assert [
        (b.index, b.kind, b.level, b.list_label, b.text, b.style, b.bold) for b in document.blocks
    ] == [
        (0, "heading", 1, "", "Annual report of the Commission", "Title", False),
        (1, "heading", 1, "", "Activities carried out", "Heading 1", True),
        (2, "paragraph", 0, "", "The Commission held its period of sessions.", "Normal", False),
        (3, "heading", 2, "", "Hearings", "Heading 2", True),
        (4, "list_item", 0, "1.", "First hearing", "List Number", False),
        (5, "list_item", 0, "2.", "Second hearing", "List Number", False),
        (6, "list_item", 0, "•", "A bulleted point", "List Bullet", False),
        (7, "paragraph", 0, "", "Best practices", "Normal", True),
        (8, "paragraph", 0, "", "Partly bold", "Normal", False),
        (9, "table_row", 0, "", "Date | Mandate | Activity", "", False),
        (10, "table_row", 0, "", "2019 | AG/RES. 2883 | Forum", "", False),
    ]
    assert document.blocks[10].cells == ("2019", "AG/RES. 2883", "Forum")
    assert document.language == "en"


def test_read_docx_takes_heading_levels_from_spanish_and_custom_style_names():
    document = docx.Document()
    for name in ("Título 2", "Título de sección", "OAS Heading 3", "Subtítulo"):
        document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        document.add_paragraph(f"Text in {name}", style=name)
    assert _read(_saved(document)) == [
        ("heading", 2, "", "Text in Título 2"),
        ("heading", 1, "", "Text in Título de sección"),
        ("heading", 3, "", "Text in OAS Heading 3"),
        ("paragraph", 0, "", "Text in Subtítulo"),
    ]


def test_read_docx_takes_heading_levels_from_outline_levels():
    document = docx.Document()
    style = document.styles.add_style("Plain section", WD_STYLE_TYPE.PARAGRAPH)
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "1")
    style.element.get_or_add_pPr().append(outline)
    document.add_paragraph("Styled with an outline level", style="Plain section")
    direct = document.add_paragraph("Outline level set on the paragraph")
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "2")
    direct._p.get_or_add_pPr().append(level)
    assert _read(_saved(document)) == [
        ("heading", 2, "", "Styled with an outline level"),
        ("heading", 3, "", "Outline level set on the paragraph"),
    ]


def test_read_docx_labels_list_items_as_their_numbering_draws_them():
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        "</w:lvl>"
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="%2)"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>'
        '<w:lvlText w:val="%1.%3"/></w:lvl>'
        "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="18"/></w:lvlOverride></w:num>'
    )
    body = "".join(
        [
            _p("General Secretariat", numbering=(1, 0)),
            _p("Coordinate initiatives", numbering=(1, 1)),
            _p("Conclude agreements", numbering=(1, 1)),
            _p("In detail", numbering=(1, 2)),
            _p("Committee on Migration Issues", numbering=(1, 0)),
            _p("Implement the Program", numbering=(1, 1)),
            _p("A bullet", numbering=(2, 0)),
            _p("Operative paragraph", numbering=(3, 0)),
            _p("Numbering switched off", numbering=(0, 0)),
            _p("", numbering=(1, 0)),
        ]
    )
    assert _read(_docx(body, numbering=numbering)) == [
        ("list_item", 0, "1.", "General Secretariat"),
        ("list_item", 0, "a)", "Coordinate initiatives"),
        ("list_item", 0, "b)", "Conclude agreements"),
        ("list_item", 0, "1.i", "In detail"),
        ("list_item", 0, "2.", "Committee on Migration Issues"),
        ("list_item", 0, "a)", "Implement the Program"),
        ("list_item", 0, "•", "A bullet"),
        ("list_item", 0, "18.", "Operative paragraph"),
        ("paragraph", 0, "", "Numbering switched off"),
    ]


def test_read_docx_gives_a_numbered_heading_its_label():
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    styles = (
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    )
    body = _p("Introduction", style="Heading1", numbering=(1, 0)) + _p(
        "Mandates", style="Heading1", numbering=(1, 0)
    )
    assert _read(_docx(body, numbering=numbering, styles=styles)) == [
        ("heading", 1, "I.", "Introduction"),
        ("heading", 1, "II.", "Mandates"),
    ]


def test_read_docx_keeps_a_typed_label_as_a_list_item():
    assert _read(_docx(_p("a) Typed by hand"))) == [("list_item", 0, "a)", "Typed by hand")]


def test_read_docx_reads_visible_text_only():
    body = (
        "<w:p>"
        '<w:r><w:t xml:space="preserve">See </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>'
        '<w:instrText> HYPERLINK "http://example.org" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:hyperlink><w:r><w:t>the portal</w:t></w:r></w:hyperlink>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:del><w:r><w:delText>deleted words</w:delText></w:r></w:del>"
        '<w:ins><w:r><w:t xml:space="preserve"> and inserted</w:t></w:r></w:ins>'
        "<w:r><w:tab/><w:t>after a tab</w:t><w:br/><w:t>and a break</w:t></w:r>"
        "</w:p>"
    )
    assert _read(_docx(body)) == [
        ("paragraph", 0, "", "See the portal and inserted after a tab and a break")
    ]


def test_read_docx_reads_a_text_box_once():
    box = "<w:txbxContent><w:p><w:r><w:t>In the box</w:t></w:r></w:p></w:txbxContent>"
    body = (
        "<w:p><w:r><w:t>Around</w:t></w:r><w:r><mc:AlternateContent>"
        f"<mc:Choice><w:drawing>{box}</w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict>"
        "</mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    assert _read(_docx(body)) == [
        ("paragraph", 0, "", "In the box"),
        ("paragraph", 0, "", "Around"),
    ]


def test_read_docx_puts_footnotes_after_the_body():
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r>'
        '<w:t xml:space="preserve"> Adopted in 2005.</w:t></w:r></w:p></w:footnote>'
    )
    document = read_bytes(_docx(_p("Body"), footnotes=footnotes), "a.docx")
    assert [(b.kind, b.text, b.style) for b in document.blocks] == [
        ("paragraph", "Body", ""),
        ("paragraph", "Adopted in 2005.", "footnote"),
    ]


def test_read_docx_reads_a_table_nested_in_a_cell_into_that_cell():
    inner = (
        "<w:tbl><w:tr><w:tc>"
        + _p("inner one")
        + "</w:tc><w:tc>"
        + _p("inner two")
        + "</w:tc></w:tr></w:tbl>"
    )
    body = (
        "<w:tbl><w:tr><w:tc>"
        + _p("outer")
        + inner
        + "</w:tc><w:tc>"
        + _p("next")
        + "</w:tc></w:tr></w:tbl>"
    )
    document = read_bytes(_docx(body), "a.docx")
    assert [(b.kind, b.cells) for b in document.blocks] == [
        ("table_row", ("outer inner one inner two", "next"))
    ]


def test_read_docx_refuses_a_truncated_archive():
    data = _saved(_python_docx())
    with _refused("the ZIP archive is damaged or truncated"):
        read_bytes(data[: len(data) // 2], "report.docx")


def test_read_docx_refuses_a_corrupted_part():
    data = bytearray(_docx(_p("Body text " * 200)))
    start = data.index(b"word/document.xml") + len("word/document.xml")
    data[start + 20 : start + 60] = bytes(40)  # inside the deflated body
    with _refused("the ZIP archive is damaged or truncated"):
        read_bytes(bytes(data), "report.docx")


def test_read_docx_refuses_a_body_that_inflates_beyond_the_budget_without_inflating_it():
    body = _p("Migration " * 100) * 5_000  # about 6 MB of XML
    data = _docx(body)
    limits = Limits(max_inflated_bytes=1024 * 1024, max_compression_ratio=10**6)
    tracemalloc.start()
    try:
        with _refused("the document inflates to more than 1.0 MB: refused as a possible ZIP bomb"):
            read_bytes(data, "report.docx", limits=limits)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < len(data) + 1024 * 1024


def test_read_docx_refuses_a_part_compressed_like_a_zip_bomb():
    data = _docx(
        _p("lol") * 200_000,
    )
    with _refused(
        "a part of the document is compressed more than 200 to 1: refused as a possible ZIP bomb"
    ):
        read_bytes(data, "report.docx")


def test_read_docx_refuses_an_archive_with_too_many_parts():
    data = _zip({"[Content_Types].xml": _TYPES, **{f"word/media/{n}.xml": "" for n in range(20)}})
    with _refused("the archive has more than 10 parts"):
        read_bytes(data, "report.docx", limits=Limits(max_archive_members=10))


def test_read_docx_does_not_expand_entities():
    lol = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    document = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">{lol}]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>'
        "</w:document>"
    )
    data = _zip(
        {"[Content_Types].xml": _TYPES, "_rels/.rels": _RELS, "word/document.xml": document}
    )
    started = time.perf_counter()
    with _refused("the document declares a DTD, which Word and OpenDocument files never do"):
        read_bytes(data, "laughs.docx")
    assert time.perf_counter() - started < 0.5


def test_read_docx_refuses_a_body_that_is_not_xml():
    data = _zip(
        {
            "[Content_Types].xml": _TYPES,
            "_rels/.rels": _RELS,
            "word/document.xml": "<w:document><w:body>",
        }
    )
    with _refused("the document is damaged: its XML cannot be read"):
        read_bytes(data, "report.docx")


def test_read_docx_refuses_an_archive_without_its_body():
    data = _zip({"[Content_Types].xml": _TYPES, "word/styles.xml": "<x/>"})
    with _refused("the document is damaged: its part word/document.xml is missing"):
        read_bytes(data, "report.docx")


def test_read_docx_refuses_a_document_without_text():
    with _refused("the document has no text"):
        read_bytes(_docx(_p("  ")), "empty.docx")
