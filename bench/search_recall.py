"""Recall of the search across English and Spanish: the bilingual recall set, query by query.

Run with `.venv/bin/python bench/search_recall.py` (SQLite in a temporary folder), or on
PostgreSQL with `.venv/bin/python tools/pgcluster.py -- .venv/bin/python bench/search_recall.py`.
It loads the shipped registry and the recall set's corpus (report entries through the reporting
services, recommendations, work-plan meetings; see followup/search/tests/recall_set.py), then
runs each pair's English and Spanish query and prints, as Markdown for docs/benchmarks.md, the
recall@20 of each direction, the records each missed, the means, and the search time.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followup.settings_test")
    os.environ.setdefault("FOLLOWUP_VAR_DIR", var_dir)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main() -> None:
    with tempfile.TemporaryDirectory() as var_dir:
        _setup(var_dir)
        from django.db import connection

        from followup.accounts.services import sync_roles
        from followup.program.services import load_program
        from followup.reporting.tests.factories import secretariat_user
        from followup.search import index
        from followup.search.queries import SearchRequest, search
        from followup.search.tests import recall_set

        load_program()
        sync_roles()
        found = recall_set.load_corpus(by=secretariat_user())
        counts = index.rebuild()

        results = recall_set.measure(found)
        samples = []
        for pair in recall_set.PAIRS:
            for text in (pair.en, pair.es):
                start = time.perf_counter()
                search(SearchRequest(text=text, per_page=recall_set.CUTOFF))
                samples.append((time.perf_counter() - start) * 1000)

        documents = ", ".join(f"{kind} {count}" for kind, count in counts.items())
        print(f"database: {connection.vendor}, python {sys.version.split()[0]}")
        print(
            f"index: {documents}; {len(recall_set.PAIRS)} query pairs, cut-off {recall_set.CUTOFF}"
        )
        print(f"search() median {statistics.median(samples):.1f} ms, max {max(samples):.1f} ms")
        print()
        print("\n".join(recall_set.table(results)))


if __name__ == "__main__":
    main()
