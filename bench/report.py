"""The machine the benchmark ran on, and its results as a Markdown table (printed and written)."""

import datetime
import os
import platform
from importlib.metadata import version


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def database_description() -> dict:
    from django.db import connection
    from wagtail.models import Page

    from news.models import NewsArticlePage

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT version()")
            name = cursor.fetchone()[0].split(" on ")[0]
        else:
            cursor.execute("SELECT sqlite_version()")
            name = f"SQLite {cursor.fetchone()[0]}"
    articles = {
        code: NewsArticlePage.objects.filter(locale__language_code=code).count()
        for code in ("en", "fr", "nl")
    }
    return {"engine": name, "pages": Page.objects.count(), "articles_per_locale": articles}


def machine_description() -> dict:
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": version("django"),
        "wagtail": version("wagtail"),
        "database": database_description(),
    }


def number(value, digits=0) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def speed(figures) -> str:
    """Median requests/s of the rounds, with the lowest and highest round when there were several."""
    if not figures:
        return "–"
    median = number(figures["requests_per_second"])
    low, high = figures.get("requests_per_second_min"), figures.get("requests_per_second_max")
    if low is None or len(figures.get("rounds_requests_per_second", [])) < 2:
        return median
    return f"{median} ({number(low)}–{number(high)})"


def ratio_cell(value, above_floor_is_noise=False) -> str:
    if not value:
        return "–"
    text = f"{value['median']:.2f} ({value['low']:.2f}–{value['high']:.2f})"
    return text + " **noise**" if above_floor_is_noise else text


def latencies(figures) -> str:
    if not figures:
        return "–"
    return f"{number(figures.get('p50_ms'), 1)} / {number(figures.get('p99_ms'), 1)}"


def queries(figures) -> str:
    if not figures or figures.get("queries_limit_20") is None:
        return "–"
    at_one = figures.get("queries_limit_1")
    cold = (
        f"{at_one} / {figures['queries_limit_20']}"
        if at_one is not None
        else f"{figures['queries_limit_20']}"
    )
    return f"{cold} (repeat {figures['queries_repeat']})"


COLUMNS = [
    "Endpoint", "req/s ours uncached", "req/s stock", "req/s Strapi", "req/s ours cached", "req/s floor",
    "uncached ours/stock", "uncached ours/Strapi", "cached ours/floor",
    "p50 / p99 ms ours uncached", "p50 / p99 ms stock", "p50 / p99 ms Strapi", "p50 / p99 ms ours cached",
    "SQL ours uncached @1 / @20", "SQL stock @1 / @20", "bytes ours / stock / Strapi",
]  # fmt: skip


def table_lines(results) -> list[str]:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in results["endpoints"]:
        servers, ratios = row["servers"], row["ratios"]
        marker = {"approximation": " (≈)", "cannot": " (n/a)"}.get(row["stock_comparison"], "")
        cells = [
            row["label"] + marker,
            speed(servers.get("ours_uncached")),
            speed(servers.get("stock")),
            speed(servers.get("strapi")),
            speed(servers.get("ours")),
            speed(servers.get("floor")),
            ratio_cell(ratios.get("uncached_ours_to_stock")),
            ratio_cell(ratios.get("uncached_ours_to_peer")),
            ratio_cell(ratios.get("cached_ours_to_floor"), row.get("above_floor_is_noise")),
            latencies(servers.get("ours_uncached")),
            latencies(servers.get("stock")),
            latencies(servers.get("strapi")),
            latencies(servers.get("ours")),
            queries(servers.get("ours_uncached")),
            queries(servers.get("stock")),
            " / ".join(number(servers.get(name, {}).get("bytes")) for name in ("ours", "stock", "strapi")),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def load_lines(results) -> list[str]:
    from bench.machine_load import describe

    load = results.get("load") or {}
    return [
        f"- at the start: {describe(load.get('start') or {})}",
        f"- at the end: {describe(load.get('end') or {})}",
    ]


def markdown_report(results) -> str:
    machine, settings = results["machine"], results["settings"]
    database = machine["database"]
    notes = [f"- **{row['label']}**: {row['note']}" for row in results["endpoints"] if row["note"]]
    notes += [
        f"- **{row['label']}**: {row['peer_note']}" for row in results["endpoints"] if row.get("peer_note")
    ]
    peer = settings.get("peer")
    peer_line = (
        f"Peer: {peer}, on its own database on the same PostgreSQL server, seeded with the same articles."
        if peer
        else f"Peer: not measured ({(settings.get('peer_skipped') or 'not requested').rstrip('.')})."
    )
    return "\n".join(
        [
            "# API benchmark: ours, stock Wagtail, Strapi 5, floor",
            "",
            f"Run {machine['date']} on {machine['cores']} cores ({machine['cpu']}), {machine['os']}, "
            f"Python {machine['python']}, Django {machine['django']}, Wagtail {machine['wagtail']}, "
            f"{database['engine']}.",
            f"Data: {database['pages']:,} pages; news articles per locale: "
            + ", ".join(f"{code} {count:,}" for code, count in database["articles_per_locale"].items())
            + ".",
            f"Servers: {settings['server']}, started one at a time on the same database. {peer_line}",
            f"Load: {settings['concurrency']} keep-alive connections from a separate process, "
            f"{settings['warmup_seconds']:g} s warm-up then {settings['duration_seconds']:g} s measured per "
            "endpoint and server; several URLs per endpoint in turn; "
            f"{settings.get('rounds', 1)} interleaved rounds (every server once per round, the order "
            "turning each round).",
            "",
            "Machine load during the run (other processes share these cores, so the figures are noisy):",
            "",
            *load_lines(results),
            "",
            *table_lines(results),
            "",
            "req/s: the median of the rounds (lowest–highest round). Ratios are ratios of medians "
            "(in brackets the range from the worst to the best pairing of rounds); they compare like "
            "with like: our API with its response cache off against stock Wagtail and Strapi (neither "
            "has a response cache), and our cached answers against the floor (the same responses "
            "replayed from memory where our response cache answers, without its lookup). Nothing can "
            "serve faster than the floor: a cached ratio above 1 is marked **noise**, not a win. SQL: "
            "queries of the first request of a URL (@1 and @20 = `limit`), and of the same request "
            "repeated. (≈) stock answers an approximation; (n/a) stock cannot answer it.",
            "",
            *notes,
            "",
        ]
    )


def print_table(results):
    print("\n".join(table_lines(results)))  # noqa: T201 - the command's output
