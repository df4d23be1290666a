"""Admin login throttling with django-axes: failures are counted per account and per address.

After ``LOGIN_FAILURE_LIMIT`` failed attempts for one username, or from one client
address, further attempts (even with the right password) are refused for
``LOGIN_COOLOFF_MINUTES`` with a 429 and a message saying how long to wait. Failures
are kept in the database (axes' AccessAttempt), so every worker sees them.
"""

import math

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.translation import ngettext


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' check, skipped for code that authenticates without a request (management commands)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """429 with how long to wait, in the admin's language; ``Retry-After`` for scripts."""
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds()) if cool_off else 0
    minutes = max(1, math.ceil(seconds / 60))
    message = ngettext(
        "Too many failed login attempts. Try again in %(minutes)d minute.",
        "Too many failed login attempts. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
    response = HttpResponse(format_html("<!doctype html><title>429</title><p>{}</p>", message), status=429)
    if seconds:
        response["Retry-After"] = str(seconds)
    return response
