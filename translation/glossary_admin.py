"""The glossary in the admin: editors keep it, translators read it."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    menu_label = _("Glossary")
    menu_name = "glossary"
    add_to_admin_menu = True
    menu_order = 850
    list_display = ["term", "case_sensitive", "note"]
    search_fields = ["term", "note", "translations__translation"]
    ordering = ["term"]
