"""The annual report as a PDF, printed by WeasyPrint from the HTML edition.

One source for both formats: the PDF is `render_html`'s document laid out with the print rules
of the same stylesheet (Letter pages, page numbers, one actor per page, a table of contents
with page numbers, bookmarks from the h2/h3 headings).

Stable output: the title and language come from the HTML (`<title>`, `<html lang>`), the
creation date from the report's own date (`dcterms.created`), and the file identifier is fixed
per cycle and language, so no clock or random value enters the file. In our runs the same
report gave the same bytes; WeasyPrint does not promise that across its own or its font
libraries' versions (font subsetting may change), so only HTML and DOCX are tested for it.
"""

from followup.publishing.document import AnnualReport
from followup.publishing.render.html import render_html


def render_pdf(report: AnnualReport) -> bytes:
    # Imported here: WeasyPrint takes about a second to import, and only this path needs it.
    from weasyprint import HTML

    document = HTML(string=render_html(report).decode("utf-8"), media_type="print")
    identifier = f"followup-annual-report-{report.cycle_slug}-{report.language}"
    pdf: bytes = document.write_pdf(pdf_identifier=identifier.encode("ascii"))
    return pdf
