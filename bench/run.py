"""``python -m bench.run``: measure our API, stock Wagtail and the floor over real HTTP, one after the other.

Each server is a gunicorn with the same configuration on the same database, started
alone so they do not compete for the CPU. For every endpoint the runner first reads
the SQL query count (the ``X-Bench-Queries`` header of bench.settings) and size of a
response, fetches every URL once (our responses become the floor's stored bytes),
then runs the load generator (bench.loadgen) as a separate process at a fixed
concurrency. Results go to ``results/latest.json`` and ``results/latest.md``; a rerun
overwrites them.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import machine_description, markdown_report, print_table
from bench.servers import PROJECT_DIR, ServerConfig, get, running_server

RESULTS_DIR = Path(__file__).resolve().parent / "results"
# (name in the results, server kind, extra environment)
SERVERS = {
    "ours": ("ours", {}),
    "ours_uncached": ("ours", {"BENCH_NO_RESPONSE_CACHE": "1"}),
    "stock": ("stock", {}),
    "floor": ("floor", {}),
}
PROBES = {"ours": "/api/v2/locales/", "stock": "/stock-api/v2/pages/?limit=1", "floor": "/"}


def with_limit(url: str, limit: int) -> str:
    return url.replace("{limit}", str(limit))


def probe_queries(port: int, endpoint, urls: list[str], options) -> dict:
    """Query counts of a first (cold) and a repeated (warm, the fewest seen) request, and the size."""
    figures = {}
    if endpoint.is_listing:
        figures["queries_limit_1"] = get(port, with_limit(urls[0], 1)).queries
    cold = get(port, with_limit(urls[0], 20))
    # Each gunicorn worker has its own cache: repeat until every worker is likely to have answered.
    repeats = [get(port, with_limit(urls[0], 20)).queries for _ in range(2 * options.workers + 2)]
    figures.update(
        status=cold.status,
        bytes=len(cold.body),
        queries_limit_20=cold.queries,
        queries_repeat=min(repeats),
    )
    return figures


def load(port: int, urls: list[str], options) -> dict:
    command = [
        sys.executable, "-m", "bench.loadgen", "--port", str(port),
        "--concurrency", str(options.concurrency), "--duration", str(options.duration),
        "--warmup", str(options.warmup), *urls,
    ]  # fmt: skip
    output = subprocess.run(command, cwd=PROJECT_DIR, check=True, capture_output=True, text=True)  # noqa: S603
    return json.loads(output.stdout)


def measure_server(name: str, endpoints, options, floor_file: Path, captured: dict) -> dict:
    kind, extra_env = SERVERS[name]
    env = {**extra_env, "BENCH_FLOOR_RESPONSES": str(floor_file)}
    results = {}
    print(f"==> {name}", file=sys.stderr, flush=True)
    with running_server(kind, options.server_config, env, PROBES[kind]) as port:
        for endpoint in endpoints:
            templates = endpoint.stock if kind == "stock" else endpoint.ours
            if not templates:
                continue
            figures = probe_queries(port, endpoint, templates, options)
            urls = [with_limit(url, 20) for url in templates]
            for url in urls:
                reply = get(port, url)
                if name == "ours" and reply.status == 200:
                    captured[url] = reply.body.decode()
            figures.update(load(port, urls, options))
            results[endpoint.key] = figures
            print(
                f"  {endpoint.key:<11} {figures['requests_per_second']:8.1f} req/s  "
                f"p50 {figures['p50_ms']:6.1f} ms  queries {figures['queries_limit_20']}",
                file=sys.stderr,
                flush=True,
            )
        if name == "ours":
            floor_file.write_text(json.dumps(captured), encoding="utf-8")
    return results


def ratio(numerator, denominator):
    return round(numerator / denominator, 2) if numerator and denominator else None


def run(options) -> dict:
    from bench.endpoints import build_endpoints

    endpoints = build_endpoints()
    names = [name for name in SERVERS if name in options.servers]
    if "floor" in names and "ours" not in names:
        raise SystemExit("the floor serves our responses: measure 'ours' too")
    started = time.monotonic()
    measured = {}
    with tempfile.TemporaryDirectory() as workdir:
        floor_file = Path(workdir) / "floor.json"
        floor_file.write_text("{}", encoding="utf-8")
        captured = {}
        for name in names:
            measured[name] = measure_server(name, endpoints, options, floor_file, captured)
    rows = []
    for endpoint in endpoints:
        servers = {name: measured[name][endpoint.key] for name in names if endpoint.key in measured[name]}
        ours, stock, floor = (
            servers.get(name, {}).get("requests_per_second") for name in ("ours", "stock", "floor")
        )
        rows.append(
            {
                "key": endpoint.key,
                "label": str(endpoint.label),
                "stock_comparison": endpoint.stock_comparison,
                "note": str(endpoint.note),
                "urls": {"ours": endpoint.ours, "stock": endpoint.stock},
                "servers": servers,
                "ratios": {"ours_to_stock": ratio(ours, stock), "ours_to_floor": ratio(ours, floor)},
            }
        )
    return {
        "machine": machine_description(),
        "settings": {
            "server": options.server_config.describe(),
            "concurrency": options.concurrency,
            "duration_seconds": options.duration,
            "warmup_seconds": options.warmup,
            "servers": names,
        },
        "elapsed_seconds": round(time.monotonic() - started, 1),
        "endpoints": rows,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description="Benchmark our API against stock Wagtail and the floor.")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--duration", type=float, default=10.0, help="measured seconds per endpoint and server"
    )
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--servers", default=",".join(SERVERS), help="comma separated: " + ", ".join(SERVERS))
    parser.add_argument(
        "--results", type=Path, default=RESULTS_DIR, help="folder for latest.json and latest.md"
    )
    options = parser.parse_args(argv)
    options.servers = options.servers.split(",")
    options.server_config = ServerConfig(options.workers, options.threads)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    results = run(options)
    options.results.mkdir(parents=True, exist_ok=True)
    (options.results / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (options.results / "latest.md").write_text(markdown_report(results), encoding="utf-8")
    print_table(results)
    print(f"Results: {options.results / 'latest.md'} and latest.json")


if __name__ == "__main__":
    main()
