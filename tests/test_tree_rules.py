"""Where each page type may be created: the page tree an editor can build.

Each language has one home page at the root of the tree; sections nest under a home
or another section; each home has one news index, and articles live only there.
"""

from django.core.exceptions import ValidationError
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, SectionPage
from news.models import NewsArticlePage, NewsIndexPage
from tests.factories import NewsIndexPageFactory, SectionPageFactory
from translation.localization import translate_object

PAGE_TYPES = [HomePage, SectionPage, NewsIndexPage, NewsArticlePage]


def prefix_french(text):
    return f"FR {text}"


class AllowedPageTypesTests(WagtailPageTestCase):
    """The parent and child types of every page type, as the "Add child page" menu offers them."""

    def test_home_page_sits_only_at_the_root_and_holds_sections_and_news(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {SectionPage, NewsIndexPage})

    def test_section_page_nests_under_a_home_or_another_section(self):
        self.assertAllowedParentPageTypes(SectionPage, {HomePage, SectionPage})
        self.assertAllowedSubpageTypes(SectionPage, {SectionPage})

    def test_news_index_sits_under_a_home_and_holds_only_articles(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage})

    def test_news_article_lives_only_in_a_news_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsArticlePage, set())

    def test_only_a_home_page_can_be_created_at_the_root(self):
        for page_type in PAGE_TYPES:
            with self.subTest(page_type=page_type.__name__):
                if page_type is HomePage:
                    self.assertCanCreateAt(Page, page_type)
                else:
                    self.assertCanNotCreateAt(Page, page_type)

    def test_no_page_type_can_hold_a_home_page(self):
        for parent_type in PAGE_TYPES:
            with self.subTest(parent_type=parent_type.__name__):
                self.assertCanNotCreateAt(parent_type, HomePage)

    def test_articles_cannot_be_created_outside_a_news_index(self):
        for parent_type in [Page, HomePage, SectionPage, NewsArticlePage]:
            with self.subTest(parent_type=parent_type.__name__):
                self.assertCanNotCreateAt(parent_type, NewsArticlePage)


class OneHomePagePerLanguageTests(WagtailPageTestCase):
    """HomePage.clean keeps a single home page per locale; translations make the others."""

    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.english_home = HomePage.objects.get(locale__language_code="en")
        cls.french = Locale.objects.get(language_code="fr")

    def test_a_second_english_home_page_is_refused(self):
        second_home = HomePage(title="Another home", slug="another-home", locale=self.english_home.locale)
        with self.assertRaisesMessage(ValidationError, "This language already has a home page."):
            self.root.add_child(instance=second_home)
        self.assertEqual(HomePage.objects.filter(locale=self.english_home.locale).count(), 1)

    def test_the_existing_home_page_can_still_be_saved(self):
        self.english_home.intro = "The office for Belgium and Luxembourg."
        self.english_home.save_revision().publish()
        self.english_home.refresh_from_db()
        self.assertEqual(self.english_home.intro, "The office for Belgium and Luxembourg.")

    def test_a_french_home_page_made_by_translation_is_allowed(self):
        french_home = translate_object(self.english_home, self.french, prefix_french)

        self.assertIsInstance(french_home, HomePage)
        self.assertEqual(french_home.locale, self.french)
        self.assertEqual(french_home.get_parent().pk, self.root.pk)
        self.assertEqual(french_home.translation_key, self.english_home.translation_key)

    def test_a_second_french_home_page_is_refused(self):
        translate_object(self.english_home, self.french, prefix_french)
        second_home = HomePage(title="Accueil bis", slug="accueil-bis", locale=self.french)
        with self.assertRaisesMessage(ValidationError, "This language already has a home page."):
            self.root.add_child(instance=second_home)


class OneNewsIndexPerHomeTests(WagtailPageTestCase):
    """Each home page holds at most one news index; sections are not limited."""

    @classmethod
    def setUpTestData(cls):
        cls.english_home = HomePage.objects.get(locale__language_code="en")
        cls.french = Locale.objects.get(language_code="fr")

    def test_a_home_without_news_can_get_a_news_index(self):
        self.assertTrue(NewsIndexPage.can_create_at(self.english_home))

    def test_a_second_news_index_under_the_same_home_is_not_offered(self):
        NewsIndexPageFactory(parent=self.english_home)
        self.assertFalse(NewsIndexPage.can_create_at(self.english_home))

    def test_the_french_home_gets_its_own_news_index(self):
        english_news = NewsIndexPageFactory(parent=self.english_home)
        french_home = translate_object(self.english_home, self.french, prefix_french)
        self.assertTrue(NewsIndexPage.can_create_at(french_home))

        french_news = translate_object(english_news, self.french, prefix_french)
        self.assertEqual(french_news.get_parent().pk, french_home.pk)
        french_home.refresh_from_db()  # the tree counts children through numchild
        self.assertFalse(NewsIndexPage.can_create_at(french_home))

    def test_sections_are_not_limited_in_number(self):
        SectionPageFactory(parent=self.english_home)
        self.assertTrue(SectionPage.can_create_at(self.english_home))
