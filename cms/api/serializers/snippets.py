"""Topics and media contacts as objects, with the key that links their translations."""

from django.db.models import Prefetch

from cms.api.serializers.base import ContentField

TOPIC_SCHEMA = {
    "type": "object",
    "required": ["id", "key", "locale", "name", "slug"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "integer"},
        "key": {"type": "string", "format": "uuid"},
        "locale": {"type": "string"},
        "name": {"type": "string"},
        "slug": {"type": "string"},
    },
}
CONTACT_SCHEMA = {
    "type": "object",
    "required": ["id", "key", "locale", "name", "role", "office", "phone", "email"],
    "additionalProperties": False,
    "properties": {
        name: {"type": "integer"} if name == "id" else {"type": "string"}
        for name in ["id", "key", "locale", "name", "role", "office", "phone", "email"]
    },
}


def identity(snippet, refs) -> dict:
    """What ties a translatable snippet to its versions: its id, shared key and locale."""
    return {
        "id": snippet.pk,
        "key": str(snippet.translation_key),
        "locale": refs.language_code(snippet.locale_id),
    }


def represent_topic(topic, refs) -> dict:
    """``{"id": 4, "key": "<uuid shared by its translations>", "locale": "fr", "name", "slug"}``."""
    return {
        **identity(topic, refs),
        "name": topic.name,
        "slug": topic.slug,
    }


def represent_contact(contact, refs) -> dict:
    """``{"id", "key", "locale", "name", "role", "office", "phone", "email"}``."""
    return {
        **identity(contact, refs),
        "name": contact.name,
        "role": contact.role,
        "office": contact.office,
        "phone": contact.phone,
        "email": contact.email,
    }


class ChosenSnippetsField(ContentField):
    """Inline rows that each choose a snippet (an article's topics), as a list of snippet objects."""

    def __init__(self, snippet_attr: str, represent, schema: dict):
        super().__init__(schema={"type": "array", "items": schema})
        self.snippet_attr = snippet_attr
        self.represent_snippet = represent

    def prefetches(self, model) -> list:
        # The rows with their snippets in one query (a lookup through the row would take two).
        rows = model._meta.get_field(self.name).related_model
        return [Prefetch(self.name, queryset=rows.objects.select_related(self.snippet_attr))]

    def represent(self, obj, refs):
        rows = getattr(obj, self.name).all()
        return [self.represent_snippet(getattr(row, self.snippet_attr), refs) for row in rows]


class TopicsField(ChosenSnippetsField):
    """``[{"id", "key", "locale", "name", "slug"}]``."""

    def __init__(self):
        super().__init__("topic", represent_topic, TOPIC_SCHEMA)


class MediaContactsField(ChosenSnippetsField):
    """``[{"id", "key", "locale", "name", "role", "office", "phone", "email"}]``."""

    def __init__(self):
        super().__init__("contact", represent_contact, CONTACT_SCHEMA)
