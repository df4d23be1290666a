"""Search speed in-process, response cache off: ``python bench/profiles/search_speed.py [--rounds 3]``.

Our ``search/?q=…&locale=…`` (sitesearch, per-language PostgreSQL full-text search)
against stock Wagtail's ``pages/?search=…&locale=…`` (its database search backend), eight
common words of the language (French: the benchmark's, ``bench.endpoints.SEARCH_WORDS``),
20 results; interleaved rounds, medians and spread of requests per second, and the load
average. ``--locale en`` measures a partly generated data set (English articles are
written first, translations last).
"""

import argparse
import os
import sys
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from bench.profiles.wsgi_calls import (  # noqa: E402
    call,
    environ_for,
    load,
    median,
    requests_per_second,
    setup_django,
)

WORDS = {
    "en": ["office", "report", "families", "climate", "children", "training", "health", "border"],
    "nl": ["kantoor", "rapport", "gezinnen", "klimaat", "kinderen", "opleiding", "gezondheid", "grens"],
}


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
    parser.add_argument("--locale", default="fr", choices=["fr", *WORDS])
    options = parser.parse_args()
    os.environ["BENCH_NO_RESPONSE_CACHE"] = "1"
    setup_django()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    from bench.endpoints import SEARCH_WORDS
    from news.models import NewsArticlePage

    if settings.API_RESPONSE_CACHE_SECONDS:
        raise SystemExit("the response cache is on")
    words = WORDS.get(options.locale, SEARCH_WORDS)
    ours_urls = [f"/api/v2/search/?q={quote(word)}&locale={options.locale}&limit=20" for word in words]
    stock_urls = [
        f"/stock-api/v2/pages/?search={quote(word)}&locale={options.locale}&limit=20" for word in words
    ]
    ours = WSGIHandler()
    with override_settings(MIDDLEWARE=[f"{__name__}.StockURLs", *settings.MIDDLEWARE]):
        stock = WSGIHandler()
    servers = {
        "ours": (ours, [environ_for(url) for url in ours_urls]),
        "stock": (stock, [environ_for(url) for url in stock_urls]),
    }
    for application, environs in servers.values():
        for environ in environs:
            status, _headers, body = call(application, environ)
            if not status.startswith("200"):
                raise SystemExit(f"{environ['PATH_INFO']}?{environ['QUERY_STRING']}: {status} {body[:200]}")
    rates = {server: [] for server in servers}
    load_before = load()
    for _round in range(options.rounds):
        for server, (application, environs) in servers.items():
            rates[server].append(requests_per_second(application, environs, options.requests))
    per_locale = NewsArticlePage.objects.filter(locale__language_code=options.locale).count()
    print(f"{per_locale:,} articles in {options.locale}; words: {', '.join(words)}")
    print(f"load average before {load_before}, after {load()}; {options.rounds} rounds")
    for server, values in rates.items():
        print(f"{server}: {median(values):,.1f} req/s ({min(values):,.1f}–{max(values):,.1f})")
    print(f"ours/stock: {median(rates['ours']) / median(rates['stock']):.1f}x")


if __name__ == "__main__":
    main()
