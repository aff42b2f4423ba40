"""`followup search`: search from the console, or rebuild the index.

    followup search reindex                       rebuild the index from every app
    followup search migrant children              search public documents
    followup search trata --kind entry --country MEX --all --limit 50 --json
    followup search --query reindex               search for the word "reindex" itself

The one word "reindex" is the subcommand; any other text is a query, read exactly as the
search page reads it (same parsing, same filters), over public documents unless --all.
Like the project's other commands, it speaks English.
"""

import json
import time
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.http import QueryDict

from followup.search import index, queries
from followup.search.exports import plain_text
from followup.search.forms import SearchForm
from followup.search.queries import MAX_PER_PAGE, Hit, SearchResults

REINDEX = "reindex"
DEFAULT_LIMIT = 20
USAGE_ERROR = 2  # the exit status of a command line that cannot be run, as argparse's


class Command(BaseCommand):
    help = (
        "Search mandates, activities, report entries and everything else indexed, or rebuild "
        "the index with `followup search reindex`. Public documents only unless --all."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "words",
            nargs="*",
            metavar="QUERY",
            help="The words to search for, or the single word “reindex” to rebuild the index.",
        )
        parser.add_argument(
            "--query",
            metavar="TEXT",
            help="The text to search for, given as an option: the way to search for the word "
            "“reindex” itself.",
        )
        parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
        parser.add_argument(
            "--kind",
            action="append",
            default=[],
            metavar="K",
            help="Only this kind of record (mandate, activity, entry, …); repeat for several.",
        )
        parser.add_argument(
            "--country",
            action="append",
            default=[],
            metavar="C",
            help="Only records about this country (ISO alpha-3, such as MEX); repeat for several.",
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help="Find unpublished documents too (draft report entries…), as the secretariat.",
        )
        parser.add_argument(
            "--limit",
            type=int,
            default=DEFAULT_LIMIT,
            metavar="N",
            help=f"Print at most N results (default {DEFAULT_LIMIT}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        words: list[str] = options["words"]
        query: str | None = options["query"]
        if query is None and words == [REINDEX]:
            self.reindex()
            return
        if query is not None and words:
            self.usage_error("Give the query as words or with --query, not both.")
        text = query if query is not None else " ".join(words)
        if not text.strip():
            self.usage_error(
                "Give the words to search for, such as: followup search migrant children "
                "(or `followup search reindex` to rebuild the index)."
            )
        if options["limit"] < 1:
            self.usage_error(f"--limit must be 1 or more; got {options['limit']}.")
        self.search(text, options)

    def usage_error(self, message: str) -> NoReturn:
        usage = self.create_parser("followup", "search").format_usage()
        raise CommandError(f"{message}\n{usage}", returncode=USAGE_ERROR)

    def reindex(self) -> None:
        started = time.monotonic()
        counts = index.rebuild()
        elapsed = time.monotonic() - started
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count}")
        total = sum(counts.values())
        self.stdout.write(f"Indexed {total} documents in {elapsed:.1f} s.")

    def search(self, text: str, options: dict[str, Any]) -> None:
        data = QueryDict(mutable=True)
        data["q"] = text
        data.setlist("kind", options["kind"])
        data.setlist("country", options["country"])
        limit: int = options["limit"]
        search = SearchForm(data).search_request(
            include_unpublished=options["all"], per_page=min(limit, MAX_PER_PAGE)
        )
        results = queries.search(search)
        hits = results.hits
        if limit > MAX_PER_PAGE and results.total > len(hits):
            hits = [hit for _, hit in zip(range(limit), queries.iter_hits(search), strict=False)]
        if options["json"]:
            self.stdout.write(json.dumps(_as_json(results, hits), ensure_ascii=False, indent=2))
        else:
            self.print_results(results, hits)

    def print_results(self, results: SearchResults, hits: list[Hit]) -> None:
        query = results.query
        if query.truncated:
            self.stdout.write("The query was shortened to its first words.")
        if query.unsearchable:
            self.stdout.write(f"Nothing in “{query.text}” can be searched: give one or more words.")
            return
        if not results.total:
            self.stdout.write(f"Nothing matches “{query.text}”.")
            return
        if results.any_words:
            self.stdout.write("No document has all the words; these have some of them.")
        noun = "result" if results.total == 1 else "results"
        self.stdout.write(f"{results.total} {noun} for “{query.text}”:")
        for hit in hits:
            details = [hit.kind_label, hit.url or "(no page)", hit.date]
            if not hit.public:
                details.append("unpublished")
            self.stdout.write("")
            self.stdout.write(plain_text(hit.title))
            self.stdout.write("    " + " · ".join(detail for detail in details if detail))
        if results.total > len(hits):
            self.stdout.write("")
            self.stdout.write(f"Showing the first {len(hits)}; use --limit to see more.")


def _as_json(results: SearchResults, hits: list[Hit]) -> dict[str, Any]:
    return {
        "query": results.query.text,
        "truncated": results.query.truncated,
        "any_words": results.any_words,
        "count": results.total,
        "results": [
            {
                "kind": hit.facet_kind,
                "kind_label": hit.kind_label,
                "title": plain_text(hit.title),
                "url": hit.url,
                "date": hit.date,
                "languages": list(hit.languages),
                "public": hit.public,
            }
            for hit in hits
        ],
    }
