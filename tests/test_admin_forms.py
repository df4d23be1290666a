"""The editor's create and edit forms for every page type and snippet.

Each form renders for a superuser and saves what an editor submits; the news
article form is exercised with body blocks and inline topic and contact rows.
"""

import pytest
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.blocks import RICH_TEXT_FEATURES, CallToActionBlock
from home.models import HomePage, SectionPage
from news.models import MediaContact, NewsArticlePage, NewsIndexPage, Topic
from tests.factories import (
    MediaContactFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    SectionPageFactory,
    TopicFactory,
)
from translation.localization import translate_object

# Formsets every page form carries besides its own inline panels.
PAGE_FORMSETS = {"comments": inline_formset([])}


def add_page_url(page_type, parent, **query):
    url = reverse(
        "wagtailadmin_pages:add", args=[page_type._meta.app_label, page_type._meta.model_name, parent.pk]
    )
    return f"{url}?locale={query['locale']}" if "locale" in query else url


def edit_page_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def snippet_url(model, action, *args):
    return reverse(model.snippet_viewset.get_url_name(action), args=args)


def publish(fields):
    """POST data for the page form's "Publish" button."""
    return nested_form_data(PAGE_FORMSETS | fields) | {"action-publish": "action-publish"}


def form_errors(response):
    form = response.context["form"]
    return {name: [str(error) for error in errors] for name, errors in form.errors.items()}


@pytest.fixture
def root(db):
    return Page.get_first_root_node()


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def section(home_page):
    return SectionPageFactory(parent=home_page, title="Who we are", slug="who-we-are")


@pytest.fixture
def article(news_index):
    return NewsArticlePageFactory(parent=news_index, title="Spotlight on migration")


def home_fields(**overrides):
    return {
        "title": "Home",
        "slug": "home",
        "intro": "",
        "key_figures": streamfield(
            [("key_figure", {"figure": "175", "label": "member states", "description": ""})]
        ),
        "featured_sections": streamfield([]),
    } | overrides


def section_fields(**overrides):
    return {
        "title": "Our work",
        "slug": "our-work",
        "show_in_menus": "on",
        "intro": "How the office supports the 2030 Agenda.",
        "body": streamfield(
            [
                ("heading", {"text": "Areas of intervention", "level": "h2"}),
                (
                    "paragraph",
                    rich_text("<p>Humanitarian and development work.</p>", features=RICH_TEXT_FEATURES),
                ),
            ]
        ),
    } | overrides


def article_fields(*, topics=(), contacts=(), body=(), **overrides):
    return {
        "title": "Migration under the spotlight",
        "slug": "migration-under-the-spotlight",
        "publication_date": "2021-10-05",
        "article_type": NewsArticlePage.ArticleType.PRESS_RELEASE,
        "dateline": "Brussels",
        "lead": "Senior officials met to discuss pressing migration issues.",
        "lead_image": "",
        "lead_image_alt": "",
        "body": streamfield(list(body)),
        "editors_note": rich_text("<p>The framework was set up in 2012.</p>", features=["bold", "italic"]),
        "topics": inline_formset([{"topic": topic.pk, "id": ""} for topic in topics]),
        "media_contacts": inline_formset([{"contact": contact.pk, "id": ""} for contact in contacts]),
        "related_articles": inline_formset([]),
    } | overrides


CALL_TO_ACTION_MESSAGE = "Choose either a page or an external URL, not both."


def call_to_action(label="Read more", page="", url=""):
    return ("call_to_action", {"label": label, "page": page, "url": url})


# --- Rendering ----------------------------------------------------------------------------------------------


def assert_create_form_renders(client, page_type, url):
    response = client.get(url)
    assert response.status_code == 200, page_type
    assert isinstance(response.context["page"], page_type)


@pytest.mark.django_db
def test_page_create_forms_render(admin_client, root, home_page):
    # A new language's home page is the one made at the root; the home has no news yet.
    assert_create_form_renders(admin_client, HomePage, add_page_url(HomePage, root, locale="nl"))
    assert_create_form_renders(admin_client, SectionPage, add_page_url(SectionPage, home_page))
    assert_create_form_renders(admin_client, NewsIndexPage, add_page_url(NewsIndexPage, home_page))
    news_index = NewsIndexPageFactory(parent=home_page)
    assert_create_form_renders(admin_client, NewsArticlePage, add_page_url(NewsArticlePage, news_index))


@pytest.mark.parametrize("fixture", ["home_page", "section", "news_index", "article"])
@pytest.mark.django_db
def test_page_edit_forms_render(admin_client, request, fixture):
    page = request.getfixturevalue(fixture)

    response = admin_client.get(edit_page_url(page))

    assert response.status_code == 200
    assert response.context["page"].pk == page.pk


@pytest.mark.parametrize("model", [Topic, MediaContact], ids=lambda model: model.__name__)
@pytest.mark.django_db
def test_snippet_create_and_edit_forms_render(admin_client, model):
    factory = {Topic: TopicFactory, MediaContact: MediaContactFactory}[model]
    snippet = factory()

    assert admin_client.get(snippet_url(model, "add")).status_code == 200
    assert admin_client.get(snippet_url(model, "edit", snippet.pk)).status_code == 200


@pytest.mark.django_db
def test_a_new_section_is_in_the_menus_unless_the_editor_says_otherwise(admin_client, home_page):
    response = admin_client.get(add_page_url(SectionPage, home_page))

    assert response.context["form"]["show_in_menus"].value() is True


# --- Pages: create and edit --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_home_page_for_a_language_without_one_can_be_created_at_the_root(admin_client, root, locales):
    data = publish(home_fields(title="Thuis", slug="thuis", intro="Het kantoor voor België en Luxemburg."))

    response = admin_client.post(add_page_url(HomePage, root, locale="nl"), data)

    assert response.status_code == 302
    dutch_home = HomePage.objects.get(locale=locales["nl"])
    assert (dutch_home.title, dutch_home.live) == ("Thuis", True)


@pytest.mark.django_db
def test_a_second_english_home_page_is_refused_with_a_message(admin_client, root, home_page):
    data = publish(home_fields(title="Another home", slug="another-home"))

    response = admin_client.post(add_page_url(HomePage, root, locale="en"), data)

    assert response.status_code == 200
    assert "This language already has a home page." in str(form_errors(response))
    assert HomePage.objects.filter(locale=home_page.locale).count() == 1


@pytest.mark.django_db
def test_a_section_page_is_created_with_its_body(admin_client, home_page):
    response = admin_client.post(add_page_url(SectionPage, home_page), publish(section_fields()))

    assert response.status_code == 302
    section = SectionPage.objects.get(slug="our-work", locale=home_page.locale)
    assert section.live and section.show_in_menus
    assert section.get_parent().pk == home_page.pk
    assert [block.block_type for block in section.body] == ["heading", "paragraph"]
    assert section.body[0].value["text"] == "Areas of intervention"


@pytest.mark.django_db
def test_a_news_index_page_is_created_under_the_home_page(admin_client, home_page):
    data = publish({"title": "News", "slug": "news", "intro": "Press releases and news."})

    response = admin_client.post(add_page_url(NewsIndexPage, home_page), data)

    assert response.status_code == 302
    assert NewsIndexPage.objects.get(slug="news", locale=home_page.locale).get_parent().pk == home_page.pk


@pytest.mark.django_db
def test_a_news_article_is_created_with_body_blocks_topics_and_contacts(admin_client, news_index, section):
    topics = [TopicFactory(name="Climate change"), TopicFactory(name="Africa")]
    contact = MediaContactFactory()
    body = [
        ("heading", {"text": "What was discussed", "level": "h2"}),
        (
            "paragraph",
            rich_text("<p>The humanitarian crisis in Afghanistan.</p>", features=RICH_TEXT_FEATURES),
        ),
        (
            "quote",
            {"quote": "Cooperation matters more than ever.", "attribution": "Director General", "role": ""},
        ),
        call_to_action(label="Our work", page=section.pk),
    ]
    data = publish(article_fields(topics=topics, contacts=[contact], body=body))

    response = admin_client.post(add_page_url(NewsArticlePage, news_index), data)

    assert response.status_code == 302, form_errors(response)
    article = NewsArticlePage.objects.get(slug="migration-under-the-spotlight", locale=news_index.locale)
    assert article.live
    assert article.dateline == "Brussels"
    assert [block.block_type for block in article.body] == ["heading", "paragraph", "quote", "call_to_action"]
    assert article.body[3].value["page"].specific == section
    assert [row.topic for row in article.topics.all()] == topics
    assert [row.contact for row in article.media_contacts.all()] == [contact]
    assert {row.locale for row in article.topics.all()} == {article.locale}


@pytest.mark.django_db
def test_topic_rows_of_a_french_article_are_french(admin_client, home_page, news_index, locales):
    french = locales["fr"]
    translate_object(home_page, french, lambda text: f"FR {text}")
    french_index = translate_object(news_index, french, lambda text: f"FR {text}")
    french_topic = TopicFactory(name="Afrique", slug="afrique", locale=french)

    data = publish(article_fields(topics=[french_topic]))
    response = admin_client.post(add_page_url(NewsArticlePage, french_index), data)

    assert response.status_code == 302, form_errors(response)
    article = NewsArticlePage.objects.get(locale=french)
    assert [(row.topic, row.locale) for row in article.topics.all()] == [(french_topic, french)]


@pytest.mark.parametrize(
    ("page", "url"),
    [(True, "https://example.org/report"), (False, "")],
    ids=["page-and-url", "neither"],
)
@pytest.mark.django_db
def test_a_call_to_action_needs_exactly_one_target(admin_client, news_index, section, page, url):
    body = [call_to_action(page=section.pk if page else "", url=url)]

    response = admin_client.post(
        add_page_url(NewsArticlePage, news_index), publish(article_fields(body=body))
    )

    assert response.status_code == 200
    body_error = response.context["form"].errors["body"].as_data()[0].as_json_data()
    call_to_action_errors = body_error["blockErrors"][0]["blockErrors"]
    assert set(call_to_action_errors) == {"page", "url"}
    assert call_to_action_errors["url"]["messages"] == [CALL_TO_ACTION_MESSAGE]
    assert not NewsArticlePage.objects.exists()


@pytest.mark.parametrize(
    ("page", "url", "is_valid"),
    [
        (True, "", True),
        (False, "https://example.org/report", True),
        (True, "https://example.org/report", False),
        (False, "", False),
    ],
    ids=["page", "url", "page-and-url", "neither"],
)
@pytest.mark.django_db
def test_call_to_action_block_accepts_a_page_or_a_url(section, page, url, is_valid):
    block = CallToActionBlock()
    value = block.to_python({"label": "Read more", "page": section.pk if page else None, "url": url})

    if is_valid:
        assert block.clean(value)["label"] == "Read more"
    else:
        with pytest.raises(StructBlockValidationError) as raised:
            block.clean(value)
        assert set(raised.value.block_errors) == {"page", "url"}


@pytest.mark.parametrize(
    ("page_type", "fixture", "fields", "changed"),
    [
        (HomePage, "home_page", home_fields, {"intro": "The office in one sentence."}),
        (SectionPage, "section", section_fields, {"intro": "Who we are, in short."}),
        (NewsIndexPage, "news_index", lambda: {"title": "News", "slug": "news"}, {"intro": "Latest news."}),
        (NewsArticlePage, "article", article_fields, {"lead": "A new lead."}),
    ],
    ids=["HomePage", "SectionPage", "NewsIndexPage", "NewsArticlePage"],
)
@pytest.mark.django_db
def test_an_edited_page_is_saved(admin_client, request, page_type, fixture, fields, changed):
    page = request.getfixturevalue(fixture)
    data = publish(fields() | {"slug": page.slug} | changed)

    response = admin_client.post(edit_page_url(page), data)

    assert response.status_code == 302, form_errors(response)
    saved = page_type.objects.get(pk=page.pk)
    for name, value in changed.items():
        assert getattr(saved, name) == value


# --- Snippets: create and edit -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_topic_is_created_in_english_by_default(admin_client, locales):
    response = admin_client.post(
        snippet_url(Topic, "add"), {"name": "Climate change", "slug": "climate-change"}
    )

    assert response.status_code == 302
    assert Topic.objects.get(slug="climate-change").locale == locales["en"]


@pytest.mark.django_db
def test_a_topic_created_in_the_french_locale_is_french(admin_client, locales):
    url = f"{snippet_url(Topic, 'add')}?locale=fr"

    response = admin_client.post(url, {"name": "Changement climatique", "slug": "changement-climatique"})

    assert response.status_code == 302
    assert Topic.objects.get(slug="changement-climatique").locale == locales["fr"]


@pytest.mark.django_db
def test_a_topic_slug_already_used_in_the_same_language_is_refused_with_a_message(admin_client, locales):
    TopicFactory(name="Africa", slug="africa")

    response = admin_client.post(snippet_url(Topic, "add"), {"name": "Africa (2)", "slug": "africa"})

    assert response.status_code == 200
    assert form_errors(response) == {"slug": ["Another topic in this language already uses this slug."]}
    assert Topic.objects.filter(slug="africa").count() == 1


@pytest.mark.django_db
def test_a_topic_slug_may_repeat_in_another_language(admin_client, locales):
    TopicFactory(name="Africa", slug="africa")

    response = admin_client.post(
        f"{snippet_url(Topic, 'add')}?locale=fr", {"name": "Afrique", "slug": "africa"}
    )

    assert response.status_code == 302
    assert Topic.objects.get(slug="africa", locale=locales["fr"]).name == "Afrique"


@pytest.mark.django_db
def test_a_topic_keeps_its_own_slug_when_edited(admin_client):
    topic = TopicFactory(name="Africa", slug="africa")

    response = admin_client.post(
        snippet_url(Topic, "edit", topic.pk), {"name": "Africa and the EU", "slug": "africa"}
    )

    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.name == "Africa and the EU"


@pytest.mark.django_db
def test_a_media_contact_is_created(admin_client):
    data = {
        "name": "Alex Example",
        "role": "Press officer",
        "office": "Brussels",
        "phone": "+32 2 000 00 00",
        "email": "press@example.org",
    }

    response = admin_client.post(snippet_url(MediaContact, "add"), data)

    assert response.status_code == 302
    contact = MediaContact.objects.get(name="Alex Example")
    assert (contact.phone, contact.email) == ("+32 2 000 00 00", "press@example.org")


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (Topic, {"name": "Climate", "slug": "climate"}),
        (
            MediaContact,
            {"name": "Sam Example", "role": "Spokesperson", "office": "Luxembourg", "phone": "", "email": ""},
        ),
    ],
    ids=["Topic", "MediaContact"],
)
@pytest.mark.django_db
def test_an_edited_snippet_is_saved(admin_client, model, data):
    snippet = {Topic: TopicFactory, MediaContact: MediaContactFactory}[model]()

    response = admin_client.post(snippet_url(model, "edit", snippet.pk), data)

    assert response.status_code == 302
    snippet.refresh_from_db()
    for name, value in data.items():
        assert getattr(snippet, name) == value
