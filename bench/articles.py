"""Writes English benchmark articles in bulk: page rows, article rows, inline rows, revisions, index.

Everything an article contains derives from ``random.Random(f"{seed}:{n}")``, so the
same seed and number give the same article whatever batch it is written in.
"""

import datetime
import json
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F, Prefetch
from django.db.models.sql import InsertQuery
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Revision
from wagtail.search.backends import get_search_backend

from bench.sources import create_sources
from bench.vocabulary import PLACES, sentence
from home.models import SectionPage
from news.models import NewsArticleMediaContact, NewsArticlePage, NewsArticleRelatedArticle, NewsArticleTopic

FIRST_DATE = datetime.date(2025, 6, 30)
# The order of body blocks: a dozen, as in a long press release.
BODY_PLAN = ["heading", "paragraph", "image", "paragraph", "quote", "paragraph",
             "heading", "paragraph", "image", "paragraph", "quote", "paragraph"]  # fmt: skip


# An article's inline relations (topics, contacts, related articles).
INLINE_RELATIONS = ("topics", "media_contacts", "related_articles")
# The same rows with what its translation source reads of them.
INLINE_ROWS = [
    Prefetch("topics", queryset=NewsArticleTopic.objects.select_related("topic")),
    Prefetch("media_contacts", queryset=NewsArticleMediaContact.objects.select_related("contact")),
    "related_articles",
]


def seeded_uuid(rng) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


class ArticleWriter:
    """Creates English articles under the English news index, ``BATCH`` at a time."""

    def __init__(self, *, seed, index, images, topics, contacts, keys):
        self.seed, self.index, self.images = seed, index, images
        self.topics, self.contacts, self.keys = topics, contacts, keys
        self.sections = list(SectionPage.objects.filter(locale=index.locale).values_list("pk", flat=True))
        self.content_type = ContentType.objects.get_for_model(NewsArticlePage)

    # Content -------------------------------------------------------------------

    def link(self, rng, target_id: int) -> str:
        words = sentence(rng, 8).split()
        before, inside, after = " ".join(words[:3]), " ".join(words[3:6]), " ".join(words[6:])
        return f'{before} <a linktype="page" id="{target_id}">{inside}</a> {after}'

    def paragraph(self, rng, link_target) -> str:
        first = self.link(rng, link_target) if link_target else sentence(rng, 10)
        return f"<p>{first}. {sentence(rng, 12)}. {sentence(rng, 9)}.</p>"

    def body(self, rng, earlier_ids) -> str:
        blocks = []
        for number, kind in enumerate(BODY_PLAN):
            if kind == "heading":
                value = {"text": sentence(rng, 5), "level": "h2"}
            elif kind == "paragraph":
                # Alternate links to a section and to an earlier article, as press releases do.
                targets = earlier_ids if number % 2 and earlier_ids else self.sections
                value = self.paragraph(rng, rng.choice(targets))
            elif kind == "image":
                value = {
                    "image": rng.choice(self.images).pk,
                    "alt_text": sentence(rng, 7),
                    "caption": sentence(rng, 6),
                    "credit": "",
                }
            else:
                value = {
                    "quote": sentence(rng, 14),
                    "attribution": sentence(rng, 4),
                    "role": sentence(rng, 4),
                }
            blocks.append({"type": kind, "value": value, "id": str(seeded_uuid(rng))})
        return json.dumps(blocks)

    def article(self, n: int, earlier_ids: list[int]) -> tuple[Page, NewsArticlePage, dict]:
        rng = random.Random(f"{self.seed}:{n}")
        title = sentence(rng, 9)
        slug = f"{slugify(title)}-{n}"
        published = datetime.datetime.combine(
            FIRST_DATE - datetime.timedelta(days=n % 3650), datetime.time(9, n % 60), tzinfo=datetime.UTC
        )
        article = NewsArticlePage(
            article_type=rng.choice(NewsArticlePage.ArticleType.values),
            publication_date=published.date(),
            dateline=rng.choice(PLACES),
            lead=f"{sentence(rng, 14)}. {sentence(rng, 10)}.",
            lead_image_id=rng.choice(self.images).pk,
            lead_image_alt=sentence(rng, 7),
            body=self.body(rng, earlier_ids),
            editors_note=f"<p>{sentence(rng, 10)}.</p>",
        )
        page = Page(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=self.content_type,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            locale_id=self.index.locale_id,
            translation_key=self.keys[n],
            url_path=f"{self.index.url_path}{slug}/",
            depth=self.index.depth + 1,
            numchild=0,
        )
        rows = {
            "topics": [topic.pk for topic in rng.sample(self.topics, 3)],
            "contact": rng.choice(self.contacts).pk,
            "row_keys": [seeded_uuid(rng) for _ in range(4)],
            "related": earlier_ids[-2:],
        }
        return page, article, rows

    # Writing -------------------------------------------------------------------

    @transaction.atomic
    def write_batch(self, numbers: list[int]):
        earlier = dict(
            Page.objects.filter(
                translation_key__in=[
                    self.keys[n - step] for n in numbers for step in (1, 2, 7) if n - step >= 0
                ],
                locale_id=self.index.locale_id,
            ).values_list("translation_key", "pk")
        )
        last_child = (
            Page.objects.filter(path__startswith=self.index.path, depth=self.index.depth + 1)
            .order_by("-path")
            .first()
        )
        step = Page._str2int(last_child.path[-Page.steplen :]) if last_child else 0
        built = []
        for number in numbers:
            earlier_ids = [
                earlier[self.keys[number - s]]
                for s in (7, 2, 1)
                if number >= s and self.keys[number - s] in earlier
            ]
            page, article, rows = self.article(number, earlier_ids if number >= 1 else [])
            step += 1
            page.path = Page._get_path(self.index.path, page.depth, step)
            built.append((page, article, rows))
        pages = Page.objects.bulk_create([page for page, _article, _rows in built])
        for (page, article, _rows), saved in zip(built, pages, strict=True):
            article.page_ptr_id = saved.pk
            earlier[page.translation_key] = saved.pk
        insert_article_rows([article for _page, article, _rows in built])
        self.insert_rows(built)
        Page.objects.filter(pk=self.index.pk).update(numchild=F("numchild") + len(built))
        articles = list(
            NewsArticlePage.objects.filter(pk__in=[page.pk for page in pages]).prefetch_related(*INLINE_ROWS)
        )
        hold_children_in_memory(articles)
        add_published_revisions(articles)
        get_search_backend().add_bulk(NewsArticlePage, articles)
        # wagtail-localize's source for each article: its segments are what translators see.
        create_sources(articles)

    def insert_rows(self, built):
        topics, contacts, related = [], [], []
        for page, article, rows in built:
            locale_id, page_id = page.locale_id, article.page_ptr_id
            for order, topic_id in enumerate(rows["topics"]):
                topics.append(
                    NewsArticleTopic(
                        page_id=page_id, topic_id=topic_id, locale_id=locale_id, sort_order=order,
                        translation_key=rows["row_keys"][order],
                    )
                )  # fmt: skip
            contacts.append(
                NewsArticleMediaContact(
                    page_id=page_id, contact_id=rows["contact"], locale_id=locale_id, sort_order=0,
                    translation_key=rows["row_keys"][3],
                )
            )  # fmt: skip
            related += [
                NewsArticleRelatedArticle(page_id=page_id, article_id=target, sort_order=order)
                for order, target in enumerate(rows["related"])
            ]
        NewsArticleTopic.objects.bulk_create(topics)
        NewsArticleMediaContact.objects.bulk_create(contacts)
        NewsArticleRelatedArticle.objects.bulk_create(related)


def hold_children_in_memory(articles):
    """Keep each article's prefetched inline rows as modelcluster keeps unsaved ones.

    wagtail-localize's extraction and copying read an article's rows through its relation
    managers with ``get`` and ``order_by``, a query each time whatever was prefetched;
    modelcluster answers those from memory for the rows it holds.
    """
    for article in articles:
        article._cluster_related_objects = {
            relation: list(getattr(article, relation).all()) for relation in INLINE_RELATIONS
        }


def insert_article_rows(articles):
    """The news_newsarticlepage rows; bulk_create refuses multi-table models, InsertQuery does not."""
    fields = NewsArticlePage._meta.local_concrete_fields
    query = InsertQuery(NewsArticlePage)
    query.insert_values(fields, articles)
    query.get_compiler(connection=connection).execute_sql(returning_fields=None)


def add_published_revisions(articles, contents=None):
    """A revision per article, made live as Publish does; ``contents`` default to the articles' data."""
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    page_content_type = ContentType.objects.get_for_model(Page)
    contents = contents or [article.serializable_data() for article in articles]
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=page_content_type,
                object_id=str(article.pk),
                object_str=article.title,
                content=content,
                created_at=now,
            )
            for article, content in zip(articles, contents, strict=True)
        ]
    )
    for article, revision in zip(articles, revisions, strict=True):
        article.latest_revision_id = article.live_revision_id = revision.pk
        article.latest_revision_created_at = now
    Page.objects.bulk_update(
        [
            Page(pk=a.pk, latest_revision_id=a.latest_revision_id, live_revision_id=a.live_revision_id,
                 latest_revision_created_at=now)
            for a in articles
        ],
        ["latest_revision_id", "live_revision_id", "latest_revision_created_at"],
    )  # fmt: skip
