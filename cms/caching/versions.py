"""The versions cached answers are keyed by: one per group of answers that change together (a scope),
and one global version above them all.

A scope is what one URL's answer depends on as the reach of a change names it (reach.py): an HTML
page's path, one API page with its breadcrumbs and translations, one strategy document, one
snippet, one API list with every query string. A change renews the versions of the scopes it
reaches, so the next request for one of those answers misses the cache and sees the change, and
every other answer stays cached. Answers whose dependencies no change computes (the change feed,
follow-ups, the OpenAPI document, search) share the scope "misc", which every change renews, as
every change renewed everything before.

The global version is renewed only for changes whose reach cannot be computed (a site, a language,
a page moved to or from the top of a site), and a deploy starts a new build (cms/build.py); each
use of it is logged. Versions live in the shared cache, so every process sees a change at once.

A change's new scope versions are prepared in its transaction (`Prepared`) and seen only by that
transaction's own reads; every other process keeps the previous answers, which were right until the
commit. At the commit the transaction's changes get the versions they share (`Switch`); the answers
readers read are rendered under them before the switch shares them (signals.py), so a publish
leaves readers no cold answers to wait for, and no other process can cache rows from before the
commit under the new versions.
"""

import hashlib
import logging
import re
import time
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache as memoize
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone, translation

from ..api_paths import COLLECTIONS
from ..api_paths import PREFIX as API

logger = logging.getLogger(__name__)

GLOBAL = "content-version"
MISC = "misc"
API_LISTS = ("pages", "strategies", "navigation")
API_ANSWER = re.compile(r"^([a-z-]+)/(?:(\d+)/(?:[a-z-]+/)?)?$")


def scope_key(scope):
    return f"{GLOBAL}:{scope}"


API_ROOTS = frozenset((*API_LISTS, *COLLECTIONS.values()))


@memoize
def non_page_prefixes():
    """HTML paths served by views other than pages' (search, follow-ups): they show whatever they
    find, so their answers are in "misc"."""
    prefixes = ["/robots.txt"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for name, kwargs in (("search", {}), ("follow_up", {"year": 2000})):
                prefixes.append(reverse(name, kwargs=kwargs).removesuffix("2000/"))
    return tuple(prefixes)


def scope_of(path):
    """The scope of the answer at this path (a URL's path, without the query)."""
    if path.startswith(API):
        match = API_ANSWER.match(path[len(API) :])
        if match is None or match.group(1) not in API_ROOTS:
            return MISC
        root, pk = match.groups()
        if pk is None:
            return f"api:{root}/"
        if root == "navigation":
            return MISC
        return f"api:{root}/{pk}/"
    if path.startswith(non_page_prefixes()):
        return MISC
    return f"html:{path}"


def fresh():
    return (uuid.uuid4().hex, timezone.now())


def read(keys):
    prepared = Prepared.seen_here()
    shared = [key for key in keys if key not in prepared]
    found = cache.get_many(shared) if shared else {}
    missing = [key for key in shared if key not in found]
    for key in missing:
        # add, not set: two processes starting the same version at once agree on one.
        cache.add(key, fresh(), timeout=None)
    if missing:
        found.update(cache.get_many(missing))
    return [prepared[key] if key in prepared else found[key] for key in keys]


# This thread's open transactions' Prepared, and the versions it renders under between a commit and its switch.
_open = ContextVar("prepared_in_transaction", default=())
_rendering = ContextVar("prepared_rendering", default=None)
SWITCH_LOCK = f"{GLOBAL}:switching"


class Prepared:
    """A change's new versions for the scopes it reaches, seen only by its own transaction's reads."""

    def __init__(self, urls, first, on_commit):
        self.urls, self.first = set(urls), set(first)
        self.on_commit = on_commit
        self.done = False
        self.versions = new_versions(self.urls)

    @classmethod
    def change(cls, urls, first, on_commit):
        """Prepare new versions for these URLs in the open transaction; once it commits, `on_commit(switch)`."""
        prepared = cls(urls, first, on_commit)
        queued = queued_on_commit()
        _open.set((*(earlier for earlier in _open.get() if earlier.is_open(queued)), prepared))
        transaction.on_commit(prepared.commit)
        return prepared

    def is_open(self, queued):
        """Until its transaction commits (the callback runs) or rolls back (Django drops the callback)."""
        return not self.done and self.commit in queued

    def commit(self):
        """The first of a transaction's changes to be told of the commit takes the others with it (Django has
        dequeued their callbacks too), so a transaction of many changes renders and switches once."""
        if self.done:
            return
        queued = queued_on_commit()
        together = [self, *(other for other in _open.get() if not other.done and other.commit not in queued)]
        for prepared in together:
            prepared.done = True
        # Every read of this thread looks at what is left: a worker's thread keeps none after its commits.
        _open.set(tuple(prepared for prepared in _open.get() if not prepared.done))
        urls = set().union(*(prepared.urls for prepared in together))
        first = set().union(*(prepared.first for prepared in together))
        self.on_commit(Switch(urls, first))

    @staticmethod
    def seen_here():
        seen = {}
        if _open.get():
            queued = queued_on_commit()
            for prepared in _open.get():
                if prepared.is_open(queued):
                    seen.update(prepared.versions)
        return {**seen, **(_rendering.get() or {})}


def new_versions(urls):
    """{scope key: (version, when it began)}, new, for the scopes of these URLs."""
    at = timezone.now()
    return {scope_key(scope): (uuid.uuid4().hex, at) for scope in scopes_of(urls)}


def queued_on_commit():
    # Django keeps no other record of which transaction a change was made in.
    return {func for _savepoints, func, _robust in connection.run_on_commit}


class Switch:
    """The versions a committed change shares once the answers readers read are rendered under them.

    New at the commit: whatever the changing transaction itself cached under its prepared versions
    may predate a later change in it, and is never shared."""

    def __init__(self, urls, first):
        self.urls, self.first = urls, first
        self.versions = new_versions(urls)

    def shared(self):
        return cache.get_many(list(self.versions))

    @contextmanager
    def rendering(self):
        """This thread's reads see the new versions: the renders between the commit and the switch."""
        token = _rendering.set({**(_rendering.get() or {}), **self.versions})
        try:
            yield
        finally:
            _rendering.reset(token)

    def switch(self, before):
        """Share the new versions. A scope another change switched since `before` (read after this
        commit) gets a new version instead: what was rendered here may not show that change."""
        with switching():
            now = cache.get_many(list(self.versions))
            at = timezone.now()
            cache.set_many(
                {
                    key: version if now.get(key) == before.get(key) else (uuid.uuid4().hex, at)
                    for key, version in self.versions.items()
                },
                timeout=None,
            )
        # Shared now: this thread reads them as every process does (an enclosing transaction's Prepared,
        # in tests that run commit callbacks inside one, holds versions from before this commit).
        for prepared in _open.get():
            for key in self.versions:
                prepared.versions.pop(key, None)


def switching():
    """Compare and set across processes: held for the two cache calls of a switch."""
    return held(SWITCH_LOCK, seconds=5)


@contextmanager
def held(name, seconds):
    """A lock across processes, in the shared cache, for work that takes less than `seconds`."""
    token = uuid.uuid4().hex
    deadline = time.monotonic() + seconds
    # A holder that died leaves a lock that expires: wait for it no longer than it lives.
    while not cache.add(name, token, timeout=seconds) and time.monotonic() < deadline:
        time.sleep(0.001)
    try:
        yield
    finally:
        if cache.get(name) == token:
            cache.delete(name)


def content_version(request=None, path=None):
    """(version, when it began) of the answer at the path (the request's path by default).

    Shared by every process through the cache. Given the request, it is read once per request
    however many middlewares ask. Without a path or request, the global version.
    """
    if path is None and request is not None:
        path = request.path
    keys = [GLOBAL] if path is None else [GLOBAL, scope_key(scope_of(path))]
    memo = getattr(request, "_content_versions", None) if request is not None else None
    if memo is not None and tuple(keys) in memo:
        return memo[tuple(keys)]
    versions = read(keys)
    current = (".".join(version for version, _at in versions), max(at for _version, at in versions))
    if request is not None:
        memo = request.__dict__.setdefault("_content_versions", {})
        memo[tuple(keys)] = current
        # The global version alone comes with it, for SiteLookupMiddleware.
        memo[(GLOBAL,)] = versions[0]
    return current


def global_version(request=None):
    """(version, when it began) of what every answer depends on: sites, languages, where the sites' roots are."""
    memo = getattr(request, "_content_versions", None) if request is not None else None
    if memo is not None and (GLOBAL,) in memo:
        return memo[(GLOBAL,)]
    [current] = read([GLOBAL])
    if request is not None:
        request.__dict__.setdefault("_content_versions", {})[(GLOBAL,)] = current
    return current


def answer_key(kind, request, path):
    """The cache key of a stored answer: this build, the versions of its scope, this host and path.

    A change renews its scopes' versions and a deploy starts a new build (cms/build.py), so neither
    can serve an answer from before it.
    """
    version, _changed_at = content_version(request, urlsplit(path).path)
    raw = f"{settings.BUILD_ID}|{version}|{request.get_host()}|{path}"
    return f"{kind}:" + hashlib.sha256(raw.encode()).hexdigest()


def scopes_of(urls):
    # Decoded, as request.path is: an Arabic slug may come percent-encoded in a URL.
    return {scope_of(unquote(urlsplit(url).path)) for url in urls} | {MISC}


def renew_everything(reason):
    """The fallback: every answer of every scope, for a change whose reach is not computed."""
    logger.info("Every cached answer renewed (global content version): %s", reason)
    cache.set(GLOBAL, fresh(), timeout=None)
