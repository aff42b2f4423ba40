"""`followup ingest`: the command-line contract other tools rely on."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from followup.ingest.management.commands.ingest import _Progress
from followup.ingest.models import Proposal, SourceDocument

pytestmark = pytest.mark.django_db

REPORT = (
    "ANNUAL REPORT 2019-2020\n"
    "1. Report by the Inter-American Children's Institute (IIN)\n"
    "Activities carried out\n"
    "· The IIN trained 70 officials in Guatemala and Honduras on 19 May 2019.\n"
    "· It held a meeting of the Quito Process in Ecuador in March 2019.\n"
)


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), str(error)
    return out.getvalue(), err.getvalue(), None


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "fake.docx").write_text("plain text wearing a Word name", encoding="utf-8")
    return folder


def test_json_gives_one_object_per_readable_file_and_one_line_per_failure(files):
    out, err, failure = _run(
        files / "report.txt", files / "empty.txt", files / "fake.docx", "--json", "--dry-run"
    )

    [line] = out.splitlines()
    document = json.loads(line)
    assert document["source"]["filename"] == "report.txt"
    assert document["kind"] == "activity_report"
    assert document["period"] == {"start": "2019", "end": "2020"}
    [section] = [s for s in document["sections"] if s["actor"]]
    assert section["actor"] == {"name": "Inter-American Children's Institute", "acronym": "IIN"}
    assert sorted(section["countries"]) == ["ECU", "GTM", "HND"]
    assert section["entries"][0]["dates"] == ["2019-05-19"]
    assert section["entries"][0]["figures"][0]["value"] == 70
    assert err.splitlines() == [
        f"{files / 'empty.txt'}: the file is empty",
        f"{files / 'fake.docx'}: the content is plain text, not the Word document its name says",
    ]
    assert failure == "2 of 3 files could not be read."


def test_a_missing_file_is_named_and_the_batch_goes_on(files):
    out, err, failure = _run(files / "nope.pdf", files / "report.txt", "--json", "--dry-run")

    assert len(out.splitlines()) == 1
    assert err.startswith(f"{files / 'nope.pdf'}: the file cannot be opened")
    assert failure == "1 of 2 files could not be read."


def test_a_dry_run_stores_nothing(files):
    _out, _err, failure = _run(files / "report.txt", "--dry-run")

    assert failure is None
    assert not SourceDocument.objects.exists()
    assert not Proposal.objects.exists()


def test_importing_stores_the_file_once_with_its_proposals(files):
    first, _err, _failure = _run(files / "report.txt")
    again, _err, _failure = _run(files / "report.txt")

    document = SourceDocument.objects.get()
    assert document.kind == "activity_report"
    with document.file.open("rb") as stored:
        assert stored.read() == REPORT.encode("utf-8")
    entries = document.proposals.filter(kind="entry")
    assert entries.count() == 2
    first_entry = entries.first()
    assert first_entry.data["actor"] == "iin"
    assert first_entry.data["period"] == "2019–2020"
    assert document.blocks[first_entry.first_block]["text"].startswith("The IIN trained 70")
    assert "waiting for review" in first
    assert "already imported, nothing new" in again
    assert SourceDocument.objects.count() == 1
    assert Proposal.objects.count() == entries.count()


def test_folders_are_read_file_by_file(files):
    out, err, failure = _run(files, "--json", "--dry-run")

    assert [json.loads(line)["source"]["filename"] for line in out.splitlines()] == ["report.txt"]
    assert len(err.splitlines()) == 2
    assert failure == "2 of 3 files could not be read."


def test_the_console_script_exits_non_zero_when_a_file_failed(files, capsys):
    from followup.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["followup", "ingest", str(files / "empty.txt"), "--dry-run"])

    assert exit_info.value.code != 0
    assert "the file is empty" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_progress_bar_shows_only_on_a_terminal_and_not_with_json(tmp_path):
    from django.core.management.base import OutputWrapper

    terminal = _Terminal()
    bar = _Progress(OutputWrapper(terminal), 4, enabled=True)
    bar.show(3, tmp_path / "informe.docx")
    quiet = _Terminal()
    _Progress(OutputWrapper(quiet), 4, enabled=False).show(3, tmp_path / "informe.docx")
    piped = io.StringIO()
    _Progress(OutputWrapper(piped), 4, enabled=True).show(3, tmp_path / "informe.docx")

    assert "[###############---------------] 3/4 informe.docx" in terminal.getvalue()
    assert quiet.getvalue() == piped.getvalue() == ""
