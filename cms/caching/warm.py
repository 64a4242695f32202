"""After a change is committed, render the answers it renewed again into the cache: those readers
read first, under the change's new versions before readers are switched to them (`render_before_switch`,
in the changing request, for up to PUBLISH_RENDER_SECONDS), the rest in the background, so that the
first reader after a publish usually finds a warm answer.

Only answers readers have asked for are rendered: a cache miss notes its URL (`note_read`), and a
change renews hundreds of answers (a chapter's title is on every page of its strategy, in four
languages, in HTML and the API) of which readers ask for a few; rendering the others every publish
took the CPU the readers needed. Strategy documents first (the most expensive answers to render),
then the changed object's own answers, then the other pages in the site's language, then the rest,
lists per language last; at most CACHE_WARM_LIMIT answers per run, the rest are rendered by the
first reader who asks.
A burst of changes coalesces: the URLs are gathered in the cache and one task is queued until
it starts; changes while it runs queue the next one. The gathering is best effort (two
processes adding at the same instant may lose one's URLs): a URL that is not warmed is only
rendered by its first reader, never served stale.
"""

import hashlib
import logging
import re
import time
from functools import cache as memoize
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.test import Client
from django.test.client import ClientHandler
from django.utils import translation
from django_tasks import task

logger = logging.getLogger(__name__)

PENDING = "cache-warm-pending"
SCHEDULED = "cache-warm-scheduled"
READ = "cache-warm-read"
# How long a read counts. An answer the warm-up keeps warm is never missed, so never noted again:
# once a week its first reader after a change renders it.
READ_SECONDS = 7 * 24 * 60 * 60
STRATEGY_DOCUMENT = re.compile(r"/api/v3/strategies/\d+/$")


def limit():
    return getattr(settings, "CACHE_WARM_LIMIT", 40)


def priority(url, first=()):
    parts = urlsplit(url)
    if STRATEGY_DOCUMENT.search(parts.path):
        return 0 if url in first else 1
    if url in first:
        return 2
    if parts.path.startswith(f"/{settings.LANGUAGE_CODE}/"):
        return 3
    return 5 if parts.query else 4


def read_key(url):
    # A reader's URL is percent-encoded (an Arabic slug), the reach's is not.
    return f"{READ}:" + hashlib.sha256(unquote(url).encode()).hexdigest()


def note_read(request):
    """A reader asked for an answer the cache did not hold: worth rendering again after a change.

    Called on misses only, which are rare once the cache is warm, so a hit costs nothing more."""
    if getattr(settings, "CACHE_WARM", True):
        cache.set(read_key(request.build_absolute_uri()), True, timeout=READ_SECONDS)


def warm_later(urls, first=()):
    """Queue the answers at these URLs for the warm-up; `first` (the changed object's own) before the rest."""
    if not getattr(settings, "CACHE_WARM", True) or not urls:
        return
    pending = cache.get(PENDING) or {}
    for url in urls:
        pending[url] = min(pending.get(url, 9), priority(url, first))
    cache.set(PENDING, pending, timeout=60 * 60)
    # add: only the first change of a burst queues a task; it is cleared when the task starts.
    if cache.add(SCHEDULED, True, timeout=10 * 60):
        warm.enqueue()


def asked_for(ranked):
    """The URLs readers have asked for, most wanted first: {url: priority} in, a list out."""
    keys = {url: read_key(url) for url in ranked}
    read = cache.get_many(list(keys.values()))
    return sorted((url for url in ranked if keys[url] in read), key=lambda url: (ranked[url], url))


@memoize
def handler():
    """This process's handler of the renders, its middleware loaded once, as a server loads its own. A new
    Client's handler loads it for its first request, and WhiteNoise's then reads every static file's
    metadata: 80 to 160 ms a render, a third of a publish's CPU, taken from readers. It keeps nothing of a
    request, so threads share it as they share the server's."""
    loaded = ClientHandler(enforce_csrf_checks=False)
    # Now, as a server loads its own at start: two threads' first renders must not both load it.
    loaded.load_middleware()
    return loaded


def loaded_again(setting, **kwargs):
    # Middleware reads some settings once, when it loads (tests change them).
    handler.cache_clear()


setting_changed.connect(loaded_again, dispatch_uid="cache-warm-handler")


def render(url):
    """The answer at `url`, as an anonymous reader asks at the site's public address (the caches store
    it under that host: versions.answer_key), rendered into the cache; whether it was stored."""
    parts = urlsplit(url)
    # A page that fails is logged by Django and rendered by its first reader; it must not fail the
    # publish it follows.
    client = Client(HTTP_HOST=parts.netloc, raise_request_exception=False)
    client.handler = handler()
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return client.get(path, secure=parts.scheme == "https").status_code == 200


def render_before_switch(urls, switch):
    """Render the renewed answers readers have asked for under the `switch`'s versions, most wanted
    first, until PUBLISH_RENDER_SECONDS have passed or `limit()` are done; the URLs left, for warm_later."""
    if not getattr(settings, "CACHE_WARM", True):
        return []
    wanted = asked_for({url: priority(url, switch.first) for url in urls})
    deadline = time.monotonic() + settings.PUBLISH_RENDER_SECONDS
    done = 0
    # The renders are whole requests in this thread; the language they activate is not this request's.
    with switch.rendering(), translation.override(translation.get_language()):
        while done < min(len(wanted), limit()) and time.monotonic() < deadline:
            render(wanted[done])
            done += 1
    logger.info("Rendered %s of the %s renewed answers readers have asked for before the switch", done, len(wanted))
    return wanted[done:]


@task(backend="cache-warm")
def warm():
    cache.delete(SCHEDULED)
    pending = cache.get(PENDING) or {}
    cache.delete(PENDING)
    wanted = asked_for(pending)
    rendered = sum(render(url) for url in wanted[: limit()])
    logger.info(
        "Warmed %s of the %s renewed answers readers have asked for (of %s)", rendered, len(wanted), len(pending)
    )
    return rendered
