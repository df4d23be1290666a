"""Cache hits against the floor, in-process: ``python bench/profiles/cache_hits.py [--rounds 5]``.

For each benchmarked endpoint (``bench.endpoints``), our API with its response cache on
(every URL requested once first, so what is measured are hits) is timed against the floor
as ``make bench`` runs it (``bench/floor.py``): the same body and headers replayed from
memory where our cache answers, with nothing behind it. The difference is the cost of the
cache's own work on a hit (the entry's lookup and its tag versions' check).

The benchmark's query-counting middleware is left out of both.

Interleaved rounds (ours, then the floor, for each endpoint in turn); medians and spread of
requests per second; the machine's load average before and after.
"""

import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from bench.profiles.wsgi_calls import (  # noqa: E402
    call,
    environ_for,
    load,
    median,
    requests_per_second,
    setup_django,
    spread,
)

CACHE_MIDDLEWARE = "cms.api.caching.ResponseCacheMiddleware"
FLOOR_MIDDLEWARE = "bench.floor.StoredResponsesMiddleware"
BENCH_ONLY_MIDDLEWARE = "bench.middleware.QueryCountMiddleware"


def application(middleware: list[str]):
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    with override_settings(MIDDLEWARE=middleware):
        return WSGIHandler()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=400, help="per endpoint, server and round")
    options = parser.parse_args()
    setup_django()
    from django.conf import settings
    from django.core.cache import cache

    from bench.endpoints import build_endpoints
    from bench.floor import floor_entry
    from cms.api.caching import response_cache_seconds

    if response_cache_seconds() <= 0:
        raise SystemExit("the response cache is off (API_RESPONSE_CACHE_SECONDS)")
    middleware = [name for name in settings.MIDDLEWARE if name != BENCH_ONLY_MIDDLEWARE]
    ours = application(middleware)
    cache.clear()
    endpoints, stored_replies = {}, {}
    for endpoint in build_endpoints():
        urls = [url.replace("{limit}", "20") for url in endpoint.ours]
        for url in urls:
            status, headers, body = call(ours, environ_for(url))
            if not status.startswith("200"):
                raise SystemExit(f"{url}: {status}")
            stored_replies[url] = floor_entry(body, headers.items())
        endpoints[endpoint.key] = [environ_for(url) for url in urls]
    with tempfile.NamedTemporaryFile("w", suffix=".json") as stored:
        json.dump(stored_replies, stored)
        stored.flush()
        os.environ["BENCH_FLOOR_RESPONSES"] = stored.name
        floor = application([FLOOR_MIDDLEWARE if name == CACHE_MIDDLEWARE else name for name in middleware])
    for url, reply in stored_replies.items():
        if [call(server, environ_for(url))[2] for server in (ours, floor)] != [reply["body"].encode()] * 2:
            raise SystemExit(f"{url}: not the same bytes from the cache and the floor")
    servers = {"ours": ours, "floor": floor}
    rates = {key: {server: [] for server in servers} for key in endpoints}
    load_before = load()
    for _round in range(options.rounds):
        for key, environs in endpoints.items():
            for server, app in servers.items():
                rates[key][server].append(requests_per_second(app, environs, options.requests))
    print(f"load average before {load_before}, after {load()}; {options.rounds} rounds")
    print("| endpoint | cached hit req/s | floor req/s | hit/floor |")
    print("| --- | --- | --- | --- |")
    for key, by_server in rates.items():
        hit, floor_rate = (median(by_server[server]) for server in servers)
        print(
            f"| {key} | {hit:,.0f} ({spread(by_server['ours'])}) | {floor_rate:,.0f} "
            f"({spread(by_server['floor'])}) | {hit / floor_rate:.2f} |"
        )


if __name__ == "__main__":
    main()
