"""Renditions made once: concurrent first requests for one rendition decode the original once.

Wagtail makes a rendition on its first request; twenty simultaneous first requests
each decoded the original (memory times twenty) and all but one left an orphaned
file behind, losing the race to insert the rendition's row. Here the first request
for a missing rendition takes a row lock on the image; the others wait for it, then
find the rendition it made. Existing renditions are found without any lock.

Memory per rendition is bounded by ``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` (uploads above
it are refused), and each process makes one rendition at a time, whatever the number of
its threads: the README's gunicorn runs threads, so that while one thread makes a
rendition (or waits for the one another process is making) the others keep answering
the API instead of every worker being held by a burst of first renditions.
"""

import threading

from django.db import transaction
from wagtail.images.models import Filter

# One rendition made at a time per process: the memory of one decoded original at most.
MAKING_A_RENDITION = threading.Lock()


def get_rendition_once(image, filter_spec: str):
    rendition_model = image.get_rendition_model()
    try:
        return image.find_existing_rendition(image.clean_filter_for_svg(Filter(spec=filter_spec)))
    except rendition_model.DoesNotExist:
        pass
    with MAKING_A_RENDITION, transaction.atomic():
        # select_for_update is a row lock on PostgreSQL; SQLite serialises writers on its own.
        list(type(image).objects.select_for_update().filter(pk=image.pk).values_list("pk", flat=True))
        return image.get_rendition(filter_spec)
