"""What translators translate and what stays in step with the English source.

wagtail-localize offers a TranslatableField to translators and copies a
SynchronizedField from the source on every sync. Text, titles, slugs and alt text are
written per language; dates, images, a contact's name, phone and e-mail, and links to
other articles follow English. Topics and contacts chosen on an article are
translatable relations: each language points to its own translation of the snippet.
"""

import datetime

import pytest
from modelcluster.models import get_all_child_relations
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField, get_translatable_fields

from home.models import HomePage, SectionPage
from news.models import (
    MediaContact,
    NewsArticleMediaContact,
    NewsArticlePage,
    NewsArticleTopic,
    NewsIndexPage,
    Topic,
)
from tests.factories import (
    ImageFactory,
    MediaContactFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    SectionPageFactory,
    TopicFactory,
)
from translation.localization import translate_object

TRANSLATED = "translated"
SYNCHRONISED = "synchronised"

PAGE_FIELDS = {
    "title": TRANSLATED,
    "slug": TRANSLATED,
    "seo_title": TRANSLATED,
    "search_description": TRANSLATED,
    "show_in_menus": SYNCHRONISED,
}

EXPECTED_CONTRACT = {
    HomePage: PAGE_FIELDS | {"intro": TRANSLATED, "key_figures": TRANSLATED, "featured_sections": TRANSLATED},
    SectionPage: PAGE_FIELDS | {"intro": TRANSLATED, "body": TRANSLATED},
    NewsIndexPage: PAGE_FIELDS | {"intro": TRANSLATED},
    NewsArticlePage: PAGE_FIELDS
    | {
        "publication_date": SYNCHRONISED,
        "article_type": SYNCHRONISED,
        "dateline": TRANSLATED,
        "lead": TRANSLATED,
        "lead_image": SYNCHRONISED,
        "lead_image_alt": TRANSLATED,
        "body": TRANSLATED,
        "editors_note": TRANSLATED,
        "topics": TRANSLATED,
        "media_contacts": TRANSLATED,
        "related_articles": SYNCHRONISED,
    },
    Topic: {"name": TRANSLATED, "slug": TRANSLATED},
    MediaContact: {
        "name": SYNCHRONISED,
        "role": TRANSLATED,
        "office": TRANSLATED,
        "phone": SYNCHRONISED,
        "email": SYNCHRONISED,
    },
    NewsArticleTopic: {"topic": TRANSLATED},
    NewsArticleMediaContact: {"contact": TRANSLATED},
}

FRENCH_TOPIC_NAMES = {"Climate change": "Changement climatique", "climate-change": "changement-climatique"}

# Fields the tree or the translation machinery manages, never an editor's content.
NOT_CONTENT = {"page", "locale", "translation_key", "sort_order"}


def contract_of(model):
    return {
        field.field_name: TRANSLATED if isinstance(field, TranslatableField) else SYNCHRONISED
        for field in get_translatable_fields(model)
    }


def content_fields_of(model):
    """The fields an editor fills in on this model, with its inline panels, and Page's for pages."""
    own_fields = {
        field.name
        for field in model._meta.get_fields()
        if getattr(field, "model", None) is model
        and field.concrete
        and field.editable
        and not field.auto_created
        and field.name not in NOT_CONTENT
    }
    page_relations = {rel.get_accessor_name() for rel in get_all_child_relations(Page)}
    inline_rows = {rel.get_accessor_name() for rel in get_all_child_relations(model)} - page_relations
    page_fields = set(PAGE_FIELDS) if issubclass(model, Page) else set()
    return own_fields | inline_rows | page_fields


@pytest.mark.parametrize("model", EXPECTED_CONTRACT, ids=lambda model: model.__name__)
def test_each_field_is_translated_or_synchronised_as_agreed(model):
    assert contract_of(model) == EXPECTED_CONTRACT[model]


@pytest.mark.parametrize("model", EXPECTED_CONTRACT, ids=lambda model: model.__name__)
def test_every_content_field_has_a_translation_rule(model):
    # A field left out of translatable_fields is copied once and then silently stops
    # following English, so a new field must be declared one way or the other.
    assert set(contract_of(model)) == content_fields_of(model)


class RecordingTranslator:
    """Prefixes every string with "FR " and remembers what the translator was asked for."""

    def __init__(self):
        self.asked = []

    def __call__(self, text):
        self.asked.append(text)
        return f"FR {text}"


@pytest.fixture
def french(locales):
    return locales["fr"]


@pytest.fixture
def english_news(home_page, french):
    """An English news index, with the French home and news index as translations."""
    index = NewsIndexPageFactory(parent=home_page)
    translate_object(home_page, french, RecordingTranslator())
    translate_object(index, french, RecordingTranslator())
    return index


@pytest.fixture
def article(english_news):
    image = ImageFactory()
    return NewsArticlePageFactory(
        parent=english_news,
        title="Migration under the spotlight",
        article_type=NewsArticlePage.ArticleType.NEWS,
        publication_date=datetime.date(2021, 10, 5),
        lead="Senior officials met in Brussels.",
        lead_image=image,
        lead_image_alt="Officials around a table",
        body=[
            ("heading", {"text": "What was discussed", "level": "h2"}),
            ("image", {"image": image, "alt_text": "The meeting room", "caption": "", "credit": ""}),
        ],
    )


@pytest.mark.django_db
def test_french_article_has_translated_text_and_the_english_publication_facts(article, french):
    translator = RecordingTranslator()
    french_article = translate_object(article, french, translator)

    assert french_article.lead == "FR Senior officials met in Brussels."
    assert french_article.lead_image_alt == "FR Officials around a table"
    assert french_article.lead_image == article.lead_image
    assert french_article.publication_date == datetime.date(2021, 10, 5)
    assert french_article.article_type == NewsArticlePage.ArticleType.NEWS
    heading, image_block = french_article.body
    assert heading.value["text"] == "FR What was discussed"
    assert image_block.value["image"] == article.lead_image
    assert image_block.value["alt_text"] == "FR The meeting room"
    # The date and image are never put in front of the translator.
    assert "2021-10-05" not in translator.asked
    assert str(article.lead_image.pk) not in translator.asked


@pytest.mark.django_db
def test_french_article_follows_a_new_english_date_and_image_but_keeps_its_text(article, french):
    translate_object(article, french, RecordingTranslator())

    new_image = ImageFactory()
    article.publication_date = datetime.date(2021, 10, 6)
    article.lead_image = new_image
    article.save_revision().publish()
    french_article = translate_object(article, french, RecordingTranslator())

    assert french_article.publication_date == datetime.date(2021, 10, 6)
    assert french_article.lead_image == new_image
    assert french_article.lead == "FR Senior officials met in Brussels."


@pytest.mark.django_db
def test_french_article_lists_the_french_topic_and_contact(article, french):
    topic = TopicFactory(name="Climate change", slug="climate-change")
    contact = MediaContactFactory()
    NewsArticleTopic.objects.create(page=article, topic=topic)
    NewsArticleMediaContact.objects.create(page=article, contact=contact)
    french_topic = translate_object(topic, french, FRENCH_TOPIC_NAMES.__getitem__)
    french_contact = translate_object(contact, french, RecordingTranslator())

    french_article = translate_object(article, french, RecordingTranslator())

    assert [row.topic for row in french_article.topics.all()] == [french_topic]
    assert [row.contact for row in french_article.media_contacts.all()] == [french_contact]
    assert {row.locale for row in french_article.topics.all()} == {french}


@pytest.mark.django_db
def test_french_media_contact_keeps_name_phone_and_email(french):
    contact = MediaContactFactory(
        name="Alex Example", role="Press officer", office="Brussels", phone="+32 2 000 00 01"
    )
    translator = RecordingTranslator()

    french_contact = translate_object(contact, french, translator)

    assert sorted(translator.asked) == ["Brussels", "Press officer"]
    assert french_contact.locale == french
    assert french_contact.translation_key == contact.translation_key
    assert (french_contact.name, french_contact.phone, french_contact.email) == (
        contact.name,
        contact.phone,
        contact.email,
    )
    assert (french_contact.role, french_contact.office) == ("FR Press officer", "FR Brussels")


@pytest.mark.django_db
def test_french_media_contact_follows_a_new_english_phone_number(french):
    contact = MediaContactFactory(phone="+32 2 000 00 01")
    translate_object(contact, french, RecordingTranslator())

    contact.phone = "+32 2 000 00 02"
    contact.save()
    french_contact = translate_object(contact, french, RecordingTranslator())

    assert french_contact.phone == "+32 2 000 00 02"
    assert french_contact.role == "FR Press officer"


@pytest.mark.django_db
def test_french_topic_has_its_own_name_and_slug(french):
    topic = TopicFactory(name="Climate change", slug="climate-change")

    french_topic = translate_object(topic, french, FRENCH_TOPIC_NAMES.__getitem__)

    assert (french_topic.name, french_topic.slug) == ("Changement climatique", "changement-climatique")


@pytest.mark.django_db
def test_french_home_page_translates_its_key_figures_and_keeps_the_chosen_sections(home_page, french):
    section = SectionPageFactory(parent=home_page, title="Who we are")
    home_page.key_figures = [("key_figure", {"figure": "175", "label": "member states", "description": ""})]
    home_page.featured_sections = [("section", section)]
    home_page.save_revision().publish()
    translator = RecordingTranslator()

    french_home = translate_object(home_page, french, translator)

    key_figure = french_home.key_figures[0].value
    assert (key_figure["figure"], key_figure["label"]) == ("FR 175", "FR member states")
    assert french_home.featured_sections[0].value.pk == section.pk
    assert section.title not in translator.asked
