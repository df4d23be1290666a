"""Calling Django's WSGI application in-process: no sockets, no load generator, only the app's own time.

Profiles in this folder run with ``DJANGO_SETTINGS_MODULE=bench.settings`` and
``BENCH_DATABASE_URL`` naming a generated database (``python -m bench.generate``).
"""

import io
import os
import statistics
import time
from urllib.parse import urlsplit


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def environ_for(url: str, **headers) -> dict:
    """A GET request's WSGI environ, as gunicorn would build it behind keep-alive."""
    parts = urlsplit(url)
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": parts.path,
        "QUERY_STRING": parts.query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8480",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
    environ.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
    return environ


def call(app, environ: dict) -> tuple[str, dict, bytes]:
    """One request: status, headers and the whole body."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    result = app(dict(environ), start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return answer["status"], answer["headers"], body


def requests_per_second(app, environs: list[dict], count: int) -> float:
    """``count`` requests cycling through ``environs``, one after the other."""
    started = time.perf_counter()
    for number in range(count):
        call(app, environs[number % len(environs)])
    return count / (time.perf_counter() - started)


def median(values) -> float:
    return statistics.median(values)


def spread(values) -> str:
    return f"{min(values):,.0f}–{max(values):,.0f}"


def load() -> str:
    with open("/proc/loadavg") as loadavg:
        return " ".join(loadavg.read().split()[:3])
