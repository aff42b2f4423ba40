"""Benchmark: full-text search over 1,000,000 generated paragraphs, SQLite or PostgreSQL.

Run with `.venv/bin/python bench/search.py --database var/bench/search.sqlite3` (builds the index
into that file the first time, then reuses it), `--quick` for a 20,000-paragraph smoke run in a
temporary folder, `--postgres` for the same on a throwaway PostgreSQL cluster
(tools/pgcluster.py). Nothing large is committed: the paragraphs are generated at run time from
the words of ../shared/corpus (English) and of the registry's Spanish texts, drawn with a
Zipf-like law (a word's weight is 1 / its frequency rank), with a fixed seed.

Each paragraph (20–80 words, a title of 4–10 words, random facets) goes through the real
indexing path, `followup.search.index.write`. Then 20 typical queries are timed through the
search interface (`queries.search`, page 1 by relevance, public records only) and through the
engine's own ranked query (`engine.raw_top` on the same expression, nothing of ours around it),
plus the facet counts and a filtered search that the search page also runs. The issue's goals
on the 2-core machine: interface p95 under 50 ms on SQLite, and under 1.5× the raw query.
"""

import argparse
import math
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup.search.sources import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

DEFAULT_PARAGRAPHS = 1_000_000
QUICK_PARAGRAPHS = 20_000
BATCH = 1000  # documents per `index.write` call and per transaction
SEED = 2026
WARM_UPS = 2
REPEAT = 15
# The indexed kinds, one per registered source; a batch is of one kind.
KINDS = ("entry", "activity", "mandate", "recommendation", "calendar")
ROUTES: dict[str, tuple[str, list[str]] | None] = {
    "entry": ("reporting:report_detail", ["2019-2020", "iin"]),
    "activity": ("program:version_detail", ["2016"]),
    "mandate": ("program:mandate_detail", ["ag-res-2883-xlvi-o-16"]),
    "recommendation": None,
    "calendar": None,
}
PUBLIC_SHARE = 0.9
# Generated records' ids start here, clear of the registry's own indexed mandates and activities.
OBJECT_ID_BASE = 1_000_000_000
FIRST_YEAR, LAST_YEAR = 2005, 2026
LETTERS = re.compile(r"[^\W\d_]+")

# (what it stands for, the query as typed). Words are checked against the vocabulary at run time.
QUERIES: list[tuple[str, str]] = [
    ("frequent word", "migration"),
    ("frequent word", "rights"),
    ("frequent word", "program"),
    ("mid-frequency word", "children"),
    ("mid-frequency word", "cooperation"),
    ("rare word", "municipalities"),
    ("rare word", "pandemic"),
    ("2 words", "migrant workers"),
    ("2 words", "regional conference"),
    ("3 words", "best practices exchange"),
    ("3 words, rare", "qualitative indicators university"),
    ("theme (widened)", "trafficking"),
    ("theme (widened)", "health"),
    ("theme, 2 words (widened)", "consular protection"),
    ("Spanish, theme (widened)", "derechos humanos"),
    ("Spanish, 2 words", "trabajadores migratorios"),
    ("country name (widened)", "Mexico"),
    ("country name (widened)", "Guatemala"),
    ("acronym (widened)", "IOM"),
    ("acronym (widened)", "IACHR"),
]
# The filtered search: these facet values with each query.
FILTER_COUNTRY = "MEX"
FILTER_THEME_SLUG = "human-rights"


# --- The generated corpus -------------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """Words by falling frequency and their cumulative Zipf weights, for `random.choices`."""

    words: tuple[str, ...]
    cum_weights: tuple[float, ...]

    def sample(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum_weights, k=count)


def vocabulary(texts: Iterable[str]) -> Vocabulary:
    """Every word of `texts` ranked by frequency (ties alphabetically, so runs agree), each
    written as it most often appears ("IOM", "Mexico", "migration")."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        for word in LETTERS.findall(text):
            key = word.lower()
            counts[key] += 1
            forms.setdefault(key, Counter())[word] += 1
    ranked = sorted(counts, key=lambda key: (-counts[key], key))
    words = tuple(forms[key].most_common(1)[0][0] for key in ranked)
    total, cumulative = 0.0, []
    for rank in range(1, len(words) + 1):
        total += 1.0 / rank
        cumulative.append(total)
    return Vocabulary(words, tuple(cumulative))


def english_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]


def spanish_texts() -> list[str]:
    """The registry's Spanish strings: the corpus itself holds almost no Spanish."""
    from followup.program import registry

    found: list[str] = []

    def walk(value: object, key: str = "") -> None:
        if isinstance(value, str) and key.endswith("_es"):
            found.append(value)
        elif isinstance(value, dict):
            for child_key, child in value.items():
                walk(child, child_key)
        elif isinstance(value, list | tuple):
            for child in value:
                walk(child, key)

    for name in registry.__all__:
        walk(getattr(registry, name))
    return found


@dataclass(frozen=True)
class Facets:
    countries: tuple[str, ...]
    themes: tuple[int, ...]
    groups: tuple[int, ...]
    actors: tuple[int, ...]


def registry_facets() -> Facets:
    from followup.program.models import Actor, PopulationGroup, Theme
    from followup.program.registry import MEMBER_STATES

    return Facets(
        countries=tuple(sorted(str(state["country"]) for state in MEMBER_STATES)),
        themes=tuple(Theme.objects.order_by("pk").values_list("pk", flat=True)),
        groups=tuple(PopulationGroup.objects.order_by("pk").values_list("pk", flat=True)),
        actors=tuple(Actor.objects.filter(country="").order_by("pk").values_list("pk", flat=True)),
    )


def _sentences(words: list[str], rng: random.Random) -> str:
    """Words as sentences of 8–20 words, each capitalised and closed by a full stop."""
    sentences = []
    position = 0
    while position < len(words):
        length = rng.randint(8, 20)
        chunk = words[position : position + length]
        sentences.append(chunk[0][:1].upper() + chunk[0][1:] + " " + " ".join(chunk[1:]))
        position += length
    return ". ".join(sentence.strip() for sentence in sentences) + "."


def documents(
    count: int, english: Vocabulary, spanish: Vocabulary, facets: Facets
) -> Iterator[tuple[str, list[tuple[int, "Document"]]]]:
    """Batches of (kind, [(object_id, Document)]); half English, half Spanish paragraphs."""
    from followup.search.sources import Document

    rng = random.Random(SEED)  # noqa: S311  (the same corpus on every run; no secret)
    for first in range(0, count, BATCH):
        kind = KINDS[(first // BATCH) % len(KINDS)]
        batch: list[tuple[int, Document]] = []
        for number in range(first, min(first + BATCH, count)):
            language, words = ("en", english) if number % 2 == 0 else ("es", spanish)
            title = _sentences(words.sample(rng, rng.randint(4, 10)), rng).rstrip(".")
            text = _sentences(words.sample(rng, rng.randint(20, 80)), rng)
            year = rng.randint(FIRST_YEAR, LAST_YEAR)
            document = Document(
                titles={language: title},
                texts=[(language, text)],
                public=rng.random() < PUBLIC_SHARE,
                route=ROUTES[kind],
                anchor=f"entry-{number}" if kind == "entry" else "",
                date=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                countries=rng.sample(facets.countries, rng.choice((1, 1, 1, 2, 3))),
                themes=rng.sample(facets.themes, rng.choice((1, 1, 2))),
                groups=rng.sample(facets.groups, rng.choice((0, 1))),
                actors=rng.sample(facets.actors, rng.choice((0, 1))),
            )
            batch.append((OBJECT_ID_BASE + number, document))
        yield kind, batch


# --- Set-up and building --------------------------------------------------------------------


def setup(var_dir: str, database: Path | None, *, postgres: bool) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followup.settings_test")
    os.environ["FOLLOWUP_VAR_DIR"] = var_dir
    if not postgres:
        path = database or Path(var_dir) / "search.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path.resolve()}"
    import django

    django.setup()
    from django.core.management import call_command

    from followup.program.services import load_program

    call_command("migrate", verbosity=0)
    load_program()


def build(count: int) -> tuple[int, float]:
    """Index `count` generated paragraphs; (documents written, seconds)."""
    from django.db import connection, transaction

    from followup.search.index import write

    english = vocabulary(english_texts())
    spanish = vocabulary(spanish_texts())
    print(
        f"vocabulary: {len(english.words):,} English words (../shared/corpus), "
        f"{len(spanish.words):,} Spanish words (registry)",
        file=sys.stderr,
    )
    written = 0
    start = time.perf_counter()
    for kind, batch in documents(count, english, spanish, registry_facets()):
        with transaction.atomic():
            write(kind, batch)
        written += len(batch)
        if written % 50_000 == 0:
            seconds = time.perf_counter() - start
            print(
                f"  {written:,} documents, {seconds:.0f} s, {written / seconds:,.0f}/s",
                file=sys.stderr,
            )
    seconds = time.perf_counter() - start
    if connection.vendor == "postgresql":
        # What autovacuum would have done by now: the engine's UPDATEs leave a dead row behind
        # each document, and the planner needs statistics of the new rows.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return written, seconds


def database_size() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_database_size(current_database())")
            size = int(cursor.fetchone()[0])
        else:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size = Path(str(connection.settings_dict["NAME"])).stat().st_size
    return f"{size / 1024**3:.2f} GiB" if size > 1024**3 else f"{size / 1024**2:.0f} MiB"


# --- Measuring ------------------------------------------------------------------------------


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


@dataclass
class Samples:
    interface: list[float]
    raw: list[float]
    facets: list[float]
    filtered: list[float]
    page: list[float]  # interface + facets of the same run: what the search page waits for

    def extend(self, other: "Samples") -> None:
        self.interface += other.interface
        self.raw += other.raw
        self.facets += other.facets
        self.filtered += other.filtered
        self.page += other.page


@dataclass(frozen=True)
class QueryFigures:
    what: str
    text: str
    total: int
    any_words: bool
    interface: float
    raw: float
    facets: float
    filtered: float


def measure(
    text: str, what: str, filters: dict[str, tuple[str, ...]], samples: Samples
) -> QueryFigures:
    from django.db import connection

    from followup.search.engines import get_engine
    from followup.search.queries import SearchRequest, facet_counts, search

    request = SearchRequest(text=text)
    filtered_request = SearchRequest(text=text, filters=filters)
    results = search(request)
    # The expression the interface ranked by: the any-words one when no record has all words.
    expression = results.expression
    assert expression is not None, text  # every listed query has searchable words
    sql, params = get_engine().raw_top(expression, 20)

    def raw() -> object:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    mine = Samples([], [], [], [], [])
    for repetition in range(WARM_UPS + REPEAT):
        # Interleaved, so that noise from other processes falls on both alike.
        interface_ms = timed(lambda: search(request))
        raw_ms = timed(raw)
        facets_ms = timed(lambda: facet_counts(results))
        filtered_ms = timed(lambda: search(filtered_request))
        if repetition >= WARM_UPS:
            mine.interface.append(interface_ms)
            mine.raw.append(raw_ms)
            mine.facets.append(facets_ms)
            mine.filtered.append(filtered_ms)
            mine.page.append(interface_ms + facets_ms)
    samples.extend(mine)
    return QueryFigures(
        what=what,
        text=text,
        total=results.total,
        any_words=results.any_words,
        interface=statistics.median(mine.interface),
        raw=statistics.median(mine.raw),
        facets=statistics.median(mine.facets),
        filtered=statistics.median(mine.filtered),
    )


def check_queries(english: Vocabulary, spanish: Vocabulary) -> None:
    """Every word of the listed queries occurs in the generated paragraphs' vocabulary."""
    known = {word.lower() for word in english.words + spanish.words}
    missing = sorted(
        {word for _, text in QUERIES for word in LETTERS.findall(text.lower())} - known
    )
    if missing:
        sys.exit(f"Query words absent from the vocabulary: {', '.join(missing)}")


def report(count: int, figures: list[QueryFigures], samples: Samples) -> None:
    from django.db import connection

    print(f"database: {connection.vendor}; {count:,} documents; {REPEAT} timed runs per query")
    print()
    print("| query | kind of query | matches | interface p50 ms | raw p50 ms | ratio |", end="")
    print(" facets p50 ms | filtered p50 ms |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for row in figures:
        total = f"{row.total:,}" + (" (any word)" if row.any_words else "")
        print(
            f"| {row.text} | {row.what} | {total} | {row.interface:.1f} | {row.raw:.1f} "
            f"| {row.interface / row.raw:.2f} | {row.facets:.1f} | {row.filtered:.1f} |"
        )
    print()
    print("| over all 20 queries | p50 ms | p95 ms |")
    print("|---|---:|---:|")
    lines = [
        ("search interface (`queries.search`, page 1)", samples.interface),
        ("raw engine query (`engine.raw_top`, 20 rows)", samples.raw),
        ("facet counts (`facet_counts`)", samples.facets),
        (
            f"filtered search (country {FILTER_COUNTRY} + theme {FILTER_THEME_SLUG})",
            samples.filtered,
        ),
        ("the search page's queries (interface + facet counts)", samples.page),
    ]
    for label, values in lines:
        print(f"| {label} | {percentile(values, 0.5):.1f} | {percentile(values, 0.95):.1f} |")
    ratio_50 = percentile(samples.interface, 0.5) / percentile(samples.raw, 0.5)
    ratio_95 = percentile(samples.interface, 0.95) / percentile(samples.raw, 0.95)
    print(f"| interface ÷ raw | {ratio_50:.2f}× | {ratio_95:.2f}× |")


def run(arguments: argparse.Namespace, var_dir: str) -> None:
    postgres = arguments.postgres
    database = Path(arguments.database) if arguments.database else None
    setup(var_dir, database, postgres=postgres)
    from django.utils import translation

    from followup.program.models import Theme
    from followup.search.models import SearchDocument

    check_queries(vocabulary(english_texts()), vocabulary(spanish_texts()))
    generated = SearchDocument.objects.filter(object_id__gte=OBJECT_ID_BASE).count()
    if generated:
        print(
            f"reusing the index: {generated:,} generated documents "
            "(--paragraphs does not apply; remove the file to build again)",
            file=sys.stderr,
        )
    else:
        generated, seconds = build(arguments.paragraphs)
        print(f"built {generated:,} documents in {seconds:.0f} s ({generated / seconds:,.0f}/s)")
    count = SearchDocument.objects.count()  # with the registry's own, indexed on loading
    print(f"database size: {database_size()}")
    translation.activate("en")
    theme = str(Theme.objects.get(slug=FILTER_THEME_SLUG).pk)
    filters: dict[str, tuple[str, ...]] = {"country": (FILTER_COUNTRY,), "theme": (theme,)}
    samples = Samples([], [], [], [], [])
    figures = []
    for what, text in QUERIES:
        figures.append(measure(text, what, filters, samples))
        print(f"  measured {text!r}", file=sys.stderr)
    report(count, figures, samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paragraphs", type=int, default=DEFAULT_PARAGRAPHS)
    parser.add_argument(
        "--quick", action="store_true", help=f"{QUICK_PARAGRAPHS:,} paragraphs: a smoke run"
    )
    parser.add_argument(
        "--database",
        help="SQLite file to build the index into, or to reuse when it already holds one",
    )
    parser.add_argument(
        "--postgres", action="store_true", help="on a throwaway cluster (tools/pgcluster.py)"
    )
    arguments = parser.parse_args()
    if arguments.quick:
        arguments.paragraphs = QUICK_PARAGRAPHS
    if not CORPUS.is_dir():
        sys.exit(f"The corpus folder {CORPUS} is absent; nothing to measure.")
    if arguments.postgres and arguments.database:
        sys.exit("--database names an SQLite file; it cannot go with --postgres.")
    if arguments.postgres and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        # Run again inside a throwaway cluster, which sets DATABASE_URL for the command.
        command = [sys.executable, str(ROOT / "tools" / "pgcluster.py"), "--"]
        sys.exit(subprocess.call([*command, sys.executable, *sys.argv]))  # noqa: S603
    with tempfile.TemporaryDirectory() as var_dir:
        run(arguments, var_dir)


if __name__ == "__main__":
    main()
