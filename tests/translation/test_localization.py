"""translate_object makes real wagtail-localize translations."""

import pytest
from wagtail_localize.models import StringTranslation, Translation

from news.models import NewsArticleTopic
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, TopicFactory
from translation.localization import translate_object


@pytest.mark.django_db
def test_translated_article_is_linked_to_its_source_and_uses_the_translated_topic(home_page, locales):
    french = locales["fr"]
    topic = TopicFactory(name="Climate change", slug="climate-change")
    french_topic = translate_object(
        topic,
        french,
        {"Climate change": "Changement climatique", "climate-change": "changement-climatique"}.get,
    )

    translate_object(home_page, french, lambda text: f"FR {text}")
    index = NewsIndexPageFactory(parent=home_page)
    translate_object(index, french, lambda text: f"FR {text}")
    article = NewsArticlePageFactory(parent=index, title="Spotlight on migration")
    NewsArticleTopic.objects.create(page=article, topic=topic)

    french_article = translate_object(article, french, lambda text: f"FR {text}")

    assert french_article.locale == french
    assert french_article.translation_key == article.translation_key
    assert french_article.live
    assert french_article.title == "FR Spotlight on migration"
    assert french_article.get_parent().specific.title == "FR News"
    assert [row.topic for row in french_article.topics.all()] == [french_topic]
    assert french_topic.name == "Changement climatique"
    assert Translation.objects.filter(
        source__object_id=article.translation_key, target_locale=french
    ).exists()
    assert StringTranslation.objects.filter(locale=french, data="FR Spotlight on migration").exists()
