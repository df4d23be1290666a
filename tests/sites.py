"""The small multilingual site most tests share, built with real wagtail-localize translations.

English: home > who-we-are > about (rich text linking to news), news > article
(topic, contact, lead image, related article). French and Dutch: home, who-we-are,
about, news and the article translated; Dutch "about" exists only as an alias of
English (the untranslated fallback).

Building it takes thousands of queries, so ``tests/conftest.py`` builds it once per test
module and rolls each test back to it.
"""

import json

from news.models import NewsArticleMediaContact, NewsArticleRelatedArticle, NewsArticleTopic
from tests.factories import (
    ImageFactory,
    MediaContactFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    SectionPageFactory,
    TopicFactory,
)
from translation.localization import translate_object

FRENCH = {
    "Home": "Accueil", "home": "accueil", "Who we are": "Qui sommes-nous", "who-we-are": "qui-sommes-nous",
    "About": "À propos", "about": "a-propos", "News": "Actualités", "news": "actualites",
    "Climate": "Climat", "climate": "climat", "Spokesperson": "Porte-parole", "Brussels": "Bruxelles",
}  # fmt: skip
DUTCH = {
    "Home": "Home", "home": "home-nl", "Who we are": "Wie we zijn", "who-we-are": "wie-we-zijn",
    "News": "Nieuws", "news": "nieuws", "Climate": "Klimaat", "climate": "klimaat",
    "Spokesperson": "Woordvoerder", "Brussels": "Brussel",
}  # fmt: skip


def translator(words, prefix):
    return lambda text: words.get(text, f"{prefix} {text}")


def page_link(page, text):
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def build_site(home_page, locales, *, articles=1):
    """The English site and its translations; returns the English pages by name."""
    fr, nl = locales["fr"], locales["nl"]
    home_page.title = "Home"
    home_page.save_revision().publish()
    who = SectionPageFactory(parent=home_page, title="Who we are", slug="who-we-are")
    news = NewsIndexPageFactory(parent=home_page)
    topic = TopicFactory(name="Climate", slug="climate")
    contact = MediaContactFactory(name="Ana Pereira", role="Spokesperson", office="Brussels")
    image = ImageFactory(file__width=1000, file__height=600)
    created = []
    for number in range(articles):
        article = NewsArticlePageFactory(parent=news, title=f"Story {number}", lead_image=image,
                                         lead_image_alt="Two officials shaking hands",
                                         editors_note=f"<p>{page_link(who, 'Who')}</p>")  # fmt: skip
        NewsArticleTopic.objects.create(page=article, topic=topic)
        NewsArticleMediaContact.objects.create(page=article, contact=contact)
        if created:
            NewsArticleRelatedArticle.objects.create(page=article, article=created[-1])
        article.save_revision().publish()
        created.append(article)
    paragraph = f"<p>Read the {page_link(news, 'news')} and {page_link(created[0], 'story')}.</p>"
    body = [
        {"type": "heading", "value": {"text": "Our office", "level": "h2"}},
        {"type": "paragraph", "value": paragraph},
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "The office", "caption": "", "credit": ""},
        },
        {"type": "call_to_action", "value": {"label": "Go", "page": who.pk, "url": ""}},
    ]
    about = SectionPageFactory(parent=who, title="About", slug="about", body=json.dumps(body))
    for locale, words, prefix in ((fr, FRENCH, "FR"), (nl, DUTCH, "NL")):
        translate_object(topic, locale, translator(words, prefix))
        translate_object(contact, locale, translator(words, prefix))
        for page in (home_page, who, news, *created):
            translate_object(page.specific, locale, translator(words, prefix))
    translate_object(about, fr, translator(FRENCH, "FR"))
    # Dutch "about" stays untranslated: wagtail-localize's synchronised alias of the English page.
    about.copy_for_translation(nl, alias=True)
    return {"home": home_page, "who": who, "about": about, "news": news, "articles": created,
            "topic": topic, "contact": contact, "image": image}  # fmt: skip
