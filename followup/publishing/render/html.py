"""The annual report as one standalone HTML5 file: the web edition, and the source of the PDF.

The stylesheet is read from the static file and inlined, so the file needs nothing else (no
CDN, no other request) and can be mailed or archived as is. Nothing in it comes from the clock
or a random source: the same AnnualReport always gives the same bytes.

The PDF prints this same file; only its contents carry page numbers, which the PDF renderer
learns from a first printing and passes in as `pages`.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation

from followup.publishing.document import LANGUAGE_NAMES, AnnualReport, EntryItem

STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "publishing" / "annual-report.css"


@dataclass(frozen=True)
class _Entry:
    item: EntryItem
    # The name of the language the entry was written in, when it is not the report's ("").
    foreign_language: str


@dataclass(frozen=True)
class _Group:
    heading: str  # "" for the kinds that are not grouped (the entries then sit under the h3)
    entries: tuple[_Entry, ...]


@dataclass(frozen=True)
class _Kind:
    anchor: str
    heading: str
    groups: tuple[_Group, ...]


def _entries(items: tuple[EntryItem, ...], language: str) -> tuple[_Entry, ...]:
    return tuple(
        _Entry(
            item,
            "" if item.language == language else LANGUAGE_NAMES.get(item.language, item.language),
        )
        for item in items
    )


def _kinds(report: AnnualReport) -> dict[int, tuple[_Kind, ...]]:
    """Per section number, the kinds that have entries, in the order the reports print them."""
    labels, language = report.labels, report.language
    kinds: dict[int, tuple[_Kind, ...]] = {}
    for section in report.sections:
        candidates = (
            _Kind(
                "carried-out",
                labels.carried_out,
                tuple(
                    _Group(group.heading, _entries(group.entries, language))
                    for group in section.carried_out
                ),
            ),
            _Kind("planned", labels.planned, (_Group("", _entries(section.planned, language)),)),
            _Kind(
                "best-practices",
                labels.best_practices,
                (_Group("", _entries(section.best_practices, language)),),
            ),
            _Kind(
                "proposals", labels.proposals, (_Group("", _entries(section.proposals, language)),)
            ),
        )
        kinds[section.number] = tuple(
            kind for kind in candidates if any(group.entries for group in kind.groups)
        )
    return kinds


@dataclass(frozen=True)
class ContentsLine:
    anchor: str  # the id of the heading the line links to
    label: str
    page: int | None  # printed only in the PDF


def contents(report: AnnualReport, pages: Mapping[str, int] | None = None) -> list[ContentsLine]:
    """The lines of the table of contents, in the order of the document."""
    labels = report.labels
    lines: list[tuple[str, str]] = []
    if report.introduction:
        lines.append(("introduction", labels.introduction))
    lines += [
        (f"section-{section.number}", f"{section.number}. {section.heading}")
        for section in report.sections
    ]
    if report.annex:
        lines.append(("annex", labels.annex))
    if any(table.rows for table in report.tables):
        lines.append(("summary", labels.summary))
    return [
        ContentsLine(anchor, label, None if pages is None else pages.get(anchor, 0))
        for anchor, label in lines
    ]


def css_string(text: str) -> str:
    """`text` as a quoted CSS string that cannot end the string or the <style> element."""
    text = " ".join(text.split())  # a CSS string cannot hold a raw line break
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return f'"{escaped}"'


def render_html(report: AnnualReport, *, pages: Mapping[str, int] | None = None) -> bytes:
    """The report as a complete UTF-8 HTML5 document with its stylesheet inlined.

    `pages` (anchor → page number) is for the PDF: with it, the contents show page numbers
    (0 for an anchor it lacks, which keeps the line the same width for a first printing).
    """
    kinds = _kinds(report)
    with translation.override(report.language):
        html = render_to_string(
            "publishing/annual_report.html",
            {
                "report": report,
                "contents": contents(report, pages),
                "sections": [(section, kinds[section.number]) for section in report.sections],
                "tables": [table for table in report.tables if table.rows],
                "stylesheet": STYLESHEET.read_text(encoding="utf-8"),
                # The running title and the page label of the printed pages, per language.
                "running_title": css_string(report.subtitle),
                "page_label": css_string(report.labels.page),
            },
        )
    return html.encode("utf-8")
