"""Topics and media contacts as snippets in the admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from news.models import MediaContact, Topic
from news.moderation import translated_workflow_label


def language_column():
    """Topics and contacts exist once per language: each row says which (the filter is Wagtail's)."""
    return LocaleColumn(label=_("Language"))


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", language_column()]
    search_fields = ["name"]


class MediaContactViewSet(SnippetViewSet):
    model = MediaContact
    icon = "user"
    list_display = ["name", "role", "office", "phone", "email", language_column()]
    search_fields = ["name"]


class NewsSnippetsGroup(SnippetViewSetGroup):
    menu_label = _("News")
    menu_icon = "doc-full-inverse"
    menu_order = 300
    items = (TopicViewSet, MediaContactViewSet)


register_snippet(NewsSnippetsGroup)


@hooks.register("construct_page_action_menu")
def translate_workflow_names(menu_items, request, context):
    """Wagtail labels the submit action "Submit to <workflow name>" with the name as stored (English)."""
    for item in menu_items:
        if item.name == "action-submit":
            item.get_context_data = translated_label(item.get_context_data)


def translated_label(get_context_data):
    def wrapped(parent_context):
        context = get_context_data(parent_context)
        if "label" in context:
            context["label"] = translated_workflow_label(context["label"])
        return context

    return wrapped
