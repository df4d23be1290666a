"""Keeping one search entry per live page, built from the fields its model declares for search.

``publishing.invalidation`` collects the pages a transaction changed and calls ``refresh``
once it commits (before the API's response cache is dropped, so no cached search answer
outlives its entries). ``rebuild`` redoes every entry (``manage.py rebuild_site_search``).

Text is weighted by where it stands: the title (A) above the summary a reader sees first,
intro or lead (B), above everything else the model indexes, body and notes (C). It is
folded with ``unaccent`` before stemming, and the query is folded the same way, so
"réfugiés", "refugies" and "réfugié" meet on one stem.
"""

import functools

from django.db import connection, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.encoding import force_str
from wagtail.models import Locale, Page
from wagtail.search import index

from sitesearch.models import PageSearchEntry

# Snowball configurations PostgreSQL ships, by language code; anything else is indexed
# without stemming ("simple").
CONFIGS = {
    "da": "danish", "de": "german", "en": "english", "es": "spanish", "fi": "finnish", "fr": "french",
    "hu": "hungarian", "it": "italian", "nl": "dutch", "no": "norwegian", "pt": "portuguese",
    "ro": "romanian", "ru": "russian", "sv": "swedish", "tr": "turkish",
}  # fmt: skip
TITLE_FIELDS = frozenset(["title"])
SUMMARY_FIELDS = frozenset(["intro", "lead", "search_description"])
CHUNK = 500

# The ranking vector is the title and summary part of the whole one: a match ranks on a
# few dozen lexemes, not on a body of thousands that PostgreSQL would have to decompress.
UPSERT = """
INSERT INTO sitesearch_pagesearchentry (page_id, locale_id, config, vector, rank_vector)
SELECT page_id, locale_id, config, head || setweight(to_tsvector(config::regconfig, {fold}(body)), 'C'), head
FROM (
    SELECT %(page_id)s AS page_id, %(locale_id)s AS locale_id, %(config)s AS config, %(body)s AS body,
           setweight(to_tsvector(%(config)s::regconfig, {fold}(%(title)s)), 'A')
           || setweight(to_tsvector(%(config)s::regconfig, {fold}(%(summary)s)), 'B') AS head
) AS entry
ON CONFLICT (page_id) DO UPDATE
SET locale_id = EXCLUDED.locale_id, config = EXCLUDED.config, vector = EXCLUDED.vector,
    rank_vector = EXCLUDED.rank_vector
"""


def config_for(language_code: str) -> str:
    return CONFIGS.get(language_code.split("-")[0].lower(), "simple")


def enabled() -> bool:
    """Entries are kept on PostgreSQL only; elsewhere search uses Wagtail's backend."""
    return connection.vendor == "postgresql"


# unaccent() is only STABLE, so PostgreSQL would fold the search words once per row
# scanned; this IMMUTABLE wrapper (the dictionary named, so it cannot change under it)
# lets the planner turn websearch_to_tsquery(config, fold(words)) into a constant.
FOLD_FUNCTION = "sitesearch_unaccent"


def create_fold_function(cursor) -> bool:
    """Create the accent-folding wrapper if the ``unaccent`` extension is installed."""
    cursor.execute("SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent'")
    row = cursor.fetchone()
    if row is None:
        return False
    schema = row[0]
    cursor.execute(
        f"CREATE OR REPLACE FUNCTION {FOLD_FUNCTION}(text) RETURNS text"
        " LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT"
        f" AS $$ SELECT {schema}.unaccent('{schema}.unaccent'::regdictionary, $1) $$"
    )
    return True


@functools.cache
def unaccent_available() -> bool:
    """Whether the accent-folding wrapper exists (checked once per process)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_proc WHERE proname = %s", [FOLD_FUNCTION])
        return cursor.fetchone() is not None


def fold_function() -> str:
    """The SQL function that folds accents, or the identity (``""``) without the extension."""
    return FOLD_FUNCTION if unaccent_available() else ""


def field_text(page, name: str) -> str:
    value = getattr(page, name, None)
    if value is None:
        return ""
    try:
        field = page._meta.get_field(name)
    except Exception:  # noqa: BLE001 - a declared search field that is a method or property
        field = None
    if hasattr(field, "get_searchable_content"):  # StreamField, RichTextField: text without markup
        return " ".join(force_str(text) for text in field.get_searchable_content(value))
    return force_str(value)


def weighted_text(page) -> dict[str, str]:
    """The page's searchable text by weight, from its model's ``search_fields``."""
    parts = {"title": [], "summary": [], "body": []}
    for search_field in page.search_fields:
        if not isinstance(search_field, index.SearchField):
            continue
        name = search_field.field_name
        part = "title" if name in TITLE_FIELDS else "summary" if name in SUMMARY_FIELDS else "body"
        parts[part].append(field_text(page, name))
    return {part: " ".join(texts) for part, texts in parts.items()}


def refresh(page_ids) -> int:
    """Bring the entries of these pages in step: written for the live ones, removed for the rest."""
    page_ids = set(page_ids)
    if not enabled() or not page_ids:
        return 0
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    # An alias shows its original's text: index it in the original's language.
    content_locales = dict(
        Page.objects.filter(pk__in=page_ids, live=True)
        .annotate(content_locale_id=Coalesce(F("alias_of__locale_id"), F("locale_id")))
        .values_list("pk", "content_locale_id")
    )
    rows = []
    for page in Page.objects.filter(pk__in=list(content_locales)).specific():
        config = config_for(codes[content_locales[page.pk]])
        entry = {"page_id": page.pk, "locale_id": page.locale_id, "config": config}
        rows.append({**entry, **weighted_text(page)})
    with transaction.atomic():
        PageSearchEntry.objects.filter(page_id__in=page_ids - set(content_locales)).delete()
        if rows:
            with connection.cursor() as cursor:
                cursor.executemany(UPSERT.format(fold=fold_function()), rows)
    return len(rows)


def index_live_pages(pages, write=print) -> int:
    """Write the entries of the live pages among ``pages`` (a Page queryset), a chunk at a time."""
    live_ids = list(pages.filter(live=True, depth__gt=1).order_by("pk").values_list("pk", flat=True))
    done = 0
    for start in range(0, len(live_ids), CHUNK):
        done += refresh(live_ids[start : start + CHUNK])
        write(f"Indexed {done:,} of {len(live_ids):,} live pages")
    return done


def rebuild(write=print) -> int:
    """Every live page's entry anew, and none for the others; reports progress through ``write``."""
    if not enabled():
        write(f"Site search entries are kept on PostgreSQL only; this database is {connection.vendor}.")
        return 0
    with connection.cursor() as cursor:
        folding = create_fold_function(cursor)  # the extension may have been installed since
    unaccent_available.cache_clear()
    if not folding:
        write("The 'unaccent' extension is missing: indexing without accent folding.")
    removed, _ = PageSearchEntry.objects.exclude(page_id__in=Page.objects.filter(live=True)).delete()
    done = index_live_pages(Page.objects.all(), write)
    with connection.cursor() as cursor:
        # Fresh statistics, so the planner knows how many entries a word matches.
        cursor.execute(f"ANALYZE {PageSearchEntry._meta.db_table}")
    write(f"Site search: {done:,} pages indexed, {removed:,} stale entries removed.")
    return done
