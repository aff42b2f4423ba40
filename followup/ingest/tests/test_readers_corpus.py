"""The Program's real documents (plain-text exports of Word files) read fast and sensibly."""

import time
from collections import Counter

import pytest

from followup.ingest.readers import read_path

pytestmark = pytest.mark.corpus


def test_read_corpus_files_in_well_under_a_third_of_a_second(corpus):
    started = time.perf_counter()
    documents = [read_path(path) for path in corpus.values()]
    elapsed = time.perf_counter() - started
    assert elapsed < 0.3, f"{elapsed:.3f} s"
    for document in documents:
        assert document.media_type == "text/plain"
        assert document.language == "en"
        assert len(document.blocks) > 50
        assert [block.index for block in document.blocks] == list(range(len(document.blocks)))
        assert {block.kind for block in document.blocks} <= {"paragraph", "list_item"}


def test_read_corpus_report_keeps_its_bullets_as_list_items(corpus):
    labels = Counter(block.list_label for block in read_path(corpus["001"]).blocks)
    assert labels["•"] > 50
    assert [labels[number] for number in ("1.", "2.", "3.", "4.")] == [1, 1, 1, 1]


def test_read_corpus_annual_report_strips_field_codes_and_keeps_footnotes(corpus):
    blocks = read_path(corpus["002"]).blocks
    assert not [block for block in blocks if "HYPERLINK" in block.text or "\ufffd" in block.text]
    footnotes = [block for block in blocks if block.style == "footnote"]
    assert len(footnotes) >= 10
    assert all(block.index > blocks[-len(footnotes) - 1].index for block in footnotes)
    assert not [block for block in blocks if block.text[0] in ".,;"]


def test_read_corpus_work_plan_numbers_its_lists_and_keeps_the_calendar_cells(corpus):
    blocks = read_path(corpus["004"]).blocks
    labels = [block.list_label for block in blocks if block.kind == "list_item"]
    assert labels[:4] == ["a.", "b.", "c.", "d."]
    assert {"18.", "19.", "33.", "37."} <= set(labels)
    # Capital letters and roman numerals number sections: they stay in the text.
    assert any(block.text.startswith("VII. ") for block in blocks)
    assert any(block.text.startswith("A. ") and block.kind == "paragraph" for block in blocks)
    indented = [block for block in blocks if block.style == "indented"]
    assert len(indented) > 30
    assert "DATE" in [block.text for block in indented]
