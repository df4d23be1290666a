"""Python's garbage collector set for a long-running web process (``cms.wsgi``).

Two changes, both measured on the benchmark's API (bench/README.md):

- **Freeze what start-up built.** Django, Wagtail and the project leave about 200,000
  tracked objects behind once loaded; they live as long as the process. Left in the
  oldest generation, every full collection walks them all: a pause of 50 ms to 700 ms
  (on the benchmark's 2-core machine) that stops every thread of the worker at once,
  which is what set the slowest 1 % of listing requests. Frozen, they are never walked.
- **Collect the youngest generation less often.** At Python's default (a young
  collection per 700 new container objects) a listing request ran about one, and every
  tenth of those walked the middle generation too. Ten times the threshold halved the
  collector's time per request (listing 0.93 to 0.47 ms, search 0.30 to 0.12 ms); what a
  request leaves behind is freed by reference counting anyway, cycles aside.
"""

import gc

# Python's default is 700; the older generations keep theirs (10 and 10).
YOUNG_GENERATION_THRESHOLD = 7000


def settle_after_startup():
    """Call once the WSGI application is loaded, in each worker process."""
    gc.collect()  # what start-up left unreachable is freed, not frozen with the rest
    gc.freeze()
    _young, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, middle, oldest)
