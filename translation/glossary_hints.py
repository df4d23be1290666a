"""Glossary terms shown to the translator beside each segment of the translation editor.

wagtail-localize renders its editor (a React component) from a JSON document in the
``data-props`` attribute of one element, and shows each segment's
``location.fieldHelpText`` next to it. This middleware adds, to that help text, the
glossary terms the segment's English contains and the translation they require. It
only reads and rewrites the rendered page: if wagtail-localize changes its markup the
editor is left as it was, and tests/translation/test_glossary.py fails to say so.
"""

import html
import json
import re

from django.utils.translation import gettext as _
from wagtail.models import Locale

from . import glossary

PROPS = re.compile(rb'(<div class="js-translation-editor" data-props=")([^"]*)(")')


def with_hints(props: dict) -> dict:
    locale = Locale.objects.filter(language_code=props.get("locale", {}).get("code")).first()
    entries = glossary.entries_for(locale) if locale else []
    if not entries:
        return props
    for segment in props.get("segments", []):
        if segment.get("type") != "string":
            continue
        terms = glossary.terms_in(segment.get("source", ""), entries)
        if not terms:
            continue
        location = segment.setdefault("location", {})
        hint = _("Glossary: %(terms)s") % {"terms": "; ".join(entry.describe() for entry in terms)}
        location["fieldHelpText"] = " ".join(filter(None, [location.get("fieldHelpText"), hint]))
    return props


class GlossaryHintsMiddleware:
    """Adds glossary hints to wagtail-localize's translation editor pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code != 200
            or getattr(response, "streaming", False)
            or not response.get("Content-Type", "").startswith("text/html")
            or b"js-translation-editor" not in response.content
        ):
            return response
        match = PROPS.search(response.content)
        if match is None:
            return response
        props = json.loads(html.unescape(match[2].decode()))
        rewritten = html.escape(json.dumps(with_hints(props))).encode()
        response.content = response.content[: match.start(2)] + rewritten + response.content[match.end(2) :]
        return response
