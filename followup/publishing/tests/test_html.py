from dataclasses import replace
from html.parser import HTMLParser
from itertools import pairwise

import pytest

from followup.publishing.document import AnnualReport, build_annual_report
from followup.publishing.render.html import STYLESHEET, css_string, render_html

pytestmark = pytest.mark.django_db

INTRODUCTION = (
    "During the period CAM requested activity reports from the Program's actors.\n\n"
    "The following paragraphs summarize the work they reported."
)
SITE = "https://followup.example.org"


class _Document(HTMLParser):
    """What the tests read from the HTML: headings, links, languages, tables."""

    def __init__(self, html: bytes) -> None:
        super().__init__()
        self.headings: list[tuple[str, str]] = []
        self.links: list[tuple[str, str]] = []  # (attribute, value) of every href and src
        self.ids: list[str] = []
        self.article_langs: dict[str, str] = {}  # entry title -> lang of its article ("")
        self.marks: list[str] = []  # the text of each "written in" marker
        self.captions: list[str] = []
        self.scopes: list[tuple[str, str]] = []  # (scope, text) of every th
        self.paragraphs_in_introduction = 0
        self.root_lang = ""
        self._open: str | None = None
        self._text: list[str] = []
        self._scope = ""
        self._mark = False
        self._article_lang: str | None = None
        self._in_introduction = False
        self.feed(html.decode("utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        for name in ("href", "src"):
            if name in attributes:
                self.links.append((name, attributes[name]))
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "html":
            self.root_lang = attributes.get("lang", "")
        elif tag == "article":
            self._article_lang = attributes.get("lang", "")
        elif tag == "section" and attributes.get("class") == "introduction":
            self._in_introduction = True
        elif tag == "p" and self._in_introduction:
            self.paragraphs_in_introduction += 1
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6", "caption", "th"} or (
            attributes.get("class") == "written-in"
        ):
            self._open, self._text = tag, []
            self._scope = attributes.get("scope", "")
            self._mark = attributes.get("class") == "written-in"

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self._in_introduction = False
        if tag == "article":
            self._article_lang = None
        if self._open != tag:
            return
        text = " ".join("".join(self._text).split())
        if self._mark:
            self.marks.append(text)
        elif tag == "caption":
            self.captions.append(text)
        elif tag == "th":
            self.scopes.append((self._scope, text))
        else:
            self.headings.append((tag, text))
            if self._article_lang is not None:
                self.article_langs[text] = self._article_lang
        self._open = None


def _expected_outline(report: AnnualReport) -> list[tuple[str, str]]:
    labels = report.labels
    outline = [("h1", report.title), ("h2", labels.contents), ("h2", labels.introduction)]
    for section in report.sections:
        outline.append(("h2", f"{section.number}. {section.heading}"))
        if section.carried_out:
            outline.append(("h3", labels.carried_out))
            for group in section.carried_out:
                outline.append(("h4", group.heading))
                outline += [("h5", entry.title) for entry in group.entries]
        for label, entries in [
            (labels.planned, section.planned),
            (labels.best_practices, section.best_practices),
            (labels.proposals, section.proposals),
        ]:
            if entries:
                outline.append(("h3", label))
                outline += [("h4", entry.title) for entry in entries]
    return [*outline, ("h2", labels.annex), ("h2", labels.summary)]


def _report(cycle, language="en", introduction=INTRODUCTION):
    return build_annual_report(cycle, language=language, introduction=introduction, annex_base=SITE)


@pytest.mark.parametrize("language", ["en", "es"])
def test_render_html_outline_follows_the_report(compiled_cycle, language):
    report = _report(compiled_cycle, language)

    document = _Document(render_html(report))

    assert document.headings == _expected_outline(report)
    assert document.root_lang == language


def test_render_html_outline_reads_like_the_programs_reports(compiled_cycle):
    document = _Document(render_html(_report(compiled_cycle)))

    assert [text for tag, text in document.headings if tag == "h2"] == [
        "Contents",
        "Introduction",
        "1. Inter-American Commission on Human Rights (IACHR)",
        "2. Department of Public Security (DPS)",
        "3. Inter-American Children's Institute (IIN)",
        "Annex: complete reports submitted by the Program's actors",
        "Summary tables",
    ]
    # The DPS reported only activities carried out: no empty heading for the other kinds.
    dps = document.headings.index(("h2", "2. Department of Public Security (DPS)"))
    assert document.headings[dps + 1 : dps + 4] == [
        ("h3", "Activities carried out"),
        ("h4", "Trafficking in persons and migrant smuggling"),
        ("h5", "Training in Honduras"),
    ]


def test_render_html_headings_never_skip_a_level(compiled_cycle):
    document = _Document(render_html(_report(compiled_cycle)))

    levels = [int(tag[1]) for tag, _text in document.headings]
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert all(level <= previous + 1 for previous, level in pairwise(levels))


def test_render_html_contents_link_to_every_top_section(compiled_cycle):
    document = _Document(render_html(_report(compiled_cycle)))

    contents = [value for name, value in document.links if value.startswith("#")]
    assert contents == [
        "#introduction",
        "#section-1",
        "#section-2",
        "#section-3",
        "#annex",
        "#summary",
    ]
    assert {link[1:] for link in contents} <= set(document.ids)
    assert len(document.ids) == len(set(document.ids))


def test_render_html_contents_have_page_numbers_only_for_print(compiled_cycle):
    report = _report(compiled_cycle)

    web = render_html(report)
    printed = render_html(report, pages={"introduction": 1, "section-1": 2, "annex": 7})

    assert b'<span class="toc-page">' not in web
    assert b'<a href="#section-1"><span class="toc-label">1. ' in printed
    assert b'<span class="toc-page">2</span></a>' in printed
    # An anchor the first printing has not placed yet keeps a number of the same width.
    assert printed.count(b'<span class="toc-page">0</span>') == 3  # sections 2, 3 and summary


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Period 2019–2020", '"Period 2019–2020"'),
        ('The "Quito" Process', '"The \\"Quito\\" Process"'),
        ("a\\b", '"a\\\\b"'),
        ("</style><script>", '"\\3c /style>\\3c script>"'),
        ("two\nlines", '"two lines"'),
    ],
)
def test_css_string_cannot_end_the_string_or_the_style(text, quoted):
    assert css_string(text) == quoted


def test_render_html_running_title_of_a_hostile_subtitle_stays_in_its_string(compiled_cycle):
    report = replace(_report(compiled_cycle), subtitle='Period "x" </style><script>')

    html = render_html(report)

    assert b"<script>" not in html
    assert b'content: "Period \\"x\\" \\3c /style>\\3c script>";' in html


def test_render_html_splits_the_introduction_into_escaped_paragraphs(compiled_cycle):
    report = _report(compiled_cycle, introduction="Dear <b>delegates</b>,\n\nSecond paragraph.")

    html = render_html(report)

    assert _Document(html).paragraphs_in_introduction == 2
    assert b"<p>Dear &lt;b&gt;delegates&lt;/b&gt;,</p>" in html


def test_render_html_leaves_out_an_empty_introduction(compiled_cycle):
    report = build_annual_report(compiled_cycle, language="en")

    document = _Document(render_html(report))

    assert ("h2", "Introduction") not in document.headings
    assert ("href", "#introduction") not in document.links


def test_render_html_escapes_markup_in_entry_titles_and_introduction(compiled_cycle):
    report = _report(compiled_cycle)
    iachr = report.sections[0]
    entry = replace(iachr.planned[0], title="<script>alert('title')</script>")
    report = replace(
        report,
        introduction="<script>alert('introduction')</script>",
        sections=(replace(iachr, planned=(entry,)), *report.sections[1:]),
    )

    html = render_html(report)

    assert b"<script" not in html
    assert b"&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in html
    assert b"&lt;script&gt;alert(&#x27;introduction&#x27;)&lt;/script&gt;" in html


def test_render_html_marks_entries_written_in_another_language(compiled_cycle):
    english = _Document(render_html(_report(compiled_cycle, "en")))
    spanish_report = _report(compiled_cycle, "es")
    spanish = _Document(render_html(spanish_report))

    assert english.article_langs["Visita de trabajo a Costa Rica"] == "es"
    assert english.article_langs["Inter-American Principles"] == ""
    assert english.marks == ["Written in: Español"]
    assert spanish.article_langs["Visita de trabajo a Costa Rica"] == ""
    assert spanish.article_langs["Inter-American Principles"] == "en"
    # Every entry of the fixture but the visit is in English.
    assert spanish.marks == [f"{spanish_report.labels.written_in}: English"] * 8


def test_render_html_lists_the_annex_with_links_and_languages(compiled_cycle):
    report = _report(compiled_cycle)

    html = render_html(report)

    (annex,) = report.annex
    assert annex.address.startswith(f"{SITE}/en/files/reports/")
    assert (
        f'<li><a href="{annex.address}">Inter-American Children&#x27;s Institute</a> '
        f'<span class="annex-language">(Español)</span>'
    ).encode() in html


def test_render_html_summary_tables_are_real_tables(compiled_cycle):
    report = _report(compiled_cycle)

    document = _Document(render_html(report))

    assert document.captions == [table.title for table in report.tables]
    assert document.scopes == [
        ("col", "Theme"),
        ("col", "Entries"),
        ("row", "Trafficking in persons and migrant smuggling"),
        ("col", "Population group"),
        ("col", "Entries"),
        ("row", "Refugees and asylum seekers"),
        ("col", "Country"),
        ("col", "Entries"),
        ("row", "Honduras"),
        ("row", "United States"),
    ]


def test_render_html_requests_nothing_outside_the_document(compiled_cycle):
    report = _report(compiled_cycle)

    html = render_html(report)

    outside = [(name, value) for name, value in _Document(html).links if not value.startswith("#")]
    assert outside == [("href", item.address) for item in report.annex]
    assert STYLESHEET.read_bytes() in html
    assert b"<link" not in html
    assert b"@import" not in html
    assert b"url(" not in html


def test_render_html_is_the_same_bytes_every_time(compiled_cycle):
    report = _report(compiled_cycle)
    first = render_html(report)

    assert render_html(report) == first
    # Built again from the database: still the same bytes.
    assert render_html(_report(compiled_cycle)) == first


def test_render_html_does_not_query_the_database(compiled_cycle, django_assert_num_queries):
    report = _report(compiled_cycle)

    with django_assert_num_queries(0):
        render_html(report)
