"""The home page of each language and the nestable organisational sections."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from cms.api.fields import StreamBlocksField
from cms.blocks import BodyStreamBlock, KeyFigureBlock
from cms.pages import BasePage


class HomePage(BasePage):
    """The root of the site in one language: the office in a sentence, figures, sections."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("The office in one or two sentences, shown at the top of the home page."),
    )
    key_figures = StreamField(
        [("key_figure", KeyFigureBlock())],
        verbose_name=_("key figures"),
        blank=True,
    )
    featured_sections = StreamField(
        [("section", blocks.PageChooserBlock(label=_("Section"), page_type="home.SectionPage"))],
        verbose_name=_("featured sections"),
        blank=True,
        help_text=_("Sections linked from the home page, in this order."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("key_figures"),
        FieldPanel("featured_sections"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = [
        APIField("intro"),
        APIField("key_figures", serializer=StreamBlocksField()),
        APIField("featured_sections", serializer=StreamBlocksField()),
    ]

    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("key_figures"),
        # Chosen pages are stored as ids and resolved to the reader's language at
        # render time, so translators only see the figures' text.
        TranslatableField("featured_sections"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.SectionPage", "news.NewsIndexPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def clean(self):
        super().clean()
        others = HomePage.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(_("This language already has a home page."))


class SectionPage(BasePage):
    """An organisational section ("Who we are", "Our work"), nestable and shown in menus."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short summary, shown at the top of the page and in section listings."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body", serializer=StreamBlocksField())]

    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["home.SectionPage"]
    # Sections make up the site's navigation, so a new one is in the menus unless
    # the editor says otherwise.
    show_in_menus_default = True

    class Meta:
        verbose_name = _("section page")
        verbose_name_plural = _("section pages")
