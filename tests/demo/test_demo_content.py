"""load_demo_content builds the demo site in three languages, through wagtail-localize, idempotently."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import ImageDraw
from rest_framework.test import APIClient
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from demo.images import IMAGES, draw_picture
from demo.loader import load_content
from news.models import MediaContact, NewsArticlePage, NewsArticleTopic, Topic
from tests.shared_data import load_demo_content

pytestmark = pytest.mark.django_db

CONTENT = load_content()
PAGES, TOPICS, CONTACTS = CONTENT.pages, CONTENT.topics, CONTENT.contacts
EU_MEETING = CONTENT.page("eu-meeting")
TRANSLATIONS = ("fr", "nl")
TEXT_FIELDS = ("intro", "lead", "dateline", "lead_image_alt")


@pytest.fixture
def demo(built_demo):
    """The command run twice on the migrated (empty) database: what each run printed, and the counts."""
    return built_demo


def code_locale(code):
    return Locale.objects.get(language_code=code)


def english_page(spec):
    return Page.objects.get(locale__language_code="en", slug=spec.slug.en).specific


def test_every_demo_page_is_a_live_wagtail_localize_translation_in_french_and_dutch(demo):
    for spec in PAGES:
        english = english_page(spec)
        for code in TRANSLATIONS:
            translated = english.get_translation(code_locale(code)).specific
            assert translated.live
            assert type(translated) is type(english)
            assert Translation.objects.filter(
                source__object_id=english.translation_key,
                source__locale=english.locale,
                target_locale__language_code=code,
                enabled=True,
            ).exists(), f"{spec.title.en} ({code}) was not made through wagtail-localize"


def test_translated_pages_carry_french_and_dutch_text_not_english(demo):
    for spec in PAGES:
        english = english_page(spec)
        for code in TRANSLATIONS:
            translated = english.get_translation(code_locale(code)).specific
            assert translated.title == spec.title[code]
            assert translated.slug == spec.slug[code]
            for name in TEXT_FIELDS:
                if name in spec.fields:
                    assert getattr(translated, name) == spec.fields[name][code]
            if spec.title[code] != spec.title.en:
                assert translated.title != english.title


def test_section_bodies_are_translated_block_by_block_and_keep_their_block_types(demo):
    english = english_page(next(spec for spec in PAGES if spec.key == "our-work"))
    french = english.get_translation(code_locale("fr")).specific
    assert [block.block_type for block in french.body] == [block.block_type for block in english.body]
    assert {"heading", "paragraph", "image", "quote", "call_to_action", "key_figure"} <= {
        block.block_type for block in english.body
    }
    english_headings = [block.value["text"] for block in english.body if block.block_type == "heading"]
    french_headings = [block.value["text"] for block in french.body if block.block_type == "heading"]
    assert french_headings and french_headings != english_headings


def test_topics_and_media_contacts_are_translated_snippets(demo):
    for spec in TOPICS:
        english = Topic.objects.get(locale__language_code="en", slug=spec.slug.en)
        for code in TRANSLATIONS:
            translated = english.get_translation(code_locale(code))
            assert (translated.name, translated.slug) == (spec.name[code], spec.slug[code])
            assert Translation.objects.filter(
                source__object_id=english.translation_key, target_locale__language_code=code
            ).exists()
    for spec in CONTACTS:
        english = MediaContact.objects.get(locale__language_code="en", email=spec.email)
        for code in TRANSLATIONS:
            translated = english.get_translation(code_locale(code))
            assert translated.role == spec.role[code]
            assert (translated.name, translated.email, translated.phone) == (
                spec.name,
                spec.email,
                spec.phone,
            )


def test_the_french_press_release_carries_the_french_topics_and_contacts(demo):
    english = english_page(EU_MEETING)
    french = english.get_translation(code_locale("fr")).specific
    french_topics = [row.topic for row in french.topics.all()]
    english_topics = [row.topic for row in english.topics.all()]
    assert len(english_topics) == 5
    assert [topic.translation_key for topic in french_topics] == [t.translation_key for t in english_topics]
    assert {topic.locale.language_code for topic in french_topics} == {"fr"}
    assert "Changement climatique" in [topic.name for topic in french_topics]
    assert {row.contact.locale.language_code for row in french.media_contacts.all()} == {"fr"}


def test_articles_keep_the_demo_order_of_topics_contacts_and_related_articles_in_every_language(demo):
    topic_slugs = {spec.key: spec.slug for spec in TOPICS}
    contact_emails = {spec.key: spec.email for spec in CONTACTS}
    related_keys = {spec.key: english_page(spec).translation_key for spec in PAGES}
    for spec in (spec for spec in PAGES if spec.model is NewsArticlePage):
        english = english_page(spec)
        for code in ("en", *TRANSLATIONS):
            page = english if code == "en" else english.get_translation(code_locale(code)).specific
            topics, contacts, related = (
                list(rows.all()) for rows in (page.topics, page.media_contacts, page.related_articles)
            )
            assert [row.topic.slug for row in topics] == [topic_slugs[key][code] for key in spec.topics]
            assert [row.contact.email for row in contacts] == [contact_emails[key] for key in spec.contacts]
            assert [row.article.translation_key for row in related] == [
                related_keys[key] for key in spec.related
            ]
            # Rows are ordered by sort_order alone; unnumbered rows come back in any order on PostgreSQL.
            for rows in (topics, contacts, related):
                assert [row.sort_order for row in rows] == list(range(len(rows)))


def test_the_model_press_release_fills_every_field(demo):
    article = english_page(EU_MEETING)
    assert article.article_type == NewsArticlePage.ArticleType.PRESS_RELEASE
    assert article.dateline and article.lead and article.lead_image and article.lead_image_alt
    assert article.editors_note.count("<li>") >= 4
    assert article.related_articles.count() >= 1
    assert article.media_contacts.count() >= 1
    assert {"heading", "paragraph", "quote", "image"} <= {block.block_type for block in article.body}
    # The rich text links to another demo page, and the French version keeps the link.
    french = article.get_translation(code_locale("fr")).specific
    for page in (article, french):
        links = [
            b.value.source
            for b in page.body
            if b.block_type == "paragraph" and 'linktype="page"' in b.value.source
        ]
        assert links


def test_news_has_articles_on_several_dates_and_topics_in_every_language(demo):
    for code in ("en", *TRANSLATIONS):
        articles = NewsArticlePage.objects.live().filter(locale__language_code=code)
        assert articles.count() >= 5
        assert articles.values("publication_date").distinct().count() >= 5
        assert NewsArticleTopic.objects.filter(page__in=articles).values("topic").distinct().count() >= 6


def test_the_command_reports_what_it_created_and_sums_it_up(demo):
    assert "created   page: Who we are" in demo.first_output
    assert "created   page (fr): Who we are" in demo.first_output
    assert demo.first_output.strip().splitlines()[-1].startswith("Demo content:")
    assert demo.after_first["pages"] > demo.before["pages"]


def test_a_second_run_changes_nothing(demo):
    assert demo.after_second == demo.after_first
    summary = demo.second_output.strip().splitlines()[-1]
    assert " 0 created, 0 updated," in summary
    assert "created " not in demo.second_output and "updated " not in demo.second_output


def test_a_rerun_restores_an_edited_english_page_in_place(demo):
    article = english_page(EU_MEETING)
    article.lead = "Edited by hand."
    article.save_revision().publish()
    pages_before = Page.objects.count()

    output = load_demo_content()

    article.refresh_from_db()
    assert article.lead == EU_MEETING.fields["lead"].en
    assert f"updated   page: {EU_MEETING.title.en}" in output
    # Every language follows the restored English page, not only the first one synced.
    for code in TRANSLATIONS:
        assert f"updated   page ({code}): {EU_MEETING.title.en}" in output
    assert Page.objects.count() == pages_before


def image_texts_served(page_id):
    """``[(alt, caption, credit)]`` of the page's lead image and image blocks, as the API serves them."""
    page = APIClient().get(f"/api/v2/pages/{page_id}/").json()
    texts = [(page["lead_image"]["alt"], None, None)] if page.get("lead_image") else []
    for block in page.get("body", []):
        if block["type"] == "image":
            value = block["value"]
            texts.append((value["image"]["alt"], value["caption"], value["credit"]))
    return texts


def image_texts_written(spec, code):
    """The same texts as the content files give them in ``code``."""
    texts = [(spec.fields["lead_image_alt"][code], None, None)] if "lead_image_alt" in spec.fields else []
    for block in spec.fields.get("body", []):
        if block["type"] == "image":
            value = block["value"]
            texts.append(tuple(value[name][code] for name in ("alt_text", "caption", "credit")))
    return texts


def test_the_french_and_dutch_api_serve_image_alt_text_captions_and_credits_in_their_language(demo):
    checked = 0
    for spec in PAGES:
        english_texts = image_texts_written(spec, "en")
        for code in TRANSLATIONS:
            translated = english_page(spec).get_translation(code_locale(code))
            served = image_texts_served(translated.pk)
            assert served == image_texts_written(spec, code), f"{spec.key} ({code})"
            for texts, english in zip(served, english_texts, strict=True):
                for text, english_text in zip(texts, english, strict=True):
                    assert text is None or text != english_text, f"{spec.key} ({code}): {text!r} is English"
                    checked += text is not None
    assert checked >= 30


def test_every_language_menu_has_news_and_the_readmes_call_gives_the_latest_articles(demo):
    news = CONTENT.page("news")
    api = APIClient()
    for code in ("en", *TRANSLATIONS):
        menu = api.get("/api/v2/navigation/", {"locale": code}).json()["items"]
        assert [item["title"] for item in menu if item["type"] == "news.NewsIndexPage"] == [news.title[code]]
        # The home page has no news field; the README names this call for the latest news.
        latest = api.get(
            "/api/v2/pages/",
            {"type": "news.NewsArticlePage", "locale": code, "limit": 3, "fields": "publication_date"},
        )
        dates = [item["publication_date"] for item in latest.json()["items"]]
        newest = NewsArticlePage.objects.live().filter(locale__language_code=code)
        assert dates == [
            str(day)
            for day in newest.order_by("-publication_date").values_list("publication_date", flat=True)[:3]
        ]


def test_the_demo_pictures_have_no_words_drawn_on_them(monkeypatch):
    # Words drawn into a picture cannot be translated: the pictures are shapes and colours only.
    drawn = []

    def text(self, xy, text, *args, **kwargs):
        drawn.append(text)

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", text)
    for spec in IMAGES:
        draw_picture(spec)
    assert drawn == []


def test_a_rerun_redraws_a_picture_an_earlier_version_drew(demo):
    spec = IMAGES[0]
    image = get_image_model().objects.get(title=spec.title)
    # What the previous version stored: its own drawing under the name it used then.
    image.file = ImageFile(io.BytesIO(draw_picture(IMAGES[1])), name=f"demo-{spec.key}.png")
    image.save()
    image.get_rendition("width-400")

    output = load_demo_content()

    image = get_image_model().objects.get(pk=image.pk)
    assert f"updated   image: {spec.title}" in output
    with image.file.open("rb") as file:
        assert file.read() == draw_picture(spec)
    assert not image.renditions.exists()


def test_the_demo_ships_a_glossary_its_translations_respect(demo):
    from translation import glossary
    from translation.models import GlossaryTerm

    terms = {term.term: term for term in GlossaryTerm.objects.prefetch_related("translations__locale")}
    assert {"country office", "European External Action Service"} <= set(terms)
    assert {row.locale.language_code for row in terms["country office"].translations.all()} == {"fr", "nl"}
    assert "created   glossary term: country office" in demo.first_output
    violations = glossary.violations([code_locale(code) for code in TRANSLATIONS])
    assert violations == [], [(v.locale, v.title, v.message, v.translated) for v in violations]
