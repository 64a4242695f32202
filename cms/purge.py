"""Tell the CDN in front of the site what changed. Which URLs a change reaches is computed once, by
the server caches' change handler (cms/caching/signals.py): on publish or unpublish of a page or a
snippet, every HTML and API URL that shows it, in every language; when a page's audience or
address changes (a view restriction added, changed or removed, a move, a new slug, a delete), the
page and every page below it, at its old and its new address. That handler calls `purge` after the
commit, once the server's own caches are renewed: a CDN that refetches at once gets the new version.
"""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(urls):
    if enabled() and urls:
        purge_urls_from_cache(urls)
