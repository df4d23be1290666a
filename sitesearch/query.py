"""Ranked full-text matches among a set of pages, in each entry's own language (PostgreSQL).

The words are parsed the way a search box is (``websearch_to_tsquery``: quotes for a
phrase, ``or``, ``-word``), folded and stemmed in every content language's configuration,
and each entry is matched in its own: an English alias under /fr/ is matched with English
stemming, a French page with French. Matching one configuration per condition keeps each
condition a plain ``vector @@ constant`` that the GIN index answers. Matches are ranked on
the entry's small title-and-summary vector (``rank_vector``): a title above an intro, and
both above a body-only match; body-only matches come in page order.

The statement is written here rather than built through the ORM: building it (a condition
and a ranking case per language, the rank expression) cost 4 ms of Python per search, more
than a third of the request's own time.
"""

from django.conf import settings
from django.db import connection

from sitesearch.indexing import FOLD_FUNCTION, config_for, unaccent_available

# ts_rank's weights, in PostgreSQL's order {D, C, B, A}: intro and lead (B) count half a
# title (A); the ranking vector holds no others. ts_rank, not ts_rank_cd: on a title and a
# summary the words' proximity adds little, and ts_rank_cd cost four to five times as much
# per match. A common word matches most pages: a French search at 10,000 articles per
# locale ranks 9,938, and its statement took 17 ms with ts_rank, 21 ms with ts_rank_cd.
WEIGHTS = "{0.1,0.2,0.5,1.0}"
# Divide the rank by 1 + log(length), so a long intro repeating a word does not bury a title.
NORMALIZATION = 1


def content_configs() -> list[str]:
    return sorted({config_for(code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES})


def matches_sql(words: str, hidden_page_ids, locale_id: int | None) -> tuple[str, list]:
    """The statement selecting (page id, rank) of every visible entry matching ``words``."""
    words_sql = f"{FOLD_FUNCTION}(%s)" if unaccent_available() else "%s"
    parsed = f"websearch_to_tsquery(%s::regconfig, {words_sql})"
    configs = content_configs()
    # Constants only (one per configuration), so the words are parsed once, not per row.
    own_language_query = " ".join(f"WHEN %s THEN {parsed}" for _config in configs)
    matches = " OR ".join(f"(entry.config = %s AND entry.vector @@ {parsed})" for _config in configs)
    hidden, hidden_params = hidden_page_ids.query.sql_with_params()
    in_locale = "AND entry.locale_id = %s" if locale_id else ""
    sql = f"""
        SELECT entry.page_id,
               ts_rank('{WEIGHTS}'::float4[], entry.rank_vector, CASE entry.config {own_language_query} END,
                       {NORMALIZATION}) AS rank
          FROM sitesearch_pagesearchentry entry
         WHERE ({matches}) {in_locale}
           AND NOT (entry.page_id IN ({hidden}))"""  # noqa: S608 - constants; values are params
    per_config = [value for config in configs for value in (config, config, words)]
    return sql, [*per_config, *per_config, *([locale_id] if locale_id else []), *hidden_params]


def ranked_page_ids(
    words: str, hidden_page_ids, locale_id: int | None = None, *, limit: int, offset: int = 0
) -> tuple[list[int], int]:
    """A slice of the ids of the pages matching ``words``, best first, and how many match in all.

    ``hidden_page_ids`` (a queryset of page ids) are left out: the pages the API may not
    show. A site has few, so leaving them out costs a lookup in a short list per match,
    where keeping only the visible ones joined every page of the language (a sixth of a
    search's time). ``locale_id``, when the search is within one language, is matched on
    the entries themselves: only that language's entries are read and matched, not every
    language's.

    One statement that matches and ranks once: the matches are kept (page id and rank
    only), counted, and only the slice is sent. Common words match most pages; reading
    every id into Python to slice and count them cost more than the ranking.
    """
    matched, params = matches_sql(words, hidden_page_ids, locale_id)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""WITH matched AS MATERIALIZED ({matched})
                SELECT page_id, (SELECT COUNT(*) FROM matched) FROM matched
                 ORDER BY rank DESC, page_id LIMIT %s OFFSET %s""",  # noqa: S608 - as above
            [*params, limit, offset],
        )
        rows = cursor.fetchall()
        if rows:
            return [page_id for page_id, _total in rows], rows[0][1]
        # An offset past the last match: nothing to read the count from.
        cursor.execute(f"SELECT COUNT(*) FROM ({matched}) matched", params)  # noqa: S608 - as above
        return [], cursor.fetchone()[0]
