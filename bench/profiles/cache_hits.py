"""Cache hits against the floor, in-process: ``python bench/profiles/cache_hits.py [--rounds 5]``.

For each benchmarked endpoint (``bench.endpoints``), our API with its response cache on
(every URL requested once first, so what is measured are hits) is timed against two floors
answering the same bytes from memory:

- *floor*: ``bench/urls_floor.py``'s stored-bytes view through the same middleware
  (minus the response cache), as ``make bench`` runs it;
- *bare*: the same view through Django's WSGI handler with no middleware at all: the
  cost of Django's own request and response handling.

The benchmark's query-counting middleware is left out of all three.

Interleaved rounds (ours, floor, bare for each endpoint in turn); medians and spread of
requests per second; the machine's load average before and after.
"""

import argparse
import os
import sys

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
BENCH_ONLY_MIDDLEWARE = "bench.middleware.QueryCountMiddleware"


class FloorURLs:
    """First middleware of the floor: route to the stored-bytes view (bench/urls_floor.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.urlconf = "bench.urls_floor"
        return self.get_response(request)


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

    import bench.urls_floor
    from bench.endpoints import build_endpoints
    from cms.api.caching import response_cache_seconds

    if response_cache_seconds() <= 0:
        raise SystemExit("the response cache is off (API_RESPONSE_CACHE_SECONDS)")
    middleware = [name for name in settings.MIDDLEWARE if name != BENCH_ONLY_MIDDLEWARE]
    floor_urls = f"{__name__}.FloorURLs"
    ours = application(middleware)
    floor = application([floor_urls, *(name for name in middleware if name != CACHE_MIDDLEWARE)])
    bare = application([floor_urls])
    cache.clear()
    endpoints = {}
    for endpoint in build_endpoints():
        urls = [url.replace("{limit}", "20") for url in endpoint.ours]
        environs = [environ_for(url) for url in urls]
        for url, environ in zip(urls, environs, strict=True):
            status, _headers, body = call(ours, environ)
            bench.urls_floor.RESPONSES[url] = body
            again = [call(server, environ)[2] for server in (ours, floor, bare)]  # ours: now a hit
            if not status.startswith("200") or again != [body] * 3:
                raise SystemExit(f"{url}: {status}, or not the same bytes from every server")
        endpoints[endpoint.key] = environs
    servers = {"ours": ours, "floor": floor, "bare": bare}
    rates = {key: {server: [] for server in servers} for key in endpoints}
    load_before = load()
    for _round in range(options.rounds):
        for key, environs in endpoints.items():
            for server, app in servers.items():
                rates[key][server].append(requests_per_second(app, environs, options.requests))
    print(f"load average before {load_before}, after {load()}; {options.rounds} rounds")
    print("| endpoint | cached hit req/s | floor req/s | hit/floor | bare Django req/s | hit/bare |")
    print("| --- | --- | --- | --- | --- | --- |")
    for key, by_server in rates.items():
        hit, floor_rate, bare_rate = (median(by_server[server]) for server in servers)
        print(
            f"| {key} | {hit:,.0f} ({spread(by_server['ours'])}) | {floor_rate:,.0f} "
            f"({spread(by_server['floor'])}) | {hit / floor_rate:.2f} | {bare_rate:,.0f} "
            f"({spread(by_server['bare'])}) | {hit / bare_rate:.2f} |"
        )


if __name__ == "__main__":
    main()
