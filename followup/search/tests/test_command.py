"""`followup search`: rebuilding the index, and searching from the console."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from followup.cli import main
from followup.program.models import Actor
from followup.reporting.models import ActorReport, EntryCountry
from followup.reporting.tests.factories import EntryFactory, ReportFactory
from followup.search import index
from followup.search.management.commands import search as search_command
from followup.search.models import SearchDocument
from followup.search.sources import Document

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("search", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def entries():
    published = ReportFactory(status=ActorReport.Status.PUBLISHED)
    workshop = EntryFactory(report=published, title="Quetzal workshop", starts="2019-05")
    EntryCountry.objects.create(entry=workshop, code="MEX")
    EntryFactory(report=published, title="Quetzal census", starts="2020-01")
    draft = ReportFactory(cycle=published.cycle, actor=Actor.objects.get(slug="cim"))
    EntryFactory(report=draft, title="Quetzal draft")
    return workshop


def test_reindex_rebuilds_the_index_and_counts_each_kind(entries):
    SearchDocument.objects.filter(kind="mandate").delete()

    lines = run("reindex").splitlines()

    counts = dict(line.split(": ") for line in lines[:-1])
    assert (counts["mandate"], counts["activity"], counts["entry"]) == ("8", "28", "3")
    total = sum(int(count) for count in counts.values())
    assert lines[-1].startswith(f"Indexed {total} documents in ")
    assert lines[-1].endswith(" s.")
    assert SearchDocument.objects.filter(kind="mandate").count() == 8


def test_a_query_prints_each_public_hit(entries):
    output = run("quetzal", "--kind", "entry", "--country", "mex")

    report = entries.report
    assert output.splitlines() == [
        "1 result for “quetzal”:",
        "",
        "Quetzal workshop",
        f"    Report entry · /en/reports/{report.cycle.slug}/iin/#entry-{entries.pk} · 2019-05",
    ]


def test_all_finds_unpublished_documents_too(entries):
    output = run("quetzal", "--all", "--kind", "entry")

    assert "Quetzal draft" in output
    assert output.count(" · unpublished") == 1
    assert "Quetzal draft" not in run("quetzal", "--kind", "entry")


def test_words_are_one_query(entries):
    output = run("quetzal", "census")

    assert output.splitlines()[0] == "1 result for “quetzal census”:"


def test_json_prints_the_hits_as_json(entries):
    data = json.loads(run("quetzal", "--json", "--kind", "entry", "--limit", "1"))

    assert (data["query"], data["count"], data["truncated"], data["any_words"]) == (
        "quetzal",
        2,
        False,
        False,
    )
    [hit] = data["results"]
    assert set(hit) == {"kind", "kind_label", "title", "url", "date", "languages", "public"}
    assert (hit["kind"], hit["public"]) == ("entry", True)


def test_the_limit_says_there_are_more(entries):
    output = run("quetzal", "--kind", "entry", "--limit", "1")

    assert output.splitlines()[-1] == "Showing the first 1; use --limit to see more."


def test_a_limit_past_a_page_reads_every_hit(entries, monkeypatch):
    monkeypatch.setattr(search_command, "MAX_PER_PAGE", 2)

    data = json.loads(run("quetzal", "--all", "--kind", "entry", "--limit", "3", "--json"))

    assert sorted(hit["title"] for hit in data["results"]) == [
        "Quetzal census",
        "Quetzal draft",
        "Quetzal workshop",
    ]


def test_a_query_that_finds_nothing_says_so(entries):
    assert run("xylophone") == "Nothing matches “xylophone”.\n"


def test_a_query_with_nothing_searchable_says_so():
    assert run("😀") == "Nothing in “😀” can be searched: give one or more words.\n"


def test_the_query_option_searches_for_the_word_reindex():
    # Only in the index: a rebuild would drop it, as no entry 987654 exists.
    memo = Document(titles={"en": "When to reindex"}, texts=[], public=True)
    index.write("entry", [(987654, memo)])

    output = run("--query", "reindex")

    assert output.splitlines()[:3] == ["1 result for “reindex”:", "", "When to reindex"]
    assert SearchDocument.objects.filter(object_id=987654).exists()


def test_no_query_is_a_usage_error():
    with pytest.raises(CommandError) as error:
        run()

    assert error.value.returncode == 2
    message = str(error.value)
    assert message.startswith("Give the words to search for, such as: followup search migrant")
    assert "usage: followup search [-h]" in message


def test_no_query_exits_2_from_the_command_line(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["followup", "search"])

    assert exit_.value.code == 2
    error = capsys.readouterr().err
    assert "CommandError: Give the words to search for" in error
    assert "usage: followup search" in error


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("quetzal", "--query", "census"), "Give the query as words or with --query, not both."),
        (("quetzal", "--limit", "0"), "--limit must be 1 or more; got 0."),
    ],
)
def test_a_contradictory_command_is_a_usage_error(args, message):
    with pytest.raises(CommandError) as error:
        run(*args)

    assert error.value.returncode == 2
    assert str(error.value).startswith(message)
