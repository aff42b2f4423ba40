import io
import os
import re
import shutil
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from followup.publishing.document import build_annual_report
from followup.publishing.render.pdf import render_pdf

pytestmark = pytest.mark.django_db

INTRODUCTION = "CAM requested activity reports from the Program's actors.\n\nThey follow."


def _render(cycle, language="en"):
    report = build_annual_report(
        cycle,
        language=language,
        introduction=INTRODUCTION,
        annex_base="https://followup.example.org",
    )
    return report, PdfReader(io.BytesIO(render_pdf(report)))


def _top_level(reader):
    """(title, page number from 1) of the top-level bookmarks; their children are lists."""
    return [
        (item.title, reader.get_destination_page_number(item) + 1)
        for item in reader.outline
        if not isinstance(item, list)
    ]


def _flat(text):
    return " ".join(text.split())


@pytest.mark.parametrize("language", ["en", "es"])
def test_render_pdf_bookmarks_every_top_section(compiled_cycle, language):
    report, reader = _render(compiled_cycle, language)

    labels = report.labels
    assert [title for title, _page in _top_level(reader)] == [
        labels.introduction,
        *(f"{section.number}. {section.heading}" for section in report.sections),
        labels.annex,
        labels.summary,
    ]
    # The kinds of entries are the second level, under their section.
    iachr_kinds = reader.outline[2]
    assert [item.title for item in iachr_kinds] == [
        labels.carried_out,
        labels.planned,
        labels.best_practices,
        labels.proposals,
    ]


def test_render_pdf_starts_each_later_section_on_a_new_page(compiled_cycle):
    report, reader = _render(compiled_cycle)

    pages = [page for _title, page in _top_level(reader)]
    section_pages = pages[1 : 1 + len(report.sections)]
    assert section_pages == sorted(set(section_pages))
    assert len(reader.pages) >= len(report.sections)
    for section, page in zip(report.sections[1:], section_pages[1:], strict=True):
        first_line = reader.pages[page - 1].extract_text().splitlines()[0]
        assert first_line == f"{section.number}. {section.heading}"


def test_render_pdf_contents_give_the_page_of_each_section(compiled_cycle):
    _report, reader = _render(compiled_cycle)

    contents = reader.pages[0].extract_text().splitlines()
    printed = {}
    for line in contents:
        found = re.fullmatch(r"(.+?) \.+ (\d+)", line)
        if found:
            printed[found[1]] = int(found[2])
    assert printed == dict(_top_level(reader))


def test_render_pdf_first_page_has_the_title_and_a_numbered_footer(compiled_cycle):
    report, reader = _render(compiled_cycle, "es")

    first = _flat(reader.pages[0].extract_text())
    # The title wraps (and may break at its hyphen), so compare without the spaces.
    assert "".join(report.title.split()) in first.replace(" ", "")
    assert first.endswith(f"{report.labels.page} 1")
    assert _flat(reader.pages[1].extract_text()).endswith(f"{report.labels.page} 2")


def test_render_pdf_metadata_come_from_the_report(compiled_cycle):
    report, reader = _render(compiled_cycle, "es")

    assert reader.metadata.title == report.title
    assert reader.metadata.subject == report.subtitle
    assert reader.metadata["/CreationDate"] == "D:20200630"
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert reader.trailer["/ID"][0] == "followup-annual-report-2019-2020-es"
    # Letter: 8.5 × 11 inches.
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_render_pdf_first_page_renders_to_an_image(compiled_cycle, tmp_path):
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        message = "pdftoppm (poppler-utils) is not on PATH; the PDF was not rasterized"
        if os.environ.get("FOLLOWUP_REQUIRE_POPPLER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    report = build_annual_report(compiled_cycle, language="en", introduction=INTRODUCTION)
    (tmp_path / "report.pdf").write_bytes(render_pdf(report))

    subprocess.run(  # noqa: S603  (poppler's own tool, found on PATH, on our own file)
        [pdftoppm, "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", "report.pdf", "page"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=60,
    )

    with Image.open(tmp_path / "page.png") as page:
        histogram = page.convert("L").histogram()
        size = page.size
    assert size == (425, 550)  # Letter at 50 dpi
    assert sum(histogram[:100]) > 1_000  # dark pixels: text was drawn, the page is not blank
