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
from psycopg import sql

LOCALES = ("en", "fr", "nl")


def document_id(translation_key) -> str:
    """Strapi's document ids are 24 lowercase letters and digits; ours are UUIDs."""
    return translation_key.hex[:24]


def block_html(block: dict) -> str:
    """One of our body blocks as the HTML an editor would have typed into Strapi's rich text."""
    value = block["value"]
    kind = block["type"]
    if kind == "heading":
        return f"<h2>{html.escape(value['text'])}</h2>"
    if kind == "paragraph":
        return value
    if kind == "image":
        alt, caption = html.escape(value["alt_text"]), html.escape(value["caption"])
        return f'<figure><img alt="{alt}"><figcaption>{caption}</figcaption></figure>'
    quote, attribution = html.escape(value["quote"]), html.escape(value["attribution"])
    return f"<blockquote>{quote}<cite>{attribution}</cite></blockquote>"


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


def link_table(connection) -> tuple[str, str, str, str | None]:
    """Strapi's article-topic link table and its columns (article, topic, order), read from the schema."""
    for table in ("articles_topics_lnk", "articles_topics_links"):
        columns = table_columns(connection, table)
        if columns:
            order = (
                "topic_ord"
                if "topic_ord" in columns
                else ("topic_order" if "topic_order" in columns else None)
            )
            return table, "article_id", "topic_id", order
    raise RuntimeError(
        "Strapi's article-topic link table was not found: has Strapi started on this database?"
    )


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
        table, article_column, topic_column, order_column = link_table(connection)
        connection.execute(
            sql.SQL("TRUNCATE {}, articles, topics RESTART IDENTITY").format(sql.Identifier(table))
        )
        now = datetime.datetime.now(datetime.UTC)
        common = ["document_id", "locale", "created_at", "updated_at", "published_at"]
        with connection.cursor() as cursor:
            with cursor.copy("COPY topics (name, slug, " + ", ".join(common) + ") FROM STDIN") as copy:
                for topic in content["topics"]:
                    copy.write_row(
                        [topic["name"], topic["slug"], topic["document_id"], topic["locale"], now, now, now]
                    )
            columns = ["title", "slug", "intro", "body", "publication_date", *common]
            with cursor.copy("COPY articles (" + ", ".join(columns) + ") FROM STDIN") as copy:
                for article in content["articles"]:
                    fields = [article[name] for name in columns[:5]]
                    copy.write_row([*fields, article["document_id"], article["locale"], now, now, now])
            topic_ids = {
                (doc, locale): pk
                for pk, doc, locale in cursor.execute("SELECT id, document_id, locale FROM topics").fetchall()
            }
            article_ids = {
                (doc, locale): pk
                for pk, doc, locale in cursor.execute(
                    "SELECT id, document_id, locale FROM articles"
                ).fetchall()
            }
            link_columns = [article_column, topic_column] + ([order_column] if order_column else [])
            statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
                sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, link_columns))
            )
            with cursor.copy(statement) as copy:
                for article in content["articles"]:
                    article_id = article_ids[(article["document_id"], article["locale"])]
                    for order, topic in enumerate(article["topics"], start=1):
                        row = [article_id, topic_ids[(topic, article["locale"])]]
                        copy.write_row(row + [order] if order_column else row)
        connection.execute("ANALYZE articles; ANALYZE topics")
    return True


def verify(port: int, content: dict):
    """Strapi serves what was written: the French count, and a French article by slug with its topics."""
    import json

    from bench.servers import get

    french = [article for article in content["articles"] if article["locale"] == "fr"]
    listing = json.loads(get(port, "/api/articles?locale=fr&pagination[limit]=1").body)
    total = listing["meta"]["pagination"]["total"]
    if total != len(french):
        raise RuntimeError(f"Strapi serves {total} French articles, {len(french)} were written")
    sample = french[len(french) // 2]
    found = json.loads(
        get(port, f"/api/articles?locale=fr&filters[slug][$eq]={sample['slug']}&populate=topics").body
    )
    entry = found["data"][0]
    if entry["title"] != sample["title"] or len(entry["topics"]) != len(sample["topics"]):
        raise RuntimeError(f"Strapi's answer for {sample['slug']} differs from what was written: {entry}")
