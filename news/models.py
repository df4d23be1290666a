"""News: the index of each language, articles, and the snippets articles use."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.api.fields import (
    ImageRenditionsField,
    MediaContactsField,
    RelatedPagesField,
    RichTextHTMLField,
    StreamBlocksField,
    TopicsField,
)
from cms.blocks import BodyStreamBlock
from cms.pages import BasePage, TranslatableOrderable
from news.moderation import NewsArticlePermissionTester, NewsIndexPermissionTester


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject articles are filed under; its translations share one translation key."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_("Used in topic filter URLs; written in the topic's language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [TranslatableField("name"), TranslatableField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        # The locale is not a form field, so Django skips the slug-per-locale
        # constraint when validating the admin form; without this check a
        # duplicate reaches the database and the editor gets a server error.
        super().clean()
        same_slug = Topic.objects.filter(locale_id=self.locale_id, slug=self.slug).exclude(pk=self.pk)
        if self.locale_id and same_slug.exists():
            raise ValidationError({"slug": _("Another topic in this language already uses this slug.")})


class MediaContact(TranslatableMixin, index.Indexed, models.Model):
    """A press officer journalists can call; role and office are written per language."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True)
    office = models.CharField(_("office"), max_length=120, blank=True, help_text=_("For example: Brussels."))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("office")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # A person's name and contact details are the same in every language.
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        TranslatableField("office"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.office})" if self.office else self.name


class NewsIndexPage(BasePage):
    """The news section of one language; lists its articles newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1
    # In every language's menu, so a frontend built from navigation/ links to the news.
    show_in_menus_default = True

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def permissions_for_user(self, user):
        return NewsIndexPermissionTester(user, self)


class NewsArticlePage(BasePage):
    """A press release or news article."""

    class ArticleType(models.TextChoices):
        PRESS_RELEASE = "press_release", _("Press release")
        NEWS = "news", _("News article")

    article_type = models.CharField(
        _("type"), max_length=20, choices=ArticleType.choices, default=ArticleType.PRESS_RELEASE
    )
    publication_date = models.DateField(_("publication date"), default=timezone.localdate)
    dateline = models.CharField(
        _("dateline"),
        max_length=100,
        blank=True,
        help_text=_("Where the story is reported from, e.g. Brussels."),
    )
    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences that sum up the story."))
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("lead image alt text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it, in this page's language."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    editors_note = RichTextField(
        _("for editors"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_('Background for journalists, shown after the article under "For editors".'),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("publication_date"), FieldPanel("article_type")]),
                FieldPanel("dateline"),
            ],
            heading=_("Publication"),
        ),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Lead image")),
        FieldPanel("body"),
        FieldPanel("editors_note"),
        InlinePanel("topics", label=_("Topics")),
        InlinePanel("media_contacts", label=_("Media contacts")),
        InlinePanel("related_articles", label=_("Related articles")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("editors_note"),
        index.FilterField("publication_date"),
        index.FilterField("article_type"),
    ]
    api_fields = [
        APIField("article_type"),
        APIField("publication_date"),
        APIField("dateline"),
        APIField("lead"),
        APIField("lead_image", serializer=ImageRenditionsField(alt_field="lead_image_alt")),
        APIField("body", serializer=StreamBlocksField()),
        APIField("editors_note", serializer=RichTextHTMLField()),
        APIField("topics", serializer=TopicsField()),
        APIField("media_contacts", serializer=MediaContactsField()),
        APIField("related_articles", serializer=RelatedPagesField(page_attr="article")),
    ]

    # Grouped as in the editor: publication facts stay in step with English; text,
    # alt text and the chosen topics and contacts are translated (topics and contacts
    # become their translations in each locale); the image and related articles are
    # shared, related articles being resolved to the reader's language when served.
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("publication_date"),
        SynchronizedField("article_type"),
        TranslatableField("dateline"),
        TranslatableField("lead"),
        SynchronizedField("lead_image"),
        TranslatableField("lead_image_alt"),
        TranslatableField("body"),
        TranslatableField("editors_note"),
        TranslatableField("topics"),
        TranslatableField("media_contacts"),
        SynchronizedField("related_articles"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        # Listings are newest first: with this index PostgreSQL walks the dates from the
        # newest and stops after a page of results, instead of sorting every locale's
        # articles (an on-disk sort of 30,000 rows at 10,000 articles per locale). With the
        # page id in it, a deep offset sorts the dates and ids from the index alone, without
        # reading the articles' rows.
        indexes = [models.Index(fields=["publication_date", "page_ptr"], name="news_article_date_id_idx")]

    def permissions_for_user(self, user):
        return NewsArticlePermissionTester(user, self)


class NewsArticleTopic(TranslatableOrderable):
    """A topic chosen for an article."""

    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey(Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("topic")]
    translatable_fields = [TranslatableField("topic")]


class NewsArticleMediaContact(TranslatableOrderable):
    """A media contact listed under an article."""

    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="media_contacts")
    contact = models.ForeignKey(
        MediaContact, verbose_name=_("media contact"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("contact")]
    translatable_fields = [TranslatableField("contact")]


class NewsArticleRelatedArticle(Orderable):
    """Another article suggested at the end of this one."""

    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="related_articles")
    article = models.ForeignKey(
        NewsArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]
