"""One render per renewed answer: after a publish, every reader of a page asks for it at once, and
each process that found it missing rendered it again, so one publish cost two or three renders of
each page the readers were reading (gunicorn's access log in `make bench`'s publishing case: 10 to 12
renders of 5 to 7 answers per publish) and the duplicates took the CPU the first render needed.

The first process to miss an answer renders it; another that misses the same answer meanwhile waits
for it, up to RENDER_WAIT_SECONDS, and renders it itself only if none comes (the first renderer died,
or its answer was not one to store). The answer is keyed by the versions of what it shows
(versions.answer_key), so what a waiter gets was rendered after the change it is waiting for:
waiting never serves an answer older than the change.
"""

import math
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache

POLL_SECONDS = 0.01


def lock_of(key):
    return f"{key}:rendering"


def find(key):
    """The stored answer at `key`, from the cache or from another process's render of it; None: render
    it here, inside `rendering(key)`."""
    found = cache.get(key)
    return found if found is not None else rendered_elsewhere(key)


def rendered_elsewhere(key):
    """The answer another process stored while this one waited, or None (this process renders it)."""
    wait = settings.RENDER_WAIT_SECONDS
    # Redis keeps keys for whole seconds; a lock of 0 would be gone as soon as it was taken.
    if not wait or cache.add(lock_of(key), True, timeout=max(1, math.ceil(wait))):
        return None
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        found = cache.get_many([key, lock_of(key)])
        if key in found:
            return found[key]
        if lock_of(key) not in found:
            return None
    return None


@contextmanager
def rendering(key):
    """Around this process's render of `key`: waiters stop waiting once it ends, stored or not."""
    try:
        yield
    finally:
        cache.delete(lock_of(key))
