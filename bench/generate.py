"""Seeded benchmark data: the demo sections plus N news articles per locale, translated for real.

``python -m bench.generate --articles 1000`` (settings: ``bench.settings``, database:
``BENCH_DATABASE_URL``). The same seed gives the same articles: every value, block id
and translation key derives from ``(seed, article number)``.

English articles are written in bulk (tree paths computed here, one INSERT per
batch and table, then indexed for search), because Wagtail's ``add_child`` and
revision publishing cost dozens of queries a page. French and Dutch versions go
through wagtail-localize: a TranslationSource with its segments, a Translation and
a StringTranslation per segment, then the translated page built by wagtail-localize's
own copy and ingest steps and written in bulk, published (bench.translating). With
PostgreSQL each language is translated by a process of its own, batch by batch as the
English is committed. Every phase skips what already exists, so an interrupted run
resumes where it stopped.
"""

import argparse
import io
import os
import random
import subprocess
import sys
import time
import uuid

DEFAULT_SEED = 20240501
BATCH = 100


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ["BENCH_GENERATING"] = "1"
    import django

    django.setup()
    quiet_publish_receivers()


def quiet_publish_receivers() -> int:
    """Disconnect the per-publish receivers a freshly generated database has no use for.

    At each commit the cache invalidation batch (publishing.invalidation) refreshes the
    published pages' search entries, writes change-feed entries and works out which
    cached responses to purge; the untranslated-text check (translation.fallback) reads
    every segment of the page again. Nothing is cached yet and nobody follows the feed of
    a benchmark database, the generator writes the search entries in bulk itself and
    its translations are complete: only this process stops listening (the servers keep
    every receiver). Returns how many receivers were disconnected.
    """
    from django.db.models.signals import post_save, pre_save
    from wagtail.models import get_page_models
    from wagtail.signals import page_published, page_unpublished

    receivers = [
        (pre_save, "page_changed_by_save"),
        (post_save, "page_saved"),
        (page_published, "page_published"),
        (page_unpublished, "page_unpublished"),
    ]
    disconnected = 0
    for model in get_page_models():
        for signal, name in receivers:
            uid = f"invalidation.{name}.{model._meta.label}"
            disconnected += signal.disconnect(sender=model, dispatch_uid=uid)
    disconnected += page_published.disconnect(dispatch_uid="translation.fallback")
    return disconnected


def article_keys(seed: int, count: int) -> list[uuid.UUID]:
    """The translation key of article ``n`` depends on the seed and ``n`` only."""
    return [uuid.UUID(int=random.Random(f"{seed}:key:{n}").getrandbits(128), version=4) for n in range(count)]


class Progress:
    """One line per update on stderr: done/total, rate and time left."""

    def __init__(self, label: str, total: int, write=None):
        self.label, self.total, self.done = label, total, 0
        self.started = time.monotonic()
        self.write = write or (lambda line: print(line, file=sys.stderr, flush=True))

    def advance(self, count: int = 1):
        self.done += count
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        self.write(f"  {self.label}: {self.done}/{self.total} ({rate:.1f}/s, {left:.0f} s left)")

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed else 0.0


def ensure_sections():
    """The demo site (home pages, sections, news index, topics, contacts) in en/fr/nl."""
    from django.db import transaction

    from demo.builder import DemoBuilder

    with transaction.atomic():
        DemoBuilder().build()


def ensure_image_pool(seed: int, size: int = 24) -> list:
    """``size`` plain images titled ``Bench image n``; drawn once, found again by title."""
    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.images import get_image_model

    Image = get_image_model()
    existing = {image.title: image for image in Image.objects.filter(title__startswith="Bench image ")}
    pool = []
    for n in range(size):
        title = f"Bench image {n}"
        if title not in existing:
            rng = random.Random(f"{seed}:image:{n}")
            colour = tuple(rng.randrange(256) for _ in range(3))
            buffer = io.BytesIO()
            PillowImage.new("RGB", (1600, 900), colour).save(buffer, format="PNG")
            existing[title] = Image.objects.create(
                title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"bench-{n}.png")
            )
        pool.append(existing[title])
    return pool


def generate_english(seed: int, count: int, progress_write=None) -> int:
    """Create the English articles that do not exist yet; returns how many were created."""
    from wagtail.models import Locale, Page

    from bench.articles import ArticleWriter
    from news.models import MediaContact, NewsIndexPage, Topic

    english = Locale.objects.get(language_code="en")
    keys = article_keys(seed, count)
    existing = set(
        Page.objects.filter(translation_key__in=keys, locale=english).values_list(
            "translation_key", flat=True
        )
    )
    missing = [n for n, key in enumerate(keys) if key not in existing]
    if not missing:
        return 0
    writer = ArticleWriter(
        seed=seed,
        index=NewsIndexPage.objects.get(locale=english),
        images=ensure_image_pool(seed),
        topics=list(Topic.objects.filter(locale=english).order_by("slug")),
        contacts=list(MediaContact.objects.filter(locale=english).order_by("email")),
        keys=keys,
    )
    progress = Progress("English articles", len(missing), progress_write)
    for start in range(0, len(missing), BATCH):
        batch = missing[start : start + BATCH]
        writer.write_batch(batch)
        progress.advance(len(batch))
    return len(missing)


def translate_articles(seed: int, count: int, language: str, progress_write=None, follow=False) -> float:
    """Translate the English articles that have no ``language`` version yet; returns articles/s.

    With ``follow``, English articles are still being written by another process: translate
    each batch as it is committed, until all ``count`` articles have a translation.
    """
    from wagtail.models import Locale, Page

    english = Locale.objects.get(language_code="en")
    locale = Locale.objects.get(language_code=language)
    keys = article_keys(seed, count)
    order = {key: n for n, key in enumerate(keys)}
    done = set(
        Page.objects.filter(translation_key__in=keys, locale=locale).values_list("translation_key", flat=True)
    )
    progress = Progress(f"{language} translations", len(keys) - len(done), progress_write)
    while len(done) < len(keys):
        todo = sorted(
            (
                (order[key], pk)
                for pk, key in Page.objects.filter(translation_key__in=keys, locale=english).values_list(
                    "pk", "translation_key"
                )
                if key not in done
            )
        )
        if not todo:
            if not follow:
                break
            time.sleep(0.5)  # the English writer commits a batch every few seconds
            continue
        for start in range(0, len(todo), 25):
            translated = translate_batch([pk for _n, pk in todo[start : start + 25]], locale, order)
            done.update(page.translation_key for page in translated)
            progress.advance(len(translated))
    return progress.rate


def index_for_search(language: str, write=None):
    """The site search entries of one language's live pages (PostgreSQL; elsewhere nothing)."""
    from wagtail.models import Page

    from sitesearch.indexing import enabled, index_live_pages

    if enabled():
        write = write or (lambda line: print(line, file=sys.stderr, flush=True))
        write(f"==> Site search entries ({language})")
        index_live_pages(Page.objects.filter(locale__language_code=language), write)


def translate_batch(page_ids, locale, order) -> list:
    """Translate these English articles (at most 25) into ``locale``, in article order."""
    from bench.articles import INLINE_RELATIONS
    from bench.translating import translate_articles_into
    from news.models import NewsArticlePage

    batch = NewsArticlePage.objects.filter(pk__in=page_ids).prefetch_related(*INLINE_RELATIONS)
    return translate_articles_into(sorted(batch, key=lambda page: order[page.translation_key]), locale)


def generate(
    seed: int = DEFAULT_SEED, articles: int = 1000, parallel: bool | None = None, write=None
) -> dict:
    """Build everything; returns seconds per phase.

    ``articles`` is the time until every article is written in all three languages; on
    PostgreSQL the translations overlap with the English (``english``: when it was done).
    """
    from django.db import connection

    write = write or (lambda line: print(line, file=sys.stderr, flush=True))
    timings = {}
    started = time.monotonic()
    write("==> Demo sections, topics, contacts (en/fr/nl)")
    ensure_sections()
    timings["sections"] = time.monotonic() - started

    if parallel is None:
        parallel = connection.vendor == "postgresql"
    languages = ["fr", "nl"]
    started = time.monotonic()
    if parallel:
        write(f"==> {articles} English articles, translated into French and Dutch as they are written")
        connection.close()
        children = [
            subprocess.Popen(  # noqa: S603 - our own module, fixed arguments
                [
                    sys.executable,
                    "-m",
                    "bench.generate",
                    "--seed",
                    str(seed),
                    "--articles",
                    str(articles),
                    "--translate-only",
                    language,
                ],
            )  # fmt: skip
            for language in languages
        ]
        try:
            generate_english(seed, articles, write)
            timings["english"] = time.monotonic() - started
            index_for_search("en", write)  # while the translations are being finished
        except BaseException:
            for child in children:
                child.terminate()
            raise
        if any(child.wait() != 0 for child in children):
            raise RuntimeError("a translation process failed; run the same command again to resume")
        timings["articles"] = time.monotonic() - started
        timings["search"] = None  # each process indexed its language as it finished
    else:
        write(f"==> {articles} English articles")
        generate_english(seed, articles, write)
        timings["english"] = time.monotonic() - started
        write("==> French and Dutch translations")
        for language in languages:
            translate_articles(seed, articles, language, write)
        timings["articles"] = time.monotonic() - started
        started = time.monotonic()
        write("==> Site search entries (PostgreSQL)")
        from sitesearch.indexing import rebuild

        rebuild(write)
        timings["search"] = time.monotonic() - started
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Fresh statistics for the query planner, as autovacuum would gather them (some
        # servers, this benchmark's own among them, run with autovacuum off). VACUUM cannot
        # run in a transaction, such as a test's.
        write("==> VACUUM ANALYZE")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return timings


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Fill the benchmark database with a seeded, translated site."
    )
    parser.add_argument("--articles", type=int, default=1000, help="news articles per locale")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--translate-only", metavar="LANGUAGE", help=argparse.SUPPRESS)
    parser.add_argument("--no-parallel", action="store_true", help="one process: English, then each locale")
    options = parser.parse_args(argv)
    setup_django()
    if options.translate_only:
        translate_articles(options.seed, options.articles, options.translate_only, follow=True)
        index_for_search(options.translate_only)
        return
    started = time.monotonic()
    timings = generate(options.seed, options.articles, parallel=False if options.no_parallel else None)
    search = timings["search"]
    print(
        f"Generated {options.articles} articles per locale in {time.monotonic() - started:.0f} s "
        f"(sections {timings['sections']:.0f} s; articles in three languages {timings['articles']:.0f} s, "
        f"the English done after {timings['english']:.0f} s; search entries "
        + ("written by each language's process" if search is None else f"{search:.0f} s")
        + ")"
    )


if __name__ == "__main__":
    main()
