"""wagtail-localize's background jobs on Wagtail's task framework (django-tasks).

wagtail-localize hands heavy work (translating a whole subtree, synchronising a
locale) to ``WAGTAILLOCALIZE_JOBS``'s backend. This backend turns each job into a
django-tasks task, so it runs on whatever queue ``TASKS`` configures (a database
queue with its worker in production) rather than inside the request.

Task arguments must be JSON, so model instances travel as (model label, primary key)
and are loaded again by the worker. Component managers and page indexes, the two
other things wagtail-localize passes, are rebuilt or recomputed by the worker; a
job whose arguments cannot be described that way runs at once, as before.
"""

import logging

from django.apps import apps
from django.db import models, transaction
from django.utils.module_loading import import_string
from django_tasks import task
from wagtail_localize.components import TranslationComponentManager
from wagtail_localize.synctree import PageIndex
from wagtail_localize.tasks import BaseJobBackend

logger = logging.getLogger(__name__)


class NotSerialisable(Exception):
    """An argument the worker could not rebuild from JSON."""


def encode(value):
    if isinstance(value, models.Model):
        return {"__model__": value._meta.label, "pk": value.pk}
    if isinstance(value, (list, tuple, models.QuerySet)):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {"__dict__": [[key, encode(item)] for key, item in value.items()]}
    if isinstance(value, PageIndex):
        return None  # a cache of the page tree: the worker builds a fresh one
    if isinstance(value, TranslationComponentManager):
        if value.components:
            raise NotSerialisable("translation components with form data")
        return None  # no components registered, so nothing to save
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise NotSerialisable(type(value).__name__)


def decode(value):
    if isinstance(value, list):
        return [decode(item) for item in value]
    if isinstance(value, dict) and "__model__" in value:
        return apps.get_model(value["__model__"])._default_manager.get(pk=value["pk"])
    if isinstance(value, dict) and "__dict__" in value:
        return {key: decode(item) for key, item in value["__dict__"]}
    return value


@task()
def run_localize_job(function_path: str, args: list, kwargs: dict):
    """Run one of wagtail-localize's jobs (e.g. translate_page_subtree) in the worker."""
    function = import_string(function_path)
    return function(*decode(args), **decode(kwargs))


def function_path(func) -> str:
    return f"{func.__module__}.{func.__qualname__}"


class TaskFrameworkJobBackend(BaseJobBackend):
    """Enqueues wagtail-localize jobs as django-tasks tasks on the default task backend."""

    def enqueue(self, func, args, kwargs):
        # The two long jobs become one short step per page (translation/subtree.py).
        # (Imported here: wagtail_localize.models loads this backend while it is imported.)
        from wagtail_localize.operations import translate_page_subtree
        from wagtail_localize.synctree import synchronize_tree

        from translation.subtree import submit_locale_sync, submit_subtree

        if func is translate_page_subtree:
            page_id, locales, components, user = args
            if components is None or not components.components:
                submit_subtree(page_id, locales, user)
                return
        if func is synchronize_tree:
            submit_locale_sync(*args)
            return
        try:
            payload = (function_path(func), encode(list(args)), encode(dict(kwargs)))
        except NotSerialisable as reason:
            logger.warning("Running %s in the request: %s cannot be queued", func.__name__, reason)
            func(*args, **kwargs)
            return
        # The job reads rows the request has just written, so it waits for their commit.
        transaction.on_commit(lambda: run_localize_job.enqueue(*payload))
