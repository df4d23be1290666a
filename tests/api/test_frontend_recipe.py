"""What the README's frontend recipe promises: news order, image widths, relative link paths."""

from datetime import date

import pytest

from news.models import NewsArticlePage
from tests.factories import NewsArticlePageFactory


@pytest.mark.django_db
def test_a_news_index_lists_its_children_newest_first_by_default(site, api):
    news = site["news"]
    older = NewsArticlePageFactory(parent=news, title="Older", publication_date=date(2020, 1, 1))
    newer = NewsArticlePageFactory(parent=news, title="Newer", publication_date=date(2030, 1, 1))
    for article in (older, newer):
        article.save_revision().publish()
    items = api.get("/api/v2/pages/", {"child_of": news.pk}).json()["items"]
    ids = [item["id"] for item in items]
    assert ids[0] == newer.pk and ids[-1] == older.pk
    dates = list(
        NewsArticlePage.objects.filter(pk__in=ids).order_by("-publication_date").values_list("pk", flat=True)
    )
    assert ids == dates
    # Other parents keep tree order.
    assert api.get("/api/v2/pages/", {"child_of": site["home"].pk}).status_code == 200


@pytest.mark.django_db
def test_renditions_end_with_the_original_width(site, api):
    image = api.get(f"/api/v2/images/{site['image'].pk}/").json()
    widths = [rendition["width"] for rendition in image["renditions"]]
    assert widths == [400, 800, 1000]
    assert widths[-1] == image["width"]


@pytest.mark.django_db
def test_rich_text_links_carry_the_relative_path(site, api):
    about = api.get("/api/v2/pages/find/", {"path": "/fr/qui-sommes-nous/a-propos/"}).json()
    paragraph = next(block["value"] for block in about["body"] if block["type"] == "paragraph")
    assert 'href="http://localhost:3000/fr/actualites/" data-path="/fr/actualites/"' in paragraph
