"""A page's versions in every language, and which language its content is really in."""

from cms.api.references import page_type_label
from cms.api.serializers.base import ContentField


class TranslationsField(ContentField):
    """``[{"locale", "content_locale", "id", "title", "path", "url", "is_fallback"}, ...]``.

    Every visible version (translation or alias) in every locale, in locale order, the
    page itself included: enough for a language switcher. ``content_locale`` is the
    language the version's text is in; an untranslated alias (``is_fallback: true``)
    shows another language's text, so ``hreflang`` links are built from the entries
    whose ``is_fallback`` is false.
    """

    schema = {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["locale", "content_locale", "id", "title", "path", "url", "is_fallback"],
            "additionalProperties": False,
            "properties": {
                "locale": {"type": "string"},
                "content_locale": {"type": "string"},
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "path": {"type": "string"},
                "url": {"type": "string"},
                "is_fallback": {"type": "boolean"},
            },
        },
    }

    def collect(self, obj, refs):
        refs.want_translations(obj)

    def represent(self, obj, refs):
        keys = ("locale", "content_locale", "id", "title", "path", "url", "is_fallback")
        return [
            {key: summary[key] for key in keys}
            for summary in (refs.summary(ref) for ref in refs.translations_of(obj))
        ]


def content_locale_id(page, refs) -> int:
    # An alias (wagtail-localize's untranslated copy) shows its source's content.
    if page.alias_of_id:
        return refs.locale_of_page_id.get(page.alias_of_id, page.locale_id)
    return page.locale_id


class ContentLocaleField(ContentField):
    """``"en"`` for a French alias of an English page: set ``lang`` from this, not ``locale``."""

    def collect(self, obj, refs):
        refs.want_page(obj.alias_of_id)

    def represent(self, obj, refs):
        return refs.language_code(content_locale_id(obj, refs))


class FallbackField(ContentField):
    """``true`` when the page is shown in another language than its locale's (an untranslated alias)."""

    schema = {"type": "boolean"}

    def collect(self, obj, refs):
        refs.want_page(obj.alias_of_id)

    def represent(self, obj, refs):
        return content_locale_id(obj, refs) != obj.locale_id


class LocaleField(ContentField):
    """The page's locale code: ``"fr"``."""

    def represent(self, obj, refs):
        return refs.language_code(obj.locale_id)


class TypeField(ContentField):
    """``"news.NewsArticlePage"``."""

    def represent(self, obj, refs):
        # From the content type, so a plain Page read for the common fields names its own type.
        return page_type_label(obj.content_type_id)
