"""``python -m bench.run``: measure our API, stock Wagtail, Strapi 5 and the floor over real HTTP.

Servers are measured in interleaved rounds: in each round every server is started alone
(so they do not compete for the CPU), measured on every endpoint, and stopped; the order
of the servers turns from round to round so none always runs first or last. The table
gives per server the median of the rounds and their spread (lowest and highest).

For every endpoint the runner reads the SQL query count (the ``X-Bench-Queries`` header
of bench.settings) and size of a response, fetches every URL once (our responses become
the floor's stored bytes), then runs the load generator (bench.loadgen) as a separate
process at a fixed concurrency. The machine's load is recorded at the start and the end.
Results go to ``results/latest.json`` and ``results/latest.md``; a rerun overwrites them.
"""

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.floor import floor_entry
from bench.machine_load import snapshot
from bench.report import machine_description, markdown_report, print_table
from bench.servers import PROJECT_DIR, ServerConfig, get, running_server

RESULTS_DIR = Path(__file__).resolve().parent / "results"
# (name in the results, server kind, extra environment)
SERVERS = {
    "ours": ("ours", {}),
    "ours_uncached": ("ours", {"BENCH_NO_RESPONSE_CACHE": "1"}),
    "stock": ("stock", {}),
    "strapi": ("strapi", {}),
    "floor": ("floor", {}),
}
PROBES = {"ours": "/api/v2/locales/", "stock": "/stock-api/v2/pages/?limit=1", "floor": "/"}
# Ratios of medians: like with like. Uncached against uncached (stock Wagtail and Strapi have no
# response cache), and our cached answers against the floor (the same responses from memory).
RATIOS = {
    "uncached_ours_to_stock": ("ours_uncached", "stock"),
    "uncached_ours_to_peer": ("ours_uncached", "strapi"),
    "cached_ours_to_floor": ("ours", "floor"),
}


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
        queries_repeat=min(repeats) if None not in repeats else None,
    )
    return figures


def load(port: int, urls: list[str], options, processes: int) -> dict:
    """The load generator's figures, its connections shared evenly by the server's processes."""
    command = [
        sys.executable, "-m", "bench.loadgen", "--port", str(port),
        "--concurrency", str(options.concurrency), "--duration", str(options.duration),
        "--warmup", str(options.warmup), "--workers", str(processes), *urls,
    ]  # fmt: skip
    output = subprocess.run(command, cwd=PROJECT_DIR, check=True, capture_output=True, text=True)  # noqa: S603
    return json.loads(output.stdout)


def templates_for(name: str, endpoint) -> list[str]:
    kind = SERVERS[name][0]
    return {"stock": endpoint.stock, "strapi": endpoint.peer}.get(kind, endpoint.ours)


@contextlib.contextmanager
def started(name: str, options, floor_file: Path):
    kind, extra_env = SERVERS[name]
    if kind == "strapi":
        from bench.peer.app import running_strapi

        with running_strapi(options.peer_database_url, options.ports.take()) as port:
            yield port
        return
    env = {**extra_env, "BENCH_FLOOR_RESPONSES": str(floor_file)}
    with running_server(kind, options.server_config, env, PROBES[kind], port=options.ports.take()) as port:
        yield port


def measure_server(name: str, endpoints, options, floor_file: Path, captured: dict) -> dict:
    """One round of one server: every endpoint it can answer."""
    results = {}
    print(f"==> {name}", file=sys.stderr, flush=True)
    with started(name, options, floor_file) as port:
        for endpoint in endpoints:
            templates = templates_for(name, endpoint)
            if not templates:
                continue
            figures = probe_queries(port, endpoint, templates, options)
            urls = [with_limit(url, 20) for url in templates]
            for url in urls:
                reply = get(port, url)
                if name == "ours" and reply.status == 200:
                    captured[url] = floor_entry(reply.body, reply.headers)
            processes = 1 if SERVERS[name][0] == "strapi" else options.workers  # Strapi: one Node.js process
            figures.update(load(port, urls, options, processes))
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


def round_order(names: list[str], number: int) -> list[str]:
    """The servers of round ``number`` (0-based): turned by one each round; the first round
    measures ours before the floor, which serves our captured responses."""
    if number == 0:
        return sorted(names, key=lambda name: name == "floor")
    shift = number % len(names)
    return names[shift:] + names[:shift]


def summarise_rounds(rounds: list[dict]) -> dict:
    """Medians over the rounds, the spread of requests/s, and the first round's probe figures."""
    speeds = [figures["requests_per_second"] for figures in rounds]
    summary = {
        key: value for key, value in rounds[0].items() if key.startswith(("queries", "status", "bytes"))
    }
    summary.update(
        requests_per_second=statistics.median(speeds),
        requests_per_second_min=min(speeds),
        requests_per_second_max=max(speeds),
        rounds_requests_per_second=[round(speed, 1) for speed in speeds],
        errors=sum(figures["errors"] for figures in rounds),
        status=max(figures["status"] for figures in rounds),
    )
    for key in ("p50_ms", "p95_ms", "p99_ms"):
        if all(key in figures for figures in rounds):
            summary[key] = statistics.median(figures[key] for figures in rounds)
    return summary


def ratio(numerator: dict | None, denominator: dict | None) -> dict | None:
    """The ratio of medians, and its range over the rounds (worst and best pairing of two rounds)."""
    if not numerator or not denominator or not denominator["requests_per_second"]:
        return None
    low = numerator["requests_per_second_min"] / max(denominator["requests_per_second_max"], 1e-9)
    high = numerator["requests_per_second_max"] / max(denominator["requests_per_second_min"], 1e-9)
    return {
        "median": round(numerator["requests_per_second"] / denominator["requests_per_second"], 2),
        "low": round(low, 2),
        "high": round(high, 2),
    }


def endpoint_rows(endpoints, measured: dict) -> list[dict]:
    rows = []
    for endpoint in endpoints:
        servers = {
            name: summarise_rounds(rounds[endpoint.key])
            for name, rounds in measured.items()
            if rounds.get(endpoint.key)
        }
        ratios = {key: ratio(servers.get(a), servers.get(b)) for key, (a, b) in RATIOS.items()}
        floor = ratios["cached_ours_to_floor"]
        rows.append(
            {
                "key": endpoint.key,
                "label": str(endpoint.label),
                "stock_comparison": endpoint.stock_comparison,
                "note": str(endpoint.note),
                "peer_note": str(endpoint.peer_note),
                "urls": {"ours": endpoint.ours, "stock": endpoint.stock, "strapi": endpoint.peer},
                "servers": servers,
                "ratios": ratios,
                # Nothing serves faster than the floor: a ratio above 1 is the machine's noise.
                "above_floor_is_noise": bool(floor and floor["median"] > 1.0),
            }
        )
    return rows


def peer_unavailable_reason(options) -> str | None:
    """Install Strapi if needed and seed it with our content; the reason when it cannot run."""
    from bench.peer import prepare

    try:
        options.peer_database_url = prepare.ready_peer(options.ports)
    except prepare.PeerUnavailable as problem:
        return str(problem)
    return None


def run(options) -> dict:
    from bench.endpoints import build_endpoints

    load_at_start = snapshot()
    endpoints = build_endpoints()
    if options.endpoints:
        unknown = set(options.endpoints) - {endpoint.key for endpoint in endpoints}
        if unknown:
            raise SystemExit(f"unknown endpoints: {', '.join(sorted(unknown))}")
        endpoints = [endpoint for endpoint in endpoints if endpoint.key in options.endpoints]
    names = [name for name in SERVERS if name in options.servers]
    if "floor" in names and "ours" not in names:
        raise SystemExit("the floor serves our responses: measure 'ours' too")
    peer_problem = None
    if "strapi" in names:
        peer_problem = peer_unavailable_reason(options)
        if peer_problem:
            print(f"Strapi peer skipped: {peer_problem}", file=sys.stderr, flush=True)
            names.remove("strapi")
    began = time.monotonic()
    measured = {name: {} for name in names}
    with tempfile.TemporaryDirectory() as workdir:
        floor_file = Path(workdir) / "floor.json"
        floor_file.write_text("{}", encoding="utf-8")
        captured = {}
        for number in range(options.rounds):
            print(f"==> round {number + 1} of {options.rounds}", file=sys.stderr, flush=True)
            for name in round_order(names, number):
                for key, figures in measure_server(name, endpoints, options, floor_file, captured).items():
                    measured[name].setdefault(key, []).append(figures)
    return {
        "machine": machine_description(),
        "settings": {
            "server": options.server_config.describe(),
            "concurrency": options.concurrency,
            "duration_seconds": options.duration,
            "warmup_seconds": options.warmup,
            "rounds": options.rounds,
            "servers": names,
            "peer": peer_description() if "strapi" in names else None,
            "peer_skipped": peer_problem,
        },
        "load": {"start": load_at_start, "end": snapshot()},
        "elapsed_seconds": round(time.monotonic() - began, 1),
        "endpoints": endpoint_rows(endpoints, measured),
    }


def peer_description() -> str:
    from bench.peer.app import APP_DIR, node_version

    try:
        package = json.loads(
            (APP_DIR / "node_modules/@strapi/strapi/package.json").read_text(encoding="utf-8")
        )
    except (OSError, ValueError):
        package = {}
    return (
        f"Strapi {package.get('version', '?')} (strapi start, NODE_ENV=production, "
        f"one Node.js {node_version()} process)"
    )


class PortRange:
    """Ports for the servers: any free one, or the next free one in ``first-last``."""

    def __init__(self, spec: str | None):
        self.ports = None
        if spec:
            first, last = (int(part) for part in spec.split("-"))
            self.ports = list(range(first, last + 1))

    def take(self) -> int:
        from bench.servers import free_port, port_is_free

        if self.ports is None:
            return free_port()
        for _ in range(len(self.ports)):
            port = self.ports.pop(0)
            self.ports.append(port)
            if port_is_free(port):
                return port
        raise RuntimeError("no free port left in the range given with --ports")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Benchmark our API against stock Wagtail, Strapi and the floor."
    )
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--duration", type=float, default=10.0, help="measured seconds per endpoint, server and round"
    )
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the table shows medians")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--servers", default=",".join(SERVERS), help="comma separated: " + ", ".join(SERVERS))
    parser.add_argument("--endpoints", help="comma separated keys (detail, article, ...): only these")
    parser.add_argument("--ports", help="e.g. 8400-8449: the servers listen only on ports in this range")
    parser.add_argument(
        "--results", type=Path, default=RESULTS_DIR, help="folder for latest.json and latest.md"
    )
    options = parser.parse_args(argv)
    options.servers = options.servers.split(",")
    options.endpoints = options.endpoints.split(",") if options.endpoints else None
    options.server_config = ServerConfig(options.workers, options.threads)
    options.ports = PortRange(options.ports)
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
