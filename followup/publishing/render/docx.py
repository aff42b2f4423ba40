"""The annual report as a Word document, built on Word's own styles so its outline, table of
contents, navigation pane and screen readers work as in any hand-made OAS document.

Outline: Title; Heading 1 for the introduction, each numbered actor section, the annex and the
summary tables; Heading 2 for the kinds of entries (and each summary table); Heading 3 for the
groups of activities carried out. Entry titles are bold Normal paragraphs kept with their text,
not Heading 4: four levels per actor would drown the navigation pane, and the planned, best
practice and proposal entries sit right under a Heading 2, where a Heading 4 would skip a level.

An entry written in another language than the report's has its title and text marked with that
language (w:lang), so Word checks its spelling in the right dictionary and translators find it,
and its details line says so in words ("Written in: Español") for readers of the printed copy.
Parts with nothing to show (no introduction, a kind without entries, no annex, an empty summary
table) print nothing, not even their heading.

The same AnnualReport always gives the same bytes: no clock (the dates come from report.date),
relationship ids assigned in the order the document is written, and the zip rewritten with fixed
member order, timestamps and attributes (python-docx stamps every member with the current time).
"""

import datetime
import io
import re
import zipfile
from typing import cast

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Inches, RGBColor

from followup.publishing.document import (
    LANGUAGE_NAMES,
    ActorSection,
    AnnualReport,
    EntryItem,
    SummaryTable,
)

# Word wants a language tag with a region; these are the OAS's working variants.
LANGUAGE_TAGS = {"en": "en-US", "es": "es-ES", "fr": "fr-FR", "pt": "pt-BR"}
TOC_INSTRUCTION = ' TOC \\o "1-3" \\h \\z \\u '
HYPERLINK_STYLE = "Hyperlink"
TABLE_STYLE = "Light Grid Accent 1"
COLUMN_WIDTHS = (Inches(5), Inches(1.5))  # the label, the count: 6.5 in between the margins
ENTRY_TITLE_SPACING = {qn("w:before"): "120", qn("w:after"): "40"}  # twips: 6 pt, 2 pt
# The earliest time a zip entry can carry; any fixed value would do.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
ZIP_FILE_MODE = 0o100644 << 16  # a regular file, rw-r--r--

# Characters XML 1.0 cannot hold (lxml refuses them). Text pasted from Word often carries a
# vertical tab for a manual line break; it becomes a line break, the rest is dropped.
_NOT_XML = re.compile("[\x00-\x08\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def render_docx(report: AnnualReport) -> bytes:
    """The report as a .docx file; the same report always gives the same bytes."""
    document = Document()
    _set_up(document, report)
    writer = _Writer(document, report)
    writer.title_page()
    writer.introduction()
    for section in report.sections:
        writer.actor_section(section)
    writer.annex()
    writer.summary_tables()
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalized_package(buffer.getvalue())


def language_tag(language: str) -> str:
    return LANGUAGE_TAGS.get(language, language)


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n"))


def _paragraphs(text: str) -> list[str]:
    """Plain text split at blank lines; single line breaks stay inside their paragraph."""
    return [part.strip() for part in _BLANK_LINE.split(_clean(text).strip()) if part.strip()]


def _set_up(document: WordDocument, report: AnnualReport) -> None:
    """Page, language, metadata and footer: everything that is not the report's content."""
    tag = language_tag(report.language)
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)  # US Letter, as the OAS
    for margin in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, margin, Inches(1))

    # The document's language: the default run properties and the theme's font language.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    default_language = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert default_language is not None
    default_language.set(qn("w:val"), tag)
    theme_language = document.settings.element.find(qn("w:themeFontLang"))
    if theme_language is not None:
        theme_language.set(qn("w:val"), tag)

    # The template has no Hyperlink character style; Word's built-in one looks like this.
    link_style = document.styles.add_style(HYPERLINK_STYLE, WD_STYLE_TYPE.CHARACTER, builtin=True)
    link_style.base_style = document.styles["Default Paragraph Font"]
    link_style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link_style.font.underline = True
    link_style.priority = 99
    link_style.unhide_when_used = True

    # Metadata from the data only: python-docx's template says "python-docx" and 2013.
    midnight = datetime.datetime.combine(report.date, datetime.time(), tzinfo=datetime.UTC)
    properties = document.core_properties
    properties.title = report.title[:255]
    properties.subject = report.subtitle[:255]
    properties.language = tag
    properties.author = report.labels.author
    properties.last_modified_by = ""
    properties.comments = ""
    properties.keywords = ""
    properties.created = midnight
    properties.modified = midnight
    properties.revision = 1
    # The template's thumbnail is a picture of an empty page: drop it rather than mislead.
    package_rels = document.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package_rels[rid]

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{report.labels.page} ")
    page = _element("w:fldSimple", {qn("w:instr"): " PAGE "})
    page.append(_run("1"))
    footer._p.append(page)


def _element(tag: str, attributes: dict[str, str] | None = None) -> BaseOxmlElement:
    return cast(BaseOxmlElement, OxmlElement(tag, attributes))


def _run(
    text: str = "", *, bold: bool = False, style: str = "", language: str = ""
) -> BaseOxmlElement:
    """A w:r holding `text` (already clean), its line breaks and tabs as Word's own elements."""
    run = _element("w:r")
    if bold or style or language:
        properties = _element("w:rPr")
        if style:
            properties.append(_element("w:rStyle", {qn("w:val"): style}))
        if bold:
            properties.append(_element("w:b"))
        if language:
            properties.append(_element("w:lang", {qn("w:val"): language}))
        run.append(properties)
    for number, line in enumerate(text.split("\n")):
        if number:
            run.append(_element("w:br"))
        for position, piece in enumerate(line.split("\t")):
            if position:
                run.append(_element("w:tab"))
            if piece:
                t = _element(
                    "w:t", {qn("xml:space"): "preserve"} if piece != piece.strip() else None
                )
                t.text = piece
                run.append(t)
    return run


def _field_char(kind: str, *, dirty: bool = False) -> BaseOxmlElement:
    run = _element("w:r")
    attributes = {qn("w:fldCharType"): kind}
    if dirty:
        attributes[qn("w:dirty")] = "true"
    run.append(_element("w:fldChar", attributes))
    return run


class _Writer:
    """Appends the report's content to the document's body, in reading order.

    Paragraphs are built as WordprocessingML directly: python-docx looks a style up by scanning
    every style of the template for each paragraph, which took seconds on a large report.
    """

    def __init__(self, document: WordDocument, report: AnnualReport) -> None:
        self.document = document
        self.report = report
        self.labels = report.labels
        body = document.element.body
        assert body.sectPr is not None
        self.end = body.sectPr  # everything goes before the body's section properties
        styles = document.styles
        self.style_id = {
            name: styles[name].style_id
            for name in (
                "Title",
                "Subtitle",
                "TOC Heading",
                "Heading 1",
                "Heading 2",
                "Heading 3",
                "List Bullet",
                "Subtle Emphasis",
            )
        }

    def paragraph(
        self, *runs: BaseOxmlElement, style: str = "", heads_entry: bool = False
    ) -> BaseOxmlElement:
        """A paragraph of `runs`; `heads_entry` keeps an entry's title on the page of its text
        and close to it."""
        paragraph = _element("w:p")
        if style or heads_entry:
            properties = _element("w:pPr")
            if style:
                properties.append(_element("w:pStyle", {qn("w:val"): self.style_id[style]}))
            if heads_entry:
                properties.append(_element("w:keepNext"))
                properties.append(_element("w:spacing", ENTRY_TITLE_SPACING))
            paragraph.append(properties)
        paragraph.extend(runs)
        self.end.addprevious(paragraph)
        return paragraph

    def text(self, text: str, style: str = "") -> BaseOxmlElement:
        return self.paragraph(_run(_clean(text)), style=style)

    def title_page(self) -> None:
        report = self.report
        self.text(report.title, "Title")
        self.text(report.subtitle, "Subtitle")
        self.text(report.dated)
        self.text(self.labels.contents, "TOC Heading")
        # A complex field, marked dirty so Word offers to fill it in when the file opens.
        instruction = _element("w:r")
        code = _element("w:instrText", {qn("xml:space"): "preserve"})
        code.text = TOC_INSTRUCTION
        instruction.append(code)
        page_break = _element("w:r")
        page_break.append(_element("w:br", {qn("w:type"): "page"}))
        self.paragraph(
            _field_char("begin", dirty=True),
            instruction,
            _field_char("separate"),
            _run(_clean(self.labels.toc_placeholder)),
            _field_char("end"),
            page_break,
        )

    def introduction(self) -> None:
        paragraphs = _paragraphs(self.report.introduction)
        if not paragraphs:
            return
        self.text(self.labels.introduction, "Heading 1")
        for text in paragraphs:
            self.paragraph(_run(text))

    def actor_section(self, section: ActorSection) -> None:
        labels = self.labels
        self.text(f"{section.number}. {section.heading}", "Heading 1")
        if section.carried_out:
            self.text(labels.carried_out, "Heading 2")
            for group in section.carried_out:
                self.text(group.heading, "Heading 3")
                for item in group.entries:
                    self.entry(item)
        for heading, items in (
            (labels.planned, section.planned),
            (labels.best_practices, section.best_practices),
            (labels.proposals, section.proposals),
        ):
            if items:
                self.text(heading, "Heading 2")
                for item in items:
                    self.entry(item)

    def entry(self, item: EntryItem) -> None:
        foreign = bool(item.language) and item.language != self.report.language
        tag = language_tag(item.language) if foreign else ""
        self.paragraph(_run(_clean(item.title), bold=True, language=tag), heads_entry=True)
        for text in _paragraphs(item.narrative):
            self.paragraph(_run(text, language=tag))
        details = self.details(item, foreign=foreign)
        if details:
            self.paragraph(_run(_clean(details), style=self.style_id["Subtle Emphasis"]))

    def details(self, item: EntryItem, *, foreign: bool) -> str:
        """ "When: May 2019 · Countries: Honduras, Mexico · …", the parts an entry has."""
        labels = self.labels
        parts = [
            (labels.when, item.when),
            (labels.countries, ", ".join(item.countries)),
            (labels.figures, "; ".join(item.figures)),
            (labels.partners, "; ".join(item.partners)),
        ]
        if foreign:
            parts.append((labels.written_in, LANGUAGE_NAMES.get(item.language, item.language)))
        return " · ".join(f"{label}: {value}" for label, value in parts if value)

    def annex(self) -> None:
        if not self.report.annex:
            return
        self.text(self.labels.annex, "Heading 1")
        self.text(self.labels.annex_intro)
        for item in self.report.annex:
            self.paragraph(
                _run(_clean(f"{item.actor} ({item.language}): ")),
                self.hyperlink(_clean(item.address)),
                style="List Bullet",
            )

    def hyperlink(self, address: str) -> BaseOxmlElement:
        """A link showing its address (the printed copy needs it); relationship ids follow the
        order links are written in, so the same report always numbers them the same way."""
        rid = self.document.part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = _element("w:hyperlink", {qn("r:id"): rid})
        link.append(_run(address, style=HYPERLINK_STYLE))
        return link

    def summary_tables(self) -> None:
        tables = [table for table in self.report.tables if table.rows]
        if not tables:
            return
        self.text(self.labels.summary, "Heading 1")
        for table in tables:
            self.text(table.title, "Heading 2")
            self.table(table)

    def table(self, summary: SummaryTable) -> None:
        table = self.document.add_table(rows=1 + len(summary.rows), cols=2)
        table.style = self.document.styles[TABLE_STYLE]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        # The caption is the table's name for screen readers (Word's "Alt Text: Title").
        table._tbl.tblPr.append(_element("w:tblCaption", {qn("w:val"): _clean(summary.title)}))
        rows = table.rows
        # Repeat the header row on each page a long table runs over.
        rows[0]._tr.get_or_add_trPr().append(_element("w:tblHeader"))
        for column, width in zip(table.columns, COLUMN_WIDTHS, strict=True):
            column.width = width
        for row, (label, count) in zip(
            rows, [(summary.label, self.labels.entries), *summary.rows], strict=True
        ):
            name_cell, count_cell = row.cells
            name_cell.width, count_cell.width = COLUMN_WIDTHS
            name_cell.paragraphs[0].add_run(_clean(label))
            number = count_cell.paragraphs[0]
            number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            number.add_run(_clean(str(count)))
        self.paragraph()  # Word glues consecutive tables together without a paragraph between


def _normalized_package(package: bytes) -> bytes:
    """The zip rewritten so that nothing but the content decides its bytes: [Content_Types].xml
    and the package relationships first (as Office writes them), the rest by name, one fixed
    timestamp, compression and file mode."""
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    first = ("[Content_Types].xml", "_rels/.rels")
    order = [name for name in first if name in members]
    order += sorted(name for name in members if name not in first)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine renders it
            info.external_attr = ZIP_FILE_MODE
            target.writestr(info, members[name], compresslevel=6)
    return output.getvalue()
