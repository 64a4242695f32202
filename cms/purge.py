"""Tell the CDN in front of the site what changed: on publish or unpublish of a page or a snippet,
purge every HTML and API URL that shows it, in every language; and whenever a page's audience or
address changes (a view restriction added, changed or removed, a move, a new slug, a delete),
the page and every page below it, at its old and its new address. Which URLs those are is
computed in cms/caching/reach.py, which the server caches use too.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from .caching.reach import (
    urls_for_every_page,
    urls_for_move,
    urls_for_page,
    urls_for_slug_change,
    urls_for_snippet,
    urls_for_subtree,
)


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_later(urls_of, instance):
    if not enabled():
        return
    # The addresses now, while a deleted page and its translations are still there to ask; the purge
    # after the commit: a CDN that refetches at once must get the new version, not the old one.
    urls = sorted(urls_of(instance))
    transaction.on_commit(lambda: purge_urls_from_cache(urls))


def on_page_change(sender, instance, **kwargs):
    # Deleting a live page unpublishes it first (Wagtail's pre_delete), so deletes arrive here too.
    purge_later(urls_for_page, instance)


def on_snippet_change(sender, instance, **kwargs):
    from snippets.models.publishable import PublishableSnippet

    if isinstance(instance, PublishableSnippet):
        purge_later(urls_for_snippet, instance)


def on_contact_details_change(sender, instance, **kwargs):
    # The footer of every page shows them; the API does not.
    purge_later(urls_for_every_page, instance)


def on_view_restriction_change(sender, instance, **kwargs):
    """A page made private must not stay public in the CDN, nor a page made public stay missing."""
    page = Page.objects.filter(pk=instance.page_id).specific().first()
    if page is not None:
        purge_later(urls_for_subtree, page)


def on_page_move(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    page = Page.objects.get(pk=instance.pk).specific
    purge_later(lambda page: urls_for_move(page, parent_page_before, url_path_before, url_path_after), page)


def on_slug_change(sender, instance, instance_before, **kwargs):
    page = Page.objects.get(pk=instance.pk).specific
    purge_later(lambda page: urls_for_slug_change(page, instance_before.url_path), page)


def connect():
    from .contact_details import MunicipalityContactDetails

    post_save.connect(on_contact_details_change, sender=MunicipalityContactDetails, dispatch_uid="cdn-purge-contact")
    page_published.connect(on_page_change, dispatch_uid="cdn-purge-page-published")
    page_unpublished.connect(on_page_change, dispatch_uid="cdn-purge-page-unpublished")
    published.connect(on_snippet_change, dispatch_uid="cdn-purge-published")
    unpublished.connect(on_snippet_change, dispatch_uid="cdn-purge-unpublished")
    post_page_move.connect(on_page_move, dispatch_uid="cdn-purge-page-moved")
    page_slug_changed.connect(on_slug_change, dispatch_uid="cdn-purge-slug-changed")
    for signal in (post_save, post_delete):
        signal.connect(
            on_view_restriction_change, sender=PageViewRestriction, dispatch_uid=f"cdn-purge-restriction-{id(signal)}"
        )
