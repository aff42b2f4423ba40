"""Shared by the ingest tests: the corpus of real Program documents, when it is present."""

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"
FILES = {
    "001": "001_b7b30cbf1957c3f8.txt",  # CAM report 2019–2020 (DPS, IACHR, CIM, IIN)
    "002": "002_8cf466c86ef9360d.txt",  # 2009 annual report, one section per implementer
    "003": "003_077a9d78ab09ac6c.txt",  # high-level forum: recommendations by six panels
    "004": "004_19bb457573eb20b7.txt",  # CAM work plan 2016–2017 with its calendar
}


@pytest.fixture(scope="session")
def corpus() -> dict[str, Path]:
    """The corpus files by number; the tests that need them skip when ../shared is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus folder {CORPUS} is absent")
    return {number: CORPUS / name for number, name in FILES.items()}


@pytest.fixture
def document(db):
    """An imported 2009 activity report: a heading, then one paragraph about the IIN."""
    from followup.ingest.models import SourceDocument

    return SourceDocument.objects.create(
        sha256="a" * 64,
        filename="report-2009.docx",
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        language="en",
        size=10,
        kind="activity_report",
        title="Annual report 2009",
        period_start="2009",
        period_end="2009",
        blocks=[
            {"kind": "heading", "text": "IIN", "level": 1},
            {"kind": "paragraph", "text": "The IIN trained 70 officials in Guatemala.", "level": 0},
        ],
    )
