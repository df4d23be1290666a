"""factory_boy factories for the content model. Locales come from the migrations."""

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import SectionPage
from news.models import MediaContact, NewsArticlePage, NewsIndexPage, Topic


def english():
    return Locale.objects.get(language_code="en")


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Section {n}")
    intro = "A section of the office's work."

    class Meta:
        model = SectionPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"
    intro = "Press releases and news from the office."

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    dateline = "Brussels"
    lead = "Officials met in Brussels to discuss migration."

    class Meta:
        model = NewsArticlePage


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(english)

    class Meta:
        model = Topic


class MediaContactFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Contact {n}")
    role = "Press officer"
    office = "Brussels"
    phone = "+32 2 000 00 00"
    email = factory.Sequence(lambda n: f"press{n}@example.org")
    locale = factory.LazyFunction(english)

    class Meta:
        model = MediaContact
