"""Ranked full-text matches among a set of pages, in each entry's own language (PostgreSQL).

The words are parsed the way a search box is (``websearch_to_tsquery``: quotes for a
phrase, ``or``, ``-word``), folded and stemmed in every content language's configuration,
and each entry is matched in its own: an English alias under /fr/ is matched with English
stemming, a French page with French. Matching one configuration per condition keeps each
condition a plain ``vector @@ constant`` that the GIN index answers. Matches are ranked on
the entry's small title-and-summary vector (``rank_vector``): a title above an intro, and
both above a body-only match; body-only matches come in page order.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchQueryField, SearchRank
from django.db import connection
from django.db.models import Case, F, Func, Q, TextField, Value, When

from sitesearch.indexing import FOLD_FUNCTION, config_for, unaccent_available
from sitesearch.models import PageSearchEntry

# ts_rank_cd's weights, in PostgreSQL's order {D, C, B, A}: intro and lead (B) count half a
# title (A); the ranking vector holds no others.
WEIGHTS = [0.1, 0.2, 0.5, 1.0]
# Divide the rank by 1 + log(length), so a long intro repeating a word does not bury a title.
NORMALIZATION = 1


def folded(words: str):
    text = Value(words, output_field=TextField())
    return Func(text, function=FOLD_FUNCTION, output_field=TextField()) if unaccent_available() else text


def content_configs() -> list[str]:
    return sorted({config_for(code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES})


def ranked_page_ids(
    words: str, hidden_pages, locale_id: int | None = None, *, limit: int, offset: int = 0
) -> tuple[list[int], int]:
    """A slice of the ids of the pages matching ``words``, best first, and how many match in all.

    ``hidden_pages`` (a Page queryset) are left out: the pages the API may not show. A site
    has few, so leaving them out costs a lookup in a short list per match, where keeping
    only the visible ones joined every page of the language (a sixth of a search's time).
    ``locale_id``, when the search is within one language, is matched on the entries
    themselves: only that language's entries are read and matched, not every language's.
    """
    matches = Q()
    own_language_query = []
    for config in content_configs():
        query = SearchQuery(folded(words), config=config, search_type="websearch")
        matches |= Q(config=config, vector=query)
        own_language_query.append(When(config=config, then=query))
    # Constants only (one per configuration), so the words are parsed once, not per row.
    query = Case(*own_language_query, output_field=SearchQueryField())
    rank = SearchRank(
        F("rank_vector"), query, weights=WEIGHTS, normalization=NORMALIZATION, cover_density=True
    )
    entries = PageSearchEntry.objects.filter(locale_id=locale_id) if locale_id else PageSearchEntry.objects
    matching = entries.filter(matches).exclude(page_id__in=hidden_pages.values("pk"))
    ids, total = ranked_slice(matching.annotate(rank=rank).values_list("page_id", "rank"), limit, offset)
    if total is None:  # an offset past the last match: nothing to read the count from
        total = matching.count()
    return ids, total


def ranked_slice(ranked, limit: int, offset: int) -> tuple[list[int], int | None]:
    """The slice of ``ranked`` (page id, rank) asked for, and how many there are in all
    (None when the slice is empty).

    One statement that matches and ranks once: the matches are kept (page id and rank
    only), counted, and only the slice is sent. Common words match most pages; reading
    every id into Python to slice and count them cost more than the ranking.
    """
    matched, params = ranked.query.sql_with_params()
    sql = f"""
        WITH matched AS MATERIALIZED ({matched})
        SELECT page_id, (SELECT COUNT(*) FROM matched) FROM matched
         ORDER BY rank DESC, page_id LIMIT %s OFFSET %s"""  # noqa: S608 - the ORM's SQL, values as params
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        rows = cursor.fetchall()
    return [page_id for page_id, _total in rows], (rows[0][1] if rows else None)
