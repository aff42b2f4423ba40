"""The Word rendering of the annual report, read back with python-docx."""

import dataclasses
import datetime
import io
import os
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches

from followup.publishing.document import build_annual_report
from followup.publishing.render.docx import render_docx

pytestmark = pytest.mark.django_db

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")
BASE = "https://followup.example.org"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def _read(data):
    return docx.Document(io.BytesIO(data))


def _outline(document):
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name in HEADINGS]


def _part(data, name):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode()


def _languages_of(document, text):
    """The w:lang values on the runs of the paragraph reading `text`."""
    (paragraph,) = [p for p in document.paragraphs if p.text == text]
    return [lang.get(f"{W}val") for lang in paragraph._p.iter(f"{W}lang")]


def test_docx_outline_follows_the_cycle_in_english(compiled_cycle):
    report = build_annual_report(
        compiled_cycle, language="en", introduction="Why we report.", annex_base=BASE
    )

    document = _read(render_docx(report))

    iachr, _dps, iin = report.sections
    assert _outline(document) == [
        ("Heading 1", "Introduction"),
        ("Heading 1", "1. Inter-American Commission on Human Rights (IACHR)"),
        ("Heading 2", "Activities carried out"),
        ("Heading 3", iachr.carried_out[0].heading),
        ("Heading 3", iachr.carried_out[1].heading),
        ("Heading 2", "Activities planned for the next period"),
        ("Heading 2", "Best practices"),
        ("Heading 2", "New proposals for the Program"),
        ("Heading 1", "2. Department of Public Security (DPS)"),
        ("Heading 2", "Activities carried out"),
        ("Heading 3", "Trafficking in persons and migrant smuggling"),
        ("Heading 1", "3. Inter-American Children's Institute (IIN)"),
        ("Heading 2", "Activities carried out"),
        ("Heading 3", iin.carried_out[0].heading),
        ("Heading 3", "Other activities"),
        ("Heading 2", "Activities planned for the next period"),
        ("Heading 1", "Annex: complete reports submitted by the Program's actors"),
        ("Heading 1", "Summary tables"),
        ("Heading 2", "Entries per theme"),
        ("Heading 2", "Entries per population group"),
        ("Heading 2", "Entries per country"),
    ]
    assert iachr.carried_out[0].heading.startswith("IACHR b. ")
    assert iin.carried_out[0].heading.startswith("IIN a. ")
    title, subtitle, dated = document.paragraphs[:3]
    assert (title.style.name, title.text) == ("Title", report.title)
    assert (subtitle.style.name, subtitle.text) == ("Subtitle", "Period 2019–2020")
    assert dated.text == "June 30, 2020"


def test_docx_outline_follows_the_cycle_in_spanish(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="es", annex_base=BASE)

    document = _read(render_docx(report))

    # Compared with the report's labels: the catalog may not hold every translation yet.
    labels = report.labels
    iachr, dps, iin = report.sections
    # Without an introduction there is no Introduction heading.
    assert _outline(document) == [
        ("Heading 1", f"1. {iachr.heading}"),
        ("Heading 2", labels.carried_out),
        ("Heading 3", iachr.carried_out[0].heading),
        ("Heading 3", iachr.carried_out[1].heading),
        ("Heading 2", labels.planned),
        ("Heading 2", labels.best_practices),
        ("Heading 2", labels.proposals),
        ("Heading 1", f"2. {dps.heading}"),
        ("Heading 2", labels.carried_out),
        ("Heading 3", dps.carried_out[0].heading),
        ("Heading 1", f"3. {iin.heading}"),
        ("Heading 2", labels.carried_out),
        ("Heading 3", iin.carried_out[0].heading),
        ("Heading 3", labels.other_activities),
        ("Heading 2", labels.planned),
        ("Heading 1", labels.annex),
        ("Heading 1", labels.summary),
        *[("Heading 2", table.title) for table in report.tables],
    ]


def test_docx_entry_has_bold_title_narrative_and_details(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="en")

    document = _read(render_docx(report))

    texts = [p.text for p in document.paragraphs]
    start = texts.index("Training in Honduras")
    title = document.paragraphs[start]
    assert [run.bold for run in title.runs] == [True]
    assert title.paragraph_format.keep_with_next is True
    assert texts[start + 1 : start + 3] == [
        "What Training in Honduras was about.",
        "When: 2017 · Countries: Honduras · Figures: 70 professionals trained",
    ]
    assert document.paragraphs[start + 2].runs[0].style.name == "Subtle Emphasis"


def test_docx_marks_an_entry_written_in_another_language(compiled_cycle):
    english = _read(render_docx(build_annual_report(compiled_cycle, language="en")))
    spanish = _read(render_docx(build_annual_report(compiled_cycle, language="es")))

    assert _languages_of(english, "Visita de trabajo a Costa Rica") == ["es-ES"]
    assert _languages_of(english, "What Visita de trabajo a Costa Rica was about.") == ["es-ES"]
    assert "When: May 19, 2019 – May 24, 2019 · Written in: Español" in [
        p.text for p in english.paragraphs
    ]
    assert _languages_of(english, "Inter-American Principles") == []
    # In the Spanish report it is the English entries that carry their language.
    assert _languages_of(spanish, "Visita de trabajo a Costa Rica") == []
    assert _languages_of(spanish, "Inter-American Principles") == ["en-US"]


def test_docx_document_language_follows_the_report(compiled_cycle):
    for language, tag in [("en", "en-US"), ("es", "es-ES")]:
        data = render_docx(build_annual_report(compiled_cycle, language=language))

        styles = _read(data).styles.element
        (default,) = styles.findall(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        assert default.get(f"{W}val") == tag
        assert _read(data).core_properties.language == tag


def test_docx_has_a_table_of_contents_field_and_page_numbers(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="en")

    data = render_docx(report)

    document = _read(data)
    texts = [p.text for p in document.paragraphs]
    toc = document.paragraphs[texts.index("Contents") + 1]
    assert document.paragraphs[texts.index("Contents")].style.name == "TOC Heading"
    assert [e.get(f"{W}fldCharType") for e in toc._p.iter(f"{W}fldChar")] == [
        "begin",
        "separate",
        "end",
    ]
    assert [e.text for e in toc._p.iter(f"{W}instrText")] == [' TOC \\o "1-3" \\h \\z \\u ']
    assert toc.text == "Right-click to update the table of contents."
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.text == "Page "
    assert [f.get(f"{W}instr") for f in footer._p.iter(f"{W}fldSimple")] == [" PAGE "]


def test_docx_is_us_letter_with_inch_margins(compiled_cycle):
    section = _read(render_docx(build_annual_report(compiled_cycle, language="en"))).sections[0]

    assert (section.page_width, section.page_height) == (Inches(8.5), Inches(11))
    assert {section.top_margin, section.bottom_margin, section.left_margin} == {Inches(1)}
    assert section.right_margin == Inches(1)


def test_docx_core_properties_come_from_the_report_not_the_machine(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="es")

    properties = _read(render_docx(report)).core_properties

    midnight = datetime.datetime(2020, 6, 30, tzinfo=datetime.UTC)
    assert (properties.title, properties.subject) == (report.title, report.subtitle)
    assert properties.author == report.labels.author
    assert (properties.created, properties.modified) == (midnight, midnight)
    assert (properties.revision, properties.last_modified_by) == (1, "")
    assert properties.comments == ""


def test_docx_core_properties_author_in_english(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="en")

    properties = _read(render_docx(report)).core_properties

    assert properties.author == "OAS – Committee on Migration Issues"
    assert properties.language == "en-US"


def test_docx_annex_links_every_complete_report(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="en", annex_base=BASE)

    document = _read(render_docx(report))

    items = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    (address,) = [item.address for item in report.annex]
    assert [p.text for p in items] == [f"Inter-American Children's Institute (Español): {address}"]
    assert [(link.address, link.text) for link in items[0].hyperlinks] == [(address, address)]
    assert address.startswith(f"{BASE}/en/files/reports/")
    texts = [p.text for p in document.paragraphs]
    annex = texts.index("Annex: complete reports submitted by the Program's actors")
    assert texts[annex + 1] == (
        "The complete reports, as each actor submitted them, in their language."
    )


def test_docx_summary_tables_have_a_header_row_and_right_aligned_counts(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="en")

    document = _read(render_docx(report))

    assert [[[c.text for c in row.cells] for row in table.rows] for table in document.tables] == [
        [["Theme", "Entries"], ["Trafficking in persons and migrant smuggling", "1"]],
        [["Population group", "Entries"], ["Refugees and asylum seekers", "1"]],
        [["Country", "Entries"], ["Honduras", "1"], ["United States", "1"]],
    ]
    for table in document.tables:
        assert table.style.name == "Light Grid Accent 1"
        header = table.rows[0]._tr
        assert len(header.findall(f"{W}trPr/{W}tblHeader")) == 1
        counts = {row.cells[1].paragraphs[0].alignment for row in table.rows}
        assert counts == {WD_ALIGN_PARAGRAPH.RIGHT}


def test_docx_leaves_out_empty_summary_tables(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="en")
    themes, groups, _countries = report.tables
    empty = dataclasses.replace(report, tables=(themes, dataclasses.replace(groups, rows=())))

    document = _read(render_docx(empty))

    assert [heading for heading in _outline(document) if heading[0] == "Heading 2"][-1:] == [
        ("Heading 2", "Entries per theme")
    ]
    assert len(document.tables) == 1


def test_docx_keeps_line_breaks_and_drops_characters_xml_cannot_hold(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="en")
    iachr = report.sections[0]
    pasted = dataclasses.replace(
        iachr.proposals[0],
        title="Observatory\x01 plan",
        narrative="First line\x0bsecond line\r\n\r\nA second paragraph.\x1f",
    )
    changed = dataclasses.replace(
        report, sections=(dataclasses.replace(iachr, proposals=(pasted,)), *report.sections[1:])
    )

    document = _read(render_docx(changed))

    texts = [p.text for p in document.paragraphs]
    start = texts.index("Observatory plan")
    assert texts[start + 1 : start + 3] == ["First line\nsecond line", "A second paragraph."]


def test_docx_is_byte_identical_for_the_same_data(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="es", annex_base=BASE)

    first = render_docx(report)
    again = render_docx(report)
    rebuilt = render_docx(build_annual_report(compiled_cycle, language="es", annex_base=BASE))

    assert first == again == rebuilt
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        infos = package.infolist()
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {info.compress_type for info in infos} == {zipfile.ZIP_DEFLATED}
    assert [info.filename for info in infos][:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert "docProps/thumbnail.jpeg" not in [info.filename for info in infos]


def test_docx_hyperlink_relationship_ids_are_stable(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="en", annex_base=BASE)

    rels = _part(render_docx(report), "word/_rels/document.xml.rels")

    (address,) = [item.address for item in report.annex]
    assert f'Id="rId10" Type="{HYPERLINK}" Target="{address}" TargetMode="External"' in rels


def test_docx_converts_to_pdf_with_libreoffice(compiled_cycle, tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        message = "LibreOffice (soffice) is not installed: the DOCX was not converted to PDF."
        if os.environ.get("FOLLOWUP_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail(message)
        pytest.skip(message)
    source = tmp_path / "report.docx"
    source.write_bytes(render_docx(build_annual_report(compiled_cycle, language="es")))

    done = subprocess.run(  # noqa: S603 - a fixed program on a file we just wrote
        [
            office,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF-")
