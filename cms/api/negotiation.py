"""Content negotiation that ignores the client: every endpoint answers the same JSON to everyone.

The response cache (cms.api.caching) keys responses by URL. Were the body to follow
``Accept`` (DRF indents JSON for ``Accept: application/json; indent=8`` and answers
406 to ``Accept: text/html``), one client's header would decide what every other
client gets from the cache. So no request header changes the body.
"""

from rest_framework.negotiation import BaseContentNegotiation


class JSONWhateverAccept(BaseContentNegotiation):
    """The view's first renderer (JSON), with its plain media type: no ``indent`` parameter."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        renderer = renderers[0]
        return renderer, renderer.media_type
