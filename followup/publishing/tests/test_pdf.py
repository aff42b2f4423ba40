import io
import os
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from followup.publishing import services
from followup.publishing.document import build_annual_report
from followup.publishing.render import RenderError
from followup.publishing.render.pdf import render_pdf
from followup.publishing.services import CompileError

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("needs_chromium")]

INTRODUCTION = "CAM requested activity reports from the Program's actors.\n\nThey follow."


def _render(cycle, language="en"):
    report = build_annual_report(
        cycle,
        language=language,
        introduction=INTRODUCTION,
        annex_base="https://followup.example.org",
    )
    return report, PdfReader(io.BytesIO(render_pdf(report)))


def _outline(reader, items=None):
    """[(title, page from 1, children)] of the bookmarks; pypdf lists children after a parent."""
    tree: list[tuple[str, int, list]] = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            title, page, _children = tree[-1]
            tree[-1] = (title, page, _outline(reader, item))
        else:
            tree.append((item.title, reader.get_destination_page_number(item) + 1, []))
    return tree


def _body_lines(reader, index, report):
    """The lines of a page without its running title and page number."""
    margins = {report.subtitle, f"{report.labels.page} {index + 1}"}
    return [line for line in reader.pages[index].extract_text().splitlines() if line not in margins]


@pytest.mark.parametrize("language", ["en", "es"])
def test_render_pdf_bookmarks_follow_the_headings(compiled_cycle, language):
    report, reader = _render(compiled_cycle, language)

    [(title, _page, parts)] = _outline(reader)
    labels = report.labels
    assert title == report.title
    # The print stylesheet capitalizes some headings, and the bookmarks show what is printed.
    assert [part[0].casefold() for part in parts] == [
        title.casefold()
        for title in [
            labels.contents,
            labels.introduction,
            *(f"{section.number}. {section.heading}" for section in report.sections),
            labels.annex,
            labels.summary,
        ]
    ]
    # The kinds of entries are the next level, under their section.
    iachr_kinds = parts[2][2]
    assert [kind[0].casefold() for kind in iachr_kinds] == [
        label.casefold()
        for label in [labels.carried_out, labels.planned, labels.best_practices, labels.proposals]
    ]


def test_render_pdf_starts_each_later_section_on_a_new_page(compiled_cycle):
    report, reader = _render(compiled_cycle)

    [(_title, _page, parts)] = _outline(reader)
    section_pages = [page for _title, page, _children in parts[2 : 2 + len(report.sections)]]
    assert section_pages == sorted(set(section_pages))
    for section, page in zip(report.sections[1:], section_pages[1:], strict=True):
        assert _body_lines(reader, page - 1, report)[0] == f"{section.number}. {section.heading}"


def test_render_pdf_contents_give_the_page_of_each_section(compiled_cycle):
    report, reader = _render(compiled_cycle)

    [(_title, _page, parts)] = _outline(reader)
    expected = {f"{title} {page}" for title, page, _children in parts[1:]}
    assert expected <= set(_body_lines(reader, 0, report))
    # The sections do not all start on the first page, so the numbers were really looked up.
    assert {page for _title, page, _children in parts[1:]} != {1}


def test_render_pdf_pages_carry_the_running_title_and_a_numbered_footer(compiled_cycle):
    report, reader = _render(compiled_cycle, "es")

    first = reader.pages[0].extract_text().splitlines()
    second = reader.pages[1].extract_text().splitlines()
    assert f"{report.labels.page} 1" in first
    assert second[:2] == [report.subtitle, f"{report.labels.page} 2"]
    # The title wraps, so compare without the spaces.
    assert "".join(report.title.split()) in "".join("".join(first).split())


def test_render_pdf_metadata_come_from_the_report(compiled_cycle):
    report, reader = _render(compiled_cycle, "es")

    assert reader.metadata.title == report.title
    assert reader.trailer["/Root"]["/Lang"] == "es"
    # Tagged for screen readers.
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    # Letter: 8.5 × 11 inches.
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_render_pdf_without_chromium_names_what_is_missing(compiled_cycle, settings, tmp_path):
    settings.CHROMIUM = str(tmp_path / "no-chromium")
    report = build_annual_report(compiled_cycle, language="en")

    with pytest.raises(RenderError, match=r"Chromium was not found at .*no-chromium"):
        render_pdf(report)
    with pytest.raises(CompileError, match="FOLLOWUP_CHROMIUM"):
        services.render(compiled_cycle, fmt="pdf", language="en")


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
        [pdftoppm, "-gray", "-r", "50", "-f", "1", "-l", "1", "-singlefile", "report.pdf", "page"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=60,
    )

    # A binary PGM: "P5", width, height, maximum value, then one byte per pixel.
    magic, width, height, _maximum, pixels = (tmp_path / "page.pgm").read_bytes().split(maxsplit=4)
    assert magic == b"P5"
    assert (int(width), int(height)) == (425, 550)  # Letter at 50 dpi
    assert sum(1 for value in pixels if value < 100) > 1_000  # text was drawn: not blank
