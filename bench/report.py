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


def triple(servers, key, digits=1) -> str:
    return " / ".join(number(servers.get(name, {}).get(key), digits) for name in ("ours", "stock", "floor"))


def queries(figures) -> str:
    if not figures:
        return "–"
    at_one = figures.get("queries_limit_1")
    cold = (
        f"{at_one} / {figures['queries_limit_20']}"
        if at_one is not None
        else f"{figures['queries_limit_20']}"
    )
    return f"{cold} (repeat {figures['queries_repeat']})"


def table_lines(results) -> list[str]:
    columns = [
        "Endpoint", "req/s ours", "req/s ours uncached", "req/s stock", "req/s floor",
        "ours/stock", "ours/floor",
        "p50 ms ours / stock / floor", "p95 ms ours / stock / floor", "SQL ours @1 / @20",
        "SQL uncached @1 / @20", "SQL stock @1 / @20", "bytes ours / stock",
    ]  # fmt: skip
    lines = [
        "| " + " | ".join(columns) + " |",
        "|" + "---|" * 13,
    ]
    for row in results["endpoints"]:
        servers = row["servers"]
        stock = servers.get("stock")
        marker = {"approximation": " (≈)", "cannot": " (n/a)"}.get(row["stock_comparison"], "")
        lines.append(
            "| "
            + " | ".join(
                [
                    row["label"] + marker,
                    number(servers.get("ours", {}).get("requests_per_second")),
                    number(servers.get("ours_uncached", {}).get("requests_per_second")),
                    number(stock and stock["requests_per_second"]),
                    number(servers.get("floor", {}).get("requests_per_second")),
                    number(row["ratios"]["ours_to_stock"], 2),
                    number(row["ratios"]["ours_to_floor"], 2),
                    triple(servers, "p50_ms"),
                    triple(servers, "p95_ms"),
                    queries(servers.get("ours")),
                    queries(servers.get("ours_uncached")),
                    queries(stock),
                    " / ".join(number(servers.get(name, {}).get("bytes")) for name in ("ours", "stock")),
                ]
            )
            + " |"
        )
    return lines


def markdown_report(results) -> str:
    machine, settings = results["machine"], results["settings"]
    database = machine["database"]
    notes = [f"- **{row['label']}**: {row['note']}" for row in results["endpoints"] if row["note"]]
    return "\n".join(
        [
            "# API benchmark: ours, stock Wagtail, floor",
            "",
            f"Run {machine['date']} on {machine['cores']} cores ({machine['cpu']}), {machine['os']}, "
            f"Python {machine['python']}, Django {machine['django']}, Wagtail {machine['wagtail']}, "
            f"{database['engine']}.",
            f"Data: {database['pages']:,} pages; news articles per locale: "
            + ", ".join(f"{code} {count:,}" for code, count in database["articles_per_locale"].items())
            + ".",
            f"Servers: {settings['server']}, started one at a time on the same database. Load: "
            f"{settings['concurrency']} keep-alive connections from a separate process, "
            f"{settings['warmup_seconds']:g} s warm-up then {settings['duration_seconds']:g} s measured per "
            "endpoint and server; several URLs per endpoint in turn.",
            "",
            *table_lines(results),
            "",
            "SQL: queries of the first request of a URL (@1 and @20 = `limit`), and of the same request "
            "repeated. Ratios compare requests per second. (≈) stock answers an approximation; (n/a) stock "
            "cannot answer it.",
            "",
            *notes,
            "",
        ]
    )


def print_table(results):
    print("\n".join(table_lines(results)))  # noqa: T201 - the command's output
