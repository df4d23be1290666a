"""Each page's detail JSON, rendered once and kept in the database until a change can alter it.

Rendering a page's detail reads the page as its own type, the pages, images and
documents it shows, and turns its StreamField into JSON: most of an uncached detail or
find-by-path answer (in-process at 10,000 articles per locale, a French article took
21 ms of CPU and 10 queries rendered, 2.3 ms and 3 queries stored). The rendered JSON of
the default detail (no ``?fields=``) is kept in ``StoredPageJSON``, one row per page,
and read in the same query that checks the page is visible: a repeat by id costs that
one statement, which measures the translation state too, and no rendering, on every
process (by path: the site's state, the page, the translation state).

Forgetting uses the response cache's tags (``publishing.invalidation``, after each
commit): ``page:<id>`` forgets that page's JSON, ``all`` every page's. Both caches are
driven from the same list of changes, so a detail is kept exactly as long as its cached
response would be, except that it does not expire with ``API_RESPONSE_CACHE_SECONDS``.
Instead it is valid until the first ``expire_at`` among the pages it shows.

Stored JSON is used only by the code and settings that rendered it (``rendering_shape``):
a row rendered by other source files of the API and page models, other Django or Wagtail
versions, other URL settings or another ``SECRET_KEY`` (image URLs are signed) is
rendered again. ``migrate`` (every deploy) also forgets every row (``forget_after_migrate``).

Two things are not stored:

- ``translation_state``: a translator's saves in the translation editor change it without
  any publish. It is measured on every answer and always comes last.
- answers rendered from content that changed meanwhile. A response reads the generation
  (``StoredPagesGeneration``, counted up by every forget, in the forget's transaction)
  with the page, and stores only while it is unchanged: on PostgreSQL the insert holds the
  generation row's share lock, so it runs either before a forget (which then deletes it)
  or after it (and sees the new generation).
"""

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.http import HttpResponse
from django.utils import timezone
from rest_framework.renderers import JSONRenderer
from wagtail.models import Page

from cms.api import caching
from cms.api.http import set_content_language
from cms.api.prepared_statements import prepared_cursor
from cms.api.serializers import translation_state
from cms.api.serializers.pages import COMMON_FIELDS
from cms.api.visibility import visible_pages_sql
from publishing.models import StoredPageJSON, StoredPagesGeneration

#: The field measured on every answer instead of being stored.
LIVE_FIELD = "translation_state"
GENERATION_ID = 1


@dataclass
class FoundPage:
    """A visible page's few columns, and its stored JSON if there is a valid one."""

    pk: int
    content_type_id: int
    url_path: str
    locale_id: int
    translation_key: object
    alias_of_id: int | None
    stored_body: str | None
    stored_language: str | None
    generation: int | None
    #: Measured with the page by ``find_by_id`` (``LIVE_FIELD``), else when the answer is made.
    translation_state: dict | None = None


PAGE_COLUMNS = ["pk", "content_type_id", "url_path", "locale_id", "translation_key", "alias_of_id"]


#: The source folders whose code renders a page's JSON: the API and the page models with their blocks.
RENDERING_SOURCES = ["cms", "home", "news"]


@functools.cache
def code_fingerprint() -> str:
    """A digest of the code that renders page JSON, read once per process."""
    digest = hashlib.sha256(f"{django.get_version()} {wagtail.__version__}".encode())
    root = Path(settings.BASE_DIR)
    for folder in RENDERING_SOURCES:
        for source in sorted((root / folder).rglob("*.py")):
            digest.update(source.read_bytes())
    return digest.hexdigest()


def rendering_shape() -> str:
    """What a page's JSON was rendered with besides its content: code, URLs, languages, signatures."""
    shown = [
        code_fingerprint(),
        settings.WAGTAILAPI_BASE_URL,
        settings.FRONTEND_BASE_URL,
        settings.API_IMAGE_RENDITION_WIDTHS,
        settings.LANGUAGE_CODE,
        settings.WAGTAIL_CONTENT_LANGUAGES,
        settings.SECRET_KEY,
    ]
    return hashlib.sha256(repr(shown).encode()).hexdigest()[:16]


def find_first(queryset, with_stored: bool) -> FoundPage | None:
    """The queryset's first page in tree order, with its stored JSON when ``with_stored``."""
    if not with_stored:
        row = queryset.order_by("path").values_list(*PAGE_COLUMNS).first()
        return FoundPage(*row, None, None, None) if row else None
    stored = StoredPageJSON.objects.filter(page_id=OuterRef("pk"), shape=rendering_shape()).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gt=timezone.now())
    )
    row = (
        queryset.order_by("path")
        .annotate(
            stored_body=Subquery(stored.values("body")[:1]),
            stored_language=Subquery(stored.values("content_language")[:1]),
            stored_generation=Subquery(
                StoredPagesGeneration.objects.filter(pk=GENERATION_ID).values("value")
            ),
        )
        .values_list(*PAGE_COLUMNS, "stored_body", "stored_language", "stored_generation")
        .first()
    )
    return found_with_store(row) if row else None


def find_by_id(pk: int) -> FoundPage | None:
    """A visible page by id with its stored JSON and its translation state, in one statement.

    ``find_first`` does the same through the ORM, whose building of the query (the
    visibility rule, three subqueries) cost twice what the database took to answer it.
    Reading the view restrictions and the translation state in the same statement saves
    the two round trips a stored answer otherwise makes before and after it.
    """
    visible, visible_params = visible_pages_sql()
    translated = translation_state.translated_count_sql("page.locale_id")
    sql = f"""
        SELECT page.id, page.content_type_id, page.url_path, page.locale_id, page.translation_key,
               page.alias_of_id, stored.body, stored.content_language,
               (SELECT value FROM {StoredPagesGeneration._meta.db_table} WHERE id = %s),
               source.id, COALESCE(source.locale_id, default_locale.id),
               COALESCE(source_locale.language_code, default_locale.language_code),
               {translation_state.PUBLISHED_AFTER_SYNC_SQL},
               {translation_state.SEGMENT_TOTAL_SQL}, {translated}
          FROM wagtailcore_page page
          LEFT JOIN {StoredPageJSON._meta.db_table} stored
            ON stored.page_id = page.id AND stored.shape = %s
           AND (stored.valid_until IS NULL OR stored.valid_until > %s)
          LEFT JOIN wagtailcore_locale default_locale ON default_locale.language_code = %s
          -- The default locale is looked up again inside: SQLite cannot see default_locale
          -- from a subquery's ORDER BY.
          LEFT JOIN wagtail_localize_translationsource source ON source.id = (
                SELECT first.id FROM wagtail_localize_translationsource first
                 WHERE first.object_id = page.translation_key
                 ORDER BY first.locale_id <> (SELECT id FROM wagtailcore_locale WHERE language_code = %s),
                          first.created_at LIMIT 1)
          LEFT JOIN wagtailcore_locale source_locale ON source_locale.id = source.locale_id
         WHERE page.id = %s AND {visible}"""  # noqa: S608 - table names from the models, params for values
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    default = settings.LANGUAGE_CODE
    params = [GENERATION_ID, rendering_shape(), now, default, default, pk, *visible_params]
    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    found = found_with_store(row[:9])
    source_id, source_locale_id, source_language, published_after_sync, total, done = row[9:]
    source = None
    if source_id is not None:
        progress = {found.locale_id: done}
        source = translation_state.SourceProgress(source_locale_id, published_after_sync, total, progress)
    measured = translation_state.measured_state(found, source, source_locale_id, source_language)
    found.translation_state = measured
    return found


def found_with_store(row) -> FoundPage:
    """A FoundPage from a lookup that read the stored JSON and the generation with the page."""
    found = FoundPage(*row)
    # A raw statement gives SQLite's stored text for the UUID; the ORM a UUID already.
    found.translation_key = Page._meta.get_field("translation_key").to_python(found.translation_key)
    found.generation = found.generation or 0  # no generation row yet: nothing was ever forgotten
    return found


def rendered_body(data: dict) -> bytes:
    """The JSON kept for a page: its detail as the API renders it, without ``LIVE_FIELD``."""
    return JSONRenderer().render({name: value for name, value in data.items() if name != LIVE_FIELD})


def page_json_response(found: FoundPage, body: bytes, language: str, refs, live_value=None) -> HttpResponse:
    """The detail answer: the kept JSON with ``LIVE_FIELD`` (measured now unless given) added last.

    Spliced as bytes: a stored answer is not parsed and rendered again, and a rendered one
    has the same bytes (and ETag) as when it is read back.
    """
    if live_value is None:
        field = COMMON_FIELDS[LIVE_FIELD]
        field.collect(found, refs)
        live_value = field.represent(found, refs)
    live = b',"' + LIVE_FIELD.encode() + b'":' + JSONRenderer().render(live_value)
    response = HttpResponse(body[:-1] + live + b"}", content_type="application/json")
    response.api_page_id = found.pk
    return set_content_language(response, language)


def valid_until(page, refs):
    """The first expiry among the page and the pages its answer shows (None: no expiry)."""
    expiries = [ref.expire_at for ref in refs.pages_by_id.values() if ref.expire_at]
    if page.expire_at:
        expiries.append(page.expire_at)
    return min(expiries, default=None)


def store(found: FoundPage, body: bytes, content_language: str, valid_until):
    """Keep a page's ``rendered_body``, unless something was forgotten since ``found`` was read."""
    table = StoredPageJSON._meta.db_table
    generations = StoredPagesGeneration._meta.db_table
    lock = " FOR SHARE" if connection.vendor == "postgresql" else ""
    sql = f"""
        INSERT INTO {table} (page_id, body, content_language, valid_until, shape)
        SELECT %s, %s, %s, %s, %s
         WHERE COALESCE((SELECT value FROM {generations} WHERE id = %s{lock}), 0) = %s
        ON CONFLICT (page_id) DO UPDATE
           SET body = excluded.body, content_language = excluded.content_language,
               valid_until = excluded.valid_until, shape = excluded.shape"""  # noqa: S608 - table names from the models
    params = [
        found.pk,
        body.decode(),
        content_language,
        connection.ops.adapt_datetimefield_value(valid_until),
        rendering_shape(),
        GENERATION_ID,
        found.generation,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def forget(tags):
    """Forget the JSON of the pages these response cache tags name (``all``: every page)."""
    if caching.ALL in tags:
        doomed = StoredPageJSON.objects.all()
    else:
        ids = [int(tag.split(":", 1)[1]) for tag in tags if tag.startswith("page:")]
        if not ids:
            return
        doomed = StoredPageJSON.objects.filter(page_id__in=ids)
    with transaction.atomic():
        counted = StoredPagesGeneration.objects.filter(pk=GENERATION_ID).update(value=F("value") + 1)
        if not counted:
            StoredPagesGeneration.objects.create(pk=GENERATION_ID, value=1)
        doomed.delete()


def forget_after_migrate(sender, **kwargs):
    """post_migrate: a deploy may render pages differently; every page is rendered again."""
    using = kwargs.get("using", "default")
    if StoredPageJSON._meta.db_table in connections[using].introspection.table_names():
        forget([caching.ALL])
