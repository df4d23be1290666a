"""Search speed in-process, response cache off: ``python bench/profiles/search_speed.py [--rounds 3]``.

Our ``search/?q=…&locale=fr`` (sitesearch, per-language PostgreSQL full-text search)
against stock Wagtail's ``pages/?search=…&locale=fr`` (its database search backend), the
benchmark's French words (``bench.endpoints.SEARCH_WORDS``), 20 results; interleaved
rounds, medians and spread of requests per second, and the load average.
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


class StockURLs:
    """First middleware of the stock server: Wagtail's own API viewsets (bench/urls_stock.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.urlconf = "bench.urls_stock"
        return self.get_response(request)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=40, help="per server and round")
    options = parser.parse_args()
    os.environ["BENCH_NO_RESPONSE_CACHE"] = "1"
    setup_django()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    from bench.endpoints import SEARCH_WORDS, build_endpoints
    from news.models import NewsArticlePage

    assert settings.API_RESPONSE_CACHE_SECONDS == 0
    search = next(endpoint for endpoint in build_endpoints() if endpoint.key == "search")
    ours = WSGIHandler()
    with override_settings(MIDDLEWARE=[f"{__name__}.StockURLs", *settings.MIDDLEWARE]):
        stock = WSGIHandler()
    servers = {
        "ours": (ours, [environ_for(url.replace("{limit}", "20")) for url in search.ours]),
        "stock": (stock, [environ_for(url.replace("{limit}", "20")) for url in search.stock]),
    }
    for application, environs in servers.values():
        for environ in environs:
            assert call(application, environ)[0].startswith("200")
    rates = {server: [] for server in servers}
    load_before = load()
    for _round in range(options.rounds):
        for server, (application, environs) in servers.items():
            rates[server].append(requests_per_second(application, environs, options.requests))
    per_locale = NewsArticlePage.objects.filter(locale__language_code="fr").count()
    print(f"{per_locale:,} French articles; words: {', '.join(SEARCH_WORDS)}")
    print(f"load average before {load_before}, after {load()}; {options.rounds} rounds")
    for server, values in rates.items():
        print(f"{server}: {median(values):,.1f} req/s ({spread(values)})")
    print(f"ours/stock: {median(rates['ours']) / median(rates['stock']):.1f}x")


if __name__ == "__main__":
    main()
