"""Long translation jobs as short steps that survive their worker.

Submitting a subtree for translation and synchronising a locale used to be one task each,
which could run for minutes: a SIGTERM waited for it (longer than systemd's or Docker's
stop timeout) and a SIGKILL lost it. Here such a job is a ``PageJob`` row holding its plan
(the page ids, in tree order) and its position, worked through by ``run_page_job``:

- each page is one transaction that does the page *and* advances the position, under a
  lock on the job's row, so a page is done exactly once even when a task runs twice;
- a task works for at most ``SLICE_SECONDS`` then queues its own continuation (in the
  same transaction as its last page) and ends, so a worker asked to stop is free within
  seconds;
- a task whose worker died is run again by the next worker (ops/tasks.py) and simply
  carries on from the position.

Parents come before children in the plan and the steps run one after another, so a page
is always translated after its parent.
"""

import time

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from wagtail.models import Locale, Page
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.synctree import PageIndex

from translation.models import PageJob

SLICE_SECONDS = 2.0


def submit_subtree(page_id: int, locales, user) -> PageJob:
    """Plan the translation of a page's descendants (the page itself is done by the request)."""
    root = Page.objects.get(pk=page_id)
    page_ids = list(root.get_descendants().order_by("path").values_list("pk", flat=True))
    job = PageJob.objects.create(
        kind=PageJob.TRANSLATE,
        page_ids=page_ids,
        locale_ids=[locale.pk for locale in locales],
        user=user if getattr(user, "pk", None) else None,
    )
    start(job)
    return job


def submit_locale_sync(source_locale, target_locale) -> PageJob:
    """Plan the aliases a locale is missing, as wagtail-localize's synchronize_tree would."""
    index = PageIndex.from_database().sort_by_tree_position()
    page_ids = []
    for entry in index.not_translated_into(target_locale):
        in_source = source_locale.pk in entry.locales or source_locale.pk in entry.aliased_locales
        if in_source and target_locale.pk not in entry.aliased_locales:
            source = Page.objects.filter(translation_key=entry.translation_key, locale=source_locale)
            page_ids += source.values_list("pk", flat=True)
    job = PageJob.objects.create(
        kind=PageJob.ALIAS, page_ids=page_ids, locale_ids=[target_locale.pk], source_locale=source_locale
    )
    start(job)
    return job


def start(job: PageJob):
    # The plan reads rows the request has just written: the worker starts after the commit.
    transaction.on_commit(lambda: run_page_job.enqueue(job.pk))


@task()
def run_page_job(job_id: int):
    """Do the next pages of a job for up to SLICE_SECONDS, then queue the rest."""
    # Run at once (development), the whole job is one call: no slices, no recursion.
    deadline = None if isinstance(run_page_job.get_backend(), ImmediateBackend) else time.monotonic()
    done = 0
    while True:
        with transaction.atomic():
            job = PageJob.objects.select_for_update().filter(pk=job_id).first()
            if job is None or job.finished_at is not None:
                return done
            if job.position < len(job.page_ids):
                do_step(job, job.page_ids[job.position])
                job.position += 1
                done += 1
            if job.position >= len(job.page_ids):
                job.finished_at = timezone.now()
            elif deadline is not None and time.monotonic() - deadline > SLICE_SECONDS:
                run_page_job.enqueue(job.pk)  # written in this transaction: never lost, never twice
                job.save(update_fields=["position", "finished_at"])
                return done
            job.save(update_fields=["position", "finished_at"])
            if job.finished_at is not None:
                return done


def do_step(job: PageJob, page_id: int):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return  # deleted since the job was planned
    locales = list(Locale.objects.filter(pk__in=job.locale_ids))
    if job.kind == PageJob.TRANSLATE:
        TranslationCreator(job.user, locales).create_translations(page)
    else:
        for locale in locales:
            if not Page.objects.filter(translation_key=page.translation_key, locale=locale).exists():
                page.specific.copy_for_translation(locale, copy_parents=True, alias=True)
