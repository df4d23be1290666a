"""Topics and media contacts as objects, with the key that links their translations."""

from types import SimpleNamespace

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
    """Inline rows that each choose a snippet (an article's topics), as a list of snippet objects.

    The chosen snippets of every page of a response are read in one query of plain values
    (``ChosenSnippets``): building a row and a snippet instance for each was a third of a
    news listing's time. A page whose rows are in memory (a preview, made from a revision)
    shows those rows instead.
    """

    def __init__(self, snippet_attr: str, represent, schema: dict):
        super().__init__(schema={"type": "array", "items": schema})
        self.snippet_attr = snippet_attr
        self.represent_snippet = represent

    def chosen(self, obj, refs) -> "ChosenSnippets":
        rows = type(obj)._meta.get_field(self.name).related_model
        return refs.batch(("chosen_snippets", rows), lambda: ChosenSnippets(rows, self.snippet_attr))

    def collect(self, obj, refs):
        if not getattr(obj, self.name).is_deferring:
            self.chosen(obj, refs).want(obj.pk)

    def represent(self, obj, refs):
        rows = getattr(obj, self.name)
        if rows.is_deferring:
            snippets = [getattr(row, self.snippet_attr) for row in rows.all()]
        else:
            snippets = self.chosen(obj, refs).of(obj.pk)
        return [self.represent_snippet(snippet, refs) for snippet in snippets]


class ChosenSnippets:
    """The snippets chosen by the rows of a set of pages, as plain values, in one query."""

    def __init__(self, row_model, snippet_attr: str):
        self.row_model = row_model
        snippet_model = row_model._meta.get_field(snippet_attr).related_model
        self.names = [field.attname for field in snippet_model._meta.concrete_fields]
        self.pk_name = snippet_model._meta.pk.attname
        self.columns = [f"{snippet_attr}__{name}" for name in self.names]
        self.page_ids = set()
        self.by_page = None

    def want(self, page_id):
        self.page_ids.add(page_id)
        self.by_page = None

    def of(self, page_id) -> list[SimpleNamespace]:
        if self.by_page is None:
            self.by_page = {}
            rows = self.row_model.objects.filter(page_id__in=self.page_ids).order_by("sort_order", "pk")
            for page_id_of_row, *values in rows.values_list("page_id", *self.columns):
                snippet = SimpleNamespace(**dict(zip(self.names, values, strict=True)))
                snippet.pk = getattr(snippet, self.pk_name)
                self.by_page.setdefault(page_id_of_row, []).append(snippet)
        return self.by_page.get(page_id, [])


class TopicsField(ChosenSnippetsField):
    """``[{"id", "key", "locale", "name", "slug"}]``."""

    def __init__(self):
        super().__init__("topic", represent_topic, TOPIC_SCHEMA)


class MediaContactsField(ChosenSnippetsField):
    """``[{"id", "key", "locale", "name", "role", "office", "phone", "email"}]``."""

    def __init__(self):
        super().__init__("contact", represent_contact, CONTACT_SCHEMA)
