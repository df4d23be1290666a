"""Our generated articles, exported into Strapi's own tables so both serve the same content.

Seeding through Strapi's document service runs at about 9 entries a second, hours for
10,000 per locale, so the rows are written with PostgreSQL's COPY into the tables Strapi
created from the bench's content types (one row per entry and locale, a link table for
the topics), then read back through Strapi's REST API to check it serves them.

Each entry keeps our translation key as its ``document_id`` (Strapi's id shared by the
locales of one entry), so the fr, nl and en versions of an article are one Strapi document.
"""

import datetime
import html

import psycopg

LOCALES = ("en", "fr", "nl")


def document_id(translation_key) -> str:
    """Strapi's document ids are 24 lowercase letters and digits; ours are UUIDs."""
    return translation_key.hex[:24]


def block_html(block: dict) -> str:
    """One of our body blocks as the HTML an editor would have typed into Strapi's rich text."""
    value, kind = block["value"], block["type"]
    if isinstance(value, str):
        return value  # rich text: already HTML
    texts = [html.escape(text) for text in value.values() if isinstance(text, str) and text]
    if kind == "heading":
        return f"<h2>{html.escape(value.get('text', ''))}</h2>"
    if kind == "quote":
        return f"<blockquote>{' '.join(texts)}</blockquote>"
    # Images and other blocks: their texts (alt text, caption…) as a figure.
    return f"<figure>{' '.join(texts)}</figure>"


def export_content() -> dict:
    """Topics and live news articles of every locale from our database (Django must be set up)."""
    from news.models import NewsArticlePage, NewsArticleTopic, Topic

    topics = [
        {"document_id": document_id(topic.translation_key), "locale": topic.locale.language_code,
         "name": topic.name, "slug": topic.slug}
        for topic in Topic.objects.select_related("locale")
    ]  # fmt: skip
    topic_keys = {
        topic_id: (document_id(key), code)
        for topic_id, key, code in Topic.objects.values_list("pk", "translation_key", "locale__language_code")
    }
    links = {}
    for page_id, topic_id in NewsArticleTopic.objects.order_by("page_id", "sort_order").values_list(
        "page_id", "topic_id"
    ):
        links.setdefault(page_id, []).append(topic_keys[topic_id][0])
    articles = []
    rows = NewsArticlePage.objects.live().filter(locale__language_code__in=LOCALES)
    for page in rows.select_related("locale").iterator(chunk_size=500):
        articles.append(
            {
                "document_id": document_id(page.translation_key),
                "locale": page.locale.language_code,
                "title": page.title,
                "slug": page.slug,
                "intro": page.lead,
                "body": "\n".join(block_html(block) for block in page.body.raw_data),
                "publication_date": page.publication_date,
                "topics": links.get(page.pk, []),
            }
        )
    return {"topics": topics, "articles": articles}


def table_columns(connection, table: str) -> set[str]:
    rows = connection.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s", [table]
    ).fetchall()
    return {name for (name,) in rows}


LINK_TABLE = "articles_topics_lnk"


def link_columns(connection) -> list[str]:
    """The columns of Strapi's article-topic link table that the seeding fills, read from the schema."""
    columns = table_columns(connection, LINK_TABLE)
    if not {"article_id", "topic_id"} <= columns:
        raise RuntimeError(f"Strapi's {LINK_TABLE} table was not found: has Strapi started on this database?")
    return [name for name in ("article_id", "topic_id", "topic_ord", "article_ord") if name in columns]


def ids(cursor, table: str) -> dict:
    """Strapi's row id of each (document id, locale) in ``table``."""
    rows = cursor.execute(f"SELECT id, document_id, locale FROM {table}").fetchall()  # noqa: S608 - our names
    return {(document, locale): pk for pk, document, locale in rows}


def counts(connection) -> dict:
    rows = connection.execute("SELECT locale, count(*) FROM articles GROUP BY locale").fetchall()
    return dict(rows)


def seed(database_url: str, content: dict, log=print) -> bool:
    """Replace Strapi's articles and topics with ``content`` unless it already holds the same counts."""
    wanted = {}
    for article in content["articles"]:
        wanted[article["locale"]] = wanted.get(article["locale"], 0) + 1
    with psycopg.connect(database_url) as connection:
        if counts(connection) == wanted:
            return False
        log(f"==> Strapi: writing {len(content['articles']):,} articles and {len(content['topics'])} topics")
        columns_of_links = link_columns(connection)
        connection.execute(f"TRUNCATE {LINK_TABLE}, articles, topics RESTART IDENTITY")
        now = datetime.datetime.now(datetime.UTC)
        common = ["document_id", "locale", "created_at", "updated_at", "published_at"]
        with connection.cursor() as cursor:
            with cursor.copy("COPY topics (name, slug, " + ", ".join(common) + ") FROM STDIN") as copy:
                for topic in content["topics"]:
                    copy.write_row(
                        [topic["name"], topic["slug"], topic["document_id"], topic["locale"], now, now, now]
                    )
            columns = ["title", "slug", "intro", "body", "publication_date"]
            with cursor.copy("COPY articles (" + ", ".join(columns + common) + ") FROM STDIN") as copy:
                for article in content["articles"]:
                    fields = [article[name] for name in columns]
                    copy.write_row([*fields, article["document_id"], article["locale"], now, now, now])
            topic_ids = ids(cursor, "topics")
            article_ids = ids(cursor, "articles")
            articles_of_topic = {}
            statement = f"COPY {LINK_TABLE} ({', '.join(columns_of_links)}) FROM STDIN"
            with cursor.copy(statement) as copy:
                for article in content["articles"]:
                    article_id = article_ids[(article["document_id"], article["locale"])]
                    for order, topic in enumerate(article["topics"], start=1):
                        topic_id = topic_ids[(topic, article["locale"])]
                        articles_of_topic[topic_id] = articles_of_topic.get(topic_id, 0) + 1
                        row = {"article_id": article_id, "topic_id": topic_id, "topic_ord": order,
                               "article_ord": articles_of_topic[topic_id]}  # fmt: skip
                        copy.write_row([row[name] for name in columns_of_links])
        connection.execute("ANALYZE articles; ANALYZE topics")
    return True


def verify(port: int, content: dict):
    """Strapi serves what was written: the French count, and a French article by slug with its topics."""
    import json
    from urllib.parse import quote

    from bench.servers import get

    french = [article for article in content["articles"] if article["locale"] == "fr"]
    listing = json.loads(get(port, "/api/articles?locale=fr&pagination[limit]=1").body)
    total = listing["meta"]["pagination"]["total"]
    if total != len(french):
        raise RuntimeError(f"Strapi serves {total} French articles, {len(french)} were written")
    sample = french[len(french) // 2]
    found = json.loads(
        get(port, f"/api/articles?locale=fr&filters[slug][$eq]={quote(sample['slug'])}&populate=topics").body
    )
    entry = found["data"][0]
    if entry["title"] != sample["title"] or len(entry["topics"]) != len(sample["topics"]):
        raise RuntimeError(f"Strapi's answer for {sample['slug']} differs from what was written: {entry}")
