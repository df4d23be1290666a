"""The demo's content files: every text in three languages, and mistakes named by file and key."""

import shutil
import tomllib

import pytest
from django.core.management import CommandError, call_command

from demo import loader
from demo.loader import CONTENT_DIR, ContentError, load_content

LANGUAGES = {"en", "fr", "nl"}


def texts_in(value, where):
    """Every table holding a language key, with its place in the file: ``(table, where)``."""
    if isinstance(value, dict):
        if set(value) & LANGUAGES:
            yield value, where
        else:
            for key, item in value.items():
                yield from texts_in(item, f"{where}.{key}")
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            yield from texts_in(item, f"{where}[{number}]")


def content_files():
    return sorted(CONTENT_DIR.rglob("*.toml"))


def test_every_text_in_every_content_file_is_in_english_french_and_dutch():
    # Read with tomllib alone, not the loader, so this holds whatever the loader checks.
    files = content_files()
    assert {path.name for path in files} >= {"topics.toml", "media-contacts.toml", "home.toml"}
    assert len(list((CONTENT_DIR / "pages").glob("*.toml"))) == 15
    for path in files:
        with path.open("rb") as file:
            texts = list(texts_in(tomllib.load(file), path.name))
        assert texts, f"{path.name} holds no text"
        for table, where in texts:
            assert set(table) == LANGUAGES, f"{where}: {sorted(table)}"
            for language in LANGUAGES:
                assert isinstance(table[language], str) and table[language].strip(), f"{where}.{language}"


def test_the_loader_reads_every_page_file_parents_first():
    content = load_content()
    keys = [spec.key for spec in content.pages]
    assert sorted(keys) == sorted(path.stem for path in (CONTENT_DIR / "pages").glob("*.toml"))
    assert keys[0] == "home" and content.pages[0].parent is None
    for position, spec in enumerate(content.pages[1:], start=1):
        assert spec.parent in keys[:position]
    # Sibling order is the order of the parent's children list.
    assert [spec.key for spec in content.pages if spec.parent == "home"] == ["who-we-are", "our-work", "news"]
    assert [spec.key for spec in content.topics][:2] == ["afghanistan", "africa"]


@pytest.fixture
def content(tmp_path):
    """A copy of the content files to break."""
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    return copy


def edit(path, old, new, count=1):
    text = path.read_text()
    assert text.count(old) == count, f"{old!r} appears {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new))


def error_for(directory):
    with pytest.raises(ContentError) as raised:
        load_content(directory)
    return str(raised.value)


def test_a_missing_language_is_named_with_its_file_and_key(content):
    edit(content / "pages" / "about.toml", 'nl = "Over ons"\n', "")
    assert error_for(content).endswith("pages/about.toml, title: missing the nl text")


def test_an_empty_translation_is_refused(content):
    edit(content / "topics.toml", 'fr = "Afrique"', 'fr = ""')
    assert error_for(content).endswith("topics.toml, africa, name, fr: empty")


def test_a_language_the_site_does_not_have_is_refused(content):
    edit(content / "media-contacts.toml", 'nl = "Woordvoerder"', 'nl = "Woordvoerder"\nde = "Sprecher"')
    assert "media-contacts.toml, spokesperson, role, de: unknown key" in error_for(content)


def test_a_link_to_an_unknown_page_is_refused(content):
    edit(content / "pages" / "who-we-are.toml", 'id="about"', 'id="abuot"', count=3)
    assert error_for(content).endswith(
        "pages/who-we-are.toml, body[2] (paragraph), text, en: no page with the key 'abuot'"
    )


def test_a_translation_linking_elsewhere_than_the_english_is_refused(content):
    edit(content / "pages" / "eu-meeting.toml", 'id="our-work">Ons werk', 'id="about">Ons werk')
    assert error_for(content).endswith(
        "pages/eu-meeting.toml, body[3] (paragraph), text, nl: links to other pages than the English does"
    )


def test_unknown_image_topic_contact_and_related_article_keys_are_refused(content):
    pages = content / "pages"
    edit(pages / "who-we-are.toml", 'image = "office"', 'image = "ofice"')
    assert error_for(content).endswith(
        "pages/who-we-are.toml, body[5] (image), image: no image with the key 'ofice'"
    )
    edit(pages / "who-we-are.toml", 'image = "ofice"', 'image = "office"')
    edit(pages / "skills-study.toml", 'topics = ["migration-data"', 'topics = ["migration"')
    assert error_for(content).endswith("pages/skills-study.toml, topics: no topic with the key 'migration'")
    edit(pages / "skills-study.toml", 'topics = ["migration"', 'topics = ["migration-data"')
    edit(pages / "skills-study.toml", 'contacts = ["spokesperson"]', 'contacts = ["press"]')
    assert error_for(content).endswith("pages/skills-study.toml, contacts: no contact with the key 'press'")
    edit(pages / "skills-study.toml", 'contacts = ["press"]', 'contacts = ["spokesperson"]')
    # Related articles must be articles, not any page.
    edit(pages / "eu-meeting.toml", 'related = ["return-review"', 'related = ["about"')
    assert error_for(content).endswith("pages/eu-meeting.toml, related: no article with the key 'about'")


def test_blocks_are_checked_by_type(content):
    page = content / "pages" / "take-action.toml"
    edit(page, 'url = "https://example.org/volunteer"\n', "")
    assert error_for(content).endswith(
        "pages/take-action.toml, body[4] (call_to_action): give either page (a page key) or url, not both "
        "or neither"
    )
    edit(page, 'type = "call_to_action"', 'type = "button"')
    assert "pages/take-action.toml, body[4], type: 'button' is not a block type here" in error_for(content)
    edit(page, 'type = "button"', 'type = "quote"')
    assert error_for(content).endswith(
        "pages/take-action.toml, body[4] (quote), label: unknown key; "
        "expected one of attribution, quote, role, type"
    )


def test_rich_text_must_keep_the_english_paragraphs(content):
    edit(
        content / "pages" / "who-we-are.toml",
        "als samenlevingen ten goede komt.</p><p>Haar",
        "als samenlevingen ten goede komt. Haar",
    )
    assert error_for(content).endswith(
        "pages/who-we-are.toml, body[2] (paragraph), text, nl: the nl rich text has 1 text blocks where the "
        "English has 2: keep the same paragraphs and list items"
    )


def test_one_english_text_translated_two_ways_names_both_places(content):
    edit(content / "pages" / "our-work.toml", 'fr = "Chef de bureau"', 'fr = "Cheffe de bureau"')
    message = error_for(content)
    assert "pages/our-work.toml, body[5] (quote), attribution, fr: 'Head of office' is translated" in message
    assert "pages/about.toml, body[5] (quote), attribution" in message


def test_a_line_break_left_in_a_long_text_is_refused(content):
    # The backslash that joins two lines of a long text, forgotten.
    edit(
        content / "pages" / "who-we-are.toml",
        "humane and orderly \\\nmigration",
        "humane and orderly\nmigration",
    )
    assert error_for(content).endswith(
        "pages/who-we-are.toml, intro, en: contains a line break or tab; "
        "to split a long text over lines, end each line with a backslash (\\) inside triple quotes"
    )


def test_every_page_but_home_must_be_listed_once_as_a_child(content):
    edit(content / "pages" / "news.toml", '"eu-meeting", ', "")
    assert 'exactly one page, of type "home", must be nobody\'s child; found eu-meeting, home' in error_for(
        content
    )
    edit(content / "pages" / "news.toml", "children = [", 'children = ["eu-meeting", ')
    edit(content / "pages" / "about.toml", 'type = "section"', 'type = "section"\nchildren = ["eu-meeting"]')
    assert error_for(content).endswith(
        "pages/news.toml, children: 'eu-meeting' is already a child of 'about'"
    )


def test_broken_toml_names_the_file(content):
    edit(content / "pages" / "news.toml", 'type = "news_index"', 'type = "news_index')
    assert "pages/news.toml: not valid TOML (" in error_for(content)


def test_the_command_stops_on_a_mistake_with_the_message_and_builds_nothing(content, monkeypatch):
    edit(content / "pages" / "about.toml", 'nl = "Over ons"\n', "")
    monkeypatch.setattr(loader, "CONTENT_DIR", content)
    with pytest.raises(CommandError, match="pages/about.toml, title: missing the nl text"):
        call_command("load_demo_content")
