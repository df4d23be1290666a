"""Where an uncached API request spends its time, endpoint by endpoint, in-process.

``python -m bench.profiles.profile_endpoints`` (database: ``BENCH_DATABASE_URL``, as
the benchmark) calls the project's WSGI application directly, with the response cache
off, for the URLs the benchmark measures (bench.endpoints, French content, limit 20),
and prints per endpoint:

- requests per second of a plain loop (no HTTP, no load generator: the server's own cost);
- SQL queries per request, the time spent in the database driver, the rest (Python), and
  the process's CPU time per request;
- the functions with the most own time under cProfile, and the project's functions with
  the most cumulative time.

Options: ``--endpoints listing,article`` (default: the four compared with the peer),
``--seconds`` per measurement, ``--top`` functions shown.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from itertools import cycle

COMPARED = ["listing", "find", "deep", "article"]


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ["BENCH_NO_RESPONSE_CACHE"] = "1"
    import django

    django.setup()


def wsgi_environ(url: str) -> dict:
    from wsgiref.util import setup_testing_defaults

    path, _, query = url.partition("?")
    environ = {"PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": "GET", "HTTP_HOST": "127.0.0.1"}
    environ["SERVER_NAME"] = "127.0.0.1"
    setup_testing_defaults(environ)
    environ["wsgi.input"] = io.BytesIO(b"")
    return environ


class Caller:
    """Calls the WSGI application the way a server would, keeping the response body."""

    def __init__(self):
        from django.core.wsgi import get_wsgi_application

        self.application = get_wsgi_application()

    def __call__(self, url: str) -> tuple[str, bytes]:
        status_holder = []
        chunks = self.application(wsgi_environ(url), lambda status, headers: status_holder.append(status))
        body = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()
        return status_holder[0], body


class SQLTimer:
    """Counts queries and the time spent executing them (fetching included for server-side cursors)."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


def requests_per_second(call, urls, seconds: float) -> tuple[float, int]:
    done = 0
    started = time.perf_counter()
    for url in cycle(urls):
        call(url)
        done += 1
        if time.perf_counter() - started >= seconds:
            break
    return done / (time.perf_counter() - started), done


def sql_share(call, urls, rounds: int) -> tuple[float, float, float, float]:
    """(queries, SQL ms, total ms, CPU ms) per request, averaged over ``rounds`` passes of ``urls``.

    CPU ms is this process's own processor time: on a shared machine it varies less
    than wall time, which includes waiting for a core.
    """
    from django.db import connection

    timer = SQLTimer()
    requests = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(timer):
        for _ in range(rounds):
            for url in urls:
                call(url)
                requests += 1
    total, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return (
        timer.count / requests,
        1000 * timer.seconds / requests,
        1000 * total / requests,
        1000 * cpu / requests,
    )


def profile(call, urls, rounds: int, top: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        for url in urls:
            call(url)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    out.write("Project code by cumulative time:\n")
    stats.sort_stats("cumulative").print_stats(r"/(cms|news|home)/", top)
    return trim(out.getvalue())


def trim(report: str) -> str:
    """pstats' output without its header lines and with shorter file names."""
    prefix = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))) + "/"
    lines = [line.replace(prefix, "").replace(sys.prefix + "/lib/", "") for line in report.splitlines()]
    return "\n".join(line for line in lines if line.strip() and "Ordered by" not in line)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoints", default=",".join(COMPARED))
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--no-profile", action="store_true", help="requests/s and SQL share only")
    options = parser.parse_args(argv)
    setup_django()
    from bench.endpoints import build_endpoints

    wanted = options.endpoints.split(",")
    endpoints = {endpoint.key: endpoint for endpoint in build_endpoints() if endpoint.key in wanted}
    call = Caller()
    for key in wanted:
        urls = [url.replace("{limit}", "20") for url in endpoints[key].ours]
        for url in urls:  # warm up: content types, URL resolvers, connections
            status, body = call(url)
            if not status.startswith("200"):
                raise SystemExit(f"{url}: {status} {body[:200]!r}")
        rate, done = requests_per_second(call, urls, options.seconds)
        queries, sql_ms, total_ms, cpu_ms = sql_share(call, urls, rounds=3)
        print(f"## {key}: {rate:.1f} requests/s in-process ({done} requests, {len(urls)} URLs)")
        print(
            f"   per request: {queries:.1f} queries, {sql_ms:.1f} ms in SQL, {total_ms - sql_ms:.1f} ms "
            f"elsewhere (wall); {cpu_ms:.1f} ms CPU of this process"
        )
        if not options.no_profile:
            print(profile(call, urls, rounds=3, top=options.top))
        print(flush=True)


if __name__ == "__main__":
    main()
