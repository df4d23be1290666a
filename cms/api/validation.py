"""Checks on what a client sends, made before any of it reaches the database or the search backend.

Every failure is a ``BadRequestError`` (a 400 with a message): a NUL byte makes
PostgreSQL refuse the query, a number past 64 bits overflows ``OFFSET``, and a
search of a few hundred words exhausts the search backend's recursion, each a
500 if it got that far. The limits are stated in the README and the OpenAPI document.
"""

import functools
import unicodedata
from urllib.parse import unquote_to_bytes

from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from wagtail.api.v2.utils import BadRequestError

# Ids are 32-bit integer columns; one bound for ids and offsets keeps the rule simple.
MAX_INTEGER = 2**31 - 1
SEARCH_MAX_WORDS = 32
SEARCH_MAX_CHARACTERS = 256
FIELDS_MAX_CHARACTERS = 1000


def check_query_string(request):
    """400 unless every name and value of the query string is UTF-8 without control characters."""
    raw = request.META.get("QUERY_STRING", "")
    # WSGI hands the query string over as bytes decoded as Latin-1; undo that to see the bytes sent.
    raw_bytes = raw.encode("iso-8859-1", errors="replace")
    for pair in raw_bytes.split(b"&"):
        for piece in pair.split(b"=", 1):
            try:
                text = unquote_to_bytes(piece.replace(b"+", b" ")).decode("utf-8")
            except UnicodeDecodeError as error:
                raise BadRequestError("the query string is not valid UTF-8") from error
            name = pair.split(b"=", 1)[0].decode("utf-8", errors="replace")
            if any(unicodedata.category(char) == "Cc" for char in text):
                raise BadRequestError(f"{name}: control characters (such as NUL) are not allowed")
        # A parameter given without a value is a mistake (an unfilled form field), not "any".
        if pair and not pair.partition(b"=")[2]:
            raise BadRequestError(f"{name}: a value is required when the parameter is given")


def bounded_integer(value, name: str, minimum: int, maximum: int = MAX_INTEGER) -> int:
    """``value`` (a string or int) as an int in ``[minimum, maximum]``, else a 400 naming the range."""
    message = f"{name} must be an integer between {minimum} and {maximum}"
    text = str(value)
    digits = text[1:] if text.startswith("-") else text
    # Checked as text first: int() of thousands of digits is slow, and accepts non-ASCII digits.
    if not digits.isascii() or not digits.isdigit() or len(digits) > len(str(maximum)):
        raise BadRequestError(message)
    number = int(text)
    if not minimum <= number <= maximum:
        raise BadRequestError(message)
    return number


def object_id(value, name: str = "id") -> int:
    return bounded_integer(value, name, 1)


def search_query(value: str | None) -> str:
    query = (value or "").strip()
    if not query:
        raise BadRequestError("q is required")
    if len(query) > SEARCH_MAX_CHARACTERS:
        raise BadRequestError(f"q: at most {SEARCH_MAX_CHARACTERS} characters")
    if len(query.split()) > SEARCH_MAX_WORDS:
        raise BadRequestError(f"q: at most {SEARCH_MAX_WORDS} words")
    return query


def fields_expression(value: str | None) -> str | None:
    """The ``fields`` parameter, short and flat: nested ``(...)`` are refused before parsing them."""
    if value is None:
        return None
    if len(value) > FIELDS_MAX_CHARACTERS:
        raise BadRequestError(f"fields: at most {FIELDS_MAX_CHARACTERS} characters")
    if "(" in value or ")" in value:
        raise BadRequestError("fields: nested fields (parentheses) are not supported")
    return value


READ_METHODS = "GET, HEAD, OPTIONS"


def read_only_view(view):
    """For the API views outside DRF: GET and HEAD with a checked query string, OPTIONS, else 405.

    DRF's viewsets do the same themselves (cms.api.views.APIEndpoint).
    """

    # CSRF-exempt like DRF's views: no method here changes anything, and any other
    # method must meet the 405 below rather than the CSRF middleware's 403.
    @csrf_exempt
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse()
        elif request.method not in ("GET", "HEAD"):
            response = JsonResponse({"message": f'Method "{request.method}" not allowed.'}, status=405)
        else:
            try:
                check_query_string(request)
            except BadRequestError as error:
                return JsonResponse({"message": str(error)}, status=400)
            return view(request, *args, **kwargs)
        response["Allow"] = READ_METHODS
        return response

    return wrapped
