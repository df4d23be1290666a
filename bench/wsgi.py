"""WSGI entry point of the benchmark's gunicorn servers."""

import os

from django.core.wsgi import get_wsgi_application

from ops.garbage_collection import settle_after_startup

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
application = get_wsgi_application()
# Ours and the floor are served as cms.wsgi serves the project; stock Wagtail as its own
# project template's wsgi.py does, with Python's default collector.
if os.environ.get("BENCH_SERVER", "ours") != "stock":
    settle_after_startup()
