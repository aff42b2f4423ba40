"""The annual report as a PDF: the HTML edition printed by the server's headless Chromium.

One source for both formats: the PDF is `render_html`'s document with the print rules of the
same stylesheet (Letter pages, running title and page numbers in the margins, one actor per
page); its bookmarks follow the headings and its text is tagged for screen readers.

Chromium has no CSS `target-counter`, so the report is printed twice: the first, untagged
printing tells on which page each heading of the contents falls (the PDF's named
destinations), and the second prints the contents with those numbers. The numbers sit in
boxes of fixed width, so both printings lay out the same pages.

The browser is the system's Chromium (settings.CHROMIUM) driven by Playwright, never one that
Playwright downloads. It gets only our own escaped HTML, with JavaScript off and no network.
Chromium stamps the time of printing into the file, so unlike HTML and DOCX the same report
does not give the same PDF bytes twice.
"""

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.translation import gettext as _
from pypdf import PdfReader

from followup.publishing.document import AnnualReport
from followup.publishing.render import RenderError
from followup.publishing.render.html import render_html

if TYPE_CHECKING:
    from playwright.sync_api import Page

# Without a sandbox: it needs user namespaces that containers and root sessions often lack,
# and the page is our own HTML with scripts off. No background calls to Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def render_pdf(report: AnnualReport) -> bytes:
    with _page() as page:
        # The page size and margins come from the stylesheet's @page rule.
        page.set_content(render_html(report, pages={}).decode("utf-8"))
        draft = page.pdf(prefer_css_page_size=True, print_background=True)
        page.set_content(render_html(report, pages=heading_pages(draft)).decode("utf-8"))
        return page.pdf(prefer_css_page_size=True, print_background=True, tagged=True, outline=True)


def heading_pages(pdf: bytes) -> dict[str, int]:
    """Element id → page number (from 1) of every link target in the PDF."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = {}
    for name, destination in reader.named_destinations.items():
        index = reader.get_destination_page_number(destination)
        if index is not None:
            pages[name.removeprefix("/")] = index + 1
    return pages


@contextmanager
def _page() -> Iterator["Page"]:
    executable = Path(settings.CHROMIUM)
    if not executable.is_file():
        raise RenderError(
            _(
                "PDF cannot be made on this server: Chromium was not found at %(path)s "
                "(install the chromium package or set FOLLOWUP_CHROMIUM)."
            )
            % {"path": executable}
        )
    # Imported here: only this path needs Playwright, and it starts a driver process.
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(executable), headless=True, args=CHROMIUM_ARGS
            )
            try:
                context = browser.new_context(java_script_enabled=False, offline=True)
                yield context.new_page()
            finally:
                browser.close()
    except Error as error:
        raise RenderError(
            _("Chromium could not print the PDF: %(reason)s")
            % {"reason": error.message.strip().splitlines()[0]}
        ) from error
