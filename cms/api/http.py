"""HTTP headers that tell caches the truth about API responses.

An API response is the same for every visitor: it never depends on cookies, the
session or the browser's ``Accept-Language``. So ``/api/`` requests reach the
rest of the stack without those headers (nothing can come to depend on them by
accident), and every response of a URL says ``Vary: Origin`` and nothing else,
Origin being the one request header that changes it (the CORS headers). Django's
LocaleMiddleware and SessionMiddleware would otherwise add ``Accept-Language`` and
``Cookie``, only on some responses, splitting a CDN's cache for nothing.

``Content-Language`` is the language of the content: the view sets it
(``cms.api.caching`` remembers it for replayed responses) and responses without a
language (images, errors, mixed listings) carry none.
"""

API_PREFIX = "/api/"
IGNORED_REQUEST_HEADERS = ("HTTP_COOKIE", "HTTP_ACCEPT_LANGUAGE")


def set_content_language(response, language_code: str | None):
    """Mark a view's response with the language of its content (``None``: no single language)."""
    response.content_language = language_code
    return response


class APIHeadersMiddleware:
    """Outermost middleware: strips per-visitor request headers and fixes Vary and Content-Language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        for header in IGNORED_REQUEST_HEADERS:
            request.META.pop(header, None)
        response = self.get_response(request)
        response["Vary"] = "Origin"
        language = getattr(response, "content_language", None)
        if language:
            response["Content-Language"] = language
        elif response.has_header("Content-Language"):
            del response["Content-Language"]
        return response
