"""Timing pages through Django's test client, shared by the benchmarks that serve pages."""

import statistics
import time
from typing import Any


def read(response: Any) -> Any:
    """Streamed responses (CSV exports) do their work while being read."""
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    return response


def time_pages(pages: dict[str, str], repeat: int, *, width: int = 34) -> None:
    """Print p50, p95 and the SQL queries of one request for each page."""
    from django.db import connection
    from django.test import Client

    client = Client()
    print(f"{'page':<{width}} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for name, url in pages.items():
        queries = 0

        def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            # Each request resets Django's query log; a wrapper sees every query.
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            assert read(client.get(url)).status_code == 200, url
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            read(client.get(url))
            times.append((time.perf_counter() - start) * 1000)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
        print(f"{name:<{width}} {statistics.median(times):>8.0f} {p95:>8.0f} {queries:>8}")
