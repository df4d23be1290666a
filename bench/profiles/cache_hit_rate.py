"""How much of the response cache survives one publish: ``python bench/profiles/cache_hit_rate.py``.

Replays a mixed workload (listings, article details, find-by-path, navigation, search in
English, French and Dutch; images, topics, locales) against our API in-process with the
response cache on: once to fill the cache, once to check every answer is a hit. Then one
English article is published (its title changed, then restored by a second publish after
the measurement), and the workload is replayed: the hit rate is the share of answers
served without any SQL query. Every answer of that replay is compared with the same URL
computed with the cache off, so a stale hit would show.
"""

import argparse
import os
import sys
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from bench.profiles.wsgi_calls import call, environ_for, load, setup_django  # noqa: E402

SEARCH_WORDS = {"en": ["office", "report"], "fr": ["bureau", "rapport"], "nl": ["kantoor", "rapport"]}
LISTING_FIELDS = "publication_date,lead,lead_image,topics"
ARTICLES_PER_LANGUAGE = 30


def workload() -> list[str]:
    from wagtail.models import Locale

    from bench.endpoints import frontend_path, spread
    from news.models import NewsArticlePage

    urls = ["/api/v2/images/?limit=20", "/api/v2/locales/"]
    for locale in Locale.objects.order_by("language_code"):
        code = locale.language_code
        articles = list(
            NewsArticlePage.objects.live().filter(locale=locale).select_related("locale").order_by("path")
        )
        chosen = spread(articles, ARTICLES_PER_LANGUAGE)
        urls += [f"/api/v2/pages/{page.pk}/" for page in chosen]
        urls += [f"/api/v2/pages/find/?path={quote(frontend_path(page))}" for page in chosen[::3]]
        listing = f"/api/v2/pages/?type=news.NewsArticlePage&locale={code}&order=-publication_date"
        for offset in range(0, 100, 20):
            urls += [f"{listing}&offset={offset}", f"{listing}&fields={LISTING_FIELDS}&offset={offset}"]
        urls += [f"/api/v2/navigation/?locale={code}", f"/api/v2/topics/?locale={code}"]
        urls += [f"/api/v2/search/?q={quote(word)}&locale={code}" for word in SEARCH_WORDS.get(code, [])]
    return urls


def answer(application, url) -> tuple[bytes, int]:
    """The body, and the number of SQL queries it cost (0: served from the response cache)."""
    from bench.middleware import counting_queries

    with counting_queries() as counted:
        status, _headers, body = call(application, environ_for(url))
    if not status.startswith("200"):
        raise SystemExit(f"{url}: {status}")
    return body, counted.queries


def publish_title(page, title):
    from django.db import transaction

    with transaction.atomic():  # its invalidation runs once this commits
        page.title = title
        page.save_revision().publish()


def main():
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    setup_django()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.wsgi import get_wsgi_application
    from django.test.utils import override_settings

    from news.models import NewsArticlePage

    # Room for the whole workload, so what is measured is invalidation, not eviction.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
    settings.API_RESPONSE_CACHE_SECONDS = 3600
    application = get_wsgi_application()
    urls = workload()
    cache.clear()
    for url in urls:
        answer(application, url)
    warm = sum(answer(application, url)[1] == 0 for url in urls)
    article = NewsArticlePage.objects.live().filter(locale__language_code="en").order_by("path").first()
    original_title = article.title
    publish_title(article, original_title + " (updated)")
    try:
        replay = [answer(application, url) for url in urls]
        with override_settings(API_RESPONSE_CACHE_SECONDS=0):
            fresh = [answer(application, url)[0] for url in urls]
    finally:
        publish_title(NewsArticlePage.objects.get(pk=article.pk), original_title)
    hits = sum(queries == 0 for _body, queries in replay)
    stale = [url for url, (body, _queries), now in zip(urls, replay, fresh, strict=True) if body != now]
    print(f"load average {load()}; {len(urls)} URLs in the workload; published: English article {article.pk}")
    print(f"before the publish: {warm}/{len(urls)} hits")
    print(f"after the publish: {hits}/{len(urls)} hits = {hits / len(urls):.1%}; stale answers: {len(stale)}")
    for url, (_body, queries) in zip(urls, replay, strict=True):
        if queries:
            print(f"  recomputed: {url}")
    for url in stale:
        print(f"  STALE: {url}")


if __name__ == "__main__":
    main()
