"""Web pages: headings, paragraphs, lists, tables; chrome skipped; charsets honoured."""

import pytest

from followup.ingest.readers import read_bytes


def _read(html: str | bytes, name: str = "page.html") -> list[tuple]:
    data = html.encode() if isinstance(html, str) else html
    document = read_bytes(data, name)
    assert document.media_type == "text/html"
    return [(b.kind, b.level, b.list_label, b.text, b.bold) for b in document.blocks]


def test_read_html_gives_headings_paragraphs_list_items_and_rows():
    page = """<!DOCTYPE html><html><head><title>Not text</title><style>p {color: red}</style></head>
    <body><nav><a href="/">Home</a></nav>
    <h1>Annual report</h1><p>The Commission met <b>twice</b>.</p>
    <h3>Hearings</h3><div>A division of text</div>
    <ul><li>First point</li><li>Second point</li></ul>
    <ol start="3"><li>Third</li><li value="7">Seventh</li></ol>
    <ol type="a"><li>Letter a</li><li>Letter b</li></ol>
    <p><strong>All bold</strong></p>
    <table><tr><th>Date</th><th>Activity</th></tr>
    <tr><td>2019</td><td><p>Forum</p><p>in Washington</p></td></tr></table>
    <script>var hidden = "script";</script>
    </body></html>"""
    assert _read(page) == [
        ("heading", 1, "", "Annual report", False),
        ("paragraph", 0, "", "The Commission met twice.", False),
        ("heading", 3, "", "Hearings", False),
        ("paragraph", 0, "", "A division of text", False),
        ("list_item", 0, "•", "First point", False),
        ("list_item", 0, "•", "Second point", False),
        ("list_item", 0, "3.", "Third", False),
        ("list_item", 0, "7.", "Seventh", False),
        ("list_item", 0, "a.", "Letter a", False),
        ("list_item", 0, "b.", "Letter b", False),
        ("paragraph", 0, "", "All bold", True),
        ("table_row", 0, "", "Date | Activity", False),
        ("table_row", 0, "", "2019 | Forum in Washington", False),
    ]


def test_read_html_ends_unclosed_paragraphs_and_items_where_the_next_block_starts():
    page = (
        "<html><body><p>One<p>Two<ul><li>Item one<li>Item two</ul>After<h2>Title</h2></body></html>"
    )
    assert _read(page) == [
        ("paragraph", 0, "", "One", False),
        ("paragraph", 0, "", "Two", False),
        ("list_item", 0, "•", "Item one", False),
        ("list_item", 0, "•", "Item two", False),
        ("paragraph", 0, "", "After", False),
        ("heading", 2, "", "Title", False),
    ]


def test_read_html_reads_unclosed_cells_and_a_table_nested_in_a_cell():
    page = (
        "<table><tr><td>Date<td>Activity<tr><td>2019"
        "<td><table><tr><td>Forum</td><td>Washington</td></tr></table></td></tr></table>"
    )
    assert _read(page) == [
        ("table_row", 0, "", "Date | Activity", False),
        ("table_row", 0, "", "2019 | Forum Washington", False),
    ]


def test_read_html_turns_a_word_bullet_typed_in_a_paragraph_into_a_list_item():
    page = "<html><body><p class=MsoListParagraph>·&nbsp;&nbsp;Promote dialogue</p></body></html>"
    assert _read(page) == [("list_item", 0, "•", "Promote dialogue", False)]


_NINAS = "<body><p>Título: niñas</p></body></html>"
_META = '<html><head><meta charset="windows-1252"></head>'
_HTTP_EQUIV = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
)


@pytest.mark.parametrize(
    ("data", "name"),
    [
        ((_META + _NINAS).encode("cp1252"), "a.html"),
        ((_HTTP_EQUIV + _NINAS).encode("latin-1"), "a.htm"),
        (f"<html>{_NINAS}".encode(), "a.html"),
        (f"<html>{_NINAS}".encode("cp1252"), "a.html"),
    ],
    ids=["meta charset", "http-equiv", "utf-8", "undeclared windows-1252"],
)
def test_read_html_decodes_by_meta_charset_or_utf8(data, name):
    assert _read(data, name) == [("paragraph", 0, "", "Título: niñas", False)]


def test_read_html_does_not_expand_entities_declared_in_a_doctype():
    page = (
        '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">]><html><body><p>&a; &amp; done</p></body></html>'
    )
    assert _read(page) == [("paragraph", 0, "", "&a; & done", False)]


def test_read_html_accepts_a_page_saved_as_txt():
    document = read_bytes(b"<html><body><h1>Report</h1></body></html>", "page.txt")
    assert (document.media_type, document.blocks[0].kind) == ("text/html", "heading")
